/*
 * lhttpstatus.c - the Lua binding of httpstatus: argument checking and
 * pushing results; every fact comes from the C core (httpstatus.h).
 * One source for Lua 5.1, 5.2, 5.3, 5.4 and LuaJIT 2.1.
 *
 * luaopen_httpstatus reads no global variable, so a host that emptied or
 * replaced the globals gets the same module; the LuaJIT fast paths
 * (src/hs_fast.lua) are chosen when compiling, not by looking for `jit`.
 */
#include <string.h>

#include "lhs.h"

HS_EXPORT int luaopen_httpstatus(lua_State *L);

/* Out-of-range integers are clamped to these, which no lookup matches. */
#define HS_BELOW (-1)
#define HS_ABOVE 1000

LHS_INTERNAL int lhs_argerror(lua_State *L, int arg, const char *fn, const char *msg) {
    lua_Debug ar;
    int level = 1;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "S", &ar) &&
        strcmp(ar.source, LHS_FAST_CHUNK) == 0)
        level = 2;
    luaL_where(L, level);
    lua_pushfstring(L, "bad argument #%d to '%s' (%s)", arg, fn, msg);
    lua_concat(L, 2);
    return lua_error(L);
}

static int hs_clamp(long long v) {
    return v < 0 ? HS_BELOW : v > 999 ? HS_ABOVE : (int)v;
}


/*
 * Reads a code argument: an integer, a float with an integral value or a
 * string of decimal digits. Sets *code (clamped) and returns LHS_ARG_OK, or
 * returns why the value is not a code. Never raises.
 */
LHS_INTERNAL int lhs_tocode(lua_State *L, int idx, int *code) {
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: {
        lua_Number d;
        long long t;
#if LUA_VERSION_NUM >= 503
        int isint;
        /* integers, and floats with an integral value in integer range */
        lua_Integer v = lua_tointegerx(L, idx, &isint);
        if (isint) {
            *code = hs_clamp((long long)v);
            return LHS_ARG_OK;
        }
#endif
        d = lua_tonumber(L, idx);
        if (d != d) return LHS_ARG_NAN;
        if (d - d != 0) return LHS_ARG_INF;
        /* beyond 2^53 every double is an integer, and too big for a code */
        if (d >= 9007199254740992.0 || d <= -9007199254740992.0) {
            *code = d < 0 ? HS_BELOW : HS_ABOVE;
            return LHS_ARG_OK;
        }
        t = (long long)d;
        if ((lua_Number)t != d) return LHS_ARG_FRACTION;
        *code = hs_clamp(t);
        return LHS_ARG_OK;
    }
    case LUA_TSTRING: {
        size_t len, i;
        const char *s = lua_tolstring(L, idx, &len);
        int v = 0;
        if (len == 0) return LHS_ARG_DIGITS;
        for (i = 0; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') return LHS_ARG_DIGITS;
            if (v < HS_ABOVE) v = v * 10 + (s[i] - '0');
        }
        *code = v > 999 ? HS_ABOVE : v;
        return LHS_ARG_OK;
    }
    default:
        return LHS_ARG_TYPE;
    }
}

LHS_INTERNAL int lhs_checkcode(lua_State *L, int idx, int arg, const char *fn) {
    int code = 0;
    switch (lhs_tocode(L, idx, &code)) {
    case LHS_ARG_OK: return code;
    case LHS_ARG_FRACTION: return lhs_argerror(L, arg, fn, "status code must be an integer");
    case LHS_ARG_NAN: return lhs_argerror(L, arg, fn, "status code expected, got NaN");
    case LHS_ARG_INF: return lhs_argerror(L, arg, fn, "status code expected, got an infinity");
    case LHS_ARG_DIGITS:
        return lhs_argerror(L, arg, fn, "status code expected, got a string that is not decimal digits");
    default:
        return lhs_argerror(L, arg, fn, lua_pushfstring(L, "status code expected, got %s",
                                                          luaL_typename(L, idx)));
    }
}

/* A code argument of function fn, or a "bad argument" error naming it. */
static int hs_checkcode(lua_State *L, int idx, const char *fn) {
    return lhs_code(L, idx, idx, fn);
}

