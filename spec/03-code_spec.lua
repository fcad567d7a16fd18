-- code(): from names, phrases and numbers to the integer code.
local hs = require "httpstatus"
local registry = dofile("spec/registry.lua")

describe("code()", function()
  it("finds every assigned code by its phrase and its constant name", function()
    for code, phrase in pairs(registry) do
      if phrase then
        assert.are.equal(code, hs.code(phrase), phrase)
        assert.are.equal(code, hs.code(hs.name(code)), hs.name(code))
        assert.are.equal(code, hs.code(phrase:upper()))
        assert.are.equal(code, hs.code(phrase:lower()))
      end
    end
  end)

  it("ignores case, spaces, '-', '_' and apostrophes", function()
    assert.are.equal(404, hs.code("not_found"))
    assert.are.equal(404, hs.code("NotFound"))
    assert.are.equal(404, hs.code("not-found"))
    assert.are.equal(404, hs.code("  Not   Found "))
    assert.are.equal(203, hs.code("non authoritative information"))
    assert.are.equal(429, hs.code("too many requests"))
    assert.are.equal(505, hs.code("HTTP Version not supported"))
  end)

  it("finds the former phrases", function()
    assert.are.equal(413, hs.code("Request Entity Too Large"))
    assert.are.equal(413, hs.code("payload too large"))
    assert.are.equal(302, hs.code("Moved Temporarily"))
    assert.are.equal(414, hs.code("Request-URI Too Long"))
    assert.are.equal(414, hs.code("Request-URI Too Large"))
    assert.are.equal(416, hs.code("Requested range not satisfiable"))
    assert.are.equal(408, hs.code("Request Time-out"))
    assert.are.equal(504, hs.code("Gateway Time-out"))
    assert.are.equal(422, hs.code("Unprocessable Entity"))
    assert.are.equal(418, hs.code("I'm a teapot"))
    assert.are.equal(418, hs.code("I\226\128\153m a teapot"))
    assert.are.equal(418, hs.code("IM_A_TEAPOT"))
    assert.are.equal(306, hs.code("switch proxy"))
  end)

  it("takes valid codes as integers, floats and decimal strings", function()
    assert.are.equal(404, hs.code(404))
    assert.are.equal(404, hs.code(404.0))
    assert.are.equal(404, hs.code("404"))
    assert.are.equal(299, hs.code("299"))
    assert.are.equal(599, hs.code(599))
    assert.is_true(math.type == nil or math.type(hs.code("404")) == "integer")
  end)

  it("returns nil and a message for anything else, without raising", function()
    local cases = { "no such status", "", " ", "600", "99", "4O4", 600, 99, -1, 404.5,
                    0 / 0, math.huge, -math.huge, true, false, {}, print,
                    ("x"):rep(1e6), "Not Found\0", "\255\254", "Found Not" }
    for i = 1, #cases + 1 do  -- one more: nil
      local v = cases[i]
      local ok, code, msg = pcall(hs.code, v)
      assert.is_true(ok, "raised for case " .. i)
      assert.is_nil(code, "case " .. i)
      assert.is_truthy(msg:find("^unknown HTTP status: "), "case " .. i)
      assert.is_true(#msg < 100, "message too long for case " .. i)
    end
  end)

  it("quotes strings safely in its message", function()
    local _, msg = hs.code("bad\0\n\255name")
    assert.are.equal('unknown HTTP status: "bad\\000\\010\\255name"', msg)
    local _, long = hs.code(("y"):rep(100))
    assert.are.equal('unknown HTTP status: "' .. ("y"):rep(48) .. '"...', long)
    local _, binary = hs.code(("\0"):rep(100))
    assert.are.equal('unknown HTTP status: "' .. ("\\000"):rep(12) .. '"...', binary)
  end)
end)
