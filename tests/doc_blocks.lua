-- tests/doc_blocks.lua DOC DIR [NAME...]: writes each fenced block of DOC
-- whose first line names a file ("-- file: NAME" or "# file: NAME") into
-- DIR/NAME.in, as the page has it (the NAMEs given, or all); fails if a
-- NAME given is not on the page, or if two blocks name the same file. How
-- the host tests run doc/hosts.md's recipes as written.
local doc, dir = assert(arg[1], "usage: doc_blocks.lua DOC DIR [NAME...]"), assert(arg[2])
local want = {}
for i = 3, #arg do want[arg[i]] = true end
local f = assert(io.open(doc, "rb"))
local text = f:read("*a")
f:close()
local found, seen = {}, {}
for body in text:gmatch("```[%w-]*\n(.-)```") do
  local name = body:match("^%-%- file: (%S+)\n") or body:match("^# file: (%S+)\n")
  if name then assert(not seen[name], doc .. " has two blocks for " .. name) seen[name] = true end
  if name and (next(want) == nil or want[name]) then
    local out = assert(io.open(dir .. "/" .. name .. ".in", "wb"))
    out:write(body)
    out:close()
    found[name] = true
  end
end
for name in pairs(want) do assert(found[name], doc .. " has no block for " .. name) end