/* A code argument that must be 100-599. */
static int hs_checkvalid(lua_State *L, int idx, const char *fn) {
    int code = hs_checkcode(L, idx, fn);
    if (!hs_is_valid(code)) lhs_argerror(L, idx, fn, "status code out of range 100-599");
    return code;
}

LHS_INTERNAL const char *lhs_checkstring(lua_State *L, int idx, const char *fn, const char *what,
                                         size_t *len) {
    if (lua_type(L, idx) != LUA_TSTRING)
        lhs_argerror(L, idx, fn, lua_pushfstring(L, "%s must be a string, got %s", what,
                                                luaL_typename(L, idx)));
    return lua_tolstring(L, idx, len);
}

/* Optional language: 0 for English, 1 for Chinese. Tags compare whole,
 * ignoring ASCII case; "zh\0junk" is not "zh". */
static int hs_checklang(lua_State *L, int idx, const char *fn) {
    static const char *const tags[] = { "en", "zh", "zh-cn", "zh_cn", "zh-hans" };
    size_t len, i, j;
    const char *s;
    if (lua_isnoneornil(L, idx)) return 0;
    if (lua_type(L, idx) == LUA_TSTRING) {
        s = lua_tolstring(L, idx, &len);
        for (i = 0; i < sizeof tags / sizeof tags[0]; i++) {
            if (strlen(tags[i]) != len) continue;
            for (j = 0; j < len; j++) {
                unsigned char c = (unsigned char)s[j];
                if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
                if (c != (unsigned char)tags[i][j]) break;
            }
            if (j == len) return i > 0;
        }
    }
    return lhs_argerror(L, idx, fn, "language must be \"en\" or \"zh\"");
}

static void hs_pushstr(lua_State *L, const char *s) {
    if (s) lua_pushstring(L, s); else lua_pushnil(L);
}

/* Registry key of the per-state table code -> English phrase (see below). */
static const char hs_phrases_key = 0;

/*
 * Pushes the array entry position + 1 (hs_index) -> registered English
 * phrase, shared by reason() and parse_status_line(): built on first use in
 * each lua_State and kept in the registry, so each phrase is one interned
 * Lua string per state; an array, so a lookup needs no hashing.
 */
