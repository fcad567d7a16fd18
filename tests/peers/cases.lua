-- tests/peers/cases.lua N: N Accept and N Accept-Language cases for the
-- comparison with werkzeug and negotiator (tests/peers.sh), one JSON object
-- a line: { "k": "m" (media) or "l" (language), "v": the field value,
-- "o": the offers }. The values are printable ASCII (what both peers take
-- as a header): members that parse and members that do not, weights at
-- and beyond their limits, ties, parameters, the RFC's own examples first.
local N = tonumber(arg[1]) or 20000
local rand, pick = dofile("tests/rand.lua")(20261207)

local function json(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return ("\\u%04x"):format(c:byte()) end) .. '"'
end
local function emit(kind, value, offers)
  local o = {}
  for i, x in ipairs(offers) do o[i] = json(x) end
  print(('{"k":"%s","v":%s,"o":[%s]}'):format(kind, json(value), table.concat(o, ",")))
end

local MEDIA_OFFERS = { "application/problem+json", "application/json", "text/html", "text/plain", "image/webp",
                       "text/plain;format=flowed", "text/plain;format=fixed", "text/html;level=1", "image/jpeg" }
local RANGES = { "text/html", "text/*", "*/*", "application/json", "application/*", "text/plain", "image/webp",
                 "image/*", "application/problem+json", "text/plain;format=flowed", "text/html;level=1",
                 'text/plain;format="fixed"', "TEXT/HTML", "application/xml", "*/html", "text/", "text" }
local MWEIGHTS = { "", "", "", ";q=0", ";q=1", ";q=0.5", ";q=0.9", ";q=0.8", ";q=0.001", ";q=0.3", " ; q=0.7",
                   ";Q=0.2", ";q=1.5", ";q=0.1234", ";q=2", ";q=-1", ";q=0.5;x=y", ";q=" }
local LANG_OFFERS = { "en", "en-US", "en-GB", "fr", "de", "zh-Hans", "zh-Hant", "zh", "zh-TW", "zh-CN", "ja" }
local LRANGES = { "en", "en-US", "en-GB", "fr", "fr-CA", "de", "*", "zh", "zh-TW", "zh-CN", "zh-HK", "zh-Hant",
                  "zh-Hans", "ja", "EN", "en_US", "toolongtag", "x-klingon" }
local LWEIGHTS = { "", "", "", ";q=0", ";q=1", ";q=0.5", ";q=0.9", ";q=0.8", ";q=0.3", ";q=0.001", ";q=2", ";q=0.1234" }

local function offers_of(all)
  local list, seen = {}, {}
  for _ = 1, rand(4) do
    local o = pick(all)
    if not seen[o] then seen[o] = true; list[#list + 1] = o end
  end
  return list
end
local function value_of(ranges, weights)
  if rand(50) == 1 then return "" end
  local parts = {}
  for i = 1, rand(6) do parts[i] = pick(ranges) .. pick(weights) end
  return table.concat(parts, pick { ", ", ",", " , " })
end

-- the RFC's and DESIGN's examples first
local rfc = "text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, text/plain;format=fixed;q=0.4, */*;q=0.5"
for _, pair in ipairs { { "text/plain;format=flowed", "text/plain" }, { "text/plain", "text/html" },
                        { "image/jpeg", "text/html" }, { "text/plain;format=fixed", "text/html" } } do
  emit("m", rfc, pair)
  emit("m", rfc, { pair[2], pair[1] })
end
emit("m", "application/json;q=0, */*", { "application/json", "text/html" })
emit("l", "zh-TW,zh;q=0.9,en;q=0.8", { "en", "zh-Hans", "zh-Hant" })
emit("l", "en;q=0, en-GB", { "en-GB" })
for _ = 1, N do emit("m", value_of(RANGES, MWEIGHTS), offers_of(MEDIA_OFFERS)) end
for _ = 1, N do emit("l", value_of(LRANGES, LWEIGHTS), offers_of(LANG_OFFERS)) end
