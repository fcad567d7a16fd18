-- lua/httpstatus/pure.lua, the pure-Lua edition, as a file a user copies
-- into a host: what it may read and write, the language it is written in,
-- its generated data, and the API it shares with the C module. (The whole
-- suite also runs against it: spec/pure_helper.lua.)
local hs = require "httpstatus"
local support = dofile("spec/support.lua")
local PATH = "lua/httpstatus/pure.lua"
local SOURCE = support.read(PATH)

-- Loads the file as a chunk whose only globals are those of env.
local function load_in(env)
  local chunk
  if rawget(_G, "setfenv") then
    chunk = assert(loadstring(SOURCE, "=" .. PATH))
    setfenv(chunk, env)
  else
    chunk = assert(load(SOURCE, "=" .. PATH, "t", env))
  end
  return chunk
end

-- The globals a host with no io, os, require, debug or load still has.
local function bare_env()
  local env = {}
  for _, k in ipairs { "type", "tostring", "tonumber", "error", "select", "pairs", "ipairs", "next",
                       "setmetatable", "getmetatable", "rawget", "rawset", "rawequal", "rawlen", "pcall",
                       "unpack", "assert" } do
    env[k] = rawget(_G, k)
  end
  env.string, env.table, env.math = string, table, math
  env._G = env
  return env
end

