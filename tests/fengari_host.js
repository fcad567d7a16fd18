// tests/fengari_host.js: runs a Lua chunk (a file) in Fengari, Lua 5.3 on
// node, with only its standard libraries, and prints what the chunk returns.
//   NODE_PATH=<dir with fengari> node tests/fengari_host.js chunk.lua
"use strict";
const fs = require("fs");
const { lua, lauxlib, lualib, to_luastring } = require("fengari");

const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);
const source = fs.readFileSync(process.argv[2]);
if (lauxlib.luaL_loadbuffer(L, source, null, to_luastring("=" + process.argv[2])) !== lua.LUA_OK ||
    lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) {
  process.stderr.write("fengari: " + lua.lua_tojsstring(L, -1) + "\n");
  process.exit(1);
}
process.stdout.write(lua.lua_tojsstring(L, -1) + "\n");
