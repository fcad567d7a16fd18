-- hs.required_headers and info(code).headers: the response header fields
-- the section defining a code ties to it, checked against a table typed in
-- here from RFC 9110 and RFC 6585, independent of data/.
local hs = require "httpstatus"

-- code -> { field, level, the section that says it }
local RFC = {
  [101] = { "Upgrade", "MUST", "RFC 9110, Section 15.2.2" },        -- "MUST generate an Upgrade header field"
  [301] = { "Location", "SHOULD", "RFC 9110, Section 15.4.2" },
  [302] = { "Location", "SHOULD", "RFC 9110, Section 15.4.3" },
  [303] = { "Location", "SHOULD", "RFC 9110, Section 15.4.4" },
  [307] = { "Location", "SHOULD", "RFC 9110, Section 15.4.8" },
  [308] = { "Location", "SHOULD", "RFC 9110, Section 15.4.9" },
  [401] = { "WWW-Authenticate", "MUST", "RFC 9110, Section 15.5.2" },
  [405] = { "Allow", "MUST", "RFC 9110, Section 15.5.6" },
  [407] = { "Proxy-Authenticate", "MUST", "RFC 9110, Section 15.5.8" },
  -- "If the condition is temporary, the server SHOULD generate a Retry-After"
  [413] = { "Retry-After", "SHOULD", "RFC 9110, Section 15.5.14" },
  -- for a byte range request, "the sender SHOULD generate a Content-Range"
  [416] = { "Content-Range", "SHOULD", "RFC 9110, Section 15.5.17" },
  [426] = { "Upgrade", "MUST", "RFC 9110, Section 15.5.22" },
  [429] = { "Retry-After", "MAY", "RFC 6585, Section 4" },
  [503] = { "Retry-After", "MAY", "RFC 9110, Section 15.6.4" },
}

describe("hs.required_headers", function()
  it("gives each code's header fields, as its section says, and none for any other code", function()
    for c = 100, 599 do
      local want = RFC[c]
      local got = hs.required_headers(c)
      if want then
        assert.are.same({ { name = want[1], level = want[2], reference = want[3] } }, got, c)
      else
        assert.are.same({}, got, c)
      end
    end
  end)

  it("names the code's own section, as info does", function()
    for c in pairs(RFC) do
      assert.are.equal(hs.info(c).reference, hs.required_headers(c)[1].reference)
    end
  end)

  it("is in info(code).headers too", function()
    for c = 100, 599 do
      local i = hs.info(c)
      if i then assert.are.same(hs.required_headers(c), i.headers, c) end
    end
  end)

  it("returns fresh tables: changing one changes nothing", function()
    local h = hs.required_headers(405)
    h[1].name = "X"
    h[2] = {}
    hs.info(405).headers[1].level = "MAY"
    assert.are.same({ { name = "Allow", level = "MUST", reference = "RFC 9110, Section 15.5.6" } },
      hs.required_headers(405))
    assert.is_false(rawequal(hs.required_headers(405), hs.required_headers(405)))
  end)

  it("takes a code as every lookup does", function()
    assert.are.same(hs.required_headers(405), hs.required_headers("405"))
    assert.are.same({}, hs.required_headers(600))
    assert.error_matches(function() hs.required_headers(405.5) end,
      "bad argument #1 to 'required_headers' (status code must be an integer)", nil, true)
    assert.error_matches(function() hs.required_headers() end,
      "bad argument #1 to 'required_headers' (status code expected, got no value)", nil, true)
  end)
end)
