/*
 * lhs_accept.c - the Lua functions of content negotiation and error
 * responses (1.3): negotiate, negotiate_language and error_response, over
 * the core's hs_accept.c and hs_body.c. A field value comes from a client
 * and never raises; the offers and the other arguments come from the
 * program, and a wrong one raises.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lhs.h"

/* offers held on the C stack; more take a userdata */
#define LHS_OFFERS 16

/* The field value at idx (argument arg, named what) as one string: a string
 * as it is; an array of strings (several field lines) joined with ", " into
 * buf, as far as one byte past what the core reads (HS_ACCEPT_MAX_BYTES:
 * buf holds one more), every element checked; nil: NULL. Another type
 * raises. */
static const char *lhs_field(lua_State *L, int idx, int arg, const char *fn, const char *what, char *buf,
                             size_t *len) {
    size_t n, i, used = 0;
    *len = 0;
    switch (lua_type(L, idx)) {
    case LUA_TNONE:
    case LUA_TNIL:
        return NULL;
    case LUA_TSTRING:
        return lua_tolstring(L, idx, len);
    case LUA_TTABLE:
        break;
    default:
        lhs_argerror(L, arg, fn, lua_pushfstring(L, "%s must be a string, an array of strings or nil, got %s", what,
                                                 luaL_typename(L, idx)));
    }
    n = lhs_rawlen(L, idx);
    for (i = 1; i <= n; i++) {
        size_t l, room;
        const char *s;
        lua_rawgeti(L, idx, (int)i);
        if (lua_type(L, -1) != LUA_TSTRING)
            lhs_argerror(L, arg, fn, lua_pushfstring(L, "%s: field line %d must be a string, got %s", what, (int)i,
                                                     luaL_typename(L, -1)));
        s = lua_tolstring(L, -1, &l);
        if (i > 1) {
            room = HS_ACCEPT_MAX_BYTES + 1 - used;
            memcpy(buf + used, ", ", room < 2 ? room : 2);
            used += room < 2 ? room : 2;
        }
        room = HS_ACCEPT_MAX_BYTES + 1 - used;
        memcpy(buf + used, s, l < room ? l : room);
        used += l < room ? l : room;
        lua_pop(L, 1);
    }
    *len = used;
    return buf;
}

typedef int (*lhs_chooser)(const char *value, size_t len, const hs_str *offers, size_t n);
typedef int (*lhs_validator)(const char *s, size_t len);

/* fn(value, offers [, default]): the offer chosen, or default. */
static int lhs_negotiate(lua_State *L, const char *fn, const char *what, const char *kind,
                         lhs_chooser choose, lhs_validator valid) {
    char buf[HS_ACCEPT_MAX_BYTES + 1];
    hs_str stack[LHS_OFFERS], *offers = stack;
    size_t len, n, i;
    int top = lua_gettop(L), k;
    const char *value = lhs_field(L, 1, 1, fn, what, buf, &len);
    if (lua_type(L, 2) != LUA_TTABLE)
        lhs_argerror(L, 2, fn, lua_pushfstring(L, "offers must be an array of %ss, got %s", kind,
                                               luaL_typename(L, 2)));
    n = lhs_rawlen(L, 2);
    if (n > LHS_OFFERS) offers = (hs_str *)lhs_newuserdata(L, n * sizeof *offers);
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (int)i + 1);  /* held by the table at 2 once popped */
        if (lua_type(L, -1) != LUA_TSTRING)
            lhs_argerror(L, 2, fn, lua_pushfstring(L, "offer %d must be a string, got %s", (int)i + 1,
                                                   luaL_typename(L, -1)));
        offers[i].s = lua_tolstring(L, -1, &offers[i].len);
        if (!valid(offers[i].s, offers[i].len)) {
            lhs_pushquotedl(L, offers[i].s, offers[i].len);
            lhs_argerror(L, 2, fn, lua_pushfstring(L, "offer %d is not a %s: %s", (int)i + 1, kind,
                                                   lua_tostring(L, -1)));
        }
        lua_pop(L, 1);
    }
    k = choose(value, len, offers, n);
    if (k < 0) {
        if (top >= 3) lua_pushvalue(L, 3); else lua_pushnil(L);  /* the default */
        return 1;
    }
    lua_rawgeti(L, 2, k + 1);
    return 1;
}

