-- Traditional Chinese: every text is there, and none keeps a Simplified
-- character or a mainland term. The check is Debian's OpenCC (`opencc -c
-- s2twp.json`, Simplified to Traditional with Taiwan's phrases): run over a
-- text that is already Traditional, Taiwanese Chinese, it must change
-- nothing. The texts are the module's (data/statuses.lua, through the
-- module itself), the command's words (bin/httpstatus) and doc/zh-TW.md.
local hs = require "httpstatus"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

-- Terms OpenCC changes where it is wrong for this module's sense of them:
-- { term, what OpenCC makes of it, why the term stays }. Each term is
-- masked before the text goes to OpenCC.
local EXCEPTIONS = {
  { "用戶端", "使用者端", "client: 用戶端 is Taiwan's word for the client side (用戶端程式); OpenCC's "
    .. "phrase for 用户 (user) breaks it" },
  { "實例", "例項", "226's instance manipulation (RFC 3229): 實例 is the word in Taiwan's RFC and "
    .. "software texts; 例項 is OpenCC's rendering of the mainland 实例" },
  { "權限", "許可權", "permission: 權限 is Taiwan's usual word; 許可權 is OpenCC's rendering" },
  { "類型", "型別", "media type: 媒體類型 is the usual Taiwanese name (型別 is a programming "
    .. "language's type)" },
}

-- The mainland terms issue 29 names, written in Traditional characters:
-- the Traditional text says them the way Taiwan does.
local MAINLAND = {
  { "服務器", "伺服器" }, { "客戶端", "用戶端" }, { "頭字段", "標頭欄位" }, { "重定向", "重新導向" },
  { "緩存", "快取" }, { "默認", "預設" }, { "信息", "資訊" }, { "響應", "回應" }, { "協議", "協定" },
  { "連接", "連線" }, { "超時", "逾時" }, { "支持", "支援" }, { "文件", "文件" },
}

local function mask(text)
  for i, e in ipairs(EXCEPTIONS) do text = text:gsub(e[1], "<" .. i .. ">") end
  return text
end

-- Every Traditional text, as { where, text }.
local function texts()
  local out = {}
  for c = 100, 599 do
    local i = hs.info(c)
    if i then
      if i.zh_hant.reason then out[#out + 1] = { c .. " reason", i.zh_hant.reason } end
      out[#out + 1] = { c .. " description", i.zh_hant.description }
    end
  end
  for c = 2, 5 do  -- the title of an unregistered code is its class's (1xx has no body)
    local body = hs.error_response(c * 100 + 99, { lang = "zh-Hant", formats = { "text" } })
    out[#out + 1] = { (c * 100 + 99) .. " class title", body:match("^%d+ ([^\n]*)") }
  end
  out[#out + 1] = { "class 1xx title", dofile("data/statuses.lua").classes[1].zh_hant }
  local cli = read("bin/httpstatus"):match("\nlocal ZH_HANT = (%b{})")
  assert.is_string(cli, "bin/httpstatus has no ZH_HANT table")
  for s in cli:gmatch('"([^"\n]*)"') do
    if s:find("[\128-\255]") then out[#out + 1] = { "bin/httpstatus", s } end
  end
  local n, section = 0, ""
  for line in read("doc/zh-TW.md"):gmatch("[^\n]+") do
    section = line:match("^## (.*)") or section
    -- the last column of the table of terms is the Simplified one
    if section == "用語對照" and line:match("^|") then line = line:gsub("[^|]*|$", "") end
    if line:find("[\228-\233]") then
      n = n + 1
      out[#out + 1] = { "doc/zh-TW.md", line }
    end
  end
  assert.is_true(n >= 20, "doc/zh-TW.md has little Chinese")
  return out
end

describe("Traditional Chinese (zh-Hant)", function()
  it("has a phrase for every registered code and a description for every entry, none empty", function()
    local n = 0
    for c = 100, 599 do
      local i = hs.info(c)
      if i then
        n = n + 1
        assert.is_string(i.zh_hant.description, c)
        assert.is_true(#i.zh_hant.description > 20, c)
        assert.are.equal(i.reason == nil, i.zh_hant.reason == nil, c)
        if i.reason then
          assert.is_true(#i.zh_hant.reason > 0, c)
          assert.are.equal(i.zh_hant.reason, hs.reason(c, "zh-Hant"))
          assert.are.equal(i.zh_hant.description, hs.describe(c, "zh-TW"))
          assert.are_not.equal(i.zh.description, i.zh_hant.description, c)
        end
      end
    end
    assert.is_true(n >= 60)
  end)

  it("#subprocess leaves nothing for OpenCC's s2twp (Simplified to Taiwan) to change", function()
    local all = texts()
    local tmp = os.tmpname()
    local f = assert(io.open(tmp, "wb"))
    for _, t in ipairs(all) do
      assert.is_falsy(t[2]:find("\n"), t[1])
      f:write(mask(t[2]), "\n")
    end
    f:close()
    local p = io.popen("opencc -c s2twp.json -i " .. tmp .. " 2>&1; echo \"exit $?\"")
    local out = p:read("*a")
    p:close()
    os.remove(tmp)
    assert.is_truthy(out:find("exit 0\n$"),
      "opencc failed (Debian: apt-get install opencc; make test installs it): " .. out)
    local i = 0
    for line in out:gmatch("([^\n]*)\n") do
      i = i + 1
      if all[i] then
        local want = mask(all[i][2])
        assert.are.equal(want, line, all[i][1] .. ": OpenCC would change it")
      end
    end
    assert.are.equal(#all + 1, i)  -- and the exit line
  end)

  it("#subprocess keeps each exception because OpenCC does change it", function()
    for _, e in ipairs(EXCEPTIONS) do
      local p = io.popen("printf '%s\\n' '" .. e[1] .. "' | opencc -c s2twp.json")
      local out = p:read("*a")
      p:close()
      assert.are.equal(e[2] .. "\n", out, e[1] .. " is no longer changed: drop it from the exceptions")
    end
  end)

  it("uses Taiwan's terms, not the mainland's in Traditional characters", function()
    for _, t in ipairs(texts()) do
      for _, m in ipairs(MAINLAND) do
        assert.is_falsy(t[2]:find(m[1], 1, true), t[1] .. " says " .. m[1] .. ", not " .. m[2])
      end
    end
    assert.is_truthy(hs.describe(100, "zh-Hant"):find("伺服器", 1, true))
    assert.is_truthy(hs.describe(100, "zh-Hant"):find("用戶端", 1, true))
    assert.is_truthy(hs.describe(100, "zh-Hant"):find("標頭欄位", 1, true))
    assert.is_truthy(hs.describe(304, "zh-Hant"):find("快取", 1, true))
    assert.are.equal("暫時重新導向", hs.reason(307, "zh-Hant"))
  end)

  it("keeps the seeds' mistakes corrected", function()
    assert.are.equal("重設內容", hs.reason(205, "zh-Hant"))
    assert.are.equal("部分內容", hs.reason(206, "zh-Hant"))
    -- 307 and 308 keep the method; 301 and 302 may turn POST into GET
    for _, c in ipairs { 307, 308 } do
      assert.is_truthy(hs.describe(c, "zh-Hant"):find("必須以相同的方法", 1, true), c)
      assert.is_truthy(hs.describe(c, "zh-Hant"):find("POST 仍是 POST", 1, true), c)
    end
    for _, c in ipairs { 301, 302 } do
      assert.is_truthy(hs.describe(c, "zh-Hant"):find("可能會把 POST 改成 GET", 1, true), c)
    end
    assert.is_nil(hs.reason(306, "zh-Hant"))
    assert.is_nil(hs.reason(418, "zh-Hant"))
    assert.is_truthy(hs.info(510).zh_hant.description:find("^已廢止"))
  end)

  it("is offered by error_response and chosen for zh-TW, zh-HK and zh-MO, never for zh-CN", function()
    local function lang_of(al)
      return select(2, hs.error_response(404, { accept_language = al }))["Content-Language"]
    end
    assert.are.equal("zh-Hant", lang_of("zh-TW"))
    assert.are.equal("zh-Hant", lang_of("zh-HK,en;q=0.5"))
    assert.are.equal("zh-Hant", lang_of("zh-MO"))
    assert.are.equal("zh-Hant", lang_of("zh-Hant"))
    assert.are.equal("zh-Hant", lang_of("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7"))
    assert.are.equal("zh-Hans", lang_of("zh-CN"))
    assert.are.equal("zh-Hans", lang_of("zh"))  -- "zh" stays Simplified: the first Chinese offered
    assert.are.equal("en", lang_of("zh-TW;q=0, en"))
    local body = hs.error_response(404, { accept_language = "zh-TW", formats = { "html" } })
    assert.is_truthy(body:find('<html lang="zh-Hant">', 1, true))
    assert.is_truthy(body:find("找不到", 1, true))
  end)
end)
