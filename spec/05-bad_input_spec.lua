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
        if nothing == "nil" then assert.is_nil(r, tostring(v)) else assert.are.equal(nothing, r) end
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
  for _, name in ipairs(names) do
    it("agree in " .. name .. "() for every code 1-999", function()
      for c = 1, 999 do
        assert.are.equal(hs[name](("%03d"):format(c)), hs[name](c), name .. "(" .. c .. ")")
        assert.are.equal(hs[name](c), hs[name](c + 0.0))
      end
    end)
  end
end)
