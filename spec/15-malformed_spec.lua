-- Malformed input, one change at a time: each field and each separator of
-- the three HTTP-date forms, the parts of a status line, class names,
-- methods and gRPC names. Each answer is written out here, so that a
-- parser that accepts too much, or says the wrong thing, fails.
local hs = require "httpstatus"

local NOW = 1764000000  -- 2025-11-24, given to every parse: nothing here reads the clock
local why = {
  S = "not an HTTP-date (IMF-fixdate, rfc850-date or asctime-date)", D = "not a day name",
  M = "not a month", Y = "no such day in that month", T = "hour, minute or second out of range",
  Z = "the zone must be GMT",
}

-- { text, the answer: epoch seconds or a letter of `why` }
local dates = {
  -- IMF-fixdate: each field, then each separator
  { "Sun, 06 Nov 1994 08:49:37 GMT", 784111777 },
  { "Xun, 06 Nov 1994 08:49:37 GMT", "D" }, { "Sun, x6 Nov 1994 08:49:37 GMT", "S" },
  { "Sun, 0x Nov 1994 08:49:37 GMT", "S" }, { "Sun, 00 Nov 1994 08:49:37 GMT", "Y" },
  { "Sun, 31 Nov 1994 08:49:37 GMT", "Y" }, { "Sun, 06 Nxv 1994 08:49:37 GMT", "M" },
  { "Sun, 06 Nov 19x4 08:49:37 GMT", "S" }, { "Sun, 06 Nov 1994 x8:49:37 GMT", "S" },
  { "Sun, 06 Nov 1994 08:x9:37 GMT", "S" }, { "Sun, 06 Nov 1994 08:49:3x GMT", "S" },
  { "Sun, 06 Nov 1994 24:00:00 GMT", "T" }, { "Sun, 06 Nov 1994 08:60:00 GMT", "T" },
  { "Sun, 06 Nov 1994 08:49:60 GMT", "T" }, { "Sun, 06 Nov 1994 23:59:61 GMT", "T" },
  { "Sun, 06 Nov 1994 08:49:37 UTC", "Z" }, { "Sun, 06 Nov 1994 08:49:37 GMTX", "S" },
  { "Sun 06 Nov 1994 08:49:37 GMT", "S" }, { "Sun,06 Nov 1994 08:49:37 GMT", "S" },
  { "Sun, 06-Nov 1994 08:49:37 GMT", "S" }, { "Sun, 06 Nov-1994 08:49:37 GMT", "S" },
  { "Sun, 06 Nov 1994-08:49:37 GMT", "S" }, { "Sun, 06 Nov 1994 08-49:37 GMT", "S" },
  { "Sun, 06 Nov 1994 08:49-37 GMT", "S" }, { "Sun, 06 Nov 1994 08:49:37-GMT", "S" },
  -- rfc850-date
  { "Sunday, 06-Nov-94 08:49:37 GMT", 784111777 }, { "Wednesday, 06-Nov-94 08:49:37 GMT", 784111777 },
  { "Sundax, 06-Nov-94 08:49:37 GMT", "D" }, { "Wednesdax, 06-Nov-94 08:49:37 GMT", "D" },
  { "Sun, 06-Nov-94 08:49:37 GMT", "S" }, { "Sunday, x6-Nov-94 08:49:37 GMT", "S" },
  { "Sunday, 31-Nov-94 08:49:37 GMT", "Y" }, { "Sunday, 06-Nxv-94 08:49:37 GMT", "M" },
  { "Sunday, 06-Nov-9x 08:49:37 GMT", "S" }, { "Sunday, 06-Nov-1994 08:49:37 GMT", "S" },
  { "Sunday, 06-Nov-94 0x:49:37 GMT", "S" }, { "Sunday, 06-Nov-94 25:49:37 GMT", "T" },
  { "Sunday, 06-Nov-94 08:49:37 UTC", "Z" }, { "Sunday 06-Nov-94 08:49:37 GMT", "S" },
  { "Sunday,06-Nov-94 08:49:37 GMT", "S" }, { "Sunday, 06 Nov-94 08:49:37 GMT", "S" },
  { "Sunday, 06-Nov 94 08:49:37 GMT", "S" }, { "Sunday, 06-Nov-94-08:49:37 GMT", "S" },
  { "Sunday, 06-Nov-94 08-49:37 GMT", "S" }, { "Sunday, 06-Nov-94 08:49-37 GMT", "S" },
  { "Sunday, 06-Nov-94 08:49:37-GMT", "S" },
  -- asctime-date (its day is 2DIGIT or SP DIGIT)
  { "Sun Nov  6 08:49:37 1994", 784111777 }, { "Sun Nov 06 08:49:37 1994", 784111777 },
  { "Sun Nov 16 08:49:37 1994", 784975777 }, { "Sun Feb 29 08:49:37 2000", 951814177 },
  { "Xun Nov  6 08:49:37 1994", "D" }, { "Sun Nxv  6 08:49:37 1994", "M" },
  { "Sun Nov x6 08:49:37 1994", "S" }, { "Sun Nov  x 08:49:37 1994", "S" },
  { "Sun Nov 31 08:49:37 1994", "Y" }, { "Sun Nov  0 08:49:37 1994", "Y" },
  { "Sun Feb 29 08:49:37 1900", "Y" }, { "Sun Nov  6 08:49:x7 1994", "S" },
  { "Sun Nov  6 08:49:37 19x4", "S" }, { "Sun Nov  6 08:49:37 994", "S" },
  { "Sun Nov  6 08:49:37 GMT", "S" }, { "Sun Nov  6 08:49:37 1994 ", "S" },
  { "Sun,Nov  6 08:49:37 1994", "S" }, { "Sun Nov- 6 08:49:37 1994", "S" },
  { "Sun Nov  6-08:49:37 1994", "S" }, { "Sun Nov  6 08-49:37 1994", "S" },
  { "Sun Nov  6 08:49:37-1994", "S" },
}

