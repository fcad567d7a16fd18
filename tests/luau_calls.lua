-- tests/luau_calls.lua: run by tests/luau_host.cpp (tests/host_luau.sh):
-- prints the pure edition's answers to tests/host_calls.lua, to be compared
-- with the C module's, and checks that requiring it left the shared _G
-- (a plain table in Luau hosts, not the globals) as it was: empty.
local hs = require "httpstatus"
local calls = assert(loadstring(readfile("tests/host_calls.lua"), "=host_calls.lua"))
print(calls(hs))
assert(next(_G) == nil, "the module wrote into _G")
