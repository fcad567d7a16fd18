-- tests/plain.lua: checks in plain Lua, for interpreters busted cannot run
-- on (Lua 5.5: Debian's Penlight does not load there). From the clone:
--
--   LUA_CPATH='build/5.5/?.so' lua5.5 tests/plain.lua
--
-- It runs every Lua example of doc/api.md and doc/zh-CN.md, checks every
-- code 100-599 against the registry oracle (spec/registry.lua), and every
-- function against the bad-input table (spec/bad_input.lua). Each check is
-- one assert; a failing one is printed and counted. Ends with
-- "plain: N passed, N failed" and exits 1 if any failed.
local hs = require "httpstatus"
local registry = dofile("spec/registry.lua")
local bad = dofile("spec/bad_input.lua")

local passed, failed = 0, 0
-- runs f(...) as one check: it passes when f returns without raising
local function check(what, f, ...)
  local ok, err = pcall(f, ...)
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
    print("FAILED  " .. what .. ": " .. tostring(err))
  end
end

local function read(path)
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
check("_VERSION", function()
  assert(hs._VERSION:match("^httpstatus %d+%.%d+%.%d+$"), hs._VERSION)
  assert(_VERSION:match("^Lua 5%.%d$"), _VERSION)
end)
check("pairs(hs) gives the functions; hs.constants the constants", function()
  local seen = {}
  for k in pairs(hs) do seen[k] = true end
  for _, k in ipairs { "reason", "set", "parse_http_date", "to_grpc" } do assert(seen[k], k) end
  assert(hs.constants.NOT_FOUND == 404 and hs.NOT_FOUND == 404)
end)

-- every example of the docs runs
for _, doc in ipairs { "doc/api.md", "doc/zh-CN.md" } do
  local n = 0
  for block in read(doc):gmatch("```lua\n(.-)```") do
    n = n + 1
    check(doc .. " example " .. n, function()
      assert((loadstring or load)("local hs = ...\n" .. block, "=" .. doc .. " example " .. n))(hs)
    end)
  end
  check(doc .. " has examples", function() assert(n >= 3, n) end)
end

-- every code against the registry oracle
local listed = {}
for _, c in ipairs(hs.list()) do listed[c] = true end
for c = 100, 599 do
  check("code " .. c, function()
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
      assert(hs.status_line(c) == "HTTP/1.1 " .. c .. " " .. phrase)
      assert(hs.parse_status_line("HTTP/1.1 " .. c .. " " .. phrase) == c)
      assert(type(hs.reason(c, "zh")) == "string" and type(hs.describe(c)) == "string")
      assert(hs[hs.name(c)] == c)
    end
    assert((hs.info(c) ~= nil) == (phrase ~= nil))
  end)
end
check("list() is the registry's assigned codes", function()
  local n = 0
  for _, p in pairs(registry) do if p then n = n + 1 end end
  assert(#hs.list() == n, #hs.list() .. " listed, " .. n .. " registered")
end)

-- the bad-input table
for name, nothing in pairs(bad.lookups) do
  for _, case in ipairs(bad.not_codes) do
    check(name .. "(" .. case[1] .. ") raises", function()
      raises(function() return bad.call(hs, name, case[2]) end, case[3])
      raises(function() return bad.call(hs, name, case[2]) end, "bad argument #1 to '" .. name .. "'")
    end)
  end
  for _, v in ipairs(bad.out_of_range) do
    check(name .. "(" .. tostring(v):sub(1, 20) .. ") finds nothing", function()
      local r = bad.call(hs, name, v)
      if nothing == "nil" then assert(r == nil) else assert(r == nothing) end
    end)
  end
end

-- functions that never raise answer nil, message for hostile values
local never = {
  code = function(v) return hs.code(v) end,
  parse_status_line = function(v) return hs.parse_status_line(v) end,
  parse_http_date = function(v) return hs.parse_http_date(type(v) == "string" and v or "x") end,
  retry_after = function(v) return hs.retry_after(type(v) == "string" and v or "x") end,
  from_grpc = function(v) return hs.from_grpc(v) end,
  set = function(v) return hs.set(type(v) == "string" and v or "x") end,
}
for name, f in pairs(never) do
  check(name .. " never raises", function()
    for i = 0, #bad.hostile do
      local ok, r, msg = pcall(f, bad.hostile[i])
      assert(ok, "raised for value " .. i .. ": " .. tostring(r))
      assert(r ~= nil or type(msg) == "string", "nil without a message for value " .. i)
    end
  end)
end

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

-- the command, on the interpreter running this file
local interp
for i = -1, -20, -1 do if arg and arg[i] then interp = arg[i] end end
check("the command runs", function()
  assert(interp, "no interpreter in arg")
  local p = assert(io.popen(interp .. " bin/httpstatus 404 2>&1"))
  local out = p:read("*a")
  p:close()
  assert(out:find("^404 Not Found\n"), out)
  p = assert(io.popen(interp .. " bin/httpstatus '500-504,!501' 2>&1"))
  out = p:read("*a")
  p:close()
  assert(out:find("502%s+Bad Gateway") and not out:find("501", 1, true), out)
end)

print(("plain: %d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
