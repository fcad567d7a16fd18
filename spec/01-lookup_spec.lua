-- reason, describe, name, constants, reasons, info, list, unofficial.
local hs = require "httpstatus"
local registry = dofile("spec/registry.lua")

local function constant_name(phrase)
  return (phrase:gsub("'", ""):upper():gsub("[^%w]+", "_"):gsub("^_", ""):gsub("_$", ""))
end

describe("reason()", function()
  it("gives the RFC 9110 phrase of every assigned code", function()
    for code, phrase in pairs(registry) do
      assert.are.equal(phrase or nil, hs.reason(code), "code " .. code)
    end
  end)

  it("gives nil for every code outside the registry, and for 306 and 418", function()
    for code = 0, 999 do
      if not registry[code] then assert.is_nil(hs.reason(code), "code " .. code) end
    end
  end)

  it("does not know vendor codes", function()
    for _, code in ipairs { 444, 499, 509, 520, 530, 599 } do assert.is_nil(hs.reason(code)) end
  end)

  it("uses the current names, not the old ones", function()
    assert.are.equal("Content Too Large", hs.reason(413))
    assert.are.equal("Unprocessable Content", hs.reason(422))
    assert.are.equal("Found", hs.reason(302))
    assert.are.equal("Range Not Satisfiable", hs.reason(416))
    assert.are.equal("Gateway Timeout", hs.reason(504))
    assert.are.equal("Reset Content", hs.reason(205))
    assert.are.equal("Partial Content", hs.reason(206))
  end)

  it("accepts integral floats and digit strings", function()
    assert.are.equal("Not Found", hs.reason(404.0))
    assert.are.equal("Not Found", hs.reason("404"))
    assert.are.equal("Not Found", hs.reason("0404"))
  end)

  it("gives the Chinese name for every tag of Chinese", function()
    for _, lang in ipairs { "zh", "zh-CN", "zh_CN", "zh-Hans", "ZH-cn" } do
      assert.are.equal("未找到", hs.reason(404, lang))
    end
    assert.are.equal("Not Found", hs.reason(404, "en"))
    assert.are.equal("Not Found", hs.reason(404, nil))
  end)

  it("gives the Traditional Chinese name for every tag of Traditional Chinese, and keeps zh Simplified", function()
    for _, lang in ipairs { "zh-Hant", "zh-TW", "zh_TW", "zh-HK", "zh_HK", "zh-MO", "zh_MO", "ZH-tw", "zh-hant" } do
      assert.are.equal("找不到", hs.reason(404, lang))
      assert.are.equal(hs.info(404).zh_hant.description, hs.describe(404, lang))
    end
    assert.are.equal("未找到", hs.reason(404, "zh"))
    assert.are.equal("伺服器內部錯誤", hs.reason(500, "zh-TW"))
    assert.are.equal("服务器内部错误", hs.reason(500, "zh"))
  end)

  it("has a Chinese name in each script for every assigned code, and none for the unused ones", function()
    for code, phrase in pairs(registry) do
      for _, lang in ipairs { "zh", "zh-Hant" } do
        if phrase then
          local zh = hs.reason(code, lang)
          assert.is_string(zh, "code " .. code)
          assert.is_truthy(zh:find("[\228-\233]"), "no Chinese in the name of " .. code)
        else
          assert.is_nil(hs.reason(code, lang))
        end
      end
    end
  end)

  it("gives Chinese names that are unique in each script", function()
    for _, lang in ipairs { "zh", "zh-Hant" } do
      local seen = {}
      for code, phrase in pairs(registry) do
        if phrase then
          local zh = hs.reason(code, lang)
          assert.is_nil(seen[zh], zh .. " names " .. tostring(seen[zh]) .. " and " .. code)
          seen[zh] = code
        end
      end
    end
  end)

  it("raises for an unknown language", function()
    for _, lang in ipairs { "fr", "", "english", "zh-TW!", 1, true, {} } do
      for _, code in ipairs { 404, 299, 418, 700 } do  -- whether or not the code has a phrase
        assert.error_matches(function() hs.reason(code, lang) end, "#2")
        assert.error_matches(function() hs.describe(code, lang) end, "#2")
      end
    end
  end)
end)

