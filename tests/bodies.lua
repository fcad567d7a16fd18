-- tests/bodies.lua N: N error bodies in JSON and N in HTML from
-- hs.error_response, with random hostile details and instances (invalid
-- UTF-8, NUL and other control bytes, quotes, markup, template names), for
-- tests/bodies.py, which parses each with Python's own json and
-- html.parser. One JSON object a line: { "f": "json" or "html", "code",
-- "detail" (whether one was given), "instance", "description" (whether
-- the code has one), "lang", "body" (its bytes as hex) }.
local hs = require "httpstatus"
local N = tonumber(arg[1]) or 10000
local rand = dofile("tests/rand.lua")(20261208)
local PIECES = { "<script>alert(1)</script>", '"', "'", "&", "&amp;", "<", ">", "{title}", "{detail}", "</p>",
                 "<!--", "]]>", "\\", "\0", "\1", "\27", "\127", "\r\n", "\t", "\255", "\192\128", "\237\160\128",
                 "\244\144\128\128", "\226\130\172", "\240\159\152\128", "\226\130", "a", "Z", " ", "é",
                 "\226\128\168", "javascript:", "onload=", "<img src=x onerror=alert(1)>" }
local function hostile()
  local parts = {}
  for i = 1, rand(12) do
    if rand(4) == 1 then parts[i] = string.char(rand(256) - 1) else parts[i] = PIECES[rand(#PIECES)] end
  end
  return table.concat(parts)
end
local CODES = { 400, 401, 403, 404, 405, 409, 413, 418, 422, 429, 431, 451, 499, 500, 502, 503, 504, 599 }
local function hex(s) return (s:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end
for _, f in ipairs { "json", "html" } do
  for _ = 1, N do
    local code = CODES[rand(#CODES)]
    local opts = { formats = { f == "json" and (rand(2) == 1 and "json" or "problem+json") or "html" },
                   lang = ({ "en", "zh", "zh-TW" })[rand(3)] }
    if rand(5) > 1 then opts.detail = hostile() end
    if rand(3) == 1 then opts.instance = hostile() end
    if f == "json" and rand(4) == 1 then opts.extensions = { [hostile()] = hostile(), n = rand(1000) / 8 } end
    local body = hs.error_response(code, opts)
    print(('{"f":"%s","code":%d,"detail":%s,"instance":%s,"description":%s,"lang":"%s","body":"%s"}'):format(
      f, code, tostring(opts.detail ~= nil), tostring(opts.instance ~= nil), tostring(hs.describe(code) ~= nil),
      ({ en = "en", zh = "zh-Hans", ["zh-TW"] = "zh-Hant" })[opts.lang], hex(body)))
  end
end
