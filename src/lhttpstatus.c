/*
 * lhttpstatus.c - the Lua binding of httpstatus: argument checking and
 * pushing results; every fact comes from the C core (httpstatus.h).
 * One source for Lua 5.1, 5.2, 5.3, 5.4 and LuaJIT 2.1.
 */
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "httpstatus.h"

#if LUA_VERSION_NUM >= 502
#define hs_newlib(L, l) (luaL_newlib(L, l))
#define hs_rawlen(L, i) lua_rawlen(L, i)
#else
#define hs_newlib(L, l) (lua_newtable(L), luaL_register(L, NULL, l))
#define hs_rawlen(L, i) lua_objlen(L, i)
#endif

HS_API int luaopen_httpstatus(lua_State *L);

/* Out-of-range integers are clamped to these, which no lookup matches. */
#define HS_BELOW (-1)
#define HS_ABOVE 1000

/* Chunk name of the fast paths (see hs_fast_lua below). */
#define HS_FAST_CHUNK "=httpstatus"

/*
 * luaL_argerror, except that when the C function was called by one of our
 * fast paths, the name and the location are those of the user's call of
 * the fast path (one level up), not of our chunk's call of the C function.
 */
static int hs_argerror(lua_State *L, int arg, const char *msg) {
    lua_Debug ar;
    const char *name = NULL;
    int level = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "S", &ar) &&
        strcmp(ar.source, HS_FAST_CHUNK) == 0)
        level = 1;
    if (lua_getstack(L, level, &ar) && lua_getinfo(L, "n", &ar)) name = ar.name;
    luaL_where(L, level + 1);
    lua_pushfstring(L, "bad argument #%d to '%s' (%s)", arg, name ? name : "?", msg);
    lua_concat(L, 2);
    return lua_error(L);
}

enum { HS_ARG_OK, HS_ARG_TYPE, HS_ARG_FRACTION, HS_ARG_NAN, HS_ARG_INF, HS_ARG_DIGITS };

static int hs_clamp(long long v) {
    return v < 0 ? HS_BELOW : v > 999 ? HS_ABOVE : (int)v;
}

/*
 * Reads a code argument: an integer, a float with an integral value or a
 * string of decimal digits. Sets *code (clamped) and returns HS_ARG_OK, or
 * returns why the value is not a code. Never raises.
 */
static int hs_tocode(lua_State *L, int idx, int *code) {
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
            return HS_ARG_OK;
        }
#endif
        d = lua_tonumber(L, idx);
        if (d != d) return HS_ARG_NAN;
        if (d - d != 0) return HS_ARG_INF;
        /* beyond 2^53 every double is an integer, and too big for a code */
        if (d >= 9007199254740992.0 || d <= -9007199254740992.0) {
            *code = d < 0 ? HS_BELOW : HS_ABOVE;
            return HS_ARG_OK;
        }
        t = (long long)d;
        if ((lua_Number)t != d) return HS_ARG_FRACTION;
        *code = hs_clamp(t);
        return HS_ARG_OK;
    }
    case LUA_TSTRING: {
        size_t len, i;
        const char *s = lua_tolstring(L, idx, &len);
        int v = 0;
        if (len == 0) return HS_ARG_DIGITS;
        for (i = 0; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') return HS_ARG_DIGITS;
            if (v < HS_ABOVE) v = v * 10 + (s[i] - '0');
        }
        *code = v > 999 ? HS_ABOVE : v;
        return HS_ARG_OK;
    }
    default:
        return HS_ARG_TYPE;
    }
}

/* A code argument, or a "bad argument" error naming it. */
static int hs_checkcode(lua_State *L, int idx) {
    int code = 0;
    switch (hs_tocode(L, idx, &code)) {
    case HS_ARG_OK: return code;
    case HS_ARG_FRACTION: return hs_argerror(L, idx, "status code must be an integer");
    case HS_ARG_NAN: return hs_argerror(L, idx, "status code expected, got NaN");
    case HS_ARG_INF: return hs_argerror(L, idx, "status code expected, got an infinity");
    case HS_ARG_DIGITS:
        return hs_argerror(L, idx, "status code expected, got a string that is not decimal digits");
    default:
        return hs_argerror(L, idx, lua_pushfstring(L, "status code expected, got %s",
                                                     luaL_typename(L, idx)));
    }
}

