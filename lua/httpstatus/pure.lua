-- httpstatus.pure: the httpstatus module in Lua, for hosts that cannot load
-- C modules (Redis scripts, game hosts, Fengari, ...). The same functions,
-- constants, tables, answers and messages as the C module (doc/api.md).
-- What differs, and only this: a set is a table with a locked metatable
-- (type(s) is "table", and its array part holds its codes, so that #s is
-- right on Lua 5.1 too), and pairs(hs) lists everything at once.
--
--   local hs = require "httpstatus.pure"   -- or copy this one file into a host
--
-- One source for Lua 5.1-5.5 and LuaJIT: no goto, //, bitwise operators
-- or integer-only library calls. It keeps what it uses in locals at load,
-- taking nothing but string, table, math and base functions; it never
-- touches io, require, debug or load, sets no global, and reads os.time
-- only when a `now` is needed and was not given.
--
-- The data between the two GENERATED lines is written by tools/gen.lua from
-- data/ (`make generate`); the rest is written by hand.

local type, tonumber, error, select, pairs, ipairs, next = type, tonumber, error, select, pairs, ipairs, next
local setmetatable, rawget, rawequal, pcall = setmetatable, rawget, rawequal, pcall
-- The globals a Lua may lack are read as globals, never through _G (in
-- Luau hosts such as Roblox _G is a plain shared table, not the globals),
-- and under pcall (Redis raises for a missing global): their value, or nil.
-- A memory error met by pcall itself is raised again, as Lua's own message
-- (the same in PUC Lua, LuaJIT and Luau): it says nothing of the global.
local function global(read)
  local ok, v = pcall(read)
  if ok then return v end
  if v == "not enough memory" then error(v, 0) end
  return nil
end
-- rawlen is a base function from 5.2 on and in Luau (for 5.1 and LuaJIT, #
-- on a table is raw)
local rawlen = global(function() return rawlen end)
local function global_os() return os end
local floor = math.floor
local byte, char, sub, find = string.byte, string.char, string.sub, string.find
local match, gmatch, gsub, format, upper = string.match, string.gmatch, string.gsub, string.format, string.upper
local lower = string.lower
local concat, sort = table.concat, table.sort

