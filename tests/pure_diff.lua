-- tests/pure_diff.lua: the pure-Lua edition against the C module, on the
-- same inputs: for every function, N random and mutated argument lists
-- (codes of every type, names and phrases, status lines, set specs, dates,
-- Retry-After values, methods, gRPC statuses, languages, kinds, fields),
-- and the set operations; every return value (with its integer or float
-- subtype) and every raise (with its position) compared. 0 differences.
--
--   LUA_CPATH='build/5.4/?.so' lua5.4 tests/pure_diff.lua [N]   (default 100000)
--
-- What the editions may differ in, and only that (DESIGN.md): a set is a
-- userdata in one and a table in the other, so a set is compared by its
-- codes and a message's type name of a set ("userdata", "table") is read
-- as one word. Prints TAP (one test a function).
package.path = "lua/?.lua;" .. package.path
local C = require "httpstatus"
local P = require "httpstatus.pure"
local N = tonumber(arg and arg[1]) or 100000
local mtype = math.type

-- a deterministic generator (Park-Miller: exact in a double on every VM)
local rand, pick = dofile("tests/rand.lua")(20261201)

-- a value's canonical text, so that two answers compare as text
local function canon(v)
  if getmetatable(v) == "httpstatus.set" then return "set<" .. tostring(v) .. ">" end
  local t = type(v)
  if t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) and (type(a) == "number" or type(a) == "string") then return a < b end
      return type(a) < type(b)
    end)
    local o = {}
    for _, k in ipairs(keys) do o[#o + 1] = canon(k) .. "=" .. canon(v[k]) end
    return "{" .. table.concat(o, ",") .. "}"
  end
  if t == "number" then
    if v ~= v then return "nan" end
    return string.format("%.17g", v) .. (mtype and mtype(v) or "")
  end
  if t == "string" then return string.format("%q", v) end
  if t == "function" or t == "userdata" or t == "thread" then return t end
  return tostring(v)
end

-- (a set compared with a table: two tables to Lua 5.1 and LuaJIT, which
-- then say so in other words)
local function normal(msg)
  return (tostring(msg):gsub("userdata", "table"):gsub("two table values", "table with table"))
end

local function pack(...) return { n = select("#", ...), ... } end
local unpack = rawget(table, "unpack") or unpack

-- f(a...), called on a line of Lua (so that a raise names this file and
-- line), as text: "ok" and the answers, or "raise" and the message
local function run(f, a)
  local r = pack(pcall(function() local res = pack(f(unpack(a, 1, a.n))) return res end))
  if not r[1] then return "raise " .. normal(r[2]) end
  local res, out = r[2], {}
  for i = 1, res.n do out[i] = canon(res[i]) end
  return "ok " .. table.concat(out, " | ")
end

-- --- inputs -----------------------------------------------------------------

local function mutate(s)
  if #s == 0 or rand(3) == 1 then return s end
  local at = rand(#s)
  local how = rand(5)
  local bytes = " ,-!:xX0123456789\0\t\r\n\255aZ\"\\"
  local k = rand(#bytes)
  local b = bytes:sub(k, k)
  if how == 1 then return s:sub(1, at - 1) .. b .. s:sub(at + 1) end
  if how == 2 then return s:sub(1, at - 1) .. s:sub(at + 1) end
  if how == 3 then return s:sub(1, at) .. b .. s:sub(at + 1) end
  if how == 4 then return s:upper() end
  return s:lower()
end

local NUMBERS = { 0, -1, 99, 100, 199, 200, 299, 306, 404, 418, 451, 499, 500, 599, 600, 999, 1000, 4.5,
                  404.0, -0.0, 0 / 0, 1 / 0, -1 / 0, 2 ^ 31, 2 ^ 53, 2 ^ 63, -2 ^ 63, 1e300, 16, 17, 14 }
local OTHERS = { true, false, {}, print, io.stdout, coroutine.create(function() end) }
local function any_number()
  if rand(2) == 1 then return pick(NUMBERS) end
  return rand(1200) - 100 + (rand(10) == 1 and 0.5 or 0)
end
local PHRASES = {}
for _, c in ipairs(C.list()) do
  PHRASES[#PHRASES + 1] = C.reason(c)
  PHRASES[#PHRASES + 1] = C.name(c)
  for _, old in ipairs(C.info(c).former) do PHRASES[#PHRASES + 1] = old end
end
for _, s in ipairs { "I'm a teapot", "I\226\128\153m a teapot", "Switch Proxy", "Not Allowed", "not-found",
                     "request_entity too large" } do PHRASES[#PHRASES + 1] = s end

local function code_arg()
  local k = rand(6)
  if k == 1 then return any_number() end
  if k == 2 then return tostring(rand(1100) - 1) end
  if k == 3 then return ("0"):rep(rand(4) - 1) .. tostring(rand(700)) end
  if k == 4 then return mutate(tostring(rand(600))) end
  if k == 5 then return pick(OTHERS) end
  return pick(PHRASES)
end

local DAYS = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }
local LONG = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" }
local MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
local function date_text()
  local d, m, y = rand(32) - 1, rand(12), rand(10000) - 1
  local h, mi, s = rand(25) - 1, rand(61) - 1, rand(62) - 1
  if rand(8) == 1 then h, mi, s = 23, 59, 60 end
  local form = rand(3)
  local text
  if form == 1 then
    text = ("%s, %02d %s %04d %02d:%02d:%02d GMT"):format(pick(DAYS), d, MONTHS[m], y, h, mi, s)
  elseif form == 2 then
    text = ("%s, %02d-%s-%02d %02d:%02d:%02d GMT"):format(pick(LONG), d, MONTHS[m], y % 100, h, mi, s)
  else
    text = ("%s %s %2d %02d:%02d:%02d %04d"):format(pick(DAYS), MONTHS[m], d, h, mi, s, y)
  end
  return mutate(text)
end
local function now_arg()
  local k = rand(10)
  if k == 1 then return pick(NUMBERS) end
  if k == 2 then return pick(OTHERS) end
  if k == 3 then return -62167219200 + rand(1000) end
  if k == 4 then return 253402300799 - rand(1000) end
  return rand(2000000000) * 64 - 60000000000
end
local function retry_text()
  local k = rand(4)
  if k == 1 then return mutate(tostring(rand(100000))) end
  if k == 2 then return (" "):rep(rand(3) - 1) .. tostring(rand(2 ^ 31)) .. ("\t"):rep(rand(2) - 1) end
  if k == 3 then return ("9"):rep(rand(20)) end
  return date_text()
end
local function line_text()
  local v = pick { "HTTP/1.1", "HTTP/1.0", "HTTP/2", "HTTP/3", "HTTP/4", "HTTP/x.1", "HTTP/1.x", "HTTP/2x" }
  local c = rand(5) == 1 and tostring(rand(2000)) or tostring(rand(600))
  local p = pick { "", " OK", " Not Found", " x\1y", " \t", " Service Unavailable\r\n", "\n", " é" }
  return mutate(v .. " " .. c .. p)
end
local ATOMS = { "404", "500-504", "5xx", "4XX", "6xx", "!501", "client_error", "Retryable", "registered",
                "empty", "450-550", "599-500", "!", "4xX", "1000", "abc", "0xx", "" }
local function set_text()
  local parts = {}
  for i = 1, rand(4) do parts[i] = pick(ATOMS) end
  return mutate(table.concat(parts, pick { ",", " ", ", ", "\t" }))
end
local function set_arg()
  local k = rand(5)
  if k == 1 then return code_arg() end
  if k == 2 then return { set_text(), code_arg() } end
  if k == 3 then return { pick(NUMBERS), set_text() } end
  return set_text()
end
local METHODS = { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT", "get",
                  "M-SEARCH", "GE T", "", "GET\0", "x!#$%&'*+-.^_`|~" }
local function method_arg()
  if rand(6) == 1 then return pick(OTHERS) end
  if rand(6) == 1 then return pick(NUMBERS) end
  return pick(METHODS)
end
local GRPC = { "OK", "ok", "Unavailable", "UNKNOWN", "DATA_LOSS", "data-loss", "OK~", "{K", "17", "016", "00" }
local function grpc_arg()
  local k = rand(4)
  if k == 1 then return any_number() end
  if k == 2 then return pick(OTHERS) end
  return mutate(pick(GRPC))
end
local function lang_arg()
  return pick { nil, "en", "zh", "ZH-cn", "zh_CN", "zh-Hans", "zh-Hant", "zh-TW", "zh_tw", "ZH-HK", "zh_MO", "zh-SG",
                "zh-Hantx", "fr", "zh\0", 1, true }
end
local function kind_arg() return pick { "server", "client", "Server", "x", 1, nil } end
local function fields_arg()
  return pick { nil, { detail = "d" }, { type = "about:x", title = "T", [1] = 2 }, "x", 5, true }
end

-- Accept and Accept-Language values: members built from pieces that parse
-- and pieces that do not, mutated, sometimes past the byte limit, or as
-- several field lines
local MEDIA = { "text/html", "text/*", "*/*", "application/json", "application/problem+json", "TEXT/HTML",
                "text/plain", "image/webp", "*/html", "text/", "/html", "text/html;level=1", "text/plain;format=flowed",
                'text/plain;format="flowed"', 'text/html;a="x,y"', "application/*;charset=utf-8", "text/html;;" }
local LANGS = { "en", "en-US", "en-GB", "zh", "zh-CN", "zh-TW", "zh-HK", "zh-Hant", "zh-Hans", "zh-Hant-TW",
                "zh-SG", "zh-MO", "zh-US", "fr", "*", "de-CH-1996", "x", "toolongtag", "en_US", "zh-", "ZH-tw" }
local WEIGHTS = { "", ";q=0", ";q=1", ";q=0.5", ";q=0.001", ";q=1.000", ";Q=0.8", " ; q=0.3", ";q=1.5", ";q=0.1234",
                  ";q=.5", ";q=0.5;a=b", ";q=", ";q=0.", ";q=1.001" }
local function field_value(pieces)
  local k = rand(20)
  if k == 1 then return nil end
  if k == 2 then return pick(OTHERS) end
  local n = rand(8)
  if k == 3 then n = rand(80) end
  local parts = {}
  for i = 1, n do parts[i] = mutate(pick(pieces) .. pick(WEIGHTS)) end
  local sep = pick { ", ", ",", " , ", ",,", ",\t" }
  local v = table.concat(parts, sep)
  if k == 4 then v = ("x"):rep(8180 + rand(20)) .. ", " .. v end
  if k == 5 then return { v, mutate(pick(pieces)), rand(10) == 1 and 5 or "" } end
  return v
end
local function offers_arg(pieces, good)
  if rand(40) == 1 then return pick { "text/html", 5, nil } end
  local list = {}
  for i = 1, rand(40) == 1 and 40 or rand(5) do list[i] = pick(good) end
  if rand(30) == 1 then list[#list + 1] = mutate(pick(pieces)) end
  return list
end
local GOOD_MEDIA = { "application/problem+json", "application/json", "text/html", "text/plain", "image/webp",
                     "text/plain;format=flowed", "text/html;level=1", "TEXT/Html" }
local GOOD_LANGS = { "en", "zh-Hans", "zh-Hant", "en-GB", "zh", "fr", "zh-TW", "zh-CN", "de" }

-- error_response's options: every field, right and wrong, values with
-- hostile bytes (invalid UTF-8, NUL, controls, quotes, markup)
local HOSTILE_TEXT = { "no such user", "<script>alert(1)</script>", "a \"quoted\" & 'single' {title}", "\0nul",
                       "bad \255\254 utf-8", "\226\130\172 euro", "ctl \1\31\127", "line\r\nbreak", "" }
local function text_arg() return mutate(pick(HOSTILE_TEXT)) end
local function opts_arg()
  local k = rand(30)
  if k == 1 then return nil end
  if k == 2 then return pick(OTHERS) end
  local o = {}
  if rand(2) == 1 then o.accept = field_value(MEDIA) end
  if rand(2) == 1 then o.accept_language = field_value(LANGS) end
  if rand(4) == 1 then o.method = pick { "GET", "HEAD", "POST", "head", 5 } end
  if rand(4) == 1 then
    o.formats = rand(10) == 1 and pick { "html", {}, { "xml" }, { 5 } } or
      { pick { "problem+json", "json", "html", "text" }, pick { "html", "text", "json" } }
  end
  if rand(5) == 1 then
    o.languages = rand(10) == 1 and pick { "en", {}, { "fr" } }
      or { pick { "en", "zh", "zh-Hans", "ZH-cn", "zh-TW", "zh-Hant" }, pick { "zh-HK", "en" } }
  end
  if rand(6) == 1 then o.lang = pick { "en", "zh", "zh_CN", "zh-Hant", "zh_TW", "fr", 1 } end
  for _, f in ipairs { "type", "title", "detail", "instance" } do
    if rand(4) == 1 then o[f] = rand(20) == 1 and 5 or text_arg() end
  end
  if rand(4) == 1 then
    o.extensions = {}
    for _ = 1, rand(3) do
      local name = pick { "balance", "accounts", "zeta", "alpha", "status", "a", "ab", "x1" }
      o.extensions[rand(30) == 1 and 1 or name] = pick { text_arg(), 30, 1.5, -0.25, true, false, 0 / 0, 1 / 0,
        2 ^ 60, {} }
    end
  end
  if rand(4) == 1 then
    o.headers = {}
    for _ = 1, rand(3) do
      local name = pick { "Allow", "WWW-Authenticate", "Retry-After", "content-type", "Vary", "X-Id", "bad name", "" }
      o.headers[name] = pick { "GET, HEAD", "Bearer", 120, 3.5, "a\r\nb", "x\0y", true, "ok" }
    end
  end
  if rand(5) == 1 then
    o.templates = { html = rand(2) == 1 and "<p>{status} {title}: {detail} {instance} {lang} {nope} {description}</p>"
      or nil, text = rand(2) == 1 and "{status} {title}\n{detail}{" or (rand(10) == 1 and 5 or nil) }
  end
  return o
end

-- argument lists for each function; n is the count (a trailing nil counts)
local function args(...) return { n = select("#", ...), ... } end
local function maybe(f) if rand(3) == 1 then return nil end return f() end
local GEN = {
  reason = function() return rand(3) == 1 and args(code_arg(), lang_arg()) or args(code_arg()) end,
  describe = function() return args(code_arg(), lang_arg()) end,
  name = function() return args(code_arg()) end,
  class = function() return args(code_arg()) end,
  canonical = function() return args(code_arg()) end,
  info = function() return args(code_arg()) end,
  required_headers = function() return args(code_arg()) end,
  list = function() return rand(4) == 1 and args() or args(pick { 1, 4, 5.0, 6, 0, "4xx", "5XX", "4xX",
    "client_error", "Client_error", "informational", true, {} , 4.5 }) end,
  code = function() return rand(20) == 1 and args() or args(code_arg()) end,
  redirect_method = function() return args(code_arg(), method_arg()) end,
  is_retryable = function() return rand(2) == 1 and args(code_arg(), method_arg()) or args(code_arg()) end,
  status_line = function() return args(code_arg(), maybe(function() return mutate(pick {
    "HTTP/1.1", "HTTP/2", "HTTP/3", "HTTP/1.0", "HTTP/2 " }) end)) end,
  parse_status_line = function() return rand(20) == 1 and args(code_arg()) or args(line_text()) end,
  set = function() return args(set_arg()) end,
  retry_after = function()
    local v = rand(5) == 1 and any_number() or (rand(10) == 1 and pick(OTHERS) or retry_text())
    return args(v, now_arg())
  end,
  parse_http_date = function()
    local v = rand(10) == 1 and code_arg() or date_text()
    return args(v, now_arg())
  end,
  http_date = function()
    local k = rand(4)
    if k == 1 then return args(any_number()) end
    if k == 2 then return args(pick(OTHERS)) end
    return args(rand(2000000000) * 126 - 1000)
  end,
  to_grpc = function() return args(code_arg()) end,
  from_grpc = function() return args(grpc_arg()) end,
  span_status = function() return args(code_arg(), kind_arg()) end,
  problem = function() return args(code_arg(), fields_arg()) end,
  error_response = function()
    local c = rand(5) == 1 and code_arg() or pick { 404, 405, 401, 503, 499, 204, 205, 304, 101, 200, 599, 100 }
    return args(c, opts_arg())
  end,
  negotiate = function()
    return args(field_value(MEDIA), offers_arg(MEDIA, GOOD_MEDIA), maybe(function() return "default" end))
  end,
  negotiate_language = function()
    return args(field_value(LANGS), offers_arg(LANGS, GOOD_LANGS), maybe(function() return 0 end))
  end,
}
local PREDICATES = { "is_valid", "is_registered", "is_informational", "is_success", "is_redirection",
                     "is_client_error", "is_server_error", "is_error", "is_cacheable", "is_empty",
                     "is_redirect" }
for _, name in ipairs(PREDICATES) do
  GEN[name] = function() return rand(10) == 1 and args(code_arg(), 1) or args(code_arg()) end
end

-- the set operations, as one function of the module: (op, spec, spec)
local function set_ops(hs)
  return function(op, a, b)
    local s, t = hs.set(a), hs.set(b)
    local u = s or a
    if op == "has" then return s and s:has(b) end
    if op == "call" then return s and s(b) end
    if op == "badself" then return s and s.has(b, 404) end
    if op == "codes" then return s and s:codes() end
    if op == "len" then return s and #s end
    if op == "write" then if s then s.x = 1 end return nil end
    if op == "+" then return u + (t or b) end
    if op == "-" then return (t or b) - u end
    if op == "*" then return u * (t or b) end
    if op == "<=" then return s and t and s <= t end
    if op == "<" then return s and t and s < t end
    if op == "==" then return s == t end
    if op == "cmp" then return s and (s <= b) end
    return nil
  end
end
GEN.set_ops = function()
  return args(pick { "has", "call", "badself", "codes", "len", "write", "+", "-", "*", "<=", "<", "==",
                     "cmp" }, set_text(), rand(3) == 1 and code_arg() or set_text())
end

-- --- the comparison -----------------------------------------------------

local names = {}
for name in pairs(GEN) do names[#names + 1] = name end
table.sort(names)
local count, failed, total = 0, 0, 0
for _, name in ipairs(names) do
  local fc = name == "set_ops" and set_ops(C) or C[name]
  local fp = name == "set_ops" and set_ops(P) or P[name]
  local differences, first = 0, nil
  for _ = 1, N do
    local a = GEN[name]()
    local rc = run(fc, a)
    local rp = run(fp, a)
    if rc ~= rp then
      differences = differences + 1
      if not first then
        local shown = {}
        for i = 1, a.n do shown[i] = canon(a[i]) end
        first = ("%s(%s)\n#   C:    %s\n#   pure: %s"):format(name, table.concat(shown, ", "), rc, rp)
      end
    end
  end
  total = total + N
  count = count + 1
  if differences == 0 then
    print(("ok %d - %s: %d calls, the same answers and raises"):format(count, name, N))
  else
    failed = failed + 1
    print(("not ok %d - %s: %d of %d calls differ; the first:\n# %s"):format(count, name, differences, N, first))
  end
end
-- every function of the C module is compared: a new one needs its generator
local missing = {}
for name, v in pairs(C) do
  if type(v) == "function" and not GEN[name] then missing[#missing + 1] = name end
end
table.sort(missing)
count = count + 1
if #missing == 0 then
  print(("ok %d - every function of the module has a generator here"):format(count))
else
  failed = failed + 1
  print(("not ok %d - functions with no generator here: %s"):format(count, table.concat(missing, ", ")))
end
print(("# %d calls in all, on %s"):format(total, rawget(_G, "jit") and jit.version or _VERSION))
print(("1..%d"):format(count))
os.exit(failed == 0 and 0 or 1)