/* negotiate(accept, offers [, default]) -> the media type chosen, or default */
static int l_negotiate(lua_State *L) {
    return lhs_negotiate(L, "negotiate", "accept", "media type", hs_negotiate, hs_is_media_type);
}

/* negotiate_language(accept_language, offers [, default]) -> the tag chosen, or default */
static int l_negotiate_language(lua_State *L) {
    return lhs_negotiate(L, "negotiate_language", "accept_language", "language tag", hs_negotiate_language,
                         hs_is_language_tag);
}

/* --- error_response --------------------------------------------------------- */

static const char *const lhs_fn = "error_response";

/* Raises "bad argument #2 to 'error_response' (opts.<what>...)". */
static int lhs_opterror(lua_State *L, const char *fmt, const char *what, const char *tail) {
    return lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, fmt, what, tail));
}

/* The options error_response reads, in the order it checks them. */
enum {
    LHS_O_METHOD, LHS_O_FORMATS, LHS_O_LANGUAGES, LHS_O_LANG, LHS_O_TYPE, LHS_O_TITLE, LHS_O_DETAIL,
    LHS_O_INSTANCE, LHS_O_EXTENSIONS, LHS_O_HEADERS, LHS_O_TEMPLATES, LHS_O_ACCEPT, LHS_O_ACCEPT_LANGUAGE,
    LHS_O_COUNT
};
static const char *const lhs_opt_names[LHS_O_COUNT] = {
    "method", "formats", "languages", "lang", "type", "title", "detail", "instance", "extensions", "headers",
    "templates", "accept", "accept_language"
};
/* where the values of opts.accept and opts.accept_language are held */
#define LHS_SLOT(o) (3 + (o) - LHS_O_ACCEPT)
/* the options whose values go into a body */
#define LHS_O_VALUES (1u << LHS_O_TYPE | 1u << LHS_O_TITLE | 1u << LHS_O_DETAIL | 1u << LHS_O_INSTANCE | \
                      1u << LHS_O_EXTENSIONS | 1u << LHS_O_TEMPLATES)

/* With the code at 1 and opts (a table or nil) at 2, pushes the values of
 * opts.accept and opts.accept_language (LHS_SLOT), and returns the set of
 * options that are there (bit i, i as above; for a table with a metatable,
 * all: each is then read by lua_getfield, its __index honoured as the pure
 * edition's opts.x honours it). A plain table is read in one lua_next
 * pass, the names compared as bytes. */
static unsigned lhs_read_opts(lua_State *L) {
    unsigned present = 0;
    int i;
    lua_pushnil(L);
    lua_pushnil(L);
    if (lua_isnil(L, 2)) return 0;
    if (lua_getmetatable(L, 2)) {
        lua_pop(L, 1);
        for (i = LHS_O_ACCEPT; i <= LHS_O_ACCEPT_LANGUAGE; i++) {
            lua_getfield(L, 2, lhs_opt_names[i]);
            lua_replace(L, LHS_SLOT(i));
        }
        return (1u << LHS_O_COUNT) - 1;
    }
    lua_pushnil(L);
    while (lua_next(L, 2)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            size_t len;
            const char *k = lua_tolstring(L, -2, &len);
            for (i = 0; i < LHS_O_COUNT; i++) {
                if (k[0] == lhs_opt_names[i][0] && strlen(lhs_opt_names[i]) == len &&
                    memcmp(k, lhs_opt_names[i], len) == 0) {
                    if (i >= LHS_O_ACCEPT) {
                        lua_pushvalue(L, -1);
                        lua_replace(L, LHS_SLOT(i));
                    }
                    present |= 1u << i;
                    break;
                }
            }
        }
        lua_pop(L, 1);
    }
    return present;
}

/* Raises unless the value at idx (owner.name in messages) is nil or of
 * type t; whether it is not nil. */
static int lhs_checkfield(lua_State *L, int idx, const char *owner, const char *name, int t, const char *expected) {
    int type = lua_type(L, idx);
    if (type != LUA_TNIL && type != t)
        lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, "%s.%s must be %s, got %s", owner, name, expected,
                                                   luaL_typename(L, idx)));
    return type != LUA_TNIL;
}

/* owner.<name> (the table at idx) pushed, as lhs_checkfield. */
static int lhs_getfield(lua_State *L, int idx, const char *owner, const char *name, int t, const char *expected) {
    lua_getfield(L, idx, name);
    return lhs_checkfield(L, -1, owner, name, t, expected);
}