static void hs_push_phrases(lua_State *L) {
    size_t n, i;
    const hs_status *e;
    lua_pushlightuserdata(L, (void *)&hs_phrases_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (lua_type(L, -1) == LUA_TTABLE) return;
    lua_pop(L, 1);
    e = hs_entries(&n);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        if (!e[i].reason) continue;  /* 306, 418: nil */
        lua_pushstring(L, e[i].reason);
        lua_rawseti(L, -2, (int)i + 1);
    }
    lua_pushlightuserdata(L, (void *)&hs_phrases_key);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/*
 * Pushes the phrase table, from upvalue `up` of the running closure when it
 * holds one (checked: debug.setupvalue can put anything there), else from
 * hs_push_phrases, caching it in the upvalue when `up` is not 0.
 */
static void hs_push_cached_phrases(lua_State *L, int up) {
    if (up && lua_type(L, lua_upvalueindex(up)) == LUA_TTABLE) {
        lua_pushvalue(L, lua_upvalueindex(up));
        return;
    }
    hs_push_phrases(L);
    if (up) {
        lua_pushvalue(L, -1);
        lua_replace(L, lua_upvalueindex(up));
    }
}

/* reason(code [, lang]); `up` is the upvalue caching the phrases, or 0 */
static int hs_l_reason(lua_State *L, int up) {
    int code = hs_checkcode(L, 1, "reason"), zh;
    const hs_status *s;
    if (lua_gettop(L) < 2 || lua_isnil(L, 2)) {
        /* the hot path: one interned string from an array, no hashing */
        int i = hs_index(code);
        if (i < 0) {
            lua_pushnil(L);
        } else if (up && lua_type(L, lua_upvalueindex(up)) == LUA_TTABLE) {
            lua_rawgeti(L, lua_upvalueindex(up), i + 1);
        } else {
            hs_push_cached_phrases(L, up);
            lua_rawgeti(L, -1, i + 1);
        }
        return 1;
    }
    zh = hs_checklang(L, 2, "reason");
    s = hs_get(code);
    hs_pushstr(L, s ? (zh ? s->reason_zh : s->reason) : NULL);
    return 1;
}

/* describe(code [, lang]) -> description or nil (nil where reason is nil) */
static int l_describe(lua_State *L) {
    const hs_status *s = hs_get(hs_checkcode(L, 1, "describe"));
    int zh = hs_checklang(L, 2, "describe");
    hs_pushstr(L, (s && s->reason) ? (zh ? s->description_zh : s->description) : NULL);
    return 1;
}

/* name(code) -> constant name or nil */
static int l_name(lua_State *L) {
    const hs_status *s = hs_get(hs_checkcode(L, 1, "name"));
    hs_pushstr(L, s ? s->name : NULL);
    return 1;
}

/* class(code) -> "informational" .. "server_error", or nil outside 100-599 */
static int l_class(lua_State *L) {
    hs_pushstr(L, hs_class_name(hs_class(hs_checkcode(L, 1, "class"))));
    return 1;
}

#if !defined(HS_LUAJIT)
/* class(code), with the five names as upvalues 1-5: no string is hashed */
static int l_class_named(lua_State *L) {
    int code = hs_checkcode(L, 1, "class");
    if (code >= 100 && code <= 599) lua_pushvalue(L, lua_upvalueindex(code / 100));
    else lua_pushnil(L);
    return 1;
}
#endif

/* canonical(code) -> code if registered, else x00 of its class; nil if invalid */
static int l_canonical(lua_State *L) {
    int c = hs_canonical(hs_checkcode(L, 1, "canonical"));
    if (c) lua_pushinteger(L, c); else lua_pushnil(L);
    return 1;
}

#define HS_PREDICATE(fname, expr)                           \
    static int l_##fname(lua_State *L) {                    \
        int code = hs_checkcode(L, 1, #fname);              \
        lua_pushboolean(L, (expr));                         \
        return 1;                                           \
    }

/* the class tests inline: a code is clamped to -1..1000, so no overflow */
HS_PREDICATE(is_valid, code >= 100 && code <= 599)
HS_PREDICATE(is_registered, hs_is_registered(code))
HS_PREDICATE(is_informational, code >= 100 && code <= 199)
HS_PREDICATE(is_success, code >= 200 && code <= 299)
HS_PREDICATE(is_redirection, code >= 300 && code <= 399)
HS_PREDICATE(is_client_error, code >= 400 && code <= 499)
HS_PREDICATE(is_server_error, code >= 500 && code <= 599)
HS_PREDICATE(is_error, code >= 400 && code <= 599)
HS_PREDICATE(is_cacheable, hs_is_cacheable(code))
HS_PREDICATE(is_empty, hs_is_empty(code))
HS_PREDICATE(is_redirect, hs_is_redirect(code))

/* is_retryable(code [, method]) -> worth a retry (for that method) */
static int l_is_retryable(lua_State *L) {
    int code = hs_checkcode(L, 1, "is_retryable");
    if (lua_gettop(L) > 1 && !lua_isnil(L, 2)) return lhs_retryable_method(L, code);
    lua_pushboolean(L, hs_is_retryable(code));
    return 1;
}

/* RFC 9110, Section 5.6.2: tchar */
static int hs_is_token(const char *s, size_t len) {
    size_t i;
    if (len == 0) return 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL)))
            return 0;
    }
    return 1;
}

/* redirect_method(code, method) -> method of the follow-up request, or nil */
static int l_redirect_method(lua_State *L) {
    int code = hs_checkcode(L, 1, "redirect_method");
    size_t len, outlen = 0;
    const char *m = lhs_checkstring(L, 2, "redirect_method", "method", &len);
    const char *r;
    if (!hs_is_token(m, len)) lhs_argerror(L, 2, "redirect_method", "invalid HTTP method");
    r = hs_redirect_method(code, m, len, &outlen);
    if (r == m) lua_pushvalue(L, 2);
    else if (r) lua_pushlstring(L, r, outlen);
    else lua_pushnil(L);
    return 1;
}

/* Longest quoted rendering of a string in a message, escapes included. */
#define HS_QUOTE_MAX 48

