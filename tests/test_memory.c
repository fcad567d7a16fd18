/*
 * test_memory.c - a memory error at any allocation leaves the state whole.
 *
 * Hosts cap a state's memory, so an allocation can fail anywhere. For
 * every k, a fresh Lua 5.4 state runs tests/memory_use.lua (require and
 * every function, answers checked) with an allocator that fails the k-th
 * allocation from then on, in two ways: that one and its retry (5.4 runs
 * a full collection and asks again), and every one from k on. The run
 * must end well or with a "not enough memory" error, never another one (a
 * wrong answer). Then memory is given back, and the same script must pass
 * whole in the same state; and once the state is closed, every byte it
 * took must be freed.
 *
 * Usage: test_memory 'build/5.4/?.so' [tests/memory_use.lua [STRIDE]]: every
 * STRIDE-th k only (default 1: every one; valgrind takes a sample). The
 * pure-Lua edition: test_memory '' tests/memory_pure.lua.
 * Prints TAP (tests/tap.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "tap.h"

/* The counting allocator: `live` bytes in use; once armed, allocations are
 * counted and those the mode says fail. */
typedef struct budget {
    size_t live;
    long count;    /* allocations (and growths) since arming */
    long fail_at;  /* the first that fails, or 0: none */
    int mode;      /* MODE_TWO: fail_at and the next; MODE_ALL: every one from fail_at */
    int armed;
} budget;
enum { MODE_TWO, MODE_ALL };

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    budget *b = (budget *)ud;
    size_t old = ptr ? osize : 0;
    void *p;
    if (nsize == 0) {
        free(ptr);
        b->live -= old;
        return NULL;
    }
    if (b->armed && nsize > old) {  /* an allocation that takes memory */
        b->count++;
        if (b->fail_at > 0 && b->count >= b->fail_at &&
            (b->mode == MODE_ALL || b->count <= b->fail_at + 1))
            return NULL;
    }
    p = realloc(ptr, nsize);
    if (p) b->live = b->live - old + nsize;
    return p;
}

static const char *cpath;
static const char *script_path = "tests/memory_use.lua";
static char *script;
static size_t script_len;
static long stride = 1;

static void report(const char *name, int ok) { tap(ok, name); }

static lua_State *new_state(budget *b) {
    lua_State *L;
    memset(b, 0, sizeof *b);
    L = lua_newstate(counting_alloc, b);
    if (!L) return NULL;
    luaL_openlibs(L);
    lua_getglobal(L, "package");
    lua_pushstring(L, cpath);
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
    return L;
}

/* Runs the script once; its status (LUA_OK, LUA_ERRMEM, ...), and the
 * message in msg when it is an error. */
static int run(lua_State *L, char *msg, size_t size) {
    int rc = luaL_loadbuffer(L, script, script_len, "=memory_use.lua");
    if (rc == LUA_OK) rc = lua_pcall(L, 0, 1, 0);
    if (rc != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        (void)snprintf(msg, size, "%s", m ? m : "(no message)");
    }
    lua_settop(L, 0);
    return rc;
}

/* One sweep over every k in one mode: the number of states it broke (each
 * told on stderr, the first few in full). */
static long sweep(int mode, long total, long *first_broken) {
    long k, broken = 0;
    char msg[512];
    for (k = 1; k <= total + 1; k += stride) {
        budget b;
        lua_State *L = new_state(&b);
        const char *why = NULL;
        int rc;
        if (!L) return total + 1;
        b.mode = mode;
        b.fail_at = k;
        b.armed = 1;  /* read by the allocator, through the state */
        rc = run(L, msg, sizeof msg);
        b.armed = 0;  /* cppcheck-suppress redundantAssignment */
        /* a memory error met while require or dofile loads a chunk comes
         * back as a plain error that carries its message */
        if (rc != LUA_OK && rc != LUA_ERRMEM && !(rc == LUA_ERRRUN && strstr(msg, "not enough memory")))
            why = "failing run ended with another error";
        /* no collection first: a weak cache would hide what it holds */
        if (!why && run(L, msg, sizeof msg) != LUA_OK) why = "the state is broken after the memory error";
        lua_close(L);
        if (!why && b.live != 0) {
            why = "bytes not freed after lua_close";
            (void)snprintf(msg, sizeof msg, "%lu", (unsigned long)b.live);
        }
        if (why) {
            if (broken++ < 5) (void)fprintf(stderr, "k=%ld: %s: %s\n", k, why, msg);
            if (!*first_broken) *first_broken = k;
        }
    }
    return broken;
}

static int read_script(void) {
    FILE *f = fopen(script_path, "rb");
    long n;
    if (!f) return 0;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        (void)fclose(f);
        return 0;
    }
    script = (char *)malloc((size_t)n + 1);
    script_len = script ? fread(script, 1, (size_t)n, f) : 0;
    (void)fclose(f);
    return script != NULL && script_len == (size_t)n;
}

int main(int argc, char **argv) {
    budget b;
    lua_State *L;
    long total, n, broken = 0;
    char msg[512], name[128];
    cpath = argc > 1 ? argv[1] : "build/5.4/?.so";
    if (argc > 2) script_path = argv[2];
    if (argc > 3) stride = strtol(argv[3], NULL, 10);
    if (stride < 1) stride = 1;
    if (!read_script()) {
        (void)fprintf(stderr, "test_memory: cannot read %s\n", script_path);
        return 1;
    }
    /* a run with no failure: it must pass, and it gives the allocations to sweep */
    L = new_state(&b);
    if (!L) return 1;
    b.armed = 1;
    report("the script passes with memory enough", run(L, msg, sizeof msg) == LUA_OK);
    total = b.count;
    lua_close(L);
    (void)printf("# %ld allocations in require and every function\n", total);
    report("a run of the script takes allocations to sweep", total > 100);

    n = sweep(MODE_TWO, total, &broken);
    (void)snprintf(name, sizeof name, "each of the %ld allocations%s failing with its retry: %ld broken states",
                   total + 1, stride > 1 ? " (a sample)" : "", n);
    report(name, n == 0);
    n = sweep(MODE_ALL, total, &broken);
    (void)snprintf(name, sizeof name, "every allocation from each of the %ld%s on failing: %ld broken states",
                   total + 1, stride > 1 ? " (a sample)" : "", n);
    report(name, n == 0);
    if (broken) (void)fprintf(stderr, "first broken state at allocation %ld\n", broken);
    free(script);
    return tap_done();
}
