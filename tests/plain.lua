-- tests/plain.lua: checks in plain Lua, for interpreters busted cannot run
-- on (Lua 5.5: Debian's Penlight does not load there) and for unusual builds
-- of Lua (LUA_32BITS, LUA_NOCVTN2S: tools/lua55.sh). From the clone:
--
--   HS_LUA=lua5.5 LUA_CPATH='build/5.5/?.so' lua5.5 tests/plain.lua
--
-- It reads neither `arg` (HS_LUA names the interpreter, for the command's
-- check) nor the automatic conversion of numbers to strings, which
-- LUA_NOCVTN2S removes: numbers are written with string.format.
--
-- It also runs in Luau, as a Roblox-like host runs it (tests/luau_host.cpp,
-- tools/luau.sh): there `require "httpstatus"` is the pure edition, there
-- is no io (the host's `readfile` reads a file) and no process, so the
-- command's check says it is skipped.
--
-- It runs every Lua example of doc/api.md, doc/zh-CN.md and doc/zh-TW.md, checks every
-- code 100-599 against the registry oracle (spec/registry.lua), and every
-- function against the bad-input table (spec/bad_input.lua). Each check is
-- one TAP test ("ok N - what" or "not ok N - what: why"), with the plan
-- "1..N" at the end; it exits 1 if any failed.
local hs = require "httpstatus"
local registry = dofile("spec/registry.lua")
local bad = dofile("spec/bad_input.lua")

local count, failed = 0, 0
-- runs f(...) as one check: it passes when f returns without raising
local function check(what, f, ...)
  local ok, err = pcall(f, ...)
  count = count + 1
  if ok then
    print(("ok %d - %s"):format(count, what))
  else
    failed = failed + 1
    print(("not ok %d - %s: %s"):format(count, what, tostring(err):gsub("\n", " ")))
  end
end

-- A Lua built with LUA_32BITS has 32-bit integers and floats: the checks
-- of values such a Lua cannot represent are adjusted where they stand.
local small = math.maxinteger ~= nil and math.maxinteger < 2^53
local function fmt(...) return string.format(...) end

local function read(path)
  if not io then return readfile(path) end  -- the Luau host's
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local function raises(f, needle)
  local ok, err = pcall(f)
  assert(not ok, "did not raise")
  assert(tostring(err):find(needle, 1, true), "error without '" .. needle .. "': " .. tostring(err))
end

-- the module as this interpreter sees it
check(fmt("this Lua: %s%s%s", _VERSION, small and ", 32-bit integers and floats" or "",
          pcall(function() return "" .. 1 end) and "" or ", no number-to-string conversion"), function() end)
check("_VERSION", function()
  assert(hs._VERSION:match("^httpstatus %d+%.%d+%.%d+$"), hs._VERSION)
  assert(_VERSION:match("^Lua 5%.%d$") or _VERSION == "Luau", _VERSION)
end)
check("pairs(hs) gives the functions; hs.constants the constants", function()
  local seen = {}
  for k in pairs(hs) do seen[k] = true end
  for _, k in ipairs { "reason", "set", "parse_http_date", "to_grpc" } do assert(seen[k], k) end
  assert(hs.constants.NOT_FOUND == 404 and hs.NOT_FOUND == 404)
end)

-- every example of the docs runs
-- (a Lua with 32-bit integers cannot hold the times and delays beyond 2^31
-- of some: those examples are skipped there, saying so)
local function too_big(block)
  for digits in block:gmatch("%d+") do
    if #digits >= 10 and tonumber(digits) >= 2^31 then return true end
  end
  return false
end
for _, doc in ipairs { "doc/api.md", "doc/zh-CN.md", "doc/zh-TW.md" } do
  local n = 0
  for block in read(doc):gmatch("```lua\n(.-)```") do
    n = n + 1
    local name = fmt("%s example %d", doc, n)
    if small and (too_big(block) or block:find("2 ^ 53", 1, true)) then
      count = count + 1
      print(fmt("ok %d - # SKIP %s: it holds an integer beyond this Lua's 32 bits", count, name))
    else
      check(name, function()
        assert((loadstring or load)("local hs = ...\n" .. block, "=" .. name))(hs)
      end)
    end
  end
  check(fmt("%s has at least %d examples", doc, doc == "doc/api.md" and 20 or 3), function()
    assert(n >= (doc == "doc/api.md" and 20 or 3), n)
  end)
end

-- every code against the registry oracle
local listed = {}
for _, c in ipairs(hs.list()) do listed[c] = true end
for c = 100, 599 do
  check(fmt("code %d", c), function()
    local phrase = registry[c]
    local registered = phrase ~= nil and phrase ~= false
    assert(hs.is_valid(c))
    assert(hs.class(c) == ({ "informational", "successful", "redirection", "client_error",
                             "server_error" })[math.floor(c / 100)])
    assert(hs.is_registered(c) == registered)
    assert((listed[c] or false) == registered)
    assert(hs.reason(c) == (registered and phrase or nil))
    assert(hs.canonical(c) == (registered and c or math.floor(c / 100) * 100))
    if registered then
      assert(hs.code(phrase) == c)
      assert(hs.status_line(c) == fmt("HTTP/1.1 %d %s", c, phrase))
      assert(hs.parse_status_line(fmt("HTTP/1.1 %d %s", c, phrase)) == c)
      assert(type(hs.reason(c, "zh")) == "string" and type(hs.describe(c)) == "string")
      assert(type(hs.reason(c, "zh-Hant")) == "string" and type(hs.describe(c, "zh-TW")) == "string")
      assert(hs[hs.name(c)] == c)
    end
    assert((hs.info(c) ~= nil) == (phrase ~= nil))
  end)
end
check("list() is the registry's assigned codes", function()
  local n = 0
  for _, p in pairs(registry) do if p then n = n + 1 end end
  assert(#hs.list() == n, fmt("%d listed, %d registered", #hs.list(), n))
end)

-- the bad-input table
for name, nothing in pairs(bad.lookups) do
  for _, case in ipairs(bad.not_codes) do
    check(name .. "(" .. case[1] .. ") raises", function()
      raises(function() return bad.call(hs, name, case[2]) end, case[3])
      raises(function() return bad.call(hs, name, case[2]) end, "bad argument #1 to '" .. name .. "'")
    end)
  end
  for i, v in ipairs(bad.out_of_range) do
    -- 1e300 is an infinity in a Lua whose numbers are floats: not an integral value
    if not (small and v == math.huge) then
      check(fmt("%s(out_of_range[%d]) finds nothing", name, i), function()
        local r = bad.call(hs, name, v)
        assert(bad.found_nothing(nothing, r))
      end)
    end
  end
end

-- functions that never raise answer (a result of their kind) or (nil, a
-- message) for every hostile value of every type; set raises for a value
-- that is not a string, a code or a table, as documented, and never for text
local never = {
  code = function(r) return math.type == nil or math.type(r) == "integer" end,
  parse_status_line = function(r) return type(r) == "number" end,
  parse_http_date = function(r) return type(r) == "number" end,
  retry_after = function(r) return type(r) == "number" and r >= 0 end,
  from_grpc = function(r) return type(r) == "number" and hs.is_valid(r) end,
  set = function(r) return getmetatable(r) == "httpstatus.set" end,
}
for name, good in pairs(never) do
  check(fmt("%s never raises for outside input", name), function()
    for i = 0, #bad.hostile do
      local v = bad.hostile[i]
      local takes = name ~= "set" or type(v) == "string" or type(v) == "number"
      if takes then
        local ok, r, msg = pcall(hs[name], v)
        assert(ok, fmt("raised for value %d: %s", i, tostring(r)))
        if r == nil then
          assert(type(msg) == "string" and #msg > 0, fmt("nil without a message for value %d", i))
        else
          assert(good(r), fmt("not a result of its kind for value %d", i))
        end
      end
    end
  end)
end

-- numbers in messages are written by the module, not by the Lua's own
-- conversion (which LUA_NOCVTN2S removes)
check("messages write numbers themselves", function()
  assert(select(2, hs.retry_after(-1)) == "invalid Retry-After: -1: not a non-negative integer")
  assert(select(2, hs.from_grpc(17)) == "unknown gRPC status: 17")
  assert(select(2, hs.from_grpc(1.5)) == "unknown gRPC status: 1.5")
  assert(select(2, hs.set(1000)) == "bad status set: 1000 at position 1 is not a status code 100-599")
  assert(select(2, hs.parse_http_date(12)) == "invalid HTTP date: 12: not an HTTP-date (IMF-fixdate, "
    .. "rfc850-date or asctime-date)")
  assert(select(2, hs.code(0 / 0)) == "unknown HTTP status: nan")
end)

-- the 1.1 additions, one round each
check("sets", function()
  local s = assert(hs.set("500-504,!501"))
  assert(s:has(503) and not s:has(501) and s(502) and tostring(s) == "500,502-504")
  assert(hs.set(tostring(s)) == s and #s:codes() == 4)
  local none, msg = hs.set("5xx,6xx")
  assert(none == nil and msg:find("6xx", 1, true))
end)
check("retries and dates", function()
  assert(hs.is_retryable(503, "GET") and not hs.is_retryable(503, "POST"))
  assert(hs.parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777)
  assert(hs.parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", 784111777) == 784111777)
  if small then  -- no wrapped value: a time beyond 2^31 - 1 is nil, message; a delay is capped
    assert(select(2, hs.parse_http_date("Tue, 19 Jan 2038 03:14:08 GMT")):find("this Lua's integers", 1, true))
    assert(hs.parse_http_date("Tue, 19 Jan 2038 03:14:07 GMT") == 2147483647)
    assert(select(2, hs.parse_http_date("Fri, 01 Jan 2100 00:00:00 GMT")):find("this Lua's integers", 1, true))
    assert(hs.parse_http_date("Mon, 01 Jan 1900 00:00:00 GMT") == nil)
    assert(hs.retry_after("99999999999") == math.maxinteger and hs.retry_after(2^40) == math.maxinteger)
  else
    assert(hs.parse_http_date("Tue, 19 Jan 2038 03:14:08 GMT") == 2147483648)
    assert(hs.retry_after("99999999999") == 2147483648 and hs.retry_after(2^40) == 2147483648)
  end
  assert(hs.parse_http_date("Sun Nov  6 08:49:37 1994") == 784111777)
  assert(hs.http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT")
  assert(hs.retry_after("120") == 120 and hs.retry_after("Sun, 06 Nov 1994 08:49:47 GMT", 784111777) == 10)
end)
check("mappings", function()
  local n, name = hs.to_grpc(503)
  assert(n == 14 and name == "UNAVAILABLE" and hs.from_grpc("NOT_FOUND") == 404)
  assert(hs.span_status(404, "server") == "unset" and hs.span_status(404, "client") == "error")
  local p = hs.problem(404, { detail = "no such user" })
  assert(p.status == 404 and p.title == "Not Found" and p.type == "about:blank" and p.detail == "no such user")
end)
check("errors name the function", function()
  raises(function() return hs.is_client_error(404.5) end, "bad argument #1 to 'is_client_error'")
  raises(function() return hs.reason(404, "fr") end, "bad argument #2 to 'reason'")
end)

-- the command, on the interpreter HS_LUA names (the one running this file)
local interp = os.getenv and os.getenv("HS_LUA")
if not (io and io.popen) then
  count = count + 1
  print(fmt("ok %d - # SKIP the command: this host runs no programs (%s has no io.popen)", count, _VERSION))
else check("the command runs", function()
  assert(interp, "HS_LUA does not name the interpreter")
  -- (double quotes, and \r\n too: the same line for sh and for Windows' cmd)
  local p = assert(io.popen(interp .. " bin/httpstatus 404 2>&1"))
  local out = p:read("*a")
  p:close()
  assert(out:find("^404 Not Found\r?\n"), out)
  p = assert(io.popen(interp .. ' bin/httpstatus "500-504,!501" 2>&1'))
  out = p:read("*a")
  p:close()
  assert(out:find("502%s+Bad Gateway") and not out:find("501", 1, true), out)
end) end

print(("1..%d"):format(count))
if os.exit then os.exit(failed == 0 and 0 or 1) end
if failed > 0 then error(fmt("%d of %d checks failed", failed, count), 0) end  -- a host without os.exit