LHS_INTERNAL void lhs_pushquotedl(lua_State *L, const char *s, size_t len) {
    size_t i, used = 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addchar(&b, '"');
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        used += plain ? 1 : 4;
        if (used > HS_QUOTE_MAX) break;
        if (plain) {
            luaL_addchar(&b, (char)c);
        } else {
            char esc[5];
            esc[0] = '\\';
            esc[1] = (char)('0' + c / 100);
            esc[2] = (char)('0' + c / 10 % 10);
            esc[3] = (char)('0' + c % 10);
            luaL_addlstring(&b, esc, 4);
        }
    }
    luaL_addchar(&b, '"');
    if (i < len) luaL_addstring(&b, "...");
    luaL_pushresult(&b);
}

LHS_INTERNAL void lhs_pushquoted(lua_State *L, int idx) {
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        lhs_pushquotedl(L, s, len);
    } else if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_pushvalue(L, idx);
        lua_tostring(L, -1);  /* converts the copy only */
    } else {
        lua_pushfstring(L, "(%s)", luaL_typename(L, idx));
    }
}

/* code(value) -> code, or nil, message. Never raises. */
static int l_code(lua_State *L) {
    int code = 0;
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, 1, &len);
        code = hs_lookup(s, len);
    } else if (lhs_tocode(L, 1, &code) != LHS_ARG_OK || !hs_is_valid(code)) {
        code = 0;
    }
    if (code) {
        lua_pushinteger(L, code);
        return 1;
    }
    lua_pushnil(L);
    lua_pushliteral(L, "unknown HTTP status: ");
    lhs_pushquoted(L, 1);
    lua_concat(L, 2);
    return 2;
}

static void hs_setstr(lua_State *L, const char *k, const char *v) {
    hs_pushstr(L, v);
    lua_setfield(L, -2, k);
}

