-- The documentation is kept true: every exported name has a place in
-- doc/api.md, every example runs, the tables match the module.
local hs = require "httpstatus"

local read = dofile("spec/support.lua").read

local api = read("doc/api.md")

local function blocks(text, lang)
  local list = {}
  for b in text:gmatch("```" .. lang .. "\n(.-)```") do list[#list + 1] = b end
  return list
end

-- runs each Lua block of a guide (at least min of them), each as a chunk of its own
local function run_examples(text, name, min)
  local list = blocks(text, "lua")
  assert.is_true(#list >= min, #list .. " examples")
  for i, b in ipairs(list) do
    local ok, err = pcall(assert((loadstring or load)(b, "=" .. name .. " block " .. i)))
    assert.is_true(ok, tostring(err) .. "\n" .. b)
  end
end

describe("doc/api.md", function()
  it("has a heading for every exported function and table", function()
    local headings = {}
    for h in api:gmatch("\n### ([^\n]+)") do headings[#headings + 1] = h end
    local all = table.concat(headings, "\n")
    local n = 0
    for name, v in pairs(hs) do
      if not name:match("^[A-Z]") then
        n = n + 1
        local pattern = type(v) == "function" and ("`hs." .. name .. "(") or ("`hs." .. name .. "`")
        assert.is_truthy(all:find(pattern, 1, true), "no heading for hs." .. name)
      end
    end
    assert.is_true(n >= 25)
  end)

  it("lists every constant", function()
    local n = 0
    for name in pairs(hs.constants) do
      n = n + 1
      assert.is_truthy(api:find("`" .. name .. "`", 1, true), name)
    end
    assert.is_true(n >= 73)
  end)

  it("has examples that run", function()
    local list = blocks(api, "lua")
    assert.is_true(#list >= 38, #list .. " examples")  -- as many as it has today
    for i, b in ipairs(list) do
      local chunk = assert((loadstring or load)("local hs = ...\n" .. b, "=doc/api.md block " .. i))
      local ok, err = pcall(chunk, hs)
      assert.is_true(ok, tostring(err) .. "\n" .. b)
    end
  end)
end)

describe("README.md", function()
  it("says true things in its examples (each `expr --> values`)", function()
    local use = assert(read("README.md"):match("## Use\n\n```lua\n(.-)```"))
    local env = setmetatable({ hs = hs }, { __index = _G })
    local function run(code, what)
      if setfenv then return setfenv(assert(loadstring(code, "=README " .. what)), env) end
      return assert(load(code, "=README " .. what, "t", env))
    end
    local n, pending = 0, nil
    for line in (use .. "\n"):gmatch("([^\n]*)\n") do
      local expr, expect = line:match("^(.-)%s*%-%->%s*(.*)$")
      if expr and expr:match("^%s*$") then expr = pending end
      if expect then
        expect = expect:gsub("%s*%(.*%)$", "")   -- a remark in parentheses
        local got = { run("return " .. expr, expr)() }
        local want = { run("return " .. expect, expect)() }
        assert.are.same(want, got, expr)
        n, pending = n + 1, nil
      elseif line:match("^local ") then
        run((line:gsub("^local ", "")), line)()  -- a global of env, seen by the lines below
      elseif line:match("%S") then
        pending = line
      end
    end
    assert.is_true(n >= 15, n .. " examples")
  end)
end)

describe("doc/zh-CN.md", function()
  local zh = read("doc/zh-CN.md")

  it("has a row with the Chinese and RFC 9110 names of every registered code", function()
    for _, c in ipairs(hs.list()) do
      local row = ("| %d | %s | %s |"):format(c, hs.reason(c, "zh") or "（未使用）", hs.reason(c) or "(Unused)")
      assert.is_truthy(zh:find(row, 1, true), row)
    end
  end)

  it("has examples that run", function()
    run_examples(zh, "doc/zh-CN.md", 5)  -- as many as it has today
  end)

  it("names every function of the API", function()
    for name, v in pairs(hs) do
      if type(v) == "function" then assert.is_truthy(zh:find("hs." .. name, 1, true), name) end
    end
  end)
end)

describe("doc/zh-TW.md", function()
  local tw = read("doc/zh-TW.md")

  it("has a row with the Traditional Chinese and RFC 9110 names of every registered code", function()
    for _, c in ipairs(hs.list()) do
      local row = ("| %d | %s | %s |"):format(c, hs.reason(c, "zh-Hant"), hs.reason(c))
      assert.is_truthy(tw:find(row, 1, true), row)
    end
  end)

  it("has examples that run", function()
    run_examples(tw, "doc/zh-TW.md", 3)
  end)

  it("is linked from the README and from the Simplified guide", function()
    assert.is_truthy(read("README.md"):find("(doc/zh-TW.md)", 1, true))
    assert.is_truthy(read("doc/zh-CN.md"):find("(zh-TW.md)", 1, true))
  end)
end)

describe("doc/c-api.md #c_only", function()
  local doc = read("doc/c-api.md")

  it("covers every function of src/core/httpstatus.h", function()
    local n = 0
    for fn in read("src/core/httpstatus.h"):gmatch("HS_API [^\n]-%*?(hs_[%w_]+)%(") do
      n = n + 1
      assert.is_truthy(doc:find("`" .. fn .. "(", 1, true), fn)
    end
    assert.is_true(n >= 20)
  end)

  it("has examples that compile and print what the page says #subprocess", function()
    local examples, outputs = blocks(doc, "c"), blocks(doc, "text")
    assert.is_true(#examples >= 2)
    for i, code in ipairs(examples) do
      local src = os.tmpname() .. ".c"
      local exe = src .. ".out"
      local f = assert(io.open(src, "wb"))
      f:write(code)
      f:close()
      local core = "src/core/hs_core.c src/core/hs_set.c src/core/hs_date.c src/core/hs_map.c"
      local p = assert(io.popen(("cc -std=c99 -Wall -Werror -Isrc/core '%s' %s -o '%s' 2>&1 && '%s'")
        :format(src, core, exe, exe)))
      local out = p:read("*a")
      p:close()
      os.remove(src)
      os.remove(exe)
      assert.are.equal(outputs[i], out, "example " .. i)
    end
  end)
end)

describe("doc/httpstatus.1", function()
  it("documents every option and the exit statuses", function()
    local man = read("doc/httpstatus.1"):gsub("\\%-", "-")
    for _, word in ipairs { "--all", "--lang", "--json", "--help", "--version", "NO_COLOR",
                            "search", "LANG", "EXIT STATUS", "--method", "--retry-after", "--error-page",
                            "--accept", "--accept-language", "--format", "--http" } do
      assert.is_truthy(man:find(word, 1, true), word)
    end
    assert.is_truthy(man:find(hs._VERSION, 1, true), "the page gives another version")
  end)
end)
