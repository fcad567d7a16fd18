-- Retries and HTTP dates: is_retryable(code, method), retry_after,
-- parse_http_date and http_date (RFC 9110, Sections 5.6.7, 9.2.2, 10.2.3).
local hs = require "httpstatus"

local RFC_EXAMPLE = 784111777  -- Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example

-- An independent calendar: days before year y, month lengths, by counting.
local function is_leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
local DAYS = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" }  -- from 1970-01-01, a Thursday
local LONG = { Sun = "Sunday", Mon = "Monday", Tue = "Tuesday", Wed = "Wednesday", Thu = "Thursday",
               Fri = "Friday", Sat = "Saturday" }
local function month_days(y, m) return (m == 2 and is_leap(y)) and 29 or MONTH_DAYS[m] end
local function epoch(y, m, d, hh, mm, ss)
  local days = 0
  for year = 1970, y - 1 do days = days + (is_leap(year) and 366 or 365) end
  for year = y, 1969 do days = days - (is_leap(year) and 366 or 365) end
  for month = 1, m - 1 do days = days + month_days(y, month) end
  days = days + d - 1
  return days * 86400 + (hh or 0) * 3600 + (mm or 0) * 60 + (ss or 0), days
end

describe("is_retryable(code, method)", function()
  local idempotent = { GET = true, HEAD = true, OPTIONS = true, TRACE = true, PUT = true, DELETE = true }
  local methods = { "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH", "CONNECT",
                    "get", "Put", "PROPFIND" }

  it("retries 408, 425 and 429 for any method, 500 502 503 504 only for idempotent ones", function()
    for code = 100, 599 do
      for _, m in ipairs(methods) do
        local want = code == 408 or code == 425 or code == 429
          or ((code == 500 or code == 502 or code == 503 or code == 504) and idempotent[m] == true)
        assert.are.equal(want, hs.is_retryable(code, m), code .. " " .. m)
      end
    end
  end)

  it("is the v1 predicate without a method", function()
    for code = 0, 999 do assert.are.equal(hs.is_retryable(code), hs.is_retryable(code, nil)) end
    assert.is_true(hs.is_retryable(503))
  end)

  it("raises for a method that is not a string, and for a bad code", function()
    for _, m in ipairs { 1, true, {}, print } do
      assert.error_matches(function() return hs.is_retryable(503, m) end,
        "bad argument #2 to 'is_retryable' (method must be a string", nil, true)
    end
    assert.error_matches(function() return hs.is_retryable(503.5, "GET") end,
      "bad argument #1 to 'is_retryable'", nil, true)
  end)
end)