static void hs_setbool(lua_State *L, const char *k, int v) {
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

/* info(code) -> a fresh table describing the registry entry, or nil */
static int l_info(lua_State *L) {
    static const char *const registries[] = { "permanent", "temporary", "obsoleted", "unused" };
    const hs_status *s = hs_get(hs_checkcode(L, 1, "info"));
    int i;
    if (s == NULL) {
        lua_pushnil(L);
        return 1;
    }
    lua_createtable(L, 0, 16);
    lua_pushinteger(L, s->code);
    lua_setfield(L, -2, "code");
    hs_setstr(L, "reason", s->reason);
    hs_setstr(L, "name", s->name);
    hs_setstr(L, "class", hs_class_name(hs_class(s->code)));
    hs_setstr(L, "registry", registries[s->registry]);
    hs_setstr(L, "reference", s->reference);
    hs_setstr(L, "description", s->description);
    lua_createtable(L, 0, 2);
    hs_setstr(L, "reason", s->reason_zh);
    hs_setstr(L, "description", s->description_zh);
    lua_setfield(L, -2, "zh");
    lua_newtable(L);
    for (i = 0; s->former[i]; i++) {
        lua_pushstring(L, s->former[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "former");
    hs_setstr(L, "expires", s->expires);
    hs_setbool(L, "cacheable", hs_is_cacheable(s->code));
    hs_setbool(L, "empty", hs_is_empty(s->code));
    hs_setbool(L, "redirect", hs_is_redirect(s->code));
    hs_setbool(L, "retryable", hs_is_retryable(s->code));
    return 1;
}

/* Class argument of list(): 1-5, "4xx"/"4XX", or a class name. */
static int hs_checkclass(lua_State *L, int idx) {
    int cls = 0;
    if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_Number d = lua_tonumber(L, idx);
        cls = (d >= 1 && d <= 5 && d == (lua_Number)(int)d) ? (int)d : 0;
    } else if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (len == 3 && s[0] >= '1' && s[0] <= '5' && (s[1] == 'x' || s[1] == 'X') &&
            (s[2] == 'x' || s[2] == 'X')) {
            cls = s[0] - '0';
        } else {
            int c;
            for (c = HS_INFORMATIONAL; c <= HS_SERVER_ERROR; c++)
                if (strlen(hs_class_name(c)) == len && memcmp(s, hs_class_name(c), len) == 0)
                    cls = c;
        }
    }
    if (cls == 0)
        lhs_argerror(L, idx, "list", "class expected: 1-5, \"4xx\" or a name such as \"client_error\"");
    return cls;
}

/* list([class]) -> sorted array of registered codes (306 and 418 are not) */
static int l_list(lua_State *L) {
    size_t n, i;
    const hs_status *e = hs_entries(&n);
    int cls = lua_isnoneornil(L, 1) ? 0 : hs_checkclass(L, 1);
    int k = 0;
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        if (!hs_is_registered(e[i].code) || (cls && hs_class(e[i].code) != cls)) continue;
        lua_pushinteger(L, e[i].code);
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* status_line(code [, version]) -> "HTTP/1.1 404 Not Found" */
static int l_status_line(lua_State *L) {
    char buf[HS_STATUS_LINE_MAX];
    int code = hs_checkvalid(L, 1, "status_line");
    size_t vlen = 8, n;
    const char *v = "HTTP/1.1";
    if (!lua_isnoneornil(L, 2)) v = lhs_checkstring(L, 2, "status_line", "version", &vlen);
    if (!hs_is_version(v, vlen))
        lhs_argerror(L, 2, "status_line", "invalid HTTP version (expected HTTP/x.y)");
    n = hs_format_status_line(buf, sizeof buf, code, v, vlen);
    lua_pushlstring(L, buf, n);
    return 1;
}

/* The versions curl and servers send, pushed as interned literals. */
static void hs_pushversion(lua_State *L, const char *v, size_t len) {
    static const char *const known[] = { "HTTP/1.1", "HTTP/1.0", "HTTP/2", "HTTP/3" };
    size_t i;
    for (i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (strlen(known[i]) == len && memcmp(known[i], v, len) == 0) {
            lua_pushstring(L, known[i]);
            return;
        }
    }
    lua_pushlstring(L, v, len);
}

/* parse_status_line(line) -> code, reason, version; or nil, message. Never raises. */
static int l_parse_status_line(lua_State *L) {
    hs_status_line sl;
    size_t len;
    const char *s, *known;
    int err;
    if (lua_type(L, 1) != LUA_TSTRING) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid status line: string expected, got %s", luaL_typename(L, 1));
        return 2;
    }
    s = lua_tolstring(L, 1, &len);
    err = hs_parse_status_line(s, len, &sl);
    if (err != HS_OK) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid status line: %s", hs_parse_error(err));
        return 2;
    }
    lua_pushinteger(L, sl.code);
    /* the registered phrase, as sent: the interned copy (no new string) */
    known = hs_reason(sl.code);
    if (known && strlen(known) == sl.reason_len && memcmp(known, sl.reason, sl.reason_len) == 0) {
        hs_push_cached_phrases(L, 1);
        lua_rawgeti(L, -1, hs_index(sl.code) + 1);
        lua_replace(L, -2);
    } else {
        lua_pushlstring(L, sl.reason, sl.reason_len);
    }
    hs_pushversion(L, sl.version, sl.version_len);
    return 3;
}

/* _VERSION and every function but the fast-path ones (see below). */
static const luaL_Reg hs_funcs[] = {
    { "describe", l_describe },
    { "name", l_name },
    { "canonical", l_canonical },
    { "redirect_method", l_redirect_method },
    { "code", l_code },
    { "info", l_info },
    { "list", l_list },
    { "status_line", l_status_line },
    { NULL, NULL }
};

/*
 * The functions that have a fast path under LuaJIT, numbered as in
 * src/hs_fast.lua (HS_FAST_*: slow(i, ...) and the record index i).
 * Under PUC Lua they are these C functions, registered directly.
 */
static int l_reason_slow(lua_State *L) { return hs_l_reason(L, 0); }

