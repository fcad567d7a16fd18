-- bench/error_modes.lua MODE N [M]: N calls of hs.error_response for a
-- browser's request (Chrome's Accept, "zh-CN,zh;q=0.9,en;q=0.8") over a
-- mix of error codes, in one of these modes, so that callgrind can count
-- what a call costs in each (tools/bench.sh runs it with N 1000 and 11000
-- and prints the difference over 10000):
--   repeat  the same values each call (the strings reused)
--   copies  the same values as new strings each call (PUC Lua gives each
--           request's header a string of its own)
--   detail  the same values, and a detail (the body is written each call)
--   new     a new value of each field each call (negotiated each time)
--   none    a new value of each field, and a detail (nothing kept helps)
--   cjson   cjson.encode(hs.problem(code)), the baseline
-- Every run builds the same M inputs first (11000 unless given; N at
-- most M), whatever N is, so that two runs differ by their calls alone.
local hs = require "httpstatus"
local A = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
  .. "application/signed-exchange;v=b3;q=0.7"
local AL = "zh-CN,zh;q=0.9,en;q=0.8"
local codes = { 400, 401, 403, 404, 405, 409, 410, 413, 422, 429, 500, 502, 503, 504 }
local mode, N, M = arg[1], tonumber(arg[2]), tonumber(arg[3] or 11000)
assert(N and N <= M, "usage: error_modes.lua MODE N [M], N at most M")
local fresh, freshl, same, samel = {}, {}, {}, {}
for i = 1, M do
  fresh[i], freshl[i] = A .. ",x/y" .. i, AL .. ",x-" .. i
  same[i], samel[i] = (A .. "x"):sub(1, -2), (AL .. "x"):sub(1, -2)
end
local er = hs.error_response
if mode == "repeat" then
  for i = 1, N do er(codes[i % 14 + 1], { accept = A, accept_language = AL }) end
elseif mode == "copies" then
  for i = 1, N do er(codes[i % 14 + 1], { accept = same[i], accept_language = samel[i] }) end
elseif mode == "detail" then
  for i = 1, N do er(codes[i % 14 + 1], { accept = A, accept_language = AL, detail = "x" }) end
elseif mode == "new" then
  for i = 1, N do er(codes[i % 14 + 1], { accept = fresh[i], accept_language = freshl[i] }) end
elseif mode == "none" then
  for i = 1, N do er(codes[i % 14 + 1], { accept = fresh[i], accept_language = freshl[i], detail = "x" }) end
elseif mode == "cjson" then
  local cjson = require "cjson"
  local enc, problem = cjson.encode, hs.problem
  for i = 1, N do enc(problem(codes[i % 14 + 1])) end
else
  error("usage: error_modes.lua repeat|copies|detail|new|none|cjson N")
end
