/*
 * states.c - what `require "httpstatus"` costs a fresh lua_State, against
 * requiring a plain Lua file that holds only the table of reason phrases
 * (written by bench/bench.lua from the module's own data). Part of
 * `make bench`; speed and size are reported, never asserted.
 *
 *   states CPATH LUAPATH [N]
 *
 * For each of N fresh states (with the standard libraries open): the heap
 * (lua_gc count) and the time of one require of each module. The states
 * stay open until the end, as a host's many states do (so the shared
 * library stays loaded, as it does there). Prints the medians and their
 * ratios, module / plain table.
 *
 * With PRELOAD set, the module is linked into this program and registered
 * in package.preload, as a host that embeds it does, instead of being
 * found on package.cpath (where every state pays dlopen and dlsym).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int heap_bytes(lua_State *L) {
    return lua_gc(L, LUA_GCCOUNT, 0) * 1024 + lua_gc(L, LUA_GCCOUNTB, 0);
}

#if defined(PRELOAD)
int luaopen_httpstatus(lua_State *L);
#endif

/* Requires name in a fresh state; its heap growth (bytes) and time (us).
 * The state is left open, in *out. */
static int require_cost(const char *cpath, const char *path, const char *name, int *bytes, double *us,
                        lua_State **out) {
    lua_State *L = luaL_newstate();
    double t;
    int before, ok;
    *out = L;
    if (!L) return 0;
    luaL_openlibs(L);
    lua_getglobal(L, "package");
    lua_pushstring(L, cpath);
    lua_setfield(L, -2, "cpath");
    lua_pushstring(L, path);
    lua_setfield(L, -2, "path");
#if defined(PRELOAD)
    lua_getfield(L, -1, "preload");
    lua_pushcfunction(L, luaopen_httpstatus);
    lua_setfield(L, -2, "httpstatus");
    lua_pop(L, 1);
#endif
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT, 0);
    lua_gc(L, LUA_GCSTOP, 0);  /* no collection in the middle of the measure */
    lua_getglobal(L, "require");
    lua_pushstring(L, name);
    before = heap_bytes(L);
    t = now_us();
    ok = lua_pcall(L, 1, 1, 0) == 0;
    *us = now_us() - t;
    lua_gc(L, LUA_GCRESTART, 0);
    lua_gc(L, LUA_GCCOLLECT, 0);
    *bytes = heap_bytes(L) - before;
    if (!ok) fprintf(stderr, "states: require %s: %s\n", name, lua_tostring(L, -1));
    return ok;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

int main(int argc, char **argv) {
    const char *names[2] = { "httpstatus", "plain_reasons" };
    int n = argc > 3 ? atoi(argv[3]) : 400, i, k;
    double *us[2], *kib[2], m_us[2], m_kib[2];
    lua_State **open;
    if (argc < 3 || n < 1) {
        fprintf(stderr, "usage: states CPATH LUAPATH [N]\n");
        return 2;
    }
    open = calloc((size_t)n * 2, sizeof *open);
    for (k = 0; k < 2; k++) {
        us[k] = malloc(sizeof(double) * (size_t)n);
        kib[k] = malloc(sizeof(double) * (size_t)n);
        if (!us[k] || !kib[k] || !open) return 1;
    }
    for (i = 0; i < n; i++) {
        for (k = 0; k < 2; k++) {  /* take turns, so that drift hits both alike */
            int bytes;
            double t;
            if (!require_cost(argv[1], argv[2], names[k], &bytes, &t, &open[i * 2 + k])) return 1;
            us[k][i] = t;
            kib[k][i] = bytes / 1024.0;
        }
    }
    for (i = 0; i < n * 2; i++) lua_close(open[i]);
    for (k = 0; k < 2; k++) {
        m_us[k] = median(us[k], n);
        m_kib[k] = median(kib[k], n);
    }
#if defined(PRELOAD)
    printf("%-18s %10s %10s %8s %8s\n", "require (preload)", "module", "plain", "ratio", "target");
#else
    printf("%-18s %10s %10s %8s %8s\n", "require (cpath)", "module", "plain", "ratio", "target");
#endif
    printf("%-18s %10.1f %10.1f %8.2f %8s %s\n", "time (us)", m_us[0], m_us[1], m_us[0] / m_us[1], "<= 1",
           m_us[0] <= m_us[1] ? "met" : "MISSED");
    printf("%-18s %10.2f %10.2f %8.2f %8s %s\n", "heap (KiB)", m_kib[0], m_kib[1], m_kib[0] / m_kib[1], "<= 1",
           m_kib[0] <= m_kib[1] ? "met" : "MISSED");
    return 0;
}
