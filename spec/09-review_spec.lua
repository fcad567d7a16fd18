-- The 1.0.1 findings: what a review of 1.0, tried as a new user and as a
-- hostile host would, found wrong. Each test failed on 1.0.0. Grouped by
-- the function they are about.
local hs = require "httpstatus"

local jit = rawget(_G, "jit")

-- A fresh copy of the module (its own closures and upvalues), loaded from
-- the same file as `hs` with package.loadlib: what another lua_State's
-- require would run.
local function fresh_loader()
  return assert(package.loadlib(dofile("spec/support.lua").module_file(), "luaopen_httpstatus"))
end

describe("require: luaopen_httpstatus in a host that embeds Lua #c_only", function()
  -- runs f(G) with every global removed (then puts them back); G is the
  -- globals table, for f to put things in
  local pairs, rawset, pcall, G = pairs, rawset, pcall, _G
  local function without_globals(f)
    local saved = {}
    for k, v in pairs(G) do saved[k] = v end
    for k in pairs(saved) do rawset(G, k, nil) end
    local ok, a, b = pcall(f, G)
    for k in pairs(G) do rawset(G, k, nil) end
    for k, v in pairs(saved) do rawset(G, k, v) end
    assert(ok, a)
    return a, b
  end

  it("gets the whole module in a state whose globals were emptied", function()
    local loader = fresh_loader()
    local m = without_globals(function() return loader("httpstatus") end)
    assert.are.equal("Not Found", m.reason(404))
    assert.are.equal("client_error", m.class(404))
    assert.is_true(m.is_retryable(503))
    assert.are.equal(413, m.code("request entity too large"))
    assert.is_false(pcall(m.is_client_error, 404.5))
  end)

  it("does not trust globals replaced before require", function()
    local loader, real_type, real_rawget = fresh_loader(), type, rawget
    local m = without_globals(function(g)
      -- a `type` that lies about strings, a `tostring` that lies about everything
      g.type = function(v) return real_type(v) == "string" and "number" or real_type(v) end
      g.rawget, g.tostring, g.jit = real_rawget, function() return "404" end, jit
      return loader("httpstatus")
    end)
    for _, f in ipairs { "reason", "class", "is_client_error", "is_cacheable", "is_valid" } do
      for _, bad in ipairs { {}, "abc", 404.5 } do
        assert.error_matches(function() return m[f](bad) end, "bad argument #1 to '" .. f .. "'", nil, true)
      end
    end
    assert.is_true(m.is_client_error("404"))
    assert.are.equal("Not Found", m.reason("404"))
    assert.are.equal("Not Found", m.reason(404.0))
  end)

  it("chooses the LuaJIT fast paths by asking the VM, not a global `jit`", function()
    local what = debug.getinfo(hs.reason, "S").what
    assert.are.equal(jit and "Lua" or "C", what)
    local loader = fresh_loader()
    local m = without_globals(function(g)
      if not jit then g.jit = { version = "LuaJIT 2.1 (not really)" } end
      return loader("httpstatus")
    end)
    assert.are.equal(what, debug.getinfo(m.reason, "S").what)
    assert.are.equal(what, debug.getinfo(m.is_success, "S").what)
  end)

  it("cannot be crashed through debug.setupvalue", function()
    local m = fresh_loader()("httpstatus")
    local values = { 42, "x", {}, true, print, coroutine.create(function() end), io.stdout }
    for name, f in pairs(m) do
      if type(f) == "function" then
        for up = 1, 8 do
          for _, v in ipairs(values) do
            if not debug.setupvalue(f, up, v) then break end
            -- any answer or a Lua error will do: the process must live
            for _, arg in ipairs { 404, 299, "404", "HTTP/1.1 404 Not Found" } do
              pcall(m[name], arg)
              pcall(m[name], arg, "zh")
            end
          end
        end
      end
    end
    assert.are.equal("Not Found", hs.reason(404))  -- the module in use is untouched
  end)
end)

