rockspec_format = "3.0"
package = "httpstatus"
version = "scm-1"
source = {
   url = "git+https://github.com/httpstatus-lua/httpstatus.git",
}
description = {
   summary = "HTTP status codes for Lua, in C: phrases, classes, RFC 9110 semantics and negotiated error responses",
   detailed = [[
Every code of the IANA HTTP Status Code Registry as updated by RFC 9110:
registered phrases and their former names, classes, cacheability,
redirect and retry semantics, status-line parsing and formatting, and
descriptions in English, Simplified and Traditional Chinese. Error
responses negotiated by Accept and Accept-Language (problem details, JSON,
HTML, text) with the header fields RFC 9110 asks for, and an OpenResty
helper for nginx's own errors. Status sets for config files
("500-504,!501"), method-aware retries, Retry-After and HTTP dates, and
mappings to gRPC, OpenTelemetry and RFC 9457 problem details. One C
source for Lua 5.1-5.5 and LuaJIT 2.1 (OpenResty); a pure-Lua edition
for hosts without C; a plain C API for other hosts.
]],
   homepage = "https://github.com/httpstatus-lua/httpstatus",
   license = "MIT",
   labels = { "http", "openresty", "nginx", "status", "rfc9110" },
}
-- `httpstatus --json` uses lua-cjson when it is installed; nothing else is needed
dependencies = {
   "lua >= 5.1, < 5.6",
}
test_dependencies = {
   "busted",
}
build = {
   type = "builtin",
   modules = {
      httpstatus = {
         -- the generated src/*/*.inc are included by the .c files
         sources = { "src/core/hs_core.c", "src/core/hs_set.c", "src/core/hs_date.c", "src/core/hs_map.c",
                     "src/core/hs_accept.c", "src/core/hs_body.c", "src/lua/lhs_util.c", "src/lua/lhs_core.c",
                     "src/lua/lhs_set.c", "src/lua/lhs_date.c", "src/lua/lhs_map.c", "src/lua/lhs_accept.c",
                     "src/lua/lhttpstatus.c" },
         incdirs = { "src/core", "src/lua" },
         defines = { "HS_LUA_MODULE" },
      },
      -- the pure-Lua edition, as httpstatus/pure.lua: it never shadows the C module
      ["httpstatus.pure"] = "lua/httpstatus/pure.lua",
      -- OpenResty's negotiated error pages (doc/openresty.md)
      ["httpstatus.ngx"] = "lua/httpstatus/ngx.lua",
   },
   install = {
      bin = { httpstatus = "bin/httpstatus" },
   },
   -- the editor and Teal types, in the rock's own folder (never on package.path): doc/api.md, "Types"
   copy_directories = { "doc", "types" },
}
-- `luarocks test`: the specs (spec/), against the module `luarocks make` built
test = {
   type = "busted",
}
