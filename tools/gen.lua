-- tools/gen.lua: turns data/statuses.lua into src/core/hs_data.inc, and
-- data/mappings.lua into src/core/hs_map_data.inc: C tables that the core files
-- include (hs_core.c, hs_map.c), so that all of them stay static. For the
-- pure-Lua edition, it writes the same facts as Lua tables into the
-- generated part of lua/httpstatus/pure.lua (between its two GENERATED
-- lines), leaving the hand-written logic around it as it is.
--
--   lua tools/gen.lua [data/statuses.lua [src/core/hs_data.inc]]     ("-" writes to stdout)
--   lua tools/gen.lua --mappings [data/mappings.lua [src/core/hs_map_data.inc]]
--   lua tools/gen.lua --pure [lua/httpstatus/pure.lua]   (from data/statuses.lua,
--                        data/mappings.lua and the version in src/core/httpstatus.h)
--   lua tools/gen.lua --types    the constants in types/library/httpstatus.lua (LuaCATS)
--                        and types/httpstatus.d.tl (Teal)
--
-- Runs on Lua 5.1-5.5 and LuaJIT; the output does not depend on which.
-- Loaded with dofile() it returns { generate = function(data) -> string,
-- generate_mappings = function(data) -> string, update_pure = function(text,
-- data, mappings, version) -> string, ... }, which spec/00-data_spec.lua
-- uses to check the committed files are current.

local M = {}

local function fail(msg) error("gen.lua: " .. msg, 0) end

-- Constant name of a phrase: upper case, apostrophes dropped,
-- every run of other non-alphanumerics becomes one "_".
function M.constant_name(phrase)
  local s = phrase:gsub("['\226\128\153]", ""):upper():gsub("[^%w]+", "_")
  return (s:gsub("^_+", ""):gsub("_+$", ""))
end

-- Lookup key: what hs_lookup compares (hs_core.c does the same per byte).
function M.key(s)
  return (s:gsub("\226\128\153", ""):gsub("[ \t%-_']", ""):upper())
end

