-- Bad input for every function: a clear error where DESIGN.md says raise,
-- nil (or false) for a lookup that finds nothing, never a crash.
local hs = require "httpstatus"

local bad = dofile("spec/bad_input.lua")
local lookups, not_codes, out_of_range = bad.lookups, bad.not_codes, bad.out_of_range
local function call(name, v) return bad.call(hs, name, v) end

describe("a code argument that is not a code", function()
  for name in pairs(lookups) do
    it("raises a clear error in " .. name .. "()", function()
      for _, case in ipairs(not_codes) do
        assert.error_matches(function() call(name, case[2]) end, case[3], nil, true)
        assert.error_matches(function() call(name, case[2]) end, "bad argument #1", nil, true)
      end
    end)
  end

  it("raises in redirect_method() and status_line() too", function()
    for _, case in ipairs(not_codes) do
      assert.error_matches(function() hs.redirect_method(case[2], "GET") end, case[3], nil, true)
      assert.error_matches(function() hs.status_line(case[2]) end, case[3], nil, true)
    end
  end)
end)

describe("an integral value that is not a valid code", function()
  for name, nothing in pairs(lookups) do
    it("finds nothing in " .. name .. "()", function()
      for _, v in ipairs(out_of_range) do
        local r = call(name, v)
        assert.is_true(bad.found_nothing(nothing, r), tostring(v))
      end
    end)
  end

  it("is nil in redirect_method(), a raise in status_line()", function()
    for _, v in ipairs(out_of_range) do
      assert.is_nil(hs.redirect_method(v, "POST"))
      assert.error_matches(function() hs.status_line(v) end, "out of range", nil, true)
    end
  end)
end)

describe("functions that never raise", function()
  local values = bad.hostile  -- and nil, at index 0

  it("code() answers nil, message for any value", function()
    for i = 0, #values do
      local ok, code, msg = pcall(hs.code, values[i])
      assert.is_true(ok)
      if code == nil then assert.is_string(msg) else assert.is_true(hs.is_valid(code)) end
    end
  end)

  it("parse_status_line() answers a result or nil, message for any value", function()
    for i = 0, #values do
      local ok, code, msg = pcall(hs.parse_status_line, values[i])
      assert.is_true(ok)
      if code == nil then assert.is_string(msg) else assert.is_true(hs.is_valid(code)) end
    end
  end)

  it("parse_status_line() takes every byte in the phrase only where RFC 9112 allows", function()
    for b = 0, 255 do
      local code = hs.parse_status_line("HTTP/1.1 200 " .. string.char(b) .. "x")
      local allowed = b == 9 or (b >= 32 and b ~= 127)
      assert.are.equal(allowed, code == 200, "byte " .. b)
    end
  end)
end)

describe("calls in unusual ways", function()
  it("ignores extra arguments", function()
    assert.are.equal("Not Found", hs.reason(404, "en", "extra", {}))
    assert.are.equal(404, hs.code("Not Found", 1, 2))
  end)

  it("works through pcall and coroutines", function()
    local co = coroutine.wrap(function()
      coroutine.yield(hs.reason(404))
      coroutine.yield(select(2, pcall(hs.reason, {})))
    end)
    assert.are.equal("Not Found", co())
    assert.is_truthy(co():find("status code expected", 1, true))
  end)

  it("does not depend on the module table (functions taken out of it)", function()
    local reason, class = hs.reason, hs.class
    assert.are.equal("OK", reason(200))
    assert.are.equal("successful", class(200))
  end)
end)

describe("error messages", function()
  it("name the function and point at the caller's line, on every VM", function()
    local line = debug.getinfo(1, "l").currentline + 1
    local ok, err = pcall(function() local r = hs.is_client_error(404.5); return r end)
    assert.is_false(ok)
    assert.is_truthy(err:find("05%-bad_input_spec%.lua:" .. line
      .. ": bad argument #1 to 'is_client_error' %(status code must be an integer%)$"), err)
    ok, err = pcall(function() local r = hs.reason(404, "fr"); return r end)
    assert.is_false(ok)
    assert.is_truthy(err:find("bad argument #2 to 'reason'", 1, true), err)
    assert.is_falsy(err:find("httpstatus:", 1, true), err)
  end)
end)

describe("the fast paths and the C functions", function()
  -- an integer takes the Lua fast path; the same code as a digit string goes to C
  local names = { "reason", "class", "is_valid", "is_registered", "is_informational", "is_success",
                  "is_redirection", "is_client_error", "is_server_error", "is_error", "is_cacheable",
                  "is_empty", "is_redirect", "is_retryable" }
  -- each answer written out from DESIGN.md and the hand-typed registry, so
  -- that no comparison is of a value with itself (on 5.1 and LuaJIT, c and
  -- c + 0.0 are the same number)
  local registry = dofile("spec/registry.lua")
  local function among(list) local t = {} for _, c in ipairs(list) do t[c] = true end return t end
  local cacheable = among { 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501 }
  local redirect, retryable = among { 301, 302, 303, 307, 308 }, among { 408, 425, 429, 500, 502, 503, 504 }
  local classes = { "informational", "successful", "redirection", "client_error", "server_error" }
  local function within(c, lo, hi) return c >= lo and c <= hi end
  local model = {
    reason = function(c) return registry[c] or nil end,
    class = function(c) return within(c, 100, 599) and classes[math.floor(c / 100)] or nil end,
    is_valid = function(c) return within(c, 100, 599) end,
    is_registered = function(c) return registry[c] ~= nil and registry[c] ~= false end,
    is_informational = function(c) return within(c, 100, 199) end,
    is_success = function(c) return within(c, 200, 299) end,
    is_redirection = function(c) return within(c, 300, 399) end,
    is_client_error = function(c) return within(c, 400, 499) end,
    is_server_error = function(c) return within(c, 500, 599) end,
    is_error = function(c) return within(c, 400, 599) end,
    is_cacheable = function(c) return cacheable[c] == true end,
    is_empty = function(c) return within(c, 100, 199) or c == 204 or c == 205 or c == 304 end,
    is_redirect = function(c) return redirect[c] == true end,
    is_retryable = function(c) return retryable[c] == true end,
  }
  for _, name in ipairs(names) do
    it("agree in " .. name .. "() for every code 1-999, with the answer written out", function()
      for c = 1, 999 do
        local want = model[name](c)
        assert.are.equal(want, hs[name](c), name .. "(" .. c .. ")")
        assert.are.equal(want, hs[name](("%03d"):format(c)), name .. "(\"" .. c .. "\")")
        assert.are.equal(want, hs[name](c + 0.0), name .. "(" .. c .. ".0)")
      end
    end)
  end
end)
