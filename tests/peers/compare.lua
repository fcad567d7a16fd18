-- tests/peers/compare.lua CASES WERKZEUG NEGOTIATOR: this module's answers
-- (hs.negotiate, hs.negotiate_language) to the cases of tests/peers/cases.lua
-- against those of the two peers. A difference passes only where it is one
-- of the points, listed in doc/api.md ("Against other implementations"),
-- where that peer departs from RFC 9110; which point, is told by the case
-- itself, as this module reads it. Prints TAP: for each peer and field,
-- the differences by point, and a failure for any other.
local cjson = require "cjson"
local hs = require "httpstatus"

local function lines(path)
  local t = {}
  for l in io.lines(path) do t[#t + 1] = cjson.decode(l) end
  return t
end
local cases, answers = lines(arg[1]), { werkzeug = lines(arg[2]), negotiator = lines(arg[3]) }

-- the members of a value, as the cases write them (no comma is quoted)
local function members(v)
  local list = {}
  for m in v:gmatch("[^,]+") do
    m = m:match("^[ \t]*(.-)[ \t]*$")
    if m ~= "" then list[#list + 1] = m end
  end
  return list
end

-- whether member m is one this module skips: alone, it leaves the value
-- with nothing to read (so any offer is taken), and beside a member of
-- weight 0.001 for another offer, it gives nothing to the first
local PROBE = {
  m = { f = hs.negotiate, a = "zz/zz", b = "yy/yy" },
  l = { f = hs.negotiate_language, a = "zz", b = "yy" },
}
local function malformed(kind, m)
  local p = PROBE[kind]
  return p.f(m, { p.a }, false) == p.a and p.f(m .. ", " .. p.b .. ";q=0.001", { p.a, p.b }) == p.b
end

-- the points where a peer departs, in the order they are looked for: each
-- the peers it is seen in, and a test of the case (the case, the
-- function, ours, theirs)
local BOTH = { werkzeug = true, negotiator = true }
local WERKZEUG = { werkzeug = true }
local POINTS = {
  { "a tie broken another way (its order, not the server's or the reader's)", BOTH, function(c, f, ours, theirs)
    if ours == nil or theirs == nil then return false end
    -- equal weights: the server's order (Accept), or the reader's (the
    -- members turned round: Accept-Language) then picks the peer's
    local turned = {}
    for i, m in ipairs(members(c.v)) do turned[#members(c.v) - i + 1] = m end
    return f(c.v, { theirs, ours }) == theirs or f(table.concat(turned, ", "), c.o) == theirs
  end },
  { "a weight written Q= read as a parameter", WERKZEUG, function(c)
    return c.v:find(";%s*Q=") ~= nil
  end },
  { "of equally specific ranges, another than the first read", BOTH, function(c)
    local seen = {}
    for _, m in ipairs(members(c.v)) do
      local r = m:gsub("%s*;%s*[qQ]=[^;]*$", ""):lower()
      if seen[r] then return true end
      seen[r] = true
    end
    return false
  end },
  { "a value with no member to read taken as accepting nothing", BOTH, function(c)
    for _, m in ipairs(members(c.v)) do
      if not malformed(c.k, m) then return false end
    end
    return true
  end },
  { "a member RFC 9110 makes malformed read (a weight beyond 0-1 or with four decimals, a parameter after "
    .. "the weight, */html, an _ or a subtag of more than 8 letters)", BOTH, function(c)
    for _, m in ipairs(members(c.v)) do
      if malformed(c.k, m) then return true end
    end
    return false
  end },
  { "parameters: a range's ignored, or an offer's made to count", WERKZEUG, function(c)
    if c.k ~= "m" then return false end
    for _, m in ipairs(members(c.v)) do
      if m:gsub(";%s*[qQ]=[^;]*$", ""):find(";") then return true end
    end
    for _, o in ipairs(c.o) do
      if o:find(";") then return true end
    end
    return false
  end },
  { "Chinese matched by tag, not by script (zh-TW, zh-Hant, zh-CN, zh-Hans)", BOTH, function(c)
    return c.k == "l" and (c.v:lower():find("zh%-") or table.concat(c.o, " "):lower():find("zh%-")) ~= nil
  end },
  { "a range matched to a shorter tag (en-GB to en) or a tag to a shorter range, one way only", BOTH,
    function(c, f)
    if c.k ~= "l" then return false end
    for _, m in ipairs(members(c.v)) do
      local r = m:match("^([%w%-]+)")
      for _, o in ipairs(c.o) do
        if r and r:lower() ~= o:lower() and f(r, { o }, false) == o then return true end
      end
    end
    return false
  end },
}

local n = 0
local failed = false
for _, peer in ipairs { "werkzeug", "negotiator" } do
  for _, kind in ipairs { "m", "l" } do
    local f = kind == "m" and hs.negotiate or hs.negotiate_language
    local counts, total, other, same = {}, 0, {}, 0
    for i, c in ipairs(cases) do
      if c.k == kind then
        total = total + 1
        local ours = f(c.v, c.o)
        local theirs = answers[peer][i]
        if theirs == cjson.null then theirs = nil end
        if ours == theirs then
          same = same + 1
        else
          local why
          for k, p in ipairs(POINTS) do
            if p[2][peer] and p[3](c, f, ours, theirs) then why = k break end
          end
          if why then
            counts[why] = (counts[why] or 0) + 1
          else
            other[#other + 1] = ("%q with %s: ours %s, %s %s"):format(c.v, table.concat(c.o, " "), tostring(ours),
              peer, tostring(theirs))
          end
        end
      end
    end
    n = n + 1
    local field = kind == "m" and "Accept" or "Accept-Language"
    local ok = #other == 0 and total >= 20000
    if not ok then failed = true end
    print(("%s %d - %s, %s: %d cases, %d the same answer, %d differ at a point doc/api.md lists, %d elsewhere")
      :format(ok and "ok" or "not ok", n, peer, field, total, same, total - same - #other, #other))
    for k, p in ipairs(POINTS) do
      if counts[k] then print(("#   %6d  %s"):format(counts[k], p[1])) end
    end
    for j = 1, math.min(#other, 10) do print("#   elsewhere: " .. other[j]) end
  end
end
print("1.." .. n)
os.exit(failed and 1 or 0)