/* opts.<name> (option o, nil unless in present) pushed, as lhs_checkfield. */
static int lhs_getopt(lua_State *L, unsigned present, int o, int t, const char *expected) {
    if (o >= LHS_O_ACCEPT) lua_pushvalue(L, LHS_SLOT(o));
    else if (present >> o & 1) lua_getfield(L, 2, lhs_opt_names[o]);
    else lua_pushnil(L);
    return lhs_checkfield(L, -1, "opts", lhs_opt_names[o], t, expected);
}

/* opts.<name> (option o), a string or nil, into *out (s NULL when nil);
 * the value stays pushed, so that it lives as long as it is used (an
 * __index function may make it anew). */
static void lhs_optstr(lua_State *L, unsigned present, int o, hs_str *out) {
    out->s = NULL;
    out->len = 0;
    if (lhs_getopt(L, present, o, LUA_TSTRING, "a string")) out->s = lua_tolstring(L, -1, &out->len);
}

/* A list option (opts.formats, opts.languages) into list, each entry an
 * index found by find (or -1), once (so no more than find has); its count,
 * 0 when absent. */
static int lhs_optlist(lua_State *L, unsigned present, int o, const char *what, int (*find)(lua_State *L),
                       int *list) {
    const char *name = lhs_opt_names[o];
    int n = 0, i, k, count;
    if (!(present >> o & 1)) return 0;
    if (!lhs_getopt(L, present, o, LUA_TTABLE, "an array")) {
        lua_pop(L, 1);
        return 0;
    }
    count = (int)lhs_rawlen(L, -1);
    for (i = 1; i <= count; i++) {
        int v;
        lua_rawgeti(L, -1, i);
        v = find(L);
        if (v < 0) {
            lhs_pushquoted(L, -1);
            lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, "opts.%s[%d] is not %s: %s", name, i, what,
                                                       lua_tostring(L, -1)));
        }
        lua_pop(L, 1);
        for (k = 0; k < n && list[k] != v; k++) {}
        if (k == n) list[n++] = v;
    }
    if (n == 0) lhs_opterror(L, "opts.%s%s", name, " is empty");
    lua_pop(L, 1);
    return n;
}

static int lhs_find_format(lua_State *L) {
    int f;
    if (lua_type(L, -1) != LUA_TSTRING) return -1;
    for (f = 0; f < HS_FORMAT_COUNT; f++)
        if (strcmp(lua_tostring(L, -1), hs_format_name(f)) == 0 && lhs_rawlen(L, -1) == strlen(hs_format_name(f)))
            return f;
    return -1;
}

static int lhs_find_lang(lua_State *L) { return lhs_tolang(L, -1); }

static int lhs_ieq(const char *a, const char *b, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
        if (x != y) return 0;
    }
    return 1;
}

/* Whether the strings at a and b name the same header field (ASCII case
 * ignored). */
static int lhs_same_name(lua_State *L, int a, int b) {
    size_t la, lb;
    const char *x = lua_tolstring(L, a, &la), *y = lua_tolstring(L, b, &lb);
    return la == lb && lhs_ieq(x, y, la);
}


/* The extensions (opts.extensions, at idx) checked, into a userdata array
 * pushed on the stack, sorted by name (bytes); their count. */
static int lhs_member_cmp(const void *a, const void *b) {
    const hs_member *x = (const hs_member *)a, *y = (const hs_member *)b;
    size_t n = x->name.len < y->name.len ? x->name.len : y->name.len;
    int c = memcmp(x->name.s, y->name.s, n);
    if (c != 0) return c;
    return x->name.len < y->name.len ? -1 : (x->name.len > y->name.len);
}