/* A code argument that must be 100-599. */
static int hs_checkvalid(lua_State *L, int idx) {
    int code = hs_checkcode(L, idx);
    if (!hs_is_valid(code)) hs_argerror(L, idx, "status code out of range 100-599");
    return code;
}

/* Optional language: 0 for English, 1 for Chinese. */
static int hs_checklang(lua_State *L, int idx) {
    static const char *const tags[] = { "en", "zh", "zh-cn", "zh_cn", "zh-hans" };
    char low[8];
    size_t len, i;
    const char *s;
    if (lua_isnoneornil(L, idx)) return 0;
    if (lua_type(L, idx) != LUA_TSTRING) return hs_argerror(L, idx, "language must be \"en\" or \"zh\"");
    s = lua_tolstring(L, idx, &len);
    if (len < sizeof low) {
        for (i = 0; i < len; i++)
            low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] - 'A' + 'a' : s[i]);
        low[len] = '\0';
        for (i = 0; i < sizeof tags / sizeof tags[0]; i++)
            if (strcmp(low, tags[i]) == 0) return i > 0;
    }
    return hs_argerror(L, idx, "language must be \"en\" or \"zh\"");
}

static void hs_pushstr(lua_State *L, const char *s) {
    if (s) lua_pushstring(L, s); else lua_pushnil(L);
}

/* reason(code [, lang]) -> registered phrase or nil */
static int l_reason(lua_State *L) {
    int code = hs_checkcode(L, 1), zh;
    const hs_status *s;
    if (lua_isnoneornil(L, 2)) {
        /* upvalue 1: code -> phrase, interned once at load */
        lua_rawgeti(L, lua_upvalueindex(1), code);
        return 1;
    }
    zh = hs_checklang(L, 2);
    s = hs_get(code);
    hs_pushstr(L, s ? (zh ? s->reason_zh : s->reason) : NULL);
    return 1;
}

/* describe(code [, lang]) -> description or nil (nil where reason is nil) */
static int l_describe(lua_State *L) {
    const hs_status *s = hs_get(hs_checkcode(L, 1));
    int zh = hs_checklang(L, 2);
    hs_pushstr(L, (s && s->reason) ? (zh ? s->description_zh : s->description) : NULL);
    return 1;
}

/* name(code) -> constant name or nil */
static int l_name(lua_State *L) {
    const hs_status *s = hs_get(hs_checkcode(L, 1));
    hs_pushstr(L, s ? s->name : NULL);
    return 1;
}

/* class(code) -> "informational" .. "server_error", or nil outside 100-599 */
static int l_class(lua_State *L) {
    hs_pushstr(L, hs_class_name(hs_class(hs_checkcode(L, 1))));
    return 1;
}

/* canonical(code) -> code if registered, else x00 of its class; nil if invalid */
static int l_canonical(lua_State *L) {
    int c = hs_canonical(hs_checkcode(L, 1));
    if (c) lua_pushinteger(L, c); else lua_pushnil(L);
    return 1;
}

#define HS_PREDICATE(fname, expr)                     \
    static int fname(lua_State *L) {                  \
        int code = hs_checkcode(L, 1);                \
        lua_pushboolean(L, (expr));                   \
        return 1;                                     \
    }

