-- The IANA HTTP Status Code Registry as updated by RFC 9110, typed in by
-- hand from the registry and the RFCs as the specs' independent oracle:
-- the data file must agree with it. Two values:
--   1. code -> phrase (false marks "(Unused)");
--   2. code -> { registry status, reference, former names } for every
--      assigned code: the status "permanent" unless the registry marks it
--      temporary or obsoleted, the reference as the registry gives it (the
--      RFC and its section), and the phrases earlier RFCs gave the code.
local phrases = {
  [100] = "Continue", [101] = "Switching Protocols", [102] = "Processing",
  [103] = "Early Hints", [104] = "Upload Resumption Supported",
  [200] = "OK", [201] = "Created", [202] = "Accepted",
  [203] = "Non-Authoritative Information", [204] = "No Content",
  [205] = "Reset Content", [206] = "Partial Content", [207] = "Multi-Status",
  [208] = "Already Reported", [226] = "IM Used",
  [300] = "Multiple Choices", [301] = "Moved Permanently", [302] = "Found",
  [303] = "See Other", [304] = "Not Modified", [305] = "Use Proxy", [306] = false,
  [307] = "Temporary Redirect", [308] = "Permanent Redirect",
  [400] = "Bad Request", [401] = "Unauthorized", [402] = "Payment Required",
  [403] = "Forbidden", [404] = "Not Found", [405] = "Method Not Allowed",
  [406] = "Not Acceptable", [407] = "Proxy Authentication Required",
  [408] = "Request Timeout", [409] = "Conflict", [410] = "Gone",
  [411] = "Length Required", [412] = "Precondition Failed",
  [413] = "Content Too Large", [414] = "URI Too Long",
  [415] = "Unsupported Media Type", [416] = "Range Not Satisfiable",
  [417] = "Expectation Failed", [418] = false, [421] = "Misdirected Request",
  [422] = "Unprocessable Content", [423] = "Locked", [424] = "Failed Dependency",
  [425] = "Too Early", [426] = "Upgrade Required", [428] = "Precondition Required",
  [429] = "Too Many Requests", [431] = "Request Header Fields Too Large",
  [451] = "Unavailable For Legal Reasons",
  [500] = "Internal Server Error", [501] = "Not Implemented", [502] = "Bad Gateway",
  [503] = "Service Unavailable", [504] = "Gateway Timeout",
  [505] = "HTTP Version Not Supported", [506] = "Variant Also Negotiates",
  [507] = "Insufficient Storage", [508] = "Loop Detected", [510] = "Not Extended",
  [511] = "Network Authentication Required",
}

-- the sections of RFC 9110 (Section 15), and the codes other RFCs define
local where = {}
for i, c in ipairs { 100, 101 } do where[c] = ("RFC 9110, Section 15.2.%d"):format(i) end
for i, c in ipairs { 200, 201, 202, 203, 204, 205, 206 } do where[c] = ("RFC 9110, Section 15.3.%d"):format(i) end
for i = 1, 9 do where[299 + i] = ("RFC 9110, Section 15.4.%d"):format(i) end
for i = 1, 18 do where[399 + i] = ("RFC 9110, Section 15.5.%d"):format(i) end
where[421] = "RFC 9110, Section 15.5.20"
where[422] = "RFC 9110, Section 15.5.21"
where[426] = "RFC 9110, Section 15.5.22"
for i = 1, 6 do where[499 + i] = ("RFC 9110, Section 15.6.%d"):format(i) end
local others = {
  [102] = "RFC 2518, Section 10.1", [103] = "RFC 8297, Section 2",
  [104] = "draft-ietf-httpbis-resumable-upload-05",
  [207] = "RFC 4918, Section 11.1", [208] = "RFC 5842, Section 7.1", [226] = "RFC 3229, Section 10.4.1",
  [423] = "RFC 4918, Section 11.3", [424] = "RFC 4918, Section 11.4", [425] = "RFC 8470, Section 5.2",
  [428] = "RFC 6585, Section 3", [429] = "RFC 6585, Section 4", [431] = "RFC 6585, Section 5",
  [451] = "RFC 7725, Section 3", [506] = "RFC 2295, Section 8.1", [507] = "RFC 4918, Section 11.5",
  [508] = "RFC 5842, Section 7.2", [510] = "RFC 2774, Section 7", [511] = "RFC 6585, Section 6",
}
for c, ref in pairs(others) do where[c] = ref end

local status = { [104] = "temporary", [510] = "obsoleted" }

-- RFC 1945 (302), RFC 2068 (408, 414, 504), RFC 2616 (413, 414, 416),
-- RFC 4918 (422) and RFC 7231 (413)
local former = {
  [302] = { "Moved Temporarily" }, [408] = { "Request Time-out" },
  [413] = { "Request Entity Too Large", "Payload Too Large" },
  [414] = { "Request-URI Too Long", "Request-URI Too Large" },
  [416] = { "Requested Range Not Satisfiable" }, [422] = { "Unprocessable Entity" },
  [504] = { "Gateway Time-out" },
}

local details = {}
for code, phrase in pairs(phrases) do
  if phrase then
    details[code] = { registry = status[code] or "permanent", reference = assert(where[code], code),
                      former = former[code] or {} }
  end
end

return phrases, details
