-- lhs_fast.lua: the fast paths of httpstatus under LuaJIT.
--
-- LuaJIT's JIT compiler cannot compile a call to a classic C function, so
-- under LuaJIT the hot lookups (reason, class, the predicates) are these
-- small Lua functions, which it inlines into the caller's trace.
-- src/lua/lhttpstatus.c runs this chunk when the module is required under
-- LuaJIT (whatever headers the module was built with), with:
--
--   M         the module table, to receive the fast paths
--   build     build(name): a new array over the integers 0-599 of the
--             answers of the function: its phrase or class name (false
--             where it answers nil), or for a predicate 1 (true) or 0
--             (false)
--   fallback  fallback(name): the C function of that name, to fall back to
--   names     the names of the predicates (src/lua/lhs_core.c lists them)
--
-- A fast path makes its array, and its C function, on its first call that
-- needs them, so that a state pays only for the functions it uses.
--
-- An integer 0-599 finds its answer in the array; anything else (a
-- string, a fraction, NaN, a table, a bigger number, a second argument)
-- finds nil and goes to the C function by a tail call with the same
-- arguments, which checks them and answers or raises exactly as under PUC
-- Lua, at the caller's line. No global is read, here or at require. The
-- chunk is kept small: LuaJIT parses it in every state that requires the
-- module.
local M, build, fallback, names = ...

-- the arrays and the C functions, by name: tables shared by every fast
-- path, so that a fast path holds only its name
local arrays, slows = {}, {}

-- The C function of name, made on first use.
local function slow_of(name)
  local f = slows[name]
  if not f then f = fallback(name); slows[name] = f end
  return f
end

-- A predicate's array holds numbers, and its answer is a comparison, as
-- inline Lua's is: true and false are two types to the JIT, so a boolean
-- loaded from an array would cost a type guard that a mix of codes keeps
-- failing.
local function predicate(name)
  M[name] = function(...)
    local c, more = ...
    local a = arrays[name]
    if not a then a = build(name); arrays[name] = a end
    local r = a[c]
    if r and more == nil then return r == 1 end
    return slow_of(name)(...)
  end
end

-- reason and class answer nil where their array holds false.
local function lookup(name)
  M[name] = function(...)
    local c, more = ...
    local a = arrays[name]
    if not a then a = build(name); arrays[name] = a end
    local r = a[c]
    if r ~= nil and more == nil then return r or nil end
    return slow_of(name)(...)
  end
end

lookup("reason")
lookup("class")
for i = 1, #names do predicate(names[i]) end
