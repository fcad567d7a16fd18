-- bench/bench.lua: httpstatus against the pure Lua a user would write
-- instead, in the same process, over the same inputs. See doc/performance.md.
--
--   lua5.4 bench/bench.lua [--quick]        (run from the repository root;
--   luajit bench/bench.lua [--quick]         `make bench` does both)
--
-- Every operation and its baseline are compiled from one loop template, so
-- they differ only in the expression timed. Each is warmed up, then timed
-- in several rounds; the best round counts. The ratio is module / pure Lua:
-- below 1 the module is faster. --quick runs tiny rounds to prove it works.

local hs = require "httpstatus"

local quick = arg and arg[1] == "--quick"
local ROUNDS = quick and 1 or 9
local unpack = rawget(table, "unpack") or unpack
local TARGET_TIME = quick and 0.002 or 0.1  -- seconds a round aims for
local clock = os.clock
local jit = rawget(_G, "jit")
local vm = jit and jit.version or _VERSION

-- Inputs: a realistic mix, most responses being 2xx and 3xx, drawn in a
-- fixed pseudo-random order 4096 long, so that neither side wins by the
-- branch predictor learning a short cycle.
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

-- What a user would build instead: plain tables, written out in Lua.
local REASONS = {}
for _, c in ipairs(hs.list()) do REASONS[c] = hs.reason(c) end
local NAMES = {}
for c = 100, 599 do  -- every code with a registry entry, the unused 306 and 418 too
  local function add(s) NAMES[s:gsub("[%s%-_']", ""):lower()] = c end
  if hs.info(c) then add(hs.name(c)) end
  if hs.reason(c) then add(hs.reason(c)) end
end
NAMES[("Request Entity Too Large"):gsub("[%s%-_']", ""):lower()] = 413
NAMES[("Gateway Time-out"):gsub("[%s%-_']", ""):lower()] = 504
local function set(list) local s = {} for _, v in ipairs(list) do s[v] = true end return s end
local CACHEABLE = set { 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501 }
local RETRYABLE = set { 408, 425, 429, 500, 502, 503, 504 }
local REDIRECT = set { 301, 302, 303, 307, 308 }
local EMPTY = set { 204, 205, 304 }
local function lua_class(c)
  if c >= 100 and c < 200 then return "informational"
  elseif c >= 200 and c < 300 then return "successful"
  elseif c >= 300 and c < 400 then return "redirection"
  elseif c >= 400 and c < 500 then return "client_error"
  elseif c >= 500 and c < 600 then return "server_error" end
  return nil
end

local env = {
  hs = hs, REASONS = REASONS, NAMES = NAMES, CACHEABLE = CACHEABLE, RETRYABLE = RETRYABLE,
  REDIRECT = REDIRECT, EMPTY = EMPTY, lua_class = lua_class, tonumber = tonumber,
}

-- name, input list, module expression, pure-Lua expression, targets {5.4, LuaJIT}
local cases = {
  { "reason", codes, "hs.reason(x)", "REASONS[x]", { 1.0, 1.5 } },
  { "class", codes, "hs.class(x)", "lua_class(x)", { 1.0, 1.5 } },
  { "is_valid", codes, "hs.is_valid(x)", "x >= 100 and x <= 599", { 1.0, 1.5 } },
  { "is_informational", codes, "hs.is_informational(x)", "x >= 100 and x < 200", { 1.0, 1.5 } },
  { "is_success", codes, "hs.is_success(x)", "x >= 200 and x < 300", { 1.0, 1.5 } },
  { "is_redirection", codes, "hs.is_redirection(x)", "x >= 300 and x < 400", { 1.0, 1.5 } },
  { "is_client_error", codes, "hs.is_client_error(x)", "x >= 400 and x < 500", { 1.0, 1.5 } },
  { "is_server_error", codes, "hs.is_server_error(x)", "x >= 500 and x < 600", { 1.0, 1.5 } },
  { "is_error", codes, "hs.is_error(x)", "x >= 400 and x < 600", { 1.0, 1.5 } },
  { "is_cacheable", codes, "hs.is_cacheable(x)", "CACHEABLE[x]", { 1.0, 1.5 } },
  { "is_empty", codes, "hs.is_empty(x)", "(x >= 100 and x < 200) or EMPTY[x]", { 1.0, 1.5 } },
  { "is_redirect", codes, "hs.is_redirect(x)", "REDIRECT[x]", { 1.0, 1.5 } },
  { "is_retryable", codes, "hs.is_retryable(x)", "RETRYABLE[x]", { 1.0, 1.5 } },
  { "code", names, "hs.code(x)", "NAMES[x:gsub(\"[%s%-_']\", \"\"):lower()]", { 0.3, 0.5 } },
  { "parse_status_line", lines, "hs.parse_status_line(x)",
    "tonumber((x:match(\"^HTTP/%d[%.%d]* (%d%d%d) ?[^\\r\\n]*\\r?\\n?$\")))", { 0.3, 0.5 } },
  { "status_line", codes, "hs.status_line(x)",
    "\"HTTP/1.1 \" .. x .. \" \" .. (REASONS[x] or \"\")", { nil, nil } },
}