describe("lua/httpstatus/pure.lua #pure", function()
  it("has its generated part as tools/gen.lua makes it from data/", function()
    local gen = dofile("tools/gen.lua")
    local fresh = gen.update_pure(SOURCE, gen.load("data/statuses.lua"), gen.load("data/mappings.lua"), gen.version())
    assert.is_true(fresh == SOURCE, "lua/httpstatus/pure.lua's data is stale: run `make generate`")
  end)

  it("loads and answers in a host with only string, table, math and base functions", function()
    local env = bare_env()
    local p = load_in(env)()
    assert.are.equal("Not Found", p.reason(404))
    assert.are.equal(784111777, p.parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"))
    assert.are.equal(784111777, p.parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", 1764000000))
    assert.are.equal("500,502-599", tostring(p.set("5xx") - "501"))
    -- it set no global (and could read none but these: the env has no other)
    local before, after = 0, 0
    for _ in pairs(bare_env()) do before = before + 1 end
    for _ in pairs(env) do after = after + 1 end
    assert.are.equal(before, after)
  end)

  it("asks for now where the host has no os.time and the text needs one", function()
    local p = load_in(bare_env())()
    local ok, err = pcall(p.parse_http_date, "Sunday, 06-Nov-94 08:49:37 GMT")
    assert.is_false(ok)
    assert.are.equal("bad argument #2 to 'parse_http_date' (now must be given: this Lua has no os.time)", err)
    ok, err = pcall(p.retry_after, "Sun, 06 Nov 1994 08:49:37 GMT")
    assert.is_false(ok)
    assert.truthy(err:find("now must be given", 1, true), err)
    assert.are.equal(120, p.retry_after("120"))  -- delay-seconds need no clock
  end)

  it("reads os.time only when a now is needed and was not given", function()
    local env, reads = bare_env(), 0
    env.os = setmetatable({}, { __index = function(_, k)
      if k == "time" then reads = reads + 1 return function() return 1764000000 end end
    end })
    local p = load_in(env)()
    assert.are.equal(0, reads)
    p.parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")
    p.parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", 1764000000)
    p.retry_after("120")
    assert.are.equal(0, reads)
    assert.are.equal(784111777, p.parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"))
    assert.are.equal(1, reads)
  end)

  it("is written in the language Lua 5.1 to 5.5 and LuaJIT share", function()
    -- the logic, without its strings and comments
    local code = SOURCE:gsub("%-%-[^\n]*", ""):gsub('"[^"\n]*"', '""'):gsub("'[^'\n]*'", "''")
    for _, bad in ipairs { "goto", "::", "//", "<<", ">>", "math%.tointeger",
                           "math%.type", "math%.ult", "string%.pack", "string%.unpack", "utf8%.",
                           "table%.move", "table%.unpack", "%f[%w]io%.", "%f[%w]debug%.", "%f[%w]require%f[%W]",
                           "%f[%w]load%f[%W]", "%f[%w]loadstring%f[%W]", "%f[%w]dofile%f[%W]",
                           "%f[%w]_ENV%f[%W]", "setfenv" } do
      assert.is_nil(code:find(bad), "uses " .. bad)
    end
    -- no _G at all (in Luau hosts it is not the globals): a global that may
    -- be missing is read as a global, through global() (under pcall)
    assert.is_nil(code:find("%f[%w_]_G%f[^%w_]"), "uses _G")
    local _, asks = code:gsub("global%(function%(%) return rawlen end%)", "")
    assert.are.equal(1, asks)
    assert.truthy(code:find("local function global_os() return os end", 1, true))
    -- no bitwise operators: & | and ~ as an operator (not in ~=)
    assert.is_nil(code:find("[&|]"), "uses a bitwise operator")
    assert.is_nil(code:find("~[^=]"), "uses ~ as an operator")
  end)

  it("finds rawlen and os as globals where _G is a plain table (Roblox and other Luau hosts)", function()
    local env = bare_env()
    env._G = {}
    env.os = { time = function() return 784111777 end }
    local p = load_in(env)()
    local s = p.set("500-504,!501")
    assert.is_true(s:has(502) and s(503) and not s:has(501))
    assert.are.equal(4, #s)
    assert.are.equal(10, p.retry_after("Sun, 06 Nov 1994 08:49:47 GMT"))
    assert.is_nil(next(env._G))
  end)

  it("loads and answers where reading a missing global raises (Redis)", function()
    local env = bare_env()
    env.rawlen = nil
    setmetatable(env, { __index = function(_, k)
      error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2)
    end })
    local p = load_in(env)()
    local s = p.set("500-504,!501")
    assert.is_true(s:has(502) and not s:has(501))
    assert.are.same({ 500, 502, 503, 504 }, s:codes())
    local ok, err = pcall(p.retry_after, "Sun, 06 Nov 1994 08:49:47 GMT")
    assert.is_false(ok)
    assert.are.equal("bad argument #2 to 'retry_after' (now must be given: this Lua has no os.time)", err)
  end)

  it("gives sets that are tables with a locked metatable, one for given codes", function()
    local p = load_in(bare_env())()
    local s = p.set("502-504")
    assert.are.equal("table", type(s))
    assert.are.equal("httpstatus.set", getmetatable(s))
    assert.are.equal(3, #s)  -- on Lua 5.1 too
    assert.are.same({ 502, 503, 504 }, s:codes())
    assert.is_true(rawequal(s, p.set("504,502-503")))
    assert.is_true(s:has(503) and s(504) and not s:has(501))
    assert.has_error(function() s.x = 1 end)
    assert.is_false(pcall(setmetatable, s, {}))
  end)
end)

describe("the pure edition beside the C module #pure #c_only", function()
  it("has the same functions, constants and fields", function()
    assert.is_false(support.pure(hs))
    package.path = "lua/?.lua;" .. package.path
    local p = load_in(bare_env())()
    local function names(m)
      local list = {}
      for k, v in pairs(m) do
        if type(k) == "string" and (type(v) ~= "table" or k == "reasons" or k == "constants" or k == "unofficial") then
          list[#list + 1] = k .. ":" .. type(v)
        end
      end
      table.sort(list)
      return list
    end
    -- the C module makes its lazy fields on first read: read them all
    local c = {}
    for k, v in pairs(hs) do c[k] = v end
    for k in pairs(hs.constants) do c[k] = hs[k] end
    c.reasons, c.unofficial, c.constants, c.registry_date = hs.reasons, hs.unofficial, hs.constants,
      hs.registry_date
    assert.are.same(names(c), names(p))
    assert.are.same(hs.reasons, p.reasons)
    assert.are.same(hs.unofficial, p.unofficial)
    assert.are.same(hs.constants, p.constants)
    assert.are.equal(hs._VERSION, p._VERSION)
    assert.are.equal(hs.registry_date, p.registry_date)
  end)
end)
