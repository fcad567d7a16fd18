-- bench/plain_error.lua: hs.error_response's job written in plain Lua, as a
-- user would write it in an error handler, for bench/bench.lua: the Accept
-- and Accept-Language values split at commas, each member read with a
-- pattern, the ranges sorted by weight, the first offer a range takes
-- chosen; then the body put together by concatenation, values escaped with
-- gsub. It does less than the module (no parameters, no specificity, no
-- UTF-8 repair, Chinese not by script): what the module is measured against
-- is the usual handwritten code, not the same rules.
--
--   local plain = dofile("bench/plain_error.lua")(reasons, descriptions)
--   local body, headers = plain(404, accept, accept_language)
--
-- reasons and descriptions: { en = { [code] = text }, zh = { ... } }.
local FORMATS = { { "application/problem+json", "json" }, { "application/json", "json" },
                  { "text/html", "html" }, { "text/plain", "text" } }
local LANGS = { "en", "zh" }
local HTML_ESCAPES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
local JSON_ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

-- the ranges of a field value, sorted by weight, heaviest first
local function ranges(value)
  local list = {}
  for member in value:gmatch("[^,]+") do
    local range = member:match("^%s*([^;%s]+)")
    local q = tonumber(member:match(";%s*q=([%d.]+)") or "1") or 0
    if range then list[#list + 1] = { range = range:lower(), q = q, at = #list } end
  end
  table.sort(list, function(a, b)
    if a.q ~= b.q then return a.q > b.q end
    return a.at < b.at
  end)
  return list
end

local function choose_format(accept)
  for _, r in ipairs(ranges(accept or "*/*")) do
    if r.q > 0 then
      for _, f in ipairs(FORMATS) do
        local t, s = r.range:match("^([^/]+)/(.+)$")
        local ft, fs = f[1]:match("^([^/]+)/(.+)$")
        if t == "*" or (t == ft and (s == "*" or s == fs)) then return f end
      end
    end
  end
  return FORMATS[1]
end

local function choose_lang(accept_language)
  for _, r in ipairs(ranges(accept_language or "en")) do
    if r.q > 0 then
      local primary = r.range:match("^(%a+)")
      for _, l in ipairs(LANGS) do
        if primary == l or r.range == "*" then return l end
      end
    end
  end
  return LANGS[1]
end

return function(reasons, descriptions)
  return function(code, accept, accept_language)
    local format, lang = choose_format(accept), choose_lang(accept_language)
    local title = reasons[lang][code] or "Error"
    local description = descriptions[lang][code] or ""
    local body
    if format[2] == "json" then
      body = '{"type":"about:blank","title":"' .. title:gsub('[%c"\\]', JSON_ESCAPES) .. '","status":' .. code .. "}"
    elseif format[2] == "html" then
      local t = title:gsub("[&<>\"']", HTML_ESCAPES)
      body = '<!DOCTYPE html>\n<html lang="' .. lang .. '">\n<head>\n<meta charset="utf-8">\n<title>' .. code
        .. " " .. t .. "</title>\n</head>\n<body>\n<h1>" .. code .. " " .. t .. "</h1>\n<p>"
        .. description:gsub("[&<>\"']", HTML_ESCAPES) .. "</p>\n</body>\n</html>\n"
    else
      body = code .. " " .. title .. "\n\n" .. description .. "\n"
    end
    return body, {
      ["Content-Type"] = format[1], ["Content-Length"] = tostring(#body), ["Content-Language"] = lang,
      Vary = "Accept, Accept-Language", ["X-Content-Type-Options"] = "nosniff",
    }
  end
end
