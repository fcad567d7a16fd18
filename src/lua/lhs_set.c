/*
 * lhs_set.c - the Lua binding of status sets (hs_set.c): hs.set(spec)
 * returns an immutable value, a full userdata holding the 64-byte bitmap,
 * with the set algebra as operators (+ - * <= < ==).
 *
 * A state holds one userdata for a given set of codes, as it holds one
 * string for given bytes: hs.set("5xx") twice is the same value. Under PUC
 * Lua every set shares one metatable of C functions. Under LuaJIT, whose
 * JIT cannot compile a C call, each set has a metatable of its own, whose
 * `has` is a Lua closure from src/lua/lhs_fast.lua over the set's codes as an
 * array of booleans, which the JIT compiles to a table load.
 */
#include <string.h>

#include "lhs.h"

#include "lhs_fast_set_lua.inc"

/* A set as Lua sees it; magic tells it from any other userdata. */
typedef struct lhs_set {
    const void *magic;
    hs_set set;
} lhs_set;

static const char lhs_set_magic = 0;
#define LHS_SET_NAME "httpstatus.set"

/* Registry key of the table of what the sets of a state share, made with
 * the first set: [1] the cache, bits -> set (weak values); [2] the table
 * of the functions of a set's metatable; [3] the metatable they all share
 * (PUC Lua), or [4] the factory of sets' fast `has` (LuaJIT). */
static const char lhs_set_state_key = 0;
enum { LHS_CACHE = 1, LHS_FUNCS = 2, LHS_META = 3, LHS_FACTORY = 4 };

/* The set at idx, or NULL when it is not one (any other value is safe: a
 * light userdata has no length). */
