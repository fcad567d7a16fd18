/*
 * lhs.h - what the files of the Lua binding share (internal, not
 * installed). The binding is one way: lhttpstatus.c (luaopen_httpstatus)
 * uses the parts lhs_core.c, lhs_set.c, lhs_date.c, lhs_map.c and
 * lhs_accept.c, which
 * use the helpers of lhs_util.c, which use the C core (httpstatus.h).
 * No file calls a function of a file above it.
 *
 * One source for Lua 5.1-5.5 and LuaJIT 2.1: what differs between them is
 * chosen here when compiling (API differences) or in lhttpstatus.c when
 * the module runs (LuaJIT's fast paths, for any build for the 5.1 ABI).
 */
#ifndef LHS_H
#define LHS_H

#include <stddef.h>

#include "lua.h"
#include "lauxlib.h"

#include "httpstatus.h"

#if defined(__GNUC__) && !defined(_WIN32)
#define LHS_INTERNAL __attribute__((visibility("hidden")))
#else
#define LHS_INTERNAL
#endif

#if LUA_VERSION_NUM >= 502
#define lhs_rawlen(L, i) lua_rawlen(L, i)
#else
#define lhs_rawlen(L, i) lua_objlen(L, i)
#endif

#if LUA_VERSION_NUM >= 504
#define lhs_newuserdata(L, size) lua_newuserdatauv(L, size, 0)
#else
#define lhs_newuserdata(L, size) lua_newuserdata(L, size)
#endif

/* --- lhs_util.c: arguments, messages, registration ------------------------ */

/*
 * Raises "bad argument #arg to 'fn' (msg)" at the caller's line. Each
 * function names itself, so the message is the same on every VM however
 * the function was reached (a LuaJIT fast path falls back by a tail call,
 * which leaves no frame of its own).
 */
LHS_INTERNAL int lhs_argerror(lua_State *L, int arg, const char *fn, const char *msg);
/* Pushes "file:line: " of the Lua code nearest the running C function
 * (up to three levels: an operator may be reached through the string
 * library's metamethods, as in Lua 5.4), or "". */
LHS_INTERNAL void lhs_where(lua_State *L);

/* What lhs_tointeger and lhs_tocode found. */
enum { LHS_INT_OK, LHS_INT_TYPE, LHS_INT_FRACTION, LHS_INT_NAN, LHS_INT_INF, LHS_INT_DIGITS };

/*
 * The one check of an integer argument: a Lua integer, or a number with an
 * integral value, as a long long; values beyond long long's range are
 * clamped to its ends (they are beyond every range here). Exact whatever
 * lua_Number is (double, float with LUA_32BITS, long double) and whatever
 * the width of lua_Integer. Never raises.
 */
LHS_INTERNAL int lhs_tointeger(lua_State *L, int idx, long long *out);

/* Out-of-range codes are clamped to these, which no lookup matches. */
#define LHS_BELOW (-1)
#define LHS_ABOVE 1000

/* Reads a code argument (an integer, an integral float or a string of
 * decimal digits) without raising: LHS_INT_OK and *code, clamped to -1 or
 * 1000 outside 0-999, or why the value is not a code (LHS_INT_DIGITS: a
 * string that is not decimal digits). */
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
        return v < 0 ? LHS_BELOW : v > 999 ? LHS_ABOVE : (int)v;
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
/* The language of a tag reason takes (hs_lang_find's: "en", "zh",
 * "zh-Hans", "zh-Hant", "zh-TW", ...) at idx: HS_LANG_*, or -1. */
LHS_INTERNAL int lhs_tolang(lua_State *L, int idx);
/* Optional language at idx: HS_LANG_* (HS_LANG_EN when absent), or an error. */
LHS_INTERNAL int lhs_checklang(lua_State *L, int idx, const char *fn);

/* Pushes a short printable rendering of s[0..len) in double quotes. */
LHS_INTERNAL void lhs_pushquotedl(lua_State *L, const char *s, size_t len);
/* Pushes a short printable rendering of the value at idx, for messages:
 * a string quoted, a number written by us (never through the Lua's own
 * number-to-string conversion, which LUA_NOCVTN2S removes), else "(type)". */
LHS_INTERNAL void lhs_pushquoted(lua_State *L, int idx);
/* The answer of a function that never raises, for a bad argument 1:
 * returns nil and "<what><argument 1 quoted>: <why>" (why may be NULL),
 * or "<what>no value" when there is no argument at all. */
LHS_INTERNAL int lhs_fail(lua_State *L, const char *what, const char *why);

/* Pushes v as a Lua integer and returns 1, or pushes nothing and returns 0
 * when this Lua's integers cannot hold it (LUA_32BITS). */
LHS_INTERNAL int lhs_pushinteger(lua_State *L, long long v);
/* The largest integer this Lua holds, as a long long. */
LHS_INTERNAL long long lhs_maxinteger(void);

/* Loads a chunk and pushes it, returning 1; a syntax error pushes nothing
 * and returns 0; a memory error is raised (never taken for a syntax error). */
LHS_INTERNAL int lhs_load(lua_State *L, const char *s, size_t len, const char *name);

/* Pushes s, or nil for NULL. */
LHS_INTERNAL void lhs_pushstr(lua_State *L, const char *s);
/* Sets each function of funcs (NULL-terminated) in the table at -1. */
LHS_INTERNAL void lhs_setfuncs(lua_State *L, const luaL_Reg *funcs);

/* --- the parts: each sets its functions in the module table at -1 -------- */

/* lhs_core.c: the functions of v1 (reason, class, the predicates, ...);
 * under LuaJIT (fast) all but those with a fast path. */
LHS_INTERNAL void lhs_open_core(lua_State *L, int fast);
/*
 * lhs_core.c, for the LuaJIT fast paths: the predicates (lhs_predicates,
 * ending with a NULL name), and the arrays the fast paths read.
 */
typedef struct lhs_predicate {
    const char *name;
    lua_CFunction fn;         /* the Lua function */
    int (*answer)(int code);  /* for a code clamped to -1..1000 */
} lhs_predicate;
LHS_INTERNAL extern const lhs_predicate lhs_predicates[];
/* build(name): a new array over the integers 0-599 of the answers of
 * reason, class or a predicate: the phrase or class name (false for
 * none), or 1 (true) or 0 (false). */
LHS_INTERNAL int lhs_build(lua_State *L);
/* fallback(name): a new C function reason, class or a predicate. */
LHS_INTERNAL int lhs_fallback(lua_State *L);

/* lhs_set.c: hs.set; under LuaJIT (fast) each set gets a fast `has` of
 * src/lua/lhs_fast_set.lua, else sets share one metatable of C functions. */
LHS_INTERNAL void lhs_open_set(lua_State *L, int fast);
/* lhs_date.c, lhs_map.c and lhs_accept.c */
LHS_INTERNAL void lhs_open_date(lua_State *L);
LHS_INTERNAL void lhs_open_map(lua_State *L);
LHS_INTERNAL void lhs_open_accept(lua_State *L);

#endif
