/*
 * lhs_util.c - the helpers of the Lua binding: reading arguments (one
 * integer check for every function), the messages of errors and of
 * functions that never raise, and registration. Uses the C core only.
 */
#include <stdio.h>
#include <string.h>

#include "lhs.h"

LHS_INTERNAL int lhs_argerror(lua_State *L, int arg, const char *fn, const char *msg) {
    luaL_where(L, 1);
    lua_pushfstring(L, "bad argument #%d to '%s' (%s)", arg, fn, msg);
    lua_concat(L, 2);
    return lua_error(L);
}

LHS_INTERNAL void lhs_where(lua_State *L) {
    lua_Debug ar;
    int level;
    for (level = 1; level <= 3 && lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

/* 2^63, exact in every floating type */
#define LHS_TWO63 9223372036854775808.0

LHS_INTERNAL int lhs_tointeger(lua_State *L, int idx, long long *out) {
    lua_Number d;
    long long t;
#if LUA_VERSION_NUM >= 503
    if (lua_isinteger(L, idx)) {
        *out = (long long)lua_tointegerx(L, idx, NULL);
        return LHS_INT_OK;
    }
#endif
    if (lua_type(L, idx) != LUA_TNUMBER) return LHS_INT_TYPE;
    d = lua_tonumber(L, idx);
    if (d != d) return LHS_INT_NAN;
    if (d - d != 0) return LHS_INT_INF;
    /* at and beyond 2^63 every double (and x87 long double) is integral */
    if (d >= LHS_TWO63 || d < -LHS_TWO63) {
        *out = d < 0 ? -9223372036854775807LL - 1 : 9223372036854775807LL;
        return LHS_INT_OK;
    }
    t = (long long)d;  /* truncates: exact below 2^63 whatever lua_Number is */
    if ((lua_Number)t != d) return LHS_INT_FRACTION;
    *out = t;
    return LHS_INT_OK;
}

LHS_INTERNAL int lhs_tocode(lua_State *L, int idx, int *code) {
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len, i;
        const char *s = lua_tolstring(L, idx, &len);
        int v = 0;
        if (len == 0) return LHS_INT_DIGITS;
        for (i = 0; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') return LHS_INT_DIGITS;
            if (v < LHS_ABOVE) v = v * 10 + (s[i] - '0');
        }
        *code = v > 999 ? LHS_ABOVE : v;
        return LHS_INT_OK;
    } else {
        long long v = 0;
        int rc = lhs_tointeger(L, idx, &v);
        if (rc == LHS_INT_OK) *code = v < 0 ? LHS_BELOW : v > 999 ? LHS_ABOVE : (int)v;
        return rc;
    }
}

LHS_INTERNAL int lhs_checkcode(lua_State *L, int idx, int arg, const char *fn) {
    int code = 0;
    switch (lhs_tocode(L, idx, &code)) {
    case LHS_INT_OK: return code;
    case LHS_INT_FRACTION: return lhs_argerror(L, arg, fn, "status code must be an integer");
    case LHS_INT_NAN: return lhs_argerror(L, arg, fn, "status code expected, got NaN");
    case LHS_INT_INF: return lhs_argerror(L, arg, fn, "status code expected, got an infinity");
    case LHS_INT_DIGITS:
        return lhs_argerror(L, arg, fn, "status code expected, got a string that is not decimal digits");
    default:  /* luaL_typename says "no value" for a missing argument, as Lua does */
        return lhs_argerror(L, arg, fn, lua_pushfstring(L, "status code expected, got %s", luaL_typename(L, idx)));
    }
}

LHS_INTERNAL const char *lhs_checkstring(lua_State *L, int idx, const char *fn, const char *what,
                                         size_t *len) {
    if (lua_type(L, idx) != LUA_TSTRING)
        lhs_argerror(L, idx, fn, lua_pushfstring(L, "%s must be a string, got %s", what,
                                                luaL_typename(L, idx)));
    return lua_tolstring(L, idx, len);
}

LHS_INTERNAL int lhs_tolang(lua_State *L, int idx) {
    size_t len;
    const char *s;
    if (lua_type(L, idx) != LUA_TSTRING) return -1;
    s = lua_tolstring(L, idx, &len);
    return hs_lang_find(s, len);
}

LHS_INTERNAL int lhs_checklang(lua_State *L, int idx, const char *fn) {
    int lang;
    if (lua_isnoneornil(L, idx)) return HS_LANG_EN;
    lang = lhs_tolang(L, idx);
    if (lang < 0) return lhs_argerror(L, idx, fn, "language must be \"en\", \"zh\" or \"zh-Hant\"");
    return lang;
}

/* Longest quoted rendering of a string in a message, escapes included. */
#define LHS_QUOTE_MAX 48

LHS_INTERNAL void lhs_pushquotedl(lua_State *L, const char *s, size_t len) {
    size_t i, used = 0;
    luaL_Buffer b;
    /* luaL_addchar tests for a full buffer: LHS_QUOTE_MAX never fills one */
    luaL_buffinit(L, &b);
    luaL_addchar(&b, '"');  /* GCOVR_EXCL_BR_LINE */
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        used += plain ? 1 : 4;
        if (used > LHS_QUOTE_MAX) break;
        if (plain) {
            luaL_addchar(&b, (char)c);  /* GCOVR_EXCL_BR_LINE */
        } else {
            char esc[4];
            esc[0] = '\\';
            esc[1] = (char)('0' + c / 100);
            esc[2] = (char)('0' + c / 10 % 10);
            esc[3] = (char)('0' + c % 10);
            luaL_addlstring(&b, esc, 4);
        }
    }
    luaL_addchar(&b, '"');  /* GCOVR_EXCL_BR_LINE */
    if (i < len) luaL_addstring(&b, "...");
    luaL_pushresult(&b);
}

