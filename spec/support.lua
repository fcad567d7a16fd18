-- Helpers shared by the specs.
local M = {}

-- The whole content of a file, or an error naming it.
function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

return M
