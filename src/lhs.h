/*
 * lhs.h - what the parts of the Lua binding share: argument checking and
 * messages. Internal (not installed); hidden from the module's exports.
 */
#ifndef LHS_H
#define LHS_H

#include <stddef.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "httpstatus.h"

/* LuaJIT's lualib.h names its jit library; PUC Lua's has no such name. */
#if defined(LUA_JITLIBNAME)
#define HS_LUAJIT 1
#endif

#if defined(__GNUC__) && !defined(_WIN32)
#define LHS_INTERNAL __attribute__((visibility("hidden")))
#else
#define LHS_INTERNAL
#endif

/* Keeps a cold path out of a hot function, so that the hot one stays small. */
#if defined(__GNUC__)
#define LHS_COLD __attribute__((noinline, cold))
#else
#define LHS_COLD
#endif

#if LUA_VERSION_NUM >= 502
#define lhs_rawlen(L, i) lua_rawlen(L, i)
#else
#define lhs_rawlen(L, i) lua_objlen(L, i)
#endif

/* Chunk name of the LuaJIT fast paths (src/hs_fast.lua). */
#define LHS_FAST_CHUNK "=httpstatus"

/*
 * Raises "bad argument #arg to 'fn' (msg)" at the user's line (one level
 * up when called from the fast paths). The function names itself, so the
 * message is the same on every VM and however it was called.
 */
LHS_INTERNAL int lhs_argerror(lua_State *L, int arg, const char *fn, const char *msg);

/* What lhs_tocode found. */
enum { LHS_ARG_OK, LHS_ARG_TYPE, LHS_ARG_FRACTION, LHS_ARG_NAN, LHS_ARG_INF, LHS_ARG_DIGITS };

/* Reads a code argument (an integer, an integral float or a string of
 * decimal digits) without raising: LHS_ARG_OK and *code, clamped to -1 or
 * 1000 outside 0-999, or why the value is not a code. */
LHS_INTERNAL int lhs_tocode(lua_State *L, int idx, int *code);

/* The code at idx, or a "bad argument #arg to 'fn'" error. */
LHS_INTERNAL int lhs_checkcode(lua_State *L, int idx, int arg, const char *fn);

/*
 * lhs_checkcode with the common case inline: an integer (5.3+) or an
 * integral number 0-999 (5.1, 5.2) costs two API calls; anything else
 * takes the full check. The hot functions (reason, class, the predicates,
 * s:has) use it, so that they cost what a built-in such as math.abs costs.
 */
static inline int lhs_code(lua_State *L, int idx, int arg, const char *fn) {
#if LUA_VERSION_NUM >= 503
    if (lua_isinteger(L, idx)) {
        lua_Integer v = lua_tointegerx(L, idx, NULL);
        return v < 0 ? -1 : v > 999 ? 1000 : (int)v;
    }
#else
    if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_Number d = lua_tonumber(L, idx);
        if (d >= 0 && d < 1000 && d == (lua_Number)(int)d) return (int)d;
    }
#endif
    return lhs_checkcode(L, idx, arg, fn);
}

/* The string at idx (never a number converted), or an error naming what. */
LHS_INTERNAL const char *lhs_checkstring(lua_State *L, int idx, const char *fn, const char *what,
                                         size_t *len);

/* Pushes a short printable rendering of s[0..len) in double quotes. */
LHS_INTERNAL void lhs_pushquotedl(lua_State *L, const char *s, size_t len);
/* Pushes a short printable rendering of the value at idx, for messages. */
LHS_INTERNAL void lhs_pushquoted(lua_State *L, int idx);
/* The answer of a function that never raises, for a bad argument 1:
 * returns nil and "<what><argument 1 quoted>: <why>" (why may be NULL),
 * or "<what>no value" when there is no argument at all. */
LHS_INTERNAL int lhs_fail(lua_State *L, const char *what, const char *why);

/* s:has(code), the slow path of the LuaJIT fast one. */
LHS_INTERNAL int lhs_set_has(lua_State *L);

/* is_retryable(code, method) once code is read: the method at 2. */
LHS_INTERNAL int lhs_retryable_method(lua_State *L, int code);

/* The parts: each sets its functions in the module table at -1, except
 * lhs_open_set, which pops the value at -1 (the LuaJIT fast-path has, or
 * nil) and sets its function in the table at -2. */
LHS_INTERNAL void lhs_open_set(lua_State *L);
/* Sets each function of funcs (NULL-terminated) in the table at -1. */
LHS_INTERNAL void lhs_setfuncs(lua_State *L, const luaL_Reg *funcs);
LHS_INTERNAL void lhs_open_date(lua_State *L);
LHS_INTERNAL void lhs_open_map(lua_State *L);

#endif
