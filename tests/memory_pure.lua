-- tests/memory_pure.lua: tests/memory_use.lua against the pure-Lua edition,
-- for tests/test_memory.c (run from the clone: `test_memory '' THIS_FILE`).
-- The preload is set again on every run, as the run may have failed before.
package.path = "lua/?.lua"
package.preload.httpstatus = function() return require "httpstatus.pure" end
return dofile("tests/memory_use.lua")
