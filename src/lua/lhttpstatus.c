/*
 * lhttpstatus.c - luaopen_httpstatus: the module table, its fields made
 * on first use, and, under LuaJIT, the fast paths of src/lua/lhs_fast.lua.
 * One source for Lua 5.1-5.5 and LuaJIT 2.1.
 *
 * It reads no global variable, so a host that emptied or replaced the
 * globals gets the same module. Whether it runs under LuaJIT is asked of
 * the VM itself, when the module is required, not when it is compiled: a
 * module built with PUC Lua 5.1's headers (as Debian's luarocks builds
 * for OpenResty) takes the fast paths under LuaJIT too.
 */
#include <string.h>

#include "lhs.h"

#if defined(_WIN32)
#define LHS_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define LHS_EXPORT __attribute__((visibility("default")))
#else
#define LHS_EXPORT
#endif

LHS_EXPORT int luaopen_httpstatus(lua_State *L);

#include "lhs_fast_lua.inc"

/* Pushes a new table: code -> registered English phrase. */
static void lhs_push_reasons(lua_State *L) {
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
static void lhs_push_unofficial(lua_State *L) {
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
        lua_pushstring(L, u[i].reason);
        lua_setfield(L, -2, "reason");
        lua_pushstring(L, u[i].source);
        lua_setfield(L, -2, "source");
        if (u[i].note) {
            lua_pushstring(L, u[i].note);
            lua_setfield(L, -2, "note");
        }
        lua_rawseti(L, -2, (int)lhs_rawlen(L, -2) + 1);
        lua_pop(L, 1);
    }
}

/* Pushes a new table: every constant name, current and former -> code. */
static void lhs_push_constants(lua_State *L) {
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
 * constant), registry_date, and each constant (hs.NOT_FOUND). Anything
 * else is nil. A value is stored only once it is whole.
 */
static int l_module_index(lua_State *L) {
    size_t len, n, i;
    const char *key;
    if (lua_type(L, 1) != LUA_TTABLE || lua_type(L, 2) != LUA_TSTRING) return 0;
    key = lua_tolstring(L, 2, &len);
    if (len == 7 && memcmp(key, "reasons", 7) == 0) {
        lhs_push_reasons(L);
    } else if (len == 10 && memcmp(key, "unofficial", 10) == 0) {
        lhs_push_unofficial(L);
    } else if (len == 9 && memcmp(key, "constants", 9) == 0) {
        lhs_push_constants(L);
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

/*
 * Whether this VM is LuaJIT. Lua 5.2 and later are told apart by their
 * headers; for the 5.1 ABI, which LuaJIT shares with PUC Lua 5.1, its
 * compiler tells: LuaJIT parses goto and labels, PUC Lua 5.1 does not.
 * Nothing is read but the VM's answer (no global, no `jit` table).
 */
static int lhs_is_luajit(lua_State *L) {
#if LUA_VERSION_NUM == 501
    static const char probe[] = "goto a ::a::";
    int jit = lhs_load(L, probe, sizeof probe - 1, "=httpstatus");
    if (jit) lua_pop(L, 1);
    return jit;
#else
    (void)L;
    return 0;
#endif
}

/* Runs src/lua/lhs_fast.lua on the module table at -1. */
static void lhs_install_fast_paths(lua_State *L) {
    const lhs_predicate *p;
    int i = 0;
    /* src/lua/lhs_fast.lua is embedded as built: a guard against a broken build */
    if (!lhs_load(L, lhs_fast_lua, sizeof lhs_fast_lua - 1, "=httpstatus"))  /* GCOVR_EXCL_BR_LINE */
        luaL_error(L, "httpstatus: the fast paths do not compile");  /* GCOVR_EXCL_LINE */
    lua_pushvalue(L, -2);
    lua_pushcfunction(L, lhs_build);
    lua_pushcfunction(L, lhs_fallback);
    lua_newtable(L);  /* the names of the predicates */
    for (p = lhs_predicates; p->name; p++) {
        lua_pushstring(L, p->name);
        lua_rawseti(L, -2, ++i);
    }
    lua_call(L, 4, 0);
}

LHS_EXPORT int luaopen_httpstatus(lua_State *L) {
    int fast;
#if LUA_VERSION_NUM >= 502
    luaL_checkversion(L);  /* a module built for another Lua raises here */
#endif
    lua_createtable(L, 0, 32);  /* the functions and _VERSION, exactly */
    fast = lhs_is_luajit(L);
    lhs_open_core(L, fast);
    if (fast) lhs_install_fast_paths(L);
    lhs_open_set(L, fast);
    lhs_open_date(L);
    lhs_open_map(L);
    lhs_open_accept(L);
    lua_pushliteral(L, "httpstatus " HS_VERSION);
    lua_setfield(L, -2, "_VERSION");
    /* the rest (reasons, unofficial, constants, registry_date) on first use */
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, l_module_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    return 1;
}
