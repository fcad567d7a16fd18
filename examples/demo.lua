-- examples/demo.lua: a short tour of httpstatus (run it with `make demo`).
local hs = require "httpstatus"

print(hs._VERSION)
print()

-- Lookups, by code and by name
print("404        ", hs.reason(404), "/", hs.reason(404, "zh"), "/", hs.reason(404, "zh-TW"))
print("413        ", hs.reason(hs.PAYLOAD_TOO_LARGE), "(the old name PAYLOAD_TOO_LARGE still works)")
print("teapot     ", hs.code("I'm a teapot"), hs.info(418).registry, "(no phrase: reason(418) is nil)")
print("by name    ", hs.code("request entity too large"), hs.code("not_found"))

-- Classification
for _, code in ipairs { 103, 204, 307, 429, 471, 503 } do
  print(("%d  %-13s cacheable=%-5s retry=%-5s canonical=%d"):format(code, hs.class(code),
    tostring(hs.is_cacheable(code)), tostring(hs.is_retryable(code)), hs.canonical(code)))
end
print("POST after 302 ->", hs.redirect_method(302, "POST"), "; after 307 ->", hs.redirect_method(307, "POST"))

-- A status line from an upstream
local code, reason, version = hs.parse_status_line("HTTP/1.1 503 Service Unavailable\r\n")
print()
print("parsed     ", code, reason, version, hs.is_retryable(code) and "-> retry later" or "")
print("formatted  ", hs.status_line(hs.TOO_MANY_REQUESTS))
print("rejected   ", hs.parse_status_line("HTTP/1.1 20 OK"))

-- Descriptions, in English, Simplified and Traditional Chinese
print()
print(hs.describe(429))
print(hs.describe(429, "zh"))
print(hs.describe(429, "zh-TW"))

-- What to send for an error, to this client (1.3): negotiated from the
-- request's Accept and Accept-Language
print()
local chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
print("browser    ", hs.negotiate(chrome, { "application/problem+json", "application/json", "text/html" }))
print("zh-TW      ", hs.negotiate_language("zh-TW", { "en", "zh-Hans", "zh-Hant" }), "/",
  hs.negotiate_language("zh-TW", { "zh-Hans" }, "(none: zh-TW never gets zh-Hans)"))
print("zh-CN      ", hs.negotiate_language("zh-CN,zh;q=0.9,en;q=0.8", { "en", "zh-Hans" }))
local body, headers, missing = hs.error_response(405, { accept = "*/*", detail = "use GET" })
print("curl gets  ", headers["Content-Type"], body)
print("and lacks  ", missing[1], "(" .. hs.required_headers(405)[1].reference .. ")")
