-- hs.error_response: what to send for a status, to this client (DESIGN.md,
-- "Error responses"): the body negotiated by format and language, the
-- header fields, the required fields missing, bodies safe for their
-- format, and the options checked.
local hs = require "httpstatus"

local CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

describe("hs.error_response", function()
  it("answers curl with problem details, in English, varying by Accept and Accept-Language", function()
    local body, h, missing = hs.error_response(404, { accept = "*/*" })
    assert.are.equal('{"type":"about:blank","title":"Not Found","status":404}', body)
    assert.are.same({ ["Content-Type"] = "application/problem+json", ["Content-Length"] = tostring(#body),
                      ["Content-Language"] = "en", Vary = "Accept, Accept-Language",
                      ["X-Content-Type-Options"] = "nosniff" }, h)
    assert.is_nil(missing)
  end)

  it("answers a browser in Chinese with a page that runs nothing and loads nothing", function()
    local body, h = hs.error_response(404, { accept = CHROME, accept_language = "zh-CN,zh;q=0.9,en;q=0.8" })
    assert.are.equal("text/html; charset=utf-8", h["Content-Type"])
    assert.are.equal("zh-Hans", h["Content-Language"])
    assert.are.equal("default-src 'none'", h["Content-Security-Policy"])
    assert.truthy(body:find('<html lang="zh-Hans">', 1, true))
    assert.truthy(body:find("<h1>404 未找到</h1>", 1, true))
    assert.truthy(body:find(hs.describe(404, "zh"), 1, true))
    assert.is_nil(body:find("<script", 1, true))
    assert.are.equal(tostring(#body), h["Content-Length"])
  end)

  it("writes JSON, HTML and text of the same problem", function()
    local opts = { detail = "Your balance is 30.", instance = "/account/12345/msgs/abc", formats = { "json" } }
    assert.are.equal('{"type":"about:blank","title":"Payment Required","status":402,'
      .. '"detail":"Your balance is 30.","instance":"/account/12345/msgs/abc"}', (hs.error_response(402, opts)))
    opts.formats = { "text" }
    assert.are.equal("402 Payment Required\n\n" .. hs.describe(402) .. "\n\nYour balance is 30.\n",
      (hs.error_response(402, opts)))
    opts.formats = { "html" }
    local html = hs.error_response(402, opts)
    assert.truthy(html:find("<p>Your balance is 30.</p>\n<p><code>/account/12345/msgs/abc</code></p>", 1, true))
  end)

  it("sends the first format or language offered when none is acceptable", function()
    local _, h = hs.error_response(500, { accept = "image/png", accept_language = "fr" })
    assert.are.equal("application/problem+json", h["Content-Type"])
    assert.are.equal("en", h["Content-Language"])
    _, h = hs.error_response(500, { accept = "image/png", formats = { "text", "html" }, languages = { "zh" } })
    assert.are.equal("text/plain; charset=utf-8", h["Content-Type"])
    assert.are.equal("zh-Hans", h["Content-Language"])
    assert.are.equal("Accept", h.Vary)
  end)

  it("forces a language with lang, and varies by what was negotiated only", function()
    local body, h = hs.error_response(503, { lang = "zh", formats = { "text" } })
    assert.truthy(body:find("^503 服务不可用\n"))
    assert.is_nil(h.Vary)
    h = select(2, hs.error_response(503, { formats = { "json" } }))
    assert.are.equal("Accept-Language", h.Vary)
    h = select(2, hs.error_response(503, { formats = { "json" }, lang = "en", extensions = {}, method = "POST" }))
    assert.is_nil(h.Vary)
  end)

  it("titles a code with no phrase of its own by its class", function()
    assert.truthy((hs.error_response(499)):find('"title":"Client Error"', 1, true))
    assert.truthy((hs.error_response(599, { lang = "zh" })):find('"title":"服务器错误"', 1, true))
    assert.truthy((hs.error_response(418, { formats = { "text" } })):find("^418 Client Error\n$"))
  end)

  it("has no body and no content fields for 1xx, 204 and 304, and an empty one for 205", function()
    for _, c in ipairs { 100, 101, 103, 204, 304 } do
      local body, h = hs.error_response(c, { accept = "*/*" })
      assert.are.equal("", body)
      assert.is_nil(h["Content-Type"] or h["Content-Length"] or h["Content-Language"] or h.Vary)
    end
    local body, h = hs.error_response(205)
    assert.are.equal("", body)
    assert.are.equal("0", h["Content-Length"])
  end)

  it("answers HEAD with no body and the header fields of GET", function()
    local get, hg = hs.error_response(404, { accept = CHROME })
    local head, hh = hs.error_response(404, { accept = CHROME, method = "HEAD" })
    assert.are.equal("", head)
    assert.are.same(hg, hh)
    assert.are.equal(tostring(#get), hh["Content-Length"])
  end)

  it("adds the caller's header fields, replacing a generated one of the same name", function()
    local _, h, missing = hs.error_response(405, { headers = { Allow = "GET, HEAD", ["content-type"] = "text/x",
                                                               N = 5 } })
    assert.are.equal("GET, HEAD", h.Allow)
    assert.are.equal("text/x", h["content-type"])
    assert.is_nil(h["Content-Type"])
    assert.are.equal("5", h.N)
    assert.is_nil(missing)
  end)

  it("names the MUST header fields the caller did not give", function()
    assert.are.same({ "Allow" }, select(3, hs.error_response(405)))
    assert.are.same({ "WWW-Authenticate" }, select(3, hs.error_response(401, { headers = { Allow = "GET" } })))
    assert.is_nil(select(3, hs.error_response(401, { headers = { ["www-authenticate"] = "Bearer" } })))
    assert.is_nil(select(3, hs.error_response(503)))  -- Retry-After is MAY
  end)

  it("writes problem details in RFC 9457's order, extensions by name", function()
    local body = hs.error_response(403, { formats = { "json" }, type = "https://example.com/probs/out-of-credit",
      title = "You do not have enough credit.", extensions = { balance = 30, accounts = "/account/12345", ok = false,
      rate = 0.25, ok2 = true } })
    assert.are.equal('{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.",'
      .. '"status":403,"accounts":"/account/12345","balance":30,"ok":false,"ok2":true,"rate":0.25}', body)
  end)

  it("keeps every value in its place: escaped, invalid UTF-8 as U+FFFD, never read as a template", function()
    local detail = "<script>\"x\" & 'y' {title}\255\0"
    local json = hs.error_response(400, { formats = { "json" }, detail = detail })
    assert.truthy(json:find('"detail":"<script>\\"x\\" & \'y\' {title}\239\191\189\\u0000"', 1, true))
    local html = hs.error_response(400, { formats = { "html" }, detail = detail })
    assert.truthy(html:find("<p>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39; {title}\239\191\189\239\191\189</p>",
      1, true))
    local page = hs.error_response(400, { formats = { "html" }, detail = detail,
      templates = { html = "<div>{title}|{detail}|{lang}|{nope}</div>" } })
    assert.are.equal("<div>Bad Request|&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39; {title}"
      .. "\239\191\189\239\191\189|en|{nope}</div>", page)
    local text = hs.error_response(400, { formats = { "text" }, detail = detail, templates = { text = "{detail}" } })
    assert.are.equal("<script>\"x\" & 'y' {title}\239\191\189\0", text)
  end)

  it("raises for header fields that would break the response", function()
    for _, v in ipairs { "a\r\nSet-Cookie: x", "a\nb", "a\0b" } do
      assert.error_matches(function() hs.error_response(404, { headers = { ["X-A"] = v } }) end,
        "bad argument #2 to 'error_response' (opts.headers[\"X-A\"] holds CR, LF or NUL)", nil, true)
    end
    assert.error_matches(function() hs.error_response(404, { headers = { ["X A"] = "v" } }) end,
      "bad argument #2 to 'error_response' (opts.headers: \"X A\" is not a header field name)", nil, true)
    assert.error_matches(function() hs.error_response(404, { headers = { X = true } }) end,
      "opts.headers[\"X\"] must be a string or an integer, got boolean", nil, true)
  end)

  it("raises for options a program gives wrong, naming them", function()
    local cases = {
      { 600, nil, "bad argument #1 to 'error_response' (status code out of range 100-599)" },
      { 404, 5, "bad argument #2 to 'error_response' (opts must be a table, got number)" },
      { 404, { formats = { "xml" } },
        'opts.formats[1] is not a format ("problem+json", "json", "html" or "text"): "xml"' },
      { 404, { formats = {} }, "opts.formats is empty" },
      { 404, { languages = { "fr" } },
        'opts.languages[1] is not a language this module has ("en", "zh-Hans", "zh-Hant"): "fr"' },
      { 404, { lang = "fr" }, 'opts.lang is not a language this module has ("en", "zh-Hans", "zh-Hant"): "fr"' },
      { 404, { detail = 5 }, "opts.detail must be a string, got number" },
      { 404, { extensions = { status = 1 } }, "opts.extensions.status: type, title, status, detail and instance are" },
      { 404, { extensions = { x = 0 / 0 } }, 'opts.extensions["x"] must be a finite number' },
      { 404, { extensions = { x = 1 / 0 } }, 'opts.extensions["x"] must be a finite number' },
      { 404, { formats = { 5 } }, 'opts.formats[1] is not a format ("problem+json", "json", "html" or "text"): 5' },
      { 404, { extensions = { x = {} } },
        'opts.extensions["x"] must be a string, a finite number or a boolean, got table' },
      { 404, { extensions = { [1] = "x" } }, "opts.extensions: a name must be a string, got number" },
      { 404, { headers = { [1] = "x" } }, "opts.headers: a name must be a string, got number" },
      { 404, { headers = { X = 1.5 } }, 'opts.headers["X"] must be a string or an integer' },
      { 404, { templates = { html = 1 } }, "opts.templates.html must be a string, got number" },
      { 404, { accept = 5 }, "opts.accept must be a string, an array of strings or nil, got number" },
    }
    for _, c in ipairs(cases) do
      assert.error_matches(function() hs.error_response(c[1], c[2]) end, c[3], nil, true)
    end
  end)

  it("never raises for what a client sends", function()
    for b = 0, 255 do
      local v = string.char(b) .. ";q=0." .. string.char(b)
      assert.is_true(pcall(hs.error_response, 404, { accept = v, accept_language = v }))
    end
    assert.is_true(pcall(hs.error_response, 404, { accept = ("x"):rep(2 ^ 20), accept_language = { "zh-TW", "" } }))
  end)

  it("reads opts through a metatable's __index, as a field read does", function()
    local defaults = { accept = "text/plain", accept_language = "zh-TW", detail = "from __index",
                       headers = { Allow = "GET" }, formats = { "text", "html" } }
    local body, h = hs.error_response(405, setmetatable({}, { __index = defaults }))
    assert.are.equal("text/plain; charset=utf-8", h["Content-Type"])
    assert.are.equal("zh-Hant", h["Content-Language"])
    assert.are.equal("GET", h.Allow)
    assert.is_truthy(body:find("from __index", 1, true))
    -- a metatable with nothing for the options: the defaults, as for {}
    local plain = { hs.error_response(404, {}) }
    local meta = { hs.error_response(404, setmetatable({}, { __tostring = function() return "opts" end })) }
    assert.are.equal(plain[1], meta[1])
    assert.are.same(plain[2], meta[2])
    assert.error_matches(function() hs.error_response(404, setmetatable({}, { __index = { templates = 1 } })) end,
      "opts.templates must be a table, got number", nil, true)
  end)

  -- The C module keeps the choices and the plain bodies it made before
  -- (doc/performance.md): what it keeps must never change an answer.
  it("answers a value it has seen before as it did the first time, whatever else changes", function()
    local accepts = { "text/html", "*/*", "application/json", "text/plain;q=0.5, text/html;q=0.1", "" }
    local languages = { "zh-TW", "zh-CN", "en", "fr, zh;q=0.1", "" }
    local function fresh(o)  -- the same choice, made by negotiate itself
      local formats = o.formats or { "problem+json", "json", "html", "text" }
      local media = { ["problem+json"] = "application/problem+json", json = "application/json",
                      html = "text/html", text = "text/plain" }
      local offers = {}
      for i, f in ipairs(formats) do offers[i] = media[f] end
      local type = hs.negotiate(o.accept, offers, offers[1])
      local tags = o.languages or { "en", "zh-Hans", "zh-Hant" }
      local lang = o.lang or hs.negotiate_language(o.accept_language, tags, tags[1])
      return type, lang
    end
    for round = 1, 3 do
      for i, a in ipairs(accepts) do
        for j, l in ipairs(languages) do
          local code = ({ 404, 503, 299, 410 })[(i + j + round) % 4 + 1]
          for _, o in ipairs {
            { accept = a, accept_language = l },
            { accept = a, accept_language = l, formats = { "text", "html" } },
            { accept = a, accept_language = l, languages = { "zh-Hant", "en" } },
            { accept = a, accept_language = l, detail = "d" .. round },
            { accept = a, accept_language = l, lang = "zh" },
            { accept = a, accept_language = l, method = "HEAD" },
          } do
            local body, h = hs.error_response(code, o)
            local type, lang = fresh(o)
            assert.are.equal(type, h["Content-Type"]:match("^[^;]*"), a)
            assert.are.equal(({ zh = "zh-Hans" })[lang] or lang, h["Content-Language"], l)
            if o.method == "HEAD" then
              assert.are.equal("", body)
            else
              assert.are.equal(tostring(#body), h["Content-Length"])
              if o.detail then assert.is_truthy(body:find(o.detail, 1, true)) end
              if not o.detail then assert.is_falsy(body:find("d%d")) end
            end
          end
        end
      end
    end
  end)

  it("keeps no more when clients send a new value each time", function()
    -- two runs of 20 000 new values each: the second may not keep more than
    -- the first did (the first also lets the VM's own tables, such as
    -- LuaJIT's string table, grow to what such a run needs)
    local runs = {}
    for r = 1, 2 do
      runs[r] = {}
      for i = 1, 20000 do  -- some longer than what is kept
        runs[r][i] = { ("a/b;p=%d;r=%d;"):format(i, r) .. ("x"):rep(i % 300), "x-" .. i .. "-" .. r }
      end
    end
    local function run(values)
      for i, v in ipairs(values) do hs.error_response(400 + i % 200, { accept = v[1], accept_language = v[2] }) end
      collectgarbage()
      collectgarbage()
      return collectgarbage("count")
    end
    local first = run(runs[1])
    local second = run(runs[2])
    -- what is kept: 64 values of each field, 32 bodies, whatever the values were
    assert.is_true(second - first < 100, second - first)
  end)
end)
