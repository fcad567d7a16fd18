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

/*
 * __index of the phrase table P, upvalue 1 of reason() and
 * parse_status_line(): P is made empty at require, and its first miss
 * fills it, entry position + 1 (hs_index) -> registered phrase, or false
 * for 306 and 418 (no phrase), so that each phrase is one interned Lua
 * string per state and every later lookup is an array read, never a miss.
 */
static int l_phrases_index(lua_State *L) {
    if (lua_type(L, 1) != LUA_TTABLE) return 0;
    lua_rawgeti(L, 1, 1);
    if (lua_isnil(L, -1)) {
        size_t n, i;
        const hs_status *e = hs_entries(&n);
        for (i = 0; i < n; i++) {
            if (e[i].reason) lua_pushstring(L, e[i].reason); else lua_pushboolean(L, 0);
            lua_rawseti(L, 1, (int)i + 1);
        }
    }
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, 1);
    return 1;
}

/* Pushes a new, empty phrase table P (see l_phrases_index). */
static void hs_push_phrase_table(lua_State *L) {
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, l_phrases_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
}

/* Pushes phrase number i + 1 of the phrase table at idx, or nil for its
 * false. lua_geti (and lua_gettable) are safe on any value, so what
 * debug.setupvalue may have put in the upvalue needs no check: at worst a
 * Lua error. */
