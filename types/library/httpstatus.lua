---@meta httpstatus
-- LuaCATS definitions of the httpstatus module, for lua-language-server
-- (LuaLS): completion, hover and type checks for `require "httpstatus"`
-- and `require "httpstatus.pure"` in VS Code, Neovim and other editors.
-- Point LuaLS at this folder (doc/api.md, "Types"), an addon with ../config.json:
--   "Lua.workspace.library": [ "<path>/library" ]
-- This file is never loaded by Lua: it declares, it does not define.
-- The constants between the GENERATED lines are written by tools/gen.lua
-- from data/statuses.lua (`make generate`); the rest is written by hand.

---A code argument: an integer, an integral float, or a string of decimal digits ("404").
---@alias httpstatus.Code integer|number|string

---A language, in any case: "en" (the default); "zh", Simplified Chinese (also "zh-CN", "zh_CN",
---"zh-Hans"); "zh-Hant", Traditional Chinese (also "zh-TW", "zh_TW", "zh-HK", "zh_HK", "zh-MO", "zh_MO").
---@alias httpstatus.Lang "en"|"zh"|"zh-CN"|"zh_CN"|"zh-Hans"|"zh-Hant"|"zh-TW"|"zh_TW"|"zh-HK"|"zh_HK"|"zh-MO"|"zh_MO"|string

---A class name.
---@alias httpstatus.ClassName "informational"|"successful"|"redirection"|"client_error"|"server_error"

---What `hs.set` takes: text ("500-504,!501", "5xx", "retryable"), a code, or an array of them.
---@alias httpstatus.SetSpec string|integer|(string|integer)[]|httpstatus.Set

---An immutable status set (`hs.set`). In the C module a userdata, in the pure edition a table.
---@class httpstatus.Set
---@operator add(httpstatus.SetSpec): httpstatus.Set
---@operator sub(httpstatus.SetSpec): httpstatus.Set
---@operator mul(httpstatus.SetSpec): httpstatus.Set
---@operator len: integer
---@operator call(httpstatus.Code): boolean
local Set = {}

---True if the code is in the set; false for any other integer. A non-code raises.
---@param code httpstatus.Code
---@return boolean
function Set:has(code) end

---A fresh sorted array of the codes in the set.
---@return integer[]
function Set:codes() end

---The registry entry of a code, as `hs.info` gives it.
---@class httpstatus.Info
---@field code integer
---@field reason string?          the registered phrase; nil for 306 and 418 ("(Unused)")
---@field name string             the constant name, "NOT_FOUND"
---@field class httpstatus.ClassName
---@field registry "permanent"|"temporary"|"obsoleted"|"unused"
---@field reference string        "RFC 9110, Section 15.5.5"
---@field description string
---@field zh { reason: string?, description: string }
---@field zh_hant { reason: string?, description: string }
---@field former string[]         earlier registered or RFC names, oldest first
---@field expires string?         a temporary registration's expiry date, "YYYY-MM-DD"
---@field cacheable boolean
---@field empty boolean
---@field redirect boolean
---@field retryable boolean
---@field headers httpstatus.Header[] the header fields the response is to carry (1.3)

---A response header field that the section defining a code ties to it (1.3).
---@class httpstatus.Header
---@field name string             the field name, "Allow"
---@field level "MUST"|"SHOULD"|"MAY"
---@field reference string        "RFC 9110, Section 15.5.6"

---A vendor meaning of a code outside the registry (`hs.unofficial`).
---@class httpstatus.Unofficial
---@field reason string
---@field source string
---@field note string?

---An RFC 9457 problem-details table (`hs.problem`).
---@class httpstatus.Problem
---@field type string
---@field title string?
---@field status integer
---@field [string] any

---@class httpstatus
---@field _VERSION string                              "httpstatus X.Y.Z"
---@field registry_date string                         the IANA registry copy's "last updated" date
---@field reasons table<integer, string>               a copy: code -> English phrase
---@field constants table<string, integer>             every constant, name -> code
---@field unofficial table<integer, httpstatus.Unofficial[]>
local hs = {}

