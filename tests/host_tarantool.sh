#!/bin/sh
# tests/host_tarantool.sh: the script of doc/hosts.md's Tarantool section,
# as written there, run by a real Tarantool (Debian's 2.6, its own LuaJIT)
# from an app folder whose .rocks holds one edition: the C module
# (build/jit, in .rocks/lib/tarantool), then the pure edition (in
# .rocks/share/tarantool). It fetches from tests/status_server.py on a
# loopback port (this script's child, stopped by its pid): /flaky answers
# 503 with Retry-After: 1 twice, then 200. Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "Tarantool block, and the module for LuaJIT (build/jit)" retry.lua -- "$BUILD/jit/httpstatus.so"
status_server

run_edition() {
  edition=$1 A="$T/app-$2"
  mkdir -p "$A/.rocks/lib/tarantool" "$A/.rocks/share/tarantool/httpstatus"
  case $2 in
    c) cp "$BUILD/jit/httpstatus.so" "$A/.rocks/lib/tarantool/" ;;
    *) cp lua/httpstatus/pure.lua "$A/.rocks/share/tarantool/httpstatus/" ;;
  esac
  cp "$T/retry.lua.in" "$A/retry.lua"
  check "Tarantool ($edition): waits out two 503s with Retry-After: 1, then gets 200; a 404 is not retried" sh -c "
    cd '$A' && a=\$(HOME='$T' timeout 60 tarantool retry.lua 'http://127.0.0.1:$port/flaky/$2' 2>&1) &&
    b=\$(HOME='$T' timeout 60 tarantool retry.lua 'http://127.0.0.1:$port/404' 2>&1)
    echo \"\$a\"; echo \"\$b\"
    [ \"\$a\" = '200 OK after 3 tries' ] && [ \"\$b\" = '404 Not Found after 1 tries' ]"
}

run_edition "the C module" c
run_edition "the pure edition" pure
stop_child "the status server" "$pid"
pid=""
tap_done
