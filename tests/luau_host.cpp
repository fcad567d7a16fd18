// tests/luau_host.cpp: a small Luau host that runs scripts as Roblox does,
// for the pure-Lua edition (tools/luau.sh builds it on Luau's VM and
// compiler, and runs tests/plain.lua in it).
//
//   luau_host SCRIPT [NAME=PATH ...]
//
// What it does as Roblox does:
//   - `_G` is an empty table shared by every script, not the globals;
//   - luaL_sandbox makes the globals and the libraries read-only;
//   - every script, the main one and each module, runs in a thread of its
//     own made by luaL_sandboxthread (its globals read through to the
//     shared ones, its writes kept to itself);
//   - a module runs once, on its first `require`, and its value is kept:
//     require(NAME) runs the module script PATH given for NAME.
// What a test needs besides, and Roblox does not give: `dofile(path)`
// (runs a file as a module script, not kept), `readfile(path)` (a file's
// bytes) and `loadstring(text [, chunkname])` (Luau's compiler, in the
// caller's globals). There is no io, os.exit or os.getenv, as in Roblox.
// Exits 0 when the script ends without an error, 1 otherwise.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "lua.h"
#include "lualib.h"
#include "luacode.h"

static int argc_;
static char** argv_;

// The bytes of the file at path into out; false if it cannot be read.
static bool read_file(const char* path, std::string& out)
{
    FILE* f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[8192];
    size_t n;
    out.clear();
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

// Compiles text into a function on L's stack (0), or leaves the message (1).
static int compile(lua_State* L, const std::string& text, const char* chunkname)
{
    size_t size = 0;
    char* bytecode = luau_compile(text.data(), text.size(), nullptr, &size);
    int rc = luau_load(L, chunkname, bytecode, size, 0);
    free(bytecode);
    return rc;
}

// Runs the file at path as a script of its own (a new sandboxed thread of
// the main state) and leaves its first value on L's stack; raises in L
// with the script's message if it cannot be read, compiled or run.
static void run_script(lua_State* L, const char* path)
{
    std::string text;
    if (!read_file(path, text))
        luaL_error(L, "cannot read %s", path);
    lua_State* T = lua_newthread(lua_mainthread(L));
    lua_xmove(lua_mainthread(L), L, 1); // the thread is kept on L's stack while it runs
    luaL_sandboxthread(T);
    std::string chunkname = std::string("@") + path;
    int rc = compile(T, text, chunkname.c_str());
    if (rc == 0)
        rc = lua_resume(T, L, 0);
    if (rc != LUA_OK)
    {
        lua_xmove(T, L, 1);
        lua_error(L);
    }
    lua_settop(T, 1); // its first value, or nil
    lua_xmove(T, L, 1);
    lua_remove(L, -2); // the thread
}

// require(name): the value of the module script mapped to name, run once.
static int l_require(lua_State* L)
{
    const char* name = luaL_checkstring(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "luau_host.loaded");
    lua_getfield(L, -1, name);
    if (!lua_isnil(L, -1))
        return 1;
    lua_pop(L, 1);
    size_t n = strlen(name);
    for (int i = 2; i < argc_; i++)
    {
        if (strncmp(argv_[i], name, n) == 0 && argv_[i][n] == '=')
        {
            run_script(L, argv_[i] + n + 1);
            if (lua_isnil(L, -1))
                luaL_error(L, "module %s returned nothing", name);
            lua_pushvalue(L, -1);
            lua_setfield(L, -3, name);
            return 1;
        }
    }
    luaL_error(L, "module %s not found (this host maps NAME=PATH)", name);
    return 0;
}

static int l_dofile(lua_State* L)
{
    run_script(L, luaL_checkstring(L, 1));
    return 1;
}

static int l_readfile(lua_State* L)
{
    const char* path = luaL_checkstring(L, 1);
    std::string text;
    if (!read_file(path, text))
        luaL_error(L, "cannot read %s", path);
    lua_pushlstring(L, text.data(), text.size());
    return 1;
}

static int l_loadstring(lua_State* L)
{
    size_t len = 0;
    const char* text = luaL_checklstring(L, 1, &len);
    const char* chunkname = luaL_optstring(L, 2, "=loadstring");
    if (compile(L, std::string(text, len), chunkname) == 0)
        return 1;
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
}

int main(int argc, char** argv)
{
    if (argc < 2)
    {
        fprintf(stderr, "usage: luau_host SCRIPT [NAME=PATH ...]\n");
        return 2;
    }
    argc_ = argc;
    argv_ = argv;
    lua_State* L = luaL_newstate();
    luaL_openlibs(L);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "luau_host.loaded");
    lua_pushcfunction(L, l_require, "require");
    lua_setglobal(L, "require");
    lua_pushcfunction(L, l_dofile, "dofile");
    lua_setglobal(L, "dofile");
    lua_pushcfunction(L, l_readfile, "readfile");
    lua_setglobal(L, "readfile");
    lua_pushcfunction(L, l_loadstring, "loadstring");
    lua_setglobal(L, "loadstring");
    // Roblox's _G: a plain table every script shares, not the globals
    lua_newtable(L);
    lua_setglobal(L, "_G");
    luaL_sandbox(L);
    lua_getglobal(L, "_G");
    lua_setreadonly(L, -1, false); // luaL_sandbox made every global table read-only
    lua_pop(L, 1);

    lua_pushcfunction(L, l_dofile, "main");
    lua_pushstring(L, argv[1]);
    int rc = lua_pcall(L, 1, 0, 0);
    if (rc != LUA_OK)
        fprintf(stderr, "luau_host: %s\n", lua_tostring(L, -1));
    fflush(stdout);
    lua_close(L);
    return rc == LUA_OK ? 0 : 1;
}
