-- The data, the generated C file and the version agree with each other.
local hs = require "httpstatus"

local read = dofile("spec/support.lua").read
local function gen_date() return dofile("tools/gen.lua").load("data/statuses.lua").registry_date end

describe("src/core/hs_data.inc", function()
  it("is what tools/gen.lua makes from data/statuses.lua", function()
    local gen = dofile("tools/gen.lua")
    assert.is_true(gen.generate(gen.load("data/statuses.lua")) == read("src/core/hs_data.inc"),
      "src/core/hs_data.inc is stale: run `make generate`")
  end)

  it("rejects data that breaks the rules", function()
    local gen = dofile("tools/gen.lua")
    local classes = gen.load("data/statuses.lua").classes
    local function data(entry)
      return { statuses = { entry }, unofficial = {}, classes = classes, registry_date = "2025-09-15" }
    end
    local good = { code = 200, reason = "OK", ref = "r", en = "e", zh_reason = "z", zh = "z", zh_hant_reason = "t",
                   zh_hant = "t" }
    assert.is_string(gen.generate(data(good)))
    for field, value in pairs { code = 700, registry = "maybe", redirect = "sideways",
                                en = "", zh_reason = false, zh_hant = "", zh_hant_reason = false } do
      local bad = {}
      for k, v in pairs(good) do bad[k] = v end
      bad[field] = value or nil
      assert.has_error(function() gen.generate(data(bad)) end)
    end
    local clash = { statuses = { good, { code = 201, reason = "O K", ref = "r", en = "e", zh_reason = "z", zh = "z",
                                         zh_hant_reason = "t", zh_hant = "t" } }, unofficial = {}, classes = classes,
                    registry_date = "2025-09-15" }
    assert.error_matches(function() gen.generate(clash) end, "names both", nil, true)
    local undated = data(good)
    for _, date in ipairs { false, "2025-9-15", "15.09.2025" } do
      undated.registry_date = date or nil
      assert.error_matches(function() gen.generate(undated) end, "registry_date", nil, true)
    end
  end)

  it("finds the expiry dates that have passed, to warn of them (never to fail)", function()
    local gen = dofile("tools/gen.lua")
    local d = gen.load("data/statuses.lua")
    assert.are.same({}, gen.expired(d, d.registry_date))   -- nothing had expired in the registry's copy
    assert.are.same({ { code = 104, expires = "2026-11-13" } }, gen.expired(d, "2026-11-14"))
    assert.are.same({}, gen.expired(d, "2026-11-13"))      -- it expires at the end of that day
  end)

  it("carries the registry's date to the module", function()
    assert.are.equal(gen_date(), hs.registry_date)
    assert.is_truthy(read("src/core/hs_data.inc"):find('#define HS_DATA_REGISTRY_DATE "2025-09-15"', 1, true))
  end)
end)

describe("src/core/hs_map_data.inc", function()
  it("is what tools/gen.lua makes from data/mappings.lua", function()
    local gen = dofile("tools/gen.lua")
    assert.is_true(gen.generate_mappings(gen.load("data/mappings.lua")) == read("src/core/hs_map_data.inc"),
      "src/core/hs_map_data.inc is stale: run `make generate`")
  end)

  it("rejects mappings that break the rules", function()
    local gen = dofile("tools/gen.lua")
    local function data(change)
      local d = gen.load("data/mappings.lua")
      change(d)
      return d
    end
    assert.has_error(function() gen.generate_mappings(data(function(d) d.grpc[3].code = 7 end)) end)
    assert.has_error(function() gen.generate_mappings(data(function(d) d.grpc[1].http = 700 end)) end)
    assert.has_error(function() gen.generate_mappings(data(function(d) d.http_to_grpc[418] = "TEAPOT" end)) end)
    assert.has_error(function() gen.generate_mappings(data(function(d) d.http_to_grpc_other = "NOPE" end)) end)
  end)
end)