static size_t lhs_extensions(lua_State *L, int idx, hs_member **out) {
    static const char *const reserved[] = { "type", "title", "status", "detail", "instance" };
    size_t n = 0, i;
    hs_member *m;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *name;
        int t = lua_type(L, -1);
        if (lua_type(L, -2) != LUA_TSTRING)
            lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, "opts.extensions: a name must be a string, got %s",
                                                       luaL_typename(L, -2)));
        name = lua_tostring(L, -2);
        for (i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
            if (strcmp(name, reserved[i]) == 0 && lhs_rawlen(L, -2) == strlen(reserved[i]))
                lhs_opterror(L, "opts.extensions.%s%s", reserved[i],
                             ": type, title, status, detail and instance are the problem's own members");
        if (t == LUA_TNUMBER) {
            lua_Number x = lua_tonumber(L, -1);
            if (x != x || x - x != 0) {
                lhs_pushquoted(L, -2);
                lhs_opterror(L, "opts.extensions[%s]%s", lua_tostring(L, -1), " must be a finite number");
            }
        } else if (t != LUA_TSTRING && t != LUA_TBOOLEAN) {
            lua_pushfstring(L, " must be a string, a finite number or a boolean, got %s", luaL_typename(L, -1));
            lhs_pushquoted(L, -3);
            lhs_opterror(L, "opts.extensions[%s]%s", lua_tostring(L, -1), lua_tostring(L, -2));
        }
        n++;
        lua_pop(L, 1);
    }
    m = (hs_member *)lhs_newuserdata(L, (n ? n : 1) * sizeof *m);
    i = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        hs_member *e = &m[i++];
        memset(e, 0, sizeof *e);
        e->name.s = lua_tolstring(L, -2, &e->name.len);
        if (lua_type(L, -1) == LUA_TSTRING) {
            e->kind = HS_EXT_STRING;
            e->text.s = lua_tolstring(L, -1, &e->text.len);
        } else if (lua_type(L, -1) == LUA_TNUMBER) {
            e->kind = HS_EXT_NUMBER;
            e->number = (double)lua_tonumber(L, -1);
        } else {
            e->kind = HS_EXT_BOOLEAN;
            e->boolean = lua_toboolean(L, -1);
        }
        lua_pop(L, 1);
    }
    qsort(m, n, sizeof *m, lhs_member_cmp);
    *out = m;
    return n;
}

/* opts.headers (at idx) checked: names tokens, values strings or integers
 * with no CR, LF or NUL. */
static void lhs_check_headers(lua_State *L, int idx) {
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        size_t len, i;
        const char *name, *v;
        long long n;
        if (lua_type(L, -2) != LUA_TSTRING)
            lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, "opts.headers: a name must be a string, got %s",
                                                       luaL_typename(L, -2)));
        name = lua_tolstring(L, -2, &len);
        if (!hs_is_token(name, len)) {
            lhs_pushquoted(L, -2);
            lhs_opterror(L, "opts.headers: %s%s", lua_tostring(L, -1), " is not a header field name");
        }
        if (lua_type(L, -1) == LUA_TNUMBER) {
            if (lhs_tointeger(L, -1, &n) != LHS_INT_OK) {
                lhs_pushquoted(L, -2);
                lhs_opterror(L, "opts.headers[%s]%s", lua_tostring(L, -1), " must be a string or an integer");
            }
        } else if (lua_type(L, -1) == LUA_TSTRING) {
            v = lua_tolstring(L, -1, &len);
            for (i = 0; i < len; i++) {
                if (v[i] == '\r' || v[i] == '\n' || v[i] == '\0') {
                    lhs_pushquoted(L, -2);
                    lhs_opterror(L, "opts.headers[%s]%s", lua_tostring(L, -1), " holds CR, LF or NUL");
                }
            }
        } else {
            lua_pushfstring(L, " must be a string or an integer, got %s", luaL_typename(L, -1));
            lhs_pushquoted(L, -3);
            lhs_opterror(L, "opts.headers[%s]%s", lua_tostring(L, -1), lua_tostring(L, -2));
        }
        lua_pop(L, 1);
    }
}

/* --- what error_response keeps in a state, as upvalues -------------------------
 *
 * 1 and 2: the format and the language chosen for an Accept and an
 * Accept-Language value, when the program offers the defaults: value ->
 * HS_FORMAT_* + 1, HS_LANG_* + 1, and [0] the count; 5 and 7, 6 and 8: the
 * value of each found last in it, and its choice. Browsers send the
 * same few values again and again; a value longer than LHS_CACHE_KEY is
 * not kept, and a table that reaches LHS_CACHE_MAX values is dropped for a
 * new one, so a client cannot make it grow. 3: the header field names and
 * the constant values, as strings (LHS_S_*). 4: the bodies written without
 * a value of the caller's (no type, title, detail, instance, extensions or
 * templates), which depend on the code, the format and the language alone:
 * [2k] the body and [2k + 1] its length as text (lhs_body_slot); [0] the
 * count, LHS_BODIES_MAX at most. Each starts as false and is made on first
 * use, whole before it replaces the false: a memory error leaves false, or
 * the last whole table, in its place. */