describe("describe()", function()
  it("has one to three sentences in English and in each Chinese for every assigned code", function()
    for code, phrase in pairs(registry) do
      if phrase then
        for _, lang in ipairs { "en", "zh", "zh-Hant" } do
          local d = hs.describe(code, lang)
          assert.is_string(d, code .. " " .. lang)
          -- sentence ends other than the last one
          local _, n = d:gsub(lang == "en" and "[%.:!?]\"? " or "。.", "")
          assert.is_true(n <= 2 and #d > 20, code .. " " .. lang .. ": " .. d)
          assert.is_truthy(d:find(lang == "en" and "%.$" or "。$"), code .. " " .. lang)
        end
      end
    end
  end)

  it("is English by default", function()
    assert.are.equal(hs.describe(404, "en"), hs.describe(404))
    assert.is_truthy(hs.describe(404):find("representation", 1, true))
  end)

  it("is nil where reason is nil", function()
    for _, code in ipairs { 306, 418, 299, 444, 99, 600 } do assert.is_nil(hs.describe(code)) end
  end)

  it("corrects the seeds: 307 keeps the method, 503 is not a timeout", function()
    assert.is_truthy(hs.describe(307):find("same method", 1, true))
    assert.is_falsy(hs.describe(307):find("change POST to GET", 1, true))
    assert.is_falsy(hs.describe(503):lower():find("timeout", 1, true))
    assert.is_truthy(hs.describe(206):find("Range", 1, true))
  end)
end)

describe("constants", function()
  it("exist for every assigned code, named from its phrase", function()
    for code, phrase in pairs(registry) do
      if phrase then
        local name = constant_name(phrase)
        assert.are.equal(code, hs[name], name)
        assert.are.equal(name, hs.name(code))
      end
    end
  end)

  it("follow the naming rule on the tricky phrases", function()
    assert.are.equal(203, hs.NON_AUTHORITATIVE_INFORMATION)
    assert.are.equal(207, hs.MULTI_STATUS)
    assert.are.equal(226, hs.IM_USED)
    assert.are.equal(413, hs.CONTENT_TOO_LARGE)
    assert.are.equal(422, hs.UNPROCESSABLE_CONTENT)
    assert.are.equal(505, hs.HTTP_VERSION_NOT_SUPPORTED)
  end)

  it("keep the former names as aliases", function()
    assert.are.equal(413, hs.PAYLOAD_TOO_LARGE)
    assert.are.equal(413, hs.REQUEST_ENTITY_TOO_LARGE)
    assert.are.equal(414, hs.REQUEST_URI_TOO_LONG)
    assert.are.equal(414, hs.REQUEST_URI_TOO_LARGE)
    assert.are.equal(416, hs.REQUESTED_RANGE_NOT_SATISFIABLE)
    assert.are.equal(422, hs.UNPROCESSABLE_ENTITY)
    assert.are.equal(302, hs.MOVED_TEMPORARILY)
    assert.are.equal(418, hs.IM_A_TEAPOT)
    assert.are.equal(306, hs.SWITCH_PROXY)
    assert.are.equal(408, hs.REQUEST_TIME_OUT)
    assert.are.equal(504, hs.GATEWAY_TIME_OUT)
  end)

  it("are all integers of codes with a registry entry, listed by hs.constants", function()
    local n = 0
    for k, v in pairs(hs.constants) do
      assert.is_truthy(k:match("^[A-Z][A-Z0-9_]*$"), k)
      n = n + 1
      assert.are.equal(v, hs[k])
      assert.is_table(hs.info(v), k)
      assert.are.equal(v, math.floor(v))
      assert.are.equal(hs.is_registered(v), v ~= 306 and v ~= 418, k)
    end
    assert.are.equal(64 + 9, n)  -- 64 entries, 9 former names
  end)

  it("are made on first use, and stay the same field afterwards #c_only", function()
    local fresh = assert(package.loadlib(dofile("spec/support.lua").module_file(),
                                         "luaopen_httpstatus"))("httpstatus")
    for _, k in ipairs { "NOT_FOUND", "reasons", "unofficial", "constants" } do
      assert.is_nil(rawget(fresh, k), k)
    end
    assert.are.equal(404, fresh.NOT_FOUND)
    assert.are.equal(404, rawget(fresh, "NOT_FOUND"))
    local reasons = fresh.reasons
    assert.are.equal(reasons, fresh.reasons)
    assert.are.equal(reasons, rawget(fresh, "reasons"))
    assert.is_nil(fresh.NOT_A_CONSTANT)
    assert.is_nil(rawget(fresh, "NOT_A_CONSTANT"))
    assert.is_nil(fresh[404])
    assert.is_nil(fresh.not_found)
  end)
end)

describe("reasons", function()
  it("maps every assigned code to its phrase, and nothing else", function()
    local expect = {}
    for code, phrase in pairs(registry) do expect[code] = phrase or nil end
    assert.are.same(expect, hs.reasons)
  end)

  it("is a copy: writing to it does not change reason()", function()
    local saved = hs.reasons[404]
    hs.reasons[404] = "x"
    assert.are.equal("Not Found", hs.reason(404))
    hs.reasons[404] = saved
  end)
end)

describe("info()", function()
  it("describes 413 fully", function()
    local i = hs.info(413)
    assert.are.same({
      code = 413, reason = "Content Too Large", name = "CONTENT_TOO_LARGE",
      class = "client_error", registry = "permanent",
      reference = "RFC 9110, Section 15.5.14", description = hs.describe(413),
      zh = { reason = "内容过大", description = hs.describe(413, "zh") },
      zh_hant = { reason = "內容過大", description = hs.describe(413, "zh-Hant") },
      former = { "Request Entity Too Large", "Payload Too Large" },
      cacheable = false, empty = false, redirect = false, retryable = false,
      headers = { { name = "Retry-After", level = "SHOULD", reference = "RFC 9110, Section 15.5.14" } },
    }, i)
  end)

  it("agrees with the hand-typed registry on the status, the reference and the former names of every code", function()
    local _, details = dofile("spec/registry.lua")
    local n = 0
    local function sorted(t) local c = {} for i, v in ipairs(t) do c[i] = v end table.sort(c) return c end
    for code, want in pairs(details) do
      local info = assert(hs.info(code), code)
      assert.are.equal(want.registry, info.registry, code)
      assert.are.equal(want.reference, info.reference, code)
      assert.are.same(sorted(want.former), sorted(info.former), code)
      n = n + 1
    end
    assert.are.equal(#hs.list(), n)  -- every listed code, and only those
    for _, code in ipairs(hs.list()) do assert.is_truthy(details[code], code) end
  end)

  it("gives the registry status", function()
    assert.are.equal("temporary", hs.info(104).registry)
    assert.are.equal("unused", hs.info(306).registry)
    assert.are.equal("unused", hs.info(418).registry)
    assert.are.equal("obsoleted", hs.info(510).registry)
    assert.are.equal("permanent", hs.info(200).registry)
  end)

  it("cites the defining document", function()
    assert.are.equal("RFC 9110, Section 15.5.5", hs.info(404).reference)
    assert.are.equal("RFC 6585, Section 4", hs.info(429).reference)
    assert.are.equal("RFC 8297, Section 2", hs.info(103).reference)
    assert.are.equal("RFC 8470, Section 5.2", hs.info(425).reference)
    assert.are.equal("RFC 7725, Section 3", hs.info(451).reference)
    assert.are.equal("RFC 4918, Section 11.1", hs.info(207).reference)
    for code in pairs(registry) do
      assert.is_truthy(hs.info(code).reference:match("^RFC %d+, Section [%d%.]+$")
        or hs.info(code).reference:match("^draft%-"), code)
    end
  end)

  it("explains the unused codes without giving them a phrase", function()
    local i = hs.info(418)
    assert.is_nil(i.reason)
    assert.is_nil(i.zh.reason)
    assert.are.equal("IM_A_TEAPOT", i.name)
    assert.is_truthy(i.description:find("Unused", 1, true))
    assert.is_string(i.zh.description)
  end)

  it("gives flags that match the predicates", function()
    for code in pairs(registry) do
      local i = hs.info(code)
      assert.are.equal(hs.is_cacheable(code), i.cacheable)
      assert.are.equal(hs.is_empty(code), i.empty)
      assert.are.equal(hs.is_redirect(code), i.redirect)
      assert.are.equal(hs.is_retryable(code), i.retryable)
      assert.are.equal(hs.class(code), i.class)
    end
  end)

  it("is a fresh table each time", function()
    local a = hs.info(404)
    a.reason = "changed"
    assert.are.equal("Not Found", hs.info(404).reason)
    assert.are_not.equal(hs.info(404), hs.info(404))
  end)

  it("is nil for codes with no registry entry", function()
    for _, code in ipairs { 99, 299, 444, 509, 600 } do assert.is_nil(hs.info(code)) end
  end)
end)

describe("list()", function()
  local all = {}
  for code, phrase in pairs(registry) do
    if phrase then all[#all + 1] = code end
  end
  table.sort(all)

  it("lists every assigned code in order, and not the unused 306 and 418", function()
    assert.are.same(all, hs.list())
    assert.are.same({ 300, 301, 302, 303, 304, 305, 307, 308 }, hs.list(3))
  end)

  it("lists one class, named any of three ways", function()
    local fours = {}
    for _, c in ipairs(all) do if c >= 400 and c < 500 then fours[#fours + 1] = c end end
    assert.are.same(fours, hs.list("client_error"))
    assert.are.same(fours, hs.list(4))
    assert.are.same(fours, hs.list("4xx"))
    assert.are.same(fours, hs.list("4XX"))
    assert.are.same({ 100, 101, 102, 103, 104 }, hs.list("informational"))
    assert.are.same({ 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511 }, hs.list(5))
  end)

  it("raises for an unknown class", function()
    for _, bad in ipairs { 0, 6, 4.5, "6xx", "client", "", true, {} } do
      assert.error_matches(function() hs.list(bad) end, "class expected", nil, true)
    end
  end)
end)

describe("the texts, as RFC 9110 and its neighbours say (1.1.1)", function()
  it("say what RFC 9110 says of 200, 304, 305, 414, 418 and 421", function()
    assert.is_truthy(hs.describe(200):find("for HEAD, the same header fields as GET, without the content", 1, true))
    assert.is_truthy(hs.describe(200, "zh"):find("HEAD 返回与 GET 相同的头字段，但不带内容", 1, true))
    -- 304 is a redirection because of where it sends the client, not because it has no content
    assert.is_falsy(hs.describe(304):find("Location, and it has no content", 1, true))
    assert.is_truthy(hs.describe(304):find("%. The response has no content%.$"))
    assert.is_truthy(hs.describe(305):find("RFC 7231 (Appendix B)", 1, true))
    assert.is_truthy(hs.describe(305, "zh"):find("RFC 7231（附录 B）", 1, true))
    assert.is_falsy(hs.describe(414):find("often", 1, true))
    assert.is_truthy(hs.describe(414):find("rare condition", 1, true))
    assert.is_truthy(hs.describe(414):find("attack", 1, true))
    assert.is_truthy(hs.info(418).description:find("cannot be assigned currently", 1, true))
    assert.is_truthy(hs.info(418).description:find("may be reassigned", 1, true))
    assert.is_falsy(hs.info(418).zh.description:find("不再分配", 1, true))
    assert.is_truthy(hs.describe(421):find("unable or unwilling to produce an authoritative response", 1, true))
    assert.is_truthy(hs.describe(421):find("whatever its method", 1, true))
    assert.is_truthy(hs.describe(421, "zh"):find("无论请求方法是什么", 1, true))
  end)

  it("use one Chinese term for header fields and one kind of quotation marks", function()
    for c = 100, 599 do
      local i = hs.info(c)
      if i then
        for _, text in ipairs { i.zh.description, i.zh.reason or "" } do
          assert.is_falsy(text:find("头部", 1, true), c .. ": " .. text)
          -- a header's name is followed by 头字段, never by 头 alone
          for at in text:gmatch("()头") do
            assert.is_true(text:sub(at, at + 8) == "头字段" or text:sub(at - 3, at + 2) == "从头", c .. ": " .. text)
          end
          assert.is_falsy(text:find('"', 1, true), c .. ": " .. text)
        end
      end
    end
    assert.are.equal("请求过早", hs.reason(425, "zh"))
    assert.are.equal("支持可续传上传", hs.reason(104, "zh"))
    assert.is_truthy(hs.describe(104, "zh"):find("支持可续传上传", 1, true))
    assert.is_falsy(hs.describe(510, "zh"):find("成为历史的", 1, true))
    local _, sentences = hs.info(306).zh.description:gsub("。", "")
    assert.is_true(sentences >= 4, hs.info(306).zh.description)
  end)
end)

describe("unofficial", function()
  it("says where each vendor code is seen, and what a user should know (1.1.1)", function()
    local cf530 = hs.unofficial[530][1]
    assert.are.equal("Cloudflare", cf530.source)
    assert.is_truthy(cf530.note:find('"Error 530"', 1, true))
    assert.is_truthy(cf530.note:find("1xxx error in the body", 1, true))
    assert.is_truthy(cf530.note:find("paraphrase", 1, true))
    local fine = hs.unofficial[218][1]
    assert.are.equal("This is fine", fine.reason)
    assert.is_truthy(fine.source:find("folklore", 1, true))
    assert.is_truthy(fine.note:find("not in httpd's own status table", 1, true))
    assert.is_falsy(hs.unofficial[509][1].source:find("Apache", 1, true))
    assert.is_truthy(hs.unofficial[509][1].source:find("cPanel", 1, true))
    assert.is_truthy(hs.unofficial[460][1].note:find("never received", 1, true))
    assert.are.equal("Google APIs (google.rpc.Code)", hs.unofficial[499][3].source)
    assert.are.equal(499, hs.from_grpc("CANCELLED"))
  end)

  it("holds the vendor codes with their sources", function()
    assert.are.same({ { reason = "No Response", source = "nginx",
                        note = "never sent: nginx closes the connection without a response" } },
                    hs.unofficial[444])
    assert.are.same({ { reason = "Client Closed Request", source = "nginx",
                        note = "never sent: only logged, when the client went away first" },
                      { reason = "Token Required", source = "Esri ArcGIS" },
                      { reason = "Client Closed Request", source = "Google APIs (google.rpc.Code)",
                        note = "the HTTP code of gRPC's CANCELLED: the client cancelled the request" } },
                    hs.unofficial[499])
    assert.are.equal("Bandwidth Limit Exceeded", hs.unofficial[509][1].reason)
    for code = 520, 527 do assert.are.equal("Cloudflare", hs.unofficial[code][1].source) end
    for _, code in ipairs { 440, 449, 494, 495, 496, 497, 498, 530, 419, 420, 598, 599 } do
      assert.is_table(hs.unofficial[code], code)
    end
  end)

  it("stays apart from the registry: reason() never gives a vendor phrase", function()
    for code, list in pairs(hs.unofficial) do
      assert.is_true(#list >= 1)
      for _, m in ipairs(list) do
        assert.are_not.equal(m.reason, hs.reason(code), code)
        assert.is_string(m.source)
      end
      -- 451 is the one registered number a vendor (IIS) gives a meaning of its own
      assert.are.equal(code == 451, hs.is_registered(code), code)
    end
  end)
end)
