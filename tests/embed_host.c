/*
 * tests/embed_host.c: a game or server host that links the Lua module into
 * its own program (no shared object, no package.cpath), as doc/c-api.md
 * shows: the module's sources compiled with -DHS_LUA_MODULE, then
 * luaopen_httpstatus registered in each lua_State, by package.preload (as
 * `require "httpstatus"` then finds it) or by luaL_requiref. It opens 100
 * states side by side, each requiring and using the module, and prints TAP.
 * tests/embed.sh builds it as C and as C++ (it is both) against Lua 5.4.
 */
#include <stdio.h>
#include <string.h>

#ifdef __cplusplus
#include "lua.hpp"
#else
#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#endif

#include "../tests/tap.h"

/* The module's entry point, compiled into this program. A C++ host
 * declares it with C linkage, as it is compiled as C. */
#ifdef __cplusplus
extern "C"
#endif
int luaopen_httpstatus(lua_State *L);

#define STATES 100

static const char *const use =
    "local hs = require 'httpstatus'\n"
    "assert(hs.reason(404) == 'Not Found' and hs.class(503) == 'server_error')\n"
    "assert(hs.code('payload too large') == 413 and hs.NOT_FOUND == 404)\n"
    "assert(hs.set('5xx,!501'):has(502) and not hs.set('5xx,!501'):has(501))\n"
    "assert(hs.parse_http_date('Sun, 06 Nov 1994 08:49:37 GMT') == 784111777)\n"
    "assert(not pcall(hs.reason, {}))\n"
    "return hs._VERSION\n";

/* A state whose package.preload holds the module: no search of any path. */
static lua_State *preloaded(void) {
    lua_State *L = luaL_newstate();
    if (!L) return NULL;
    luaL_openlibs(L);
    lua_getglobal(L, "package");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "cpath");  /* nothing to find there */
    lua_getfield(L, -1, "preload");
    lua_pushcfunction(L, luaopen_httpstatus);
    lua_setfield(L, -2, "httpstatus");
    lua_pop(L, 2);
    return L;
}

static int uses_it(lua_State *L) {
    int ok = luaL_dostring(L, use) == 0 && lua_isstring(L, -1) &&
             strncmp(lua_tostring(L, -1), "httpstatus ", 11) == 0;
    if (!ok) (void)printf("# %s\n", lua_tostring(L, -1));
    lua_settop(L, 0);
    return ok;
}

int main(void) {
    lua_State *states[STATES];
    int i, ok = 1;
    for (i = 0; i < STATES; i++) {
        states[i] = preloaded();
        ok = ok && states[i] != NULL && uses_it(states[i]);
    }
    for (i = 0; i < STATES && ok; i++) ok = uses_it(states[(i * 37) % STATES]);
    for (i = 0; i < STATES; i++) if (states[i]) lua_close(states[i]);
    tap(ok, "100 lua_States side by side, each requiring the module from package.preload");

    {   /* luaL_requiref: the module as a global-free library of the state */
        lua_State *L = luaL_newstate();
        ok = L != NULL;
        if (ok) {
            luaL_openlibs(L);
            luaL_requiref(L, "httpstatus", luaopen_httpstatus, 0);
            lua_getfield(L, -1, "reason");
            lua_pushinteger(L, 429);
            ok = lua_pcall(L, 1, 1, 0) == 0 && strcmp(lua_tostring(L, -1), "Too Many Requests") == 0;
            lua_settop(L, 0);
            lua_getglobal(L, "httpstatus");
            ok = ok && lua_isnil(L, -1) && uses_it(L);  /* no global; require finds it loaded */
            lua_close(L);
        }
        tap(ok, "luaL_requiref(L, \"httpstatus\", luaopen_httpstatus, 0), no global set");
    }
    return tap_done();
}
