std = "max"
max_line_length = 120
include_files = { "bin/httpstatus", "src/lua/*.lua", "lua/**/*.lua", "tests/*.lua", "spec/**/*.lua", "tools/*.lua",
                  "bench/*.lua", "examples/*.lua", "data/*.lua",
                  "*.rockspec", "rockspecs/*.rockspec", ".luacheckrc", ".busted" }
exclude_files = { "build/", "tree/", "lua_modules/" }
files["spec/**/*_spec.lua"] = { std = "+busted" }
-- the Lua the binding runs reads no global at all, not even `type`
files["src/lua/*.lua"] = { std = "none" }
files["data/statuses.lua"] = { max_line_length = false }
-- the pure edition reads only what it says it reads (lua/httpstatus/pure.lua's header)
files["lua/httpstatus/pure.lua"] = { std = "none", max_line_length = false, read_globals = {
  "type", "tonumber", "error", "select", "pairs", "ipairs", "next", "setmetatable", "rawget",
  "rawequal", "pcall", "math", "string", "table", "rawlen", "os" } }
files["*.rockspec"] = { globals = { "rockspec_format", "package", "version", "source",
                                    "description", "dependencies", "build" } }
files["rockspecs/*.rockspec"] = { globals = { "rockspec_format", "package", "version", "source",
                                              "description", "dependencies", "build" } }
-- run in Luau too, where tests/luau_host.cpp gives readfile (Luau has no io)
files["tests/plain.lua"] = { read_globals = { "readfile" } }
files["tests/luau_calls.lua"] = { read_globals = { "readfile", "loadstring" } }
-- OpenResty's glue reads nginx's ngx
files["lua/httpstatus/ngx.lua"] = { globals = { "ngx" } }