#define LHS_UPVALUES 8
#define LHS_CACHE_KEY 256
#define LHS_CACHE_MAX 64
#define LHS_BODIES_MAX 32

enum {
    LHS_S_CONTENT_TYPE = 1, LHS_S_CONTENT_LENGTH, LHS_S_CONTENT_LANGUAGE, LHS_S_VARY, LHS_S_NOSNIFF_NAME,
    LHS_S_CSP_NAME, LHS_S_NOSNIFF, LHS_S_CSP, LHS_S_VARY_BOTH, LHS_S_VARY_ACCEPT, LHS_S_VARY_LANGUAGE,
    LHS_S_FORMAT,                       /* + HS_FORMAT_*: the media types */
    LHS_S_LANG = LHS_S_FORMAT + HS_FORMAT_COUNT,  /* + HS_LANG_*: the tags */
    LHS_S_COUNT = LHS_S_LANG + HS_LANG_COUNT - 1
};

/* Pushes upvalue 3, the table of strings LHS_S_* (made on first use). */
static void lhs_strings(lua_State *L) {
    static const char *const fixed[] = {
        "Content-Type", "Content-Length", "Content-Language", "Vary", "X-Content-Type-Options",
        "Content-Security-Policy", "nosniff", "default-src 'none'", "Accept, Accept-Language", "Accept",
        "Accept-Language"
    };
    int j;
    if (lua_type(L, lua_upvalueindex(3)) != LUA_TTABLE) {
        lua_createtable(L, LHS_S_COUNT, 0);
        for (j = LHS_S_CONTENT_TYPE; j <= LHS_S_COUNT; j++) {
            lua_pushstring(L, j < LHS_S_FORMAT ? fixed[j - 1]
                              : j < LHS_S_LANG ? hs_format_type(j - LHS_S_FORMAT) : hs_lang_tag(j - LHS_S_LANG));
            lua_rawseti(L, -2, j);
        }
        lua_replace(L, lua_upvalueindex(3));
    }
    lua_pushvalue(L, lua_upvalueindex(3));
}

/* Sets headers[name] = value in the table at -1, both LHS_S_* from the
 * table of strings at strings. */
static void lhs_set_header(lua_State *L, int strings, int name, int value) {
    lua_rawgeti(L, strings, name);
    lua_rawgeti(L, strings, value);
    lua_rawset(L, -3);
}

