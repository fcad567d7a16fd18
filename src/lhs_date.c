/*
 * lhs_date.c - the Lua binding of retries and HTTP dates (hs_date.c):
 * retry_after, parse_http_date, http_date, and the method of
 * is_retryable(code, method).
 */
#include <time.h>

#include "lhs.h"

/* An integral number at idx, as long long; 0 if it is not one. */
static int lhs_tointegral(lua_State *L, int idx, long long *out) {
    lua_Number d;
#if LUA_VERSION_NUM >= 503
    if (lua_isinteger(L, idx)) {
        *out = (long long)lua_tointegerx(L, idx, NULL);
        return 1;
    }
#endif
    if (lua_type(L, idx) != LUA_TNUMBER) return 0;
    d = lua_tonumber(L, idx);
    /* 2^62: far beyond any time here, and exact in a double */
    if (!(d >= -4611686018427387904.0 && d <= 4611686018427387904.0)) return 0;
    if ((lua_Number)(long long)d != d) return 0;
    *out = (long long)d;
    return 1;
}

/* What lhs_now gives when `now` was not passed: a time outside the years
 * 0-9999, so that the parsers answer HS_DATE_E_NOW if they need it. */
#define LHS_NO_NOW (-1LL - HS_HTTP_DATE_MAX * 8)

/* The optional `now` at idx: epoch seconds, or LHS_NO_NOW. */
static long long lhs_now(lua_State *L, int idx, const char *fn) {
    long long now = 0;
    if (lua_isnoneornil(L, idx)) return LHS_NO_NOW;
    if (!lhs_tointegral(L, idx, &now))
        lhs_argerror(L, idx, fn, "now must be an integer (seconds since 1970, UTC)");
    if (now < -62167219200LL || now > HS_HTTP_DATE_MAX)
        lhs_argerror(L, idx, fn, "now out of range (years 0-9999)");
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
    int rc = other;
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t len;
        long long out = 0;
        const char *s = lua_tolstring(L, 1, &len);
        rc = lhs_parse_with_now(L, parse, fn, s, len, &out);
        if (rc == HS_DATE_OK) {
            lua_pushinteger(L, (lua_Integer)out);
            return 1;
        }
    }
    return lhs_fail(L, what, hs_date_strerror(rc));
}

/* retry_after(value [, now]) -> seconds to wait, or nil, message; `now`
 * is read only for an HTTP-date */
static int l_retry_after(lua_State *L) {
    if (lua_type(L, 1) == LUA_TNUMBER) {  /* delay-seconds as a number */
        long long v;
        lua_Number d = lua_tonumber(L, 1);
        int whole = lhs_tointegral(L, 1, &v);
        /* beyond 2^62 (where lhs_tointegral stops) every finite double is whole */
        if ((whole && v >= 0) || (!whole && d > 4611686018427387904.0 && d - d == 0)) {
            lua_pushinteger(L, (lua_Integer)(!whole || v > HS_RETRY_AFTER_MAX ? HS_RETRY_AFTER_MAX : v));
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
    long long t;
    if (!lhs_tointegral(L, 1, &t))
        return lhs_argerror(L, 1, "http_date", lua_pushfstring(L,
            "integer expected (seconds since 1970, UTC), got %s", luaL_typename(L, 1)));
    if (hs_format_http_date(t, buf, sizeof buf) == 0)
        return lhs_argerror(L, 1, "http_date", "time out of range (1970 to the end of 9999)");
    lua_pushlstring(L, buf, HS_HTTP_DATE_LEN);
    return 1;
}

LHS_INTERNAL int lhs_retryable_method(lua_State *L, int code) {
    size_t len;
    const char *m = lhs_checkstring(L, 2, "is_retryable", "method", &len);
    lua_pushboolean(L, hs_is_retryable_method(code, m, len));
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
