/*
 * lhs_set.c - the Lua binding of status sets (hs_set.c): hs.set(spec)
 * returns an immutable value, a full userdata holding the 64-byte bitmap.
 *
 * Under PUC Lua every set shares one metatable whose methods are C
 * functions. Under LuaJIT, whose JIT cannot compile a C call, sets with the
 * same codes share a metatable of their own whose __index is a table of
 * every code 100-599 -> true/false (and the methods): s:has(c) and s(c)
 * are then the Lua function of src/hs_fast.lua, `s[c]` plus a check, which
 * the JIT compiles to a table load. Those metatables are built on first
 * use of each content and kept in a weak table, so a state pays for the
 * sets it makes.
 */
#include <string.h>

#include "lhs.h"

/* A set as Lua sees it; magic tells it from any other userdata. */
typedef struct lhs_set {
    const void *magic;
    hs_set set;
} lhs_set;

static const char lhs_set_magic = 0;
#define LHS_SET_NAME "httpstatus.set"

/* Registry keys: the functions every set metatable shares, and (LuaJIT)
 * the weak table of per-content metatables. */
static const char lhs_set_funcs_key = 0;
#if defined(HS_LUAJIT)
static const char lhs_set_metas_key = 0;
#endif

/* The set at idx, or NULL when it is not one (any other value is safe). */
static lhs_set *lhs_toset(lua_State *L, int idx) {
    lhs_set *u = (lhs_set *)lua_touserdata(L, idx);
    if (u != NULL && lhs_rawlen(L, idx) == sizeof *u && u->magic == &lhs_set_magic) return u;
    return NULL;
}

static lhs_set *lhs_checkset(lua_State *L, int idx, const char *fn) {
    lhs_set *u = lhs_toset(L, idx);
    if (u == NULL) {
        luaL_where(L, 1);
        lua_pushfstring(L, "calling '%s' on bad self (status set expected, got %s)", fn,
                        luaL_typename(L, idx));
        lua_concat(L, 2);
        lua_error(L);
    }
    return u;
}

/* s:has(code), s(code) -> true if the code is in the set. The bit test is
 * written out here (the layout is httpstatus.h's), as this is a hot path. */
LHS_INTERNAL int lhs_set_has(lua_State *L) {
    const lhs_set *u = lhs_checkset(L, 1, "has");
    unsigned i = (unsigned)(lhs_code(L, 2, 1, "has") - 100);
    lua_pushboolean(L, i < 500 && ((u->set.bits[i >> 3] >> (i & 7)) & 1));
    return 1;
}