-- The result stays live (last), so that no JIT can drop the work as dead.
local TEMPLATE = [[
local hs, REASONS, NAMES, CACHEABLE, RETRYABLE, REDIRECT, EMPTY, lua_class, tonumber = ...
local function op(x) return %s end
return function(inputs, n)
  local m, hits, last = #inputs, 0, nil
  for i = 1, n do
    local x = inputs[i %% m + 1]
    local r = %s
    if r then hits = hits + 1; last = r end
  end
  return hits, last
end
]]

-- as_call: time the expression wrapped in a Lua function, as a helper
-- a user writes would be
local function compile(expr, as_call)
  local src = TEMPLATE:format(expr, as_call and "op(x)" or expr)
  local chunk = assert((loadstring or load)(src, "=bench"))
  return chunk(env.hs, env.REASONS, env.NAMES, env.CACHEABLE, env.RETRYABLE, env.REDIRECT,
               env.EMPTY, env.lua_class, env.tonumber)
end

-- Iterations for one round of f to take about TARGET_TIME (after a warm-up,
-- which also lets the JIT compile it).
local function calibrate(f, inputs)
  local n, d = 1000, 0
  f(inputs, n)
  while n < 1e9 do  -- double n until a run takes a quarter of a round
    local t = clock()
    f(inputs, n)
    d = clock() - t
    if d >= TARGET_TIME / 4 then break end
    n = n * 2
  end
  return math.max(1000, math.floor(n * TARGET_TIME / math.max(d, 1e-6)))
end

-- ns per operation of each function, best of ROUNDS; the functions take
-- turns within each round, so that drift in the machine hits them alike.
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

print(("httpstatus benchmark on %s%s"):format(vm, quick and " (quick mode: numbers mean nothing)" or ""))
print(("%-18s %10s %10s %8s %8s   %10s %8s"):format("operation", "module ns", "Lua ns", "ratio",
  "target", "Lua fn ns", "ratio"))
local col = jit and 2 or 1
local missed = 0
for _, case in ipairs(cases) do
  local name, inputs, mexpr, lexpr, targets = case[1], case[2], case[3], case[4], case[5]
  -- both must give the same answer on every input before they are timed
  local m, l, lf = compile(mexpr), compile(lexpr), compile(lexpr, true)
  assert(m(inputs, #inputs * 3) == l(inputs, #inputs * 3), name .. ": module and baseline disagree")
  local tm, tl, tf = measure({ m, l, lf }, inputs)
  local target = targets[col]
  local ratio = tm / tl
  local verdict = target and (ratio <= target and "met" or "MISSED") or ""
  if verdict == "MISSED" then missed = missed + 1 end
  print(("%-18s %10.1f %10.1f %8.2f %8s   %10.1f %8.2f  %s"):format(name, tm, tl, ratio,
    target and ("<= " .. target) or "-", tf, tm / tf, verdict))
end

-- require: time and heap growth, against a pure-Lua module holding the same
-- data (data/statuses.lua itself: every phrase, description and reference).
local function heap() collectgarbage() collectgarbage() return collectgarbage("count") end
local reps = quick and 3 or 200
-- microseconds and KiB per load; every loaded copy is kept alive until measured
local function load_cost(load_one)
  local keep = {}
  local k0 = heap()
  local t = clock()
  for i = 1, reps do keep[i] = load_one() end
  local us = (clock() - t) / reps * 1e6
  local kib = (heap() - k0) / reps
  assert(#keep == reps)
  return us, kib
end
local t_mod, kb_mod = load_cost(function() package.loaded.httpstatus = nil; return require "httpstatus" end)
local t_lua, kb_lua = load_cost(function() return assert(loadfile("data/statuses.lua"))() end)
print()
print(("%-18s %10s %10s %8s %8s"):format("require", "module", "pure Lua", "ratio", "target"))
print(("%-18s %10.1f %10.1f %8.2f %8s"):format("time (us)", t_mod, t_lua, t_mod / t_lua, "-"))
local heap_ok = kb_mod <= kb_lua
if not heap_ok then missed = missed + 1 end
print(("%-18s %10.1f %10.1f %8.2f %8s %s"):format("heap growth (KiB)", kb_mod, kb_lua, kb_mod / kb_lua,
  "<= 1", heap_ok and "met" or "MISSED"))
print(("bench: %s, %d target(s) missed"):format(vm, missed))
