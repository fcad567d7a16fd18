-- hs_fast.lua: the fast paths of httpstatus under LuaJIT.
--
-- LuaJIT's JIT compiler cannot compile through a classic C function call,
-- so under LuaJIT the hot lookups (reason, class and the predicates) are
-- these small Lua functions, which it inlines. src/lhttpstatus.c runs this
-- chunk at require, under LuaJIT only (chosen when compiling), with:
--
--   M        the module table, to receive the functions
--   slow     slow(i, ...) runs C function number i of the binding with the
--            remaining arguments: it checks them and raises exactly as the
--            PUC Lua functions do (the numbers are HS_FAST_* in the C file)
--   tables   tables() builds, once per lua_State and on first use:
--            R: every integer 0-999 -> its registered phrase, or false;
--            C: every integer 0-999 -> a shared record holding, at index
--               HS_FAST_*, the answer of each predicate, and at [0] the class
--
-- An integral number 0-999 finds its answer in R or C; anything else (a
-- string, a fraction, NaN, a table, a huge number) finds nil there and goes
-- to the C function. So no global is read, here or at require, and a host
-- that replaces `type` or `rawget` changes nothing.
--
-- The chunk returns the `has` of status sets (see src/lhs_set.c).
local M, slow, tables = ...

local R, C = false, false

local function load()
  R, C = tables()
end

M.reason = function(c, lang)
  if lang == nil then
    if not R then load() end
    local r = R[c]
    if r then return r end
    if r == false then return nil end
  end
  return (slow(1, c, lang))
end

M.class = function(c)
  if not C then load() end
  local rec = C[c]
  if rec then return rec[0] end
  return (slow(2, c))
end

-- A predicate: its answer for an integer 0-999 is at index i of the record.
local function predicate(i)
  return function(c)
    if not C then load() end
    local rec = C[c]
    if rec then return rec[i] end
    return (slow(i, c))
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
    if not C then load() end
    local rec = C[c]
    if rec then return rec[14] end
  end
  return (slow(14, c, method))
end

-- s:has(c) and s(c). Under LuaJIT a set's metatable has as __index a table
-- of every code 100-599 -> true/false (shared by the sets with the same
-- codes), so s[c] is the answer for such a code; anything else, and a bad
-- s, goes to the C function.
return function(s, c)
  local v = s[c]
  if v == true or v == false then return v end
  return (slow(15, s, c))
end
