-- status_line() and parse_status_line() (RFC 9112, Section 4).
local hs = require "httpstatus"
local registry = dofile("spec/registry.lua")

describe("status_line()", function()
  it("formats every assigned code", function()
    for code, phrase in pairs(registry) do
      assert.are.equal("HTTP/1.1 " .. code .. " " .. (phrase or ""), hs.status_line(code))
    end
  end)

  it("takes a version", function()
    assert.are.equal("HTTP/1.0 200 OK", hs.status_line(200, "HTTP/1.0"))
    assert.are.equal("HTTP/2 404 Not Found", hs.status_line(404, "HTTP/2"))
    assert.are.equal("HTTP/1.1 200 OK", hs.status_line("200", nil))
  end)

  it("keeps the space when there is no phrase", function()
    assert.are.equal("HTTP/1.1 299 ", hs.status_line(299))
    assert.are.equal("HTTP/1.1 418 ", hs.status_line(418))
    assert.are.equal("HTTP/1.1 444 ", hs.status_line(444))
  end)

  it("raises for an invalid code or version", function()
    for _, code in ipairs { 99, 600, 0, -200, 1e10 } do
      assert.error_matches(function() hs.status_line(code) end, "out of range 100-599", nil, true)
    end
    for _, v in ipairs { "HTTP/1.11", "http/1.1", "HTTP/1", "HTTP/4", "HTTP/1.1 ", "", "SPDY/3" } do
      assert.error_matches(function() hs.status_line(200, v) end, "invalid HTTP version", nil, true)
    end
    assert.has_error(function() hs.status_line(200, {}) end)
  end)
end)

describe("parse_status_line()", function()
  local function parsed(line)
    return { hs.parse_status_line(line) }
  end

  it("parses well-formed lines", function()
    assert.are.same({ 404, "Not Found", "HTTP/1.1" }, parsed("HTTP/1.1 404 Not Found"))
    assert.are.same({ 200, "OK", "HTTP/1.0" }, parsed("HTTP/1.0 200 OK"))
    assert.are.same({ 503, "Service Unavailable", "HTTP/1.1" },
      parsed("HTTP/1.1 503 Service Unavailable\r\n"))
    assert.are.same({ 302, "Moved Temporarily", "HTTP/1.1" }, parsed("HTTP/1.1 302 Moved Temporarily\n"))
  end)

  it("gives the phrase and version as sent, cached or not", function()
    assert.are.same({ 404, "Not", "HTTP/1.1" }, parsed("HTTP/1.1 404 Not"))
    assert.are.same({ 404, "Not Found!", "HTTP/1.2" }, parsed("HTTP/1.2 404 Not Found!"))
    assert.are.same({ 404, "not found", "HTTP/9.9" }, parsed("HTTP/9.9 404 not found"))
    assert.are.same({ 200, "OK", "HTTP/1.0" }, parsed("HTTP/1.0 200 OK"))
    assert.are.same({ 418, "I'm a teapot", "HTTP/1.1" }, parsed("HTTP/1.1 418 I'm a teapot"))
  end)

  it("accepts HTTP/2 and HTTP/3 as curl prints them", function()
    assert.are.same({ 200, "", "HTTP/2" }, parsed("HTTP/2 200"))
    assert.are.same({ 200, "", "HTTP/2" }, parsed("HTTP/2 200 \r\n"))
    assert.are.same({ 404, "", "HTTP/3" }, parsed("HTTP/3 404"))
  end)

  it("accepts an empty phrase with or without the final space", function()
    assert.are.same({ 299, "", "HTTP/1.1" }, parsed("HTTP/1.1 299 "))
    assert.are.same({ 299, "", "HTTP/1.1" }, parsed("HTTP/1.1 299"))
  end)

  it("keeps the phrase as sent: tabs, odd case, obs-text, unofficial", function()
    assert.are.same({ 200, "all\tgood", "HTTP/1.1" }, parsed("HTTP/1.1 200 all\tgood"))
    assert.are.same({ 200, "D'accord \233t\233", "HTTP/1.1" }, parsed("HTTP/1.1 200 D'accord \233t\233"))
    assert.are.same({ 499, "Client Closed Request", "HTTP/1.1" }, parsed("HTTP/1.1 499 Client Closed Request"))
    assert.are.same({ 404, " two  spaces ", "HTTP/1.1" }, parsed("HTTP/1.1 404  two  spaces "))
  end)

  it("round-trips with status_line()", function()
    for code = 100, 599 do
      local line = hs.status_line(code)
      local c, reason, version = hs.parse_status_line(line)
      assert.are.equal(code, c)
      assert.are.equal(hs.reason(code) or "", reason)
      assert.are.equal(line, hs.status_line(c, version))
    end
  end)

  it("rejects malformed lines with a message", function()
    local cases = {
      [""] = "HTTP/x.y", ["\r\n"] = "HTTP/x.y", ["HTTP/1.1"] = "space",
      ["HTTP/1.1  200 OK"] = "three digits", ["HTTP/1.1 20 OK"] = "three digits",
      ["HTTP/1.1 2000 OK"] = "three digits", ["HTTP/1.1 099 X"] = "range",
      ["HTTP/1.1 600 X"] = "range", ["HTTP/1.1 999"] = "range", ["HTTP/1.1 200OK"] = "space after",
      ["HTTP/1.1 200\tOK"] = "space after", ["HTTP/1.1 200 O\rK"] = "control",
      ["HTTP/1.1 200 OK\0"] = "control", ["HTTP/1.1 200 OK\127"] = "control",
      ["HTTP/1.1 200 OK\r"] = "control", ["HTTP/1.1 200 OK\n\n"] = "control",
      ["HTTP/1.1 200 OK\r\n\r\n"] = "control", ["http/1.1 200 OK"] = "HTTP/x.y",
      ["HTTP/1 200 OK"] = "HTTP/x.y", ["HTTP/4 200 OK"] = "HTTP/x.y", ["HTTP/1.1.1 200"] = "space",
      ["HTTP/11.1 200 OK"] = "HTTP/x.y", [" HTTP/1.1 200 OK"] = "HTTP/x.y", ["HTTP/1.1\t200 OK"] = "space",
      ["ICY 200 OK"] = "HTTP/x.y", ["HTTP/1.1 -20 OK"] = "three digits", ["HTTP/1.1 +200 OK"] = "three digits",
    }
    for line, why in pairs(cases) do
      local code, msg = hs.parse_status_line(line)
      assert.is_nil(code, line)
      assert.is_truthy(msg:find("^invalid status line: "), line)
      assert.is_truthy(msg:find(why, 1, true), ("%q gave %q"):format(line, msg))
    end
  end)

  it("returns nil and a message for non-strings, without raising", function()
    for _, v in ipairs { 200, true, {}, print } do
      local code, msg = hs.parse_status_line(v)
      assert.is_nil(code)
      assert.is_truthy(msg:find("string expected", 1, true))
    end
    assert.is_nil((hs.parse_status_line()))
  end)
end)
