-- hs.set(): status sets, the status lists of config files (DESIGN.md,
-- "Status sets"), checked by example and against a plain reading of the
-- grammar written here in Lua.
local hs = require "httpstatus"

local function codes_of(s)
  local t = {}
  for _, c in ipairs(s:codes()) do t[c] = true end
  return t
end

local function range(lo, hi)
  local t = {}
  for c = lo, hi do t[#t + 1] = c end
  return t
end

describe("hs.set()", function()
  it("takes codes, ranges, classes and names", function()
    assert.are.same({ 404 }, hs.set("404"):codes())
    assert.are.same({ 500, 501, 502, 503, 504 }, hs.set("500-504"):codes())
    assert.are.same(range(500, 599), hs.set("5xx"):codes())
    assert.are.same(range(500, 599), hs.set("5XX"):codes())
    assert.are.same(range(400, 499), hs.set("client_error"):codes())
    assert.are.same({ 408, 425, 429, 500, 502, 503, 504 }, hs.set("retryable"):codes())
    assert.are.same({ 301, 302, 303, 307, 308 }, hs.set("Redirect"):codes())
  end)

  it("means by each name exactly the codes 100-599 its predicate accepts", function()
    local names = {
      informational = hs.is_informational, successful = hs.is_success, redirection = hs.is_redirection,
      client_error = hs.is_client_error, server_error = hs.is_server_error, error = hs.is_error,
      registered = hs.is_registered, retryable = hs.is_retryable, cacheable = hs.is_cacheable,
      redirect = hs.is_redirect, empty = hs.is_empty,
    }
    for name, pred in pairs(names) do
      for _, spelling in ipairs { name, name:upper(), name:sub(1, 1):upper() .. name:sub(2) } do
        local s = assert(hs.set(spelling))
        for c = 100, 599 do assert.are.equal(pred(c), s:has(c), spelling .. " " .. c) end
      end
    end
    assert.is_false(hs.set("registered"):has(418))  -- "(Unused)"
  end)

  it("takes away the ! items, from everything when there is no plain item", function()
    assert.are.same({ 500, 502, 503, 504 }, hs.set("500-504,!501"):codes())
    assert.are.same({ 500, 502, 503, 504 }, hs.set("!501,500-504"):codes())
    local all_but = hs.set("!404")
    assert.are.equal(499, #all_but)
    assert.is_false(all_but:has(404))
    assert.is_true(all_but:has(100) and all_but:has(599))
    assert.are.same(range(400, 499), hs.set("!1xx !2xx !3xx !5xx"):codes())
    assert.are.equal(0, #hs.set("404,!4xx"))
  end)

  it("is empty for an empty spec, and ignores separators around items", function()
    for _, spec in ipairs { "", " ", ",", " ,\t, ", {}, { "", " " } } do
      assert.are.equal(0, #hs.set(spec))
      assert.are.equal("", tostring(hs.set(spec)))
    end
    assert.are.same({ 404, 500 }, hs.set(" ,404,, \t500 ,"):codes())
    assert.are.same({ 404, 500 }, hs.set("404 500"):codes())
    assert.are.same({ 404, 500 }, hs.set("404\t500"):codes())
  end)

  it("takes a code as a number, and arrays of strings and codes", function()
    assert.are.same({ 404 }, hs.set(404):codes())
    assert.are.same({ 404 }, hs.set(404.0):codes())
    assert.are.same({ 302, 404, 500 }, hs.set({ "5xx,!501-599", 404, "302 503" }):codes())
    -- a "!" item wins, wherever it is: the union of the plain items minus that of the "!" items
    assert.are.same({ 302, 404, 500 }, hs.set({ "5xx,!501-599", 404, "302 503", "!502-599,503" }):codes())
  end)

  it("writes the canonical form of DESIGN.md, which parses back to the same set", function()
    assert.are.equal("500,502-504", tostring(hs.set("504,500-503,!501")))
    assert.are.equal("4xx,5xx", tostring(hs.set("4xx,500-599")))
    assert.are.equal("450-499,500-550", tostring(hs.set("450-550")))
    assert.are.equal("200-201,204", tostring(hs.set("204 200 201")))
    assert.are.equal("1xx,2xx,3xx,4xx,5xx", tostring(hs.set("100-599")))
    assert.are.equal("", tostring(hs.set("!error,error")))
    for _, spec in ipairs { "5xx,!501", "client_error,!404", "100-599", "cacheable", "empty,!1xx", "599" } do
      local s = hs.set(spec)
      assert.are.equal(s, hs.set(tostring(s)))
      assert.are.equal(tostring(s), tostring(hs.set(tostring(s))))
    end
  end)

  it("compares sets by their codes", function()
    assert.is_true(hs.set("500-504") == hs.set("504,503,502,501,500"))
    assert.is_true(hs.set("5xx") == hs.set("server_error"))
    assert.is_false(hs.set("5xx") == hs.set("4xx"))
    assert.is_false(hs.set("404") == 404)
    assert.is_false(hs.set("404") == "404")
  end)
end)

describe("a set", function()
  local s = hs.set("502-504")

  it("answers has(code) and s(code) for any integer, and false outside 100-599", function()
    for c = -5, 1005 do
      local want = c >= 502 and c <= 504
      assert.are.equal(want, s:has(c), c)
      assert.are.equal(want, s(c), c)
    end
    assert.is_true(s:has("503") and s("503") and s:has(503.0))
    assert.is_false(s:has(2^53) or s:has(-2^63) or s:has(math.huge - math.huge == 0 and 1 or 0))
  end)

  it("raises for an argument that is not a code, as the v1 functions do", function()
    for _, bad in ipairs { "abc", " 503", 503.5, {}, true, 0 / 0, math.huge } do
      assert.error_matches(function() return s:has(bad) end, "bad argument #1 to 'has'", nil, true)
      assert.error_matches(function() return s(bad) end, "bad argument #1 to 'has'", nil, true)
    end
    assert.error_matches(function() return s:has() end, "status code expected, got n", nil, true)
  end)

  it("gives a fresh sorted array of its codes, and its size with #", function()
    local a, b = s:codes(), s:codes()
    assert.are.same({ 502, 503, 504 }, a)
    assert.are_not.equal(a, b)
    a[1] = 1
    assert.are.same({ 502, 503, 504 }, s:codes())
    assert.are.equal(3, #s)
  end)

  it("never changes", function()
    assert.error_matches(function() s.x = 1 end, "cannot be changed", nil, true)
    assert.error_matches(function() s[404] = true end, "cannot be changed", nil, true)
    assert.error_matches(function() s.has = nil end, "cannot be changed", nil, true)
    -- (a set of the pure edition is a table, which rawset can write: DESIGN.md)
    if not dofile("spec/support.lua").pure(hs) then assert.is_false(pcall(rawset, s, 404, true)) end
    assert.is_false(pcall(setmetatable, s, {}))
    assert.are.equal("httpstatus.set", getmetatable(s))
    assert.are.same({ 502, 503, 504 }, s:codes())
  end)

  it("refuses a bad self", function()
    for _, bad in ipairs { {}, "x", io.stdout } do
      assert.is_false(pcall(s.has, bad, 404))
      assert.error_matches(function() return s.codes(bad) end, "status set expected", nil, true)
    end
  end)

  it("costs a small fixed amount of memory", function()
    collectgarbage()
    collectgarbage()
    local before = collectgarbage("count")
    local keep = {}
    for i = 1, 5000 do keep[i] = hs.set(i % 2 == 0 and "5xx,!501" or "404") end
    collectgarbage()
    local per_set = (collectgarbage("count") - before) * 1024 / #keep
    assert.is_true(per_set < 256, per_set .. " bytes per set")
  end)
end)

describe("a spec that does not parse", function()
  it("gives nil and a message that quotes the item and its 1-based position", function()
    local cases = {
      ["200,201,202,203,6xx"] = 'bad status set: "6xx" at position 5 is not a class',
      ["0xx"] = 'bad status set: "0xx" at position 1 is not a class',
      ["404 99"] = 'bad status set: "99" at position 2 is not a status code 100-599',
      ["600"] = 'bad status set: "600" at position 1 is not a status code 100-599',
      ["0404"] = 'bad status set: "0404" at position 1 is not a status code 100-599',
      ["504-500"] = 'bad status set: "504-500" at position 1 is not a range: its first code is above its last',
      ["500-600"] = 'bad status set: "500-600" at position 1 is not a status code 100-599',
      ["5xx,!"] = 'bad status set: "!" at position 2 has nothing after "!"',
      ["retry"] = 'bad status set: "retry" at position 1 is not a status code, range, class or name',
      ["4x"] = 'bad status set: "4x" at position 1 is not a status code, range, class or name',
      -- a class is Nxx or NXX, as the grammar has it (1.1.1)
      ["5xX"] = 'bad status set: "5xX" at position 1 is not a status code, range, class or name',
      ["5Xx"] = 'bad status set: "5Xx" at position 1 is not a status code, range, class or name',
      ["404 !5Xx"] = 'bad status set: "!5Xx" at position 2 is not a status code, range, class or name',
      ["!!404"] = 'bad status set: "!!404" at position 1 is not a status code, range, class or name',
      ["500-"] = 'bad status set: "500-" at position 1 is not a status code, range, class or name',
      ["-500"] = 'bad status set: "-500" at position 1 is not a status code, range, class or name',
      ["404;500"] = 'bad status set: "404;500" at position 1 is not a status code, range, class or name',
      ["404\0"] = 'bad status set: "404\\000" at position 1 is not a status code, range, class or name',
    }
    for spec, msg in pairs(cases) do
      local s, err = hs.set(spec)
      assert.is_nil(s, spec)
      assert.are.equal(msg, err)
    end
  end)

  it("counts positions over the whole array, a number being one item", function()
    assert.are.equal('bad status set: "6xx" at position 4 is not a class',
      select(2, hs.set({ "200 201", 202, "6xx" })))
    assert.are.equal("bad status set: 700 at position 2 is not a status code 100-599",
      select(2, hs.set({ "200", 700 })))
    assert.are.equal("bad status set: 404.5 at position 1 is not a status code 100-599",
      select(2, hs.set(404.5)))
  end)

  it("raises for a spec or an element of the wrong type", function()
    for _, bad in ipairs { true, print, coroutine.create(function() end) } do
      assert.error_matches(function() return hs.set(bad) end, "bad argument #1 to 'set'", nil, true)
    end
    assert.error_matches(function() return hs.set() end, "status set expected", nil, true)
    assert.error_matches(function() return hs.set({ "200", {} }) end,
      "bad argument #1 to 'set' (element 2 must be a string or a status code, got table)", nil, true)
  end)

  it("never raises or crashes on any text, and keeps its message short", function()
    local texts = { ("4"):rep(2 ^ 20), ("5xx,"):rep(2 ^ 18), ("!"):rep(1000), ("\255"):rep(100) }
    for b = 0, 255 do texts[#texts + 1] = string.char(b) .. "404" end
    for _, t in ipairs(texts) do
      local ok, s, err = pcall(hs.set, t)
      assert.is_true(ok)
      if s == nil then assert.is_true(#err < 200) end
    end
  end)
end)

-- A plain reading of the grammar, written independently of the C parser:
-- membership of every code 100-599, or the position and kind of the first
-- bad item.
local NAMES = {
  informational = hs.is_informational, successful = hs.is_success, redirection = hs.is_redirection,
  client_error = hs.is_client_error, server_error = hs.is_server_error, error = hs.is_error,
  registered = hs.is_registered, retryable = hs.is_retryable, cacheable = hs.is_cacheable,
  redirect = hs.is_redirect, empty = hs.is_empty,
}

local function valid_code(t)
  return #t == 3 and t:match("^%d%d%d$") and tonumber(t) >= 100 and tonumber(t) <= 599 and tonumber(t)
end

-- the codes of one atom (a list) or nil and the kind of error
local function atom(a)
  local cls = a:match("^(%d)xx$") or a:match("^(%d)XX$")
  if cls then
    cls = tonumber(cls)
    if cls < 1 or cls > 5 then return nil, "class" end
    return range(cls * 100, cls * 100 + 99)
  end
  if a:match("^%d+$") then
    local c = valid_code(a)
    if not c then return nil, "code" end
    return { c }
  end
  local lo, hi = a:match("^(%d+)%-(%d+)$")
  if lo then
    lo, hi = valid_code(lo), valid_code(hi)
    if not (lo and hi) then return nil, "code" end
    if lo > hi then return nil, "range" end
    return range(lo, hi)
  end
  local pred = NAMES[a:lower()]
  if pred then
    local t = {}
    for c = 100, 599 do if pred(c) then t[#t + 1] = c end end
    return t
  end
  return nil, "item"
end

local function oracle(spec)
  local inc, exc, any_inc, any_exc, pos = {}, {}, false, false, 0
  for item in spec:gmatch("[^, \t]+") do
    pos = pos + 1
    local neg = item:sub(1, 1) == "!"
    local a = neg and item:sub(2) or item
    if neg and a == "" then return nil, pos, "not" end
    local list, why = atom(a)
    if not list then return nil, pos, why end
    for _, c in ipairs(list) do (neg and exc or inc)[c] = true end
    if neg then any_exc = true else any_inc = true end
  end
  local t = {}
  for c = 100, 599 do
    if (any_inc and inc[c] or (not any_inc and any_exc)) and not exc[c] then t[c] = true end
  end
  return t
end

local WHY = { class = "is not a class", code = "is not a status code 100-599", range = "is not a range",
              item = "is not a status code, range, class or name", ["not"] = 'has nothing after "!"' }

describe("hs.set() against a plain reading of the grammar", function()
  it("agrees on 3000 random specs, and each one round-trips", function()
    local seed = 4242
    local function rnd(n)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return math.floor(seed / 65536) % n + 1
    end
    local pool = { "404", "200", "599", "100", "99", "600", "0404", "1000", "4xx", "5XX", "1xX", "6xx", "0xx",
                   "500-504", "504-500", "100-599", "450-550", "200-200", "99-200", "500-600", "error",
                   "CLIENT_ERROR", "Retryable", "cacheable", "empty", "redirect", "registered", "informational",
                   "successful", "redirection", "server_error", "4x", "abc", "-5", "40-", "!", "xx", "5xxx", "" }
    local seps = { ",", " ", "\t", ", ", ",,", " \t ", "" }
    for _ = 1, 3000 do
      local parts = {}
      for i = 1, rnd(6) - 1 do
        local item = pool[rnd(#pool)]
        if rnd(4) == 1 then item = "!" .. item end
        parts[#parts + 1] = (i > 1 and seps[rnd(#seps - 1)] or (rnd(3) == 1 and seps[rnd(#seps)] or "")) .. item
      end
      local spec = table.concat(parts) .. (rnd(4) == 1 and seps[rnd(#seps)] or "")
      local want, pos, why = oracle(spec)
      local s, err = hs.set(spec)
      if want then
        assert.is_not_nil(s, ("%q: %s"):format(spec, tostring(err)))
        assert.are.same(want, codes_of(s), spec)
        assert.are.equal(s, hs.set(tostring(s)), spec)
      else
        assert.is_nil(s, spec)
        assert.is_truthy(err:find(" at position " .. pos .. " " .. WHY[why], 1, true),
          ("%q: expected position %d (%s), got %s"):format(spec, pos, why, err))
      end
    end
  end)
end)
