-- bin/httpstatus, run as a user would, by the interpreter running this spec.
local hs = require "httpstatus"
local cjson_ok, cjson = pcall(require, "cjson")

local jit = rawget(_G, "jit")
local LUA = jit and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
local support = dofile("spec/support.lua")
-- the command runs on the module under test: the C module found on
-- package.cpath, or the pure edition through LUA_INIT
local INIT = ""
local MODULE
if support.pure(hs) then
  INIT = support.PURE_INIT .. " "
  MODULE = "LUA_INIT='" .. INIT .. "'"
else
  MODULE = "LUA_CPATH='" .. support.module_file():gsub("httpstatus(%.[^/]*)$", "?%1") .. ";;'"
end

-- runs bin/httpstatus with ENV and ARGS; returns stdout, stderr, exit status
local function run(args, env)
  local errfile = os.tmpname()
  local cmd = ("env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C %s %s %s bin/httpstatus %s"
               .. " 2>%s; echo \"exit=$?\""):format(MODULE, env or "", LUA, args, errfile)
  local p = assert(io.popen(cmd))
  local out = p:read("*a")
  p:close()
  local f = assert(io.open(errfile))
  local err = f:read("*a")
  f:close()
  os.remove(errfile)
  local status = tonumber(out:match("exit=(%d+)\n$"))
  return out:gsub("exit=%d+\n$", ""), err, status
end

