-- tests/host_calls.lua: calls of every function, as a chunk that is given
-- the module (...) and returns its answers as text, one line a call. It runs
-- where the pure edition must (Redis, Fengari) and beside the C module;
-- tests/hosts.sh compares the texts. Lua 5.1 to 5.5, no library but
-- string, table and math; every number written the same way on each.
local hs = ...
local out = {}

local function show(v)
  local t = type(v)
  if t == "number" then
    if v == math.floor(v) and v > -2 ^ 53 and v < 2 ^ 53 then return string.format("%d", v) end
    return string.format("%.14g", v)
  end
  if t == "string" then  -- quoted the same way on every Lua (%q is not)
    return '"' .. v:gsub('[%c"\\]', function(ch) return string.format("\\%03d", ch:byte()) end) .. '"'
  end
  if t == "table" then
    if getmetatable(v) == "httpstatus.set" then return "set " .. tostring(v) end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = tostring(k) .. "=" .. show(v[k]) end
    return "{" .. table.concat(parts, ",") .. "}"
  end
  if t == "userdata" and getmetatable(v) == "httpstatus.set" then return "set " .. tostring(v) end
  return tostring(v)
end

local function pack(...) return { n = select("#", ...), ... } end
local function try(name, ...)
  local r = pack(pcall(hs[name], ...))
  local parts = {}
  for i = 2, r.n do parts[#parts + 1] = show(r[i]) end
  out[#out + 1] = name .. " -> " .. (r[1] and "" or "raises ") .. table.concat(parts, ", ")
end

local NOW = 1764000000
for _, c in ipairs { 100, 200, 204, 301, 304, 306, 404, 418, 429, 451, 499, 503, 599, 600, 0, "404", 404.5, true } do
  for _, name in ipairs { "reason", "describe", "name", "class", "canonical", "is_valid", "is_registered",
                          "is_error", "is_cacheable", "is_empty", "is_redirect", "is_retryable", "to_grpc",
                          "info", "required_headers" } do
    try(name, c)
  end
  try("reason", c, "zh")
  try("reason", c, "zh-TW")
  try("describe", c, "zh-Hant")
  try("is_retryable", c, "POST")
  try("redirect_method", c, "POST")
  try("span_status", c, "client")
end
try("reason", 404, "fr")
for _, v in ipairs { "Not Found", "request entity too large", "I'm a teapot", "NOT_FOUND", "0404", "x", "" } do
  try("code", v)
end
for _, v in ipairs { "HTTP/1.1 404 Not Found", "HTTP/2 200", "HTTP/1.1 999 x", "HTTP/1.1 200 O\1K", 5 } do
  try("parse_status_line", v)
end
try("status_line", 404)
try("status_line", 299, "HTTP/2")
try("status_line", 200, "HTTP/9")
try("list", "5xx")
try("list", 6)
for _, v in ipairs { "500-504,!501", "4xx 5xx", "retryable", "!404", "6xx", "", 1000 } do
  try("set", v)
end
local s = hs.set("5xx")
out[#out + 1] = "algebra -> " .. show(s - "501") .. ", " .. show("429" + s) .. ", " .. show(s * { 500, 404 })
  .. ", " .. tostring(hs.set("502-503") <= s) .. ", " .. tostring(s < s) .. ", " .. show(#s) .. ", "
  .. tostring(s:has(503)) .. ", " .. tostring(s(404))
local ok, err = pcall(function() return s + "bogus" end)
out[#out + 1] = "bad operand -> " .. tostring(ok) .. ", " .. tostring(err):gsub("^[^:]*:%d+: ", "")
for _, v in ipairs { "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
                     "Sat, 31 Dec 2016 23:59:60 GMT", "Sun, 31 Nov 1994 08:49:37 GMT", "soon" } do
  try("parse_http_date", v, NOW)
  try("retry_after", v, NOW)
end
try("retry_after", "120")
try("retry_after", 3600)  -- (Fengari's integers are 32 bits: nothing here is above 2^31 - 1)
try("http_date", 784111777)
try("http_date", -1)
for _, v in ipairs { 0, 14, "UNAVAILABLE", "ok", "16", 17 } do try("from_grpc", v) end
try("problem", 404, { detail = "no such page" })
local FORMATS = { "application/problem+json", "application/json", "text/html", "text/plain" }
for _, v in ipairs { "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "application/json;q=0, */*", "image/png",
                     "text/html;q=2", "", { "text/plain;q=0.5", "text/html" } } do
  try("negotiate", v, FORMATS, "none")
end
try("negotiate", "text/html", { "text/*" })
for _, c in ipairs { 404, 405, 499, 204, 205, 503 } do
  try("error_response", c, { accept = "text/html", accept_language = "zh-CN", detail = "<x> \"y\" \255" })
  try("error_response", c, { formats = { "json" }, extensions = { n = 1.5, ok = true }, headers = { Allow = "GET" } })
  try("error_response", c, { formats = { "text" }, lang = "en", method = "HEAD" })
end
try("error_response", 404, { headers = { X = "a\r\nb" } })
for _, v in ipairs { "zh-TW,zh;q=0.9,en;q=0.8", "zh-CN", "zh-HK", "en;q=0, *", "fr, en", "de" } do
  try("negotiate_language", v, { "en", "zh-Hans", "zh-Hant", "fr" }, "none")
end
out[#out + 1] = "fields -> " .. show(hs.NOT_FOUND) .. ", " .. show(hs.reasons[429]) .. ", "
  .. show(hs.constants.PAYLOAD_TOO_LARGE) .. ", " .. show(hs.unofficial[499][1].source) .. ", "
  .. show(hs.registry_date) .. ", " .. show(hs._VERSION)
return table.concat(out, "\n")
