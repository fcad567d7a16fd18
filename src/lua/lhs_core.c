/*
 * lhs_core.c - the Lua functions of v1: lookups, classes, the predicates,
 * redirects, status lines. Arguments are checked here (lhs_util.c's
 * helpers); every fact comes from the C core.
 */
#include <string.h>

#include "lhs.h"

/* t[i] of the value at idx, pushed, and its type; any value is safe: at
 * worst a Lua error (what debug.setupvalue may have put in an upvalue). */
static int lhs_geti(lua_State *L, int idx, int i) {
#if LUA_VERSION_NUM >= 503
    return lua_geti(L, idx, i);
#else
    lua_pushinteger(L, i);
    lua_gettable(L, idx);  /* idx is an upvalue's pseudo-index: the push does not move it */
    return lua_type(L, -1);
#endif
}

/*
 * reason(code) found no string in its table P (upvalue 1): P holds false
 * for the code (it has no phrase), or P is not made yet. It is made on the
 * first call, whole, before it replaces the empty table it starts as: an
 * array over 1-599 of every phrase, false where a code has none, so that a
 * code 1-599 is always found in the array part. A memory error while it is
 * made leaves the empty table in place, to be made again.
 */
static int lhs_reason_miss(lua_State *L, int code, int type) {
    int c;
    lua_pop(L, 1);
    if (type == LUA_TNIL && code >= 1 && code <= 599) {
        lua_createtable(L, 599, 0);
        for (c = 1; c <= 599; c++) {
            const char *s = hs_reason(c);
            if (s) lua_pushstring(L, s); else lua_pushboolean(L, 0);
            lua_rawseti(L, -2, c);
        }
        lua_replace(L, lua_upvalueindex(1));
    }
    lhs_pushstr(L, hs_reason(code));
    return 1;
}

/* reason(code, lang) -> the phrase in that language, or nil */
static int lhs_reason_in(lua_State *L, int code) {
    lhs_pushstr(L, hs_reason_in(code, lhs_checklang(L, 2, "reason")));
    return 1;
}

/* reason(code [, lang]) -> registered phrase or nil. Upvalue 1: the table
 * P of phrases by code, one interned string each, made on first use. */
static int l_reason(lua_State *L) {
    int code = lhs_code(L, 1, 1, "reason"), type;
    if (lua_gettop(L) > 1 && !lua_isnil(L, 2)) return lhs_reason_in(L, code);
    type = lhs_geti(L, lua_upvalueindex(1), code);
    return type == LUA_TSTRING ? 1 : lhs_reason_miss(L, code, type);
}

/* describe(code [, lang]) -> description or nil (nil where reason is nil) */
static int l_describe(lua_State *L) {
    int code = lhs_code(L, 1, 1, "describe"), lang = lhs_checklang(L, 2, "describe");
    lhs_pushstr(L, hs_reason(code) ? hs_description_in(code, lang) : NULL);
    return 1;
}

/* name(code) -> constant name or nil */
static int l_name(lua_State *L) {
    const hs_status *s = hs_get(lhs_code(L, 1, 1, "name"));
    lhs_pushstr(L, s ? s->name : NULL);
    return 1;
}

/* class(code) -> "informational" .. "server_error", or nil outside
 * 100-599; the five names are upvalues 1-5, so no string is hashed */
static int l_class(lua_State *L) {
    int code = lhs_code(L, 1, 1, "class");
    if (code >= 100 && code <= 599) lua_pushvalue(L, lua_upvalueindex(code / 100));
    else lua_pushnil(L);
    return 1;
}

/* canonical(code) -> code if registered, else x00 of its class; nil if invalid */
static int l_canonical(lua_State *L) {
    int c = hs_canonical(lhs_code(L, 1, 1, "canonical"));
    if (c) lua_pushinteger(L, c); else lua_pushnil(L);
    return 1;
}

/*
 * The predicates on one code. A class predicate is true for the codes
 * whose first digit is lo..hi; a flag predicate asks the core. Each list
 * gives the Lua functions and the rows of lhs_predicates (which the LuaJIT
 * fast paths follow), so a new predicate is one line here.
 */