describe("parse_http_date()", function()
  it("reads the three forms of RFC 9110's example", function()
    assert.are.equal(RFC_EXAMPLE, hs.parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"))
    assert.are.equal(RFC_EXAMPLE, hs.parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", RFC_EXAMPLE))
    assert.are.equal(RFC_EXAMPLE, hs.parse_http_date("Sun Nov  6 08:49:37 1994"))
    assert.are.equal(RFC_EXAMPLE, hs.parse_http_date("Sun Nov 06 08:49:37 1994"))
  end)

  it("reads every day of a leap year and of a common year, in every form", function()
    for _, y in ipairs { 2024, 2023, 2000, 1900 } do
      for m = 1, 12 do
        for d = 1, month_days(y, m) do
          local t, days = epoch(y, m, d, 23, 59, 58)
          local name = DAYS[days % 7 + 1]
          local imf = ("%s, %02d %s %04d 23:59:58 GMT"):format(name, d, MONTHS[m], y)
          local asc = ("%s %s %2d 23:59:58 %04d"):format(name, MONTHS[m], d, y)
          local rfc850 = ("%s, %02d-%s-%02d 23:59:58 GMT"):format(LONG[name], d, MONTHS[m], y % 100)
          assert.are.equal(t, hs.parse_http_date(imf), imf)
          assert.are.equal(t, hs.parse_http_date(asc), asc)
          assert.are.equal(t, hs.parse_http_date(rfc850, epoch(y, 6, 1)), rfc850)
          if y >= 1970 then assert.are.equal(imf, hs.http_date(t)) end
        end
        local past = ("Mon, %02d %s %04d 00:00:00 GMT"):format(month_days(y, m) + 1, MONTHS[m], y)
        local _, err = hs.parse_http_date(past)
        assert.are.equal('invalid HTTP date: "' .. past .. '": no such day in that month', err)
      end
    end
  end)

  it("reads a two-digit year as at most 50 years after now, comparing timestamps", function()
    local y2k = epoch(2000, 1, 1)
    -- exactly 50 years ahead stays ahead; one second more is a century back
    assert.are.equal(epoch(2050, 1, 1), hs.parse_http_date("Saturday, 01-Jan-50 00:00:00 GMT", y2k))
    assert.are.equal(-631151999, hs.parse_http_date("Sunday, 01-Jan-50 00:00:01 GMT", y2k))
    assert.are.equal(epoch(1950, 1, 1, 0, 0, 1), -631151999)
    -- the same month and day, later in the day; an earlier day of the year 50 on
    local now = epoch(2026, 7, 1, 12, 0, 0)
    assert.are.equal(epoch(2076, 7, 1, 12, 0, 0), hs.parse_http_date("Wednesday, 01-Jul-76 12:00:00 GMT", now))
    assert.are.equal(epoch(1976, 7, 1, 12, 0, 1), hs.parse_http_date("Thursday, 01-Jul-76 12:00:01 GMT", now))
    assert.are.equal(epoch(2076, 6, 30, 23, 59, 59), hs.parse_http_date("Tuesday, 30-Jun-76 23:59:59 GMT", now))
    assert.are.equal(epoch(1976, 7, 2), hs.parse_http_date("Friday, 02-Jul-76 00:00:00 GMT", now))
    -- the leap second of the day 50 years on is later than any time of that day
    assert.are.equal(epoch(1976, 7, 2), hs.parse_http_date("Thursday, 01-Jul-76 23:59:60 GMT",
      epoch(2026, 7, 1, 23, 59, 59)))
  end)

  it("reads a two-digit year as at most 50 years after now (the year)", function()
    local function year_of(text, now_year)
      local t = hs.parse_http_date(text, epoch(now_year, 7, 1))
      return t and tonumber(hs.http_date(t):match("(%d%d%d%d) "))
    end
    assert.are.equal(1994, year_of("Sunday, 06-Nov-94 08:49:37 GMT", 2026))
    assert.are.equal(2076, year_of("Tuesday, 06-Jan-76 08:49:37 GMT", 2026))  -- 50 years on, earlier in the year
    assert.are.equal(1976, year_of("Saturday, 06-Nov-76 08:49:37 GMT", 2026))  -- 50 years on, later in the year
    assert.are.equal(1977, year_of("Sunday, 06-Nov-77 08:49:37 GMT", 2026))  -- 51 would be too far
    assert.are.equal(2026, year_of("Friday, 06-Nov-26 08:49:37 GMT", 2026))
    assert.are.equal(2110, year_of("Thursday, 06-Nov-10 08:49:37 GMT", 2099))
    assert.are.equal(1999, year_of("Saturday, 06-Nov-99 08:49:37 GMT", 1970))
  end)

  it("reads the leap second 23:59:60 as the next second, in all three forms", function()
    local next_second = epoch(2017, 1, 1)
    assert.are.equal(1483228800, next_second)
    assert.are.equal(next_second, hs.parse_http_date("Sat, 31 Dec 2016 23:59:60 GMT"))
    assert.are.equal(next_second, hs.parse_http_date("Saturday, 31-Dec-16 23:59:60 GMT", next_second))
    assert.are.equal(next_second, hs.parse_http_date("Sat Dec 31 23:59:60 2016"))
    -- the day is still checked, and it is the day written that must exist
    assert.is_nil(hs.parse_http_date("Sat, 32 Dec 2016 23:59:60 GMT"))
    assert.are.equal(epoch(2016, 3, 1), hs.parse_http_date("Mon, 29 Feb 2016 23:59:60 GMT"))
  end)

  it("gives nil, message for a result outside the years 0000-9999", function()
    local last = hs.parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT")
    assert.are.equal(253402300799, last)
    local _, err = hs.parse_http_date("Fri, 31 Dec 9999 23:59:60 GMT")
    assert.are.equal('invalid HTTP date: "Fri, 31 Dec 9999 23:59:60 GMT": the date is outside the years 0000-9999',
      err)
    -- now near the end of 9999: "49" would be 10049
    assert.is_nil(hs.parse_http_date("Friday, 01-Jan-49 00:00:01 GMT", last))
    assert.are.equal(epoch(9999, 1, 1), hs.parse_http_date("Friday, 01-Jan-99 00:00:00 GMT", last))
    -- now in year 0: "99" would be year -1
    local year0 = epoch(0, 1, 1)
    assert.are.equal(-62167219200, year0)
    assert.is_truthy(select(2, hs.parse_http_date("Thursday, 31-Dec-99 23:59:59 GMT", year0))
      :find("outside the years 0000-9999", 1, true))
    assert.are.equal(year0, hs.parse_http_date("Saturday, 01-Jan-00 00:00:00 GMT", year0))
    assert.are.equal(year0, hs.parse_http_date("Sat, 01 Jan 0000 00:00:00 GMT"))
  end)

  it("says once that there is no value when called without one", function()
    assert.are.same({ nil, "invalid HTTP date: no value" }, { hs.parse_http_date() })
    assert.are.same({ nil, "invalid HTTP date: (nil): not an HTTP-date (IMF-fixdate, rfc850-date or asctime-date)" },
      { hs.parse_http_date(nil) })
    assert.are.same({ nil, "invalid HTTP date: 12: not an HTTP-date (IMF-fixdate, rfc850-date or asctime-date)" },
      { hs.parse_http_date(12) })
  end)

  it("reads the day name but does not check it against the date", function()
    assert.are.equal(RFC_EXAMPLE, hs.parse_http_date("Mon, 06 Nov 1994 08:49:37 GMT"))
    assert.are.equal(RFC_EXAMPLE, hs.parse_http_date("Friday, 06-Nov-94 08:49:37 GMT", RFC_EXAMPLE))
  end)

  it("refuses near misses of each form with a message", function()
    local cases = {
      ["sun, 06 Nov 1994 08:49:37 GMT"] = "not a day name",
      ["Sun, 06 nov 1994 08:49:37 GMT"] = "not a month",
      ["Sun, 06 Nov 1994 08:49:37 gmt"] = "the zone must be GMT",
      ["Sun, 06 Nov 1994 08:49:37 UTC"] = "the zone must be GMT",
      ["Sun, 06 Nov 1994 08:49:37"] = "not an HTTP-date",
      ["Sun, 6 Nov 1994 08:49:37 GMT"] = "not an HTTP-date",
      ["Sun, 06 Nov 94 08:49:37 GMT"] = "not an HTTP-date",
      ["Sun,  06 Nov 1994 08:49:37 GMT"] = "not an HTTP-date",
      [" Sun, 06 Nov 1994 08:49:37 GMT"] = "not an HTTP-date",
      ["Sun, 06 Nov 1994 08:49:37 GMT "] = "not an HTTP-date",
      ["Sun, 06 Nov 1994 8:49:37 GMT"] = "not an HTTP-date",
      ["Sun, 06 Nov 1994 24:00:00 GMT"] = "out of range",
      ["Sun, 06 Nov 1994 23:60:00 GMT"] = "out of range",
      ["Sun, 06 Nov 1994 23:59:61 GMT"] = "out of range",
      ["Sun, 06 Nov 1994 23:58:60 GMT"] = "out of range",
      ["Sun, 06 Nov 1994 22:59:60 GMT"] = "out of range",
      ["Sunday, 06-Nov-94 08:49:60 GMT"] = "out of range",
      ["Sun Nov  6 12:59:60 1994"] = "out of range",
      ["Sun, 00 Nov 1994 08:49:37 GMT"] = "no such day",
      ["Sun, 31 Nov 1994 08:49:37 GMT"] = "no such day",
      ["Sun, 29 Feb 1900 08:49:37 GMT"] = "no such day",
      ["Sun, 29 Feb 2023 08:49:37 GMT"] = "no such day",
      ["Sun, 06-Nov-94 08:49:37 GMT"] = "not an HTTP-date",
      ["Sunday, 06 Nov 1994 08:49:37 GMT"] = "not an HTTP-date",
      ["Sun, 06-Nov-1994 08:49:37 GMT"] = "not an HTTP-date",
      ["Sundai, 06-Nov-94 08:49:37 GMT"] = "not a day name",
      ["Sundy, 06-Nov-94 08:49:37 GMT"] = "not an HTTP-date",
      ["Sunday, 06-Nov-94 08:49:37 UTC"] = "the zone must be GMT",
      ["Sunday, 31-Apr-94 08:49:37 GMT"] = "no such day",
      ["Sun Nov 6  08:49:37 1994"] = "not an HTTP-date",
      ["Sun Nov  6 08:49:37 94"] = "not an HTTP-date",
      ["Sun Nov  6 08:49:37 1994 GMT"] = "not an HTTP-date",
      ["Sunday Nov  6 08:49:37 1994"] = "not an HTTP-date",
      ["Sun Nov 31 08:49:37 1994"] = "no such day",
      ["Sun Nov  6 08:49:37 1994\0"] = "not an HTTP-date",
      ["Sun, 06 Nov 1994 08:49:37 GMT\0"] = "not an HTTP-date",
      ["1994-11-06T08:49:37Z"] = "not an HTTP-date",
      [""] = "not an HTTP-date",
    }
    for text, why in pairs(cases) do
      local t, err = hs.parse_http_date(text, RFC_EXAMPLE)
      assert.is_nil(t, text)
      assert.is_truthy(err:find("^invalid HTTP date: "), err)
      assert.is_truthy(err:find(why, 1, true), ("%q gave %s"):format(text, err))
    end
  end)

  it("answers any value with a result or nil, message, never raising", function()
    local values = { 1, true, {}, print, ("x"):rep(2 ^ 20), ("Sun, 06 Nov 1994 08:49:37 GMT"):rep(1000) }
    for b = 0, 255 do
      local c = string.char(b)
      values[#values + 1] = c
      for i = 1, 29, 7 do  -- each byte in a few places of a good date
        values[#values + 1] = ("Sun, 06 Nov 1994 08:49:37 GMT"):sub(1, i - 1) .. c
          .. ("Sun, 06 Nov 1994 08:49:37 GMT"):sub(i + 1)
      end
    end
    for i = 1, #values + 1 do
      local ok, t, err = pcall(hs.parse_http_date, values[i], RFC_EXAMPLE)
      assert.is_true(ok, tostring(t))
      if t == nil then assert.is_true(#err < 200) else assert.is_number(t) end
    end
  end)

  it("raises for a `now` that is not an integer of years 0-9999", function()
    for _, now in ipairs { "1", 1.5, {}, true, 0 / 0, 1e300, -1e15 } do
      assert.error_matches(function() return hs.parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", now) end,
        "bad argument #2 to 'parse_http_date' (now", nil, true)
    end
  end)
end)

describe("http_date()", function()
  it("writes the IMF-fixdate of every second it is asked, from 1970 to the end of 9999", function()
    assert.are.equal("Thu, 01 Jan 1970 00:00:00 GMT", hs.http_date(0))
    assert.are.equal("Sun, 06 Nov 1994 08:49:37 GMT", hs.http_date(RFC_EXAMPLE))
    assert.are.equal("Tue, 19 Jan 2038 03:14:08 GMT", hs.http_date(2 ^ 31))
    assert.are.equal("Fri, 31 Dec 9999 23:59:59 GMT", hs.http_date(253402300799))
    assert.are.equal("Tue, 29 Feb 2000 12:00:00 GMT", hs.http_date(epoch(2000, 2, 29, 12)))
  end)

  it("round-trips with parse_http_date over 20000 random times", function()
    local seed = 99
    for _ = 1, 20000 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      local t = math.floor(seed / 2147483648 * 253402300800)
      assert.are.equal(t, hs.parse_http_date(hs.http_date(t)))
    end
  end)

  it("raises for anything but an integer in range", function()
    for _, bad in ipairs { -1, 253402300800, 1.5, "0", {}, true, 0 / 0, math.huge, -math.huge } do
      assert.error_matches(function() return hs.http_date(bad) end, "bad argument #1 to 'http_date'", nil, true)
    end
  end)
end)

describe("retry_after()", function()
  it("takes delay-seconds, with optional SP and HTAB around", function()
    assert.are.equal(120, hs.retry_after("120"))
    assert.are.equal(0, hs.retry_after("0"))
    assert.are.equal(120, hs.retry_after(" \t120\t "))
    assert.are.equal(7, hs.retry_after("0007"))
    assert.are.equal(2147483647, hs.retry_after("2147483647"))
    assert.are.equal(2147483648, hs.retry_after("2147483648"))
    assert.are.equal(2147483648, hs.retry_after("2147483649"))
    assert.are.equal(2147483648, hs.retry_after(("9"):rep(400)))
    assert.is_true(math.type == nil or math.type(hs.retry_after("5")) == "integer")
  end)

  it("takes an HTTP-date: the seconds from now to it, 0 once it is past", function()
    assert.are.equal(77, hs.retry_after("Sun, 06 Nov 1994 08:49:37 GMT", RFC_EXAMPLE - 77))
    assert.are.equal(0, hs.retry_after("Sun, 06 Nov 1994 08:49:37 GMT", RFC_EXAMPLE + 1))
    assert.are.equal(60, hs.retry_after("  Sunday, 06-Nov-94 08:50:37 GMT ", RFC_EXAMPLE))
    assert.are.equal(3600, hs.retry_after("Sun Nov  6 09:49:37 1994", RFC_EXAMPLE))
  end)

  -- the one test that reads the clock: every other passes its now
  it("reads the clock for a date when no now is given", function()
    assert.are.equal(0, hs.retry_after("Sun, 06 Nov 1994 08:49:37 GMT"))
    local soon = hs.retry_after(hs.http_date(os.time() + 100))
    assert.is_true(soon >= 97 and soon <= 100, soon)
  end)

  it("takes a number as delay-seconds when it is a non-negative integer", function()
    assert.are.equal(30, hs.retry_after(30))
    assert.are.equal(30, hs.retry_after(30.0))
    assert.are.equal(2147483648, hs.retry_after(2 ^ 40))
    assert.are.equal(2147483648, hs.retry_after(1e300))
    for _, bad in ipairs { -1, 1.5, 0 / 0, math.huge, -0.5 } do
      local v, err = hs.retry_after(bad)
      assert.is_nil(v, tostring(bad))
      assert.is_truthy(err:find("not a non-negative integer", 1, true), err)
    end
  end)

  it("reads now only for an HTTP-date, and says once that there is no value", function()
    assert.are.equal(5, hs.retry_after("5", 1e15))
    assert.are.equal(5, hs.retry_after(5, "not a time"))
    assert.are.equal(2147483648, hs.retry_after("99999999999", {}))
    assert.error_matches(function() hs.retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 1e15) end,
      "bad argument #2 to 'retry_after' (now out of range (years 0-9999))", nil, true)
    assert.error_matches(function() hs.retry_after("Sun, 06 Nov 1994 08:49:37 GMT", "x") end,
      "bad argument #2 to 'retry_after' (now must be an integer", nil, true)
    assert.are.same({ nil, "invalid Retry-After: no value" }, { hs.retry_after() })
    assert.are.same({ nil, "invalid Retry-After: -1: not a non-negative integer" }, { hs.retry_after(-1) })
  end)

  it("gives nil and a message for anything else, never raising", function()
    local cases = { "", " ", "1.5", "-1", "+1", "1e3", "12 s", "soon", "0x10", "1 2", "120\r\n",
                    "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Nov 1994 08:49:37 GMT", true, {}, print }
    for b = 0, 255 do cases[#cases + 1] = "12" .. string.char(b) end
    for i = 1, #cases + 1 do
      local ok, v, err = pcall(hs.retry_after, cases[i], RFC_EXAMPLE)
      assert.is_true(ok, tostring(v))
      if cases[i] ~= "12 " and cases[i] ~= "12\t" and not (type(cases[i]) == "string" and cases[i]:match("^12%d$")) then
        assert.is_nil(v, tostring(cases[i]))
        assert.is_truthy(err:find("^invalid Retry%-After: "), err)
      end
    end
    assert.are.equal('invalid Retry-After: "soon": neither delay-seconds nor an HTTP-date',
      select(2, hs.retry_after("soon")))
    assert.are.equal('invalid Retry-After: "Sun, 31 Nov 1994 08:49:37 GMT": no such day in that month',
      select(2, hs.retry_after("Sun, 31 Nov 1994 08:49:37 GMT")))
  end)
end)

describe("dates against Python's calendar.timegm #subprocess", function()
  it("agree on 5000 random valid dates in the three forms", function()
    local seed, lines, texts = 7, {}, {}
    local function rnd(n)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return math.floor(seed / 65536) % n
    end
    local now = epoch(2026, 11, 24)
    local function later(m, d, hh, mm, ss)  -- than 2076-11-24 00:00:00, now 50 years on
      return m > 11 or (m == 11 and (d > 24 or (d == 24 and hh + mm + ss > 0)))
    end
    for i = 1, 5000 do
      local form = i % 3
      local y = form == 1 and (1977 + rnd(100)) or (1 + rnd(9999))  -- rfc850: within now-49..now+50
      local m = 1 + rnd(12)
      local d = 1 + rnd(month_days(y, m))
      local hh, mm, ss = rnd(24), rnd(60), rnd(60)
      local name = ({ "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" })[1 + rnd(7)]
      local text
      if form == 0 then
        text = ("%s, %02d %s %04d %02d:%02d:%02d GMT"):format(name, d, MONTHS[m], y, hh, mm, ss)
      elseif form == 1 then
        text = ("%s, %02d-%s-%02d %02d:%02d:%02d GMT"):format(LONG[name], d, MONTHS[m], y % 100, hh, mm, ss)
      else
        text = ("%s %s %2d %02d:%02d:%02d %04d"):format(name, MONTHS[m], d, hh, mm, ss, y)
      end
      texts[i] = text
      -- the 50-year rule, on timestamps: what Python is asked about
      if form == 1 and y == 2076 and later(m, d, hh, mm, ss) then y = 1976 end
      lines[i] = ("%d %d %d %d %d %d"):format(y, m, d, hh, mm, ss)
    end
    local input = os.tmpname()
    local f = assert(io.open(input, "w"))
    f:write(table.concat(lines, "\n"), "\n")
    f:close()
    local p = assert(io.popen("python3 -c 'import calendar, sys\n"
      .. "for l in sys.stdin: print(calendar.timegm(tuple(int(x) for x in l.split()) + (0, 0, 0)))' < " .. input))
    local i = 0
    for want in p:lines() do
      i = i + 1
      assert.are.equal(tonumber(want), hs.parse_http_date(texts[i], now), texts[i])
    end
    p:close()
    os.remove(input)
    assert.are.equal(5000, i)
  end)
end)
