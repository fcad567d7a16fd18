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

/* owner.<name> (the table at idx, called owner in messages) pushed; it
 * must be nil or of type t (else raises). */
static int lhs_getfield(lua_State *L, int idx, const char *owner, const char *name, int t, const char *expected) {
    int type;
    lua_getfield(L, idx, name);
    type = lua_type(L, -1);
    if (type != LUA_TNIL && type != t)
        lhs_argerror(L, 2, lhs_fn, lua_pushfstring(L, "%s.%s must be %s, got %s", owner, name, expected,
                                                   luaL_typename(L, -1)));
    return type != LUA_TNIL;
}

/* opts.<name> pushed, as lhs_getfield. */
static int lhs_getopt(lua_State *L, const char *name, int t, const char *expected) {
    return lhs_getfield(L, 2, "opts", name, t, expected);
}

/* opts.<name>, a string or nil, into *out (s NULL when nil). */
static void lhs_optstr(lua_State *L, const char *name, hs_str *out) {
    out->s = NULL;
    out->len = 0;
    if (lhs_getopt(L, name, LUA_TSTRING, "a string")) out->s = lua_tolstring(L, -1, &out->len);
    lua_pop(L, 1);  /* held by opts */
}

/* A list option (opts.formats, opts.languages) into list, each entry an
 * index found by find (or -1), once (so no more than find has); its count,
 * 0 when absent. */