describe("require: a module built for another Lua #c_only", function()
  it("is refused: the dynamic linker refuses it, or luaL_checkversion raises", function()
    local mine = jit and "jit" or _VERSION:match("%d+%.%d+")
    for _, other in ipairs { "5.1", "5.2", "5.3", "5.4", "jit" } do
      local so = "build/" .. other .. "/httpstatus.so"
      local abi = other == "jit" and "5.1" or other
      if other ~= mine and abi ~= _VERSION:match("%d+%.%d+") then
        assert.is_truthy(io.open(so), "no " .. so .. ": run make")
        local loader, err = package.loadlib(so, "luaopen_httpstatus")
        if loader then
          local ok, msg = pcall(loader, "httpstatus")
          assert.is_false(ok, so .. " loaded")
          assert.is_truthy(tostring(msg):find("version mismatch", 1, true), msg)
        else
          assert.is_truthy(tostring(err):find("undefined symbol", 1, true), err)
        end
      end
    end
  end)

  it("calls luaL_checkversion on 5.2 and later #subprocess", function()
    for _, v in ipairs { "5.2", "5.3", "5.4" } do
      local p = assert(io.popen("nm -D build/" .. v .. "/httpstatus.so"))
      local symbols = p:read("*a")
      p:close()
      assert.is_truthy(symbols:find("U luaL_checkversion_", 1, true), v)
      assert.is_truthy(symbols:find("T luaopen_httpstatus", 1, true), v)
      local _, exported = symbols:gsub("\n%x+ [TDB] ", "")
      assert.are.equal(1, exported, "the module exports only luaopen_httpstatus")
    end
  end)
end)

describe("hs.list, hs.is_registered, hs.canonical: 306 and 418", function()
  it("lists only codes that have a phrase, so list() can be used without a nil check", function()
    for _, c in ipairs(hs.list()) do
      assert.is_string(hs.reason(c):upper(), c)
      assert.is_string(hs.reason(c, "zh"), c)
      assert.is_true(hs.is_registered(c))
    end
    for _, c in ipairs { 306, 418 } do
      assert.is_false(hs.is_registered(c))
      assert.are.equal("unused", hs.info(c).registry)
      assert.are.equal(c - c % 100, hs.canonical(c))
    end
  end)
end)

describe("hs.reason and hs.describe", function()
  it("refuses a language tag with bytes after a NUL", function()
    for _, lang in ipairs { "zh\0junk", "en\0", "zh\0", "zh-CN\0x" } do
      assert.error_matches(function() hs.reason(404, lang) end, "language must be", nil, true)
      assert.error_matches(function() hs.describe(404, lang) end, "language must be", nil, true)
    end
  end)

  it("says that 304 is a redirection, in both languages", function()
    assert.is_truthy(hs.describe(304):find("among the redirections", 1, true))
    assert.is_falsy(hs.describe(304):find("not a redirect", 1, true))
    assert.is_truthy(hs.describe(304, "zh"):find("重定向的一种", 1, true))
    assert.is_falsy(hs.describe(304, "zh"):find("不是重定向", 1, true))
  end)

  it("says what RFC 9110 says of 408, 411, 416, 307, 308 and 511", function()
    assert.is_falsy(hs.describe(408):find("closing the connection", 1, true))
    assert.is_truthy(hs.describe(408):find("new connection", 1, true))
    assert.is_truthy(hs.describe(411):find("without a defined Content-Length", 1, true))
    assert.is_truthy(hs.describe(416):find("overlapping", 1, true))
    assert.is_truthy(hs.describe(416, "zh"):find("重叠的范围", 1, true))
    for _, code in ipairs { 307, 308 } do
      assert.is_truthy(hs.describe(code):find("follows the redirect automatically", 1, true))
      assert.is_truthy(hs.describe(code, "zh"):find("自动跟随", 1, true))
    end
    assert.is_falsy(hs.describe(511):find("never", 1, true))
    assert.is_truthy(hs.describe(511):find("log in", 1, true))
  end)

  it("explains 306 and 104 in unambiguous Chinese", function()
    local z306 = hs.info(306).zh.description
    assert.is_truthy(z306:find("互联网草案", 1, true))
    assert.is_truthy(z306:find("从未写入任何 RFC", 1, true))
    local z104 = hs.describe(104, "zh")
    assert.is_truthy(z104:find("中间响应", 1, true))
    assert.is_truthy(z104:find("临时注册", 1, true))
    assert.is_falsy(z104:find("临时响应", 1, true))
  end)
end)