static const luaL_Reg hs_fast_funcs[] = {
    { NULL, NULL },  /* 0: the class name, in the records */
    { "reason", l_reason_slow },
    { "class", l_class },
    { "is_valid", l_is_valid },
    { "is_registered", l_is_registered },
    { "is_informational", l_is_informational },
    { "is_success", l_is_success },
    { "is_redirection", l_is_redirection },
    { "is_client_error", l_is_client_error },
    { "is_server_error", l_is_server_error },
    { "is_error", l_is_error },
    { "is_cacheable", l_is_cacheable },
    { "is_empty", l_is_empty },
    { "is_redirect", l_is_redirect },
    { "is_retryable", l_is_retryable },
    { "has", lhs_set_has },  /* 15: s:has(c), the methods of sets */
};
#define HS_NFAST ((int)(sizeof hs_fast_funcs / sizeof hs_fast_funcs[0]))
/* the fast functions that are module functions: 1 to HS_NFAST_MODULE - 1 */
#define HS_NFAST_MODULE 15

#if defined(HS_LUAJIT)
#include "hs_fast_lua.h"

/* The answer of fast function i (3 and up: a predicate) for a code. */
static int hs_fast_answer(int i, int c) {
    switch (i) {
    case 3: return hs_is_valid(c);
    case 4: return hs_is_registered(c);
    case 5: case 6: case 7: case 8: case 9: return hs_class(c) == i - 4;
    case 10: return hs_class(c) >= HS_CLIENT_ERROR;
    case 11: return hs_is_cacheable(c);
    case 12: return hs_is_empty(c);
    case 13: return hs_is_redirect(c);
    default: return hs_is_retryable(c);
    }
}

/* slow(i, ...): runs fast function i on the remaining arguments. */
static int l_fast_slow(lua_State *L) {
    int i = (int)lua_tointeger(L, 1);
    if (lua_type(L, 1) != LUA_TNUMBER || i < 1 || i >= HS_NFAST)
        return lhs_argerror(L, 1, "slow", "fast path number expected");
    lua_remove(L, 1);
    return hs_fast_funcs[i].func(L);
}

/*
 * tables() -> R, C (see src/hs_fast.lua): built when a fast path is first
 * used in a lua_State. Codes sharing a class and flags share one record.
 */
static int l_fast_tables(lua_State *L) {
    int c, i, nrec = 0;
    unsigned keys[64];
    lua_createtable(L, 1000, 0);  /* R */
    for (c = 0; c < 1000; c++) {
        const char *r = hs_reason(c);
        if (r) lua_pushstring(L, r); else lua_pushboolean(L, 0);
        lua_rawseti(L, -2, c);
    }
    lua_createtable(L, 1000, 0);  /* C */
    lua_newtable(L);              /* records by key, dropped at the end */
    for (c = 0; c < 1000; c++) {
        unsigned key = 0;
        for (i = 3; i < HS_NFAST_MODULE; i++) key |= (unsigned)hs_fast_answer(i, c) << i;
        for (i = 0; i < nrec && keys[i] != key; i++) {}
        if (i == nrec) {
            int j;
            if (nrec == (int)(sizeof keys / sizeof keys[0])) return luaL_error(L, "too many records");
            keys[nrec++] = key;
            lua_createtable(L, HS_NFAST_MODULE, 0);
            hs_pushstr(L, hs_class_name(hs_class(c)));
            lua_rawseti(L, -2, 0);
            for (j = 3; j < HS_NFAST_MODULE; j++) {
                lua_pushboolean(L, hs_fast_answer(j, c));
                lua_rawseti(L, -2, j);
            }
            lua_rawseti(L, -2, i + 1);
        }
        lua_rawgeti(L, -1, i + 1);
        lua_rawseti(L, -3, c);
    }
    lua_pop(L, 1);
    return 2;
}

/* Runs src/hs_fast.lua on the module table at the top of the stack;
 * pushes what it returns: the fast-path has of sets. */
static void hs_install_fast_paths(lua_State *L) {
    if (luaL_loadbuffer(L, hs_fast_lua, sizeof hs_fast_lua - 1, LHS_FAST_CHUNK) != 0)
        lua_error(L);
    lua_pushvalue(L, -2);
    lua_pushcfunction(L, l_fast_slow);
    lua_pushcfunction(L, l_fast_tables);
    lua_call(L, 3, 1);
}
#else
/* The first reason() call of a state: fills upvalue k + 1 with the phrase
 * of entry k, then pushes that of entry i. Kept apart from the hot path. */
