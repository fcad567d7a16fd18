-- bench/bench.lua: httpstatus against what a user would otherwise call or
-- write, in the same process, over the same inputs. See doc/performance.md.
--
--   lua5.4 bench/bench.lua [--quick]     (from the repository root; `make bench`
--   luajit bench/bench.lua [--quick]      runs it on every Lua, with the module
--                                         built for it on LUA_CPATH)
--
-- Each operation is timed against a baseline compiled from the same loop
-- template, so the two differ only in the expression timed:
--   - on PUC Lua, the hot lookups against a built-in C function of the same
--     shape, math.abs(x) (no function, in C or in Lua, can beat inline
--     code there: doc/performance.md);
--   - under LuaJIT, against the Lua a user would write inline: a table
--     lookup, a comparison;
--   - everywhere, the parsers against the idiomatic Lua parser.
-- Before timing, module and baseline are checked to agree where they
-- compute the same thing. The timed loop keeps every result (`last = r`,
-- no branch on it), so neither side wins by branch prediction. Each loop is
-- warmed up, sized to about 0.1 s, and timed in 9 rounds, taking turns; the
-- best round counts. The ratio is module / baseline. --quick runs tiny
-- rounds only to prove that everything runs.
--
-- HS_EDITION=pure measures the pure-Lua edition (lua/httpstatus/pure.lua)
-- instead, against the same baselines, with its own targets: under LuaJIT
-- the lookups no slower than inline Lua, on PUC Lua the parsers no slower
-- than the idiomatic Lua ones.

local pure = os.getenv("HS_EDITION") == "pure"
local hs
if pure then
  package.path = "lua/?.lua;" .. package.path
  hs = require "httpstatus.pure"
else
  hs = require "httpstatus"
end

local quick = arg and arg[1] == "--quick"
local ROUNDS = quick and 1 or 9
local unpack = rawget(table, "unpack") or unpack
local TARGET_TIME = quick and 0.002 or 0.1  -- seconds a round aims for
local clock = os.clock
local jit = rawget(_G, "jit")
local vm = (jit and jit.version or _VERSION) .. (pure and ", the pure-Lua edition" or "")