/* s:codes() -> a fresh sorted array of the codes in the set */
static int l_set_codes(lua_State *L) {
    const lhs_set *u = lhs_checkset(L, 1, "codes");
    int c, k = 0;
    lua_createtable(L, hs_set_count(&u->set), 0);
    for (c = 100; c <= 599; c++) {
        if (!hs_set_has(&u->set, c)) continue;
        lua_pushinteger(L, c);
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* tostring(s) -> the canonical text, which hs.set parses back to s */
static int l_set_tostring(lua_State *L) {
    char buf[HS_SET_FORMAT_MAX];
    const lhs_set *u = lhs_checkset(L, 1, "__tostring");
    size_t n = hs_set_format(&u->set, buf, sizeof buf);
    lua_pushlstring(L, buf, n);
    return 1;
}

/* s == t -> same codes */
static int l_set_eq(lua_State *L) {
    const lhs_set *a = lhs_toset(L, 1), *b = lhs_toset(L, 2);
    lua_pushboolean(L, a != NULL && b != NULL && hs_set_equal(&a->set, &b->set));
    return 1;
}

/* #s -> how many codes */
static int l_set_len(lua_State *L) {
    lua_pushinteger(L, hs_set_count(&lhs_checkset(L, 1, "__len")->set));
    return 1;
}

/* s.x = v -> raises: a set never changes */
static int l_set_newindex(lua_State *L) {
    return luaL_error(L, "a status set cannot be changed");
}

/*
 * Pushes the table of what every set metatable holds, made once per state:
 * has (upvalue: the LuaJIT fast path, else the C function), codes and the
 * metamethods.
 */
static void lhs_push_set_funcs(lua_State *L, int fast_has) {
    lua_pushlightuserdata(L, (void *)&lhs_set_funcs_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (lua_type(L, -1) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_createtable(L, 0, 7);
    if (fast_has && lua_type(L, fast_has) == LUA_TFUNCTION) lua_pushvalue(L, fast_has);
    else lua_pushcfunction(L, lhs_set_has);
    lua_setfield(L, -2, "has");
    lua_pushcfunction(L, l_set_codes);
    lua_setfield(L, -2, "codes");
    lua_pushcfunction(L, l_set_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, l_set_eq);
    lua_setfield(L, -2, "__eq");
    lua_pushcfunction(L, l_set_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, l_set_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushlightuserdata(L, (void *)&lhs_set_funcs_key);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/* Fills the metatable mt from the shared functions funcs, with the table
 * `index` (the methods, and under LuaJIT the codes) as __index; the three
 * are absolute stack indices. */
static void lhs_fill_set_meta(lua_State *L, int funcs, int mt, int index) {
    static const char *const fields[] = { "__tostring", "__eq", "__len", "__newindex" };
    size_t i;
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        lua_getfield(L, funcs, fields[i]);
        lua_setfield(L, mt, fields[i]);
    }
    lua_getfield(L, funcs, "has");
    lua_setfield(L, mt, "__call");
    lua_getfield(L, funcs, "has");
    lua_setfield(L, index, "has");
    lua_getfield(L, funcs, "codes");
    lua_setfield(L, index, "codes");
    lua_pushvalue(L, index);
    lua_setfield(L, mt, "__index");
    lua_pushliteral(L, LHS_SET_NAME);
    lua_setfield(L, mt, "__metatable");  /* getmetatable(s) gives this name */
}

/*
 * Pushes the metatable for a set with these codes; fast_has is the stack
 * index of the fast-path has (LuaJIT) or 0.
 */
static void lhs_push_set_meta(lua_State *L, const hs_set *set, int fast_has) {
    int funcs;
    lhs_push_set_funcs(L, fast_has);
    funcs = lua_gettop(L);
#if defined(HS_LUAJIT)
    {
        int c;
        lua_pushlightuserdata(L, (void *)&lhs_set_metas_key);
        lua_rawget(L, LUA_REGISTRYINDEX);
        if (lua_type(L, -1) != LUA_TTABLE) {  /* content -> metatable, weak */
            lua_pop(L, 1);
            lua_newtable(L);
            lua_createtable(L, 0, 1);
            lua_pushliteral(L, "v");
            lua_setfield(L, -2, "__mode");
            lua_setmetatable(L, -2);
            lua_pushlightuserdata(L, (void *)&lhs_set_metas_key);
            lua_pushvalue(L, -2);
            lua_rawset(L, LUA_REGISTRYINDEX);
        }
        lua_pushlstring(L, (const char *)set->bits, sizeof set->bits);
        lua_rawget(L, -2);
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_replace(L, funcs);
            lua_settop(L, funcs);
            return;
        }
        lua_pop(L, 1);
        lua_createtable(L, 0, 8);           /* the metatable */
        lua_createtable(L, 600, 2);         /* its __index: code -> in the set */
        for (c = 100; c <= 599; c++) {
            lua_pushboolean(L, hs_set_has(set, c));
            lua_rawseti(L, -2, c);
        }
        lhs_fill_set_meta(L, funcs, lua_gettop(L) - 1, lua_gettop(L));
        lua_pop(L, 1);
        lua_pushlstring(L, (const char *)set->bits, sizeof set->bits);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
        lua_replace(L, funcs);
        lua_settop(L, funcs);
    }
#else
    (void)set;
    luaL_getmetatable(L, LHS_SET_NAME);
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_pop(L, 1);
        luaL_newmetatable(L, LHS_SET_NAME);
        lua_createtable(L, 0, 2);  /* __index: the methods */
        lhs_fill_set_meta(L, funcs, lua_gettop(L) - 1, lua_gettop(L));
        lua_pop(L, 1);
    }
    lua_replace(L, funcs);
#endif
}

/* Pushes nil and "bad status set: ITEM at position N WHY"; returns 2. */
static int lhs_set_fail(lua_State *L, int item, const char *s, const hs_set_error *err) {
    lua_pushnil(L);
    lua_pushliteral(L, "bad status set: ");
    if (s) lhs_pushquotedl(L, s + err->offset, err->length);
    else lhs_pushquoted(L, item);
    lua_pushfstring(L, " at position %d %s", (int)err->position, hs_set_strerror(err->code));
    lua_concat(L, 3);
    return 2;
}

/* Adds the item or items at idx (a string or a code); 0 or pushes nil, msg. */
static int lhs_set_add_value(lua_State *L, hs_set_builder *b, int idx, int element) {
    hs_set_error err;
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (hs_set_add(b, s, len, &err) != HS_SET_OK) return lhs_set_fail(L, idx, s, &err);
        return 0;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        int code = 0;
        if (lhs_tocode(L, idx, &code) != LHS_ARG_OK) code = 0;
        if (hs_set_add_code(b, code, &err) != HS_SET_OK) return lhs_set_fail(L, idx, NULL, &err);
        return 0;
    }
    if (element)
        return lhs_argerror(L, 1, "set", lua_pushfstring(L,
            "element %d must be a string or a status code, got %s", element, luaL_typename(L, idx)));
    return lhs_argerror(L, 1, "set", lua_pushfstring(L,
        "status set expected: a string, a code or an array of them, got %s", luaL_typename(L, idx)));
}

/* set(spec) -> an immutable set, or nil, message. Upvalue 1: the LuaJIT
 * fast-path has, or nil. */
static int l_set(lua_State *L) {
    hs_set_builder b;
    lhs_set *u;
    hs_set_begin(&b);
    lua_settop(L, 1);
    if (lua_type(L, 1) == LUA_TTABLE) {
        int i, n = (int)lhs_rawlen(L, 1);
        for (i = 1; i <= n; i++) {
            lua_rawgeti(L, 1, i);
            if (lhs_set_add_value(L, &b, 2, i)) return 2;
            lua_pop(L, 1);
        }
    } else if (lhs_set_add_value(L, &b, 1, 0)) {
        return 2;
    }
#if LUA_VERSION_NUM >= 504
    u = (lhs_set *)lua_newuserdatauv(L, sizeof *u, 0);
#else
    u = (lhs_set *)lua_newuserdata(L, sizeof *u);
#endif
    u->magic = &lhs_set_magic;
    hs_set_end(&b, &u->set);
    lhs_push_set_meta(L, &u->set, lua_upvalueindex(1));
    lua_setmetatable(L, -2);
    return 1;
}

LHS_INTERNAL void lhs_open_set(lua_State *L) {
    lua_pushcclosure(L, l_set, 1);
    lua_setfield(L, -2, "set");
}