LHS_COLD static int hs_reason_fill(lua_State *L, int i) {
    size_t n, k;
    const hs_status *e = hs_entries(&n);
    for (k = 0; k < n; k++) {
        hs_pushstr(L, e[k].reason);
        lua_replace(L, lua_upvalueindex((int)k + 1));
    }
    lua_pushvalue(L, lua_upvalueindex(i + 1));
    return 1;
}

/*
 * reason(code [, lang]) -> registered phrase or nil. Upvalue k + 1 holds
 * the phrase of entry k (hs_index), nil for 306 and 418: false until the
 * first call fills them all, so that the hot path is one push, no lookup.
 */
static int l_reason(lua_State *L) {
    int code = hs_checkcode(L, 1, "reason"), i;
    if (lua_gettop(L) > 1 && !lua_isnil(L, 2)) return hs_l_reason(L, 0);
    i = hs_index(code);
    if (i < 0) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(i + 1));
    if (lua_type(L, -1) == LUA_TBOOLEAN) return hs_reason_fill(L, i);
    return 1;
}

/* PUC Lua: the C functions themselves; reason() caches the phrases.
 * Pushes nil: sets have no fast path here. */
static void hs_install_fast_paths(lua_State *L) {
    int i;
    for (i = 3; i < HS_NFAST_MODULE; i++) {
        lua_pushcfunction(L, hs_fast_funcs[i].func);
        lua_setfield(L, -2, hs_fast_funcs[i].name);
    }
    for (i = HS_INFORMATIONAL; i <= HS_SERVER_ERROR; i++) lua_pushstring(L, hs_class_name(i));
    lua_pushcclosure(L, l_class_named, 5);
    lua_setfield(L, -2, "class");
    {
        size_t n, k;
        (void)hs_entries(&n);
        luaL_checkstack(L, (int)n, "httpstatus");
        for (k = 0; k < n; k++) lua_pushboolean(L, 0);  /* the phrases, on first use */
        lua_pushcclosure(L, l_reason, (int)n);
        lua_setfield(L, -2, "reason");
    }
    lua_pushnil(L);
}
#endif

/* Pushes a new table: code -> registered English phrase. */
static void hs_push_reasons(lua_State *L) {
    size_t n, i;
    const hs_status *e = hs_entries(&n);
    lua_createtable(L, 0, (int)n);
    for (i = 0; i < n; i++) {
        if (!e[i].reason) continue;
        lua_pushstring(L, e[i].reason);
        lua_rawseti(L, -2, e[i].code);
    }
}

HS_EXPORT int luaopen_httpstatus(lua_State *L) {
    size_t n, i;
    const hs_constant *k = hs_constants(&n);
    const hs_unofficial *u;

#if LUA_VERSION_NUM >= 502
    luaL_checkversion(L);  /* a module built for another Lua raises here */
#endif
    lua_newtable(L);
    for (i = 0; hs_funcs[i].name; i++) {
        lua_pushcfunction(L, hs_funcs[i].func);
        lua_setfield(L, -2, hs_funcs[i].name);
    }
    lua_pushboolean(L, 0);  /* parse_status_line's cache of the phrase table */
    lua_pushcclosure(L, l_parse_status_line, 1);
    lua_setfield(L, -2, "parse_status_line");
    hs_install_fast_paths(L);
    lhs_open_set(L);
    lhs_open_date(L);
    lhs_open_map(L);
    lua_pushliteral(L, "httpstatus " HS_VERSION);
    lua_setfield(L, -2, "_VERSION");

    for (i = 0; i < n; i++) {
        lua_pushinteger(L, k[i].code);
        lua_setfield(L, -2, k[i].name);
    }

    /* reasons: a copy; writing to it cannot change reason() */
    hs_push_reasons(L);
    lua_setfield(L, -2, "reasons");

    /* unofficial: code -> { { reason = ..., source = ... [, note = ...] }, ... } */
    u = hs_unofficial_entries(&n);
    lua_newtable(L);
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, -1, u[i].code);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, u[i].code);
        }
        lua_createtable(L, 0, 3);
        hs_setstr(L, "reason", u[i].reason);
        hs_setstr(L, "source", u[i].source);
        if (u[i].note) hs_setstr(L, "note", u[i].note);
        lua_rawseti(L, -2, (int)lhs_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "unofficial");
    return 1;
}
