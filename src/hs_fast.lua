-- hs_fast.lua: the fast paths of httpstatus under LuaJIT.
--
-- LuaJIT's JIT compiler cannot compile through a classic C function call,
-- so under LuaJIT the hot lookups (reason, class and the predicates) are
-- these small Lua functions, which it inlines. src/lhttpstatus.c runs this
-- chunk at require, under LuaJIT only (chosen when compiling), with:
--
--   M   the module table, to receive the functions
--   T   a table shared by them all, holding at first T.slow and an empty
--       table as T.c and T.p. T:slow(i, ...) runs C function number i of
--       the binding on the other arguments, which checks them and raises
--       exactly as the PUC Lua functions do (the numbers are HS_FAST_* in
--       the C file). The first call for a function also fills, once per
--       lua_State, what that function reads:
--         T.p   every integer 0-999 -> its registered phrase, or false
--         T.c   every integer 0-999 -> its class name (nil outside
--               100-599: those few take the C function)
--         T[c]  for every integer c 0-999, a record (shared by the codes
--               with the same answers) holding at [i] the answer of
--               predicate i
--
-- An integral number 0-999 finds its answer there; anything else (a
-- string, a fraction, NaN, a table, a huge number) finds nil and goes to
-- the C function. So no global is read, here or at require, and a host
-- that replaces `type` or `rawget` changes nothing.
--
-- The chunk returns the `has` of status sets (see src/lhs_set.c).
local M, T = ...

M.reason = function(c, lang)
  if lang == nil then
    local r = T.p[c]
    if r ~= nil then return r or nil end
  end
  return (T:slow(1, c, lang))
end

M.class = function(c)
  local r = T.c[c]
  if r then return r end
  return (T:slow(2, c))
end

-- A predicate: its answer for an integer 0-999 is at index i of the record.
local function predicate(i)
  return function(c)
    local rec = T[c]
    if rec then return rec[i] end
    return (T:slow(i, c))
  end
end

M.is_valid = predicate(3)
M.is_registered = predicate(4)
M.is_informational = predicate(5)
M.is_success = predicate(6)
M.is_redirection = predicate(7)
M.is_client_error = predicate(8)
M.is_server_error = predicate(9)
M.is_error = predicate(10)
M.is_cacheable = predicate(11)
M.is_empty = predicate(12)
M.is_redirect = predicate(13)

-- is_retryable(c [, method]): with a method, the C function decides
M.is_retryable = function(c, method)
  if method == nil then
    local rec = T[c]
    if rec then return rec[14] end
  end
  return (T:slow(14, c, method))
end

-- s:has(c) and s(c). Under LuaJIT a set's metatable has as __index a table
-- of every code 100-599 -> true/false (shared by the sets with the same
-- codes), so s[c] is the answer for such a code; anything else, and a bad
-- s, goes to the C function.
return function(s, c)
  local v = s[c]
  if v == true or v == false then return v end
  return (T:slow(15, s, c))
end