for _, name in ipairs { "lhs_fast", "lhs_fast_set" } do
  describe("src/lua/" .. name .. "_lua.inc", function()
    it("is what tools/embed.lua makes from src/" .. name .. ".lua", function()
      local embed = dofile("tools/embed.lua")
      assert.are.equal("src/lua/" .. name .. "_lua.inc", embed.output("src/lua/" .. name .. ".lua"))
      assert.is_true(embed.generate((read("src/lua/" .. name .. ".lua"):gsub("\n$", "")), name)
        == read("src/lua/" .. name .. "_lua.inc"), "src/lua/" .. name .. "_lua.inc is stale: run `make generate`")
    end)

    it("holds the Lua line for line, without its comments", function()
      local text = read("src/lua/" .. name .. "_lua.inc")
      local n = select(2, read("src/lua/" .. name .. ".lua"):gsub("\n", ""))
      assert.are.equal(n, select(2, text:gsub('\\n"\n', "")))
      assert.is_nil(text:find("--", 1, true))
      assert.is_truthy(text:find("static const char " .. name .. "_lua[] =", 1, true))
    end)
  end)
end

describe("_VERSION", function()
  it("matches every rockspec", function()
    local v = hs._VERSION:match("^httpstatus (%d+%.%d+%.%d+)$")
    assert.is_string(v)
    local scm = read("httpstatus-scm-1.rockspec")
    assert.is_truthy(scm:find('version = "scm-1"', 1, true))
    local versioned = read("rockspecs/httpstatus-" .. v .. "-1.rockspec")
    assert.is_truthy(versioned:find('version = "' .. v .. '-1"', 1, true))
    assert.is_truthy(versioned:find('tag = "v' .. v .. '"', 1, true))
  end)

  it("is built by the scm and current rockspecs from every C file, on Lua 5.1-5.5, without lua-cjson", function()
    local v = hs._VERSION:match("(%d+%.%d+%.%d+)")
    local make = read("Makefile")
    local core = assert(make:match("\nCORE%s*=%s*([^\n]+)"))
    local binding = assert(make:match("\nSRC%s*=%s*%$%(CORE%)([^\n]+)"))
    local paths = { "httpstatus-scm-1.rockspec" }
    -- the release's rockspec builds its tag's tree: this one while nothing
    -- has changed since; once a file has moved, CHANGELOG.md says so
    local release = "rockspecs/httpstatus-" .. v .. "-1.rockspec"
    local moved = false
    for f in read(release):match("sources = (%b{})"):gmatch('"([^"]+)"') do
      local file = io.open(f, "rb")
      if file then file:close() else moved = true end
    end
    if moved then
      assert.is_truthy(read("CHANGELOG.md"):find("^# Changelog\n\n## Unreleased\n"),
        release .. " names files this tree has moved: CHANGELOG.md needs an Unreleased section")
    else
      paths[2] = release
    end
    for _, path in ipairs(paths) do
      local spec, chunk = {}
      if setfenv then
        chunk = setfenv(assert(loadstring(read(path), "=" .. path)), spec)
      else
        chunk = assert(load(read(path), "=" .. path, "t", spec))
      end
      chunk()
      local sources = {}
      for _, f in ipairs(spec.build.modules.httpstatus.sources) do sources[f] = true end
      local n = 0
      for f in (core .. " " .. binding):gmatch("%S+") do
        n = n + 1
        assert.is_true(sources[f], path .. " does not build " .. f)
      end
      assert.are.equal(n, #spec.build.modules.httpstatus.sources)
      assert.are.same({ "lua >= 5.1, < 5.6" }, spec.dependencies, path)
      assert.are.same({ type = "busted" }, spec.test, path)
    end
  end)

  it("has an entry in CHANGELOG.md", function()
    local v = hs._VERSION:match("(%d+%.%d+%.%d+)")
    assert.is_truthy(read("CHANGELOG.md"):find("## " .. v, 1, true))
  end)
end)

describe("the loaded module", function()
  it("sets no global", function()
    local before = {}
    for k in pairs(_G) do before[k] = true end
    package.loaded.httpstatus = nil
    local again = require "httpstatus"
    assert.is_table(again)
    for k in pairs(_G) do assert.is_true(before[k], "new global " .. tostring(k)) end
    assert.is_nil(rawget(_G, "httpstatus"))
  end)
end)
