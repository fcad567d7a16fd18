/*
 * test_states.c - the Lua binding in many lua_States at once: 200 states
 * open side by side, then 8 threads each driving a state of its own.
 * Usage: test_states 'build/5.4/?.so' [MANY]: MANY states at once in the
 * last test (default 3000). Prints TAP (tests/tap.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "tap.h"

static const char *cpath;

static const char *const script =
    "local hs = require 'httpstatus'\n"
    "local n = ...\n"
    "for i = 1, n do\n"
    "  assert(hs.reason(404) == 'Not Found' and hs.reason(404, 'zh') == '\\230\\156\\170\\230\\137\\190\\229\\136\\176')\n"
    "  assert(hs.code('request entity too large') == 413 and hs.class(471) == 'client_error')\n"
    "  assert(select(1, hs.parse_status_line('HTTP/1.1 503 Service Unavailable\\r\\n')) == 503)\n"
    "  assert(not pcall(hs.reason, {}) and hs.code({}) == nil)\n"
    "  assert(hs.info(i % 500 + 100) == nil or hs.info(i % 500 + 100).code == i % 500 + 100)\n"
    "end\n"
    "assert(rawget(_G, 'httpstatus') == nil)\n"
    "return hs._VERSION\n";

static lua_State *new_state(void) {
    lua_State *L = luaL_newstate();
    if (!L) return NULL;
    luaL_openlibs(L);
    lua_getglobal(L, "package");
    lua_pushstring(L, cpath);
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
    return L;
}

/* Runs the script n times in L; 1 if it returned the version. */
static int run_script(lua_State *L, int n) {
    int ok;
    if (luaL_loadstring(L, script) != LUA_OK) return 0;
    lua_pushinteger(L, n);
    ok = lua_pcall(L, 1, 1, 0) == LUA_OK && lua_isstring(L, -1) &&
         strncmp(lua_tostring(L, -1), "httpstatus ", 11) == 0;
    if (!ok) (void)fprintf(stderr, "script failed: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
    return ok;
}

static void report(const char *name, int ok) { tap(ok, name); }

/*
 * A host that opens only the package library (no base library: no type,
 * rawget, print, _G, jit) and requires the module from C: it must load and
 * answer, reading no global; under LuaJIT, with the fast paths.
 */
static int bare_host(void) {
    int ok;
    lua_State *L = luaL_newstate();
    if (!L) return 0;
#if LUA_VERSION_NUM >= 502
    luaL_requiref(L, "package", luaopen_package, 1);
#else
    lua_pushcfunction(L, luaopen_package);
    lua_call(L, 0, 1);
#endif
    lua_pushstring(L, cpath);
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
    lua_getglobal(L, "require");
    lua_pushstring(L, "httpstatus");
    ok = lua_pcall(L, 1, 1, 0) == 0 && lua_istable(L, -1);
    if (ok) {
        lua_getfield(L, -1, "reason");
#if defined(LUA_JITLIBNAME)  /* LuaJIT's lualib.h: its fast path is a Lua function */
        ok = !lua_iscfunction(L, -1);
#else
        ok = lua_iscfunction(L, -1);
#endif
        lua_pushinteger(L, 404);
        ok = lua_pcall(L, 1, 1, 0) == 0 && ok && lua_isstring(L, -1) &&
             strcmp(lua_tostring(L, -1), "Not Found") == 0;
        lua_pop(L, 1);
        lua_getfield(L, -1, "is_client_error");
        lua_pushnumber(L, 404.5);
        ok = ok && lua_pcall(L, 1, 1, 0) != 0 &&
             strstr(lua_tostring(L, -1), "bad argument #1 to 'is_client_error'") != NULL;
    }
    if (!ok) (void)fprintf(stderr, "bare host: %s\n", lua_tostring(L, -1));
    lua_close(L);
    return ok;
}

/*
 * Thousands of states open at once, as a game server has them: each
 * requires the module and uses it, and what the module costs each (its
 * share of the state's heap) stays within a bound, so the total does too.
 */
#define MANY_MAX 3000
static int many = MANY_MAX;
#define MANY_LIMIT_KIB 12   /* per state, at require; measured: 3.3 (5.4), 8.7 (LuaJIT) */
#define USED_LIMIT_KIB 48   /* per state, after every function ran once */

static int heap_bytes(lua_State *L) {
    return lua_gc(L, LUA_GCCOUNT, 0) * 1024 + lua_gc(L, LUA_GCCOUNTB, 0);
}

static int many_states(void) {
    static lua_State *open[MANY_MAX];
    static const char *const use =
        "local hs = require 'httpstatus'\n"
        "assert(hs.reason(404) and hs.class(404) and hs.is_error(503) and hs.is_cacheable(200))\n"
        "assert(hs.set('5xx,!501'):has(502) and hs.code('not found') == 404)\n"
        "assert(hs.parse_status_line('HTTP/1.1 200 OK') and hs.retry_after('5') == 5)\n"
        "assert(hs.to_grpc(503) == 14 and hs.problem(404).title == 'Not Found')\n";
    long total = 0, used_total = 0;
    int i, ok = 1, worst = 0, worst_used = 0;
    for (i = 0; i < many && ok; i++) {
        int before, after;
        lua_State *L = open[i] = new_state();
        if (!L) { ok = 0; break; }
        lua_gc(L, LUA_GCCOLLECT, 0);
        before = heap_bytes(L);
        lua_getglobal(L, "require");
        lua_pushstring(L, "httpstatus");
        ok = lua_pcall(L, 1, 1, 0) == 0 && lua_istable(L, -1);
        lua_gc(L, LUA_GCCOLLECT, 0);
        after = heap_bytes(L);
        total += after - before;
        if (after - before > worst) worst = after - before;
        ok = ok && luaL_dostring(L, use) == 0;
        lua_gc(L, LUA_GCCOLLECT, 0);
        used_total += heap_bytes(L) - before;
        if (heap_bytes(L) - before > worst_used) worst_used = heap_bytes(L) - before;
        if (!ok) (void)fprintf(stderr, "state %d: %s\n", i, lua_tostring(L, -1));
    }
    for (i = 0; i < many; i++) if (open[i]) lua_close(open[i]);
    (void)printf("# %d states: require %ld KiB in all (worst %.1f KiB a state), "
                 "%ld KiB after use (worst %.1f KiB)\n", many, total / 1024, worst / 1024.0,
                 used_total / 1024, worst_used / 1024.0);
    return ok && worst <= MANY_LIMIT_KIB * 1024 && worst_used <= USED_LIMIT_KIB * 1024 &&
           total <= (long)many * MANY_LIMIT_KIB * 1024;
}

#define STATES 200
#define THREADS 8

static void *thread_main(void *arg) {
    lua_State *L = new_state();
    *(int *)arg = L != NULL && run_script(L, 2000);
    if (L) lua_close(L);
    return NULL;
}

int main(int argc, char **argv) {
    static lua_State *states[STATES];
    pthread_t t[THREADS];
    int results[THREADS] = { 0 };
    int i, ok = 1;
    cpath = argc > 1 ? argv[1] : "build/5.4/?.so";
    if (argc > 2) many = (int)strtol(argv[2], NULL, 10);
    if (many < 1 || many > MANY_MAX) many = MANY_MAX;

    for (i = 0; i < STATES; i++) {
        states[i] = new_state();
        ok = ok && states[i] && run_script(states[i], 1);
    }
    for (i = 0; i < STATES && ok; i++) ok = run_script(states[(i * 7) % STATES], 10);
    for (i = 0; i < STATES; i++) if (states[i]) lua_close(states[i]);
    report("200 lua_States side by side", ok);

    ok = 1;
    for (i = 0; i < THREADS; i++)
        if (pthread_create(&t[i], NULL, thread_main, &results[i]) != 0) return 1;
    for (i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        ok = ok && results[i];
    }
    report("8 threads, a lua_State each", ok);
    report("a host with only the package library", bare_host());
    report("thousands of states at once, each within its bound", many_states());
    return tap_done();
}