-- GENERATED: the data, written by tools/gen.lua --pure from data/ (`make generate`); do not edit
local VERSION = "httpstatus 1.3.0"
local REGISTRY_DATE = "2025-09-15"
-- each entry: code, phrase, constant name, registry status, reference,
-- description, Simplified Chinese phrase and description, former names, expiry
-- date, flags (c cacheable, e empty, d redirect, r retryable), how a
-- redirect chooses the method, Traditional Chinese phrase and description;
-- false where there is none
local ENTRIES = {
  { 100, "Continue", "CONTINUE", "permanent", "RFC 9110, Section 15.2.1",
    "The server has received the request header and has not rejected it; the client should go on and send the content. It is the answer to a request sent with \"Expect: 100-continue\".",
    "继续", "服务器已收到请求头字段，尚未拒绝该请求，客户端可以继续发送请求内容。通常是对带有 “Expect: 100-continue” 的请求的回应。",
    { }, false, "e", false,
    "繼續", "伺服器已收到請求的標頭欄位，且沒有拒絕這個請求，用戶端可以接著送出請求內容。通常是回應帶有「Expect: 100-continue」的請求。" },
  { 101, "Switching Protocols", "SWITCHING_PROTOCOLS", "permanent", "RFC 9110, Section 15.2.2",
    "The server agrees to the client's Upgrade request and switches the connection to the protocol named in its Upgrade header, as a WebSocket handshake does.",
    "切换协议", "服务器同意客户端在 Upgrade 头字段中提出的请求，连接将切换到响应 Upgrade 头字段所列的协议，WebSocket 握手就是这样完成的。",
    { }, false, "e", false,
    "切換協定", "伺服器同意用戶端在 Upgrade 標頭欄位提出的要求，連線將切換成回應的 Upgrade 標頭欄位所列的協定；WebSocket 交握就是這樣完成的。" },
  { 102, "Processing", "PROCESSING", "permanent", "RFC 2518, Section 10.1",
    "An interim WebDAV response saying the server has accepted the request and is still working on it, so the client should not time out. RFC 4918 dropped it, but it remains registered.",
    "处理中", "WebDAV 的中间响应，表示服务器已接受请求、仍在处理，客户端不要因超时而放弃。RFC 4918 已不再定义它，但它仍在注册表中。",
    { }, false, "e", false,
    "處理中", "WebDAV 的中間回應，表示伺服器已接受請求、仍在處理中，用戶端不必因逾時而放棄。RFC 4918 已不再定義它，但它仍是已註冊的狀態碼。" },
  { 103, "Early Hints", "EARLY_HINTS", "permanent", "RFC 8297, Section 2",
    "An interim response carrying header fields, usually Link, that the final response is likely to have, so the client can start preloading resources while the server prepares it.",
    "早期提示", "中间响应，提前给出最终响应很可能带有的头字段（通常是 Link），让客户端在服务器准备响应期间就开始预加载资源。",
    { }, false, "e", false,
    "早期提示", "中間回應，預先送出最終回應很可能帶有的標頭欄位（通常是 Link），讓用戶端在伺服器準備回應的同時，就開始預先載入資源。" },
  { 104, "Upload Resumption Supported", "UPLOAD_RESUMPTION_SUPPORTED", "temporary", "draft-ietf-httpbis-resumable-upload-05",
    "An interim response telling the client that the server supports resumable uploads for this request and where the upload resource is, so an interrupted upload can continue instead of starting over. Its registration is temporary: it comes from an Internet-Draft and has an expiry date.",
    "支持可续传上传", "1xx 中间响应，告诉客户端服务器对该请求支持可续传上传，并给出上传资源的位置，上传中断后可以从断点继续，而不必从头再来。它在 IANA 注册表中属于有到期日的临时注册（temporary registration），来自一份互联网草案，尚未成为 RFC。",
    { }, "2026-11-13", "e", false,
    "支援可續傳上傳", "1xx 中間回應，告訴用戶端伺服器對這個請求支援可續傳上傳，並提供上傳資源的位置，讓中斷的上傳可以從中斷處繼續，不必從頭開始。它在 IANA 屬於有到期日的暫時註冊（temporary registration），出自一份網際網路草案，還不是 RFC。" },
  { 200, "OK", "OK", "permanent", "RFC 9110, Section 15.3.1",
    "The request succeeded. What the response holds depends on the method: the resource for GET; for HEAD, the same header fields as GET, without the content; the result of the action for POST.",
    "成功", "请求成功。响应内容取决于请求方法：GET 返回资源本身；HEAD 返回与 GET 相同的头字段，但不带内容；POST 返回操作的结果。",
    { }, false, "c", false,
    "成功", "請求成功。回應的內容依請求方法而定：GET 傳回資源本身；HEAD 傳回與 GET 相同的標頭欄位，但不含內容；POST 傳回操作的結果。" },
  { 201, "Created", "CREATED", "permanent", "RFC 9110, Section 15.3.2",
    "The request succeeded and created one or more new resources; the Location header, if present, names the main one.",
    "已创建", "请求成功并创建了新资源；若有 Location 头字段，它指向新创建的主要资源。",
    { }, false, "", false,
    "已建立", "請求成功，並建立了一個或多個新資源；如有 Location 標頭欄位，它指向新建立的主要資源。" },
  { 202, "Accepted", "ACCEPTED", "permanent", "RFC 9110, Section 15.3.3",
    "The request has been accepted for processing but the processing has not finished, and it may still fail. Typical of asynchronous jobs; the response should say where to check the status.",
    "已接受", "请求已被接受，但尚未处理完成，最终也可能失败。常用于异步任务，响应中应说明到哪里查询处理进度。",
    { }, false, "", false,
    "已接受", "請求已被接受，但還沒處理完成，最後也可能失敗。常用於非同步工作，回應中應說明可以到哪裡查詢處理進度。" },
  { 203, "Non-Authoritative Information", "NON_AUTHORITATIVE_INFORMATION", "permanent", "RFC 9110, Section 15.3.4",
    "The request succeeded, but a transforming proxy has changed the content the origin server sent.",
    "非权威信息", "请求成功，但中间的转换代理修改了源服务器返回的内容。",
    { }, false, "c", false,
    "非權威資訊", "請求成功，但中間負責轉換的代理伺服器修改了來源伺服器傳回的內容。" },
  { 204, "No Content", "NO_CONTENT", "permanent", "RFC 9110, Section 15.3.5",
    "The request succeeded and there is no content to send. A browser stays on the current page; APIs use it for a successful update or delete.",
    "无内容", "请求成功，但没有内容返回。浏览器会停留在当前页面；API 常在更新或删除成功后使用它。",
    { }, false, "ce", false,
    "無內容", "請求成功，但沒有內容要傳回。瀏覽器會停留在目前的頁面；API 常在更新或刪除成功後使用它。" },
  { 205, "Reset Content", "RESET_CONTENT", "permanent", "RFC 9110, Section 15.3.6",
    "The request succeeded and the client should reset the view that sent it, for example clear a form for the next entry. The response has no content.",
    "重置内容", "请求成功，客户端应重置发出请求的视图，例如清空表单以便输入下一条。响应不带内容。",
    { }, false, "e", false,
    "重設內容", "請求成功，用戶端應重設送出請求的畫面，例如清空表單，方便輸入下一筆資料。回應不含內容。" },
  { 206, "Partial Content", "PARTIAL_CONTENT", "permanent", "RFC 9110, Section 15.3.7",
    "The server is sending only the range or ranges the client asked for with a Range header, described by Content-Range or a multipart/byteranges body.",
    "部分内容", "服务器只返回客户端用 Range 头字段请求的一个或多个范围，由 Content-Range 或 multipart/byteranges 内容说明。",
    { }, false, "c", false,
    "部分內容", "伺服器只傳回用戶端以 Range 標頭欄位要求的一個或多個範圍，並以 Content-Range 或 multipart/byteranges 內容說明。" },
  { 207, "Multi-Status", "MULTI_STATUS", "permanent", "RFC 4918, Section 11.1",
    "A WebDAV response whose XML body reports a separate status for each of several resources.",
    "多状态", "WebDAV 响应，用 XML 内容分别报告多个资源各自的状态。",
    { }, false, "", false,
    "多重狀態", "WebDAV 回應，以 XML 內容分別回報多個資源各自的狀態。" },
  { 208, "Already Reported", "ALREADY_REPORTED", "permanent", "RFC 5842, Section 7.1",
    "Used inside a WebDAV multistatus body: the members of this binding were already listed earlier in the same response and are not repeated.",
    "已报告", "用于 WebDAV 多状态内容中：该绑定的成员在同一响应前面已经列出，这里不再重复。",
    { }, false, "", false,
    "已回報", "用於 WebDAV 的多重狀態內容中：這個繫結的成員已在同一個回應的前面列出，這裡不再重複。" },
  { 226, "IM Used", "IM_USED", "permanent", "RFC 3229, Section 10.4.1",
    "The server fulfilled a GET request and the content is the result of instance manipulations, such as a delta encoding, applied to the current instance.",
    "已应用实例操作", "服务器完成了 GET 请求，返回的内容是对当前实例执行实例操作（如差量编码）后的结果。",
    { }, false, "", false,
    "已套用實例操作", "伺服器已完成 GET 請求，傳回的內容是對目前的實例套用實例操作（例如差異編碼）後的結果。" },
  { 300, "Multiple Choices", "MULTIPLE_CHOICES", "permanent", "RFC 9110, Section 15.4.1",
    "The resource has several representations and the user or user agent should choose one; a Location header may name the server's preferred choice.",
    "多种选择", "资源有多种表示形式，需要用户或用户代理从中选择一个；Location 头字段可以给出服务器首选的那个。",
    { }, false, "c", false,
    "多種選擇", "資源有多種表示形式，需要使用者或使用者代理從中選擇一種；Location 標頭欄位可以指出伺服器偏好的那一種。" },
  { 301, "Moved Permanently", "MOVED_PERMANENTLY", "permanent", "RFC 9110, Section 15.4.2",
    "The resource has a new permanent URI, given in Location; clients should update links to it. For historical reasons a client may change POST to GET when following it; use 308 to forbid that.",
    "永久移动", "资源已被永久移动到 Location 给出的新 URI，客户端应更新链接。由于历史原因，客户端跟随时可能把 POST 改为 GET；要保持方法不变请用 308。",
    { }, false, "cd", "post_to_get",
    "永久移動", "資源已永久移到 Location 提供的新 URI，用戶端應更新連結。由於歷史因素，用戶端跟隨時可能會把 POST 改成 GET；若要保持方法不變，請使用 308。" },
  { 302, "Found", "FOUND", "permanent", "RFC 9110, Section 15.4.3",
    "The resource is temporarily at the URI given in Location; keep using the original URI for future requests. A client may change POST to GET when following it; use 307 to forbid that.",
    "临时移动", "资源暂时位于 Location 给出的 URI，以后的请求仍应使用原来的 URI。客户端跟随时可能把 POST 改为 GET；要保持方法不变请用 307。",
    { "Moved Temporarily" }, false, "d", "post_to_get",
    "暫時移動", "資源暫時位於 Location 提供的 URI，之後的請求仍應使用原本的 URI。用戶端跟隨時可能會把 POST 改成 GET；若要保持方法不變，請使用 307。" },
  { 303, "See Other", "SEE_OTHER", "permanent", "RFC 9110, Section 15.4.4",
    "The result is at another URI, given in Location, which the client retrieves with GET (HEAD stays HEAD). Often sent after a POST so that reloading the page does not submit it again.",
    "查看其他位置", "结果位于 Location 给出的另一个 URI，客户端应用 GET 获取（HEAD 请求仍用 HEAD）。常在 POST 之后使用，避免刷新页面时重复提交。",
    { }, false, "d", "get",
    "參見其他位置", "結果位於 Location 提供的另一個 URI，用戶端應以 GET 取得（HEAD 請求仍用 HEAD）。常用在 POST 之後，避免重新整理頁面時重複送出。" },
  { 304, "Not Modified", "NOT_MODIFIED", "permanent", "RFC 9110, Section 15.4.5",
    "A conditional GET or HEAD found the resource unchanged, so the client should use the copy it has stored. RFC 9110 counts it among the redirections because it sends the client to that stored copy rather than to a Location. The response has no content.",
    "未修改", "条件 GET 或 HEAD 请求发现资源未变化，客户端应使用自己已存储的副本。RFC 9110 把它列为重定向的一种：它把客户端引向缓存中的副本，而不是 Location 给出的地址。响应不带内容。",
    { }, false, "e", false,
    "未修改", "條件式 GET 或 HEAD 請求發現資源沒有變更，用戶端應使用自己已儲存的副本。RFC 9110 將它列為重新導向的一種：它把用戶端導向快取中的副本，而不是 Location 提供的位址。回應不含內容。" },
  { 305, "Use Proxy", "USE_PROXY", "permanent", "RFC 9110, Section 15.4.6",
    "Deprecated: it once told the client to repeat the request through the proxy given in Location. RFC 7231 (Appendix B) deprecated it over the security concerns of configuring a proxy in-band, and clients ignore it.",
    "使用代理", "已弃用：过去表示客户端应通过 Location 给出的代理重新请求。由于在响应中配置代理存在安全隐患，RFC 7231（附录 B）将其弃用，客户端会忽略它。",
    { }, false, "", false,
    "使用代理", "已棄用：過去表示用戶端應透過 Location 提供的代理伺服器重新發出請求。由於在回應中設定代理伺服器有安全疑慮，RFC 7231（附錄 B）將它棄用，用戶端會忽略它。" },
  { 306, false, "SWITCH_PROXY", "unused", "RFC 9110, Section 15.4.7",
    "Unused: the code is reserved and has no meaning. Its one-time name, \"Switch Proxy\", was defined only in an Internet-Draft and never in an RFC; RFC 2616 already listed 306 as unused. A client handles it as 300.",
    false, "未使用：该状态码保留，没有任何含义。它曾经的名称“Switch Proxy”只在一份互联网草案中定义过，从未写入任何 RFC。RFC 2616 起就把 306 列为未使用。客户端按 300 处理。",
    { }, false, "", false,
    false, "未使用：這個狀態碼保留，沒有任何意義。它以前的名稱「Switch Proxy」只在一份網際網路草案中定義過，從未寫入任何 RFC。從 RFC 2616 起，306 就列為未使用。用戶端把它當成 300 處理。" },
  { 307, "Temporary Redirect", "TEMPORARY_REDIRECT", "permanent", "RFC 9110, Section 15.4.8",
    "The resource is temporarily at the URI given in Location; future requests should still use the original URI. A client that follows the redirect automatically must repeat the request there with the same method and content: unlike 302, POST stays POST.",
    "临时重定向", "资源暂时位于 Location 给出的 URI，以后的请求仍应使用原来的 URI。客户端自动跟随该重定向时，必须用相同的方法和内容向新地址重发请求：与 302 不同，POST 仍是 POST。",
    { }, false, "d", "keep",
    "暫時重新導向", "資源暫時位於 Location 提供的 URI，之後的請求仍應使用原本的 URI。用戶端自動跟隨這個重新導向時，必須以相同的方法和內容向新位址重新發出請求：與 302 不同，POST 仍是 POST。" },
  { 308, "Permanent Redirect", "PERMANENT_REDIRECT", "permanent", "RFC 9110, Section 15.4.9",
    "The resource has a new permanent URI, given in Location, and clients should update their links to it. A client that follows the redirect automatically must repeat the request there with the same method and content: unlike 301, POST stays POST.",
    "永久重定向", "资源已被永久移动到 Location 给出的新 URI，客户端应更新链接。客户端自动跟随该重定向时，必须用相同的方法和内容向新地址重发请求：与 301 不同，POST 仍是 POST。",
    { }, false, "cd", "keep",
    "永久重新導向", "資源已永久移到 Location 提供的新 URI，用戶端應更新連結。用戶端自動跟隨這個重新導向時，必須以相同的方法和內容向新位址重新發出請求：與 301 不同，POST 仍是 POST。" },
  { 400, "Bad Request", "BAD_REQUEST", "permanent", "RFC 9110, Section 15.5.1",
    "The server will not process the request because of a client error, such as malformed syntax or invalid framing. Fix the request before sending it again.",
    "错误请求", "由于客户端的错误（如语法格式错误、报文结构无效），服务器不会处理该请求。修改请求后才能再次发送。",
    { }, false, "", false,
    "錯誤的請求", "由於用戶端的錯誤（例如語法格式錯誤、訊息結構無效），伺服器不會處理這個請求。請求必須修正後才能再次送出。" },
  { 401, "Unauthorized", "UNAUTHORIZED", "permanent", "RFC 9110, Section 15.5.2",
    "The request lacks valid authentication credentials. The response carries a WWW-Authenticate header saying how to authenticate; retry with credentials.",
    "未授权", "请求缺少有效的身份认证凭据。响应带有 WWW-Authenticate 头字段说明认证方式，客户端应带上凭据重试。",
    { }, false, "", false,
    "未經授權", "請求缺少有效的身分驗證憑證。回應帶有 WWW-Authenticate 標頭欄位說明驗證方式，用戶端應附上憑證後重試。" },
  { 402, "Payment Required", "PAYMENT_REQUIRED", "permanent", "RFC 9110, Section 15.5.3",
    "Reserved for future use. Some services use it when payment or a subscription is needed, but no standard defines that.",
    "需要付款", "保留供将来使用。有些服务在需要付费或订阅时使用它，但没有标准对此作出定义。",
    { }, false, "", false,
    "需要付款", "保留供日後使用。有些服務在需要付費或訂閱時使用它，但沒有任何標準定義它的用法。" },
  { 403, "Forbidden", "FORBIDDEN", "permanent", "RFC 9110, Section 15.5.4",
    "The server understood the request and refuses to fulfil it. If credentials were sent, they are not enough: the client should not repeat the request with the same ones, though new or different ones may succeed.",
    "禁止访问", "服务器理解该请求，但拒绝执行。如果请求带有凭据，说明这些凭据权限不足：客户端不应使用相同的凭据重复请求，但换用新的凭据可能会成功。",
    { }, false, "", false,
    "禁止存取", "伺服器理解這個請求，但拒絕執行。如果請求帶有憑證，表示這些憑證的權限不足：用戶端不應以相同的憑證重複請求，但改用新的憑證可能會成功。" },
  { 404, "Not Found", "NOT_FOUND", "permanent", "RFC 9110, Section 15.5.5",
    "The server has no current representation for the target resource, or will not say that one exists. It does not tell whether the absence is temporary or permanent.",
    "未找到", "服务器找不到目标资源的当前表示，或不愿透露它是否存在。它不说明资源是暂时还是永久不存在。",
    { }, false, "c", false,
    "找不到", "伺服器找不到目標資源目前的表示形式，或不願透露它是否存在。它不表示資源是暫時還是永久不存在。" },
  { 405, "Method Not Allowed", "METHOD_NOT_ALLOWED", "permanent", "RFC 9110, Section 15.5.6",
    "The resource exists but does not support the request method. The response must list the supported methods in an Allow header.",
    "方法不允许", "资源存在，但不支持该请求方法。响应必须在 Allow 头字段中列出支持的方法。",
    { }, false, "c", false,
    "不允許的方法", "資源存在，但不支援這個請求方法。回應必須在 Allow 標頭欄位中列出支援的方法。" },
  { 406, "Not Acceptable", "NOT_ACCEPTABLE", "permanent", "RFC 9110, Section 15.5.7",
    "The server has no representation that matches the request's Accept, Accept-Language or Accept-Encoding headers, and will not send a default one.",
    "不可接受", "服务器没有符合请求中 Accept、Accept-Language 或 Accept-Encoding 等头字段要求的表示，也不愿返回默认的表示。",
    { }, false, "", false,
    "無法接受", "伺服器沒有符合請求中 Accept、Accept-Language 或 Accept-Encoding 等標頭欄位要求的表示形式，也不願傳回預設的表示形式。" },
  { 407, "Proxy Authentication Required", "PROXY_AUTHENTICATION_REQUIRED", "permanent", "RFC 9110, Section 15.5.8",
    "Like 401, but the client must first authenticate with the proxy, which says how in a Proxy-Authenticate header.",
    "需要代理认证", "与 401 类似，但客户端必须先通过代理的认证，代理会在 Proxy-Authenticate 头字段中说明认证方式。",
    { }, false, "", false,
    "需要代理驗證", "與 401 類似，但用戶端必須先完成代理伺服器的驗證，代理伺服器會在 Proxy-Authenticate 標頭欄位中說明驗證方式。" },
  { 408, "Request Timeout", "REQUEST_TIMEOUT", "permanent", "RFC 9110, Section 15.5.9",
    "The server did not receive a complete request message within the time it was prepared to wait. A client with a request still in transit may repeat it, on a new connection if the current one can no longer be used (as in HTTP/1.1, where the request boundaries are then lost).",
    "请求超时", "服务器在它愿意等待的时间内没有收到完整的请求报文。客户端若有仍在传输中的请求，可以重发；如果当前连接已不可用（例如在 HTTP/1.1 中请求边界已经丢失），就在新连接上重发。",
    { "Request Time-out" }, false, "r", false,
    "請求逾時", "伺服器在它願意等待的時間內，沒有收到完整的請求訊息。用戶端若有仍在傳送中的請求，可以重新送出；如果目前的連線已無法使用（例如在 HTTP/1.1 中已經失去請求的邊界），就在新的連線上重新送出。" },
  { 409, "Conflict", "CONFLICT", "permanent", "RFC 9110, Section 15.5.10",
    "The request conflicts with the current state of the resource, such as an edit based on an outdated version. The client should resolve the conflict and resubmit.",
    "冲突", "请求与资源的当前状态冲突，例如基于过时版本的修改。客户端应先解决冲突再重新提交。",
    { }, false, "", false,
    "衝突", "請求與資源目前的狀態衝突，例如根據過時版本所做的修改。用戶端應先解決衝突，再重新送出。" },
  { 410, "Gone", "GONE", "permanent", "RFC 9110, Section 15.5.11",
    "The resource is no longer available at this URI and the condition is likely permanent. Clients should remove links to it.",
    "已失效", "资源在该 URI 上已不再可用，而且很可能是永久性的。客户端应删除指向它的链接。",
    { }, false, "c", false,
    "已失效", "資源在這個 URI 上已無法使用，而且很可能是永久的。用戶端應刪除指向它的連結。" },
  { 411, "Length Required", "LENGTH_REQUIRED", "permanent", "RFC 9110, Section 15.5.12",
    "The server refuses to accept the request without a defined Content-Length. The client may repeat it with a valid Content-Length header giving the length of the content.",
    "需要内容长度", "服务器拒绝接受没有明确 Content-Length 的请求。客户端可以加上给出内容长度的有效 Content-Length 头字段后重新发送。",
    { }, false, "", false,
    "需要內容長度", "伺服器拒絕接受沒有明確 Content-Length 的請求。用戶端可以加上標示內容長度的有效 Content-Length 標頭欄位後重新送出。" },
  { 412, "Precondition Failed", "PRECONDITION_FAILED", "permanent", "RFC 9110, Section 15.5.13",
    "A condition in the request headers, such as If-Match or If-Unmodified-Since, evaluated to false, so the method was not applied.",
    "前提条件失败", "请求头字段中的条件（如 If-Match、If-Unmodified-Since）不成立，因此服务器没有执行该方法。",
    { }, false, "", false,
    "先決條件失敗", "請求標頭欄位中的條件（例如 If-Match、If-Unmodified-Since）不成立，因此伺服器沒有執行該方法。" },
  { 413, "Content Too Large", "CONTENT_TOO_LARGE", "permanent", "RFC 9110, Section 15.5.14",
    "The request content is larger than the server is willing or able to process. The server may close the connection; if the condition is temporary it sends Retry-After.",
    "内容过大", "请求内容超过了服务器愿意或能够处理的大小。服务器可能关闭连接；如果只是暂时的，会用 Retry-After 告知何时重试。",
    { "Request Entity Too Large", "Payload Too Large" }, false, "", false,
    "內容過大", "請求內容超過伺服器願意或能夠處理的大小。伺服器可能會關閉連線；如果只是暫時的狀況，會以 Retry-After 告知何時可以重試。" },
  { 414, "URI Too Long", "URI_TOO_LONG", "permanent", "RFC 9110, Section 15.5.15",
    "The target URI is longer than the server is willing to interpret. RFC 9110 calls it a rare condition: a client that turned a POST with long query data into a GET, a redirect loop that keeps lengthening the URI, or an attack probing the server for weaknesses.",
    "URI 过长", "目标 URI 超过了服务器愿意解析的长度。RFC 9110 称这种情况很少见：客户端把带有大量查询数据的 POST 错误地改成了 GET，重定向循环使 URI 越来越长，或者有人借此攻击、试探服务器的漏洞。",
    { "Request-URI Too Long", "Request-URI Too Large" }, false, "c", false,
    "URI 過長", "目標 URI 超過伺服器願意解析的長度。RFC 9110 指出這種情況很少見：可能是用戶端把帶有大量查詢資料的 POST 錯誤地改成 GET、重新導向迴圈讓 URI 越來越長，或是有人藉此攻擊、探測伺服器的漏洞。" },
  { 415, "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE", "permanent", "RFC 9110, Section 15.5.16",
    "The server refuses the request because its content is in a format or encoding the resource does not support, as told by Content-Type or Content-Encoding.",
    "不支持的媒体类型", "请求内容的格式或编码（由 Content-Type 或 Content-Encoding 指明）不受该资源支持，服务器拒绝处理。",
    { }, false, "", false,
    "不支援的媒體類型", "請求內容的格式或編碼（由 Content-Type 或 Content-Encoding 標示）不受這個資源支援，伺服器拒絕處理。" },
  { 416, "Range Not Satisfiable", "RANGE_NOT_SATISFIABLE", "permanent", "RFC 9110, Section 15.5.17",
    "The server rejects the ranges in the request's Range header: none of them overlaps the selected representation, or the client asked for too many small or overlapping ranges. The response should give the current length in Content-Range.",
    "范围无法满足", "服务器拒绝了请求 Range 头字段中的范围：要么没有一个范围与所选表示重叠，要么客户端请求了过多细小或相互重叠的范围。响应应在 Content-Range 中给出当前的完整长度。",
    { "Requested Range Not Satisfiable" }, false, "", false,
    "無法滿足的範圍", "伺服器拒絕了請求 Range 標頭欄位中的範圍：可能是沒有任何範圍與所選的表示形式重疊，或是用戶端要求了太多細碎或彼此重疊的範圍。回應應在 Content-Range 中提供目前的完整長度。" },
  { 417, "Expectation Failed", "EXPECTATION_FAILED", "permanent", "RFC 9110, Section 15.5.18",
    "The server cannot meet the expectation in the request's Expect header.",
    "预期失败", "服务器无法满足请求中 Expect 头字段提出的期望。",
    { }, false, "", false,
    "預期失敗", "伺服器無法滿足請求中 Expect 標頭欄位提出的預期。" },
  { 418, false, "IM_A_TEAPOT", "unused", "RFC 9110, Section 15.5.19",
    "Unused: RFC 2324's April Fools' teapot code. It has been deployed as a joke so widely that RFC 9110 reserves it: it cannot be assigned currently, though it may be reassigned if future needs require it. A client handles it as 400.",
    false, "未使用：源自 RFC 2324 的愚人节“茶壶”状态码。它被当作玩笑部署得太广，RFC 9110 因此将其保留：目前不能分配给其他用途，但将来如有需要（例如 4xx 状态码用尽），仍可重新分配。客户端按 400 处理。",
    { "I'm a teapot" }, false, "", false,
    false, "未使用：出自 RFC 2324 的愚人節「茶壺」狀態碼。它被當成玩笑而廣泛部署，因此 RFC 9110 將它保留：目前不能指派給其他用途，但將來如有需要（例如 4xx 狀態碼用完時），仍可重新指派。用戶端把它當成 400 處理。" },
  { 421, "Misdirected Request", "MISDIRECTED_REQUEST", "permanent", "RFC 9110, Section 15.5.20",
    "The request reached a server that is unable or unwilling to produce an authoritative response for its target URI, for example over a connection reused for another host. The client may retry the request over a different connection, whatever its method.",
    "请求被错误定向", "请求被发送到了无法或不愿为其目标 URI 给出权威响应的服务器，例如复用了为另一个主机建立的连接。无论请求方法是什么，客户端都可以换一个连接重试。",
    { }, false, "", false,
    "錯誤導向的請求", "請求被送到無法或不願為其目標 URI 提供權威回應的伺服器，例如重複使用了為另一個主機建立的連線。無論請求方法為何，用戶端都可以改用另一個連線重試。" },
  { 422, "Unprocessable Content", "UNPROCESSABLE_CONTENT", "permanent", "RFC 9110, Section 15.5.21",
    "The server understands the content type and the syntax is correct, but it cannot process the instructions, for example well-formed JSON that fails validation.",
    "无法处理的内容", "服务器理解内容类型，语法也正确，但无法处理其中的指令，例如格式正确却未通过校验的 JSON。",
    { "Unprocessable Entity" }, false, "", false,
    "無法處理的內容", "伺服器理解內容類型，語法也正確，但無法處理其中的指令，例如格式正確、內容卻不符合驗證規則的 JSON。" },
  { 423, "Locked", "LOCKED", "permanent", "RFC 4918, Section 11.3",
    "WebDAV: the source or destination resource is locked.",
    "已锁定", "WebDAV：源资源或目标资源已被锁定。",
    { }, false, "", false,
    "已鎖定", "WebDAV：來源資源或目標資源已被鎖定。" },
  { 424, "Failed Dependency", "FAILED_DEPENDENCY", "permanent", "RFC 4918, Section 11.4",
    "WebDAV: the method could not be performed because an action it depended on failed.",
    "依赖失败", "WebDAV：该方法所依赖的另一个操作失败了，因此无法执行。",
    { }, false, "", false,
    "相依失敗", "WebDAV：這個方法所相依的另一個操作失敗了，因此無法執行。" },
  { 425, "Too Early", "TOO_EARLY", "permanent", "RFC 8470, Section 5.2",
    "The server will not process a request sent in TLS early data, because it could be replayed. The client may retry once the handshake has completed.",
    "请求过早", "请求是在 TLS 早期数据中发送的，可能遭到重放攻击，服务器不愿处理。客户端可以在握手完成后重试。",
    { }, false, "r", false,
    "請求過早", "請求是以 TLS 早期資料送出的，可能遭到重放攻擊，伺服器不願處理。用戶端可以在交握完成後重試。" },
  { 426, "Upgrade Required", "UPGRADE_REQUIRED", "permanent", "RFC 9110, Section 15.5.22",
    "The server refuses the request over the current protocol but may accept it after the client upgrades to a protocol named in the response's Upgrade header.",
    "需要升级", "服务器拒绝用当前协议处理该请求，但客户端升级到响应 Upgrade 头字段所列的协议后可能会接受。",
    { }, false, "", false,
    "需要升級", "伺服器拒絕以目前的協定處理這個請求，但用戶端升級到回應的 Upgrade 標頭欄位所列的協定後，可能就會接受。" },
  { 428, "Precondition Required", "PRECONDITION_REQUIRED", "permanent", "RFC 6585, Section 3",
    "The server requires the request to be conditional, such as carrying If-Match, to avoid lost updates.",
    "需要前提条件", "服务器要求请求必须是条件请求（例如带有 If-Match），以免发生更新丢失。",
    { }, false, "", false,
    "需要先決條件", "伺服器要求請求必須是條件式請求（例如帶有 If-Match），以免發生更新遺失。" },
  { 429, "Too Many Requests", "TOO_MANY_REQUESTS", "permanent", "RFC 6585, Section 4",
    "The client has sent too many requests in a given time (rate limiting). Wait, honouring Retry-After if present, before trying again.",
    "请求过多", "客户端在一定时间内发送的请求过多（触发了限流）。应等待一段时间再重试；若有 Retry-After 头字段，请遵照它。",
    { }, false, "r", false,
    "請求過多", "用戶端在一段時間內送出太多請求（觸發了速率限制）。應等待一段時間再重試；如有 Retry-After 標頭欄位，請依照它的指示。" },
  { 431, "Request Header Fields Too Large", "REQUEST_HEADER_FIELDS_TOO_LARGE", "permanent", "RFC 6585, Section 5",
    "The server refuses the request because a header field, or all of them together, is too large. The client may retry with smaller headers, for example fewer cookies.",
    "请求头字段过大", "某个请求头字段或全部头字段的总大小过大，服务器拒绝处理。客户端可以减小请求头字段（例如减少 Cookie）后重试。",
    { }, false, "", false,
    "請求標頭欄位過大", "某個請求標頭欄位，或全部標頭欄位的總大小過大，伺服器拒絕處理。用戶端可以縮減請求標頭欄位（例如減少 Cookie）後重試。" },
  { 451, "Unavailable For Legal Reasons", "UNAVAILABLE_FOR_LEGAL_REASONS", "permanent", "RFC 7725, Section 3",
    "The server refuses access to the resource because of a legal demand, such as a court order or government censorship.",
    "因法律原因不可用", "由于法律要求（例如法院命令或政府审查），服务器拒绝提供该资源。",
    { }, false, "c", false,
    "因法律因素無法提供", "由於法律要求（例如法院命令或政府審查），伺服器拒絕提供這個資源。" },
  { 500, "Internal Server Error", "INTERNAL_SERVER_ERROR", "permanent", "RFC 9110, Section 15.6.1",
    "The server met an unexpected condition that prevented it from fulfilling the request. It is the generic server-side failure.",
    "服务器内部错误", "服务器遇到了意外情况，无法完成请求。这是最笼统的服务器端错误。",
    { }, false, "r", false,
    "伺服器內部錯誤", "伺服器遇到了非預期的狀況，無法完成請求。這是最籠統的伺服器端錯誤。" },
  { 501, "Not Implemented", "NOT_IMPLEMENTED", "permanent", "RFC 9110, Section 15.6.2",
    "The server does not support the functionality required, for example a request method it does not recognize for any resource.",
    "未实现", "服务器不支持完成该请求所需的功能，例如它对任何资源都无法识别的请求方法。",
    { }, false, "c", false,
    "未實作", "伺服器不支援完成請求所需的功能，例如它對任何資源都無法辨識的請求方法。" },
  { 502, "Bad Gateway", "BAD_GATEWAY", "permanent", "RFC 9110, Section 15.6.3",
    "A gateway or proxy received an invalid response from the upstream server it contacted.",
    "错误网关", "网关或代理从它访问的上游服务器收到了无效的响应。",
    { }, false, "r", false,
    "錯誤的閘道", "閘道或代理伺服器從它存取的上游伺服器收到了無效的回應。" },
  { 503, "Service Unavailable", "SERVICE_UNAVAILABLE", "permanent", "RFC 9110, Section 15.6.4",
    "The server cannot handle the request right now, because of overload or maintenance, and will likely be able to later. A Retry-After header may say when to try again.",
    "服务不可用", "服务器由于过载或维护暂时无法处理请求，稍后很可能恢复。响应可以用 Retry-After 头字段说明何时再试。",
    { }, false, "r", false,
    "服務無法使用", "伺服器因為過載或維護，暫時無法處理請求，稍後很可能就會恢復。回應可以用 Retry-After 標頭欄位說明何時再試。" },
  { 504, "Gateway Timeout", "GATEWAY_TIMEOUT", "permanent", "RFC 9110, Section 15.6.5",
    "A gateway or proxy did not receive a timely response from the upstream server it needed to complete the request.",
    "网关超时", "网关或代理没有及时收到完成请求所需的上游服务器的响应。",
    { "Gateway Time-out" }, false, "r", false,
    "閘道逾時", "閘道或代理伺服器沒有及時收到完成請求所需的上游伺服器回應。" },
  { 505, "HTTP Version Not Supported", "HTTP_VERSION_NOT_SUPPORTED", "permanent", "RFC 9110, Section 15.6.6",
    "The server does not support, or refuses to support, the major version of HTTP used in the request.",
    "HTTP 版本不受支持", "服务器不支持（或拒绝支持）请求所使用的 HTTP 主版本。",
    { }, false, "", false,
    "不支援的 HTTP 版本", "伺服器不支援（或拒絕支援）請求所使用的 HTTP 主要版本。" },
  { 506, "Variant Also Negotiates", "VARIANT_ALSO_NEGOTIATES", "permanent", "RFC 2295, Section 8.1",
    "A server configuration error in transparent content negotiation: the chosen variant is itself set up to negotiate, which would loop.",
    "变体也在协商", "透明内容协商中的服务器配置错误：被选中的变体自身也被配置为进行协商，会形成循环。",
    { }, false, "", false,
    "變體本身也在協商", "透明內容協商的伺服器設定錯誤：被選中的變體本身也被設定成要進行協商，形成迴圈。" },
  { 507, "Insufficient Storage", "INSUFFICIENT_STORAGE", "permanent", "RFC 4918, Section 11.5",
    "WebDAV: the server cannot store the representation needed to complete the request.",
    "存储空间不足", "WebDAV：服务器无法存储完成请求所需的表示。",
    { }, false, "", false,
    "儲存空間不足", "WebDAV：伺服器無法儲存完成請求所需的表示形式。" },
  { 508, "Loop Detected", "LOOP_DETECTED", "permanent", "RFC 5842, Section 7.2",
    "WebDAV: the server stopped the operation because it found an infinite loop while processing a request with \"Depth: infinity\".",
    "检测到循环", "WebDAV：服务器在处理 “Depth: infinity” 的请求时发现了无限循环，因此终止了操作。",
    { }, false, "", false,
    "偵測到迴圈", "WebDAV：伺服器處理「Depth: infinity」的請求時，發現了無窮迴圈，因此終止了操作。" },
  { 510, "Not Extended", "NOT_EXTENDED", "obsoleted", "RFC 2774, Section 7",
    "Obsoleted: from the HTTP Extension Framework, which is now historic. It said the request did not meet the server's policy for using an extension.",
    "未扩展", "已废止：来自 HTTP 扩展框架（RFC 2774，现已列为历史文档），表示请求不满足服务器使用某项扩展的策略。",
    { }, false, "", false,
    "未擴充", "已廢止：出自 HTTP 擴充框架（RFC 2774，現已列為歷史性 RFC），表示請求不符合伺服器使用某項擴充的政策。" },
  { 511, "Network Authentication Required", "NETWORK_AUTHENTICATION_REQUIRED", "permanent", "RFC 6585, Section 6",
    "The client needs to authenticate to gain network access. It is meant for intercepting proxies such as the captive portals of public Wi-Fi, and origin servers should not send it; the response should link to a page where the user can log in.",
    "需要网络认证", "客户端需要先通过认证才能访问网络。它供拦截式代理使用（例如公共 Wi-Fi 的认证门户），源服务器不应发送它；响应应带有一个可供用户登录的页面链接。",
    { }, false, "", false,
    "需要網路驗證", "用戶端必須先完成驗證才能存取網路。它供攔截式代理伺服器使用（例如公共 Wi-Fi 的登入頁面），來源伺服器不應送出它；回應應帶有讓使用者登入的頁面連結。" },
}
-- the response header fields a code's section (its reference) ties to it:
-- code -> { name, level, ... }
local HEADERS = {
  [101] = { "Upgrade", "MUST" },
  [301] = { "Location", "SHOULD" },
  [302] = { "Location", "SHOULD" },
  [303] = { "Location", "SHOULD" },
  [307] = { "Location", "SHOULD" },
  [308] = { "Location", "SHOULD" },
  [401] = { "WWW-Authenticate", "MUST" },
  [405] = { "Allow", "MUST" },
  [407] = { "Proxy-Authenticate", "MUST" },
  [413] = { "Retry-After", "SHOULD" },
  [416] = { "Content-Range", "SHOULD" },
  [426] = { "Upgrade", "MUST" },
  [429] = { "Retry-After", "MAY" },
  [503] = { "Retry-After", "MAY" },
}
-- the title of each class: English, Simplified and Traditional Chinese
local CLASS_TITLES = {
  { "Informational", "信息", "資訊" },
  { "Successful", "成功", "成功" },
  { "Redirection", "重定向", "重新導向" },
  { "Client Error", "客户端错误", "用戶端錯誤" },
  { "Server Error", "服务器错误", "伺服器錯誤" },
}
-- every constant name, current and former, then its code, in registry order
local CONSTANTS = {
  "CONTINUE", 100,
  "SWITCHING_PROTOCOLS", 101,
  "PROCESSING", 102,
  "EARLY_HINTS", 103,
  "UPLOAD_RESUMPTION_SUPPORTED", 104,
  "OK", 200,
  "CREATED", 201,
  "ACCEPTED", 202,
  "NON_AUTHORITATIVE_INFORMATION", 203,
  "NO_CONTENT", 204,
  "RESET_CONTENT", 205,
  "PARTIAL_CONTENT", 206,
  "MULTI_STATUS", 207,
  "ALREADY_REPORTED", 208,
  "IM_USED", 226,
  "MULTIPLE_CHOICES", 300,
  "MOVED_PERMANENTLY", 301,
  "FOUND", 302,
  "MOVED_TEMPORARILY", 302,
  "SEE_OTHER", 303,
  "NOT_MODIFIED", 304,
  "USE_PROXY", 305,
  "SWITCH_PROXY", 306,
  "TEMPORARY_REDIRECT", 307,
  "PERMANENT_REDIRECT", 308,
  "BAD_REQUEST", 400,
  "UNAUTHORIZED", 401,
  "PAYMENT_REQUIRED", 402,
  "FORBIDDEN", 403,
  "NOT_FOUND", 404,
  "METHOD_NOT_ALLOWED", 405,
  "NOT_ACCEPTABLE", 406,
  "PROXY_AUTHENTICATION_REQUIRED", 407,
  "REQUEST_TIMEOUT", 408,
  "REQUEST_TIME_OUT", 408,
  "CONFLICT", 409,
  "GONE", 410,
  "LENGTH_REQUIRED", 411,
  "PRECONDITION_FAILED", 412,
  "CONTENT_TOO_LARGE", 413,
  "REQUEST_ENTITY_TOO_LARGE", 413,
  "PAYLOAD_TOO_LARGE", 413,
  "URI_TOO_LONG", 414,
  "REQUEST_URI_TOO_LONG", 414,
  "REQUEST_URI_TOO_LARGE", 414,
  "UNSUPPORTED_MEDIA_TYPE", 415,
  "RANGE_NOT_SATISFIABLE", 416,
  "REQUESTED_RANGE_NOT_SATISFIABLE", 416,
  "EXPECTATION_FAILED", 417,
  "IM_A_TEAPOT", 418,
  "MISDIRECTED_REQUEST", 421,
  "UNPROCESSABLE_CONTENT", 422,
  "UNPROCESSABLE_ENTITY", 422,
  "LOCKED", 423,
  "FAILED_DEPENDENCY", 424,
  "TOO_EARLY", 425,
  "UPGRADE_REQUIRED", 426,
  "PRECONDITION_REQUIRED", 428,
  "TOO_MANY_REQUESTS", 429,
  "REQUEST_HEADER_FIELDS_TOO_LARGE", 431,
  "UNAVAILABLE_FOR_LEGAL_REASONS", 451,
  "INTERNAL_SERVER_ERROR", 500,
  "NOT_IMPLEMENTED", 501,
  "BAD_GATEWAY", 502,
  "SERVICE_UNAVAILABLE", 503,
  "GATEWAY_TIMEOUT", 504,
  "GATEWAY_TIME_OUT", 504,
  "HTTP_VERSION_NOT_SUPPORTED", 505,
  "VARIANT_ALSO_NEGOTIATES", 506,
  "INSUFFICIENT_STORAGE", 507,
  "LOOP_DETECTED", 508,
  "NOT_EXTENDED", 510,
  "NETWORK_AUTHENTICATION_REQUIRED", 511,
}
-- what hs.code compares: upper case, without spaces, tabs, '-', '_' and apostrophes
local KEYS = {
  ["ACCEPTED"] = 202,
  ["ALREADYREPORTED"] = 208,
  ["AUTHORIZATIONREQUIRED"] = 401,
  ["BADGATEWAY"] = 502,
  ["BADREQUEST"] = 400,
  ["CONFLICT"] = 409,
  ["CONTENTTOOLARGE"] = 413,
  ["CONTINUE"] = 100,
  ["CREATED"] = 201,
  ["EARLYHINTS"] = 103,
  ["EXPECTATIONFAILED"] = 417,
  ["FAILEDDEPENDENCY"] = 424,
  ["FORBIDDEN"] = 403,
  ["FOUND"] = 302,
  ["GATEWAYTIMEOUT"] = 504,
  ["GONE"] = 410,
  ["HTTPVERSIONNOTSUPPORTED"] = 505,
  ["IMATEAPOT"] = 418,
  ["IMUSED"] = 226,
  ["INSUFFICIENTSTORAGE"] = 507,
  ["INTERNALSERVERERROR"] = 500,
  ["LENGTHREQUIRED"] = 411,
  ["LOCKED"] = 423,
  ["LOOPDETECTED"] = 508,
  ["METHODNOTALLOWED"] = 405,
  ["METHODNOTIMPLEMENTED"] = 501,
  ["MISDIRECTEDREQUEST"] = 421,
  ["MOVEDPERMANENTLY"] = 301,
  ["MOVEDTEMPORARILY"] = 302,
  ["MULTIPLECHOICES"] = 300,
  ["MULTISTATUS"] = 207,
  ["NETWORKAUTHENTICATIONREQUIRED"] = 511,
  ["NOCONTENT"] = 204,
  ["NONAUTHORITATIVEINFORMATION"] = 203,
  ["NOTACCEPTABLE"] = 406,
  ["NOTALLOWED"] = 405,
  ["NOTEXTENDED"] = 510,
  ["NOTFOUND"] = 404,
  ["NOTIMPLEMENTED"] = 501,
  ["NOTMODIFIED"] = 304,
  ["OK"] = 200,
  ["PARTIALCONTENT"] = 206,
  ["PAYLOADTOOLARGE"] = 413,
  ["PAYMENTREQUIRED"] = 402,
  ["PERMANENTREDIRECT"] = 308,
  ["PRECONDITIONFAILED"] = 412,
  ["PRECONDITIONREQUIRED"] = 428,
  ["PROCESSING"] = 102,
  ["PROXYAUTHENTICATIONREQUIRED"] = 407,
  ["RANGENOTSATISFIABLE"] = 416,
  ["REQUESTEDRANGENOTSATISFIABLE"] = 416,
  ["REQUESTENTITYTOOLARGE"] = 413,
  ["REQUESTHEADERFIELDSTOOLARGE"] = 431,
  ["REQUESTTIMEOUT"] = 408,
  ["REQUESTURITOOLARGE"] = 414,
  ["REQUESTURITOOLONG"] = 414,
  ["RESETCONTENT"] = 205,
  ["SEEOTHER"] = 303,
  ["SERVICETEMPORARILYUNAVAILABLE"] = 503,
  ["SERVICEUNAVAILABLE"] = 503,
  ["SWITCHINGPROTOCOLS"] = 101,
  ["SWITCHPROXY"] = 306,
  ["TEMPORARYREDIRECT"] = 307,
  ["TOOEARLY"] = 425,
  ["TOOMANYREQUESTS"] = 429,
  ["UNAUTHORIZED"] = 401,
  ["UNAVAILABLEFORLEGALREASONS"] = 451,
  ["UNPROCESSABLECONTENT"] = 422,
  ["UNPROCESSABLEENTITY"] = 422,
  ["UNSUPPORTEDMEDIATYPE"] = 415,
  ["UPGRADEREQUIRED"] = 426,
  ["UPLOADRESUMPTIONSUPPORTED"] = 104,
  ["URITOOLONG"] = 414,
  ["USEPROXY"] = 305,
  ["VARIANTALSONEGOTIATES"] = 506,
}
-- codes outside the registry: code, phrase, source, note
local UNOFFICIAL = {
  { 218, "This is fine", "Apache HTTP Server folklore (ErrorDocument setups)", "not in httpd's own status table: said to be sent in place of an upstream error when ProxyErrorOverride is on" },
  { 419, "Page Expired", "Laravel", false },
  { 420, "Enhance Your Calm", "Twitter API v1", false },
  { 420, "Method Failure", "Spring Framework", false },
  { 430, "Shopify Security Rejection", "Shopify", false },
  { 440, "Login Time-out", "Microsoft IIS", false },
  { 444, "No Response", "nginx", "never sent: nginx closes the connection without a response" },
  { 449, "Retry With", "Microsoft IIS", false },
  { 450, "Blocked by Windows Parental Controls", "Microsoft", false },
  { 451, "Redirect", "Microsoft IIS (Exchange ActiveSync)", "a vendor meaning of a registered code: the registry's 451 is Unavailable For Legal Reasons" },
  { 460, "Client Closed Connection", "AWS Elastic Load Balancing", "never received: the load balancer logs it when the client closed the connection first" },
  { 463, "Too Many X-Forwarded-For Addresses", "AWS Elastic Load Balancing", false },
  { 464, "Incompatible Protocol Versions", "AWS Elastic Load Balancing", false },
  { 494, "Request Header Too Large", "nginx", "internal: nginx sends it to the client as 400 Bad Request" },
  { 495, "SSL Certificate Error", "nginx", "internal: nginx sends it to the client as 400 Bad Request" },
  { 496, "SSL Certificate Required", "nginx", "internal: nginx sends it to the client as 400 Bad Request" },
  { 497, "HTTP Request Sent to HTTPS Port", "nginx", "internal: nginx sends it to the client as 400 Bad Request" },
  { 498, "Invalid Token", "Esri ArcGIS", false },
  { 499, "Client Closed Request", "nginx", "never sent: only logged, when the client went away first" },
  { 499, "Token Required", "Esri ArcGIS", false },
  { 499, "Client Closed Request", "Google APIs (google.rpc.Code)", "the HTTP code of gRPC's CANCELLED: the client cancelled the request" },
  { 509, "Bandwidth Limit Exceeded", "cPanel and bandwidth modules (mod_bw and the like)", "not Apache httpd's own: its status table has no 509" },
  { 520, "Web Server Returned an Unknown Error", "Cloudflare", false },
  { 521, "Web Server Is Down", "Cloudflare", false },
  { 522, "Connection Timed Out", "Cloudflare", false },
  { 523, "Origin Is Unreachable", "Cloudflare", false },
  { 524, "A Timeout Occurred", "Cloudflare", false },
  { 525, "SSL Handshake Failed", "Cloudflare", false },
  { 526, "Invalid SSL Certificate", "Cloudflare", false },
  { 527, "Railgun Error", "Cloudflare", "obsolete: Cloudflare has retired Railgun and no longer sends it" },
  { 529, "Site is overloaded", "Qualys SSL Labs", false },
  { 530, "Origin Error", "Cloudflare", "Cloudflare documents it only as \"Error 530\", sent with a Cloudflare 1xxx error in the body that names the cause; this phrase is a paraphrase" },
  { 530, "Origin DNS Error", "Shopify", false },
  { 530, "Site is frozen", "Pantheon", "the site was frozen for inactivity" },
  { 540, "Temporarily Disabled", "Shopify", false },
  { 561, "Unauthorized", "AWS Elastic Load Balancing", "the identity provider returned an error while authenticating the user" },
  { 598, "Network Read Timeout Error", "some HTTP proxies", false },
  { 599, "Network Connect Timeout Error", "some HTTP proxies", false },
}
-- gRPC status codes from 0: name, and the HTTP code google.rpc.Code documents
local GRPC = {
  { "OK", 200 },
  { "CANCELLED", 499 },
  { "UNKNOWN", 500 },
  { "INVALID_ARGUMENT", 400 },
  { "DEADLINE_EXCEEDED", 504 },
  { "NOT_FOUND", 404 },
  { "ALREADY_EXISTS", 409 },
  { "PERMISSION_DENIED", 403 },
  { "RESOURCE_EXHAUSTED", 429 },
  { "FAILED_PRECONDITION", 400 },
  { "ABORTED", 409 },
  { "OUT_OF_RANGE", 400 },
  { "UNIMPLEMENTED", 501 },
  { "INTERNAL", 500 },
  { "UNAVAILABLE", 503 },
  { "DATA_LOSS", 500 },
  { "UNAUTHENTICATED", 401 },
}
-- gRPC's HTTP to gRPC mapping, for a response without grpc-status
local HTTP_TO_GRPC = { [400] = 13, [401] = 16, [403] = 7, [404] = 12, [429] = 14, [431] = 13, [502] = 14, [503] = 14, [504] = 14 }
local HTTP_TO_GRPC_OTHER = 2
-- OpenTelemetry: the classes whose codes make a span's status Error
local SPAN_ERROR_CLASSES = { server = { [5] = true }, client = { [4] = true, [5] = true } }
local PROBLEM_TYPE = "about:blank"
-- GENERATED END

