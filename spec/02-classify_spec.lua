-- class, the class predicates, canonical and the RFC 9110 semantic predicates.
local hs = require "httpstatus"
local registry = dofile("spec/registry.lua")

local function set(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

-- every predicate against its RFC list, over every integer 0-999
local function check_exactly(fn, members)
  for code = 0, 999 do
    assert.are.equal(members[code] == true, fn(code), "code " .. code)
  end
end

describe("class()", function()
  it("classifies every integer 100-599 by its first digit, assigned or not", function()
    local names = { "informational", "successful", "redirection", "client_error", "server_error" }
    for code = 100, 599 do
      assert.are.equal(names[math.floor(code / 100)], hs.class(code), "code " .. code)
    end
  end)

  it("is nil outside 100-599", function()
    for _, code in ipairs { -1, 0, 1, 99, 600, 999, 1000, 2^31, -2^31 } do
      assert.is_nil(hs.class(code))
    end
  end)
end)

describe("is_valid()", function()
  it("is true exactly for 100-599", function()
    local valid = {}
    for c = 100, 599 do valid[c] = true end
    check_exactly(hs.is_valid, valid)
  end)
end)

describe("is_registered()", function()
  it("is true exactly for the assigned codes: not for 306 and 418, which are \"(Unused)\"", function()
    local members = {}
    for code, phrase in pairs(registry) do members[code] = phrase and true or nil end
    check_exactly(hs.is_registered, members)
    assert.is_false(hs.is_registered(306))
    assert.is_false(hs.is_registered(418))
  end)
end)

describe("class predicates", function()
  local preds = {
    is_informational = { 100, 199 }, is_success = { 200, 299 }, is_redirection = { 300, 399 },
    is_client_error = { 400, 499 }, is_server_error = { 500, 599 }, is_error = { 400, 599 },
  }
  for name, range in pairs(preds) do
    it(name .. " covers " .. range[1] .. "-" .. range[2] .. " and nothing else", function()
      local members = {}
      for c = range[1], range[2] do members[c] = true end
      check_exactly(hs[name], members)
    end)
  end

  it("accept strings and integral floats", function()
    assert.is_true(hs.is_client_error("404"))
    assert.is_true(hs.is_server_error(503.0))
    assert.is_false(hs.is_error(200))
  end)
end)

describe("canonical()", function()
  it("keeps registered codes and maps others to the x00 of their class", function()
    assert.are.equal(404, hs.canonical(404))
    assert.are.equal(400, hs.canonical(471))
    assert.are.equal(500, hs.canonical(599))
    assert.are.equal(200, hs.canonical(299))
    assert.are.equal(100, hs.canonical(199))
    assert.are.equal(400, hs.canonical(418))
    assert.are.equal(300, hs.canonical(306))
    for code = 100, 599 do
      local c = hs.canonical(code)
      assert.is_true(hs.is_registered(c))
      assert.are.equal(hs.class(code), hs.class(c))
    end
  end)

  it("is nil for invalid codes", function()
    for _, code in ipairs { 0, 99, 600, 1000, -404 } do assert.is_nil(hs.canonical(code)) end
  end)
end)

describe("RFC 9110 predicates", function()
  it("is_cacheable: the heuristically cacheable codes of Section 15.1, and 451 (RFC 7725)", function()
    check_exactly(hs.is_cacheable, set { 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501 })
    assert.is_true(hs.info(451).cacheable)
    assert.is_true(hs.set("cacheable"):has(451))
  end)

  it("is_empty: every 1xx, 204, 205 and 304", function()
    local members = set { 204, 205, 304 }
    for c = 100, 199 do members[c] = true end
    check_exactly(hs.is_empty, members)
  end)

  it("is_redirect: 301 302 303 307 308", function()
    check_exactly(hs.is_redirect, set { 301, 302, 303, 307, 308 })
  end)

  it("is_retryable: 408 425 429 500 502 503 504", function()
    check_exactly(hs.is_retryable, set { 408, 425, 429, 500, 502, 503, 504 })
  end)
end)

describe("redirect_method()", function()
  it("keeps every method on 307 and 308", function()
    for _, code in ipairs { 307, 308 } do
      for _, m in ipairs { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "PROPFIND" } do
        assert.are.equal(m, hs.redirect_method(code, m))
      end
    end
  end)

  it("turns everything but HEAD into GET on 303", function()
    assert.are.equal("GET", hs.redirect_method(303, "POST"))
    assert.are.equal("GET", hs.redirect_method(303, "PUT"))
    assert.are.equal("GET", hs.redirect_method(303, "GET"))
    assert.are.equal("HEAD", hs.redirect_method(303, "HEAD"))
  end)

  it("turns only POST into GET on 301 and 302", function()
    for _, code in ipairs { 301, 302 } do
      assert.are.equal("GET", hs.redirect_method(code, "POST"))
      assert.are.equal("PUT", hs.redirect_method(code, "PUT"))
      assert.are.equal("HEAD", hs.redirect_method(code, "HEAD"))
      assert.are.equal("DELETE", hs.redirect_method(code, "DELETE"))
    end
  end)

  it("treats methods case-sensitively (RFC 9110, Section 9.1)", function()
    assert.are.equal("post", hs.redirect_method(301, "post"))
    assert.are.equal("GET", hs.redirect_method(303, "head"))
  end)

  it("is nil for codes that are not redirects", function()
    for _, code in ipairs { 200, 300, 304, 305, 306, 404, 599, 99 } do
      assert.is_nil(hs.redirect_method(code, "GET"))
    end
  end)

  it("raises for a method that is not a token", function()
    for _, m in ipairs { "", "GE T", "GET\r\n", "G\0T", "GÉT" } do
      assert.error_matches(function() hs.redirect_method(301, m) end, "invalid HTTP method", nil, true)
    end
    assert.has_error(function() hs.redirect_method(301) end)
    assert.has_error(function() hs.redirect_method(301, {}) end)
  end)
end)
