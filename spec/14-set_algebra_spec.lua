-- Status-set algebra (DESIGN.md, "Status-set algebra", 1.2): s + t, s - t,
-- s * t, s <= t, s < t beside s == t, checked by example and against a
-- model: each set as a table of booleans over 100-599, built here from the
-- codes hs.set lists.
local hs = require "httpstatus"

local function model(s)
  local t = {}
  for c = 100, 599 do t[c] = s:has(c) end
  return t
end

local function from_model(t)
  local list = {}
  for c = 100, 599 do if t[c] then list[#list + 1] = c end end
  return list
end

-- a few sets of every shape: empty, whole, classes, runs, names, single codes
local samples = {
  "", "100-599", "5xx", "4xx,5xx", "500-503", "429,5xx", "retryable", "cacheable", "error",
  "200", "599", "100", "450-550", "!404,4xx", "2xx,3xx", "redirect", "registered",
}

describe("status-set algebra", function()
  it("gives union, difference and intersection by the model, on every pair of samples", function()
    for _, a in ipairs(samples) do
      for _, b in ipairs(samples) do
        local s, t = assert(hs.set(a)), assert(hs.set(b))
        local ms, mt = model(s), model(t)
        local union, minus, inter = {}, {}, {}
        for c = 100, 599 do
          union[c] = ms[c] or mt[c]
          minus[c] = ms[c] and not mt[c]
          inter[c] = ms[c] and mt[c]
        end
        local what = ("%q and %q"):format(a, b)
        assert.are.same(from_model(union), (s + t):codes(), what .. ": +")
        assert.are.same(from_model(minus), (s - t):codes(), what .. ": -")
        assert.are.same(from_model(inter), (s * t):codes(), what .. ": *")
        local sub, equal = true, true
        for c = 100, 599 do
          if ms[c] and not mt[c] then sub = false end
          if ms[c] ~= mt[c] then equal = false end
        end
        assert.are.equal(sub, s <= t, what .. ": <=")
        assert.are.equal(sub and not equal, s < t, what .. ": <")
        assert.are.equal(equal, s == t, what .. ": ==")
        -- and >, >= by Lua's swap of the operands
        assert.are.equal(sub, t >= s, what .. ": >=")
        assert.are.equal(sub and not equal, t > s, what .. ": >")
      end
    end
  end)

  it("takes as either operand anything hs.set takes: text, a code, an array", function()
    local s5 = hs.set "5xx"
    assert.are.equal("500,502-599", tostring(s5 - "501"))
    assert.are.equal("429,5xx", tostring("429" + s5))
    assert.are.equal("404,5xx", tostring(s5 + 404))
    assert.are.equal("404,5xx", tostring(404 + s5))
    assert.are.equal("500,503", tostring(s5 * { 500, 503, 404 }))
    assert.are.equal("500,503", tostring({ 500, 503, 404 } * s5))
    assert.are.equal("5xx", tostring(s5 + {}))
    assert.are.equal("5xx", tostring(s5 - ""))
    assert.are.equal("", tostring("5xx" - s5))
    assert.are.equal("4xx", tostring("4xx,5xx" - s5))
    assert.are.equal("500-503", tostring("server_error" * hs.set "500-503"))
  end)

  it("shows what neither of two lists covers", function()
    local healthy, unhealthy = hs.set "2xx,3xx", hs.set "5xx,429"
    local neither = hs.set "100-599" - (healthy + unhealthy)
    assert.are.equal("1xx,400-428,430-499", tostring(neither))
    assert.is_true(neither * healthy == hs.set "")
    assert.is_true(healthy + unhealthy + neither == hs.set "100-599")
  end)

  it("makes a new immutable set, the same as hs.set gives for its text", function()
    local s, t = hs.set "5xx", hs.set "4xx"
    local u = s + t
    assert.are.equal(type(s), type(u))
    assert.are.equal("4xx,5xx", tostring(u))
    assert.is_true(hs.set(tostring(u)) == u)
    assert.are.equal("5xx", tostring(s))  -- the operands are unchanged
    assert.are.equal("4xx", tostring(t))
    assert.has_error(function() u.x = 1 end)
    assert.is_true(u:has(404) and u:has(503) and not u:has(200))
    assert.are.same({ 500, 501 }, (s * "500-501"):codes())
  end)

  it("raises for text that does not parse, with hs.set's message and the caller's line", function()
    local s5 = hs.set "5xx"
    local _, want = hs.set "bogus"
    for _, f in ipairs {
      function() return s5 + "bogus" end, function() return "bogus" - s5 end,
      function() return s5 * "bogus" end,
    } do
      local ok, err = pcall(f)
      assert.is_false(ok)
      assert.are.equal("string", type(err))
      local at, rest = err:match("^(.-):%d+: (.*)$")
      assert.are.equal(want, rest)
      assert.truthy(at:find("14%-set_algebra_spec%.lua$"), err)
    end
  end)

  it("raises for other values as hs.set refuses them: its raise, or its message", function()
    local s5 = hs.set "5xx"
    local strip = function(msg) return (tostring(msg):gsub("^[^:]*:%d+: ", "")) end
    for _, v in ipairs { true, print, io.stdout, 4.5, 1000, -1, { "x" }, { 404, "bogus" } } do
      local ok, a, b = pcall(hs.set, v)
      local want = ok and b or strip(a)
      assert.are.equal("string", type(want), tostring(v))
      local raised, err = pcall(function() return s5 + v end)
      assert.is_false(raised)
      assert.are.equal(want, strip(err), tostring(v))
      if type(v) == "boolean" or type(v) == "function" or type(v) == "userdata" then
        assert.truthy(err:find("bad argument #1 to 'set'", 1, true), err)
      end
    end
  end)

  it("compares only sets with sets, with Lua's own message on every VM", function()
    local s5 = hs.set "5xx"
    for _, v in ipairs { "5xx", 500 } do
      for _, f in ipairs { function() return s5 <= v end, function() return s5 < v end,
                           function() return v < s5 end } do
        local ok, err = pcall(f)
        assert.is_false(ok)
        assert.truthy(err:find("attempt to compare", 1, true), err)
        assert.truthy(err:find("14%-set_algebra_spec%.lua:%d+: "), err)
        assert.is_nil(err:find("status sets", 1, true))
      end
    end
    assert.is_false(s5 == "5xx")  -- == of different types is false, never a raise
  end)
end)
