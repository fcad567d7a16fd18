/*
 * lhs_date.c - the Lua binding of HTTP dates and Retry-After (hs_date.c):
 * retry_after, parse_http_date, http_date. No value ever wraps: a time
 * that this Lua's integers cannot hold (LUA_32BITS) is nil, message, and
 * a Retry-After delay above the largest integer is that integer.
 */
#include <time.h>

#include "lhs.h"

/* What lhs_now gives when `now` was not passed: a time outside the years
 * 0-9999, so that the parsers answer HS_DATE_E_NOW if they need it. */
#define LHS_NO_NOW (-1LL - HS_HTTP_DATE_MAX * 8)

/* The optional `now` at idx: epoch seconds of the years 0-9999, LHS_NO_NOW
 * when absent, or an error. */
static long long lhs_now(lua_State *L, int idx, const char *fn) {
    long long now = 0;
    if (lua_isnoneornil(L, idx)) return LHS_NO_NOW;
    if (lhs_tointeger(L, idx, &now) != LHS_INT_OK)
        lhs_argerror(L, idx, fn, "now must be an integer (seconds since 1970, UTC)");
    if (now < HS_YEAR0 || now > HS_HTTP_DATE_MAX) lhs_argerror(L, idx, fn, "now out of range (years 0-9999)");
    return now;
}

/*
 * Runs a parser without a `now`; when the text needs one (a two-digit
 * year, or how far a date is), reads the argument at 2 (or, when there is
 * none, the clock) and runs it again. So `now` is read, and checked, only
 * when the text needs it.
 */
static int lhs_parse_with_now(lua_State *L, int (*parse)(const char *, size_t, long long, long long *),
                              const char *fn, const char *s, size_t len, long long *out) {
    long long now;
    int rc = parse(s, len, LHS_NO_NOW, out);
    if (rc != HS_DATE_E_NOW) return rc;
    now = lhs_now(L, 2, fn);
    return parse(s, len, now == LHS_NO_NOW ? (long long)time(NULL) : now, out);
}

/* The answer of a parser for the string at 1: the integer it gives, or
 * nil, "<what><the argument>: <why>"; anything but a string fails with
 * error `other`. */
static int lhs_parse_arg(lua_State *L, int (*parse)(const char *, size_t, long long, long long *),
                         const char *fn, const char *what, int other) {
    const char *why = hs_strerror(other);
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t len;
        long long out = 0;
        const char *s = lua_tolstring(L, 1, &len);
        int rc = lhs_parse_with_now(L, parse, fn, s, len, &out);
        if (rc == HS_OK) {
            /* a Retry-After delay is capped at the largest integer; a date cannot
             * be. Only where integers are 32 bits (LUA_32BITS): tests/plain.lua
             * checks it there, in tools/lua55.sh; coverage runs on 64 bits */
            if (parse == hs_retry_after && out > lhs_maxinteger()) out = lhs_maxinteger();  /* GCOVR_EXCL_BR_LINE */
            if (lhs_pushinteger(L, out)) return 1;  /* GCOVR_EXCL_BR_LINE */
            why = "out of range for this Lua's integers";  /* GCOVR_EXCL_LINE */
        } else {
            why = hs_strerror(rc);
        }
    }
    return lhs_fail(L, what, why);
}

/* retry_after(value [, now]) -> seconds to wait, or nil, message; `now`
 * is read only for an HTTP-date */
static int l_retry_after(lua_State *L) {
    if (lua_type(L, 1) == LUA_TNUMBER) {  /* delay-seconds as a number */
        long long v = 0;
        if (lhs_tointeger(L, 1, &v) == LHS_INT_OK && v >= 0) {
            if (v > HS_RETRY_AFTER_MAX) v = HS_RETRY_AFTER_MAX;   /* RFC 9111, 1.2.2 */
            if (v > lhs_maxinteger()) v = lhs_maxinteger();  /* GCOVR_EXCL_BR_LINE: LUA_32BITS, as above */
            (void)lhs_pushinteger(L, v);
            return 1;
        }
        return lhs_fail(L, "invalid Retry-After: ", "not a non-negative integer");
    }
    return lhs_parse_arg(L, hs_retry_after, "retry_after", "invalid Retry-After: ", HS_DATE_E_RETRY);
}

/* parse_http_date(s [, now]) -> seconds since 1970 (UTC), or nil, message */
static int l_parse_http_date(lua_State *L) {
    (void)lhs_now(L, 2, "parse_http_date");  /* checked even when the form needs none */
    return lhs_parse_arg(L, hs_parse_http_date, "parse_http_date", "invalid HTTP date: ", HS_DATE_E_SYNTAX);
}

/* http_date(t) -> "Sun, 06 Nov 1994 08:49:37 GMT" */
static int l_http_date(lua_State *L) {
    char buf[HS_HTTP_DATE_LEN + 1];
    long long t = 0;
    if (lhs_tointeger(L, 1, &t) != LHS_INT_OK)
        return lhs_argerror(L, 1, "http_date", lua_pushfstring(L,
            "integer expected (seconds since 1970, UTC), got %s",
            lua_type(L, 1) == LUA_TNUMBER ? "a number that is not an integer" : luaL_typename(L, 1)));
    if (hs_format_http_date(t, buf, sizeof buf) == 0)
        return lhs_argerror(L, 1, "http_date", "time out of range (1970 to the end of 9999)");
    lua_pushlstring(L, buf, HS_HTTP_DATE_LEN);
    return 1;
}

LHS_INTERNAL void lhs_open_date(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "retry_after", l_retry_after },
        { "parse_http_date", l_parse_http_date },
        { "http_date", l_http_date },
        { NULL, NULL }
    };
    lhs_setfuncs(L, funcs);
}
