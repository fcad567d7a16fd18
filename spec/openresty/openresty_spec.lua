-- The module inside a real nginx (Debian's nginx-light with the Lua module,
-- OpenResty's LuaJIT), driven with real HTTP requests over loopback.
--
-- Run by `make test` as `busted --run=openresty`. Environment:
--   HS_NGINX_PREFIX     the prefix directory to use (default: a new temp dir)
--   HS_OPENRESTY_MODULE the module to load (default: build/jit/httpstatus.so)
-- nginx is stopped by its pid in teardown; tools/test.sh also kills it if
-- this process dies first.
--
-- Started as root, nginx runs its workers as another user (nobody), who
-- cannot read a module inside a clone in a directory only its owner may
-- enter (root's home, what mktemp -d makes). So nginx gets a prefix
-- directory of its own that everyone may read, and the module is copied
-- into it: the user's own directories keep their permissions.

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("*a")
  local ok, _, rc = p:close()
  if type(ok) == "number" then rc = ok end  -- Lua 5.1: close() gives no status
  return out, ok == true or rc == 0
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

local ROOT = sh("pwd"):gsub("%s+$", "")
local PREFIX = os.getenv("HS_NGINX_PREFIX") or sh("mktemp -d"):gsub("%s+$", "")
local MODULE = os.getenv("HS_OPENRESTY_MODULE") or ROOT .. "/build/jit/httpstatus.so"
local CPATH = PREFIX .. "/lib/?.so"
local PIDFILE = PREFIX .. "/logs/nginx.pid"
-- the spec's own reference answers come from this interpreter's build
local jit = rawget(_G, "jit")
package.cpath = ROOT .. "/build/" .. (jit and "jit" or _VERSION:match("%d+%.%d+")) .. "/?.so;" .. package.cpath
local port

local function curl(path, extra)
  local out = sh(("curl -s -i --max-time 10 %s 'http://127.0.0.1:%d%s'"):format(extra or "", port, path))
  local head, body = out:match("^(.-)\r\n\r\n(.*)$")
  assert(head, "no HTTP response for " .. path .. ": " .. out)
  local res = { line = head:match("^[^\r\n]*"), body = body, headers = {} }
  res.status = tonumber(res.line:match("^HTTP/%S+ (%d%d%d)"))
  for k, v in head:gmatch("\r\n([^:\r\n]+):%s*([^\r\n]*)") do res.headers[k:lower()] = v end
  return res
end

-- The first line nginx sends for path, read raw (curl would wait out a 1xx),
-- or "" when it closes the connection without a response.
local function first_line(path)
  local out = sh(("timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/%d; "
    .. "printf \"GET %s HTTP/1.0\\r\\nHost: t\\r\\n\\r\\n\" >&3; head -n 1 <&3'"):format(port, path))
  return (out:gsub("\r?\n$", ""))
end

local function ngx_escape(s)
  return (s:gsub("[^%w%-_.~]", function(c) return ("%%%02X"):format(c:byte()) end))
end

local function start_nginx()
  local setup, made = sh(("chmod 755 '%s' && mkdir -p '%s/logs' '%s/tmp' '%s/lib' '%s/lua/httpstatus' '%s/html/static' "
    .. "&& cp '%s' '%s/lib/httpstatus.so' && cp '%s'/lua/httpstatus/*.lua '%s/lua/httpstatus/' && chmod -R a+rX '%s'")
    :format(PREFIX, PREFIX, PREFIX, PREFIX, PREFIX, PREFIX, MODULE, PREFIX, ROOT, PREFIX, PREFIX))
  assert(made, setup)
  local template = assert(read(ROOT .. "/spec/openresty/nginx.conf"))
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  for _ = 1, 8 do  -- a few ports, in case one is taken
    -- below Linux's ephemeral ports (32768 on), which clients before (ab's
    -- 20 000 requests) may still hold
    port = math.random(20000, 32000)
    local conf = template:gsub("@PREFIX@", PREFIX):gsub("@PORT@", tostring(port))
                         :gsub("@CPATH@", (CPATH:gsub("%%", "%%%%")))
    local f = assert(io.open(PREFIX .. "/nginx.conf", "wb"))
    f:write(conf)
    f:close()
    local out, ok = sh(("nginx -p '%s' -c '%s/nginx.conf' -e '%s/logs/startup.log'")
                       :format(PREFIX, PREFIX, PREFIX))
    if ok then
      for _ = 1, 50 do  -- up to 5 s for the workers to answer
        if sh(("curl -s -o /dev/null --max-time 1 http://127.0.0.1:%d/whoami && echo up"):format(port))
           :find("up") then
          return
        end
        sh("sleep 0.1")
      end
      error("nginx started but does not answer on port " .. port)
    end
    local log = (read(PREFIX .. "/logs/error.log") or "") .. (read(PREFIX .. "/logs/startup.log") or "")
    if not (out .. log):find("in use", 1, true) then
      error("nginx did not start:\n" .. out .. "\n" .. log)
    end
    -- the next port starts a log of its own: the spec reads error.log for errors
    os.remove(PREFIX .. "/logs/error.log")
  end
  error("no free port found")
end

local function stop_nginx()
  local pid = (read(PIDFILE) or ""):match("%d+")
  if not pid then return end
  sh("kill -QUIT " .. pid)
  for _ = 1, 50 do
    if not select(2, sh("kill -0 " .. pid)) then return end
    sh("sleep 0.1")
  end
  sh("kill -KILL " .. pid)
end

describe("httpstatus in OpenResty #openresty", function()
  setup(start_nginx)
  teardown(stop_nginx)

  it("loads the module built here, once per worker, and writes no global", function()
    local seen = {}
    for _ = 1, 40 do
      local r = curl("/whoami")
      assert.are.equal(200, r.status)
      local pid, tbl, global, path = r.body:match("^(%d+) (%S+) (%S+) (%S+)")
      assert.are.equal("nil", global)
      assert.are.equal(CPATH:gsub("%?", "httpstatus"), path)
      assert.is_truthy(tbl:find("^0x%x+$"), tbl)
      assert.is_true(seen[pid] == nil or seen[pid] == tbl, "worker " .. pid .. " loaded it twice")
      seen[pid] = tbl
    end
  end)

  it("sets the status with ngx.status = hs.code(...)", function()
    local r = curl("/api/limited")
    assert.are.equal(429, r.status)
    assert.are.equal("30", r.headers["retry-after"])
    assert.are.equal("Too Many Requests\n", r.body)
  end)

  it("ends the request with ngx.exit(hs.SERVICE_UNAVAILABLE)", function()
    assert.are.equal(503, curl("/api/maintenance").status)
  end)

  it("gives the phrase nginx leaves out for codes it does not know", function()
    local r = curl("/api/too-early")
    assert.are.equal("HTTP/1.1 425 ", r.line)  -- nginx 1.22 has no phrase for 425
    assert.are.equal("Too Early", r.headers["x-status-reason"])
    assert.are.equal("HTTP/1.1 425 Too Early\n", r.body)
  end)

  it("answers lookups from content_by_lua, in English and Chinese", function()
    local r = curl("/lookup?q=request%20entity%20too%20large")
    assert.are.equal(200, r.status)
    assert.are.equal("code=413\nreason=Content Too Large\nzh=内容过大\nclass=client_error\n"
      .. "line=HTTP/1.1 413 Content Too Large\nretryable=false\n", r.body)
    r = curl("/lookup?q=gateway_timeout")
    assert.is_truthy(r.body:find("zh=网关超时\n", 1, true))
    assert.is_truthy(r.body:find("retryable=true\n", 1, true))
    r = curl("/lookup?q=no%20such%20thing")
    assert.are.equal(400, r.status)
    assert.are.equal('unknown HTTP status: "no such thing"\n', r.body)
  end)

  it("classifies the response in header_filter_by_lua", function()
    for code, class in pairs { [200] = "successful", [404] = "client_error", [503] = "server_error" } do
      local r = curl("/classified/" .. code)
      assert.are.equal(code, r.status)
      assert.are.equal(class, r.headers["x-status-class"])
      assert.are.equal(curl("/lookup?q=" .. code).body:match("reason=([^\n]*)"), r.headers["x-status-reason"])
    end
  end)

  it("parses an upstream's status line read from a cosocket", function()
    assert.are.equal("503|Service Temporarily Unavailable|HTTP/1.1|Service Unavailable|true\n",
      curl("/probe?status=503").body)
    assert.are.equal("404|Not Found|HTTP/1.1|Not Found|false\n", curl("/probe?status=404").body)
    assert.are.equal("425||HTTP/1.1|Too Early|true\n", curl("/probe?status=425").body)
  end)

  it("retries only what is_retryable says is transient for the method, honouring Retry-After", function()
    local r = curl("/retry?status=503")
    assert.are.equal(503, r.status)
    assert.are.equal("3", r.headers["x-tries"])
    assert.are.equal(tostring(0.02 + 0.04), r.headers["x-waited"])  -- no Retry-After: our backoff
    r = curl("/retry?status=404")
    assert.are.equal(404, r.status)
    assert.are.equal("1", r.headers["x-tries"])
    assert.are.equal("1", curl("/retry?status=200").headers["x-tries"])
    assert.are.equal("1", curl("/retry?status=503&method=POST").headers["x-tries"])
    assert.are.equal("3", curl("/retry?status=503&method=PUT").headers["x-tries"])
    assert.are.equal("3", curl("/retry?status=429&method=POST").headers["x-tries"])
    r = curl("/retry?status=429&method=POST&retry_after=0")
    assert.are.equal("3", r.headers["x-tries"])
    assert.are.equal("0", r.headers["x-waited"])  -- the upstream's Retry-After: 0
    r = curl("/retry?status=503&retry_after=" .. ngx_escape("Thu, 01 Jan 1970 00:00:00 GMT"))
    assert.are.equal("0", r.headers["x-waited"])  -- a date in the past: no wait
  end)

  it("follows redirects with the method redirect_method gives", function()
    local expect = { [301] = "GET", [302] = "GET", [303] = "GET", [307] = "POST", [308] = "POST" }
    for code, method in pairs(expect) do
      assert.are.equal(method .. "\n", curl("/follow?method=POST&status=" .. code).body, code)
    end
    assert.are.equal("PUT\n", curl("/follow?method=PUT&status=301").body)
    assert.are.equal("GET\n", curl("/follow?method=PUT&status=303").body)
  end)

  it("answers an error as application/problem+json with hs.problem and lua-cjson", function()
    local hs = require "httpstatus"
    local cjson = require "cjson"
    local r = curl("/api/account")
    assert.are.equal(403, r.status)
    assert.are.equal("application/problem+json", r.headers["content-type"])
    assert.are.same(hs.problem(403, { type = "https://example.com/probs/out-of-credit",
                                      detail = "Your balance is 30, but that costs 50.",
                                      instance = "/api/account", balance = 30 }), cjson.decode(r.body))
    assert.are.equal("Forbidden", cjson.decode(r.body).title)
  end)

  it("sets a server span's status as OpenTelemetry says, in log_by_lua", function()
    for code, want in pairs { [200] = "unset", [404] = "unset", [503] = "error", [302] = "unset" } do
      curl("/traced?status=" .. code)
      assert.are.equal(want .. "\n", curl("/last-span").body, code)
    end
  end)

  it("counts responses by class in log_by_lua", function()
    local function metrics()
      local m = {}
      for class, n in curl("/metrics").body:gmatch("(%S+) (%d+)") do m[class] = tonumber(n) end
      return m
    end
    local before = metrics()
    for _ = 1, 3 do curl("/classified/404") end
    for _ = 1, 2 do curl("/api/maintenance") end
    curl("/classified/302")
    curl("/traced?status=404")  -- a location with a log handler of its own still counts
    local after = metrics()
    assert.are.equal(4, after.client_error - before.client_error)
    assert.are.equal(2, after.server_error - before.server_error)
    assert.are.equal(1, after.redirection - before.redirection)
    assert.are.equal(1, after.successful - before.successful)  -- the first /metrics itself
  end)

  it("serves 20 000 requests over 50 connections on two workers without a failure", function()
    local out = sh(("timeout 120 ab -q -n 20000 -c 50 'http://127.0.0.1:%d/load?q=accepted'"):format(port))
    assert.are.equal("20000", out:match("Complete requests:%s+(%d+)"), out)
    assert.are.equal("0", out:match("Failed requests:%s+(%d+)"), out)
    assert.is_nil(out:match("Non%-2xx responses"), out)
    local r = curl("/load?q=too_many_requests")
    assert.are.equal(429, r.status)
    assert.are.equal("client_error 请求过多\n", r.body)
  end)

  it("sends no phrase for the registered codes the guide lists, and the RFC 9110 one for no other", function()
    local hs = require "httpstatus"
    local empty, different = {}, {}
    for _, code in ipairs(hs.list()) do
      local line = first_line("/as/" .. code)
      local sent = line:match("^HTTP/1%.1 " .. code .. " ?(.*)$")
      assert.is_string(sent, code .. ": " .. line)
      if sent == "" then
        empty[#empty + 1] = code
      elseif sent ~= hs.reason(code) then
        different[#different + 1] = code .. " " .. sent
      end
    end
    local doc = assert(read(ROOT .. "/doc/openresty.md"))
    local listed = doc:match("nginx sends no phrase for these registered codes:%s*(.-)%.\n")
    assert.is_string(listed, "doc/openresty.md lost its list of codes without a phrase; measured: "
      .. table.concat(empty, ", "))
    assert.are.equal(table.concat(empty, ", "), (listed:gsub("%s+", " ")))
    assert.are.same({ "302 Moved Temporarily", "405 Not Allowed", "408 Request Time-out",
                      "413 Request Entity Too Large", "414 Request-URI Too Large",
                      "416 Requested Range Not Satisfiable", "503 Service Temporarily Unavailable",
                      "504 Gateway Time-out" }, different)
    for _, d in ipairs(different) do  -- and code() knows each of them
      assert.are.equal(tonumber(d:sub(1, 3)), hs.code(d:sub(5)))
    end
  end)

  it("never sends 444 or 499, and sends 494-497 as 400", function()
    assert.are.equal("", first_line("/exit/444"))
    assert.are.equal("", first_line("/exit/499"))
    for code = 494, 497 do
      assert.are.equal("HTTP/1.1 400 Bad Request", first_line("/exit/" .. code), code)
    end
  end)

  it("has no ngx.resp.set_status in Debian's lua-resty-core, as the guide says", function()
    local r = curl("/resp-api")
    assert.are.equal(200, r.status)
    local doc = assert(read(ROOT .. "/doc/openresty.md"))
    assert.is_truthy(doc:find("Debian 12's stack lacks it", 1, true))
    assert.are.equal("nil\n", r.body)
  end)

  describe("negotiated error pages (httpstatus.ngx)", function()
    local hs = require "httpstatus"
    local CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    local function ask(path, accept, language, extra)
      local h = ""
      if accept then h = h .. (" -H 'Accept: %s'"):format(accept) end
      if language then h = h .. (" -H 'Accept-Language: %s'"):format(language) end
      return curl(path, h .. " " .. (extra or ""))
    end
    local function check(r, status, ctype, lang)
      assert.are.equal(status, r.status)
      assert.are.equal(ctype, r.headers["content-type"])
      assert.are.equal(lang, r.headers["content-language"])
      assert.are.equal("nosniff", r.headers["x-content-type-options"])
      assert.are.equal(tostring(#r.body), r.headers["content-length"])
    end

    it("answers nginx's own 404 to a browser in Chinese, as HTML", function()
      local r = ask("/static/missing.html", CHROME, "zh-CN,zh;q=0.9,en;q=0.8")
      check(r, 404, "text/html; charset=utf-8", "zh-Hans")
      assert.are.equal("Accept, Accept-Language", r.headers["vary"])
      assert.are.equal("default-src 'none'", r.headers["content-security-policy"])
      assert.are.equal(hs.error_response(404, { accept = CHROME, accept_language = "zh-CN" }), r.body)
      assert.is_truthy(r.body:find("<h1>404 未找到</h1>", 1, true))
    end)

    it("answers a reader in Taiwan or Hong Kong in Traditional Chinese, never Simplified", function()
      local r = ask("/static/missing.html", CHROME, "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7")
      check(r, 404, "text/html; charset=utf-8", "zh-Hant")
      assert.are.equal(hs.error_response(404, { accept = CHROME, accept_language = "zh-TW" }), r.body)
      assert.is_truthy(r.body:find("<h1>404 找不到</h1>", 1, true))
      r = ask("/dead", "text/plain", "zh-HK")
      check(r, 502, "text/plain; charset=utf-8", "zh-Hant")
      assert.is_truthy(r.body:find("^502 錯誤的閘道\n"), r.body)
    end)

    it("answers curl with problem details, an API client with JSON, a terminal with text", function()
      local r = ask("/static/missing.html", "*/*", "en")
      check(r, 404, "application/problem+json", "en")
      assert.are.equal('{"type":"about:blank","title":"Not Found","status":404}', r.body)
      r = ask("/static/missing.html", "application/json")
      check(r, 404, "application/json", "en")
      r = ask("/static/missing.html", "text/plain")
      check(r, 404, "text/plain; charset=utf-8", "en")
      assert.are.equal("404 Not Found\n\n" .. hs.describe(404) .. "\n", r.body)
    end)

    it("answers a body over client_max_body_size with 413", function()
      local file = PREFIX .. "/big-body"
      local f = assert(io.open(file, "wb"))
      f:write(("x"):rep(4096))
      f:close()
      local r = ask("/upload", "application/json", nil, ("--data-binary @'%s'"):format(file))
      check(r, 413, "application/json", "en")
      assert.is_truthy(r.body:find('"title":"Content Too Large","status":413', 1, true))
    end)

    it("answers a dead upstream with 502 and a slow one with 504", function()
      local r = ask("/dead", "text/plain", "zh")
      check(r, 502, "text/plain; charset=utf-8", "zh-Hans")
      assert.is_truthy(r.body:find("^502 错误网关\n"), r.body)
      r = ask("/slow", "*/*")
      check(r, 504, "application/problem+json", "en")
      assert.is_truthy(r.body:find('"status":504', 1, true))
    end)

    it("ends a request from the access phase with hsngx.exit, merging Vary", function()
      local r = ask("/closed", CHROME, "en-GB")
      check(r, 503, "text/html; charset=utf-8", "en")
      assert.are.equal("3600", r.headers["retry-after"])
      assert.are.equal("Cookie, Accept, Accept-Language", r.headers["vary"])
      assert.is_truthy(r.body:find("<p>Down for maintenance until 06:00 UTC.</p>", 1, true))
      assert.is_nil(r.body:find("open", 1, true))
    end)

    it("answers HEAD with no body and the header fields of GET", function()
      local get = ask("/static/missing.html", CHROME, "en")
      local head = ask("/static/missing.html", CHROME, "en", "-I")
      assert.are.equal(404, head.status)
      assert.are.equal("", head.body)
      assert.are.equal(get.headers["content-length"], head.headers["content-length"])
      assert.are.equal(get.headers["content-type"], head.headers["content-type"])
    end)

    it("warns once in error.log of a MUST header field not given (405 without Allow)", function()
      local r = ask("/not-allowed", "*/*")
      assert.are.equal(405, r.status)
      local log = read(PREFIX .. "/logs/error.log") or ""
      local _, n = log:gsub("a 405 response requires the header field Allow", "")
      assert.are.equal(1, n, log)
      assert.is_truthy(log:find("[warn]", 1, true))
    end)
  end)

  it("leaves an error log free of errors and global writes", function()
    local log = read(PREFIX .. "/logs/error.log") or ""
    assert.is_nil(log:find("writing a global Lua variable", 1, true), log)
    for _, level in ipairs { "[error]", "[crit]", "[alert]", "[emerg]" } do
      assert.is_nil(log:find(level, 1, true), log)
    end
  end)
end)

describe("doc/openresty.md #openresty", function()
  it("shows only recipes that the test server runs", function()
    local function squash(s) return (s:gsub("\n[ \t]+", "\n"):gsub("^[ \t]+", "")) end
    local conf = squash(assert(read(ROOT .. "/spec/openresty/nginx.conf")))
    local doc = assert(read(ROOT .. "/doc/openresty.md"))
    local n = 0
    for block in doc:gmatch("```nginx\n(.-)```") do
      n = n + 1
      assert.is_truthy(conf:find(squash(block), 1, true), "not in nginx.conf:\n" .. block)
    end
    assert.is_true(n >= 6, "expected the recipes as ```nginx blocks")
  end)
end)