#define LHS_CLASS_PREDICATES(X) \
    X(is_valid, 1, 5)           \
    X(is_informational, 1, 1)   \
    X(is_success, 2, 2)         \
    X(is_redirection, 3, 3)     \
    X(is_client_error, 4, 4)    \
    X(is_server_error, 5, 5)    \
    X(is_error, 4, 5)
#define LHS_FLAG_PREDICATES(X)           \
    X(is_registered, hs_is_registered)   \
    X(is_cacheable, hs_is_cacheable)     \
    X(is_empty, hs_is_empty)             \
    X(is_redirect, hs_is_redirect)

/* a code is clamped to -1..1000, so no overflow */
#define LHS_CLASS_FUNCTION(name, lo, hi)                                                  \
    static int lhs_##name(int c) { return c >= (lo) * 100 && c <= (hi) * 100 + 99; }      \
    static int l_##name(lua_State *L) {                                                   \
        lua_pushboolean(L, lhs_##name(lhs_code(L, 1, 1, #name)));                         \
        return 1;                                                                         \
    }
#define LHS_FLAG_FUNCTION(name, answer)                                                   \
    static int l_##name(lua_State *L) {                                                   \
        lua_pushboolean(L, answer(lhs_code(L, 1, 1, #name)));                             \
        return 1;                                                                         \
    }
LHS_CLASS_PREDICATES(LHS_CLASS_FUNCTION)
LHS_FLAG_PREDICATES(LHS_FLAG_FUNCTION)

/* is_retryable(code [, method]) -> worth a retry (for that method) */
static int l_is_retryable(lua_State *L) {
    int code = lhs_code(L, 1, 1, "is_retryable");
    if (lua_gettop(L) > 1 && !lua_isnil(L, 2)) {
        size_t len;
        const char *m = lhs_checkstring(L, 2, "is_retryable", "method", &len);
        lua_pushboolean(L, hs_is_retryable_method(code, m, len));
    } else {
        lua_pushboolean(L, hs_is_retryable(code));
    }
    return 1;
}

#define LHS_CLASS_ROW(name, lo, hi) { #name, l_##name, lhs_##name },
#define LHS_FLAG_ROW(name, answer) { #name, l_##name, answer },
LHS_INTERNAL const lhs_predicate lhs_predicates[] = {
    LHS_CLASS_PREDICATES(LHS_CLASS_ROW)
    LHS_FLAG_PREDICATES(LHS_FLAG_ROW)
    { "is_retryable", l_is_retryable, hs_is_retryable },
    { NULL, NULL, NULL }
};

/* RFC 9110, Section 5.6.2: tchar */
static int lhs_is_token(const char *s, size_t len) {
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
    int code = lhs_code(L, 1, 1, "redirect_method");
    size_t len, outlen = 0;
    const char *m = lhs_checkstring(L, 2, "redirect_method", "method", &len);
    const char *r;
    if (!lhs_is_token(m, len)) lhs_argerror(L, 2, "redirect_method", "invalid HTTP method");
    r = hs_redirect_method(code, m, len, &outlen);
    if (r == m) lua_pushvalue(L, 2);
    else if (r) lua_pushlstring(L, r, outlen);
    else lua_pushnil(L);
    return 1;
}

/* code(value) -> code, or nil, message. Never raises. */
static int l_code(lua_State *L) {
    int code = 0;
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, 1, &len);
        code = hs_lookup(s, len);
    } else if (lhs_tocode(L, 1, &code) != LHS_INT_OK || !hs_is_valid(code)) {
        code = 0;
    }
    if (code) {
        lua_pushinteger(L, code);
        return 1;
    }
    return lhs_fail(L, "unknown HTTP status: ", NULL);
}

static void lhs_setstr(lua_State *L, const char *k, const char *v) {
    lhs_pushstr(L, v);
    lua_setfield(L, -2, k);
}

static void lhs_setbool(lua_State *L, const char *k, int v) {
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

/* Pushes a fresh array of the header fields code requires, each { name,
 * level, reference }: empty for most codes. */
static void lhs_push_headers(lua_State *L, int code) {
    size_t n, i;
    const hs_header *h = hs_required_headers(code, &n);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        lhs_setstr(L, "name", h[i].name);
        lhs_setstr(L, "level", hs_level_name(h[i].level));
        lhs_setstr(L, "reference", h[i].reference);
        lua_rawseti(L, -2, (int)i + 1);
    }
}