-- Inputs: a realistic mix, most responses 2xx and 3xx, some 4xx and 5xx, an
-- unassigned code and an unused one, 4096 long in a fixed pseudo-random
-- order, so that no side wins by the branch predictor learning a cycle.
local function shuffled(pool, n)
  local out, seed = {}, 12345
  for i = 1, n do
    seed = (seed * 1103515245 + 12345) % 2147483648
    out[i] = pool[math.floor(seed / 65536) % #pool + 1]  -- high bits: low ones cycle
  end
  return out
end
local codes = shuffled({ 200, 200, 200, 200, 200, 200, 304, 301, 302, 204, 404, 404, 403,
                         401, 429, 500, 502, 503, 418, 299 }, 4096)
local names = shuffled({ "Not Found", "not_found", "TOO_MANY_REQUESTS", "request entity too large",
                         "OK", "service unavailable", "Gateway Time-out", "I'm a teapot",
                         "bad request", "INTERNAL_SERVER_ERROR" }, 4096)
local lines = shuffled({ "HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found\r\n", "HTTP/2 200",
                         "HTTP/1.1 503 Service Unavailable\r\n", "HTTP/1.0 302 Moved Temporarily",
                         "HTTP/1.1 429 Too Many Requests", "HTTP/1.1 301 Moved Permanently\r\n",
                         "HTTP/1.1 204 No Content" }, 4096)
local specs = shuffled({ "500-504,!501", "5xx", "502,503,504", "4xx,5xx,!404", "429 500-599",
                         "200-299,304" }, 4096)
local dates = {}
for i = 1, 512 do dates[i] = hs.http_date(784111777 + i * 86413 * 37) end
local errors = shuffled({ 404, 404, 500, 503, 429, 400, 401, 403, 502 }, 4096)

-- What a user would write instead: plain tables and functions, in Lua.
local REASONS, CLASS_OF = {}, {}
for _, c in ipairs(hs.list()) do REASONS[c] = hs.reason(c) end
for c = 100, 599 do CLASS_OF[c] = hs.class(c) end
local NAMES = {}
for c = 100, 599 do  -- every code with a registry entry, the unused 306 and 418 too
  local function add(s) NAMES[s:gsub("[%s%-_']", ""):lower()] = c end
  if hs.info(c) then add(hs.name(c)) end
  if hs.reason(c) then add(hs.reason(c)) end
end
NAMES[("Request Entity Too Large"):gsub("[%s%-_']", ""):lower()] = 413
NAMES[("Gateway Time-out"):gsub("[%s%-_']", ""):lower()] = 504
local function set_of(spec)  -- a set, as a user writes one: a table of true
  local t = {}
  for _, c in ipairs(hs.set(spec):codes()) do t[c] = true end
  return t
end
local RETRY_ON = set_of("retryable")
local function lua_has(c) return RETRY_ON[c] == true end

-- An IMF-fixdate parser in idiomatic Lua: a pattern, a month table, and the
-- day count from the civil date (os.time would use the local time zone).
local MONTHS = { Jan = 1, Feb = 2, Mar = 3, Apr = 4, May = 5, Jun = 6, Jul = 7, Aug = 8, Sep = 9,
                 Oct = 10, Nov = 11, Dec = 12 }
local floor = math.floor
local function lua_parse_date(s)
  local d, mon, y, h, mi, sec = s:match("^%a%a%a, (%d%d) (%a%a%a) (%d%d%d%d) (%d%d):(%d%d):(%d%d) GMT$")
  local m = MONTHS[mon]
  if not m then return nil end
  y, d = tonumber(y), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local doy = floor((153 * (m > 2 and m - 3 or m + 9) + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return ((era * 146097 + doe - 719468) * 86400) + h * 3600 + mi * 60 + sec
end

-- A status-set parser in idiomatic Lua, for the specs above: codes,
-- ranges, classes and "!" items, into a table of true.
local function lua_set(spec)
  local set, minus = {}, {}
  for item in spec:gmatch("[^,%s]+") do
    local neg, atom = item:match("^(!?)(.+)$")
    local into = neg == "!" and minus or set
    local lo, hi = atom:match("^(%d%d%d)%-(%d%d%d)$")
    local cls = atom:match("^([1-5])xx$")
    if cls then lo, hi = cls * 100, cls * 100 + 99 elseif not lo then lo = atom; hi = atom end
    for c = tonumber(lo), tonumber(hi) do into[c] = true end
  end
  for c in pairs(minus) do set[c] = nil end
  return set
end
for _, spec in ipairs(specs) do
  local codes_of, mine = hs.set(spec):codes(), lua_set(spec)
  local n = 0
  for _ in pairs(mine) do n = n + 1 end
  assert(n == #codes_of, spec)
  for _, c in ipairs(codes_of) do assert(mine[c], spec) end
end

-- error_response (1.3): a browser's request, against lua-cjson encoding
-- hs.problem alone, and against the same job in plain Lua
local cjson_ok, cjson = pcall(require, "cjson")
local PLAIN_REASONS, PLAIN_DESCRIPTIONS = { en = {}, zh = {} }, { en = {}, zh = {} }
for _, c in ipairs(hs.list()) do
  PLAIN_REASONS.en[c], PLAIN_REASONS.zh[c] = hs.reason(c), hs.reason(c, "zh")
  PLAIN_DESCRIPTIONS.en[c], PLAIN_DESCRIPTIONS.zh[c] = hs.describe(c), hs.describe(c, "zh")
end
local plain_error = dofile("bench/plain_error.lua")(PLAIN_REASONS, PLAIN_DESCRIPTIONS)

-- what the expressions see, as locals of their chunk
local env = {
  hs = hs, math = math, REASONS = REASONS, CLASS_OF = CLASS_OF, NAMES = NAMES, lua_has = lua_has,
  set = hs.set("retryable"), lua_parse_date = lua_parse_date, tonumber = tonumber, lua_set = lua_set,
  CACHEABLE = set_of("cacheable"), EMPTY = set_of("204,205,304"), REDIRECT = set_of("redirect"),
  RETRYABLE = set_of("retryable"), plain_error = plain_error, cjson = cjson_ok and cjson or false,
  A = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8",
  AL = "zh-CN,zh;q=0.9,en;q=0.8",
}
local env_names, env_values = {}, {}
for k, v in pairs(env) do env_names[#env_names + 1] = k; env_values[#env_values + 1] = v end
local HEADER = "local " .. table.concat(env_names, ", ") .. " = ...\n"

-- name, inputs, module expression, baseline expression, targets { PUC, LuaJIT },
-- and whether the two compute the same (then they are checked to agree)
local PUC, JIT = 1, 2
local hot = {
  { "reason", codes, "hs.reason(x)", { "math.abs(x)", "REASONS[x]" }, { 1.15, 1.0 } },
  { "class", codes, "hs.class(x)", { "math.abs(x)", "CLASS_OF[x]" }, { 1.15, 1.0 } },
}
for _, p in ipairs {
  { "is_valid", "x >= 100 and x <= 599" }, { "is_informational", "x >= 100 and x < 200" },
  { "is_success", "x >= 200 and x < 300" }, { "is_redirection", "x >= 300 and x < 400" },
  { "is_client_error", "x >= 400 and x < 500" }, { "is_server_error", "x >= 500 and x < 600" },
  { "is_error", "x >= 400 and x < 600" },
} do
  hot[#hot + 1] = { p[1], codes, "hs." .. p[1] .. "(x)", { "math.abs(x)", p[2] }, { 1.15, 1.2 } }
end
for _, p in ipairs {
  { "is_registered", "REASONS[x] ~= nil" }, { "is_cacheable", "CACHEABLE[x] == true" },
  { "is_empty", "(x >= 100 and x < 200) or EMPTY[x] == true" }, { "is_redirect", "REDIRECT[x] == true" },
  { "is_retryable", "RETRYABLE[x] == true" },
} do
  hot[#hot + 1] = { p[1], codes, "hs." .. p[1] .. "(x)", { "math.abs(x)", p[2] }, { 1.15, 1.2 } }
end
local cases = {
  { "set:has", codes, "set:has(x)", { "math.abs(x)", "lua_has(x)" }, { 1.3, 1.0 } },
  { "set:has", codes, "set:has(x)", { "lua_has(x)", nil }, { 1.0, nil } },
  { "code", names, "hs.code(x)", "NAMES[x:gsub(\"[%s%-_']\", \"\"):lower()]", { 0.3, 0.5 } },
  { "parse_status_line", lines, "hs.parse_status_line(x)",
    "tonumber((x:match(\"^HTTP/%d[%.%d]* (%d%d%d) ?[^\\r\\n]*\\r?\\n?$\")))", { 0.3, 0.5 } },
  { "parse_http_date", dates, "hs.parse_http_date(x)", "lua_parse_date(x)", { 0.1, 0.2 } },
  { "set", specs, "hs.set(x)", "lua_set(x)", { 0.3, 0.5 } },
  { "error_response", errors, "hs.error_response(x, { accept = A, accept_language = AL })",
    cjson_ok and "cjson.encode(hs.problem(x))" or nil, { 1.0, 1.0 } },
  { "error_response", errors, "hs.error_response(x, { accept = A, accept_language = AL })",
    "plain_error(x, A, AL)", { 0.3, 0.3 } },
}
if not cjson_ok then print("bench: no lua-cjson for " .. vm .. ": error_response is not measured against it") end
-- the pure edition's targets: { PUC, LuaJIT }
local PURE_TARGETS = {
  reason = { nil, 1.0 }, class = { nil, 1.0 }, ["set:has"] = { nil, 1.0 }, code = { 1.0, nil },
  parse_status_line = { 1.0, nil }, parse_http_date = { 1.0, nil }, set = { 1.0, nil }, error_response = {},
}
local function target_of(name, targets, column)
  if not pure then return targets[column] end
  local t = PURE_TARGETS[name] or (name:find("^is_") and { nil, 1.0 }) or {}
  return t[column]
end

-- The loop a case is timed in; `last = r` keeps every result alive.
local TEMPLATE = [[
return function(inputs, n)
  local m, last = #inputs, nil
  for i = 1, n do
    local x = inputs[i %% m + 1]
    local r = %s
    last = r
  end
  return last
end
]]

local function compile(expr)
  local chunk = assert((loadstring or load)(HEADER .. TEMPLATE:format(expr), "=bench"))
  return chunk(unpack(env_values))
end

-- Both expressions must give the same answer on every input (as truth values
-- for the predicates, whose baselines are comparisons).
local function agree(a, b, inputs)
  local fa = assert((loadstring or load)(HEADER .. "return function(x) return " .. a .. " end", "=check"))(
    unpack(env_values))
  local fb = assert((loadstring or load)(HEADER .. "return function(x) return " .. b .. " end", "=check"))(
    unpack(env_values))
  for _, x in ipairs(inputs) do
    local ra, rb = fa(x), fb(x)
    if type(ra) == "boolean" then rb = not not rb end
    assert(ra == rb, ("%s and %s disagree on %s: %s, %s"):format(a, b, tostring(x), tostring(ra), tostring(rb)))
  end
end

-- Iterations for one round of f to take about TARGET_TIME (after a warm-up,
-- which also lets the JIT compile it).
local function calibrate(f, inputs)
  local n, d = 1000, 0
  f(inputs, n)
  while n < 1e9 do
    local t = clock()
    f(inputs, n)
    d = clock() - t
    if d >= TARGET_TIME / 4 then break end
    n = n * 2
  end
  return math.max(1000, math.floor(n * TARGET_TIME / math.max(d, 1e-6)))
end

-- ns per operation of each function, best of ROUNDS; they take turns.
local function measure(fs, inputs)
  local ns, best = {}, {}
  for i, f in ipairs(fs) do ns[i], best[i] = calibrate(f, inputs), math.huge end
  for _ = 1, ROUNDS do
    for i, f in ipairs(fs) do
      local t = clock()
      f(inputs, ns[i])
      local d = clock() - t
      if d < best[i] then best[i] = d end
    end
  end
  for i = 1, #fs do best[i] = best[i] / ns[i] * 1e9 end
  return unpack(best)
end

local col = jit and JIT or PUC
local missed, rows = 0, 0
local function row(name, base_expr, tm, tb, target)
  local ratio = tm / tb
  local verdict = target and (ratio <= target and "met" or "MISSED") or ""
  if verdict == "MISSED" then missed = missed + 1 end
  rows = rows + 1
  print(("%-18s %-26s %9.1f %9.1f %7.2f %7s  %s"):format(name, base_expr:sub(1, 26), tm, tb, ratio,
    target and ("<= " .. target) or "-", verdict))
end

print(("httpstatus benchmark on %s%s"):format(vm, quick and " (quick mode: numbers mean nothing)" or ""))
print(("%-18s %-26s %9s %9s %7s %7s"):format("operation", "against", "module ns", "base ns", "ratio", "target"))
for _, case in ipairs(hot) do
  local name, inputs, mexpr, base = case[1], case[2], case[3], case[4][col]
  local target = target_of(name, case[5], col)
  if not jit then agree(mexpr, case[4][JIT], inputs) else agree(mexpr, base, inputs) end
  local tm, tb = measure({ compile(mexpr), compile(base) }, inputs)
  row(name, base, tm, tb, target)
end
for _, case in ipairs(cases) do
  local name, inputs, mexpr, base = case[1], case[2], case[3], case[4]
  local target = target_of(name, case[5], col)
  if type(base) == "table" then base = base[col] end
  if base then
    -- (a set and a table of true cannot be compared: checked above; nor an
    -- error response and the problem object or the plain version)
    if not base:find("math.abs", 1, true) and name ~= "set" and name ~= "error_response" then
      agree(mexpr, base, inputs)
    end
    local tm, tb = measure({ compile(mexpr), compile(base) }, inputs)
    row(name, base, tm, tb, target)
  end
end
print(("bench: %s, %d rows, %d target(s) missed"):format(vm, rows, missed))
