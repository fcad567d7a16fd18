-- hs.negotiate and hs.negotiate_language: content negotiation as RFC 9110
-- (Section 12) and RFC 4647 say it, the examples of the RFCs and of
-- DESIGN.md, the limits, and field values from clients that never raise.
local hs = require "httpstatus"

-- The weights RFC 9110 (Section 12.5.1) gives its example's types, checked
-- through choices: of two offers, the heavier wins, and of equal ones the
-- first (the server's order).
local function check_weights(accept, weights)
  for a, wa in pairs(weights) do
    for b, wb in pairs(weights) do
      if a ~= b then
        local want = wa > wb and a or (wb > wa and b or a)
        assert.are.equal(want, hs.negotiate(accept, { a, b }), accept .. ": " .. a .. " against " .. b)
      end
    end
  end
end

describe("hs.negotiate", function()
  it("gives RFC 9110's example (Section 12.5.1) its weights", function()
    check_weights("text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, text/plain;format=fixed;q=0.4, "
      .. "*/*;q=0.5", {
      ["text/plain;format=flowed"] = 1, ["text/plain"] = 0.7, ["text/html"] = 0.3, ["image/jpeg"] = 0.5,
      ["text/plain;format=fixed"] = 0.4, ["text/html;level=3"] = 0.3,
    })
  end)

  it("gives RFC 7231's example (the same rules, text/html;level=1) its weights", function()
    check_weights("text/*;q=0.3, text/html;q=0.7, text/html;level=1, text/html;level=2;q=0.4, */*;q=0.5", {
      ["text/html;level=1"] = 1, ["text/html"] = 0.7, ["text/plain"] = 0.3, ["image/jpeg"] = 0.5,
      ["text/html;level=2"] = 0.4, ["text/html;level=3"] = 0.7,
    })
  end)

  it("lets the most specific range decide, so q=0 excludes whatever */* says", function()
    local formats = { "application/json", "text/html" }
    assert.are.equal("text/html", hs.negotiate("application/json;q=0, */*", formats))
    assert.are.equal("text/html", hs.negotiate("*/*, application/json;q=0", formats))
    assert.is_nil(hs.negotiate("text/html;q=0, application/json;q=0, */*;q=1", formats))
    assert.are.equal("none", hs.negotiate("image/png", formats, "none"))
  end)

  it("answers a browser, curl and an API client as a gateway wants", function()
    local offers = { "application/problem+json", "application/json", "text/html", "text/plain" }
    local chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
      .. "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
    assert.are.equal("text/html", hs.negotiate(chrome, offers))
    assert.are.equal("application/problem+json", hs.negotiate("*/*", offers))
    assert.are.equal("application/json", hs.negotiate("application/json", offers))
    assert.are.equal("text/plain", hs.negotiate("text/plain", offers))
    assert.are.equal("application/problem+json", hs.negotiate(nil, offers))
  end)

  it("reads types, subtypes and parameter names ignoring case, values after unquoting", function()
    assert.are.equal("text/html", hs.negotiate("TEXT/HTML", { "text/html" }))
    assert.are.equal("text/plain;format=flowed",
      hs.negotiate('text/plain;FORMAT="flowed";q=1, text/plain;q=0.1', { "text/plain", "text/plain;format=flowed" }))
    -- values compare exactly: "Flowed" is not "flowed"
    assert.are.equal("none", hs.negotiate('text/plain;format="Flowed"', { "text/plain;format=flowed" }, "none"))
    -- a comma inside a quoted string does not split the member
    assert.are.equal("text/html;a=b", hs.negotiate('text/html;x="1,2";q=0, text/html;q=0.5', { "text/html;a=b" }))
  end)

  it("skips malformed members and reads the rest", function()
    local o = { "application/json", "text/html" }
    for _, bad in ipairs { "text/html;q=2", "text/html;q=0.5;level=1", "*/html", "text/", "text", "text/html;q=0.1234",
                           "text/html;q=", "text/html;a", 'text/html;a="unclosed', "text/html;q=1.001",
                           "text/\1html", "text/html ;x", "text/html;q=0.5 junk" } do
      assert.are.equal("application/json", hs.negotiate(bad .. ", application/json;q=0.5", o), bad)
    end
    -- a value with no usable member is treated as absent: the first offer
    assert.are.equal("application/json", hs.negotiate("text/html;q=2, ,,", o))
    assert.are.equal("application/json", hs.negotiate("", o))
    assert.are.equal("application/json", hs.negotiate({}, o))
  end)

  it("reads several field lines as one list, joined", function()
    local o = { "application/json", "text/html" }
    assert.are.equal("text/html", hs.negotiate({ "application/json;q=0.1", "text/html" }, o))
    assert.are.equal("text/html", hs.negotiate({ "application/json;q=0", "", "*/*" }, o))
  end)

  it("reads the first 64 members and the first 8 KiB, dropping a member the limit cuts", function()
    local o = { "application/json", "text/html" }
    local filler = ("image/png, "):rep(63)
    assert.are.equal("text/html", hs.negotiate(filler .. "text/html, application/json", o))
    assert.are.equal("x", hs.negotiate(filler .. "image/png, text/html", o, "x"))  -- text/html is the 65th
    local pad = ("x"):rep(8192 - #"text/html;q=0.5, ")
    assert.are.equal("text/html", hs.negotiate("text/html;q=0.5, " .. pad .. ", application/json", o))
    -- the member at the limit is cut: application/json is never read
    local long = "text/html;q=0.5, " .. ("y"):rep(8192 - 17 - 4) .. ", application/json;q=1"
    assert.are.equal("text/html", hs.negotiate(long, o))
    -- in an array of field lines the joined length counts
    assert.are.equal("text/html", hs.negotiate({ "text/html;q=0.5", ("z"):rep(8190), "application/json" }, o))
  end)

  it("never raises for any field value", function()
    local o = { "application/json", "text/html" }
    for b = 0, 255 do
      local c = string.char(b)
      assert.is_true(pcall(hs.negotiate, c, o))
      assert.is_true(pcall(hs.negotiate, "text/html;a=\"" .. c .. "\", " .. c .. "/x;q=" .. c, o))
    end
    assert.is_true(pcall(hs.negotiate, ('"'):rep(100000), o))
    assert.is_true(pcall(hs.negotiate, ("a/b;c=d"):rep(50000, ","), o))
    assert.is_true(pcall(hs.negotiate, ("\0"):rep(2 ^ 20), o))
  end)

  it("raises for what a program gives wrong, naming the argument", function()
    assert.error_matches(function() hs.negotiate(5, { "text/html" }) end,
      "bad argument #1 to 'negotiate' (accept must be a string, an array of strings or nil, got number)", nil, true)
    assert.error_matches(function() hs.negotiate({ "text/html", false }, { "text/html" }) end,
      "bad argument #1 to 'negotiate' (accept: field line 2 must be a string, got boolean)", nil, true)
    assert.error_matches(function() hs.negotiate("text/html") end,
      "bad argument #2 to 'negotiate' (offers must be an array of media types, got no value)", nil, true)
    assert.error_matches(function() hs.negotiate("text/html", { "text/html", 1 }) end,
      "bad argument #2 to 'negotiate' (offer 2 must be a string, got number)", nil, true)
    assert.error_matches(function() hs.negotiate("text/html", { "text/*" }) end,
      "bad argument #2 to 'negotiate' (offer 1 is not a media type: \"text/*\")", nil, true)
    assert.error_matches(function() hs.negotiate("text/html", { "text\nhtml" }) end,
      "bad argument #2 to 'negotiate' (offer 1 is not a media type: \"text\\010html\")", nil, true)
  end)
end)

describe("hs.negotiate_language", function()
  local langs = { "en", "zh-Hans", "zh-Hant" }

  it("matches ranges and tags ignoring case, and by prefix up to a '-' either way", function()
    assert.are.equal("en", hs.negotiate_language("EN-us", langs))
    assert.are.equal("en-US", hs.negotiate_language("en", { "en-US" }))
    assert.are.equal("en", hs.negotiate_language("en-GB", { "fr", "en" }, "none"))
    assert.are.equal("none", hs.negotiate_language("eng", { "en" }, "none"))
  end)

  it("matches Chinese by script: zh-TW, zh-HK, zh-MO are zh-Hant, zh-CN, zh-SG, zh-MY are zh-Hans", function()
    for _, t in ipairs { "zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-hant-hk" } do
      assert.are.equal("zh-Hant", hs.negotiate_language(t, langs), t)
      assert.are.equal("none", hs.negotiate_language(t, { "zh-Hans", "en" }, "none"), t)
    end
    for _, t in ipairs { "zh-CN", "zh-SG", "zh-MY", "zh-Hans", "zh-Hans-CN" } do
      assert.are.equal("zh-Hans", hs.negotiate_language(t, langs), t)
      assert.are.equal("none", hs.negotiate_language(t, { "zh-Hant", "en" }, "none"), t)
    end
    -- zh alone, or with another region, matches either: the server's order
    assert.are.equal("zh-Hans", hs.negotiate_language("zh", langs))
    assert.are.equal("zh-Hant", hs.negotiate_language("zh-US", { "en", "zh-Hant", "zh-Hans" }))
  end)

  it("answers browsers in Taiwan, China and England", function()
    assert.are.equal("zh-Hant", hs.negotiate_language("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", langs))
    assert.are.equal("zh-Hans", hs.negotiate_language("zh-CN,zh;q=0.9,en;q=0.8", langs))
    assert.are.equal("en", hs.negotiate_language("en-GB,en;q=0.9", langs))
    assert.are.equal("en", hs.negotiate_language(nil, langs))
  end)

  it("weighs an offer by the longest range that matches it", function()
    assert.are.equal("en-GB", hs.negotiate_language("en;q=0, en-GB", { "en-GB" }))
    assert.are.equal("none", hs.negotiate_language("en-GB;q=0, en", { "en-GB" }, "none"))
    assert.are.equal("en-US", hs.negotiate_language("en-GB;q=0, en", { "en-GB", "en-US" }))
  end)

  it("gives * its weight only for offers no other range matches", function()
    assert.are.equal("fr", hs.negotiate_language("en;q=0, *", { "en", "fr" }))
    assert.are.equal("en", hs.negotiate_language("*;q=0.5, fr;q=0.1", { "fr", "en" }))
    assert.are.equal("none", hs.negotiate_language("*;q=0", { "fr" }, "none"))
  end)

  it("breaks a tie by the range that comes first in the field, then by the server's order", function()
    assert.are.equal("fr", hs.negotiate_language("fr, en", { "en", "fr" }))
    assert.are.equal("en", hs.negotiate_language("en, fr", { "fr", "en" }))
    assert.are.equal("en-US", hs.negotiate_language("en", { "en-US", "en-GB" }))
  end)

  it("skips malformed members and never raises for any value", function()
    assert.are.equal("fr", hs.negotiate_language("en_US, toolongtag, en-, fr;q=0.5, en;q=x", { "en", "fr" }))
    for b = 0, 255 do
      assert.is_true(pcall(hs.negotiate_language, string.char(b) .. ";q=0." .. string.char(b), langs))
    end
    assert.is_true(pcall(hs.negotiate_language, ("en-"):rep(100000), langs))
  end)

  it("raises for offers that are not language tags", function()
    assert.error_matches(function() hs.negotiate_language("en", { "en", "en_US" }) end,
      "bad argument #2 to 'negotiate_language' (offer 2 is not a language tag: \"en_US\")", nil, true)
    assert.error_matches(function() hs.negotiate_language("en", { "*" }) end,
      "bad argument #2 to 'negotiate_language' (offer 1 is not a language tag: \"*\")", nil, true)
    assert.error_matches(function() hs.negotiate_language(true, { "en" }) end,
      "bad argument #1 to 'negotiate_language' (accept_language must be a string, an array of strings or nil, "
      .. "got boolean)", nil, true)
  end)
end)