/* Writes n in decimal into buf (room for 21 bytes); its length. */
static size_t lhs_utoa(char *buf, size_t n) {
    char tmp[21];
    size_t k = 0, i;
    do {
        tmp[k++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    for (i = 0; i < k; i++) buf[i] = tmp[k - 1 - i];
    return k;
}

/* 2k, k the number of b's code, format and language */
static int lhs_body_slot(const hs_body *b) {
    return 2 * ((b->code * HS_FORMAT_COUNT + b->format) * HS_LANG_COUNT + b->lang);
}

/* Pushes the body kept for b and its length as text, and returns 1; or
 * returns 0 and pushes nothing. */
static int lhs_body_get(lua_State *L, const hs_body *b) {
    int slot = lhs_body_slot(b);
    if (lua_type(L, lua_upvalueindex(4)) != LUA_TTABLE) return 0;
    lua_rawgeti(L, lua_upvalueindex(4), slot);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    lua_rawgeti(L, lua_upvalueindex(4), slot + 1);
    return 1;
}

/* Keeps the body and its length as text (at -2 and -1) for b. */
static void lhs_body_put(lua_State *L, const hs_body *b) {
    int count = 0, slot = lhs_body_slot(b);
    if (lua_type(L, lua_upvalueindex(4)) == LUA_TTABLE) {
        lua_rawgeti(L, lua_upvalueindex(4), 0);
        count = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    if (count == 0 || count >= LHS_BODIES_MAX) {
        lua_createtable(L, 0, 8);
        lua_replace(L, lua_upvalueindex(4));
        count = 0;
    }
    lua_pushvalue(L, -2);
    lua_rawseti(L, lua_upvalueindex(4), slot);
    lua_pushvalue(L, -1);
    lua_rawseti(L, lua_upvalueindex(4), slot + 1);
    lua_pushinteger(L, count + 1);
    lua_rawseti(L, lua_upvalueindex(4), 0);
}

/* The choice kept in cache upvalue u for the value at idx, or -1. The
 * value found last, and its choice, are upvalues u + 4 and u + 6 as well:
 * an equal string (in PUC Lua, a long string each request makes anew) is
 * then compared as bytes, without hashing it for the table. */
static int lhs_cache_get(lua_State *L, int u, int idx) {
    int k = -1;
    if (lua_type(L, idx) != LUA_TSTRING) return -1;
    if (lua_rawequal(L, lua_upvalueindex(u + 4), idx)) return (int)lua_tointeger(L, lua_upvalueindex(u + 6));
    if (lua_type(L, lua_upvalueindex(u)) != LUA_TTABLE) return -1;
    lua_pushvalue(L, idx);
    lua_rawget(L, lua_upvalueindex(u));
    if (lua_type(L, -1) == LUA_TNUMBER) {
        k = (int)lua_tointeger(L, -1) - 1;
        lua_pushinteger(L, k);
        lua_replace(L, lua_upvalueindex(u + 6));
        lua_pushvalue(L, idx);
        lua_replace(L, lua_upvalueindex(u + 4));
    }
    lua_pop(L, 1);
    return k;
}

/* Keeps choice k for the string value at idx in cache upvalue u. */
static void lhs_cache_put(lua_State *L, int u, int idx, int k) {
    int count = 0;
    if (lua_type(L, idx) != LUA_TSTRING || lhs_rawlen(L, idx) > LHS_CACHE_KEY) return;
    if (lua_type(L, lua_upvalueindex(u)) == LUA_TTABLE) {
        lua_rawgeti(L, lua_upvalueindex(u), 0);
        count = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    if (count == 0 || count >= LHS_CACHE_MAX) {
        lua_createtable(L, 0, 8);
        lua_replace(L, lua_upvalueindex(u));
        count = 0;
    }
    lua_pushvalue(L, idx);
    lua_pushinteger(L, k + 1);
    lua_rawset(L, lua_upvalueindex(u));
    lua_pushinteger(L, count + 1);
    lua_rawseti(L, lua_upvalueindex(u), 0);
}

/* error_response(code [, opts]) -> body, headers [, missing]. Upvalues: as
 * above. */
static int l_error_response(lua_State *L) {
    static const char *const media[HS_FORMAT_COUNT] = { "application/problem+json", "application/json", "text/html",
                                                        "text/plain" };
    char buf[HS_ACCEPT_MAX_BYTES + 1], small[2048], len_text[24];
    int formats[HS_FORMAT_COUNT] = { HS_FORMAT_PROBLEM_JSON, HS_FORMAT_JSON, HS_FORMAT_HTML, HS_FORMAT_TEXT };
    int langs[HS_LANG_COUNT] = { HS_LANG_EN, HS_LANG_ZH_HANS, HS_LANG_ZH_HANT };
    int nformats = HS_FORMAT_COUNT, nlangs = HS_LANG_COUNT, forced = -1, head = 0, k, i, strings, plain;
    int formats_given, langs_given;
    unsigned present;
    hs_str offers[HS_FORMAT_COUNT + HS_LANG_COUNT];
    hs_body b;
    hs_member *ext = NULL;
    const hs_header *required;
    const char *value, *page_html = NULL, *page_text = NULL, *out;
    size_t len, n, nreq, page_html_len = 0, page_text_len = 0;
    int code = lhs_code(L, 1, 1, lhs_fn), has_headers;
    if (!hs_is_valid(code)) lhs_argerror(L, 1, lhs_fn, "status code out of range 100-599");
    if (!lua_isnoneornil(L, 2) && lua_type(L, 2) != LUA_TTABLE)
        lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, "opts must be a table, got %s", luaL_typename(L, 2)));
    lua_settop(L, 2);
    present = lhs_read_opts(L);
    memset(&b, 0, sizeof b);
    b.code = code;
    /* the options, checked in this order */
    if (lhs_getopt(L, present, LHS_O_METHOD, LUA_TSTRING, "a string"))
        head = lhs_rawlen(L, -1) == 4 && strcmp(lua_tostring(L, -1), "HEAD") == 0;
    lua_pop(L, 1);
    k = lhs_optlist(L, present, LHS_O_FORMATS, "a format (\"problem+json\", \"json\", \"html\" or \"text\")",
                    lhs_find_format, formats);
    if (k) nformats = k;
    formats_given = k;
    k = lhs_optlist(L, present, LHS_O_LANGUAGES, "a language this module has (\"en\", \"zh-Hans\", \"zh-Hant\")",
                    lhs_find_lang, langs);
    if (k) nlangs = k;
    langs_given = k;
    if (present >> LHS_O_LANG & 1) {
        lua_getfield(L, 2, "lang");
        if (!lua_isnil(L, -1) && (forced = lhs_tolang(L, -1)) < 0) {
            lhs_pushquoted(L, -1);
            lhs_opterror(L, "opts.lang is not a language this module has (\"en\", \"zh-Hans\", \"zh-Hant\"): %s%s",
                         lua_tostring(L, -1), "");
        }
        lua_pop(L, 1);
    }
    for (i = LHS_O_TYPE; i <= LHS_O_INSTANCE; i++) {
        hs_str *field = i == LHS_O_TYPE ? &b.type : i == LHS_O_TITLE ? &b.title : i == LHS_O_DETAIL ? &b.detail
                                                                                                   : &b.instance;
        if (present >> i & 1) lhs_optstr(L, present, i, field);
    }
    if (!(present >> LHS_O_EXTENSIONS & 1)) {
        /* absent */
    } else if (lhs_getopt(L, present, LHS_O_EXTENSIONS, LUA_TTABLE, "a table")) {
        b.nextensions = lhs_extensions(L, lua_gettop(L), &ext);  /* pushes the array: kept to the end */
        b.extensions = ext;
    } else {
        lua_pop(L, 1);  /* nil, from a table with a metatable */
    }
    has_headers = lhs_getopt(L, present, LHS_O_HEADERS, LUA_TTABLE, "a table");
    if (has_headers) lhs_check_headers(L, lua_gettop(L));
    lua_replace(L, 1);  /* opts.headers (or nil) at 1: the code is read */
    if (!(present >> LHS_O_TEMPLATES & 1)) {
        /* absent */
    } else if (!lhs_getopt(L, present, LHS_O_TEMPLATES, LUA_TTABLE, "a table")) {
        lua_pop(L, 1);  /* nil, from a table with a metatable */
    } else {
        int t = lua_gettop(L);
        if (lhs_getfield(L, t, "opts.templates", "html", LUA_TSTRING, "a string"))
            page_html = lua_tolstring(L, -1, &page_html_len);
        if (lhs_getfield(L, t, "opts.templates", "text", LUA_TSTRING, "a string"))
            page_text = lua_tolstring(L, -1, &page_text_len);
        /* the three stay pushed, as lhs_optstr's value does */
    }
    /* the format, then the language, each the first offered when none is
     * acceptable; with the defaults offered, a choice made before is kept */
    value = lhs_field(L, LHS_SLOT(LHS_O_ACCEPT), 2, lhs_fn, "opts.accept", buf, &len);
    k = formats_given ? -1 : lhs_cache_get(L, 1, LHS_SLOT(LHS_O_ACCEPT));
    if (k < 0) {
        for (i = 0; i < nformats; i++) offers[i].s = media[formats[i]], offers[i].len = strlen(media[formats[i]]);
        k = hs_negotiate(value, len, offers, (size_t)nformats);
        k = formats[k < 0 ? 0 : k];
        if (!formats_given) lhs_cache_put(L, 1, LHS_SLOT(LHS_O_ACCEPT), k);
    }
    b.format = k;
    if (forced >= 0) {
        b.lang = forced;
    } else {
        value = lhs_field(L, LHS_SLOT(LHS_O_ACCEPT_LANGUAGE), 2, lhs_fn, "opts.accept_language", buf, &len);
        k = langs_given ? -1 : lhs_cache_get(L, 2, LHS_SLOT(LHS_O_ACCEPT_LANGUAGE));
        if (k < 0) {
            for (i = 0; i < nlangs; i++) offers[i].s = hs_lang_tag(langs[i]), offers[i].len = strlen(offers[i].s);
            k = hs_negotiate_language(value, len, offers, (size_t)nlangs);
            k = langs[k < 0 ? 0 : k];
            if (!langs_given) lhs_cache_put(L, 2, LHS_SLOT(LHS_O_ACCEPT_LANGUAGE), k);
        }
        b.lang = k;
    }
    if (b.format == HS_FORMAT_HTML && page_html) b.page.s = page_html, b.page.len = page_html_len;
    if (b.format == HS_FORMAT_TEXT && page_text) b.page.s = page_text, b.page.len = page_text_len;
    /* the body and its length as text, to 2 and 3 once it is written (the
     * options are read); one without a value of the caller's is kept for
     * the next call */
    plain = (present & LHS_O_VALUES) == 0;
    if (!plain || !lhs_body_get(L, &b)) {
        n = hs_write_body(small, sizeof small, &b);
        out = small;
        if (n >= sizeof small) {
            char *big = (char *)lhs_newuserdata(L, n + 1);
            (void)hs_write_body(big, n + 1, &b);
            out = big;
        }
        lua_pushlstring(L, out, n);
        lua_pushlstring(L, len_text, lhs_utoa(len_text, n));
        if (plain) lhs_body_put(L, &b);
    }
    lua_replace(L, 3);
    if (head) {
        lua_pop(L, 1);
        lua_pushliteral(L, "");
    }
    lua_replace(L, 2);
    /* the header fields */
    lhs_strings(L);
    strings = lua_gettop(L);
    lua_createtable(L, 0, 8);
    if (!hs_is_empty(code) || code == 205) {  /* 205: no content, and says so */
        lhs_set_header(L, strings, LHS_S_CONTENT_TYPE, LHS_S_FORMAT + b.format);
        lua_rawgeti(L, strings, LHS_S_CONTENT_LENGTH);
        lua_pushvalue(L, 3);
        lua_rawset(L, -3);
        lhs_set_header(L, strings, LHS_S_CONTENT_LANGUAGE, LHS_S_LANG + b.lang);
        if (nformats > 1 && forced < 0 && nlangs > 1) lhs_set_header(L, strings, LHS_S_VARY, LHS_S_VARY_BOTH);
        else if (nformats > 1) lhs_set_header(L, strings, LHS_S_VARY, LHS_S_VARY_ACCEPT);
        else if (forced < 0 && nlangs > 1) lhs_set_header(L, strings, LHS_S_VARY, LHS_S_VARY_LANGUAGE);
        lhs_set_header(L, strings, LHS_S_NOSNIFF_NAME, LHS_S_NOSNIFF);
        if (b.format == HS_FORMAT_HTML) lhs_set_header(L, strings, LHS_S_CSP_NAME, LHS_S_CSP);
    }
    if (has_headers) {  /* the caller's, each replacing a field of the same name */
        int t = lua_gettop(L);
        lua_pushnil(L);
        while (lua_next(L, 1)) {  /* name, value */
            long long v;
            lua_pushnil(L);
            while (lua_next(L, t)) {  /* name, value, a field's name, its value */
                lua_pop(L, 1);
                if (lhs_same_name(L, -1, -3)) {
                    lua_pushnil(L);
                    lua_rawset(L, t);  /* at most one: every name in t differs from the others */
                    break;
                }
            }
            lua_pushvalue(L, -2);
            if (lua_type(L, -2) == LUA_TNUMBER) {
                (void)lhs_tointeger(L, -2, &v);
                (void)snprintf(len_text, sizeof len_text, "%lld", v);
                lua_pushstring(L, len_text);
            } else {
                lua_pushvalue(L, -2);
            }
            lua_rawset(L, t);
            lua_pop(L, 1);
        }
    }
    /* the MUST fields the caller did not give */
    required = hs_required_headers(code, &nreq);
    k = 0;
    for (n = 0; n < nreq; n++) {
        int found = 0;
        if (required[n].level != HS_MUST) continue;
        if (has_headers) {
            lua_pushstring(L, required[n].name);
            lua_pushnil(L);
            while (!found && lua_next(L, 1)) {
                lua_pop(L, 1);
                found = lhs_same_name(L, -1, -2);
            }
            lua_pop(L, found ? 2 : 1);
        }
        if (found) continue;
        if (k == 0) lua_newtable(L);
        lua_pushstring(L, required[n].name);
        lua_rawseti(L, -2, ++k);
    }
    if (k == 0) {
        lua_pushvalue(L, 2);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushvalue(L, 2);
    lua_insert(L, -3);
    return 3;
}

LHS_INTERNAL void lhs_open_accept(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "negotiate", l_negotiate },
        { "negotiate_language", l_negotiate_language },
        { NULL, NULL }
    };
    int i;
    lhs_setfuncs(L, funcs);
    for (i = 0; i < LHS_UPVALUES; i++) lua_pushboolean(L, 0);  /* what error_response keeps: made on first use */
    lua_pushcclosure(L, l_error_response, LHS_UPVALUES);
    lua_setfield(L, -2, "error_response");
}
