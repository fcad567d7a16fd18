-- What a user sees is the same on every VM: tests/messages.lua runs the
-- bad-input table through every function, set method and operator, and
-- prints each answer or error message with its position; it must print the
-- same on Lua 5.1-5.4 (and 5.5 where tools/lua55.sh built it), on LuaJIT
-- with the module built against LuaJIT's headers, and on LuaJIT with the
-- module built against PUC Lua 5.1's (as Debian's luarocks builds it for
-- OpenResty), which takes the fast paths too.
local function run(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("*a")
  p:close()
  return out
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local VMS = {
  { "lua5.1", "build/5.1" }, { "lua5.2", "build/5.2" }, { "lua5.3", "build/5.3" }, { "lua5.4", "build/5.4" },
  { "luajit", "build/jit" }, { "luajit", "build/5.1" },
}
if exists("build/lua-5.5/lua") and exists("build/5.5/httpstatus.so") then
  VMS[#VMS + 1] = { "build/lua-5.5/lua", "build/5.5" }
end

describe("every VM #subprocess #c_only", function()
  it("gives the same answers and messages, with the same positions", function()
    local first, first_name
    for _, vm in ipairs(VMS) do
      local lua, dir = vm[1], vm[2]
      assert.is_true(exists(dir .. "/httpstatus.so"), "no " .. dir .. "/httpstatus.so: run make")
      local out = run(("LUA_CPATH='%s/?.so' %s tests/messages.lua"):format(dir, lua))
      local n = tonumber(out:match("\nmessages: (%d+) calls\n$"))
      assert.is_true(n and n > 5000, lua .. " " .. dir .. ": " .. out:sub(-300))
      if not first then
        first, first_name = out, lua .. " " .. dir
        -- the errors name the caller's line, on every VM
        assert.is_truthy(out:find('reason%(%) %-> error "tests/messages%.lua:%d+: bad argument #1 to \'reason\''), out)
        assert.is_truthy(out:find('s%.has%(404, 404%) %-> error "tests/messages%.lua:%d+: calling \'has\' on bad self'),
          out)
      elseif out ~= first then
        local a, b = {}, {}
        for line in first:gmatch("[^\n]+") do a[#a + 1] = line end
        for line in out:gmatch("[^\n]+") do b[#b + 1] = line end
        for i = 1, math.max(#a, #b) do
          assert.are.equal(a[i], b[i], first_name .. " and " .. lua .. " " .. dir .. " differ at line " .. i)
        end
      end
    end
  end)

  it("takes the LuaJIT fast paths with a module built against PUC Lua 5.1's headers", function()
    local out = run("LUA_CPATH='build/5.1/?.so' luajit -e \"local hs = require 'httpstatus' "
      .. "print(debug.getinfo(hs.reason, 'S').what, debug.getinfo(hs.is_client_error, 'S').what, "
      .. "debug.getinfo(hs.set('5xx').has, 'S').what)\"")
    assert.are.equal("Lua Lua Lua\n", (out:gsub("\t", " ")))
    out = run("LUA_CPATH='build/5.1/?.so' lua5.1 -e \"local hs = require 'httpstatus' "
      .. "print(debug.getinfo(hs.reason, 'S').what, debug.getinfo(hs.set('5xx').has, 'S').what)\"")
    assert.are.equal("C C\n", (out:gsub("\t", " ")))
  end)
end)