static int lhs_optlist(lua_State *L, const char *name, const char *what, int (*find)(lua_State *L), int *list) {
    int n = 0, i, k, count;
    if (!lhs_getopt(L, name, LUA_TTABLE, "an array")) {
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

/* Sets headers[name] = value in the table at -1. */
static void lhs_set_header(lua_State *L, const char *name, const char *value) {
    lua_pushstring(L, value);
    lua_setfield(L, -2, name);
}

/* error_response(code [, opts]) -> body, headers [, missing] */
static int l_error_response(lua_State *L) {
    static const char *const media[HS_FORMAT_COUNT] = { "application/problem+json", "application/json", "text/html",
                                                        "text/plain" };
    char buf[HS_ACCEPT_MAX_BYTES + 1], small[2048], len_text[24];
    int formats[HS_FORMAT_COUNT] = { HS_FORMAT_PROBLEM_JSON, HS_FORMAT_JSON, HS_FORMAT_HTML, HS_FORMAT_TEXT };
    int langs[HS_LANG_COUNT] = { HS_LANG_EN, HS_LANG_ZH_HANS, HS_LANG_ZH_HANT };
    int nformats = HS_FORMAT_COUNT, nlangs = HS_LANG_COUNT, forced = -1, head = 0, k, i;
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
    if (lua_isnil(L, 2)) {
        lua_newtable(L);
        lua_replace(L, 2);
    }
    memset(&b, 0, sizeof b);
    b.code = code;
    /* the options, checked in this order */
    if (lhs_getopt(L, "method", LUA_TSTRING, "a string"))
        head = lhs_rawlen(L, -1) == 4 && strcmp(lua_tostring(L, -1), "HEAD") == 0;
    lua_pop(L, 1);
    k = lhs_optlist(L, "formats", "a format (\"problem+json\", \"json\", \"html\" or \"text\")", lhs_find_format,
                    formats);
    if (k) nformats = k;
    k = lhs_optlist(L, "languages", "a language this module has (\"en\", \"zh-Hans\", \"zh-Hant\")", lhs_find_lang,
                    langs);
    if (k) nlangs = k;
    lua_getfield(L, 2, "lang");
    if (!lua_isnil(L, -1) && (forced = lhs_tolang(L, -1)) < 0) {
        lhs_pushquoted(L, -1);
        lhs_opterror(L, "opts.lang is not a language this module has (\"en\", \"zh-Hans\", \"zh-Hant\"): %s%s",
                     lua_tostring(L, -1), "");
    }
    lua_pop(L, 1);
    lhs_optstr(L, "type", &b.type);
    lhs_optstr(L, "title", &b.title);
    lhs_optstr(L, "detail", &b.detail);
    lhs_optstr(L, "instance", &b.instance);
    if (lhs_getopt(L, "extensions", LUA_TTABLE, "a table")) {
        b.nextensions = lhs_extensions(L, lua_gettop(L), &ext);  /* pushes the array: kept to the end */
        b.extensions = ext;
    } else {
        lua_pop(L, 1);
    }
    has_headers = lhs_getopt(L, "headers", LUA_TTABLE, "a table");
    if (has_headers) lhs_check_headers(L, lua_gettop(L));
    lua_replace(L, 1);  /* opts.headers (or nil) at 1: the code is read */
    if (lhs_getopt(L, "templates", LUA_TTABLE, "a table")) {
        int t = lua_gettop(L);
        if (lhs_getfield(L, t, "opts.templates", "html", LUA_TSTRING, "a string"))
            page_html = lua_tolstring(L, -1, &page_html_len);
        if (lhs_getfield(L, t, "opts.templates", "text", LUA_TSTRING, "a string"))
            page_text = lua_tolstring(L, -1, &page_text_len);
        lua_pop(L, 2);  /* held by opts.templates, which opts holds */
    }
    lua_pop(L, 1);
    /* the format, then the language, each the first offered when none is acceptable */
    lua_getfield(L, 2, "accept");
    value = lhs_field(L, lua_gettop(L), 2, lhs_fn, "opts.accept", buf, &len);
    for (i = 0; i < nformats; i++) offers[i].s = media[formats[i]], offers[i].len = strlen(media[formats[i]]);
    k = hs_negotiate(value, len, offers, (size_t)nformats);
    b.format = formats[k < 0 ? 0 : k];
    lua_pop(L, 1);
    if (forced >= 0) {
        b.lang = forced;
    } else {
        lua_getfield(L, 2, "accept_language");
        value = lhs_field(L, lua_gettop(L), 2, lhs_fn, "opts.accept_language", buf, &len);
        for (i = 0; i < nlangs; i++) offers[i].s = hs_lang_tag(langs[i]), offers[i].len = strlen(offers[i].s);
        k = hs_negotiate_language(value, len, offers, (size_t)nlangs);
        b.lang = langs[k < 0 ? 0 : k];
        lua_pop(L, 1);
    }
    if (b.format == HS_FORMAT_HTML && page_html) b.page.s = page_html, b.page.len = page_html_len;
    if (b.format == HS_FORMAT_TEXT && page_text) b.page.s = page_text, b.page.len = page_text_len;
    /* the body */
    n = hs_write_body(small, sizeof small, &b);
    out = small;
    if (n >= sizeof small) {
        char *big = (char *)lhs_newuserdata(L, n + 1);
        (void)hs_write_body(big, n + 1, &b);
        out = big;
    }
    lua_pushlstring(L, head ? "" : out, head ? 0 : n);
    lua_replace(L, 2);  /* the body at 2: opts are read */
    /* the header fields */
    lua_createtable(L, 0, 8);
    if (!hs_is_empty(code) || code == 205) {  /* 205: no content, and says so */
        lhs_set_header(L, "Content-Type", hs_format_type(b.format));
        (void)snprintf(len_text, sizeof len_text, "%lu", (unsigned long)n);
        lhs_set_header(L, "Content-Length", len_text);
        lhs_set_header(L, "Content-Language", hs_lang_tag(b.lang));
        if (nformats > 1 && forced < 0 && nlangs > 1) lhs_set_header(L, "Vary", "Accept, Accept-Language");
        else if (nformats > 1) lhs_set_header(L, "Vary", "Accept");
        else if (forced < 0 && nlangs > 1) lhs_set_header(L, "Vary", "Accept-Language");
        lhs_set_header(L, "X-Content-Type-Options", "nosniff");
        if (b.format == HS_FORMAT_HTML) lhs_set_header(L, "Content-Security-Policy", "default-src 'none'");
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
    lua_newtable(L);
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
        lua_pushstring(L, required[n].name);
        lua_rawseti(L, -2, ++k);
    }
    if (k == 0) {
        lua_pop(L, 1);
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
        { "error_response", l_error_response },
        { NULL, NULL }
    };
    lhs_setfuncs(L, funcs);
}
