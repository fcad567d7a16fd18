-- bench/pure_heap.lua: what loading costs a fresh Lua state's heap, in
-- KiB (collectgarbage("count") after a full collection, before and after):
--
--   lua bench/pure_heap.lua pure | phrases FILE | texts FILE
--
-- pure: require "httpstatus.pure" (lua/); phrases, texts: the plain tables
-- bench/plain_reasons.lua writes. tools/bench.sh runs each in a process of
-- its own and prints the ratios.
local what, file = arg[1], arg[2]
package.path = "lua/?.lua;" .. package.path
collectgarbage()
collectgarbage()
local before = collectgarbage("count")
local kept
if what == "pure" then
  kept = require "httpstatus.pure"
else
  kept = dofile(assert(file, "usage: pure_heap.lua pure | phrases FILE | texts FILE"))
end
collectgarbage()
collectgarbage()
io.write(("%.1f\n"):format(collectgarbage("count") - before))
assert(kept)
