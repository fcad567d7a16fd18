#!/bin/sh
# tests/host_wrk.sh: the recipe of doc/hosts.md's wrk section, as written
# there, run by a real wrk (Debian's, LuaJIT) for one second against a
# Python file server on a loopback port (this script's child, stopped by
# its pid), with both editions: the C module (build/jit), then the pure
# edition (no C module on the path). Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "wrk block, and the module for LuaJIT (build/jit)" classes.lua -- "$BUILD/jit/httpstatus.so"

mkdir -p "$T/www" && echo hello > "$T/www/index.html"
port=$(free_port)
(cd "$T/www" && exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1) > "$T/server.log" 2>&1 &
pid=$!
wait_up "http://127.0.0.1:$port/index.html"

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
stop_child "the file server" "$pid"
pid=""
tap_done