-- GENERATED: the constants, written by tools/gen.lua --types from data/ (`make generate`); do not edit
hs.CONTINUE = 100
hs.SWITCHING_PROTOCOLS = 101
hs.PROCESSING = 102
hs.EARLY_HINTS = 103
hs.UPLOAD_RESUMPTION_SUPPORTED = 104
hs.OK = 200
hs.CREATED = 201
hs.ACCEPTED = 202
hs.NON_AUTHORITATIVE_INFORMATION = 203
hs.NO_CONTENT = 204
hs.RESET_CONTENT = 205
hs.PARTIAL_CONTENT = 206
hs.MULTI_STATUS = 207
hs.ALREADY_REPORTED = 208
hs.IM_USED = 226
hs.MULTIPLE_CHOICES = 300
hs.MOVED_PERMANENTLY = 301
hs.FOUND = 302
hs.MOVED_TEMPORARILY = 302
hs.SEE_OTHER = 303
hs.NOT_MODIFIED = 304
hs.USE_PROXY = 305
hs.SWITCH_PROXY = 306
hs.TEMPORARY_REDIRECT = 307
hs.PERMANENT_REDIRECT = 308
hs.BAD_REQUEST = 400
hs.UNAUTHORIZED = 401
hs.PAYMENT_REQUIRED = 402
hs.FORBIDDEN = 403
hs.NOT_FOUND = 404
hs.METHOD_NOT_ALLOWED = 405
hs.NOT_ACCEPTABLE = 406
hs.PROXY_AUTHENTICATION_REQUIRED = 407
hs.REQUEST_TIMEOUT = 408
hs.REQUEST_TIME_OUT = 408
hs.CONFLICT = 409
hs.GONE = 410
hs.LENGTH_REQUIRED = 411
hs.PRECONDITION_FAILED = 412
hs.CONTENT_TOO_LARGE = 413
hs.REQUEST_ENTITY_TOO_LARGE = 413
hs.PAYLOAD_TOO_LARGE = 413
hs.URI_TOO_LONG = 414
hs.REQUEST_URI_TOO_LONG = 414
hs.REQUEST_URI_TOO_LARGE = 414
hs.UNSUPPORTED_MEDIA_TYPE = 415
hs.RANGE_NOT_SATISFIABLE = 416
hs.REQUESTED_RANGE_NOT_SATISFIABLE = 416
hs.EXPECTATION_FAILED = 417
hs.IM_A_TEAPOT = 418
hs.MISDIRECTED_REQUEST = 421
hs.UNPROCESSABLE_CONTENT = 422
hs.UNPROCESSABLE_ENTITY = 422
hs.LOCKED = 423
hs.FAILED_DEPENDENCY = 424
hs.TOO_EARLY = 425
hs.UPGRADE_REQUIRED = 426
hs.PRECONDITION_REQUIRED = 428
hs.TOO_MANY_REQUESTS = 429
hs.REQUEST_HEADER_FIELDS_TOO_LARGE = 431
hs.UNAVAILABLE_FOR_LEGAL_REASONS = 451
hs.INTERNAL_SERVER_ERROR = 500
hs.NOT_IMPLEMENTED = 501
hs.BAD_GATEWAY = 502
hs.SERVICE_UNAVAILABLE = 503
hs.GATEWAY_TIMEOUT = 504
hs.GATEWAY_TIME_OUT = 504
hs.HTTP_VERSION_NOT_SUPPORTED = 505
hs.VARIANT_ALSO_NEGOTIATES = 506
hs.INSUFFICIENT_STORAGE = 507
hs.LOOP_DETECTED = 508
hs.NOT_EXTENDED = 510
hs.NETWORK_AUTHENTICATION_REQUIRED = 511
-- GENERATED END

---The registered phrase of a code, or nil (unassigned, or 306/418, "(Unused)"). Another language raises.
---@param code httpstatus.Code
---@param lang? httpstatus.Lang
---@return string?
function hs.reason(code, lang) end

---One to three sentences on what the code means and what to do; nil where `reason` is nil.
---@param code httpstatus.Code
---@param lang? httpstatus.Lang
---@return string?
function hs.describe(code, lang) end

---The constant name of a code with a registry entry ("NOT_FOUND"), or nil.
---@param code httpstatus.Code
---@return string?
function hs.name(code) end

---A fresh table describing the registry entry, or nil.
---@param code httpstatus.Code
---@return httpstatus.Info?
function hs.info(code) end

---The registered codes in order, all or of one class (1-5, "4xx", "client_error").
---@param class? integer|string
---@return integer[]
function hs.list(class) end

---The code of a number, a constant name or any current or former phrase; or nil, message. Never raises.
---@param value any
---@return integer? code
---@return string? message
function hs.code(value) end

---The class of a code 100-599, or nil outside.
---@param code httpstatus.Code
---@return httpstatus.ClassName?
function hs.class(code) end

---True for 100-599.
---@param code httpstatus.Code
---@return boolean
function hs.is_valid(code) end

---True for a code with an assigned entry (not the "(Unused)" 306 and 418).
---@param code httpstatus.Code
---@return boolean
function hs.is_registered(code) end

---@param code httpstatus.Code
---@return boolean
function hs.is_informational(code) end

---@param code httpstatus.Code
---@return boolean
function hs.is_success(code) end

---@param code httpstatus.Code
---@return boolean
function hs.is_redirection(code) end

---@param code httpstatus.Code
---@return boolean
function hs.is_client_error(code) end