HS_PREDICATE(l_is_valid, hs_is_valid(code))
HS_PREDICATE(l_is_registered, hs_is_registered(code))
HS_PREDICATE(l_is_informational, hs_class(code) == HS_INFORMATIONAL)
HS_PREDICATE(l_is_success, hs_class(code) == HS_SUCCESSFUL)
HS_PREDICATE(l_is_redirection, hs_class(code) == HS_REDIRECTION)
HS_PREDICATE(l_is_client_error, hs_class(code) == HS_CLIENT_ERROR)
HS_PREDICATE(l_is_server_error, hs_class(code) == HS_SERVER_ERROR)
HS_PREDICATE(l_is_error, hs_class(code) >= HS_CLIENT_ERROR)
HS_PREDICATE(l_is_cacheable, hs_is_cacheable(code))
HS_PREDICATE(l_is_empty, hs_is_empty(code))
HS_PREDICATE(l_is_redirect, hs_is_redirect(code))
HS_PREDICATE(l_is_retryable, hs_is_retryable(code))

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
    int code = hs_checkcode(L, 1);
    size_t len, outlen = 0;
    const char *m = luaL_checklstring(L, 2, &len);
    const char *r;
    luaL_argcheck(L, hs_is_token(m, len), 2, "invalid HTTP method");
    r = hs_redirect_method(code, m, len, &outlen);
    if (r == m) lua_pushvalue(L, 2);
    else if (r) lua_pushlstring(L, r, outlen);
    else lua_pushnil(L);
    return 1;
}

/* Longest quoted rendering of a string in a message, escapes included. */
#define HS_QUOTE_MAX 48

/* Pushes a short printable rendering of the value at idx, for messages. */
static void hs_pushquoted(lua_State *L, int idx) {
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len, i, used = 0;
        const char *s = lua_tolstring(L, idx, &len);
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
    } else if (hs_tocode(L, 1, &code) != HS_ARG_OK || !hs_is_valid(code)) {
        code = 0;
    }
    if (code) {
        lua_pushinteger(L, code);
        return 1;
    }
    lua_pushnil(L);
    lua_pushliteral(L, "unknown HTTP status: ");
    hs_pushquoted(L, 1);
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
    const hs_status *s = hs_get(hs_checkcode(L, 1));
    if (s == NULL) {
        lua_pushnil(L);
        return 1;
    }
    lua_createtable(L, 0, 14);
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
    hs_setbool(L, "cacheable", hs_is_cacheable(s->code));
    hs_setbool(L, "empty", hs_is_empty(s->code));
    hs_setbool(L, "redirect", hs_is_redirect(s->code));
    hs_setbool(L, "retryable", hs_is_retryable(s->code));
    return 1;
}

/* Class argument of list(): 1-5, "4xx"/"4XX", or a class name. */
static int hs_checkclass(lua_State *L, int idx) {
    int cls;
    if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_Number d = lua_tonumber(L, idx);
        cls = (d >= 1 && d <= 5 && d == (lua_Number)(int)d) ? (int)d : 0;
    } else if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        cls = 0;
        if (len == 3 && s[0] >= '1' && s[0] <= '5' && (s[1] == 'x' || s[1] == 'X') &&
            (s[2] == 'x' || s[2] == 'X')) {
            cls = s[0] - '0';
        } else {
            int c;
            for (c = HS_INFORMATIONAL; c <= HS_SERVER_ERROR; c++)
                if (strlen(hs_class_name(c)) == len && memcmp(s, hs_class_name(c), len) == 0)
                    cls = c;
        }
    } else {
        cls = 0;
    }
    luaL_argcheck(L, cls != 0, idx, "class expected: 1-5, \"4xx\" or a name such as \"client_error\"");
    return cls;
}

/* list([class]) -> sorted array of registered codes */
static int l_list(lua_State *L) {
    size_t n, i;
    const hs_status *e = hs_entries(&n);
    int cls = lua_isnoneornil(L, 1) ? 0 : hs_checkclass(L, 1);
    lua_Integer k = 0;
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        if (cls && hs_class(e[i].code) != cls) continue;
        lua_pushinteger(L, e[i].code);
        lua_rawseti(L, -2, (int)++k);
    }
    return 1;
}

/* status_line(code [, version]) -> "HTTP/1.1 404 Not Found" */
static int l_status_line(lua_State *L) {
    char buf[HS_STATUS_LINE_MAX];
    int code = hs_checkvalid(L, 1);
    size_t vlen, n;
    const char *v = luaL_optlstring(L, 2, "HTTP/1.1", &vlen);
    luaL_argcheck(L, hs_is_version(v, vlen), 2, "invalid HTTP version (expected HTTP/x.y)");
    n = hs_format_status_line(buf, sizeof buf, code, v, vlen);
    lua_pushlstring(L, buf, n);
    return 1;
}

