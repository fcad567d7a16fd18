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

return M
