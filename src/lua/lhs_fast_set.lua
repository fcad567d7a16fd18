-- lhs_fast_set.lua: the fast `has` of status sets under LuaJIT.
--
-- src/lua/lhs_set.c runs this chunk under LuaJIT when a state makes its first
-- set, and keeps the function it returns: given a set, its codes 0-599 as
-- an array of booleans and the C function `has`, it gives that set's
-- `has` (and __call), a Lua function the JIT compiles to a table load. Any
-- other self or argument goes to the C function by a tail call, which
-- checks them and answers or raises exactly as under PUC Lua.
return function(set, bits, slow)
  return function(...)
    local s, c = ...
    if s == set then
      local v = bits[c]
      if v ~= nil then return v end
    end
    return slow(...)
  end
end
