-- tests/messages.lua: what every function answers for the bad-input table,
-- as text, one line a call: its results, or its error message with the
-- position it gives. spec/13-vms_spec.lua runs it on every interpreter and
-- build it finds and asks that they all print the same:
--
--   LUA_CPATH='build/5.4/?.so' lua5.4 tests/messages.lua
--
-- Values are written by this file (numbers as integers where integral, so
-- that 404 and 404.0 read the same on every Lua), never by tostring of a
-- number. Every call is made from a Lua function on one line, and not as a
-- tail call (LuaJIT keeps no frame for a tail call, so an error raised in
-- one names no position there), so that the position an error names is
-- the same on every VM.
local hs = require "httpstatus"
local bad = dofile("spec/bad_input.lua")

local out = {}
local unpack = rawget(table, "unpack") or unpack

local function pack(...) return { n = select("#", ...), ... } end
-- f(...), called from this line and not as a tail call: an error names it
local function call(f, ...)
  local r = pack(f(...))
  return unpack(r, 1, r.n)
end
-- the operators, each on a line of its own
local function add(a, b) local r = a + b; return r end
local function sub(a, b) local r = a - b; return r end
local function mul(a, b) local r = a * b; return r end
local function index(t, k) local r = t[k]; return r end
local function set_field(t, k, v) t[k] = v end

-- A value as text, the same on every VM.
local function show(v)
  local t = type(v)
  if t == "string" then
    if #v > 60 then v = v:sub(1, 60) .. "..." end
    return '"' .. v:gsub("[^ -~]", function(c) return ("\\%03d"):format(c:byte()) end) .. '"'
  elseif t == "number" then
    if v ~= v then return "nan" end
    if v == math.huge or v == -math.huge then return v > 0 and "inf" or "-inf" end
    if v % 1 == 0 and v > -2^63 and v < 2^63 then return ("%d"):format(v) end
    return ("%.14g"):format(v)
  elseif t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    return "table{" .. table.concat(keys, ",") .. "}"
  elseif t == "userdata" and getmetatable(v) == "httpstatus.set" then
    return "set{" .. tostring(v) .. "}"
  elseif t == "nil" or t == "boolean" then
    return tostring(v)
  end
  return t
end

local function record(what, ok, ...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = show((select(i, ...))) end
  out[#out + 1] = what .. " -> " .. (ok and "" or "error ") .. table.concat(parts, ", ")
end

-- the arguments: every bad value, a few good ones, and no value at all
local args = { { "404", 404 }, { "503.0", 503.0 }, { '"418"', "418" }, { "600", 600 } }
for _, case in ipairs(bad.not_codes) do args[#args + 1] = { case[1], case[2] } end
for _, v in ipairs(bad.out_of_range) do
  -- the integers beyond 2^53 that only Lua 5.3 and later have are checked by the specs of each VM
  if not (math.type and math.type(v) == "integer" and (v > 2^53 or v < -2^53)) then
    args[#args + 1] = { show(v), v }
  end
end
for _, v in ipairs { "GET", "zh", "server", "HTTP/1.1 200 OK", "5xx,!501", "Sun, 06 Nov 1994 08:49:37 GMT",
                     "Sunday, 06-Nov-94 08:49:37 GMT", "120", "UNAVAILABLE", { 404, "5xx" } } do
  args[#args + 1] = { show(v), v }
end

local names = {}
for name, f in pairs(hs) do
  if type(f) == "function" then names[#names + 1] = name end
end
table.sort(names)
for _, name in ipairs(names) do
  local f = hs[name]
  record(name .. "()", pcall(call, f))
  for _, a in ipairs(args) do
    local v = a[2]
    record(name .. "(" .. a[1] .. ")", pcall(call, f, v))
    record(name .. "(404, " .. a[1] .. ")", pcall(call, f, 404, v))
    record(name .. "(" .. a[1] .. ", 784111777)", pcall(call, f, v, 784111777))
  end
end

-- sets: methods on good and bad selves, operators with every operand
local s = hs.set("500-504,!501")
local methods = { "has", "codes" }
for _, m in ipairs(methods) do
  record("s." .. m .. "()", pcall(call, s[m]))
  for _, a in ipairs(args) do
    local v = a[2]
    record("s:" .. m .. "(" .. a[1] .. ")", pcall(call, s[m], s, v))
    record("s." .. m .. "(" .. a[1] .. ", 404)", pcall(call, s[m], v, 404))
  end
end
record("s[500]", pcall(index, s, 500))
record("s.x = 1", pcall(set_field, s, "x", 1))
record("#s, tostring(s)", true, #s, tostring(s))
for _, a in ipairs(args) do
  local v = a[2]
  if type(v) ~= "table" or getmetatable(v) == nil then  -- a __tostring table has its own arithmetic rules
    record("s + " .. a[1], pcall(add, s, v))
    record("s - " .. a[1], pcall(sub, s, v))
    record("s * " .. a[1], pcall(mul, s, v))
  end
end
for _, v in ipairs { "5xx", 404, { 404, "5xx" }, "6xx", "!", "" } do
  record(show(v) .. " + s", pcall(add, v, s))
end
record("s <= t, s < t, s < s, s == t", true, s <= hs.set("5xx"), s < hs.set("5xx"), s < s, s == hs.set("500,502-504"))
record("s(404), s(502)", pcall(call, s, 404))
record("s(502)", pcall(call, s, 502))

for _, line in ipairs(out) do print(line) end
print(("messages: %d calls"):format(#out))