-- Byte order, whatever the locale (Lua's < on strings uses strcoll).
local function byte_less(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = a:byte(i), b:byte(i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

local function cstring(s)
  if s == nil then return "NULL" end
  local out = s:gsub('[%z\1-\31"\\\127-\255]', function(c)
    return string.format("\\%03o", c:byte())
  end)
  return '"' .. out .. '"'
end

local registries = { permanent = "HS_PERMANENT", temporary = "HS_TEMPORARY",
                     obsoleted = "HS_OBSOLETED", unused = "HS_UNUSED" }
local redirects = { keep = "HS_REDIRECT_KEEP", get = "HS_REDIRECT_GET",
                    post_to_get = "HS_REDIRECT_POST_TO_GET" }
local levels = { MUST = "HS_MUST", SHOULD = "HS_SHOULD", MAY = "HS_MAY" }

local function check(data)
  if type(data.registry_date) ~= "string" or not data.registry_date:match("^%d%d%d%d%-%d%d%-%d%d$") then
    fail("registry_date must be YYYY-MM-DD")
  end
  local last = 0
  for _, e in ipairs(data.statuses) do
    local c = e.code
    if type(c) ~= "number" or c < 100 or c > 599 or c % 1 ~= 0 then
      fail("bad code " .. tostring(c))
    end
    if c <= last then fail("codes must be unique and ascending at " .. c) end
    last = c
    local registry = e.registry or "permanent"
    if not registries[registry] then fail(c .. ": bad registry " .. registry) end
    if (registry == "unused") ~= (e.reason == nil) then
      fail(c .. ": exactly the unused codes have no reason")
    end
    if not (e.reason or e.name) then fail(c .. ": needs a reason or a name") end
    if e.redirect and not redirects[e.redirect] then fail(c .. ": bad redirect") end
    for _, f in ipairs { "ref", "en", "zh", "zh_hant" } do
      if type(e[f]) ~= "string" or e[f] == "" then fail(c .. ": missing " .. f) end
    end
    if (e.reason == nil) ~= (e.zh_reason == nil) or (e.reason == nil) ~= (e.zh_hant_reason == nil) then
      fail(c .. ": zh_reason and zh_hant_reason go with reason")
    end
    if (registry == "temporary") ~= (e.expires ~= nil) then
      fail(c .. ": exactly the temporary registrations have an expiry date")
    end
    if e.expires and not e.expires:match("^%d%d%d%d%-%d%d%-%d%d$") then
      fail(c .. ": expires must be YYYY-MM-DD")
    end
    for _, a in ipairs(e.aliases or {}) do
      if type(a[1]) ~= "string" or type(a[2]) ~= "string" then
        fail(c .. ": an alias is { phrase, source }")
      end
    end
    for _, h in ipairs(e.headers or {}) do
      if type(h[1]) ~= "string" or not h[1]:match("^[%w%-]+$") or not levels[h[2]] then
        fail(c .. ': a header is { name, "MUST" | "SHOULD" | "MAY" }')
      end
    end
  end
  if type(data.classes) ~= "table" or #data.classes ~= 5 then fail("classes: one title each for 1xx-5xx") end
  for i, t in ipairs(data.classes) do
    if type(t.en) ~= "string" or type(t.zh) ~= "string" or type(t.zh_hant) ~= "string" then
      fail("class " .. i .. ": needs en, zh and zh_hant")
    end
  end
  last = 0
  for _, u in ipairs(data.unofficial) do
    if u.code < last then fail("unofficial codes must be sorted at " .. u.code) end
    last = u.code
    if not (u.reason and u.source) then fail(u.code .. ": unofficial needs reason and source") end
  end
end

-- The HS_F_* flags of an entry (every 1xx is empty).
local function flags_of(e)
  local flags = {}
  if e.cacheable then flags[#flags + 1] = "HS_F_CACHEABLE" end
  if e.empty or e.code < 200 then flags[#flags + 1] = "HS_F_EMPTY" end
  if e.redirect then flags[#flags + 1] = "HS_F_REDIRECT" end
  if e.retryable then flags[#flags + 1] = "HS_F_RETRYABLE" end
  return flags
end

-- The constants (every name, current and former, in registry order) and
-- the lookup keys (key -> code) of the data.
local function names_of(data)
  local constants, keys = {}, {}
  local function add_key(k, code, what)
    if keys[k] and keys[k] ~= code then
      fail(("key %s (%s) names both %d and %d"):format(k, what, keys[k], code))
    end
    keys[k] = code
  end
  local function add_constant(name, code)
    for _, c in ipairs(constants) do
      if c.name == name then
        if c.code ~= code then fail("constant " .. name .. " names two codes") end
        return
      end
    end
    constants[#constants + 1] = { name = name, code = code }
  end
  for _, e in ipairs(data.statuses) do
    local c = e.code
    local name = e.name or M.constant_name(e.reason)
    add_constant(name, c)
    add_key(M.key(name), c, name)
    if e.reason then add_key(M.key(e.reason), c, e.reason) end
    for _, old in ipairs(e.former or {}) do
      add_constant(M.constant_name(old), c)
      add_key(M.key(old), c, old)
    end
    for _, alias in ipairs(e.aliases or {}) do add_key(M.key(alias[1]), c, alias[1]) end
  end
  local sorted = {}
  for k in pairs(keys) do sorted[#sorted + 1] = k end
  table.sort(sorted, byte_less)
  return constants, keys, sorted
end

function M.generate(data)
  check(data)
  local out = {}
  local function put(...) out[#out + 1] = table.concat({ ... }) end

  put("/*\n * hs_data.inc - GENERATED by tools/gen.lua from data/statuses.lua.\n",
      " * Do not edit: change data/statuses.lua and run `make generate`.\n",
      " * Included by hs_core.c, so that all of it stays static.\n */\n")

  -- Entries.
  -- Former names: one NULL-terminated list per entry that has them.
  put("\nstatic const char *const hs_data_no_former[] = { NULL };\n")
  for _, e in ipairs(data.statuses) do
    if e.former and #e.former > 0 then
      local names = {}
      for _, old in ipairs(e.former) do names[#names + 1] = cstring(old) end
      put("static const char *const hs_data_former_", e.code, "[] = { ",
          table.concat(names, ", "), ", NULL };\n")
    end
  end

  put("\nstatic const hs_status hs_data_statuses[] = {\n")
  local index = {}
  local constants, keys, sorted = names_of(data)
  for i, e in ipairs(data.statuses) do
    local c = e.code
    index[c] = i
    local name = e.name or M.constant_name(e.reason)
    local flags = flags_of(e)
    put("  { ", c, ", ", cstring(e.reason), ", ", cstring(name), ",\n    ",
        cstring(e.ref), ",\n    ", cstring(e.en), ",\n    ",
        cstring(e.zh_reason), ",\n    ", cstring(e.zh), ",\n    ",
        (e.former and #e.former > 0) and ("hs_data_former_" .. c) or "hs_data_no_former", ", ",
        cstring(e.expires), ",\n    ",
        registries[e.registry or "permanent"], ", ",
        #flags > 0 and table.concat(flags, " | ") or "0", ", ",
        redirects[e.redirect] or "HS_REDIRECT_NONE", " },\n")
  end
  put("};\n\n#define HS_DATA_NSTATUSES ", #data.statuses, "\n")
  put("\n/* the Traditional Chinese phrase and description of each entry, in the\n",
      " * same order (1.3: a table of its own, so that hs_status keeps its ABI) */\n",
      "static const char *const hs_data_zh_hant[HS_DATA_NSTATUSES][2] = {\n")
  for _, e in ipairs(data.statuses) do
    put("  { ", cstring(e.zh_hant_reason), ",\n    ", cstring(e.zh_hant), " },\n")
  end
  put("};\n")

  -- Direct index: code - 100 -> entry number + 1 (0: no entry).
  put("\n/* code - 100 -> index into hs_data_statuses + 1; 0 means no entry */\n",
      "static const unsigned char hs_data_index[500] = {\n")
  for row = 100, 599, 20 do
    local cells = {}
    for c = row, row + 19 do cells[#cells + 1] = tostring(index[c] or 0) end
    put("  ", table.concat(cells, ","), ",\n")
  end
  put("};\n")

  -- Flags by code: code - 100 -> HS_F_* and HS_DATA_F_REGISTERED, so that
  -- every predicate is one load.
  put("\n/* code - 100 -> HS_F_* flags, and HS_DATA_F_REGISTERED for an assigned code */\n",
      "#define HS_DATA_F_REGISTERED 0x80u\n",
      "static const unsigned char hs_data_flags[500] = {\n")
  for _, e in ipairs(data.statuses) do
    local bits = flags_of(e)
    if (e.registry or "permanent") ~= "unused" then bits[#bits + 1] = "HS_DATA_F_REGISTERED" end
    if #bits > 0 then put("  [", e.code, " - 100] = ", table.concat(bits, " | "), ",\n") end
  end
  put("};\n")

  -- Direct phrases: code - 100 -> phrase, so that hs_reason is one load.
  put("\n/* code - 100 -> registered phrase, or NULL */\n",
      "static const char *const hs_data_reason[500] = {\n")
  for _, e in ipairs(data.statuses) do
    if e.reason then put("  [", e.code, " - 100] = ", cstring(e.reason), ",\n") end
  end
  put("};\n")

  -- Constants, in registry order.
  put("\nstatic const hs_constant hs_data_constants[] = {\n")
  for _, k in ipairs(constants) do put("  { ", cstring(k.name), ", ", k.code, " },\n") end
  put("};\n\n#define HS_DATA_NCONSTANTS ", #constants, "\n")

  -- Lookup keys, sorted bytewise for a binary search.
  local keymax = 0
  for _, k in ipairs(sorted) do
    if #k > keymax then keymax = #k end
  end
  put("\n/* hs_lookup keys: upper case, without spaces, '-', '_' and apostrophes */\n",
      "static const hs_constant hs_data_keys[] = {\n")
  for _, k in ipairs(sorted) do put("  { ", cstring(k), ", ", keys[k], " },\n") end
  put("};\n\n#define HS_DATA_NKEYS ", #sorted, "\n#define HS_DATA_KEYMAX ", keymax, "\n")

  -- Unofficial codes.
  put("\nstatic const hs_unofficial hs_data_unofficial[] = {\n")
  for _, u in ipairs(data.unofficial) do
    put("  { ", u.code, ", ", cstring(u.reason), ", ", cstring(u.source), ", ", cstring(u.note), " },\n")
  end
  put("};\n\n#define HS_DATA_NUNOFFICIAL ", #data.unofficial, "\n")

  -- The header fields each code requires, by code: its entry's reference.
  put("\n/* the response header fields a code's section ties to it, by code */\n",
      "static const hs_header hs_data_headers[] = {\n")
  local header_codes = {}
  for _, e in ipairs(data.statuses) do
    for _, h in ipairs(e.headers or {}) do
      header_codes[#header_codes + 1] = e.code
      put("  { ", cstring(h[1]), ", ", levels[h[2]], ", ", cstring(e.ref), " },\n")
    end
  end
  put("};\n\n#define HS_DATA_NHEADERS ", #header_codes, "\n",
      "static const short hs_data_header_code[HS_DATA_NHEADERS] = { ", table.concat(header_codes, ", "), " };\n")

  put("\n/* the title of each class, by class and language (HS_LANG_*) */\n",
      "static const char *const hs_data_class_titles[5][HS_LANG_COUNT] = {\n")
  for _, t in ipairs(data.classes) do
    put("  { ", cstring(t.en), ", ", cstring(t.zh), ", ", cstring(t.zh_hant), " },\n")
  end
  put("};\n")

  put("\n/* the \"last updated\" date of the IANA registry copy the data follows */\n",
      "#define HS_DATA_REGISTRY_DATE ", cstring(data.registry_date), "\n")
  return table.concat(out)
end

-- The temporary registrations whose expiry date is before `today`
-- ("YYYY-MM-DD"), as { code = ..., expires = ... }: the registry may have
-- changed since data.registry_date. Script mode prints them as warnings;
-- a date that has passed is news to check, never a failure.
function M.expired(data, today)
  local list = {}
  for _, e in ipairs(data.statuses) do
    if e.expires and e.expires < today then list[#list + 1] = { code = e.code, expires = e.expires } end
  end
  return list
end

-- The C tables of data/mappings.lua (see hs_map.c).
function M.generate_mappings(data)
  local out = {}
  local function put(...) out[#out + 1] = table.concat({ ... }) end
  local by_name = {}
  for i, g in ipairs(data.grpc) do
    if g.code ~= i - 1 then fail("grpc codes must be 0, 1, 2 ... in order, at " .. g.name) end
    if type(g.http) ~= "number" or g.http < 100 or g.http > 599 then fail(g.name .. ": bad http") end
    by_name[g.name] = g.code
  end
  if not by_name[data.http_to_grpc_other] then fail("http_to_grpc_other is not a gRPC name") end
  put("/*\n * hs_map_data.inc - GENERATED by tools/gen.lua from data/mappings.lua.\n",
      " * Do not edit: change data/mappings.lua and run `make generate`.\n",
      " * Included by hs_map.c, so that all of it stays static.\n */\n")
  put("\n/* gRPC status codes, by number, with google.rpc.Code's HTTP mapping */\n",
      "static const hs_grpc_status hs_data_grpc[] = {\n")
  for _, g in ipairs(data.grpc) do put("  { ", g.code, ", ", cstring(g.name), ", ", g.http, " },\n") end
  put("};\n\n#define HS_DATA_NGRPC ", #data.grpc, "\n")
  local codes = {}
  for code, name in pairs(data.http_to_grpc) do
    if not by_name[name] then fail(code .. ": " .. name .. " is not a gRPC name") end
    codes[#codes + 1] = code
  end
  table.sort(codes)
  put("\n/* gRPC's HTTP to gRPC mapping, for a response without grpc-status */\n",
      "static const struct { int http, grpc; } hs_data_http_to_grpc[] = {\n")
  for _, code in ipairs(codes) do put("  { ", code, ", ", by_name[data.http_to_grpc[code]], " },\n") end
  put("};\n\n#define HS_DATA_NHTTP_TO_GRPC ", #codes, "\n",
      "#define HS_DATA_HTTP_TO_GRPC_OTHER ", by_name[data.http_to_grpc_other], "\n")
  put("\n/* OpenTelemetry: the classes whose codes make a span's status Error, as bits */\n")
  for _, kind in ipairs { "server", "client" } do
    local bits = 0
    for _, cls in ipairs(data.span_error_classes[kind]) do bits = bits + 2 ^ cls end
    put("#define HS_DATA_SPAN_ERROR_", kind:upper(), " ", ("%d"):format(bits), "\n")
  end
  put("\n/* RFC 9457: the type of a problem that names none */\n",
      "#define HS_DATA_PROBLEM_TYPE ", cstring(data.problem_type), "\n")
  return table.concat(out)
end

-- A Lua string literal of s: quotes and backslashes escaped, control
-- bytes as three-digit decimal escapes, other bytes (UTF-8 text) as they are.
local function luastring(s)
  return '"' .. s:gsub('[%z\1-\31"\\\127]', function(c)
    if c == '"' or c == "\\" then return "\\" .. c end
    return ("\\%03d"):format(c:byte())
  end) .. '"'
end

local function lua_or_false(s) return s == nil and "false" or luastring(s) end

-- The two lines around the generated part of lua/httpstatus/pure.lua.
M.PURE_BEGIN = "-- GENERATED: the data, written by tools/gen.lua --pure from data/ (`make generate`); do not edit\n"
M.PURE_END = "-- GENERATED END\n"

-- The generated part of the pure-Lua edition: the facts of data/statuses.lua
-- and data/mappings.lua as Lua tables, and the version.
function M.generate_pure(data, mappings, version)
  check(data)
  M.generate_mappings(mappings)  -- checks them
  local out = {}
  local function put(...) out[#out + 1] = table.concat({ ... }) end
  put(M.PURE_BEGIN)
  put("local VERSION = ", luastring("httpstatus " .. version), "\n")
  put("local REGISTRY_DATE = ", luastring(data.registry_date), "\n")
  put("-- each entry: code, phrase, constant name, registry status, reference,\n",
      "-- description, Simplified Chinese phrase and description, former names, expiry\n",
      "-- date, flags (c cacheable, e empty, d redirect, r retryable), how a\n",
      "-- redirect chooses the method, Traditional Chinese phrase and description;\n",
      "-- false where there is none\n",
      "local ENTRIES = {\n")
  for _, e in ipairs(data.statuses) do
    local flags = ""
    if e.cacheable then flags = flags .. "c" end
    if e.empty or e.code < 200 then flags = flags .. "e" end
    if e.redirect then flags = flags .. "d" end
    if e.retryable then flags = flags .. "r" end
    local former = {}
    for i, old in ipairs(e.former or {}) do former[i] = luastring(old) end
    put("  { ", e.code, ", ", lua_or_false(e.reason), ", ", luastring(e.name or M.constant_name(e.reason)), ", ",
        luastring(e.registry or "permanent"), ", ", luastring(e.ref), ",\n    ", luastring(e.en), ",\n    ",
        lua_or_false(e.zh_reason), ", ", luastring(e.zh), ",\n    { ", table.concat(former, ", "),
        #former > 0 and " }, " or "}, ", lua_or_false(e.expires), ", ", luastring(flags), ", ",
        lua_or_false(e.redirect), ",\n    ", lua_or_false(e.zh_hant_reason), ", ", luastring(e.zh_hant), " },\n")
  end
  put("}\n")
  put("-- the response header fields a code's section (its reference) ties to it:\n",
      "-- code -> { name, level, ... }\n", "local HEADERS = {\n")
  for _, e in ipairs(data.statuses) do
    if e.headers then
      local items = {}
      for _, h in ipairs(e.headers) do items[#items + 1] = luastring(h[1]) .. ", " .. luastring(h[2]) end
      put("  [", e.code, "] = { ", table.concat(items, ", "), " },\n")
    end
  end
  put("}\n")
  put("-- the title of each class: English, Simplified and Traditional Chinese\n", "local CLASS_TITLES = {\n")
  for _, t in ipairs(data.classes) do
    put("  { ", luastring(t.en), ", ", luastring(t.zh), ", ", luastring(t.zh_hant), " },\n")
  end
  put("}\n")
  local constants, keys, sorted = names_of(data)
  put("-- every constant name, current and former, then its code, in registry order\n",
      "local CONSTANTS = {\n")
  for _, k in ipairs(constants) do put("  ", luastring(k.name), ", ", k.code, ",\n") end
  put("}\n")
  put("-- what hs.code compares: upper case, without spaces, tabs, '-', '_' and apostrophes\n",
      "local KEYS = {\n")
  for _, k in ipairs(sorted) do put("  [", luastring(k), "] = ", keys[k], ",\n") end
  put("}\n")
  put("-- codes outside the registry: code, phrase, source, note\n", "local UNOFFICIAL = {\n")
  for _, u in ipairs(data.unofficial) do
    put("  { ", u.code, ", ", luastring(u.reason), ", ", luastring(u.source), ", ", lua_or_false(u.note), " },\n")
  end
  put("}\n")
  local by_name = {}
  put("-- gRPC status codes from 0: name, and the HTTP code google.rpc.Code documents\n", "local GRPC = {\n")
  for _, g in ipairs(mappings.grpc) do
    by_name[g.name] = g.code
    put("  { ", luastring(g.name), ", ", g.http, " },\n")
  end
  put("}\n")
  local codes = {}
  for code in pairs(mappings.http_to_grpc) do codes[#codes + 1] = code end
  table.sort(codes)
  put("-- gRPC's HTTP to gRPC mapping, for a response without grpc-status\n", "local HTTP_TO_GRPC = {")
  for i, code in ipairs(codes) do
    put(i == 1 and " " or ", ", "[", code, "] = ", by_name[mappings.http_to_grpc[code]])
  end
  put(" }\n", "local HTTP_TO_GRPC_OTHER = ", by_name[mappings.http_to_grpc_other], "\n")
  put("-- OpenTelemetry: the classes whose codes make a span's status Error\n", "local SPAN_ERROR_CLASSES = {")
  for i, kind in ipairs { "server", "client" } do
    local cls = {}
    for j, c in ipairs(mappings.span_error_classes[kind]) do cls[j] = "[" .. c .. "] = true" end
    put(i == 1 and " " or ", ", kind, " = { ", table.concat(cls, ", "), " }")
  end
  put(" }\n", "local PROBLEM_TYPE = ", luastring(mappings.problem_type), "\n")
  put(M.PURE_END)
  return table.concat(out)
end

-- text (the pure edition's file) with its generated part made anew.
function M.update_pure(text, data, mappings, version)
  local b = text:find(M.PURE_BEGIN, 1, true)
  local e = text:find(M.PURE_END, 1, true)
  if not b or not e or e < b then fail("the pure edition's file has no GENERATED lines") end
  return text:sub(1, b - 1) .. M.generate_pure(data, mappings, version) .. text:sub(e + #M.PURE_END)
end

-- The lines between the line holding "-- GENERATED: the constants" and the
-- next "-- GENERATED END" of the types' files, made anew: each constant as
-- line(name, code), at the marker's indentation.
local TYPES_BEGIN = "-- GENERATED: the constants, written by tools/gen.lua --types from data/ "
  .. "(`make generate`); do not edit"
function M.update_types(text, data, line)
  local b, e = text:find("\n[ \t]*" .. TYPES_BEGIN:gsub("%p", "%%%0") .. "\n")
  if not b then fail("no GENERATED line for the constants") end
  local indent = text:sub(b + 1, e):match("^[ \t]*")
  local stop = text:find("\n[ \t]*%-%- GENERATED END\n", e)
  if not stop then fail("no GENERATED END after the constants") end
  local constants = names_of(data)
  local out = {}
  for _, k in ipairs(constants) do out[#out + 1] = indent .. line(k.name, k.code) .. "\n" end
  return text:sub(1, e) .. table.concat(out) .. text:sub(stop + 1)
end
M.TYPES = {
  ["types/library/httpstatus.lua"] = function(name, code) return ("hs.%s = %d"):format(name, code) end,
  ["types/httpstatus.d.tl"] = function(name) return ("%s: integer"):format(name) end,
}

-- The version in src/core/httpstatus.h (HS_VERSION), where every build reads it.
function M.version(header)
  local f = assert(io.open(header or "src/core/httpstatus.h", "rb"))
  local v = f:read("*a"):match('#define HS_VERSION "([^"]+)"')
  f:close()
  return v or fail("no HS_VERSION in src/core/httpstatus.h")
end

function M.load(path)
  local chunk = assert(loadfile(path or "data/statuses.lua"))
  return chunk()
end

-- Script mode: only when this file is the program being run.
if arg and arg[0] and arg[0]:match("gen%.lua$") and arg[1] == "--types" then
  for path, line in pairs(M.TYPES) do
    local f = assert(io.open(path, "rb"))
    local text = f:read("*a")
    f:close()
    text = M.update_types(text, M.load("data/statuses.lua"), line)
    f = assert(io.open(path, "wb"))
    f:write(text)
    f:close()
  end
elseif arg and arg[0] and arg[0]:match("gen%.lua$") and arg[1] == "--pure" then
  local path = arg[2] or "lua/httpstatus/pure.lua"
  local f = assert(io.open(path, "rb"))
  local text = f:read("*a")
  f:close()
  text = M.update_pure(text, M.load("data/statuses.lua"), M.load("data/mappings.lua"), M.version())
  f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
elseif arg and arg[0] and arg[0]:match("gen%.lua$") then
  local mappings = arg[1] == "--mappings"
  local first = mappings and 2 or 1
  local src = arg[first] or (mappings and "data/mappings.lua" or "data/statuses.lua")
  local dst = arg[first + 1] or (mappings and "src/core/hs_map_data.inc" or "src/core/hs_data.inc")
  local data = M.load(src)
  local text = (mappings and M.generate_mappings or M.generate)(data)
  if not mappings then
    for _, e in ipairs(M.expired(data, os.date("!%Y-%m-%d"))) do
      io.stderr:write(("gen.lua: warning: %d's temporary registration expired on %s; the data follows "
        .. "the registry as of %s: check the current registry\n"):format(e.code, e.expires, data.registry_date))
    end
  end
  if dst == "-" then
    io.write(text)
  else
    local f = assert(io.open(dst, "wb"))
    f:write(text)
    f:close()
  end
end

return M
