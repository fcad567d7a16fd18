-- tests/memory_use.lua: every function of the module, once, with its
-- answer checked. tests/test_memory.c runs it in a lua_State whose
-- allocator fails at some allocation, then again in the same state with
-- memory available: the second run must pass whole, whatever the first
-- left behind. A wrong answer raises an error other than "not enough
-- memory", which the test counts as a broken state.
local hs = require "httpstatus"
local function check(ok, what) if not ok then error("wrong answer: " .. what, 0) end end

check(hs.reason(404) == "Not Found" and hs.reason(299) == nil, "reason")
check(hs.reason("503") == "Service Unavailable", "reason of a digit string")
check(hs.reason(404, "zh") == "未找到", "reason zh")
check(hs.reason(404, "zh-TW") == "找不到" and hs.describe(404, "zh-Hant"):find("伺服器", 1, true), "reason zh-TW")
check(hs.describe(404):find("representation", 1, true) ~= nil, "describe")
check(hs.name(413) == "CONTENT_TOO_LARGE" and hs.class(471) == "client_error", "name, class")
check(hs.is_valid(599) and hs.is_registered(104) and not hs.is_registered(418), "is_valid, is_registered")
check(hs.is_informational(103) and hs.is_success(204) and hs.is_redirection(304), "class predicates")
check(hs.is_client_error(404) and hs.is_server_error(503) and hs.is_error(503), "error predicates")
check(hs.is_cacheable(451) and hs.is_empty(304) and hs.is_redirect(308), "flag predicates")
check(hs.is_retryable(503) and not hs.is_retryable(503, "POST"), "is_retryable")
check(hs.canonical(471) == 400 and hs.redirect_method(303, "POST") == "GET", "canonical, redirect_method")
check(hs.code("request entity too large") == 413, "code")
check(select(2, hs.code("nope")) == 'unknown HTTP status: "nope"', "code message")
local i = hs.info(413)
check(i.reason == "Content Too Large" and i.former[2] == "Payload Too Large" and i.zh.reason == "内容过大"
      and i.zh_hant.reason == "內容過大", "info")
check(hs.required_headers(405)[1].name == "Allow" and hs.info(401).headers[1].level == "MUST", "headers")
check(hs.negotiate("text/html;q=0.5, */*", { "application/json", "text/html" }) == "application/json"
      -- two field lines; more offers than the C module holds on its stack
      and hs.negotiate({ "a/b", "text/html" }, { "x/a", "x/b", "x/c", "x/d", "x/e", "x/f", "x/g", "x/h", "x/i",
        "x/j", "x/k", "x/l", "x/m", "x/n", "x/o", "x/p", "x/q", "text/html" }) == "text/html", "negotiate")
check(hs.negotiate_language("zh-TW,zh;q=0.9,en;q=0.8", { "en", "zh-Hans", "zh-Hant" }) == "zh-Hant",
      "negotiate_language")
local body, fields, missing = hs.error_response(405, { accept = "text/html", detail = "<x>", headers = { X = 1 },
  extensions = { a = 1.5 } })
check(body:find("&lt;x&gt;", 1, true) and fields["Content-Type"] == "text/html; charset=utf-8" and fields.X == "1"
      and missing[1] == "Allow", "error_response")
-- A body beyond the C module's 2 KiB buffer, for the C module only: Lua
-- 5.4.4's luaL_Buffer breaks the state when a memory error meets the box it
-- takes beyond 1 KiB (string.rep, table.concat), which the pure edition's
-- bodies go through; the long detail is made without one.
if type(hs.set("")) == "userdata" then
  local d = "dddddddddd"
  for _ = 1, 9 do d = d .. d .. d end
  d = d:sub(1, 3000)
  check(#select(1, hs.error_response(500, { detail = d, formats = { "json" } })) > 3000, "a long body")
end
check(#hs.list() == 62 and #hs.list("5xx") == 11, "list")
check(hs.status_line(429) == "HTTP/1.1 429 Too Many Requests", "status_line")
local c, r, v = hs.parse_status_line("HTTP/2 503 Service Unavailable\r\n")
check(c == 503 and r == "Service Unavailable" and v == "HTTP/2", "parse_status_line")
check(hs.NOT_FOUND == 404 and hs.PAYLOAD_TOO_LARGE == 413 and hs.constants.IM_A_TEAPOT == 418, "constants")
check(hs.reasons[404] == "Not Found" and hs.unofficial[499][1].source == "nginx", "reasons, unofficial")
check(hs.registry_date == "2025-09-15" and hs._VERSION:find("^httpstatus "), "fields")
local s = assert(hs.set("500-504,!501"))
check(s:has(502) and s(503) and not s:has(501) and tostring(s) == "500,502-504" and #s == 4, "set")
check(#s:codes() == 4 and s == hs.set("500,502-504"), "set codes, ==")
check(tostring(s + "429") == "429,500,502-504" and tostring(s - 502) == "500,503-504", "set + -")
check(tostring(s * hs.set("502-599")) == "502-504" and hs.set("502") <= s and hs.set("502") < s, "set * <= <")
check(select(2, hs.set("6xx")) == 'bad status set: "6xx" at position 1 is not a class', "set message")
check(hs.retry_after("120") == 120 and hs.retry_after("Sun, 06 Nov 1994 08:49:47 GMT", 784111777) == 10, "retry_after")
check(hs.parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", 784111777) == 784111777, "parse_http_date")
check(hs.http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT", "http_date")
check(select(2, hs.parse_http_date("x")) == 'invalid HTTP date: "x": not an HTTP-date (IMF-fixdate, '
      .. "rfc850-date or asctime-date)", "date message")
check(select(2, hs.to_grpc(503)) == "UNAVAILABLE" and hs.from_grpc("NOT_FOUND") == 404, "grpc")
check(hs.span_status(404, "client") == "error", "span_status")
check(hs.problem(404, { detail = "x" }).title == "Not Found", "problem")
check(not pcall(hs.reason, {}) and not pcall(s.has, {}, 404), "raises")
return true