/*
 * The versions curl and servers send; upvalue 2 of parse_status_line holds
 * them as Lua strings at the same indices.
 */
static const char *const hs_versions[] = { "HTTP/1.1", "HTTP/1.0", "HTTP/2", "HTTP/3" };
#define HS_NVERSIONS (sizeof hs_versions / sizeof hs_versions[0])

/* 1-based index of v in hs_versions, or 0. */
static int hs_version_index(const char *v, size_t len) {
    size_t i;
    for (i = 0; i < HS_NVERSIONS; i++)
        if (strlen(hs_versions[i]) == len && memcmp(hs_versions[i], v, len) == 0) return (int)i + 1;
    return 0;
}

/*
 * Pushes s[0..len). When it equals known, the copy already interned in the
 * table at upvalue 1, index key, is pushed instead: no hashing of a new
 * string on the common path.
 */
static void hs_pushknown(lua_State *L, const char *s, size_t len, const char *known, int key) {
    if (known && strlen(known) == len && memcmp(known, s, len) == 0) {
        lua_rawgeti(L, lua_upvalueindex(1), key);
        return;
    }
    lua_pushlstring(L, s, len);
}

/* parse_status_line(line) -> code, reason, version; or nil, message. Never raises. */
static int l_parse_status_line(lua_State *L) {
    hs_status_line sl;
    size_t len;
    const char *s;
    int err, v;
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
    hs_pushknown(L, sl.reason, sl.reason_len, hs_reason(sl.code), sl.code);
    v = hs_version_index(sl.version, sl.version_len);
    if (v) lua_rawgeti(L, lua_upvalueindex(2), v);
    else lua_pushlstring(L, sl.version, sl.version_len);
    return 3;
}

/*
 * JIT-friendly fast paths, installed under LuaJIT only. LuaJIT's JIT cannot
 * compile through a classic C function call (about 20 ns, against 2-5 ns for
 * the same test written in Lua), so there the hot lookups are small Lua
 * functions: an integral number is answered by arithmetic or by a table
 * built below from the C data (R: code -> phrase, F.<flag>: set of codes);
 * anything else (a string, a bad type, NaN) goes to the C function, which
 * checks it and raises as before. On PUC Lua the C functions are faster
 * than any Lua wrapper, so they stay. doc/performance.md has the numbers.
 */
static const char hs_fast_lua[] =
    "local M, R, F = ...\n"
    "if type(rawget(_G, 'jit')) ~= 'table' then return end\n"
    "local type = type\n"
    "local CLASSES = { 'informational', 'successful', 'redirection', 'client_error', 'server_error' }\n"
    "local reason, class, is_valid, is_registered = M.reason, M.class, M.is_valid, M.is_registered\n"
    "M.reason = function(c, lang)\n"
    "  if lang == nil then\n"
    "    local r = R[c]\n"
    "    if r then return r elseif type(c) == 'number' and c % 1 == 0 then return nil end\n"
    "  end\n"
    "  return (reason(c, lang))\n"
    "end\n"
    "M.class = function(c)\n"
    "  if type(c) == 'number' and c % 1 == 0 then\n"
    "    if c >= 100 and c < 600 then return CLASSES[(c - c % 100) / 100] end\n"
    "    return nil\n"
    "  end\n"
    "  return (class(c))\n"
    "end\n"
    "M.is_valid = function(c)\n"
    "  if type(c) == 'number' and c % 1 == 0 then return c >= 100 and c < 600 end\n"
    "  return (is_valid(c))\n"
    "end\n"
    "local registered = F.registered\n"
    "M.is_registered = function(c)\n"
    "  if type(c) == 'number' and c % 1 == 0 then return registered[c] == true end\n"
    "  return (is_registered(c))\n"
    "end\n"
    "local function by_class(name, lo, hi)\n"
    "  local slow = M[name]\n"
    "  M[name] = function(c)\n"
    "    if type(c) == 'number' and c % 1 == 0 then return c >= lo and c < hi end\n"
    "    return (slow(c))\n"
    "  end\n"
    "end\n"
    "by_class('is_informational', 100, 200); by_class('is_success', 200, 300)\n"
    "by_class('is_redirection', 300, 400); by_class('is_client_error', 400, 500)\n"
    "by_class('is_server_error', 500, 600); by_class('is_error', 400, 600)\n"
    "local function by_flag(name, set, all_1xx)\n"
    "  local slow = M[name]\n"
    "  M[name] = function(c)\n"
    "    if type(c) == 'number' and c % 1 == 0 then\n"
    "      return (all_1xx and c >= 100 and c < 200) or set[c] == true\n"
    "    end\n"
    "    return (slow(c))\n"
    "  end\n"
    "end\n"
    "by_flag('is_cacheable', F.cacheable, false); by_flag('is_empty', F.empty, true)\n"
    "by_flag('is_redirect', F.redirect, false); by_flag('is_retryable', F.retryable, false)\n";