static lhs_set *lhs_toset(lua_State *L, int idx) {
    lhs_set *u = (lhs_set *)lua_touserdata(L, idx);
    /* the magic: for a userdata of another module that has our size (none
     * that a test can make from Lua) */
    if (u != NULL && lhs_rawlen(L, idx) == sizeof *u && u->magic == &lhs_set_magic) return u;  /* GCOVR_EXCL_BR_LINE */
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
static int l_set_has(lua_State *L) {
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

/* #s -> how many codes */
static int l_set_len(lua_State *L) {
    lua_pushinteger(L, hs_set_count(&lhs_checkset(L, 1, "__len")->set));
    return 1;
}

/* s.x = v -> raises: a set never changes */
static int l_set_newindex(lua_State *L) {
    return luaL_error(L, "a status set cannot be changed");
}

/* Pushes nil and "bad status set: ITEM at position N WHY"; returns 2. */
static int lhs_set_fail(lua_State *L, int item, const char *s, const hs_set_error *err) {
    lua_pushnil(L);
    lua_pushliteral(L, "bad status set: ");
    if (s) lhs_pushquotedl(L, s + err->offset, err->length);
    else lhs_pushquoted(L, item);
    lua_pushfstring(L, " at position %d %s", (int)err->position, hs_strerror(err->code));
    lua_concat(L, 3);
    return 2;
}

/* Adds the item or items at idx (a string or a code); 0 or pushes nil, msg
 * and returns 2; raises for another type. */
static int lhs_set_add_value(lua_State *L, hs_set_builder *b, int idx, int element) {
    hs_set_error err;
    if (lua_type(L, idx) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (hs_set_add(b, s, len, &err) != HS_OK) return lhs_set_fail(L, idx, s, &err);
        return 0;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        int code = 0;
        if (lhs_tocode(L, idx, &code) != LHS_INT_OK) code = 0;
        if (hs_set_add_code(b, code, &err) != HS_OK) return lhs_set_fail(L, idx, NULL, &err);
        return 0;
    }
    if (element)
        return lhs_argerror(L, 1, "set", lua_pushfstring(L,
            "element %d must be a string or a status code, got %s", element, luaL_typename(L, idx)));
    return lhs_argerror(L, 1, "set", lua_pushfstring(L,
        "status set expected: a string, a code or an array of them, got %s", luaL_typename(L, idx)));
}

/* The codes of the spec at idx (what hs.set takes), into *out: 0, or
 * pushes nil, message and returns 2; raises for a value of another type. */
static int lhs_set_read(lua_State *L, int idx, hs_set *out) {
    hs_set_builder b;
    hs_set_begin(&b);
    if (lua_type(L, idx) == LUA_TTABLE) {
        int i, n = (int)lhs_rawlen(L, idx);
        for (i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            if (lhs_set_add_value(L, &b, lua_gettop(L), i)) return 2;
            lua_pop(L, 1);
        }
    } else if (lhs_set_add_value(L, &b, idx, 0)) {
        return 2;
    }
    hs_set_end(&b, out);
    return 0;
}

/* The operand at idx of an operator: a set, or what hs.set takes; text that
 * does not parse raises with hs.set's message (an operator cannot return
 * nil, message). */
static void lhs_set_operand(lua_State *L, int idx, hs_set *out) {
    const lhs_set *u = lhs_toset(L, idx);
    if (u) {
        *out = u->set;
    } else if (lhs_set_read(L, idx, out)) {
        lhs_where(L);
        lua_insert(L, -2);
        lua_concat(L, 2);
        lua_error(L);
    }
}

static void lhs_push_set(lua_State *L, const hs_set *set, int fast);

/* s + t, s - t, s * t; upvalue 1: true under LuaJIT */
static int lhs_set_arith(lua_State *L, void (*op)(const hs_set *, const hs_set *, hs_set *)) {
    hs_set a, b, r;
    lhs_set_operand(L, 1, &a);
    lhs_set_operand(L, 2, &b);
    op(&a, &b, &r);
    lhs_push_set(L, &r, lua_upvalueindex(1));
    return 1;
}
static int l_set_add(lua_State *L) { return lhs_set_arith(L, hs_set_union); }
static int l_set_sub(lua_State *L) { return lhs_set_arith(L, hs_set_minus); }
static int l_set_mul(lua_State *L) { return lhs_set_arith(L, hs_set_intersect); }

/* Both operands of a comparison, which must be sets. */
static void lhs_set_pair(lua_State *L, const lhs_set **a, const lhs_set **b) {
    *a = lhs_toset(L, 1);
    *b = lhs_toset(L, 2);
    if (!*a || !*b)
        luaL_error(L, "attempt to compare %s with %s",
                   luaL_typename(L, 1), luaL_typename(L, 2));
}

/* s == t -> same codes (Lua calls it for two userdata only) */
static int l_set_eq(lua_State *L) {
    const lhs_set *a = lhs_toset(L, 1), *b = lhs_toset(L, 2);
    lua_pushboolean(L, a != NULL && b != NULL && hs_set_equal(&a->set, &b->set));
    return 1;
}

/* s <= t -> every code of s is in t; s < t -> and t has more */
static int l_set_le(lua_State *L) {
    const lhs_set *a, *b;
    lhs_set_pair(L, &a, &b);
    lua_pushboolean(L, hs_set_subset(&a->set, &b->set));
    return 1;
}

static int l_set_lt(lua_State *L) {
    const lhs_set *a, *b;
    lhs_set_pair(L, &a, &b);
    lua_pushboolean(L, hs_set_subset(&a->set, &b->set) && !hs_set_equal(&a->set, &b->set));
    return 1;
}

/* The metamethods, the same in every metatable of sets. */
static const luaL_Reg lhs_set_meta[] = {
    { "__tostring", l_set_tostring }, { "__len", l_set_len }, { "__newindex", l_set_newindex },
    { "__eq", l_set_eq }, { "__le", l_set_le }, { "__lt", l_set_lt },
    { "__add", l_set_add }, { "__sub", l_set_sub }, { "__mul", l_set_mul },
    { NULL, NULL }
};

/* Fills the metatable at mt from the shared functions at funcs, with `has`
 * the value at has (absolute indices). */
static void lhs_fill_meta(lua_State *L, int mt, int funcs, int has) {
    const luaL_Reg *r;
    for (r = lhs_set_meta; r->name; r++) {
        lua_getfield(L, funcs, r->name);
        lua_setfield(L, mt, r->name);
    }
    lua_createtable(L, 0, 2);  /* __index: the methods */
    lua_pushvalue(L, has);
    lua_setfield(L, -2, "has");
    lua_getfield(L, funcs, "codes");
    lua_setfield(L, -2, "codes");
    lua_setfield(L, mt, "__index");
    lua_pushvalue(L, has);
    lua_setfield(L, mt, "__call");
    lua_pushliteral(L, LHS_SET_NAME);
    lua_setfield(L, mt, "__metatable");  /* getmetatable(s) gives this name */
}

/*
 * Pushes the table of what the sets of this state share, making it on the
 * first call: complete before it is registered, so that a memory error
 * while it is made leaves nothing half-made behind. fast: the stack index
 * of a value that is true under LuaJIT.
 */
static void lhs_push_state(lua_State *L, int fast) {
    const luaL_Reg *r;
    int state, funcs;
    lua_pushlightuserdata(L, (void *)&lhs_set_state_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (lua_type(L, -1) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_createtable(L, 3, 0);
    state = lua_gettop(L);
    lua_newtable(L);  /* the cache, with weak values */
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawseti(L, state, LHS_CACHE);
    lua_createtable(L, 0, 11);  /* the functions: the operators make sets, with the factory */
    funcs = lua_gettop(L);
    for (r = lhs_set_meta; r->name; r++) {
        lua_pushvalue(L, fast);
        lua_pushcclosure(L, r->func, 1);
        lua_setfield(L, funcs, r->name);
    }
    lua_pushcfunction(L, l_set_codes);
    lua_setfield(L, funcs, "codes");
    lua_pushcfunction(L, l_set_has);
    lua_setfield(L, funcs, "has");
    if (lua_toboolean(L, fast)) {  /* LuaJIT: the factory of each set's `has` */
        /* src/lua/lhs_fast_set.lua is embedded as built: a guard against a broken build */
        if (!lhs_load(L, lhs_fast_set_lua, sizeof lhs_fast_set_lua - 1, "=httpstatus"))  /* GCOVR_EXCL_BR_LINE */
            luaL_error(L, "httpstatus: the fast paths of sets do not compile");  /* GCOVR_EXCL_LINE */
        lua_call(L, 0, 1);
        lua_rawseti(L, state, LHS_FACTORY);
    } else {  /* PUC Lua: one metatable for all */
        lua_createtable(L, 0, 13);
        lua_getfield(L, funcs, "has");
        lhs_fill_meta(L, lua_gettop(L) - 1, funcs, lua_gettop(L));
        lua_pop(L, 1);
        lua_rawseti(L, state, LHS_META);
    }
    lua_rawseti(L, state, LHS_FUNCS);
    lua_pushlightuserdata(L, (void *)&lhs_set_state_key);
    lua_pushvalue(L, state);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/*
 * Pushes the set with the codes of *set: the one this state has, or a new
 * one. fast: the stack index of a value that is true under LuaJIT, where
 * the set gets a metatable of its own with the `has` the factory makes of
 * the set, its codes as booleans and the C has.
 */
static void lhs_push_set(lua_State *L, const hs_set *set, int fast) {
    int top = lua_gettop(L), state, u;
    lhs_set *s;
    lhs_push_state(L, fast);
    state = lua_gettop(L);
    lua_rawgeti(L, state, LHS_CACHE);
    lua_pushlstring(L, (const char *)set->bits, sizeof set->bits);
    lua_pushvalue(L, -1);
    lua_rawget(L, -3);
    if (lhs_toset(L, -1) == NULL) {
        lua_pop(L, 1);
        s = (lhs_set *)lhs_newuserdata(L, sizeof *s);
        s->magic = &lhs_set_magic;
        s->set = *set;
        u = lua_gettop(L);
        lua_rawgeti(L, state, LHS_META);
        if (lua_type(L, -1) != LUA_TTABLE) {  /* LuaJIT: a metatable of its own */
            int c;
            lua_pop(L, 1);
            lua_createtable(L, 0, 13);
            lua_rawgeti(L, state, LHS_FACTORY);
            lua_pushvalue(L, u);
            lua_createtable(L, 599, 0);  /* code -> in the set, 0-599 in the array part */
            for (c = 0; c <= 599; c++) {
                lua_pushboolean(L, hs_set_has(set, c));
                lua_rawseti(L, -2, c);
            }
            lua_rawgeti(L, state, LHS_FUNCS);
            lua_getfield(L, -1, "has");
            lua_replace(L, -2);
            lua_call(L, 3, 1);
            lua_rawgeti(L, state, LHS_FUNCS);
            lhs_fill_meta(L, u + 1, lua_gettop(L), lua_gettop(L) - 1);
            lua_pop(L, 2);
        }
        lua_setmetatable(L, u);
        lua_pushvalue(L, -2);  /* cache[bits] = the set */
        lua_pushvalue(L, u);
        lua_rawset(L, state + 1);
    }
    lua_replace(L, top + 1);
    lua_settop(L, top + 1);
}

/* set(spec) -> an immutable set, or nil, message. Upvalue 1: true under
 * LuaJIT. */
static int l_set(lua_State *L) {
    hs_set set;
    if (lua_gettop(L) > 1) lua_settop(L, 1);  /* none stays none: "got no value" */
    if (lhs_set_read(L, 1, &set)) return 2;
    lhs_push_set(L, &set, lua_upvalueindex(1));
    return 1;
}

LHS_INTERNAL void lhs_open_set(lua_State *L, int fast) {
    lua_pushboolean(L, fast);
    lua_pushcclosure(L, l_set, 1);
    lua_setfield(L, -2, "set");
}