/* required_headers(code) -> that array */
static int l_required_headers(lua_State *L) {
    lhs_push_headers(L, lhs_code(L, 1, 1, "required_headers"));
    return 1;
}

/* info(code) -> a fresh table describing the registry entry, or nil */
static int l_info(lua_State *L) {
    static const char *const registries[] = { "permanent", "temporary", "obsoleted", "unused" };
    const hs_status *s = hs_get(lhs_code(L, 1, 1, "info"));
    int i;
    if (s == NULL) {
        lua_pushnil(L);
        return 1;
    }
    lua_createtable(L, 0, 18);
    lua_pushinteger(L, s->code);
    lua_setfield(L, -2, "code");
    lhs_setstr(L, "reason", s->reason);
    lhs_setstr(L, "name", s->name);
    lhs_setstr(L, "class", hs_class_name(hs_class(s->code)));
    lhs_setstr(L, "registry", registries[s->registry]);
    lhs_setstr(L, "reference", s->reference);
    lhs_setstr(L, "description", s->description);
    lua_createtable(L, 0, 2);
    lhs_setstr(L, "reason", s->reason_zh);
    lhs_setstr(L, "description", s->description_zh);
    lua_setfield(L, -2, "zh");
    lua_createtable(L, 0, 2);
    lhs_setstr(L, "reason", hs_reason_in(s->code, HS_LANG_ZH_HANT));
    lhs_setstr(L, "description", hs_description_in(s->code, HS_LANG_ZH_HANT));
    lua_setfield(L, -2, "zh_hant");
    lua_newtable(L);
    for (i = 0; s->former[i]; i++) {
        lua_pushstring(L, s->former[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "former");
    lhs_setstr(L, "expires", s->expires);
    lhs_setbool(L, "cacheable", hs_is_cacheable(s->code));
    lhs_setbool(L, "empty", hs_is_empty(s->code));
    lhs_setbool(L, "redirect", hs_is_redirect(s->code));
    lhs_setbool(L, "retryable", hs_is_retryable(s->code));
    lhs_push_headers(L, s->code);
    lua_setfield(L, -2, "headers");
    return 1;
}

/* Class argument of list(): 1-5, "4xx"/"4XX" (as a set's grammar), or a
 * class name; 0 for anything else. */
static int lhs_toclass(lua_State *L, int idx) {
    long long n = 0;
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        int c;
        if (len == 3 && s[0] >= '1' && s[0] <= '5' &&
            ((s[1] == 'x' && s[2] == 'x') || (s[1] == 'X' && s[2] == 'X')))
            return s[0] - '0';
        for (c = HS_INFORMATIONAL; c <= HS_SERVER_ERROR; c++)
            if (strlen(hs_class_name(c)) == len && memcmp(s, hs_class_name(c), len) == 0) return c;
        return 0;
    }
    return lhs_tointeger(L, idx, &n) == LHS_INT_OK && n >= 1 && n <= 5 ? (int)n : 0;
}

/* list([class]) -> sorted array of registered codes (306 and 418 are not) */
static int l_list(lua_State *L) {
    size_t n, i;
    const hs_status *e = hs_entries(&n);
    int cls = 0, k = 0;
    if (!lua_isnoneornil(L, 1) && (cls = lhs_toclass(L, 1)) == 0)
        lhs_argerror(L, 1, "list", "class expected: 1-5, \"4xx\" or a name such as \"client_error\"");
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
    int code = lhs_code(L, 1, 1, "status_line");
    size_t vlen = 8, n;
    const char *v = "HTTP/1.1";
    if (!hs_is_valid(code)) lhs_argerror(L, 1, "status_line", "status code out of range 100-599");
    if (!lua_isnoneornil(L, 2)) v = lhs_checkstring(L, 2, "status_line", "version", &vlen);
    if (!hs_is_version(v, vlen))
        lhs_argerror(L, 2, "status_line", "invalid HTTP version (expected HTTP/x.y)");
    n = hs_format_status_line(buf, sizeof buf, code, v, vlen);
    lua_pushlstring(L, buf, n);
    return 1;
}

/* parse_status_line(line) -> code, reason, version; or nil, message. Never raises. */
static int l_parse_status_line(lua_State *L) {
    hs_status_line sl;
    size_t len;
    const char *s;
    int err;
    if (lua_type(L, 1) != LUA_TSTRING) {
        /* the type before nil is pushed: with no argument, "no value" */
        const char *type = luaL_typename(L, 1);
        lua_pushnil(L);
        lua_pushfstring(L, "invalid status line: string expected, got %s", type);
        return 2;
    }
    s = lua_tolstring(L, 1, &len);
    err = hs_parse_status_line(s, len, &sl);
    if (err != HS_OK) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid status line: %s", hs_strerror(err));
        return 2;
    }
    lua_pushinteger(L, sl.code);
    lua_pushlstring(L, sl.reason, sl.reason_len);
    lua_pushlstring(L, sl.version, sl.version_len);
    return 3;
}