describe("httpstatus (the command) #subprocess", function()
  it("explains a code given by number, constant name or old phrase", function()
    for _, q in ipairs { "413", "content_too_large", "'request entity too large'", "PAYLOAD_TOO_LARGE" } do
      local out, err, status = run(q)
      assert.are.equal(0, status, q)
      assert.are.equal("", err)
      assert.is_truthy(out:find("^413 Content Too Large\n"), out)
      assert.is_truthy(out:find("client error (4xx)", 1, true))
      assert.is_truthy(out:find("RFC 9110, Section 15.5.14", 1, true))
      assert.is_truthy(out:find(hs.describe(413), 1, true))
    end
  end)

  it("shows former names, the expiry of a temporary registration, and vendor meanings", function()
    assert.is_truthy(run("413"):find("formerly   Request Entity Too Large, Payload Too Large\n", 1, true))
    assert.is_truthy(run("104"):find("registry   temporary, expires 2026-11-13\n", 1, true))
    assert.is_truthy(run("451"):find("unofficial Redirect (Microsoft IIS (Exchange ActiveSync))", 1, true))
    assert.is_truthy(run("444"):find("closes the connection", 1, true))
    assert.is_falsy(run("404"):find("formerly", 1, true))
  end)

  it("shows the gRPC status and the span status for server and client", function()
    local out = run("503")
    assert.is_truthy(out:find("gRPC       14 UNAVAILABLE (for a response without grpc-status)\n", 1, true), out)
    assert.is_truthy(out:find("span       server error, client error\n", 1, true), out)
    out = run("404")
    assert.is_truthy(out:find("gRPC       12 UNIMPLEMENTED", 1, true), out)
    assert.is_truthy(out:find("span       server unset, client error\n", 1, true), out)
    assert.is_truthy(run("499"):find("gRPC       2 UNKNOWN", 1, true))
  end)

  it("shows the flags", function()
    local out = run("503")
    assert.is_truthy(out:find("flags      retryable\n", 1, true), out)
    out = run("308")
    assert.is_truthy(out:find("flags      cacheable, redirect\n", 1, true), out)
  end)

  it("explains a valid code with no registry entry, and its vendor meanings", function()
    local out, _, status = run("499")
    assert.are.equal(0, status)
    assert.is_truthy(out:find("handled as 400", 1, true), out)
    assert.is_truthy(out:find("Client Closed Request (nginx)", 1, true), out)
  end)

  it("lists a class, in any of its names, and --all", function()
    local fours = run("4xx")
    assert.are.equal(fours, run("client_error"))
    local lines = 0
    for _ in fours:gmatch("\n") do lines = lines + 1 end
    assert.are.equal(#hs.list(4), lines)
    assert.is_truthy(fours:find("429  Too Many Requests\n", 1, true))
    local all = run("--all")
    lines = 0
    for _ in all:gmatch("\n") do lines = lines + 1 end
    assert.are.equal(#hs.list(), lines)
  end)

  it("lists the codes of a status set like a class, and fails with the parser's message", function()
    local out, err, status = run("'500-504,!501'")
    assert.are.equal(0, status, err)
    assert.are.equal("500  Internal Server Error\n502  Bad Gateway\n503  Service Unavailable\n"
      .. "504  Gateway Timeout\n", out)
    out = run("retryable")
    assert.are.equal(#hs.set("retryable"), select(2, out:gsub("\n", "")))
    assert.is_truthy(run("'450-452'"):find("452  (unassigned)\n", 1, true))
    local _
    _, err, status = run("'5xx,!6xx'")
    assert.are.equal(1, status)
    assert.are.equal('httpstatus: bad status set: "!6xx" at position 2 is not a class\n', err)
    local rows = cjson_ok and cjson.decode((run("--json '502-503'")))
    if rows then assert.are.same({ 502, 503 }, { rows[1].code, rows[2].code }) end
  end)

  it("searches whole words, and finds the unused codes too", function()
    assert.are.equal("429  Too Many Requests\n", (run("search rate")))   -- not 207's "separate"
    assert.are.equal("418  (unused)\n", (run("search teapot")))
    assert.are.equal("306  (unused)\n", (run("search switch proxy")))
    assert.are.equal(1, select(3, run("search separat")))
    assert.is_truthy(run("search Retry-After"):find("429  Too Many Requests", 1, true))
  end)

  it("searches phrases and descriptions, in English and Chinese", function()
    local out = run("search rate limiting")
    assert.are.equal("429  Too Many Requests\n", out)
    out = run("search Retry-After")
    assert.is_truthy(out:find("503  Service Unavailable", 1, true))
    assert.is_truthy(out:find("413  Content Too Large", 1, true))
    out = run("search 限流")
    assert.are.equal("429  Too Many Requests\n", out)
    local _, err, status = run("search zzzzzz")
    assert.are.equal(1, status)
    assert.is_truthy(err:find("no status code matches", 1, true))
  end)

  it("parses and explains a status line, with the retry advice", function()
    local out, _, status = run("'HTTP/1.1 503 Service Temporarily Unavailable'")
    assert.are.equal(0, status)
    assert.is_truthy(out:find("^503 Service Unavailable\n"))
    assert.is_truthy(out:find("parsed     HTTP/1.1 503 Service Temporarily Unavailable", 1, true))
    assert.is_truthy(out:find("RFC phrase Service Unavailable", 1, true))
    assert.is_truthy(out:find("retry      yes", 1, true))
    out = run("'HTTP/2 404'")
    assert.is_truthy(out:find("retry      no", 1, true))
    local _, err
    _, err, status = run("'HTTP/1.1 20 OK'")
    assert.are.equal(1, status)
    assert.are.equal("httpstatus: invalid status line: status code must be three digits\n", err)
  end)

  it("notes that methods are case-sensitive when --method is a known one in lower case", function()
    local out, err, status = run("--method get 'HTTP/1.1 503 x'")
    assert.are.equal(0, status)
    assert.are.equal('httpstatus: note: methods are case-sensitive (RFC 9110, Section 9.1): "get" is not GET\n', err)
    assert.is_truthy(out:find("retry      for get, no", 1, true), out)
    assert.are.equal("", select(2, run("--method GET 503")))
    assert.are.equal("", select(2, run("--method frob 503")))
  end)

  it("never prints a traceback, whatever it is given", function()
    -- the strings of the bad-input table (a shell argument holds no NUL), a
    -- sample of single bytes, and values near the edges, in every mode
    local bad = dofile("spec/bad_input.lua")
    local args = { "-1", "2147483648", "1e309", "5xx,6xx", "!", "0-999", "HTTP/1.1 999 x", "HTTP/1.1 200 \1",
                   "Sun, 06 Nov 1960 08:49:37 GMT", "Fri, 31 Dec 9999 23:59:60 GMT", "99999999999999999999" }
    for _, c in ipairs(bad.not_codes) do
      if type(c[2]) == "string" and #c[2] < 200 and not c[2]:find("%z") then args[#args + 1] = c[2] end
    end
    for b = 1, 255, 9 do args[#args + 1] = string.char(b) end
    local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
    local script, cmds = {}, {}
    for _, a in ipairs(args) do
      for _, form in ipairs { "%s", "--retry-after %s", "--method GET %s", "--json %s", "search %s",
                              "--lang zh --json %s" } do
        cmds[#cmds + 1] = form:format(q(a))
        script[#script + 1] = ("%s bin/httpstatus %s </dev/null >/dev/null 2>>\"$ERR\"; echo $?")
          :format(LUA, cmds[#cmds])
      end
    end
    local file, errfile = os.tmpname(), os.tmpname()
    local f = assert(io.open(file, "w"))
    f:write(table.concat(script, "\n"), "\n")
    f:close()
    local p = assert(io.popen(("env ERR='%s' %s sh '%s'"):format(errfile, MODULE, file)))
    local i = 0
    for status in p:lines() do
      i = i + 1
      assert.is_true(status == "0" or status == "1" or status == "2", cmds[i] .. ": status " .. status)
    end
    p:close()
    local errors = assert(io.open(errfile)):read("*a")
    os.remove(file)
    os.remove(errfile)
    assert.are.equal(#cmds, i)
    assert.is_true(#cmds > 250, #cmds)
    assert.is_falsy(errors:find("traceback", 1, true), errors)
    assert.is_falsy(errors:find("internal error", 1, true), errors)
  end)

  it("makes its retry advice method-aware with --method", function()
    local out, _, status = run("--method POST 'HTTP/1.1 503 Service Unavailable'")
    assert.are.equal(0, status)
    assert.is_truthy(out:find("retry      for POST, no: 503 is worth a retry only for an idempotent method",
      1, true), out)
    out = run("--method GET 'HTTP/1.1 503 Service Unavailable'")
    assert.is_truthy(out:find("retry      for GET, yes: transient", 1, true), out)
    out = run("--method=POST 429")
    assert.is_truthy(out:find("retry      for POST, yes", 1, true), out)
    out = run("'HTTP/1.1 503 x'")
    assert.is_truthy(out:find("retry      yes: transient", 1, true), out)
    local _, err
    _, err, status = run("--method 'GE T' 503")
    assert.are.equal(2, status)
    assert.is_truthy(err:find("--method takes an HTTP method", 1, true))
  end)

  it("prints what none of the sets covers with --uncovered", function()
    local out, err, status = run("--uncovered 2xx,3xx 5xx,429")
    assert.are.equal(0, status, err)
    assert.are.equal("", err)
    local lines = {}
    for line in out:gmatch("[^\n]+") do lines[#lines + 1] = line end
    assert.are.equal("  uncovered  1xx,400-428,430-499", lines[1])
    assert.are.equal("100  Continue", lines[2])
    -- then every registered code of 1xx and 400-428, 430-499, and nothing else
    local _
    local want = (hs.set "1xx,400-428,430-499" * "registered"):codes()
    assert.are.equal(#want + 1, #lines)
    for i, c in ipairs(want) do assert.are.equal(c, tonumber(lines[i + 1]:match("^%d+"))) end
    assert.are.equal("  未覆盖     1xx,4xx\n", (run("--lang zh --uncovered 2xx,3xx,5xx"):match("^[^\n]*\n")))
    _, err, status = run("--uncovered 1xx,2xx,3xx 4xx 5xx")
    assert.are.equal(1, status)
    assert.are.equal("httpstatus: every code 100-599 is covered\n", err)
    _, err, status = run("--uncovered 2xx 3-5xx")
    assert.are.equal(1, status)
    assert.are.equal('httpstatus: bad status set: "3-5xx" at position 1 is not a status code, range, class or name\n',
                     err)
    _, err, status = run("--uncovered")
    assert.are.equal(2, status)
    assert.is_truthy(err:find("--uncovered needs one or more status sets", 1, true))
    if cjson_ok then
      local r = cjson.decode((run("--json --uncovered 1xx,2xx,3xx,4xx '5xx,!599'")))
      assert.are.equal("599", r.uncovered)
      assert.are.same({}, r.codes)
      r = cjson.decode((run("--json --uncovered 1xx,2xx,3xx,4xx '5xx,!504'")))
      assert.are.equal("504", r.uncovered)
      assert.are.equal(504, r.codes[1].code)
      assert.are.equal("Gateway Timeout", r.codes[1].reason)
    end
  end)

  it("explains a Retry-After value with --retry-after", function()
    local out, _, status = run("--retry-after 120")
    local err
    assert.are.equal(0, status)
    assert.are.equal("  wait       120 s (2 min)\n", out)
    assert.are.equal("  wait       30 s\n", (run("--retry-after 30")))
    assert.are.equal("  wait       183600 s (2 days 3 h)\n", (run("--retry-after 183600")))
    assert.are.equal("  wait       90000 s (1 day 1 h)\n", (run("--retry-after 90000")))
    assert.are.equal("  等待       183600 秒（2 天 3 小时）\n", (run("--lang zh --retry-after 183600")))
    out = run("--retry-after 'Wed, 21 Oct 2015 07:28:00 GMT'")
    assert.are.equal("  wait       0 s (until Wed, 21 Oct 2015 07:28:00 GMT)\n", out)
    out = run("--retry-after 'Sun Nov  6 08:49:37 1994'")  -- any form; shown as IMF-fixdate
    assert.is_truthy(out:find("(until Sun, 06 Nov 1994 08:49:37 GMT)", 1, true), out)
    -- a date before 1970, which http_date cannot write: shown as given, no traceback
    out, err, status = run("--retry-after 'Sun, 06 Nov 1960 08:49:37 GMT'")
    assert.are.equal(0, status, err)
    assert.are.equal("", err)
    assert.are.equal("  wait       0 s (until Sun, 06 Nov 1960 08:49:37 GMT)\n", out)
    out = run("--method PUT --retry-after 30 'HTTP/1.1 503 Service Unavailable'")
    assert.is_truthy(out:find("retry      for PUT, yes", 1, true), out)
    assert.is_truthy(out:find("wait       30 s\n", 1, true), out)
    _, err, status = run("--retry-after soon")
    assert.are.equal(1, status)
    assert.are.equal('httpstatus: invalid Retry-After: "soon": neither delay-seconds nor an HTTP-date\n', err)
    if cjson_ok then
      local r = cjson.decode((run("--json --method PUT --retry-after 5 'HTTP/2 503'")))
      assert.is_true(r.retry)
      assert.are.equal(5, r.retry_after)
      assert.are.equal("PUT", r.method)
      assert.is_false(cjson.decode((run("--json --method POST 503"))).retry)
    end
  end)

  it("speaks Chinese with --lang zh or a zh_* locale", function()
    local out = run("--lang zh 404")
    assert.is_truthy(out:find("^404 未找到 %(Not Found%)\n"), out)
    assert.is_truthy(out:find("客户端错误 (4xx)", 1, true))
    assert.is_truthy(out:find(hs.describe(404, "zh"), 1, true))
    assert.are.equal(out, run("404", "LANG=zh_CN.UTF-8"))
    assert.are.equal(out, run("404", "LC_ALL=zh_SG.UTF-8 LANG=en_US.UTF-8"))
    assert.are.equal(run("404"), run("--lang en 404", "LANG=zh_CN.UTF-8"))
    assert.is_truthy(run("--lang=zh 4xx"):find("429  Too Many Requests  请求过多\n", 1, true))
    for _, tag in ipairs { "zh-CN", "zh_CN", "zh-Hans", "ZH", "Zh-cn" } do  -- what reason() takes
      assert.are.equal(out, run("--lang " .. tag .. " 404"), tag)
    end
    assert.are.equal(run("404"), run("--lang EN 404"))
  end)

  it("speaks Traditional Chinese with --lang zh-TW or a zh_TW, zh_HK or zh_MO locale", function()
    local out = run("--lang zh-TW 404")
    assert.is_truthy(out:find("^404 找不到 %(Not Found%)\n"), out)
    assert.is_truthy(out:find("用戶端錯誤 (4xx)", 1, true))
    assert.is_truthy(out:find("  常數       httpstatus.NOT_FOUND\n", 1, true), out)
    assert.is_truthy(out:find(hs.describe(404, "zh-Hant"), 1, true))
    for _, env in ipairs { "LANG=zh_TW.UTF-8", "LC_ALL=zh_HK.UTF-8 LANG=en_US.UTF-8", "LC_MESSAGES=zh_MO.UTF-8",
                           "LANG=zh_TW.Big5@radical", "LANG=zh_Hant_TW.UTF-8" } do
      assert.are.equal(out, run("404", env), env)
    end
    for _, tag in ipairs { "zh-Hant", "zh_TW", "zh-HK", "zh-MO", "ZH-tw" } do
      assert.are.equal(out, run("--lang " .. tag .. " 404"), tag)
    end
    assert.are.equal(run("--lang zh 404"), run("404", "LANG=zh_CN.UTF-8"))
    assert.are.equal(run("404"), run("--lang en 404", "LANG=zh_TW.UTF-8"))
    assert.is_truthy(run("--lang=zh-TW 4xx"):find("429  Too Many Requests  請求過多\n", 1, true))
    assert.is_truthy(run("--lang zh-TW --method GET --retry-after 120 503"):find("是否重試", 1, true))
    local page = run("--error-page 404 --accept-language zh-TW --format text")
    assert.are.equal(hs.error_response(404, { accept_language = "zh-TW", formats = { "text" } }), page)
    assert.is_truthy(page:find("^404 找不到\n"))
    assert.are.equal(page, run("--error-page 404 --lang zh-HK --format text"))
    local _, err, status = run("--lang zh-SG 404")
    assert.are.equal(2, status)
    assert.is_truthy(err:find("--lang takes en, zh or zh-Hant", 1, true), err)
  end)

  it("aligns the Chinese labels by the width a terminal gives them, in either script", function()
    for _, lang in ipairs { "zh", "zh-Hant" } do
    local out = run("--lang " .. lang .. " 404")
    local column
    for line in out:gmatch("[^\n]+") do
      local label, value = line:match("^  (%S+)(%s+)%S")
      if label then
        local _, wide = label:gsub("[\194-\244]", "")
        local _, ascii = label:gsub("[\1-\127]", "")
        local at = 2 + ascii + 2 * wide + #value
        column = column or at
        assert.are.equal(column, at, line)
      end
    end
    assert.are.equal(13, column)
    end
  end)

  it("says which rock to install when --json has no lua-cjson", function()
    -- LUA_INIT runs first in the command's interpreter: no cjson there
    local no_cjson = "LUA_INIT='" .. INIT .. "package.preload.cjson = function() error(\"none\") end'"
    local out, err, status = run("--json 404", no_cjson)
    assert.are.equal(3, status)  -- a needed module is missing (not 2, a usage error)
    assert.are.equal("", out)
    assert.is_truthy(err:find("--json needs the lua-cjson module", 1, true), err)
    local abi = _VERSION:match("%d+%.%d+")
    assert.is_truthy(err:find("luarocks --lua-version=" .. abi .. " install lua-cjson", 1, true), err)
    out, err, status = run("404", no_cjson)
    assert.are.equal(0, status, "the command itself needs no lua-cjson: " .. err)
    assert.is_truthy(out:find("^404 Not Found\n"), out)
  end)

  it("writes JSON that parses back #json", function()
    assert.is_true(cjson_ok, "lua-cjson is needed for --json")
    local out, _, status = run("--json 413")
    assert.are.equal(0, status)
    local expect = hs.info(413)
    expect.grpc, expect.span = { code = 2, name = "UNKNOWN" }, { server = "unset", client = "error" }
    expect.registered, expect.unofficial, expect.retry = true, {}, false
    assert.are.same(expect, cjson.decode(out))
    -- an empty list is [], with or without cjson.empty_array (Debian's 2.1.0 has none)
    out = run("--json 404")
    assert.is_truthy(out:find('"former":[]', 1, true), out)
    assert.is_truthy(out:find('"unofficial":[]', 1, true), out)
    expect = hs.info(404)
    expect.grpc, expect.span = { code = 12, name = "UNIMPLEMENTED" }, { server = "unset", client = "error" }
    expect.registered, expect.unofficial, expect.retry = true, {}, false
    assert.are.same(expect, cjson.decode(out))
    -- one shape for every code query: the code's keys at the top, the answers beside them
    local plain = cjson.decode((run("--json 503")))
    for _, args in ipairs { "--json --method PUT 503", "--json --retry-after 5 503", "--json 'HTTP/1.1 503 x'",
                            "--json service_unavailable" } do
      local r = cjson.decode((run(args)))
      for k, v in pairs(plain) do
        if k ~= "retry" then assert.are.same(v, r[k], args .. ": " .. k) end
      end
      assert.is_boolean(r.retry, args)
    end
    -- "/" is written as it is, never as "\/"
    out = run("--json 'HTTP/2 503'")
    assert.is_truthy(out:find('"version":"HTTP/2"', 1, true), out)
    assert.is_falsy(out:find("\\/"), out)
    local weird = cjson.decode((run("--json 'HTTP/1.1 404 a/b\\\\/c'")))
    assert.are.equal("a/b\\\\/c", weird.parsed.reason)
    local list = cjson.decode((run("--json 5xx")))
    assert.are.equal(#hs.list(5), #list)
    assert.are.same({ code = 503, reason = "Service Unavailable", zh = "服务不可用", zh_hant = "服務無法使用",
                      class = "server_error", name = "SERVICE_UNAVAILABLE" }, list[4])
    local line = cjson.decode((run("--json 'HTTP/2 429'")))
    assert.are.same({ code = 429, reason = "", version = "HTTP/2" }, line.parsed)
    assert.is_true(line.retry)
    assert.are.equal("Too Many Requests", line.reason)
    local vendor = cjson.decode((run("--json 444")))
    assert.are.same({ code = 444, class = "client_error", registered = false, canonical = 400,
                      unofficial = { { reason = "No Response", source = "nginx",
                                       note = "never sent: nginx closes the connection without a response" } },
                      grpc = { code = 2, name = "UNKNOWN" }, span = { server = "unset", client = "error" },
                      retry = false },
                    vendor)
    assert.is_truthy(run("--json 299"):find('"unofficial":[]', 1, true))
  end)

  it("uses colour only on a terminal, and never with NO_COLOR", function()
    assert.is_falsy(run("404"):find("\27[", 1, true))  -- piped
    local function on_tty(env)
      local p = assert(io.popen(("script -qec \"env %s %s %s bin/httpstatus 404\" /dev/null")
        :format(env, MODULE, LUA)))
      local out = p:read("*a")
      p:close()
      return out
    end
    local tty = on_tty("NO_COLOR=")
    assert.is_truthy(tty:find("Not Found", 1, true), tty)
    assert.is_truthy(tty:find("\27[", 1, true))
    assert.is_falsy(on_tty("NO_COLOR=1"):find("\27[", 1, true))
  end)

  it("fails with status 1 and one line on stderr for unknown input", function()
    for _, q in ipairs { "nope", "'Not Founds'" } do
      local out, err, status = run(q)
      assert.are.equal(1, status, q)
      assert.are.equal("", out)
      assert.is_truthy(err:find("^httpstatus: unknown HTTP status: [^\n]*\n$"), err)
    end
    for _, q in ipairs { "600", "999", "99", "0" } do
      local out, err, status = run(q)
      assert.are.equal(1, status, q)
      assert.are.equal("", out)
      assert.are.equal("httpstatus: " .. q .. " is outside 100-599: not an HTTP status code\n", err)
    end
  end)

  it("says so, with status 1, for a status set that holds no code", function()
    local out, err, status = run("'500,!500'")
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.are.equal("httpstatus: the status set holds no code: 500,!500\n", err)
  end)

  it("fails with status 2 on a usage error", function()
    for _, args in ipairs { "", "--bogus 404", "--lang fr 404", "--lang", "--all 404", "search",
                            "''", "' '", "','", "' , '", "'\t'" } do
      local out, err, status = run(args)
      assert.are.equal(2, status, args)
      assert.are.equal("", out)
      assert.is_true(#err > 0)
    end
  end)

  it("prints --help and --version", function()
    local out, _, status = run("--help")
    assert.are.equal(0, status)
    for _, opt in ipairs { "--all", "--lang", "--json", "--help", "--version", "search", "NO_COLOR",
                           "--method", "--retry-after" } do
      assert.is_truthy(out:find(opt, 1, true), opt)
    end
    assert.are.equal(hs._VERSION .. "\nIANA HTTP Status Code Registry as of " .. hs.registry_date .. "\n",
      (run("--version")))
  end)
end)

describe("httpstatus --error-page (the command) #subprocess", function()
  it("prints the body error_response makes, negotiated from --accept and --accept-language", function()
    local out, err, status = run("--error-page 404")
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.are.equal((hs.error_response(404)), out)
    out = run("--error-page 404 --accept 'text/html,*/*;q=0.8' --accept-language zh-CN")
    assert.are.equal((hs.error_response(404, { accept = "text/html,*/*;q=0.8", accept_language = "zh-CN" })), out)
    out = run("--error-page 503 --format text --lang zh")
    assert.are.equal((hs.error_response(503, { formats = { "text" }, lang = "zh" })), out)
  end)

  it("prints a whole HTTP/1.1 response for HAProxy's errorfile with --http", function()
    local out, _, status = run("--error-page 503 --format html --http")
    assert.are.equal(0, status)
    local head, body = out:match("^(.-)\r\n\r\n(.*)$")
    assert.is_string(head)
    local lines = {}
    for line in (head .. "\r\n"):gmatch("(.-)\r\n") do lines[#lines + 1] = line end
    assert.are.equal("HTTP/1.1 503 Service Unavailable", lines[1])
    local fields = {}
    for i = 2, #lines do
      local name, value = lines[i]:match("^([%w-]+): (.*)$")
      assert.is_string(name, lines[i])
      fields[name] = value
    end
    assert.are.equal("close", fields.Connection)
    assert.are.equal("text/html; charset=utf-8", fields["Content-Type"])
    assert.are.equal(tostring(#body), fields["Content-Length"])
    assert.are.equal((hs.error_response(503, { formats = { "html" } })), body)
    assert.is_nil(head:find("\n[^\r]*\n"))  -- every line ends in CRLF
  end)

  it("notes on stderr a header field the code requires, and refuses what it cannot do", function()
    local _, err, status = run("--error-page 405")
    assert.are.equal(0, status)
    assert.are.equal("httpstatus: note: a 405 response requires the header field Allow (RFC 9110)\n", err)
    for _, args in ipairs { "--error-page 700", "--error-page abc", "--error-page 404 --format xml",
                            "--error-page 404 500", "--http 404", "--accept '*/*' 404", "--error-page" } do
      _, err, status = run(args)
      assert.are.equal(2, status, args)
      assert.is_truthy(err:find("^httpstatus: "), args)
    end
  end)

  it("prints status, header fields and body as JSON with --json", function()
    if not cjson_ok then pending("lua-cjson is not installed") return end
    local out, _, status = run("--error-page 429 --json --format text")
    assert.are.equal(0, status)
    local v = cjson.decode(out)
    assert.are.equal(429, v.status)
    assert.are.equal("text/plain; charset=utf-8", v.headers["Content-Type"])
    assert.are.equal((hs.error_response(429, { formats = { "text" } })), v.body)
  end)
end)