static void hs_push_phrase(lua_State *L, int idx, int i) {
#if LUA_VERSION_NUM >= 503
    if (lua_geti(L, idx, i + 1) == LUA_TBOOLEAN) {
#else
    lua_pushinteger(L, i + 1);
    lua_gettable(L, idx);
    if (lua_type(L, -1) == LUA_TBOOLEAN) {
#endif
        lua_pop(L, 1);
        lua_pushnil(L);
    }
}

/* reason(code [, lang]); `up`: the upvalue holding the phrase table, or 0 */
static int hs_l_reason(lua_State *L, int up) {
    int code = hs_checkcode(L, 1, "reason"), zh;
    const hs_status *s;
    if (lua_gettop(L) < 2 || lua_isnil(L, 2)) {
        int i = hs_index(code);
        if (i < 0) lua_pushnil(L);
        else if (up) hs_push_phrase(L, lua_upvalueindex(up), i);
        else hs_pushstr(L, hs_reason(code));
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
    return lhs_fail(L, "unknown HTTP status: ", NULL);
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
        hs_push_phrase(L, lua_upvalueindex(1), hs_index(sl.code));
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

/* Pushes a new array: every integer 0-999 -> s(c), or `none` when it is NULL. */
static void hs_push_by_code(lua_State *L, const char *(*s)(int c), int none_is_false) {
    int c;
    lua_createtable(L, 1000, 0);
    for (c = 0; c < 1000; c++) {
        const char *v = s(c);
        if (v) lua_pushstring(L, v);
        else if (none_is_false) lua_pushboolean(L, 0);
        else continue;
        lua_rawseti(L, -2, c);
    }
}

static const char *hs_class_of(int c) { return hs_class_name(hs_class(c)); }

/* Fills T[c], for every integer c 0-999, with its record: at [i], the
 * answer of predicate i. Codes with the same answers share a record. */
static void hs_fill_records(lua_State *L, int t) {
    int c, i, nrec = 0, recs;
    unsigned keys[64];
    lua_newtable(L);  /* the records by key, dropped at the end */
    recs = lua_gettop(L);
    for (c = 0; c < 1000; c++) {
        unsigned key = 0;
        for (i = 3; i < HS_NFAST_MODULE; i++) key |= (unsigned)hs_fast_answer(i, c) << i;
        for (i = 0; i < nrec && keys[i] != key; i++) {}
        if (i == nrec) {
            int j;
            if (nrec == (int)(sizeof keys / sizeof keys[0])) luaL_error(L, "too many records");
            keys[nrec++] = key;
            lua_createtable(L, HS_NFAST_MODULE, 0);
            for (j = 3; j < HS_NFAST_MODULE; j++) {
                lua_pushboolean(L, hs_fast_answer(j, c));
                lua_rawseti(L, -2, j);
            }
            lua_rawseti(L, recs, i + 1);
        }
        lua_rawgeti(L, recs, i + 1);
        lua_rawseti(L, t, c);
    }
    lua_pop(L, 1);
}

/*
 * T:slow(i, ...): runs fast function i on the remaining arguments. The
 * first call for a function fills what it reads in T (see
 * src/hs_fast.lua), once per lua_State: a state pays for what it uses.
 */
static int l_fast_slow(lua_State *L) {
    int i = (int)lua_tointeger(L, 2);
    if (lua_type(L, 1) != LUA_TTABLE || lua_type(L, 2) != LUA_TNUMBER || i < 1 || i >= HS_NFAST)
        return lhs_argerror(L, 1, "slow", "the fast paths' table and a fast path number expected");
    if (i <= 2) {
        const char *field = i == 1 ? "p" : "c";
        lua_getfield(L, 1, field);
        lua_rawgeti(L, -1, 100);
        if (lua_isnil(L, -1)) {  /* still the empty table */
            hs_push_by_code(L, i == 1 ? hs_reason : hs_class_of, i == 1);
            lua_setfield(L, 1, field);
        }
        lua_pop(L, 2);
    } else if (i < HS_NFAST_MODULE) {
        lua_rawgeti(L, 1, 0);
        if (lua_isnil(L, -1)) hs_fill_records(L, 1);
        lua_pop(L, 1);
    }
    lua_remove(L, 1);
    lua_remove(L, 1);
    return hs_fast_funcs[i].func(L);
}

/* Runs src/hs_fast.lua on the module table at -2 (the phrase table at -1
 * is not needed here); leaves what it returns in place of the phrase
 * table: the fast-path has of sets. */
static void hs_install_fast_paths(lua_State *L) {
    lua_pop(L, 1);
    if (luaL_loadbuffer(L, hs_fast_lua, sizeof hs_fast_lua - 1, LHS_FAST_CHUNK) != 0)
        lua_error(L);
    lua_pushvalue(L, -2);
    lua_createtable(L, 0, 3);  /* T: filled on first use */
    lua_pushcfunction(L, l_fast_slow);
    lua_setfield(L, -2, "slow");
    lua_newtable(L);           /* until then, one empty table stands for T.c and T.p */
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "c");
    lua_setfield(L, -2, "p");
    lua_call(L, 2, 1);
}
#else
/* reason(code [, lang]) -> registered phrase or nil; upvalue 1: the phrase table */
static int l_reason(lua_State *L) {
    int code = hs_checkcode(L, 1, "reason"), i;
    if (lua_gettop(L) > 1 && !lua_isnil(L, 2)) return hs_l_reason(L, 1);
    i = hs_index(code);
    if (i < 0) lua_pushnil(L);
    else hs_push_phrase(L, lua_upvalueindex(1), i);
    return 1;
}

/* PUC Lua: the C functions themselves, into the module at -2; reason()
 * shares the phrase table at -1. Replaces that with nil: sets have no fast
 * path here. */
static void hs_install_fast_paths(lua_State *L) {
    int i;
    for (i = 3; i < HS_NFAST_MODULE; i++) {
        lua_pushcfunction(L, hs_fast_funcs[i].func);
        lua_setfield(L, -3, hs_fast_funcs[i].name);
    }
    for (i = HS_INFORMATIONAL; i <= HS_SERVER_ERROR; i++) lua_pushstring(L, hs_class_name(i));
    lua_pushcclosure(L, l_class_named, 5);
    lua_setfield(L, -3, "class");
    lua_pushcclosure(L, l_reason, 1);
    lua_setfield(L, -2, "reason");
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

/* Pushes a new table: code -> { { reason = ..., source = ... [, note = ...] }, ... } */
static void hs_push_unofficial(lua_State *L) {
    size_t n, i;
    const hs_unofficial *u = hs_unofficial_entries(&n);
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
}

/* Pushes a new table: every constant name, current and former -> code. */
static void hs_push_constants(lua_State *L) {
    size_t n, i;
    const hs_constant *k = hs_constants(&n);
    lua_createtable(L, 0, (int)n);
    for (i = 0; i < n; i++) {
        lua_pushinteger(L, k[i].code);
        lua_setfield(L, -2, k[i].name);
    }
}

/*
 * __index of the module table. What a state may never use is made on its
 * first read and then stored in the module, so that later reads are plain
 * table reads: reasons, unofficial, constants (the table of every
 * constant), and each constant (hs.NOT_FOUND). Anything else is nil.
 */
static int l_module_index(lua_State *L) {
    size_t len, n, i;
    const char *key;
    if (lua_type(L, 1) != LUA_TTABLE || lua_type(L, 2) != LUA_TSTRING) return 0;
    key = lua_tolstring(L, 2, &len);
    if (len == 7 && memcmp(key, "reasons", 7) == 0) {
        hs_push_reasons(L);
    } else if (len == 10 && memcmp(key, "unofficial", 10) == 0) {
        hs_push_unofficial(L);
    } else if (len == 9 && memcmp(key, "constants", 9) == 0) {
        hs_push_constants(L);
    } else if (len == 13 && memcmp(key, "registry_date", 13) == 0) {
        lua_pushstring(L, hs_registry_date());
    } else {
        const hs_constant *k = hs_constants(&n);
        for (i = 0; i < n; i++)
            if (strlen(k[i].name) == len && memcmp(k[i].name, key, len) == 0) break;
        if (i == n) return 0;
        lua_pushinteger(L, k[i].code);
    }
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
    return 1;
}

LHS_INTERNAL void lhs_setfuncs(lua_State *L, const luaL_Reg *funcs) {
    for (; funcs->name; funcs++) {
        lua_pushcfunction(L, funcs->func);
        lua_setfield(L, -2, funcs->name);
    }
}

HS_EXPORT int luaopen_httpstatus(lua_State *L) {
#if LUA_VERSION_NUM >= 502
    luaL_checkversion(L);  /* a module built for another Lua raises here */
#endif
    lua_createtable(L, 0, 40);  /* sized once: the functions and _VERSION */
    lhs_setfuncs(L, hs_funcs);
    hs_push_phrase_table(L);  /* shared by parse_status_line and (PUC) reason */
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, l_parse_status_line, 1);
    lua_setfield(L, -3, "parse_status_line");
    hs_install_fast_paths(L);
    lhs_open_set(L);
    lhs_open_date(L);
    lhs_open_map(L);
    lua_pushliteral(L, "httpstatus " HS_VERSION);
    lua_setfield(L, -2, "_VERSION");
    /* the rest (reasons, unofficial, constants) on first use */
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, l_module_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    return 1;
}