describe("malformed input", function()
  it("HTTP-dates: one field or separator wrong at a time, in each of the three forms", function()
    assert.are.equal(67, #dates)  -- the table is read whole
    for _, case in ipairs(dates) do
      local text, want = case[1], case[2]
      local t, err = hs.parse_http_date(text, NOW)
      if type(want) == "number" then
        assert.are.equal(want, t, text)
        assert.is_nil(err)
      else
        assert.is_nil(t, text)
        assert.are.equal('invalid HTTP date: "' .. text .. '": ' .. why[want], err)
        -- retry_after reads the same parser (and allows space around it:
        -- the trailing space makes a past date, 0 seconds to wait)
        local s, rerr = hs.retry_after(text, NOW)
        if text:find(" $") then
          assert.are.equal(0, s)
        else
          assert.is_nil(s, text)
          -- what is not a date at all is neither; a date wrong in one field says which
          local rwhy = want == "S" and "neither delay-seconds nor an HTTP-date" or why[want]
          assert.are.equal('invalid Retry-After: "' .. text .. '": ' .. rwhy, rerr)
        end
      end
    end
  end)

  it("status lines: the version, the code and what follows it", function()
    local E = "invalid status line: "
    for _, case in ipairs {
      { "HTTP/1.1 20", "status code must be three digits" },
      { "HTTP/1.1 2x0", "status code must be three digits" },
      { "HTTP/1.1 2000 OK", "status code must be three digits" },
      { "HTTP/1.1  200", "status code must be three digits" },
      { "HTTP/x.1 200", "expected HTTP/x.y at the start" },
      { "HTTP/1.x 200", "expected HTTP/x.y at the start" },
      { "HTTP/2x 200", "expected HTTP/x.y at the start" },
      { "HTTP/4 200", "expected HTTP/x.y at the start" },
      { "HTTP/2", "expected one space after the HTTP version" },
      { "HTTP/1.1 200OK", "expected a space after the status code" },
      { "HTTP/1.1 699 X", "status code out of range 100-599" },
      { "HTTP/1.1 200 O\0K", "control character in the reason phrase" },
      { "HTTP/1.1 200 OK, and then\1 more", "control character in the reason phrase" },
    } do
      local code, err = hs.parse_status_line(case[1])
      assert.is_nil(code, case[1])
      assert.are.equal(E .. case[2], err)
    end
    local code, phrase, version = hs.parse_status_line("HTTP/3 200")
    assert.are.equal(200, code)
    assert.are.equal("", phrase)
    assert.are.equal("HTTP/3", version)
  end)

  it("methods: any token, special characters included; anything else raises", function()
    assert.are.equal("M-SEARCH", hs.redirect_method(302, "M-SEARCH"))
    assert.are.equal("GET", hs.redirect_method(303, "M-SEARCH"))
    assert.are.equal("!#$%&'*+-.^_`|~", hs.redirect_method(307, "!#$%&'*+-.^_`|~"))
    for _, m in ipairs { "GE\0T", "GE T", "", "GET\r\n", "M(SEARCH)" } do
      local ok, err = pcall(hs.redirect_method, 302, m)
      assert.is_false(ok)
      assert.are.equal("bad argument #2 to 'redirect_method' (invalid HTTP method)", err)
    end
  end)

  it("classes: Nxx or NXX with N 1-5, or a class name, exactly", function()
    local msg = "bad argument #1 to 'list' (class expected: 1-5, \"4xx\" or a name such as \"client_error\")"
    for _, c in ipairs { "6xx", "0xx", "4yx", "4xy", "4Xx", "4xX", "client_erro", "client_errorx", "Client_error",
                         0, 6, 4.5 } do
      local ok, err = pcall(hs.list, c)
      assert.is_false(ok, tostring(c))
      assert.are.equal(msg, err)
    end
    assert.are.same(hs.list(4), hs.list("4XX"))
    assert.are.same(hs.list(4), hs.list("client_error"))
  end)

  it("status sets: what looks like a code and is not", function()
    for _, spec in ipairs { "4xy", "4a5", "45a", "a45", "4x", "4xxx" } do
      local s, err = hs.set(spec)
      assert.is_nil(s)
      assert.are.equal('bad status set: "' .. spec .. '" at position 1 is not a status code, range, class or name', err)
    end
    local ok, err = pcall(hs.set, io.stdout)
    assert.is_false(ok)
    assert.are.equal("bad argument #1 to 'set' (status set expected: a string, a code or an array of them, "
                     .. "got userdata)", err)
    assert.is_false(hs.set("200") == io.stdout)  -- another userdata is never equal to a set
  end)

  it("odd calls of the metamethods: no Lua caller, other userdata, other keys", function()
    local s = hs.set "5xx"
    -- an operator run where no Lua function called it: its message has no position
    -- (PUC 5.1's coroutine.wrap takes only a Lua function)
    local add = debug.getmetatable(s).__add
    local wrapped, co = pcall(coroutine.wrap, add)
    local ok, err
    if wrapped then
      ok, err = pcall(co, s, "bogus")
      assert.is_false(ok)
      assert.are.equal('bad status set: "bogus" at position 1 is not a status code, range, class or name', err)
    else
      assert.are.equal("Lua 5.1", _VERSION)
      assert.truthy(co:find("Lua function expected", 1, true))
    end
    ok, err = pcall(add, s, "bogus")  -- called by pcall, a C function: the position is pcall's caller's
    assert.is_false(ok)
    assert.truthy(err:find("^[^:]*15%-malformed_spec%.lua:%d+: bad status set"), err)
    -- __eq with a userdata that is not a set, from either side (5.2 on call it; 5.1 and LuaJIT do not)
    local eq = debug.getmetatable(s).__eq
    assert.is_false(eq(s, io.stdout))
    assert.is_false(eq(io.stdout, s))
    assert.is_false(io.stdout == s)
    assert.is_false(hs.set "200" == hs.set "201")
  end)

  it("the module's lazy fields: only string keys of the module table mean anything #c_only", function()
    assert.is_nil(hs[1])
    assert.is_nil(hs[true])
    assert.is_nil(hs.no_such_field)
    local index = getmetatable(hs).__index
    assert.is_nil(index({}, 1))
    assert.is_nil(index(5, "reasons"))
  end)

  it("gRPC names: letters compared ignoring case, nothing else", function()
    assert.are.equal(200, hs.from_grpc("ok"))
    assert.are.equal(503, hs.from_grpc("Unavailable"))
    for _, s in ipairs { "OK~", "{K", "O", "OKAY", "UNAVAILABLE ", "-1", "17" } do
      local code, err = hs.from_grpc(s)
      assert.is_nil(code, s)
      assert.are.equal(('unknown gRPC status: "%s"'):format(s), err)
    end
  end)
end)
