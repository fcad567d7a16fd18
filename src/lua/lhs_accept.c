/*
 * lhs_accept.c - the Lua functions of content negotiation (1.3):
 * negotiate and negotiate_language, over the core's hs_accept.c. The field
 * value comes from a client and never raises; the offers and the other
 * arguments come from the program, and a wrong one raises.
 */
#include <string.h>

#include "lhs.h"

/* offers held on the C stack; more take a userdata */
#define LHS_OFFERS 16

/* The field value (argument 1) as one string: a string as it is; an array
 * of strings (several field lines) joined with ", " into buf, as far as one
 * byte past what the core reads (HS_ACCEPT_MAX_BYTES: buf holds one more),
 * every element checked; nil: NULL. Another type raises. */
static const char *lhs_field(lua_State *L, const char *fn, const char *what, char *buf, size_t *len) {
    size_t n, i, used = 0;
    *len = 0;
    switch (lua_type(L, 1)) {
    case LUA_TNONE:
    case LUA_TNIL:
        return NULL;
    case LUA_TSTRING:
        return lua_tolstring(L, 1, len);
    case LUA_TTABLE:
        break;
    default:
        lhs_argerror(L, 1, fn, lua_pushfstring(L, "%s must be a string, an array of strings or nil, got %s", what,
                                               luaL_typename(L, 1)));
    }
    n = lhs_rawlen(L, 1);
    for (i = 1; i <= n; i++) {
        size_t l, room;
        const char *s;
        lua_rawgeti(L, 1, (int)i);
        if (lua_type(L, -1) != LUA_TSTRING)
            lhs_argerror(L, 1, fn, lua_pushfstring(L, "field line %d must be a string, got %s", (int)i,
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
    const char *value = lhs_field(L, fn, what, buf, &len);
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

LHS_INTERNAL void lhs_open_accept(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "negotiate", l_negotiate },
        { "negotiate_language", l_negotiate_language },
        { NULL, NULL }
    };
    lhs_setfuncs(L, funcs);
}
