-- Hostile input: huge and binary strings, odd numbers, tables with
-- metatables, unusual calls. A clear error or a clean nil, never a crash,
-- and memory that stays bounded.
local hs = require "httpstatus"

local MiB = 2^20
local huge = {
  ("x"):rep(MiB), ("9"):rep(MiB), ("\0"):rep(MiB), ("\255"):rep(16 * MiB),
  "HTTP/1.1 200 " .. ("a"):rep(16 * MiB), ("Not Found "):rep(MiB / 8),
}

describe("huge strings", function()
  it("get a clean answer from code() and parse_status_line()", function()
    for i, s in ipairs(huge) do
      local code, msg = hs.code(s)
      assert.is_nil(code, i)
      assert.is_true(#msg < 100)
      local c = hs.parse_status_line(s)
      if i == 5 then assert.are.equal(200, c) else assert.is_nil(c, i) end
    end
  end)

  it("are refused as codes, languages, methods, versions and classes with a short error", function()
    for i, s in ipairs(huge) do
      local digits, token = s:find("^%d+$") ~= nil, s:find("^%w+$") ~= nil
      -- { the call, what it gives when it does not raise (nil: it must raise) }
      for _, case in ipairs {
        -- reason("999...9") is a code found nowhere: nil; other text is no code: a raise
        { function() return hs.reason(s) end, digits and "nil" or nil },
        { function() return hs.reason(404, s) end },
        -- a run of letters or digits is a method (a token), returned as it is
        { function() return hs.redirect_method(301, s) end, token and s or nil },
        { function() return hs.status_line(200, s) end },
        { function() return hs.list(s) end },
      } do
        local ok, res = pcall(case[1])
        if case[2] ~= nil then
          assert.is_true(ok, i)
          assert.are.equal(case[2], res == nil and "nil" or res)
        else
          assert.is_false(ok, i)
          assert.are.equal("string", type(res))
          assert.is_true(#res < 200, "error message of " .. #res .. " bytes")
          assert.truthy(res:find("bad argument #", 1, true), res)
        end
      end
    end
  end)
end)

describe("binary strings", function()
  it("never match a name, whatever bytes surround it", function()
    for b = 0, 255 do
      local c = string.char(b)
      local expect = (c == " " or c == "-" or c == "_" or c == "'" or c == "\t") and 404 or nil
      assert.are.equal(expect, hs.code("Not" .. c .. "Found"), "byte " .. b)
      assert.is_nil(hs.code(c .. "\0Not Found"), "byte " .. b)
    end
  end)

  it("handle invalid UTF-8 and cut-off apostrophes", function()
    for _, s in ipairs { "I\226\128m a teapot", "I\226m a teapot", "\192\128", "\237\160\128",
                         "Not Found\226\128", "\226\128\153" } do
      assert.is_nil((hs.code(s)))
      assert.is_nil((hs.parse_status_line("HTTP/1.1 200" .. s)))
      assert.are.equal(200, (hs.parse_status_line("HTTP/1.1 200 " .. s .. "x")))
    end
  end)
end)

describe("odd numbers", function()
  local two53p1 = math.tointeger and math.tointeger(2^53) + 1 or 2^53 + 1

  it("treat -0.0 as 0, an invalid code", function()
    assert.is_false(hs.is_valid(-0.0))
    assert.is_nil(hs.class(-0.0))
    assert.is_nil((hs.code(-0.0)))
  end)

  it("treat 2^53 + 1 and the integer extremes as out of range", function()
    for _, v in ipairs { two53p1, -two53p1, 2^63, -2^63, 2^1023, -2^1023,
                         math.maxinteger or 2^62, math.mininteger or -2^62 } do
      assert.is_false(hs.is_valid(v))
      assert.is_nil(hs.reason(v))
      assert.is_nil((hs.code(v)))
      assert.has_error(function() hs.status_line(v) end)
    end
  end)

  it("refuse NaN and the infinities as codes, everywhere", function()
    for _, v in ipairs { 0 / 0, -(0 / 0), math.huge, -math.huge } do
      assert.has_error(function() hs.is_valid(v) end)
      assert.is_nil((hs.code(v)))
      assert.has_error(function() hs.list(v) end)
    end
  end)

  it("take the codes just inside and outside the range right", function()
    assert.is_true(hs.is_valid(100) and hs.is_valid(599) and hs.is_valid(100.0))
    assert.is_false(hs.is_valid(99) or hs.is_valid(600))
    assert.has_error(function() hs.is_valid(99.99999999) end)
    assert.has_error(function() hs.is_valid(100 + 2^-40) end)
  end)
end)

describe("tables with metatables", function()
  local tricky = {
    setmetatable({}, { __tostring = function() return "404" end }),
    setmetatable({}, { __index = function() return 404 end }),
    setmetatable({}, { __len = function() return 404 end, __eq = function() return true end }),
    setmetatable({}, { __call = function() return 404 end }),
    setmetatable({}, { __index = function() error("touched") end,
                       __tostring = function() error("touched") end }),
  }

  it("are refused as codes without their metamethods being called", function()
    for _, t in ipairs(tricky) do
      assert.error_matches(function() hs.reason(t) end, "got table", nil, true)
      assert.error_matches(function() hs.reason(404, t) end, "#2", nil, true)
      assert.error_matches(function() hs.redirect_method(301, t) end, "#2", nil, true)
      local code, msg = hs.code(t)
      assert.is_nil(code)
      assert.are.equal("unknown HTTP status: (table)", msg)
      assert.is_nil((hs.parse_status_line(t)))
    end
  end)
end)

describe("memory", function()
  it("stays bounded over many failing and succeeding calls", function()
    local function churn()
      for i = 1, 20000 do
        hs.code("no such status " .. i % 10)
        hs.parse_status_line("HTTP/1.1 20" .. i % 10 .. " x\1")
        pcall(hs.reason, {})
        hs.info(i % 500 + 100)
        hs.list()
      end
    end
    churn()
    collectgarbage()
    collectgarbage()
    local before = collectgarbage("count")
    churn()
    collectgarbage()
    collectgarbage()
    assert.is_true(collectgarbage("count") - before < 256, "grew by "
      .. (collectgarbage("count") - before) .. " KiB")
  end)
end)