describe("hs.code", function()
  it("finds the phrases nginx and Apache send for registered codes", function()
    assert.are.equal(503, hs.code("Service Temporarily Unavailable"))
    assert.are.equal(405, hs.code("Not Allowed"))
    assert.are.equal(401, hs.code("Authorization Required"))
    assert.are.equal(501, hs.code("Method Not Implemented"))
    assert.are.equal(306, hs.code("Switch Proxy"))
    assert.is_nil(hs.NOT_ALLOWED)  -- server phrases are not constants
  end)
end)

describe("hs.info", function()
  it("gives former names oldest first, and the expiry of a temporary registration", function()
    assert.are.same({ "Request Entity Too Large", "Payload Too Large" }, hs.info(413).former)
    assert.are.same({ "Moved Temporarily" }, hs.info(302).former)
    assert.are.same({ "I'm a teapot" }, hs.info(418).former)
    assert.are.same({}, hs.info(306).former)  -- "Switch Proxy" was never an RFC name
    assert.are.same({}, hs.info(200).former)
    for _, c in ipairs(hs.list()) do
      local i = hs.info(c)
      assert.are.equal(i.registry == "temporary", i.expires ~= nil, c)
      for _, old in ipairs(i.former) do assert.are.equal(c, hs.code(old)) end
    end
    assert.are.equal("2026-11-13", hs.info(104).expires)
  end)
end)

describe("hs.unofficial", function()
  it("gives 430 the phrase Shopify documents", function()
    assert.are.same({ { reason = "Shopify Security Rejection", source = "Shopify" } }, hs.unofficial[430])
  end)

  it("has the missing vendor codes, and the different meanings of 530", function()
    local function sources(code)
      local s = {}
      for _, m in ipairs(hs.unofficial[code] or {}) do s[#s + 1] = m.source end
      return table.concat(s, ", ")
    end
    assert.are.equal("Apache HTTP Server folklore (ErrorDocument setups)", sources(218))
    assert.are.equal("Microsoft IIS (Exchange ActiveSync)", sources(451))
    assert.are.equal("AWS Elastic Load Balancing", sources(464))
    assert.are.equal("AWS Elastic Load Balancing", sources(561))
    assert.are.equal("Qualys SSL Labs", sources(529))
    assert.are.equal("Shopify", sources(540))
    assert.are.equal("Cloudflare, Shopify, Pantheon", sources(530))
    assert.are.equal("Site is frozen", hs.unofficial[530][3].reason)
    assert.is_truthy(hs.unofficial[527][1].note:find("obsolete", 1, true))
    for _, code in ipairs { 494, 495, 496, 497 } do
      assert.is_truthy(hs.unofficial[code][1].note:find("as 400", 1, true), code)
    end
  end)
end)

describe("hs.redirect_method and hs.status_line", function()
  it("refuses a method that is not a string, even a number", function()
    for _, m in ipairs { 42, 3.5, true, {} } do
      assert.error_matches(function() hs.redirect_method(301, m) end,
        "bad argument #2 to 'redirect_method' (method must be a string", nil, true)
    end
  end)

  it("refuses a version that is not a string, even a number", function()
    assert.error_matches(function() hs.status_line(200, 1.1) end,
      "bad argument #2 to 'status_line' (version must be a string", nil, true)
  end)
end)

describe("every function's errors", function()
  it("names the function the same way however it is called", function()
    local cases = {
      { hs.list, "list", 9 }, { hs.reason, "reason", {} }, { hs.class, "class", 4.5 },
      { hs.is_error, "is_error", "x" }, { hs.info, "info", true }, { hs.status_line, "status_line", 99 },
      { hs.redirect_method, "redirect_method", {} }, { hs.canonical, "canonical", 0 / 0 },
    }
    for _, case in ipairs(cases) do
      local f, name, bad = case[1], case[2], case[3]
      local prefix = "bad argument #1 to '" .. name .. "' ("
      local _, e1 = pcall(f, bad)
      local alias = f
      local _, e2 = pcall(function() local r = alias(bad); return r end)
      local _, e3 = pcall(function() local r = hs[name](bad); return r end)
      for _, e in ipairs { e1, e2, e3 } do
        assert.is_truthy(e:find(prefix, 1, true), e)
        assert.is_falsy(e:find("httpstatus.", 1, true), e)
        assert.is_falsy(e:find("'?'", 1, true), e)
      end
    end
  end)
end)
