-- Helpers shared by the specs.
local M = {}

-- The whole content of a file, or an error naming it.
function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

-- The file of the httpstatus module under test: the first on
-- package.cpath (busted --cpath=...), or the one luarocks.loader gives
-- (`luarocks test`, whose busted finds modules through the loader).
function M.module_file()
  for entry in package.cpath:gmatch("[^;]+") do
    local file = entry:gsub("%?", "httpstatus")
    local f = io.open(file, "rb")
    if f then
      f:close()
      return file
    end
  end
  local ok, loader = pcall(require, "luarocks.loader")
  local file = ok and type(loader) == "table" and loader.which and loader.which("httpstatus")
  return assert(file, "cannot find the httpstatus module's file")
end

-- Whether the module under test is the pure-Lua edition (spec/pure_helper.lua),
-- whose sets are tables.
function M.pure(hs)
  return type(hs.set("")) == "table"
end

-- The LUA_INIT that makes a new interpreter's require "httpstatus" give the
-- pure edition, as spec/pure_helper.lua does for busted (no quote in it:
-- it goes into shell commands in single quotes).
M.PURE_INIT = "package.path=[[lua/?.lua;]]..package.path "
  .. "package.preload.httpstatus=function() return require[[httpstatus.pure]] end"

return M
