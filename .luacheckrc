std = "max"
max_line_length = 120
include_files = { "bin/httpstatus", "src/*.lua", "tests/*.lua", "spec/**/*.lua", "tools/*.lua", "bench/*.lua",
                  "examples/*.lua", "data/*.lua",
                  "*.rockspec", "rockspecs/*.rockspec", ".luacheckrc", ".busted" }
exclude_files = { "build/", "tree/", "lua_modules/" }
files["spec/**/*_spec.lua"] = { std = "+busted" }
-- the Lua the binding runs reads no global at all, not even `type`
files["src/*.lua"] = { std = "none" }
files["data/statuses.lua"] = { max_line_length = false }
files["*.rockspec"] = { globals = { "rockspec_format", "package", "version", "source",
                                    "description", "dependencies", "build" } }
files["rockspecs/*.rockspec"] = { globals = { "rockspec_format", "package", "version", "source",
                                              "description", "dependencies", "build" } }
