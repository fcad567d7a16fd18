-- The editor and Teal types (types/library/httpstatus.lua, LuaCATS for
-- lua-language-server; types/httpstatus.d.tl, Teal) against the module and
-- doc/api.md. Neither LuaLS nor Teal's compiler can run here, so the files
-- are read as text: every function the module has, and every method of a
-- set, is declared in both, with the parameters doc/api.md's headings give
-- (an optional one marked so), and nothing is declared that the module
-- does not have; the constants are the module's.
local hs = require "httpstatus"
local support = dofile("spec/support.lua")
local LUACATS = support.read("types/library/httpstatus.lua")
local TEAL = support.read("types/httpstatus.d.tl")

-- "code, lang?" -> { "code", "lang?" }, splitting at commas outside braces
-- and parentheses, and dropping each parameter's type (Teal's "name: type")
local function params(list)
  local out, depth, cur = {}, 0, ""
  for ch in (list .. ","):gmatch(".") do
    if ch == "{" or ch == "(" then depth = depth + 1 elseif ch == "}" or ch == ")" then depth = depth - 1 end
    if ch == "," and depth == 0 then
      cur = cur:match("^%s*(.-)%s*$")
      if cur ~= "" then out[#out + 1] = (cur:match("^([%w_]+%??)%s*:") or cur) end
      cur = ""
    else
      cur = cur .. ch
    end
  end
  return table.concat(out, ", ")
end

-- LuaCATS: function hs.NAME(a, b) with ---@param b? for an optional one
local function luacats(prefix)
  local found = {}
  local optional = {}
  for line in LUACATS:gmatch("[^\n]+") do
    local name = line:match("^%-%-%-@param ([%w_]+)%?")
    if name then optional[name] = true end
    local fn, list = line:match("^function " .. prefix .. "([%w_]+)%(([^)]*)%)")
    if fn then
      local ps = {}
      for p in list:gmatch("[%w_]+") do ps[#ps + 1] = optional[p] and (p .. "?") or p end
      found[fn] = table.concat(ps, ", ")
      optional = {}
    end
    if line:match("^function") or line == "" then optional = fn and {} or optional end
  end
  return found
end

-- Teal: NAME: function(...) at the indentation of a record's fields
local function teal(indent, self)
  local found = {}
  for line in TEAL:gmatch("[^\n]+") do
    local fn, list = line:match("^" .. indent .. "([%w_]+): function%((.*)%):?")
    if fn and not line:match("^" .. indent .. "%s") then
      list = list:match("^(.-)%)[^)]*$") or list  -- up to the parameter list's own ")"
      if self then list = list:gsub("^self: Set,?%s*", "") end
      found[fn] = params(list)
    end
  end
  return found
end

-- doc/api.md: ### `hs.NAME(a [, b])`, several to a heading
local function documented()
  local found = {}
  for heading in support.read("doc/api.md"):gmatch("\n### ([^\n]+)") do
    for fn, list in heading:gmatch("`hs%.([%w_]+)%(([^)]*)%)`") do
      local ps = {}
      for opt, p in list:gmatch("(%[?),?%s*([%w_]+)") do ps[#ps + 1] = p .. (opt == "[" and "?" or "") end
      found[fn] = table.concat(ps, ", ")
    end
  end
  return found
end

local function keys(t)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  table.sort(list)
  return list
end

describe("the types (LuaCATS and Teal) #types", function()
  local functions = {}
  for k, v in pairs(hs) do
    if type(v) == "function" then functions[k] = true end
  end

  it("declare every function of the module, and no other", function()
    assert.is_true(#keys(functions) >= 30)
    assert.are.same(keys(functions), keys(luacats("hs%.")))
    assert.are.same(keys(functions), keys(teal("   ")))
    assert.are.same(keys(functions), keys(documented()))
  end)

  it("give each the parameters doc/api.md gives it, optional ones marked", function()
    local doc, cats, tl = documented(), luacats("hs%."), teal("   ")
    for name in pairs(functions) do
      assert.are.equal(doc[name], cats[name], "LuaCATS: " .. name)
      assert.are.equal(doc[name], tl[name], "Teal: " .. name)
    end
    assert.are.equal("code, lang?", cats.reason)
    assert.are.equal("class?", tl.list)
  end)

  it("declare a set's methods, and no other", function()
    local s = hs.set("5xx")
    local methods = {}
    for _, name in ipairs { "has", "codes" } do
      assert.are.equal("function", type(s[name]), name)
      methods[name] = true
    end
    local index = debug.getmetatable(s).__index
    for k in pairs(index) do assert.is_true(methods[k], "an undeclared method " .. tostring(k)) end
    assert.are.same({ has = "code", codes = "" }, luacats("Set:"))
    assert.are.same({ has = "code", codes = "" }, teal("      ", true))
    for _, mm in ipairs { "add", "sub", "mul", "len", "call" } do
      assert.truthy(LUACATS:find("---@operator " .. mm, 1, true), "LuaCATS: no operator " .. mm)
    end
    for _, mm in ipairs { "__add", "__sub", "__mul", "__le", "__lt", "__eq", "__len", "__call", "__tostring" } do
      assert.truthy(TEAL:find("metamethod " .. mm .. ":", 1, true), "Teal: no metamethod " .. mm)
      assert.is_not_nil(debug.getmetatable(s)[mm], mm)
    end
  end)

  it("declare the module's fields and every constant with its code", function()
    for _, field in ipairs { "_VERSION", "registry_date", "reasons", "constants", "unofficial" } do
      assert.is_not_nil(hs[field], field)
      assert.truthy(LUACATS:find("---@field " .. field .. " ", 1, true), "LuaCATS: " .. field)
      assert.truthy(TEAL:find("\n   " .. field .. ": ", 1, true), "Teal: " .. field)
    end
    local cats, tl = {}, {}
    for name, code in LUACATS:gmatch("\nhs%.([%u%d_]+) = (%d+)") do cats[name] = tonumber(code) end
    for name in TEAL:gmatch("\n   ([%u%d_]+): integer") do tl[name] = hs.constants[name] end
    assert.are.same(hs.constants, cats)
    assert.are.same(hs.constants, tl)
  end)

  it("are what tools/gen.lua makes of data/ (the constants)", function()
    local gen = dofile("tools/gen.lua")
    local data = gen.load("data/statuses.lua")
    for path, line in pairs(gen.TYPES) do
      local text = support.read(path)
      assert.is_true(gen.update_types(text, data, line) == text, path .. " is stale: run `make generate`")
    end
  end)

  it("are never a file named httpstatus.lua on package.path", function()
    for entry in package.path:gmatch("[^;]+") do
      assert.is_falsy(entry:find("types/library", 1, true), entry)
    end
    local spec = support.read("httpstatus-scm-1.rockspec")
    assert.truthy(spec:find('copy_directories = { "doc", "types" }', 1, true))
  end)
end)