/* Builds F (see hs_fast_lua) and runs the chunk on the module at -2 with
 * R at -1; pops R. */
static void hs_install_fast_paths(lua_State *L) {
    static const struct { const char *name; unsigned flag; } flags[] = {
        { "cacheable", HS_F_CACHEABLE }, { "empty", HS_F_EMPTY },
        { "redirect", HS_F_REDIRECT }, { "retryable", HS_F_RETRYABLE }, { "registered", 0 }
    };
    size_t n, i, f;
    const hs_status *e = hs_entries(&n);
    if (luaL_loadbuffer(L, hs_fast_lua, sizeof hs_fast_lua - 1, HS_FAST_CHUNK) != 0)
        lua_error(L);
    lua_pushvalue(L, -3);                                     /* M */
    lua_pushvalue(L, -3);                                     /* R */
    lua_createtable(L, 0, 5);                                 /* F */
    for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
        lua_newtable(L);
        for (i = 0; i < n; i++) {
            if (flags[f].flag && !(e[i].flags & flags[f].flag)) continue;  /* 0: every entry */
            lua_pushboolean(L, 1);
            lua_rawseti(L, -2, e[i].code);
        }
        lua_setfield(L, -2, flags[f].name);
    }
    lua_call(L, 3, 0);
    lua_pop(L, 1);
}

static const luaL_Reg hs_funcs[] = {
    { "describe", l_describe },
    { "name", l_name },
    { "class", l_class },
    { "canonical", l_canonical },
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
    { "redirect_method", l_redirect_method },
    { "code", l_code },
    { "info", l_info },
    { "list", l_list },
    { "status_line", l_status_line },
    { NULL, NULL }
};

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

HS_API int luaopen_httpstatus(lua_State *L) {
    size_t n, i;
    const hs_constant *k = hs_constants(&n);
    const hs_unofficial *u;

    hs_newlib(L, hs_funcs);
    lua_pushliteral(L, "httpstatus " HS_VERSION);
    lua_setfield(L, -2, "_VERSION");

    for (i = 0; i < n; i++) {
        lua_pushinteger(L, k[i].code);
        lua_setfield(L, -2, k[i].name);
    }

    /* reasons: a copy; writing to it cannot change reason() */
    hs_push_reasons(L);
    lua_setfield(L, -2, "reasons");

    /* unofficial: code -> { { reason = ..., source = ... }, ... } */
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
        lua_createtable(L, 0, 2);
        hs_setstr(L, "reason", u[i].reason);
        hs_setstr(L, "source", u[i].source);
        lua_rawseti(L, -2, (int)hs_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "unofficial");

    /* R: code -> English phrase, private to reason() and the fast paths */
    hs_push_reasons(L);
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, l_reason, 1);
    lua_setfield(L, -3, "reason");
    lua_pushvalue(L, -1);
    lua_createtable(L, HS_NVERSIONS, 0);
    for (i = 0; i < HS_NVERSIONS; i++) {
        lua_pushstring(L, hs_versions[i]);
        lua_rawseti(L, -2, (int)i + 1);
    }
    lua_pushcclosure(L, l_parse_status_line, 2);
    lua_setfield(L, -3, "parse_status_line");
    hs_install_fast_paths(L);
    return 1;
}
