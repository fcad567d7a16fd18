#!/bin/sh
# tests/host_wrk.sh: the recipe of doc/hosts.md's wrk section, as written
# there, run by a real wrk (Debian's, LuaJIT) for one second against a
# Python file server on a loopback port (this script's child, stopped by
# its pid), with both editions: the C module (build/jit), then the pure
# edition (no C module on the path). Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
BUILD=${BUILD:-build}
T=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
TAP_OUT="$T/out"
. tests/tap.sh

lua5.4 tests/doc_blocks.lua doc/hosts.md "$T" classes.lua > "$T/extract.log" 2>&1
check "doc/hosts.md's wrk block, and the module for LuaJIT (build/jit)" sh -c "
  cat '$T/extract.log'; [ -f '$T/classes.lua.in' ] && make --no-print-directory -s '$BUILD/jit/httpstatus.so'"

mkdir -p "$T/www" && echo hello > "$T/www/index.html"
port=$(lua5.4 -e 'math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 65536)
  print(math.random(20000, 60000))')
(cd "$T/www" && exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1) > "$T/server.log" 2>&1 &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
  curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/index.html" && break
  sleep 0.2
done

run_edition() {
  edition=$1 cpath=$2
  sed -e "s|@CPATH@|$cpath|g" -e "s|@LPATH@|$ROOT/lua/?.lua|g" "$T/classes.lua.in" > "$T/classes.lua"
  check "wrk ($edition): every response counted by class, the 200s and the 404s" sh -c "
    timeout 30 wrk -t 2 -c 4 -d 1s -s '$T/classes.lua' 'http://127.0.0.1:$port/' > '$T/wrk.out' 2>&1;
    cat '$T/wrk.out' >&2
    ok=\$(sed -n 's/^successful //p' '$T/wrk.out'); missing=\$(sed -n 's/^client_error //p' '$T/wrk.out')
    other=\$(sed -n 's/^server_error //p;s/^invalid //p' '$T/wrk.out' | awk '{ s += \$1 } END { print s + 0 }')
    all=\$(sed -n 's/^requests //p' '$T/wrk.out')
    [ \"\${ok:-0}\" -gt 10 ] && [ \"\${missing:-0}\" -gt 10 ] && [ \"\$other\" -eq 0 ] &&
    [ \$((ok + missing)) -eq \"\${all:--1}\" ]"
}

run_edition "the C module, LuaJIT" "$ROOT/$BUILD/jit/?.so"
run_edition "the pure edition" "$T/no-such-dir/?.so"
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
check "the file server stopped by its pid" sh -c "! kill -0 $server 2>/dev/null"
server=""
tap_done