local M = {}

-- --- numbers and messages -------------------------------------------------

local TWO63 = 2 ^ 63
-- the largest integer of this Lua: 2^53 (a double's) before 5.3; less
-- where integers are 32 bits (LUA_32BITS), where a time may not fit
local MAXINT = math.maxinteger or 2 ^ 53
-- a Lua whose numbers are floats (LUA_32BITS) writes 7 digits, others 14
local NUMBER_FORMAT = (2 ^ 24 + 1 == 2 ^ 24) and "%.7g" or "%.14g"

-- Why v is not an integer ("type", "nan", "inf", "fraction"), or nil and
-- v clamped to -2^63..2^63 - 1.
local function tointeger(v)
  if type(v) ~= "number" then return "type" end
  if v ~= v then return "nan" end
  if v - v ~= 0 then return "inf" end
  if v % 1 ~= 0 then return "fraction" end
  if v >= TWO63 then return nil, TWO63 - 1 end
  if v < -TWO63 then return nil, -TWO63 end
  return nil, v
end

-- The code of v (an integer, an integral float or a string of decimal
-- digits), clamped to -1 or 1000 outside 0-999; or nil and why not.
local function tocode(v)
  local t = type(v)
  if t == "string" then
    if not find(v, "^[0-9]+$") then return nil, "digits" end
    local rest = match(v, "^0*(.*)$")
    if #rest > 3 then return 1000 end
    return tonumber(rest) or 0
  end
  local why, n = tointeger(v)
  if why then return nil, why end
  if n < 0 then return -1 end
  if n > 999 then return 1000 end
  return floor(n)  -- an integer on 5.3 and later, as the C module pushes
end

-- The type of argument i of a call with n arguments, as Lua's messages say.
local function typename(v, i, n)
  if i > n then return "no value" end
  return type(v)
end

local function argerror(level, i, fn, msg)
  error(format("bad argument #%d to '%s' (%s)", i, fn, msg), level + 1)
end

local CODE_WHY = {
  fraction = "status code must be an integer", nan = "status code expected, got NaN",
  inf = "status code expected, got an infinity",
  digits = "status code expected, got a string that is not decimal digits",
}

-- The code argument v (argument i of n, of fn), or an error at level.
local function checkcode(level, v, i, n, fn)
  local c, why = tocode(v)
  if c then return c end
  argerror(level + 1, i, fn, CODE_WHY[why] or ("status code expected, got " .. typename(v, i, n)))
end

local function checkstring(level, v, i, n, fn, what)
  if type(v) ~= "string" then
    argerror(level + 1, i, fn, what .. " must be a string, got " .. typename(v, i, n))
  end
  return v
end

-- The languages, by the tags reason takes (lower case): 1 English, 2
-- Simplified Chinese, 3 Traditional Chinese; where an entry holds the
-- phrase and the description in each.
local LANGS = { en = 1, zh = 2, ["zh-cn"] = 2, ["zh_cn"] = 2, ["zh-hans"] = 2, ["zh-hant"] = 3, ["zh-tw"] = 3,
                ["zh_tw"] = 3, ["zh-hk"] = 3, ["zh_hk"] = 3, ["zh-mo"] = 3, ["zh_mo"] = 3 }
local TEXT_AT = { { 2, 6 }, { 7, 8 }, { 13, 14 } }  -- phrase, description
local LOWER = {}
for b = 65, 90 do LOWER[char(b)] = char(b + 32) end
local UPPER = {}
for b = 97, 122 do UPPER[char(b)] = char(b - 32) end
-- the language (1-3) of the optional tag v (1 when absent), or an error
local function checklang(level, v, fn)
  if v == nil then return 1 end
  if type(v) == "string" and #v <= 7 then
    local lang = LANGS[(gsub(v, "[A-Z]", LOWER))]
    if lang then return lang end
  end
  argerror(level + 1, 2, fn, 'language must be "en", "zh" or "zh-Hant"')
end

local QUOTE_MAX = 48
-- s in double quotes for a message: bytes outside printable ASCII, quotes
-- and backslashes as \ddd, cut after 48 bytes of that with "...".
local function quote(s)
  local out, used, n = { '"' }, 0, #s
  local i = 1
  while i <= n do
    local j = find(s, "[^] -!#-[^-~]", i)  -- the next byte that is not plain: ] first is itself
    local plain_end = (j or n + 1) - 1
    if plain_end >= i then
      local room = QUOTE_MAX - used
      if plain_end - i + 1 > room then
        out[#out + 1] = sub(s, i, i + room - 1)
        i = i + room
        break
      end
      out[#out + 1] = sub(s, i, plain_end)
      used = used + plain_end - i + 1
      i = plain_end + 1
    end
    if i > n then break end
    if used + 4 > QUOTE_MAX then break end
    out[#out + 1] = format("\\%03d", byte(s, i))
    used = used + 4
    i = i + 1
  end
  out[#out + 1] = '"'
  if i <= n then out[#out + 1] = "..." end
  return concat(out)
end

-- A number as the C module writes it in a message.
local function number_text(v)
  local why, n = tointeger(v)
  if not why and v > -TWO63 and v < TWO63 then
    -- %d takes what this Lua's integers hold; a bigger integral float is exact in %.0f
    if n <= MAXINT and n >= -MAXINT then return format("%d", n) end
    return format("%.0f", n)
  end
  if why == "nan" then return "nan" end
  if why == "inf" then return v < 0 and "-inf" or "inf" end
  return format(NUMBER_FORMAT, v)
end

-- A value as a message shows it: a string quoted, a number written out,
-- else its type in parentheses.
local function shown(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" then return number_text(v) end
  return "(" .. t .. ")"
end

-- nil and "<what><argument shown>[: <why>]", or "<what>no value".
local function fail(n, v, what, why)
  if n == 0 then return nil, what .. "no value" end
  if why then return nil, what .. shown(v) .. ": " .. why end
  return nil, what .. shown(v)
end

-- --- the data, by code -----------------------------------------------------

local ENTRY = {}        -- code -> its entry of ENTRIES
local REASON = {}       -- code -> registered phrase
local FLAGS = {}        -- code -> the entry's flags
for _, e in ipairs(ENTRIES) do
  ENTRY[e[1]] = e
  if e[2] then REASON[e[1]] = e[2] end
  FLAGS[e[1]] = e[11]
end

local function has_flag(c, f)
  local flags = FLAGS[c]
  return flags ~= nil and find(flags, f, 1, true) ~= nil
end

local CLASS_NAMES = { "informational", "successful", "redirection", "client_error", "server_error" }

local function class_of(c)
  if c >= 100 and c <= 599 then return CLASS_NAMES[floor(c / 100)] end
  return nil
end
local function is_registered(c) return REASON[c] ~= nil end
local function is_cacheable(c) return has_flag(c, "c") end
local function is_empty(c) return (c >= 100 and c <= 199) or has_flag(c, "e") end
local function is_redirect(c) return has_flag(c, "d") end
local function is_retryable(c) return has_flag(c, "r") end

local IDEMPOTENT = { GET = true, HEAD = true, OPTIONS = true, TRACE = true, PUT = true, DELETE = true }
local RETRY_ANY_METHOD = { [408] = true, [425] = true, [429] = true }
local RETRY_IDEMPOTENT = { [500] = true, [502] = true, [503] = true, [504] = true }
local function is_retryable_method(c, method)
  if RETRY_ANY_METHOD[c] then return true end
  return RETRY_IDEMPOTENT[c] == true and IDEMPOTENT[method] == true
end

-- --- the hot lookups: reason, class and the predicates ---------------------

-- Each is a function whose answer for an integer 0-599 with no second
-- argument is one table load (what LuaJIT compiles best), from an array
-- over 0-599 made on its first call; anything else goes to its full form,
-- which checks the arguments and answers or raises at the caller's line
-- (it is not tail-called: Lua 5.1 would lose that line).

-- A predicate's array holds 1 and 0, and its answer is a comparison, as
-- inline Lua's is: a boolean loaded from an array would cost LuaJIT a
-- type guard that a mix of codes keeps failing.
local function predicate(name, answer, full)
  local array
  M[name] = function(...)
    local c, more = ...
    if not array then
      local a = {}  -- kept only once whole: a memory error half-way keeps nothing
      for k = 0, 599 do a[k] = answer(k) and 1 or 0 end
      array = a
    end
    local r = array[c]
    if r and more == nil then return r == 1 end
    return (full(...))
  end
end

-- reason and class: their arrays hold false where the answer is nil
local function reason_full(...)
  local n, c, lang = select("#", ...), ...
  c = checkcode(3, c, 1, n, "reason")
  if lang ~= nil then
    local at = TEXT_AT[checklang(3, lang, "reason")][1]
    local e = ENTRY[c]
    if not e then return nil end
    return e[at] or nil
  end
  return REASON[c]
end
local function class_full(...)
  local n, c = select("#", ...), ...
  return class_of(checkcode(3, c, 1, n, "class"))
end

local function lookup(name, answer, full)
  local array
  M[name] = function(...)
    local c, more = ...
    if not array then
      local a = {}
      for k = 0, 599 do a[k] = answer(k) or false end
      array = a
    end
    local r = array[c]
    if r ~= nil and more == nil then return r or nil end
    return (full(...))
  end
end
lookup("reason", function(c) return REASON[c] end, reason_full)
lookup("class", class_of, class_full)

-- The predicates, by name: each answers for a code clamped to -1..1000.
local PREDICATES = {
  { "is_valid", function(c) return c >= 100 and c <= 599 end },
  { "is_informational", function(c) return c >= 100 and c <= 199 end },
  { "is_success", function(c) return c >= 200 and c <= 299 end },
  { "is_redirection", function(c) return c >= 300 and c <= 399 end },
  { "is_client_error", function(c) return c >= 400 and c <= 499 end },
  { "is_server_error", function(c) return c >= 500 and c <= 599 end },
  { "is_error", function(c) return c >= 400 and c <= 599 end },
  { "is_registered", is_registered },
  { "is_cacheable", is_cacheable },
  { "is_empty", is_empty },
  { "is_redirect", is_redirect },
}
for _, p in ipairs(PREDICATES) do
  local name, answer = p[1], p[2]
  predicate(name, answer, function(...)
    local n, c = select("#", ...), ...
    return answer(checkcode(3, c, 1, n, name))
  end)
end
predicate("is_retryable", is_retryable, function(...)
  local n, c, method = select("#", ...), ...
  c = checkcode(3, c, 1, n, "is_retryable")
  if method ~= nil then
    return is_retryable_method(c, checkstring(3, method, 2, n, "is_retryable", "method"))
  end
  return is_retryable(c)
end)

-- --- the rest of v1 --------------------------------------------------------

function M.describe(...)
  local n, c, lang = select("#", ...), ...
  local e = ENTRY[checkcode(2, c, 1, n, "describe")]
  local at = TEXT_AT[checklang(2, lang, "describe")][2]
  if not e or not e[2] then return nil end
  return e[at]
end

function M.name(...)
  local n, c = select("#", ...), ...
  local e = ENTRY[checkcode(2, c, 1, n, "name")]
  return e and e[3] or nil
end

function M.canonical(...)
  local n, c = select("#", ...), ...
  c = checkcode(2, c, 1, n, "canonical")
  if c < 100 or c > 599 then return nil end
  if REASON[c] then return c end
  return c - c % 100
end

local TOKEN = "^[0-9A-Za-z!#$%%&'*+%-.%^_`|~]+$"  -- RFC 9110, Section 5.6.2

function M.redirect_method(...)
  local n, c, method = select("#", ...), ...
  local e = ENTRY[checkcode(2, c, 1, n, "redirect_method")]
  checkstring(2, method, 2, n, "redirect_method", "method")
  if not find(method, TOKEN) then argerror(2, 2, "redirect_method", "invalid HTTP method") end
  local how = e and e[12]
  if how == "keep" then return method end
  if how == "get" then return method == "HEAD" and method or "GET" end
  if how == "post_to_get" then return method == "POST" and "GET" or method end
  return nil
end

-- hs.code's key of s: upper case (ASCII), without spaces, tabs, '-', '_'
-- and apostrophes (also the typographic one, U+2019). string.upper does it
-- in one step where the locale is C; a key it misses (another locale's
-- upper case) is tried again letter by letter.
local function lookup_key(s)
  local k = gsub(s, "[ \t%-_']", "")
  local c = KEYS[upper(k)]
  if c then return c end
  if find(k, "\226", 1, true) then k = gsub(k, "\226\128\153", "") end
  return KEYS[(gsub(k, "[a-z]", UPPER))]
end

function M.code(...)
  local n, v = select("#", ...), ...
  local c
  if type(v) == "string" then
    if find(v, "^[0-9]") and not find(v, "[^0-9]") then  -- digits: leading zeros allowed
      local rest = match(v, "^0*(.*)$")
      c = #rest <= 3 and tonumber(rest) or nil
      if c and (c < 100 or c > 599) then c = nil end
    else
      c = lookup_key(v)
    end
  else
    c = tocode(v)
    if c and (c < 100 or c > 599) then c = nil end
  end
  if c then return c end
  return fail(n, v, "unknown HTTP status: ")
end

-- A fresh array of the header fields code requires, each { name, level,
-- reference }: the reference is that of the code's entry.
local function headers_of(code)
  local list, out = HEADERS[code], {}
  if list then
    for i = 1, #list, 2 do
      out[#out + 1] = { name = list[i], level = list[i + 1], reference = ENTRY[code][5] }
    end
  end
  return out
end

function M.info(...)
  local n, c = select("#", ...), ...
  local e = ENTRY[checkcode(2, c, 1, n, "info")]
  if not e then return nil end
  local code = e[1]
  local former = {}
  for i, old in ipairs(e[9]) do former[i] = old end
  return {
    code = code, reason = e[2] or nil, name = e[3], class = class_of(code), registry = e[4],
    reference = e[5], description = e[6], zh = { reason = e[7] or nil, description = e[8] },
    zh_hant = { reason = e[13] or nil, description = e[14] },
    former = former, expires = e[10] or nil, cacheable = is_cacheable(code), empty = is_empty(code),
    redirect = is_redirect(code), retryable = is_retryable(code), headers = headers_of(code),
  }
end

function M.required_headers(...)
  local n, c = select("#", ...), ...
  return headers_of(checkcode(2, c, 1, n, "required_headers"))
end

local CLASS_BY_NAME = {}
for i, name in ipairs(CLASS_NAMES) do CLASS_BY_NAME[name] = i end

function M.list(cls)
  local want
  if cls ~= nil then
    if type(cls) == "string" then
      local d = find(cls, "^[1-5]xx$") or find(cls, "^[1-5]XX$")
      want = d and tonumber(sub(cls, 1, 1)) or CLASS_BY_NAME[cls]
    else
      local why, k = tointeger(cls)
      if not why and k >= 1 and k <= 5 then want = k end
    end
    if not want then argerror(2, 1, "list", 'class expected: 1-5, "4xx" or a name such as "client_error"') end
  end
  local out = {}
  for _, e in ipairs(ENTRIES) do
    local c = e[1]
    if REASON[c] and (not want or floor(c / 100) == want) then out[#out + 1] = c end
  end
  return out
end

-- the length of the HTTP-version at the start of s, or 0
local function version_len(s)
  if find(s, "^HTTP/[0-9]%.[0-9]") then return 8 end
  if find(s, "^HTTP/[23]$") or find(s, "^HTTP/[23] ") then return 6 end
  return 0
end

local function is_version(v) return #v > 0 and version_len(v) == #v end

function M.status_line(...)
  local n, c, version = select("#", ...), ...
  c = checkcode(2, c, 1, n, "status_line")
  if c < 100 or c > 599 then argerror(2, 1, "status_line", "status code out of range 100-599") end
  local v = "HTTP/1.1"
  if version ~= nil then v = checkstring(2, version, 2, n, "status_line", "version") end
  if not is_version(v) then argerror(2, 2, "status_line", "invalid HTTP version (expected HTTP/x.y)") end
  return format("%s %03d %s", v, c, REASON[c] or "")
end

local LINE = "invalid status line: "
local CONTROL = "[%z\1-\8\10-\31\127]"  -- what a reason phrase may not hold (HTAB it may)

-- The line in full, byte by byte, for the right error.
local function parse_line(s)
  local len = #s
  if byte(s, len) == 10 then  -- one trailing LF, or CR LF
    len = len - 1
    if byte(s, len) == 13 then len = len - 1 end
    s = sub(s, 1, len)
  end
  local vlen = version_len(s)
  if vlen == 0 then return nil, LINE .. "expected HTTP/x.y at the start" end
  if vlen == len or byte(s, vlen + 1) ~= 32 then return nil, LINE .. "expected one space after the HTTP version" end
  local digits = sub(s, vlen + 2, vlen + 4)
  if not find(digits, "^[0-9][0-9][0-9]$") or find(s, "^[0-9]", vlen + 5) then
    return nil, LINE .. "status code must be three digits"
  end
  local c = tonumber(digits)
  if c < 100 or c > 599 then return nil, LINE .. "status code out of range 100-599" end
  local phrase = ""
  if len > vlen + 4 then
    if byte(s, vlen + 5) ~= 32 then return nil, LINE .. "expected a space after the status code" end
    phrase = sub(s, vlen + 6)
    if find(phrase, CONTROL) then return nil, LINE .. "control character in the reason phrase" end
  end
  return c, phrase, sub(s, 1, vlen)
end

function M.parse_status_line(...)
  local n, s = select("#", ...), ...
  if type(s) ~= "string" then return nil, LINE .. "string expected, got " .. typename(s, 1, n) end
  -- the common line in one match: the version (then checked: HTTP/x.y,
  -- or HTTP/2 and HTTP/3 as curl prints them), the code, a phrase with no
  -- control character but HTAB, and an end of line (then checked: none,
  -- LF or CR LF); anything else in full
  local v, c, space, rest, eol = match(s, "^(HTTP/[0-9]%.?[0-9]?) ([0-9][0-9][0-9])( ?)([\t -~\128-\255]*)([\r\n]*)$")
  local vlen = v and #v
  if not (vlen == 8 and byte(v, 7) == 46 or vlen == 6 and (byte(v, 6) == 50 or byte(v, 6) == 51))
     or not (eol == "" or eol == "\n" or eol == "\r\n") then
    return parse_line(s)
  end
  if space == "" and rest ~= "" then
    local first = byte(rest)
    if first >= 48 and first <= 57 then return nil, LINE .. "status code must be three digits" end
  end
  c = tonumber(c)
  if c < 100 or c > 599 then return nil, LINE .. "status code out of range 100-599" end
  if space == "" and rest ~= "" then return nil, LINE .. "expected a space after the status code" end
  return c, rest, v
end

-- --- status sets ----------------------------------------------------------
--
-- A set is held as its runs of codes: a sorted array of numbers
-- lo * 1000 + hi (100 <= lo <= hi <= 599), disjoint and not adjacent, so
-- that parsing, the algebra and the canonical text cost as much as the
-- items do, not as the 500 codes do.

local SET_WHY = {
  item = "is not a status code, range, class or name", code = "is not a status code 100-599",
  range = "is not a range: its first code is above its last", class = "is not a class",
  ["not"] = 'has nothing after "!"',
}

-- the names of the grammar, each with the predicate it stands for
local SET_NAMES = {
  informational = function(c) return c < 200 end, successful = function(c) return c >= 200 and c < 300 end,
  redirection = function(c) return c >= 300 and c < 400 end,
  client_error = function(c) return c >= 400 and c < 500 end, server_error = function(c) return c >= 500 end,
  ["error"] = function(c) return c >= 400 end, registered = is_registered, retryable = is_retryable,
  cacheable = is_cacheable, redirect = is_redirect, empty = is_empty,
}

local function run_lo(r) return floor(r / 1000) end
local function run_hi(r) return r % 1000 end

-- runs: sorted, overlapping and adjacent ones merged (sorts runs in place)
local function merged(runs)
  sort(runs)
  local out, n, lo, hi = {}, 0, nil, nil
  for i = 1, #runs do
    local a, b = run_lo(runs[i]), run_hi(runs[i])
    if lo and a <= hi + 1 then
      if b > hi then hi = b end
    else
      if lo then n = n + 1; out[n] = lo * 1000 + hi end
      lo, hi = a, b
    end
  end
  if lo then out[n + 1] = lo * 1000 + hi end
  return out
end

-- the codes of merged runs a that are not in merged runs b
local function runs_minus(a, b)
  local out, j, nb = {}, 1, #b
  for i = 1, #a do
    local lo, hi = run_lo(a[i]), run_hi(a[i])
    while j <= nb and run_hi(b[j]) < lo do j = j + 1 end
    local k = j
    while lo <= hi do
      if k > nb or run_lo(b[k]) > hi then
        out[#out + 1] = lo * 1000 + hi
        break
      end
      if run_lo(b[k]) > lo then out[#out + 1] = lo * 1000 + run_lo(b[k]) - 1 end
      lo = run_hi(b[k]) + 1
      k = k + 1
    end
  end
  return out
end

local function runs_union(a, b)
  local all = {}
  for i = 1, #a do all[i] = a[i] end
  for i = 1, #b do all[#a + i] = b[i] end
  return merged(all)
end
local function runs_intersect(a, b) return runs_minus(a, runs_minus(a, b)) end

-- the runs of each name, made on first use
local NAMED = {}
local function runs_named(name)
  local runs = NAMED[name]
  if not runs then
    local is, list, lo = SET_NAMES[name], {}, nil
    for c = 100, 600 do
      if c <= 599 and is(c) then
        lo = lo or c
      elseif lo then
        list[#list + 1] = lo * 1000 + c - 1
        lo = nil
      end
    end
    runs = list
    NAMED[name] = runs
  end
  return runs
end

-- a three-digit code 100-599 of text t (digits only), or nil
local function set_code(t)
  if #t ~= 3 then return nil end
  local c = tonumber(t)
  if c >= 100 and c <= 599 then return c end
  return nil
end

-- Adds the runs of atom a (not empty) to the array runs; nil, or why it is wrong.
local function add_atom(runs, a)
  local n = #a
  if n == 3 then
    local xx = sub(a, 2, 3)
    if (xx == "xx" or xx == "XX") and find(a, "^[0-9]") then
      local cls = byte(a) - 48
      if cls < 1 or cls > 5 then return "class" end
      runs[#runs + 1] = cls * 100100 + 99
      return nil
    end
  end
  if not find(a, "[^0-9]") then
    local c = set_code(a)
    if not c then return "code" end
    runs[#runs + 1] = c * 1001
    return nil
  end
  local lo, hi = match(a, "^([0-9]+)%-([0-9]+)$")
  if lo then
    lo, hi = set_code(lo), set_code(hi)
    if not lo or not hi then return "code" end
    if lo > hi then return "range" end
    runs[#runs + 1] = lo * 1000 + hi
    return nil
  end
  local name = n <= 13 and gsub(a, "[A-Z]", LOWER)
  if name and SET_NAMES[name] then
    local named = runs_named(name)
    for i = 1, #named do runs[#runs + 1] = named[i] end
    return nil
  end
  return "item"
end

-- A builder: b.include, b.exclude (arrays of runs), b.items (counted over
-- every element), b.any_include, b.any_exclude. Adds the items of text s;
-- nil, or the message. (An error ends the whole spec: what was added
-- before it is never used.)
local function add_text(b, s)
  local items = b.items
  for item in gmatch(s, "[^, \t]+") do
    items = items + 1
    local why
    if byte(item) ~= 33 then  -- "!"
      why = add_atom(b.include, item)
      b.any_include = true
    elseif #item == 1 then
      why = "not"
    else
      why = add_atom(b.exclude, sub(item, 2))
      b.any_exclude = true
    end
    if why then return format("bad status set: %s at position %d %s", quote(item), items, SET_WHY[why]) end
  end
  b.items = items
  return nil
end

local function add_number(b, v)
  local c = tocode(v)
  if not c or c < 100 or c > 599 then
    return format("bad status set: %s at position %d %s", shown(v), b.items + 1, SET_WHY.code)
  end
  b.items = b.items + 1
  b.any_include = true
  b.include[#b.include + 1] = c * 1001
  return nil
end

-- Adds value v (an element at index element of an array, or the spec
-- itself when element is nil); nil, the message, or an error at level.
local function add_value(level, b, v, element, n)
  local t = type(v)
  if t == "string" then return add_text(b, v) end
  if t == "number" then return add_number(b, v) end
  if element then
    argerror(level + 1, 1, "set", format("element %d must be a string or a status code, got %s", element, t))
  end
  argerror(level + 1, 1, "set", "status set expected: a string, a code or an array of them, got " ..
    typename(v, 1, n))
end

-- The runs of spec v (what hs.set takes); or nil and the message; or an
-- error at level. The set is the plain items less the "!" items; only "!"
-- items take codes away from all of 100-599.
local function read_spec(level, v, n)
  local b = { include = {}, exclude = {}, items = 0, any_include = false, any_exclude = false }
  if type(v) == "table" then
    local len = rawlen and rawlen(v) or #v
    for i = 1, len do
      local msg = add_value(level + 1, b, rawget(v, i), i, n)
      if msg then return nil, msg end
    end
  else
    local msg = add_value(level + 1, b, v, nil, n)
    if msg then return nil, msg end
  end
  local include = merged(b.include)
  if not b.any_exclude then return include end
  if not b.any_include then include = { 100599 } end
  return runs_minus(include, merged(b.exclude))
end

-- The canonical text of runs (per class, maximal runs: a whole class as Nxx).
local function set_text(runs)
  local out = {}
  for i = 1, #runs do
    local lo, hi = run_lo(runs[i]), run_hi(runs[i])
    while lo <= hi do  -- the part in lo's class
      local top = lo - lo % 100 + 99
      local last = hi < top and hi or top
      if lo % 100 == 0 and last == top then
        out[#out + 1] = format("%dxx", floor(lo / 100))
      elseif last > lo then
        out[#out + 1] = format("%d-%d", lo, last)
      else
        out[#out + 1] = format("%d", lo)
      end
      lo = last + 1
    end
  end
  return concat(out, ",")
end

local RUNS = setmetatable({}, { __mode = "k" })   -- set -> its runs
local TEXTS = setmetatable({}, { __mode = "k" })  -- set -> its canonical text
local CACHE = setmetatable({}, { __mode = "v" })  -- canonical text -> set: one set for given codes
local BY_SPEC = setmetatable({}, { __mode = "v" }) -- a spec's text -> its set, once parsed
local SET_META = {}                               -- what every set's metatable holds but has

local function toset(v) return type(v) == "table" and RUNS[v] or nil end

local function bad_self(level, fn, v, n)
  error(format("calling '%s' on bad self (status set expected, got %s)", fn, typename(v, 1, n)), level + 1)
end

-- whether code c is in runs (a binary search)
local function runs_have(runs, c)
  local lo, hi = 1, #runs
  while lo <= hi do
    local mid = floor((lo + hi) / 2)
    local r = runs[mid]
    if c < run_lo(r) then hi = mid - 1 elseif c > run_hi(r) then lo = mid + 1 else return true end
  end
  return false
end

-- s:has(c) in full: the C module calls the code argument #1, the first
-- after self
local function has_full(...)
  local n, s, c = select("#", ...), ...
  local runs = toset(s)
  if not runs then bad_self(3, "has", s, n) end
  local code, why = tocode(c)
  if not code then
    argerror(3, 1, "has", CODE_WHY[why] or ("status code expected, got " .. typename(c, 2, n)))
  end
  return runs_have(runs, code)
end

-- The set of runs: the one made before, or a new one: a table holding its
-- codes in order (so that # counts them, on Lua 5.1 too) under a metatable
-- of its own, whose `has` answers an integer 0-599 with one table load
-- (what LuaJIT compiles best), from an array over 0-599 made on its first
-- call.
local function make_set(runs)
  local text = set_text(runs)
  local made = CACHE[text]
  if made then return made end
  local s, n = {}, 0
  for i = 1, #runs do
    for c = run_lo(runs[i]), run_hi(runs[i]) do
      n = n + 1
      s[n] = c
    end
  end
  local array
  local function has(...)
    local self, c = ...
    if rawequal(self, s) then
      if not array then
        local a = {}
        for k = 0, 599 do a[k] = false end
        for i = 1, n do a[s[i]] = true end
        array = a
      end
      local v = array[c]
      if v ~= nil then return v end
    end
    return (has_full(...))
  end
  local m = SET_META
  setmetatable(s, {
    __index = { has = has, codes = m.codes }, __call = has, __tostring = m.__tostring, __len = m.__len,
    __newindex = m.__newindex, __metatable = m.__metatable, __eq = m.__eq, __le = m.__le, __lt = m.__lt,
    __add = m.__add, __sub = m.__sub, __mul = m.__mul,
  })
  -- kept once whole, one table at a time, the cache that finds it last: a
  -- memory error before that leaves nothing that reaches a half-made set
  RUNS[s] = runs
  TEXTS[s] = text
  CACHE[text] = s
  return s
end

SET_META.codes = function(...)
  local n, s = select("#", ...), ...
  if not toset(s) then bad_self(2, "codes", s, n) end
  local out = {}
  for i = 1, rawlen and rawlen(s) or #s do out[i] = s[i] end
  return out
end
SET_META.__tostring = function(s) return TEXTS[s] end
-- (called from Lua 5.2 on and in Luau; the array part holds the codes, and
-- a host that took rawlen away still gets the count from the runs)
SET_META.__len = function(s)
  if rawlen then return rawlen(s) end
  local runs, n = RUNS[s], 0
  for i = 1, #runs do n = n + run_hi(runs[i]) - run_lo(runs[i]) + 1 end
  return n
end
SET_META.__newindex = function() error("a status set cannot be changed", 2) end
SET_META.__metatable = "httpstatus.set"
SET_META.__eq = function(a, b)
  return toset(a) ~= nil and toset(b) ~= nil and TEXTS[a] == TEXTS[b]
end

-- The position an operator's error names: that of the first of the three
-- levels from `level` (as error counts them from where's caller) that runs
-- a line of Lua, as the C module's is (an operator may be reached through
-- the string library's metamethods, as in Lua 5.4). error itself tells:
-- called by pcall, its level 3 is this function's caller.
local function where(level)
  for l = level, level + 2 do
    local _, msg = pcall(error, "", l + 2)
    if msg ~= "" then return msg end
  end
  return ""
end

-- The runs of an operand: a set, or what hs.set takes.
local function operand(v)
  local runs = toset(v)
  if runs then return runs end
  local msg
  runs, msg = read_spec(3, v, 1)
  if not runs then error(where(3) .. msg, 0) end
  return runs
end

local function arith(op)
  return function(a, b) return make_set(op(operand(a), operand(b))) end
end
SET_META.__add = arith(runs_union)
SET_META.__sub = arith(runs_minus)
SET_META.__mul = arith(runs_intersect)

local function pair(a, b)
  local x, y = toset(a), toset(b)
  if not x or not y then error(format("attempt to compare %s with %s", type(a), type(b)), 3) end
  return x, y
end
SET_META.__le = function(a, b)
  local x, y = pair(a, b)
  return #runs_minus(x, y) == 0
end
SET_META.__lt = function(a, b)
  local x, y = pair(a, b)
  return #runs_minus(x, y) == 0 and TEXTS[a] ~= TEXTS[b]
end

-- A text parsed before gives its set at once (sets never change).
function M.set(...)
  local n, v = select("#", ...), ...
  local s = BY_SPEC[v]
  if s then return s end
  local runs, msg = read_spec(2, v, n)
  if not runs then return nil, msg end
  s = make_set(runs)
  if type(v) == "string" then BY_SPEC[v] = s end
  return s
end

-- --- retries and HTTP dates ------------------------------------------------

local DATE_WHY = {
  syntax = "not an HTTP-date (IMF-fixdate, rfc850-date or asctime-date)", dayname = "not a day name",
  month = "not a month", day = "no such day in that month", time = "hour, minute or second out of range",
  zone = "the zone must be GMT", now = "now is outside the years 0-9999",
  int = "out of range for this Lua's integers",
  retry = "neither delay-seconds nor an HTTP-date", range = "the date is outside the years 0000-9999",
}
local DATE_MAX = 253402300799      -- 9999-12-31 23:59:59
local YEAR0 = -62167219200         -- 0000-01-01 00:00:00
local RETRY_AFTER_MAX = 2147483648 -- 2^31 (RFC 9111, Section 1.2.2)

-- Epoch seconds t as days since 1970-01-01 and seconds into the day,
-- exactly: the division is a float's (a 32-bit one under LUA_32BITS),
-- so its day is corrected by the remainder.
local function day_of(t)
  local days = floor(t / 86400)
  local secs = t - days * 86400
  if secs < 0 then days, secs = days - 1, secs + 86400 end
  if secs >= 86400 then days, secs = days + 1, secs - 86400 end
  return days, secs
end

-- Days from 1970-01-01 to y-m-d (Hinnant's days_from_civil).
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local doy = floor((153 * (m > 2 and m - 3 or m + 9) + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

-- The date of day z after 1970-01-01: year, month, day.
local function civil_from_days(z)
  z = z + 719468
  local era = floor(z / 146097)
  local doe = z - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local MONTHS = { Jan = 1, Feb = 2, Mar = 3, Apr = 4, May = 5, Jun = 6, Jul = 7, Aug = 8, Sep = 9, Oct = 10,
                 Nov = 11, Dec = 12 }
local MONTH_NAMES = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
local DAY_NAMES = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }
local LONG_DAYS = { Sun = "Sunday", Mon = "Monday", Tue = "Tuesday", Wed = "Wednesday", Thu = "Thursday",
                    Fri = "Friday", Sat = "Saturday" }
local MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function days_in_month(y, m)
  if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then return 29 end
  return MONTH_DAYS[m]
end

-- Whether a time of day is out of range. 23:59:60, the leap second the
-- grammar's comment allows, is not: it is read as the next second, since
-- POSIX time has no leap seconds.
local function bad_time(h, m, sec)
  return h > 23 or m > 59 or sec > 60 or (sec == 60 and (h ~= 23 or m ~= 59))
end

-- "HH:MM:SS" at i of s: hour, minute, second, and nil, "time" (the ranges:
-- reported after the names are checked) or "syntax".
local function time_of_day(s, i)
  local h, m, sec = match(s, "^([0-9][0-9]):([0-9][0-9]):([0-9][0-9])", i)
  if not h then return nil, nil, nil, "syntax" end
  h, m, sec = tonumber(h), tonumber(m), tonumber(sec)
  return h, m, sec, bad_time(h, m, sec) and "time" or nil
end

local function two(s, i) return find(s, "^[0-9][0-9]", i) and tonumber(sub(s, i, i + 1)) or nil end
local function four(s, i) return find(s, "^[0-9][0-9][0-9][0-9]", i) and tonumber(sub(s, i, i + 3)) or nil end

-- The three forms (RFC 9110, Section 5.6.7): the fields, or nil and why.
-- A field's range (the time) is reported after the names are checked, as
-- the C parser does: a later error in a name wins.
local IMF = "^(...), ([0-9][0-9]) (...) ([0-9][0-9][0-9][0-9]) ([0-9][0-9]):([0-9][0-9]):([0-9][0-9]) GMT$"
local function imf_fixdate(s)  -- "Sun, 06 Nov 1994 08:49:37 GMT"
  -- the common date in one match: its syntax and zone are right
  local wd, dd, mon, yyyy, hh, mm, ss = match(s, IMF)
  if wd then
    if not LONG_DAYS[wd] then return nil, "dayname" end
    local month = MONTHS[mon]
    if not month then return nil, "month" end
    hh, mm, ss = tonumber(hh), tonumber(mm), tonumber(ss)
    if bad_time(hh, mm, ss) then return nil, "time" end
    return tonumber(yyyy), month, tonumber(dd), hh, mm, ss
  end
  if #s ~= 29 or not find(s, "^.... .. ... .... ........ ...$") then return nil, "syntax" end
  local day, year = two(s, 6), four(s, 13)
  if not day or not year then return nil, "syntax" end
  local h, mi, sec, why = time_of_day(s, 18)
  if why == "syntax" then return nil, why end
  if not LONG_DAYS[sub(s, 1, 3)] then return nil, "dayname" end
  local m = MONTHS[sub(s, 9, 11)]
  if not m then return nil, "month" end
  if sub(s, 27, 29) ~= "GMT" then return nil, "zone" end
  if why then return nil, why end
  return year, m, day, h, mi, sec
end

local function rfc850_date(s, comma)  -- "Sunday, 06-Nov-94 08:49:37 GMT"
  if #s ~= comma + 23 or not find(s, "^, ..%-...%-.. ........ ...$", comma) then return nil, "syntax" end
  local day, yy = two(s, comma + 2), two(s, comma + 9)
  if not day or not yy then return nil, "syntax" end
  local h, mi, sec, why = time_of_day(s, comma + 12)
  if why == "syntax" then return nil, why end
  local name = sub(s, 1, comma - 1)
  if comma == 4 or LONG_DAYS[sub(name, 1, 3)] ~= name then return nil, "dayname" end
  local m = MONTHS[sub(s, comma + 5, comma + 7)]
  if not m then return nil, "month" end
  if sub(s, comma + 21, comma + 23) ~= "GMT" then return nil, "zone" end
  if why then return nil, why end
  return yy, m, day, h, mi, sec
end

local function asctime_date(s)  -- "Sun Nov  6 08:49:37 1994"
  if #s ~= 24 or not find(s, "^... ... .. ........ ....$") then return nil, "syntax" end
  local day
  if byte(s, 9) == 32 then
    day = find(s, "^[0-9]", 10) and tonumber(sub(s, 10, 10)) or nil
  else
    day = two(s, 9)
  end
  local year = four(s, 21)
  if not day or not year then return nil, "syntax" end
  local h, mi, sec, why = time_of_day(s, 12)
  if why == "syntax" then return nil, why end
  if not LONG_DAYS[sub(s, 1, 3)] then return nil, "dayname" end
  local m = MONTHS[sub(s, 5, 7)]
  if not m then return nil, "month" end
  if why then return nil, why end
  return year, m, day, h, mi, sec
end

-- RFC 9110, Section 5.6.7: a two-digit year whose timestamp would be more
-- than 50 years in the future is the most recent past year with the same
-- last two digits. The year is chosen within 50 years of now's, then moved
-- a century back when the date is later than the same month, day and time
-- 50 years on (timestamps compared, not years).
local function resolve_year(yy, m, d, h, mi, sec, now)
  if not now or now < YEAR0 or now > DATE_MAX then return nil, "now" end
  local days, secs = day_of(now)
  local ny, nm, nd = civil_from_days(days)
  local limit = ny + 50
  local y = limit - (limit - yy) % 100
  if y == limit then
    local t = h * 3600 + mi * 60 + sec
    if m > nm or (m == nm and (d > nd or (d == nd and t > secs))) then y = y - 100 end
  end
  return y
end

-- Epoch seconds of s, or nil and why; now may be nil (then an rfc850-date,
-- which needs it, is nil, "now").
-- The date of s as days since 1970-01-01 and seconds into that day (so
-- that no value wraps where integers are 32 bits), or nil and why; now may
-- be nil (then an rfc850-date, which needs it, is nil, "now").
local function parse_day(s, now)
  local comma = find(s, ",", 4, true)
  if comma and comma > 10 then comma = nil end
  local y, m, d, h, mi, sec
  if comma == 4 then
    y, m, d, h, mi, sec = imf_fixdate(s)
  elseif comma and comma >= 7 then
    y, m, d, h, mi, sec = rfc850_date(s, comma)
    if y then
      y = resolve_year(y, m, d, h, mi, sec, now)
      if not y then return nil, "now" end
    end
  elseif byte(s, 4) == 32 then
    y, m, d, h, mi, sec = asctime_date(s)
  else
    return nil, "syntax"
  end
  if not y then return nil, m end
  if d < 1 or d > days_in_month(y, m) then return nil, "day" end
  -- an rfc850 year can fall outside 0000-9999, and 9999-12-31 23:59:60 does
  if y < 0 or y > 9999 or (y == 9999 and m == 12 and d == 31 and sec == 60) then return nil, "range" end
  return days_from_civil(y, m, d), h * 3600 + mi * 60 + sec
end

-- MAXINT as DAY_D days and DAY_R seconds, exactly (the division is a
-- float's, so its neighbours are tried by multiplying back)
local DAY_R = MAXINT % 86400
local DAY_D = floor(MAXINT / 86400)
for _, d in ipairs { DAY_D - 1, DAY_D + 1 } do
  if d * 86400 + DAY_R == MAXINT then DAY_D = d end
end

-- days * 86400 + secs (0 <= secs < 86401), or nil where this Lua's
-- integers cannot hold it; compared before it is computed, so that no
-- value wraps
local function seconds_of(days, secs)
  if days >= 0 then
    if days > DAY_D or (days == DAY_D and secs > DAY_R) then return nil end
    return days * 86400 + secs
  end
  if -days <= DAY_D then return days * 86400 + secs end
  if -days == DAY_D + 1 and secs >= 86399 - DAY_R then return (days + 1) * 86400 + (secs - 86400) end
  return nil
end

-- Epoch seconds of s, or nil and why.
local function parse_date(s, now)
  local days, secs = parse_day(s, now)
  if not days then return nil, secs end
  local t = seconds_of(days, secs)
  if not t then return nil, "int" end
  return t
end

-- Seconds to wait for a Retry-After value s (a string), or nil and why.
local function retry_after_text(s, now)
  s = match(s, "^[ \t]*(.-)[ \t]*$")
  if s == "" then return nil, "retry" end
  if find(s, "^[0-9]") then
    if not find(s, "^[0-9]+$") then return nil, "retry" end
    local digits = match(s, "^0*(.*)$")
    if #digits > 10 then return RETRY_AFTER_MAX end
    local v = tonumber(digits) or 0
    return v > RETRY_AFTER_MAX and RETRY_AFTER_MAX or v
  end
  if not now or now < YEAR0 or now > DATE_MAX then return nil, "now" end
  local days, secs = parse_day(s, now)
  if secs == "syntax" then return nil, "retry" end
  if not days then return nil, secs end
  -- the difference by days first, so that no value wraps
  local now_days, now_secs = day_of(now)
  local diff_days, diff_secs = days - now_days, secs - now_secs
  if diff_days < 0 or (diff_days == 0 and diff_secs <= 0) then return 0 end
  return seconds_of(diff_days, diff_secs) or MAXINT
end

-- The optional now (argument 2 of n, of fn): an integer of the years
-- 0-9999, or nil when absent; or an error at level.
local function checknow(level, v, fn)
  if v == nil then return nil end
  local why, now = tointeger(v)
  if why then argerror(level + 1, 2, fn, "now must be an integer (seconds since 1970, UTC)") end
  if now < YEAR0 or now > DATE_MAX then argerror(level + 1, 2, fn, "now out of range (years 0-9999)") end
  return floor(now)
end

-- The clock, for a text that needs a now when none was given.
local function clock(level, fn)
  local os = global(global_os)  -- read here, when it is needed, and only then
  local time = type(os) == "table" and os.time
  if type(time) ~= "function" then
    argerror(level + 1, 2, fn, "now must be given: this Lua has no os.time")
  end
  return floor(time())
end

-- Runs parse(s) without a now; when the text needs one, reads argument 2
-- (or the clock) and runs it again: now is read, and checked, only then.
local function with_now(level, parse, s, v, fn)
  local r, why = parse(s, nil)
  if why ~= "now" then return r, why end
  local now = checknow(level + 1, v, fn) or clock(level + 1, fn)
  return parse(s, now)
end

function M.retry_after(...)
  local n, v, now = select("#", ...), ...
  if type(v) == "number" then
    local why, k = tointeger(v)
    -- (+ 0: -0.0 is 0, as the C module's integer is)
    if not why and k >= 0 then
      if k > RETRY_AFTER_MAX then k = RETRY_AFTER_MAX end
      if k > MAXINT then k = MAXINT end
      return floor(k) + 0
    end
    return fail(n, v, "invalid Retry-After: ", "not a non-negative integer")
  end
  local r, why = nil, "retry"
  if type(v) == "string" then r, why = with_now(2, retry_after_text, v, now, "retry_after") end
  if r then return floor(r > MAXINT and MAXINT or r) end
  return fail(n, v, "invalid Retry-After: ", DATE_WHY[why])
end

function M.parse_http_date(...)
  local n, s, now = select("#", ...), ...
  checknow(2, now, "parse_http_date")  -- checked even when the form needs none
  local t, why = nil, "syntax"
  if type(s) == "string" then t, why = with_now(2, parse_date, s, now, "parse_http_date") end
  if t then return t end
  return fail(n, s, "invalid HTTP date: ", DATE_WHY[why])
end

function M.http_date(...)
  local n, t = select("#", ...), ...
  local why, v = tointeger(t)
  if why then
    argerror(2, 1, "http_date", "integer expected (seconds since 1970, UTC), got " ..
      (type(t) == "number" and "a number that is not an integer" or typename(t, 1, n)))
  end
  if v < 0 or v > DATE_MAX then argerror(2, 1, "http_date", "time out of range (1970 to the end of 9999)") end
  local days, secs = day_of(v)
  local y, m, d = civil_from_days(days)
  return format("%s, %02d %s %04d %02d:%02d:%02d GMT", DAY_NAMES[(days + 4) % 7 + 1], d, MONTH_NAMES[m], y,
    floor(secs / 3600), floor(secs % 3600 / 60), secs % 60)
end

-- --- mappings to neighbouring protocols ------------------------------------

function M.to_grpc(...)
  local n, c = select("#", ...), ...
  local status = HTTP_TO_GRPC[checkcode(2, c, 1, n, "to_grpc")] or HTTP_TO_GRPC_OTHER
  return status, GRPC[status + 1][1]
end

local GRPC_BY_NAME = {}
for i, g in ipairs(GRPC) do GRPC_BY_NAME[g[1]] = i - 1 end

function M.from_grpc(...)
  local n, v = select("#", ...), ...
  local status
  if type(v) == "string" then
    if find(v, "^[0-9]+$") then
      local digits = match(v, "^0*(.*)$")
      status = #digits <= 2 and (tonumber(digits) or 0) or nil
      if status and status >= #GRPC then status = nil end
    elseif #v <= 19 then
      status = GRPC_BY_NAME[(gsub(v, "[a-z]", UPPER))]
    end
  else
    local why, k = tointeger(v)
    if not why and k >= 0 and k < #GRPC then status = floor(k) end
  end
  if status then return GRPC[status + 1][2] end
  return fail(n, v, "unknown gRPC status: ")
end

function M.span_status(...)
  local n, c, kind = select("#", ...), ...
  c = checkcode(2, c, 1, n, "span_status")
  local classes = (kind == "server" or kind == "client") and SPAN_ERROR_CLASSES[kind]
  if not classes then argerror(2, 2, "span_status", 'kind must be "server" or "client"') end
  if c < 100 or c > 599 or classes[floor(c / 100)] then return "error" end
  return "unset"
end

function M.problem(...)
  local n, c, fields = select("#", ...), ...
  c = checkcode(2, c, 1, n, "problem")
  if c < 100 or c > 599 then argerror(2, 1, "problem", "status code out of range 100-599") end
  if fields ~= nil and type(fields) ~= "table" then
    argerror(2, 2, "problem", "table of fields expected, got " .. type(fields))
  end
  local p = { type = PROBLEM_TYPE, title = REASON[c], status = c }
  if fields then
    for k, v in next, fields do p[k] = v end  -- every field, raw: no metamethod runs
  end
  return p
end

-- --- content negotiation (RFC 9110, Section 12) ----------------------------

-- A field value comes from a client: it never raises, and it is read as the
-- C module reads it: members split at commas outside quoted strings, only
-- the first ACCEPT_MAX_MEMBERS non-empty ones of its first ACCEPT_MAX_BYTES
-- bytes, a member the byte limit cuts off dropped, a malformed one skipped.
local ACCEPT_MAX_BYTES, ACCEPT_MAX_MEMBERS = 8192, 64
local TCHAR = "[0-9A-Za-z!#$%%&'*+%-.^_`|~]"

local function is_ows(c) return c == 32 or c == 9 end

-- the byte after the quoted-string that opens at s[i], within s[1..last],
-- or nil if it is not closed there or holds a byte it may not
local function quoted_end(s, i, last)
  i = i + 1
  while i <= last do
    local c = byte(s, i)
    if c == 34 then return i + 1 end
    if c == 92 then
      i = i + 1
      if i > last then return nil end
      c = byte(s, i)
    end
    if c ~= 9 and (c < 32 or c == 127) then return nil end
    i = i + 1
  end
  return nil
end

-- the members of field value s, as strings trimmed of OWS
local function members(s)
  local list = {}
  if s == nil then return list end
  local cut = #s > ACCEPT_MAX_BYTES
  local last = cut and ACCEPT_MAX_BYTES or #s
  local i = 1
  while #list < ACCEPT_MAX_MEMBERS and i <= last do
    local c = byte(s, i)
    while i <= last and (is_ows(c) or c == 44) do
      i = i + 1
      c = byte(s, i)
    end
    local start = i
    while i <= last and byte(s, i) ~= 44 do
      if byte(s, i) == 34 then
        i = quoted_end(s, i, last) or last + 1  -- unclosed: the rest is this member
      else
        i = i + 1
      end
    end
    if i > last and cut and byte(s, last + 1) ~= 44 then break end
    local stop = i - 1
    while stop >= start and is_ows(byte(s, stop)) do stop = stop - 1 end
    if stop >= start then list[#list + 1] = sub(s, start, stop) end
  end
  return list
end

-- the weight "q=" qvalue at s[i..] as 0-1000, with nothing after it but
-- OWS; or nil
local function weight(s, i)
  local d, frac = match(s, "^[qQ]=([01])(%.?%d*)[ \t]*$", i)
  if not d then return nil end
  if frac ~= "" and (byte(frac) ~= 46 or #frac > 4) then return nil end
  local w = tonumber(d) * 1000
  local scale = 100
  for k = 2, #frac do
    w = w + (byte(frac, k) - 48) * scale
    scale = scale / 10
  end
  if w > 1000 then return nil end
  return w
end

-- a parameter value as it reads unquoted
local function unquoted(v)
  if byte(v) ~= 34 then return v end
  return (gsub(sub(v, 2, -2), "\\(.)", "%1"))
end

-- s as type "/" subtype *( OWS ";" OWS [ parameter ] ) and, for a range, a
-- weight last: { type, subtype (lower case), params = { name, value, ... },
-- n = number of parameters, weight = 0-1000 }; or nil
local function media(s, range)
  local t, st, i = match(s, "^(" .. TCHAR .. "+)/(" .. TCHAR .. "+)()")
  if not t then return nil end
  t, st = lower(t), lower(st)
  if t == "*" and st ~= "*" then return nil end
  local m = { type = t, subtype = st, params = {}, n = 0, weight = 1000 }
  local len = #s
  while true do
    while i <= len and is_ows(byte(s, i)) do i = i + 1 end
    if i > len then return m end
    if byte(s, i) ~= 59 then return nil end
    i = i + 1
    while i <= len and is_ows(byte(s, i)) do i = i + 1 end
    if i <= len and byte(s, i) ~= 59 then
      if range and find(s, "^[qQ]=", i) then
        m.weight = weight(s, i)
        if m.weight then return m end
        return nil
      end
      local name, after = match(s, "^(" .. TCHAR .. "+)=()", i)
      if not name or m.n == 8 then return nil end
      local value
      if byte(s, after) == 34 then
        local e = quoted_end(s, after, len)
        if not e then return nil end
        value, i = sub(s, after, e - 1), e
      else
        value, i = match(s, "^(" .. TCHAR .. "+)()", after)
        if not value then return nil end
      end
      local p = m.params
      p[#p + 1], p[#p + 2] = lower(name), unquoted(value)
      m.n = m.n + 1
    end
  end
end

-- an offer: a media type with no wildcard, or nil
local function media_offer(s)
  local m = media(s, false)
  if m and m.type ~= "*" and m.subtype ~= "*" then return m end
  return nil
end

-- how specifically range r matches offer o (higher is more), or nil
local function media_match(r, o)
  local kind = 2
  if r.type == "*" then
    kind = 0
  elseif r.type ~= o.type then
    return nil
  elseif r.subtype == "*" then
    kind = 1
  elseif r.subtype ~= o.subtype then
    return nil
  end
  local rp, op = r.params, o.params
  for k = 1, #rp, 2 do
    local found = false
    for j = 1, #op, 2 do
      if rp[k] == op[j] and rp[k + 1] == op[j + 1] then
        found = true
        break
      end
    end
    if not found then return nil end
  end
  return kind * 9 + r.n
end

-- a language range or tag: 1*8ALPHA *( "-" 1*8alphanum )
local function is_language(s)
  local first, i = match(s, "^(%a+)()")
  if not first or #first > 8 or find(first, "[^A-Za-z]") then return false end
  local len = #s
  while i <= len do
    local part, j = match(s, "^%-([0-9A-Za-z]+)()", i)
    if not part or #part > 8 then return false end
    i = j
  end
  return true
end

-- the Chinese script of tag s: "T" (zh-Hant; TW, HK, MO), "S" (zh-Hans;
-- CN, SG, MY), or nil
local ZH_REGION = { tw = "T", hk = "T", mo = "T", cn = "S", sg = "S", my = "S" }
local function zh_script(s)
  local second = match(lower(s), "^zh%-([^-]+)")
  if not second then return nil end
  if second == "hant" then return "T" end
  if second == "hans" then return "S" end
  return ZH_REGION[second]
end

-- whether range r matches tag t (neither "*")
local function language_match(r, t)
  local rs, ts = zh_script(r), zh_script(t)
  if rs and ts then return rs == ts end
  local lr, lt = lower(r), lower(t)
  if lr == lt or sub(lt, 1, #lr + 1) == lr .. "-" or sub(lr, 1, #lt + 1) == lt .. "-" then return true end
  return ts ~= nil and rs == nil and (lr == "zh" or sub(lr, 1, 3) == "zh-")
end

-- a language member: its range and weight, or nil
local function language_member(s)
  local range, i = match(s, "^(%*)()")
  if not range then
    range, i = match(s, "^([%w%-]+)()")
    if not range or not is_language(range) then return nil end
  end
  local rest = sub(s, i)
  if find(rest, "^[ \t]*$") then return range, 1000 end
  local j = match(rest, "^[ \t]*;[ \t]*()")
  if not j then return nil end
  local w = weight(rest, j)
  if not w then return nil end
  return range, w
end

-- The field value v (argument arg of n, named what) as one string, as the
-- C module reads it: a string as it is; an array of strings joined with
-- ", " (as far as one byte past ACCEPT_MAX_BYTES), every element checked;
-- nil: nil.
local function field(level, v, arg, n, fn, what)
  local t = type(v)
  if t == "nil" then return nil end
  if t == "string" then return v end
  if t ~= "table" then
    argerror(level + 1, arg, fn, what .. " must be a string, an array of strings or nil, got " .. typename(v, arg, n))
  end
  local parts, used = {}, 0
  for i = 1, rawlen and rawlen(v) or #v do
    local line = rawget(v, i)
    if type(line) ~= "string" then
      argerror(level + 1, arg, fn, format("%s: field line %d must be a string, got %s", what, i, type(line)))
    end
    if used <= ACCEPT_MAX_BYTES then
      parts[#parts + 1] = line
      used = used + #line + (i > 1 and 2 or 0)
    end
  end
  return sub(concat(parts, ", "), 1, ACCEPT_MAX_BYTES + 1)
end

-- The offers (argument 2 of n), each checked by valid (which gives what
-- the choice needs of it): an array of those.
local function offers_of(level, v, n, fn, kind, valid)
  if type(v) ~= "table" then
    argerror(level + 1, 2, fn, "offers must be an array of " .. kind .. "s, got " .. typename(v, 2, n))
  end
  local list = {}
  for i = 1, rawlen and rawlen(v) or #v do
    local o = rawget(v, i)
    if type(o) ~= "string" then
      argerror(level + 1, 2, fn, format("offer %d must be a string, got %s", i, type(o)))
    end
    list[i] = valid(o)
    if not list[i] then argerror(level + 1, 2, fn, format("offer %d is not a %s: %s", i, kind, quote(o))) end
  end
  return list
end

function M.negotiate(...)
  local n, accept, offers, default = select("#", ...), ...
  local value = field(2, accept, 1, n, "negotiate", "accept")
  local list = offers_of(2, offers, n, "negotiate", "media type", media_offer)
  if #list == 0 then return default end
  local ranks, weights, usable = {}, {}, false
  for _, text in ipairs(members(value)) do
    local r = media(text, true)
    if r then
      usable = true
      for k, o in ipairs(list) do
        local rank = media_match(r, o)
        if rank and rank > (ranks[k] or -1) then  -- among equally specific ranges, the first
          ranks[k], weights[k] = rank, r.weight
        end
      end
    end
  end
  if not usable then return offers[1] end
  local best, best_w = nil, 0
  for k = 1, #list do
    local w = weights[k] or 0
    if w > best_w then best, best_w = k, w end
  end
  if best then return offers[best] end
  return default
end

function M.negotiate_language(...)
  local n, accept, offers, default = select("#", ...), ...
  local value = field(2, accept, 1, n, "negotiate_language", "accept_language")
  local list = offers_of(2, offers, n, "negotiate_language", "language tag",
    function(o) return o ~= "" and is_language(o) and o end)
  if #list == 0 then return default end
  local lens, weights, places, usable = {}, {}, {}, false
  local place, star, star_place = 0, nil, nil
  for _, text in ipairs(members(value)) do
    local range, w = language_member(text)
    if range then
      usable = true
      place = place + 1
      if range == "*" then
        if not star then star, star_place = w, place end
      else
        for k, o in ipairs(list) do
          -- the longest range that matches, the first of equal ones
          if #range > (lens[k] or -1) and language_match(range, o) then
            lens[k], weights[k], places[k] = #range, w, place
          end
        end
      end
    end
  end
  if not usable then return offers[1] end
  local best, best_w, best_place = nil, 0, 0
  for k = 1, #list do
    local w, at = weights[k], places[k]
    if not lens[k] and star then w, at = star, star_place end
    if w and w > 0 and (not best or w > best_w or (w == best_w and at < best_place)) then
      best, best_w, best_place = k, w, at
    end
  end
  if best then return offers[best] end
  return default
end

-- --- error responses --------------------------------------------------------

local FORMAT_MEDIA = { "application/problem+json", "application/json", "text/html", "text/plain" }
local FORMAT_TYPES = { "application/problem+json", "application/json", "text/html; charset=utf-8",
                       "text/plain; charset=utf-8" }
local FORMAT_OF = { ["problem+json"] = 1, json = 2, html = 3, text = 4 }
local LANG_TAGS = { "en", "zh-Hans", "zh-Hant" }
local FFFD = "\239\191\189"
local RESERVED = { type = true, title = true, status = true, detail = true, instance = true }

-- the language (LANGS') of a tag reason takes, or nil
local function lang_of(v)
  if type(v) ~= "string" or #v > 7 then return nil end
  return LANGS[(gsub(v, "[A-Z]", LOWER))]
end

-- the length of the UTF-8 sequence (RFC 3629) at s[i], or 0 if none starts there
local function utf8_len(s, i, n)
  local c = byte(s, i)
  if c < 128 then return 1 end
  local need
  if c >= 0xC2 and c <= 0xDF then need = 2
  elseif c >= 0xE0 and c <= 0xEF then need = 3
  elseif c >= 0xF0 and c <= 0xF4 then need = 4
  else return 0 end
  local lo, hi = 0x80, 0xBF
  if c == 0xE0 then lo = 0xA0 elseif c == 0xED then hi = 0x9F elseif c == 0xF0 then lo = 0x90 elseif c == 0xF4 then hi = 0x8F end
  if n - i + 1 < need then return 0 end
  local c1 = byte(s, i + 1)
  if c1 < lo or c1 > hi then return 0 end
  for k = 2, need - 1 do
    local ck = byte(s, i + k)
    if ck < 0x80 or ck > 0xBF then return 0 end
  end
  return need
end

local JSON_NAMED = { [10] = "\\n", [13] = "\\r", [9] = "\\t", [34] = '\\"', [92] = "\\\\" }
local HTML_NAMED = { [38] = "&amp;", [60] = "&lt;", [62] = "&gt;", [34] = "&quot;", [39] = "&#39;" }

-- s written into out as text: "json", "html" or "text" (hs_body.c says how)
local function put_text(out, s, as)
  local i, n = 1, #s
  while i <= n do
    local c = byte(s, i)
    if c >= 128 then
      local k = utf8_len(s, i, n)
      if k == 0 then
        out[#out + 1] = FFFD
        k = 1
      else
        out[#out + 1] = sub(s, i, i + k - 1)
      end
      i = i + k
    else
      if as == "json" then
        local named = JSON_NAMED[c]
        if named then out[#out + 1] = named
        elseif c < 32 or c == 127 then out[#out + 1] = format("\\u%04x", c)
        else out[#out + 1] = char(c) end
      elseif as == "html" then
        local named = HTML_NAMED[c]
        if named then out[#out + 1] = named
        elseif (c < 32 and c ~= 9 and c ~= 10 and c ~= 13) or c == 127 then out[#out + 1] = FFFD
        else out[#out + 1] = char(c) end
      else
        out[#out + 1] = char(c)
      end
      i = i + 1
    end
  end
end

local function put_json_string(out, s)
  out[#out + 1] = '"'
  put_text(out, s, "json")
  out[#out + 1] = '"'
end

local function json_number(x)
  if x == floor(x) and x > -9007199254740992 and x < 9007199254740992 then return format("%d", x) end
  return (gsub(format("%.17g", x), "[^0-9+%-e]", "."))
end

local function byte_less(a, b)
  local n = #a < #b and #a or #b
  for i = 1, n do
    local x, y = byte(a, i), byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

-- the body of b (code, format 1-4, lang 1-3, type, title, detail, instance,
-- extensions { name, value } sorted, page): hs_body.c's, byte for byte
local function write_body(b)
  local code = b.code
  if (code < 200 or code == 204 or code == 205 or code == 304) then return "" end
  local e = ENTRY[code]
  local description = e and e[2] and e[TEXT_AT[b.lang][2]] or nil
  local title = b.title or (e and e[TEXT_AT[b.lang][1]]) or CLASS_TITLES[floor(code / 100)][b.lang]
  local out = {}
  if b.format <= 2 then
    out[1] = '{"type":'
    if b.type then put_json_string(out, b.type) else out[#out + 1] = '"about:blank"' end
    out[#out + 1] = ',"title":'
    put_json_string(out, title)
    out[#out + 1] = ',"status":' .. format("%d", code)
    if b.detail then out[#out + 1] = ',"detail":' put_json_string(out, b.detail) end
    if b.instance then out[#out + 1] = ',"instance":' put_json_string(out, b.instance) end
    for _, m in ipairs(b.extensions) do
      out[#out + 1] = ","
      put_json_string(out, m[1])
      out[#out + 1] = ":"
      local v = m[2]
      if type(v) == "string" then put_json_string(out, v)
      elseif type(v) == "number" then out[#out + 1] = json_number(v)
      else out[#out + 1] = v and "true" or "false" end
    end
    out[#out + 1] = "}"
    return concat(out)
  end
  local as = b.format == 3 and "html" or "text"
  if b.page then
    local values = { status = format("%d", code), title = title, description = description or "",
                     detail = b.detail or "", instance = b.instance or "", lang = LANG_TAGS[b.lang] }
    local page, i, n = b.page, 1, #b.page
    while i <= n do
      local open = find(page, "{", i, true)
      local close = open and find(page, "}", open + 1, true)
      if not close then break end
      put_text(out, sub(page, i, open - 1), "text")
      local name = sub(page, open + 1, close - 1)
      local v = values[name]
      if v then
        if name == "status" or name == "lang" then out[#out + 1] = v else put_text(out, v, as) end
        i = close + 1
      else
        out[#out + 1] = "{"
        i = open + 1
      end
    end
    put_text(out, sub(page, i), "text")
    return concat(out)
  end
  local head = format("%d", code) .. " "
  if as == "html" then
    out[1] = '<!DOCTYPE html>\n<html lang="' .. LANG_TAGS[b.lang] .. '">\n<head>\n<meta charset="utf-8">\n'
      .. '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>' .. head
    put_text(out, title, "html")
    out[#out + 1] = "</title>\n</head>\n<body>\n<h1>" .. head
    put_text(out, title, "html")
    out[#out + 1] = "</h1>\n"
    if description then out[#out + 1] = "<p>" put_text(out, description, "html") out[#out + 1] = "</p>\n" end
    if b.detail then out[#out + 1] = "<p>" put_text(out, b.detail, "html") out[#out + 1] = "</p>\n" end
    if b.instance then
      out[#out + 1] = "<p><code>"
      put_text(out, b.instance, "html")
      out[#out + 1] = "</code></p>\n"
    end
    out[#out + 1] = "</body>\n</html>\n"
  else
    out[1] = head
    put_text(out, title, "text")
    out[#out + 1] = "\n"
    if description then out[#out + 1] = "\n" put_text(out, description, "text") out[#out + 1] = "\n" end
    if b.detail then out[#out + 1] = "\n" put_text(out, b.detail, "text") out[#out + 1] = "\n" end
  end
  return concat(out)
end

local ER = "error_response"

local function opterror(level, msg) argerror(level + 1, 2, ER, msg) end

-- owner.name of table t: nil, or a value of type want (else an error at level)
local function optfield(level, t, owner, name, want, expected)
  local v = t[name]
  if v ~= nil and type(v) ~= want then
    opterror(level + 1, format("%s.%s must be %s, got %s", owner, name, expected, type(v)))
  end
  return v
end

-- a list option (opts.formats, opts.languages): its entries, each an index
-- find gives, once; or nil when absent
local function optlist(level, opts, name, what, find_one)
  local list = optfield(level + 1, opts, "opts", name, "table", "an array")
  if list == nil then return nil end
  local out, seen = {}, {}
  for i = 1, rawlen and rawlen(list) or #list do
    local v = rawget(list, i)
    local k = find_one(v)
    if not k then opterror(level + 1, format("opts.%s[%d] is not %s: %s", name, i, what, shown(v))) end
    if not seen[k] then
      seen[k] = true
      out[#out + 1] = k
    end
  end
  if #out == 0 then opterror(level + 1, format("opts.%s is empty", name)) end
  return out
end

local function is_token(s)
  return #s > 0 and not find(s, "[^0-9A-Za-z!#$%%&'*+%-.^_`|~]")
end

function M.error_response(...)
  local n, c, opts = select("#", ...), ...
  local code = checkcode(2, c, 1, n, ER)
  if code < 100 or code > 599 then argerror(2, 1, ER, "status code out of range 100-599") end
  if opts ~= nil and type(opts) ~= "table" then
    argerror(2, 2, ER, "opts must be a table, got " .. typename(opts, 2, n))
  end
  opts = opts or {}
  local b = { code = code, extensions = {} }
  local method = optfield(2, opts, "opts", "method", "string", "a string")
  local formats = optlist(2, opts, "formats", 'a format ("problem+json", "json", "html" or "text")',
    function(v) return FORMAT_OF[v] end) or { 1, 2, 3, 4 }
  local langs = optlist(2, opts, "languages", 'a language this module has ("en", "zh-Hans", "zh-Hant")', lang_of)
    or { 1, 2, 3 }
  local forced = opts.lang
  if forced ~= nil then
    forced = lang_of(forced)
    if not forced then
      opterror(2, 'opts.lang is not a language this module has ("en", "zh-Hans", "zh-Hant"): ' .. shown(opts.lang))
    end
  end
  b.type = optfield(2, opts, "opts", "type", "string", "a string")
  b.title = optfield(2, opts, "opts", "title", "string", "a string")
  b.detail = optfield(2, opts, "opts", "detail", "string", "a string")
  b.instance = optfield(2, opts, "opts", "instance", "string", "a string")
  local ext = optfield(2, opts, "opts", "extensions", "table", "a table")
  if ext then
    for k, v in next, ext do
      if type(k) ~= "string" then opterror(2, "opts.extensions: a name must be a string, got " .. type(k)) end
      if RESERVED[k] then
        opterror(2, format("opts.extensions.%s: type, title, status, detail and instance are the problem's own members", k))
      end
      local t = type(v)
      if t == "number" then
        if v ~= v or v - v ~= 0 then opterror(2, format("opts.extensions[%s] must be a finite number", shown(k))) end
      elseif t ~= "string" and t ~= "boolean" then
        opterror(2, format("opts.extensions[%s] must be a string, a finite number or a boolean, got %s", shown(k), t))
      end
      b.extensions[#b.extensions + 1] = { k, v }
    end
    sort(b.extensions, function(x, y) return byte_less(x[1], y[1]) end)
  end
  local headers = optfield(2, opts, "opts", "headers", "table", "a table")
  if headers then
    for k, v in next, headers do
      if type(k) ~= "string" then opterror(2, "opts.headers: a name must be a string, got " .. type(k)) end
      if not is_token(k) then opterror(2, format("opts.headers: %s is not a header field name", shown(k))) end
      local t = type(v)
      if t == "number" then
        if tointeger(v) then opterror(2, format("opts.headers[%s] must be a string or an integer", shown(k))) end
      elseif t == "string" then
        if find(v, "[\r\n]") or find(v, "\0", 1, true) then
          opterror(2, format("opts.headers[%s] holds CR, LF or NUL", shown(k)))
        end
      else
        opterror(2, format("opts.headers[%s] must be a string or an integer, got %s", shown(k), t))
      end
    end
  end
  local templates = optfield(2, opts, "opts", "templates", "table", "a table")
  local page_html, page_text
  if templates then
    page_html = optfield(2, templates, "opts.templates", "html", "string", "a string")
    page_text = optfield(2, templates, "opts.templates", "text", "string", "a string")
  end
  -- the format, then the language, each the first offered when none is acceptable
  local offers = {}
  for i, f in ipairs(formats) do offers[i] = FORMAT_MEDIA[f] end
  local value = field(2, opts.accept, 2, 2, ER, "opts.accept")
  local chosen = M.negotiate(value, offers)
  b.format = formats[1]
  for i, f in ipairs(formats) do if offers[i] == chosen then b.format = f break end end
  if forced then
    b.lang = forced
  else
    offers = {}
    for i, l in ipairs(langs) do offers[i] = LANG_TAGS[l] end
    value = field(2, opts.accept_language, 2, 2, ER, "opts.accept_language")
    chosen = M.negotiate_language(value, offers)
    b.lang = langs[1]
    for i, l in ipairs(langs) do if offers[i] == chosen then b.lang = l break end end
  end
  if b.format == 3 then b.page = page_html elseif b.format == 4 then b.page = page_text end
  local body = write_body(b)
  -- the header fields
  local h = {}
  if not (code < 200 or code == 204 or code == 304) then
    h["Content-Type"] = FORMAT_TYPES[b.format]
    h["Content-Length"] = format("%d", #body)
    h["Content-Language"] = LANG_TAGS[b.lang]
    if #formats > 1 and not forced and #langs > 1 then h.Vary = "Accept, Accept-Language"
    elseif #formats > 1 then h.Vary = "Accept"
    elseif not forced and #langs > 1 then h.Vary = "Accept-Language" end
    h["X-Content-Type-Options"] = "nosniff"
    if b.format == 3 then h["Content-Security-Policy"] = "default-src 'none'" end
  end
  if headers then
    for k, v in next, headers do
      local lk = lower(k)
      for name in next, h do
        if lower(name) == lk then
          h[name] = nil
          break
        end
      end
      if type(v) == "number" then
        local _, i = tointeger(v)
        v = number_text(i)
      end
      h[k] = v
    end
  end
  -- the MUST fields the caller did not give
  local missing
  local required = HEADERS[code]
  if required then
    for i = 1, #required, 2 do
      if required[i + 1] == "MUST" then
        local found = false
        if headers then
          for k in next, headers do
            if lower(k) == lower(required[i]) then found = true break end
          end
        end
        if not found then
          missing = missing or {}
          missing[#missing + 1] = required[i]
        end
      end
    end
  end
  if method == "HEAD" then body = "" end
  if missing then return body, h, missing end
  return body, h
end

-- --- the module's tables and fields --------------------------------------

M._VERSION = VERSION
M.registry_date = REGISTRY_DATE

local reasons = {}
for c, r in pairs(REASON) do reasons[c] = r end
M.reasons = reasons

local unofficial = {}
for _, u in ipairs(UNOFFICIAL) do
  local list = unofficial[u[1]]
  if not list then
    list = {}
    unofficial[u[1]] = list
  end
  list[#list + 1] = { reason = u[2], source = u[3], note = u[4] or nil }
end
M.unofficial = unofficial

local constants = {}
for i = 1, #CONSTANTS, 2 do
  constants[CONSTANTS[i]] = CONSTANTS[i + 1]
  M[CONSTANTS[i]] = CONSTANTS[i + 1]
end
M.constants = constants

return M