---@param code httpstatus.Code
---@return boolean
function hs.is_server_error(code) end

---True for 4xx and 5xx.
---@param code httpstatus.Code
---@return boolean
function hs.is_error(code) end

---The code itself if registered, else the x00 of its class; nil if not valid.
---@param code httpstatus.Code
---@return integer?
function hs.canonical(code) end

---Heuristically cacheable by default (RFC 9110, Section 15.1; 451 by RFC 7725).
---@param code httpstatus.Code
---@return boolean
function hs.is_cacheable(code) end

---The response has no content: 1xx, 204, 205, 304.
---@param code httpstatus.Code
---@return boolean
function hs.is_empty(code) end

---A redirect to follow: 301 302 303 307 308.
---@param code httpstatus.Code
---@return boolean
function hs.is_redirect(code) end

---The method of the follow-up request, or nil for a code that is not a redirect.
---@param code httpstatus.Code
---@param method string
---@return string?
function hs.redirect_method(code, method) end

---The header fields the code's section ties to it (1.3), a fresh array: empty for most codes.
---@param code httpstatus.Code
---@return httpstatus.Header[]
function hs.required_headers(code) end

---Worth a retry (408 425 429 500 502 503 504); with a method, 5xx only for an idempotent one.
---@param code httpstatus.Code
---@param method? string
---@return boolean
function hs.is_retryable(code, method) end

---"HTTP/1.1 404 Not Found"; an invalid code or version raises.
---@param code httpstatus.Code
---@param version? string
---@return string
function hs.status_line(code, version) end

---The code, phrase and version of a status line; or nil, message. Never raises.
---@param line any
---@return integer? code
---@return string phrase_or_message
---@return string? version
function hs.parse_status_line(line) end

---An immutable status set; text that does not parse gives nil, message. Another type raises.
---@param spec httpstatus.SetSpec
---@return httpstatus.Set? set
---@return string? message
function hs.set(spec) end

---Whole seconds to wait from a Retry-After value (delay-seconds or an HTTP-date); or nil, message.
---@param value any
---@param now? integer seconds since 1970, read only for an HTTP-date
---@return integer? seconds
---@return string? message
function hs.retry_after(value, now) end

---Seconds since 1970 (UTC) of an HTTP-date in any of its three forms; or nil, message.
---@param s any
---@param now? integer seconds since 1970, for an rfc850-date's two-digit year
---@return integer? time
---@return string? message
function hs.parse_http_date(s, now) end

---The IMF-fixdate of a time (0 to the end of 9999); anything else raises.
---@param t integer
---@return string
function hs.http_date(t) end

---The gRPC status of a response that carried no grpc-status: number, NAME.
---@param code httpstatus.Code
---@return integer status
---@return string name
function hs.to_grpc(code) end

---The HTTP code google.rpc.Code documents for a gRPC status (number, digits or name); or nil, message.
---@param status any
---@return integer? code
---@return string? message
function hs.from_grpc(status) end

---The OpenTelemetry span status of an HTTP span with this response.
---@param code httpstatus.Code
---@param kind "server"|"client"
---@return "error"|"unset"
function hs.span_status(code, kind) end

---A fresh RFC 9457 problem-details table, with the fields copied over it.
---@param code httpstatus.Code
---@param fields? table
---@return httpstatus.Problem
function hs.problem(code, fields) end

---A request header field's value as a client sent it: one string, several field lines, or nil (absent).
---@alias httpstatus.FieldValue string|string[]|nil

---The media type of `offers` (in the server's order) the Accept value prefers, or `default` (1.3).
---@generic D
---@param accept httpstatus.FieldValue
---@param offers string[]
---@param default? D
---@return string|D
function hs.negotiate(accept, offers, default) end

---The language tag of `offers` (in the server's order) the Accept-Language value prefers, or `default` (1.3).
---@generic D
---@param accept_language httpstatus.FieldValue
---@param offers string[]
---@param default? D
---@return string|D
function hs.negotiate_language(accept_language, offers, default) end

---What `hs.error_response` takes (1.3).
---@class httpstatus.ErrorOptions
---@field accept? httpstatus.FieldValue
---@field accept_language? httpstatus.FieldValue
---@field method? string
---@field formats? ("problem+json"|"json"|"html"|"text")[]
---@field languages? string[]
---@field lang? string
---@field type? string
---@field title? string
---@field detail? string
---@field instance? string
---@field extensions? table<string, string|number|boolean>
---@field headers? table<string, string|integer>
---@field templates? { html: string?, text: string? }

---What to send for status `code` to this client: the body, its header fields, and the MUST fields not given (1.3).
---@param code httpstatus.Code
---@param opts? httpstatus.ErrorOptions
---@return string body
---@return table<string, string> headers
---@return string[]? missing
function hs.error_response(code, opts) end

return hs