/* A number as every VM and the pure edition write it in a message: an
 * integral value as an integer, nan and inf by name, else with 14 digits
 * (7 for a Lua whose numbers are floats), whatever LUA_NUMBER_FMT says. */
static void lhs_pushnumber_text(lua_State *L, int idx) {
    char buf[64];
    long long v = 0;
    int rc = lhs_tointeger(L, idx, &v);
    lua_Number d = lua_tonumber(L, idx);
    if (rc == LHS_INT_OK && d > -LHS_TWO63 && d < LHS_TWO63) {
        (void)snprintf(buf, sizeof buf, "%lld", v);
    } else if (rc == LHS_INT_NAN) {
        (void)snprintf(buf, sizeof buf, "nan");
    } else if (rc == LHS_INT_INF) {
        (void)snprintf(buf, sizeof buf, d < 0 ? "-inf" : "inf");
    } else {
        (void)snprintf(buf, sizeof buf, sizeof(lua_Number) == sizeof(float) ? "%.7g" : "%.14g", (double)d);
    }
    lua_pushstring(L, buf);
}

LHS_INTERNAL void lhs_pushquoted(lua_State *L, int idx) {
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        lhs_pushquotedl(L, s, len);
    } else if (lua_type(L, idx) == LUA_TNUMBER) {
        lhs_pushnumber_text(L, idx);
    } else {
        lua_pushfstring(L, "(%s)", luaL_typename(L, idx));
    }
}

LHS_INTERNAL int lhs_fail(lua_State *L, const char *what, const char *why) {
    int none = lua_isnone(L, 1);
    lua_pushnil(L);
    lua_pushstring(L, what);
    if (none) {  /* no argument at all: said once, without a reason */
        lua_pushliteral(L, "no value");
        lua_concat(L, 2);
        return 2;
    }
    lhs_pushquoted(L, 1);
    if (why == NULL) {
        lua_concat(L, 2);
        return 2;
    }
    lua_pushliteral(L, ": ");
    lua_pushstring(L, why);
    lua_concat(L, 4);
    return 2;
}

LHS_INTERNAL long long lhs_maxinteger(void) {
#if LUA_VERSION_NUM >= 503
    return (long long)LUA_MAXINTEGER;
#else
    return 9007199254740992LL;  /* 2^53: a double's integers, which 5.1 and 5.2 push */
#endif
}

LHS_INTERNAL int lhs_pushinteger(lua_State *L, long long v) {
#if LUA_VERSION_NUM >= 503
    if (v > (long long)LUA_MAXINTEGER || v < (long long)LUA_MININTEGER) return 0;
    lua_pushinteger(L, (lua_Integer)v);
#else
    /* 2^53: no time of the years 0000-9999, nor a capped delay, comes near */
    if (v > lhs_maxinteger() || v < -lhs_maxinteger()) return 0;  /* GCOVR_EXCL_BR_LINE */
    lua_pushnumber(L, (lua_Number)v);  /* lua_Integer may be 32 bits (ptrdiff_t) */
#endif
    return 1;
}

LHS_INTERNAL int lhs_load(lua_State *L, const char *s, size_t len, const char *name) {
    int rc = luaL_loadbuffer(L, s, len, name);
    /* chunks load under LuaJIT only; the memory sweep (tests/test_memory.c) runs on PUC 5.4 */
    if (rc == LUA_ERRMEM) lua_error(L);  /* GCOVR_EXCL_BR_LINE */
    if (rc != 0) lua_pop(L, 1);
    return rc == 0;
}

LHS_INTERNAL void lhs_pushstr(lua_State *L, const char *s) {
    if (s) lua_pushstring(L, s); else lua_pushnil(L);
}

LHS_INTERNAL void lhs_setfuncs(lua_State *L, const luaL_Reg *funcs) {
    for (; funcs->name; funcs++) {
        lua_pushcfunction(L, funcs->func);
        lua_setfield(L, -2, funcs->name);
    }
}