/* Pushes reason, as a Lua function with its table (empty until used). */
static void lhs_push_reason(lua_State *L) {
    lua_newtable(L);
    lua_pushcclosure(L, l_reason, 1);
}

/* Pushes class, as a Lua function with the five names. */
static void lhs_push_class(lua_State *L) {
    int c;
    for (c = HS_INFORMATIONAL; c <= HS_SERVER_ERROR; c++) lua_pushstring(L, hs_class_name(c));
    lua_pushcclosure(L, l_class, 5);
}

/* --- for the LuaJIT fast paths (src/lua/lhs_fast.lua) -------------------------- */

static const char *lhs_class_of(int c) { return hs_class_name(hs_class(c)); }

/* The row of lhs_predicates for name, or NULL. */
static const lhs_predicate *lhs_predicate_named(const char *name) {
    const lhs_predicate *p;
    for (p = lhs_predicates; p->name; p++)
        if (strcmp(p->name, name) == 0) return p;
    return NULL;
}

LHS_INTERNAL int lhs_fallback(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    const lhs_predicate *p = lhs_predicate_named(name);
    /* src/lua/lhs_fast.lua asks only for the names it has: the last line guards
     * against a mistake there, which no input of a user's can reach */
    if (p) lua_pushcfunction(L, p->fn);
    else if (strcmp(name, "reason") == 0) lhs_push_reason(L);
    else if (strcmp(name, "class") == 0) lhs_push_class(L);  /* GCOVR_EXCL_BR_LINE */
    else return luaL_argerror(L, 1, "not a function with a fast path");  /* GCOVR_EXCL_LINE */
    return 1;
}

LHS_INTERNAL int lhs_build(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    const char *(*text)(int) = strcmp(name, "reason") == 0 ? hs_reason
                             : strcmp(name, "class") == 0 ? lhs_class_of : NULL;
    const lhs_predicate *p = lhs_predicate_named(name);
    int c;
    /* as in lhs_fallback: a guard against a mistake in src/lua/lhs_fast.lua */
    if (text == NULL && p == NULL) return luaL_argerror(L, 1, "not a function with a fast path");  /* GCOVR_EXCL_LINE */
    lua_createtable(L, 599, 0);  /* LuaJIT: 0-599 in the array part */
    for (c = 0; c <= 599; c++) {
        const char *s = text ? text(c) : NULL;
        if (s) lua_pushstring(L, s);
        else if (text) lua_pushboolean(L, 0);
        else lua_pushinteger(L, p->answer(c) != 0);
        lua_rawseti(L, -2, c);
    }
    return 1;
}

LHS_INTERNAL void lhs_open_core(lua_State *L, int fast) {
    static const luaL_Reg funcs[] = {
        { "describe", l_describe },
        { "name", l_name },
        { "canonical", l_canonical },
        { "redirect_method", l_redirect_method },
        { "code", l_code },
        { "info", l_info },
        { "required_headers", l_required_headers },
        { "list", l_list },
        { "status_line", l_status_line },
        { "parse_status_line", l_parse_status_line },
        { NULL, NULL }
    };
    const lhs_predicate *p;
    lhs_setfuncs(L, funcs);
    if (fast) return;  /* LuaJIT: src/lua/lhs_fast.lua makes the rest */
    for (p = lhs_predicates; p->name; p++) {
        lua_pushcfunction(L, p->fn);
        lua_setfield(L, -2, p->name);
    }
    lhs_push_reason(L);
    lua_setfield(L, -2, "reason");
    lhs_push_class(L);
    lua_setfield(L, -2, "class");
}
