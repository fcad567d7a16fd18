#!/bin/sh
# tests/hosts.sh: the pure-Lua edition in real hosts that cannot load C
# modules, each answering tests/host_calls.lua exactly as the C module does
# (Lua 5.4, build/5.4):
#   - Redis (redis-server from Debian, on a free loopback port, started and
#     stopped here by its pid): the file run through EVAL, and loaded as a
#     library with FUNCTION LOAD, then called with FCALL;
#   - Fengari (the npm package fengari, Lua 5.3 on node, installed into
#     build/fengari from the npm registry the first time).
# Prints TAP (tests/tap.sh); exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

# the module as a host gets it when it cannot `require`: the file's text
# as a function, called once
{ echo "local hs = (function()"; cat lua/httpstatus/pure.lua; echo "end)()"; } > "$T/module.lua"
{ cat "$T/module.lua"; echo "return (function(...)"; cat tests/host_calls.lua; echo "end)(hs)"; } > "$T/chunk.lua"

check "the C module's answers to tests/host_calls.lua (lua5.4, $BUILD/5.4)" sh -c "
  make --no-print-directory -s '$BUILD/5.4/httpstatus.so' &&
  LUA_CPATH='$BUILD/5.4/?.so' lua5.4 -e 'io.write((loadfile(\"tests/host_calls.lua\"))(require \"httpstatus\"), \"\\n\")' \
    > '$T/c.out' && [ \$(wc -l < '$T/c.out') -gt 300 ]"

# --- Redis -------------------------------------------------------------------
port=$(free_port)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$T" > "$T/redis.log" 2>&1 &
pid=$!
check "redis-server $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') answers on 127.0.0.1:$port" sh -c "
  for i in \$(seq 100); do redis-cli -p $port ping 2>/dev/null | grep -qx PONG && exit 0; sleep 0.1; done
  cat '$T/redis.log'; exit 1"
check "Redis EVAL: the file and the calls in one script, the same answers as the C module" sh -c "
  redis-cli -p $port EVAL \"\$(cat '$T/chunk.lua')\" 0 > '$T/redis.out' 2>&1 && diff '$T/c.out' '$T/redis.out'"
# (while a library loads, Redis gives it no base function: the module is
# made on the first call, as doc/api.md shows)
{ echo "#!lua name=httpstatus"; echo "local module = function()"; cat lua/httpstatus/pure.lua; echo "end"
  cat <<'EOF'
local hs
local function httpstatus()
  hs = hs or module()
  return hs
end
redis.register_function("hs_reason", function(_, args) return httpstatus().reason(tonumber(args[1])) or false end)
redis.register_function("hs_uncovered", function(_, args)
  local set = httpstatus().set
  local covered = set("")
  for i = 1, #args do covered = covered + args[i] end
  return tostring(set("100-599") - covered)
end)
EOF
} > "$T/library.lua"
check "Redis FUNCTION LOAD: the file as a library; FCALL answers" sh -c "
  redis-cli -p $port -x FUNCTION LOAD < '$T/library.lua' > '$T/load.out' 2>&1 && grep -qx httpstatus '$T/load.out' &&
  [ \"\$(redis-cli -p $port FCALL hs_reason 0 404)\" = 'Not Found' ] &&
  [ \"\$(redis-cli -p $port FCALL hs_uncovered 0 2xx,3xx 5xx,429)\" = '1xx,400-428,430-499' ] ||
  { cat '$T/load.out'; exit 1; }"
stop_child "redis-server" "$pid"
pid=""

# --- Fengari -----------------------------------------------------------------
check "npm install fengari (into $BUILD/fengari)" sh -c "
  [ -f '$BUILD/fengari/node_modules/fengari/package.json' ] || {
    mkdir -p '$BUILD/fengari' && cd '$BUILD/fengari' &&
    timeout 300 npm install --silent --no-audit --no-fund --no-save fengari@0.1.4; }"
check "Fengari (Lua 5.3 on node $(node --version)): the same answers as the C module" sh -c "
  NODE_PATH='$BUILD/fengari/node_modules' node tests/fengari_host.js '$T/chunk.lua' > '$T/fengari.out' &&
  diff '$T/c.out' '$T/fengari.out'"
tap_done
