#!/bin/sh
# tools/test.sh: everything `make test` checks, on every interpreter.
# Ends with one line "total: N passed, N failed"; exits non-zero on any failure.
# Every step has a time limit (timeout), so that a hang fails instead of stalling.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
sh tools/deps.sh test || exit 1

passed=0
failed=0
TMP=$(mktemp -d)
prefix=""
trap 'rm -rf "$TMP" ${prefix:+"$prefix"}' EXIT INT TERM

ok() { passed=$((passed + 1)); echo "ok      $1"; }
bad() { failed=$((failed + 1)); echo "FAILED  $1"; }
# check NAME CMD...: one counted test, its output shown only when it fails
check() {
  name=$1; shift
  if "$@" >"$TMP/out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/    /' "$TMP/out"; fi
}
# count_run NAME RC: adds the counts a run printed into $TMP/run: busted's
# "N successes / N failures / N errors" and C tests' "word: N passed, N failed".
count_run() {
  counts=$(sed -n -E \
    -e 's|^([0-9]+) success(es)? / ([0-9]+) failures? / ([0-9]+) errors? / [0-9]+ pending.*|\1 \3 \4|p' \
    -e 's|^[a-z]+: ([0-9]+) passed, ([0-9]+) failed$|\1 \2 0|p' "$TMP/run")
  if [ -z "$counts" ]; then
    cat "$TMP/run"; bad "$1: no result (exit $2)"; return
  fi
  f_before=$failed
  # shellcheck disable=SC2086
  set -- "$1" "$2" $counts
  name=$1 rc=$2
  shift 2
  while [ $# -ge 3 ]; do
    passed=$((passed + $1)); failed=$((failed + $2 + $3)); shift 3
  done
  if [ "$failed" -ne "$f_before" ] || [ "$rc" -ne 0 ]; then
    cat "$TMP/run"
    [ "$failed" -ne "$f_before" ] || bad "$name: exited $rc"
  fi
  grep -E '^([0-9]+ success|[a-z]+: [0-9]+ passed)' "$TMP/run" | sed "s|^|   $name: |"
}

skipped=""
finish() {
  echo
  [ -z "$skipped" ] || echo "SKIPPED: $skipped"
  echo "total: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

echo "== build"
if ! make --no-print-directory all >"$TMP/out" 2>&1; then
  cat "$TMP/out"; bad "build with $(${CC:-cc} --version | head -1)"; finish
fi
missing=""
for d in 5.1 5.2 5.3 5.4 jit; do [ -f "build/$d/httpstatus.so" ] || missing="$missing $d"; done
if [ -n "$missing" ]; then
  bad "build: no module for$missing"
else
  ok "build (gcc, -std=c99 -pedantic -Wall -Wextra -Werror) for 5.1 5.2 5.3 5.4 jit"
fi
check "build with clang (-Werror)" make --no-print-directory CC=clang BUILD="$TMP/clang" all

echo
echo "== specs (busted)"
for pair in lua5.1:5.1 lua5.2:5.2 lua5.3:5.3 lua5.4:5.4 luajit:jit; do
  lua=${pair%%:*}; dir=${pair#*:}
  echo "-- $($lua -v 2>&1 | head -1)"
  timeout 300 $lua /usr/bin/busted -o plainTerminal --cpath="$ROOT/build/$dir/?.so" >"$TMP/run" 2>&1
  count_run "$lua" $?
done

echo
echo "== Lua 5.5 (tests/plain.lua: busted does not run there)"
timeout 300 sh tools/lua55.sh >"$TMP/run" 2>&1; rc=$?
if grep -q '^SKIPPED' "$TMP/run"; then
  cat "$TMP/run"; skipped="Lua 5.5 (no lua5.5 and no Lua 5.5 source: see above)"
else
  grep '^Lua 5.5' "$TMP/run" | sed 's/^/   /'
  count_run "lua5.5" $rc
fi

echo
echo "== OpenResty: nginx $(nginx -v 2>&1 | sed 's|.*/||') with the Lua module, module from build/jit"
# a directory of nginx's own, outside $TMP (which only we may enter): see the spec
prefix=$(mktemp -d)
HS_NGINX_PREFIX="$prefix" HS_OPENRESTY_MODULE="$ROOT/build/jit/httpstatus.so" \
  timeout 300 lua5.4 /usr/bin/busted --run=openresty -o plainTerminal >"$TMP/run" 2>&1
rc=$?
# stop nginx whatever happened to busted
if [ -f "$prefix/logs/nginx.pid" ] && kill -0 "$(cat "$prefix/logs/nginx.pid")" 2>/dev/null; then
  kill -KILL "$(cat "$prefix/logs/nginx.pid")"; bad "nginx was still running after the OpenResty specs"
fi
rm -rf "$prefix"
count_run "OpenResty" $rc

echo
echo "== C tests, sanitizers, valgrind"
timeout 300 make --no-print-directory -s ctest >"$TMP/run" 2>&1; count_run "C tests" $?
timeout 600 make --no-print-directory -s sanitize >"$TMP/run" 2>&1; count_run "ASan+UBSan, TSan" $?
timeout 900 make --no-print-directory -s valgrind >"$TMP/run" 2>&1; count_run "valgrind" $?

echo
echo "== the C library: make install into a temporary prefix, C hosts built against it"
timeout 300 sh tests/install.sh >"$TMP/run" 2>&1; count_run "install" $?

echo
echo "== static analysis and fuzzing"
check "cppcheck and clang-tidy (make analyze)" make --no-print-directory -s analyze
sh tools/fuzz.sh "${FUZZ_TIME:-20}" >"$TMP/run" 2>&1; rc=$?
grep -E '^(ok|FAILED) ' "$TMP/run" | sed 's/^/   /'
count_run "fuzz" $rc

echo
echo "== benchmark (quick mode: proves it runs; speed is never asserted)"
check "make bench QUICK=1 on every Lua, and the fresh-state require on 5.4 and LuaJIT" make --no-print-directory bench QUICK=1

echo
echo "== lint and rock"
check "luacheck" luacheck -q .
for spec in httpstatus-scm-1.rockspec rockspecs/httpstatus-*.rockspec; do
  check "luarocks lint $spec" luarocks lint "$spec"
done
for v in 5.1 5.2 5.3 5.4; do
  tree="$TMP/tree-$v"
  check "luarocks --lua-version=$v make, then require and the installed command" sh -c "
    luarocks --lua-version=$v --tree='$tree' make --deps-mode=none httpstatus-scm-1.rockspec &&
    rm -f httpstatus.so src/*.o &&
    eval \"\$(luarocks --lua-version=$v --tree='$tree' path)\" &&
    lua$v -e \"package.path='' package.cpath='$tree/lib/lua/$v/?.so'
      local hs = require 'httpstatus'
      assert(hs.reason(404) == 'Not Found', 'installed module does not answer')
      print(hs._VERSION)\" &&
    '$tree/bin/httpstatus' 404 | head -1 | grep -qx '404 Not Found' &&
    '$tree/bin/httpstatus' --json 'HTTP/1.1 503 x' | grep -q '\"retry\":true'"
done
# `luarocks test` resolves busted as a rock, from the LuaRocks server when
# online; here Debian's busted is registered as one in the 5.4 tree
mkdir -p "$TMP/busted-rock/bin"
printf '%s\n' "require 'busted.runner'({ standalone = false })" > "$TMP/busted-rock/bin/busted"
printf '%s\n' 'rockspec_format = "3.0"' 'package = "busted"' 'version = "2.1.1-1"' 'source = { url = "." }' \
  'build = { type = "builtin", modules = {}, install = { bin = { busted = "bin/busted" } } }' \
  > "$TMP/busted-rock/busted-2.1.1-1.rockspec"
printf 'rocks_trees = { { name = "test", root = "%s" } }\nrocks_servers = {}\n' "$TMP/tree-5.4" > "$TMP/luarocks.lua"
check "luarocks test: the specs against the rock luarocks make installed (lua5.4)" sh -c "
  (cd '$TMP/busted-rock' && luarocks --lua-version=5.4 --tree='$TMP/tree-5.4' make --deps-mode=none \
     busted-2.1.1-1.rockspec) &&
  rm -f httpstatus.so src/*.o &&
  LUAROCKS_CONFIG='$TMP/luarocks.lua' luarocks --lua-version=5.4 test httpstatus-scm-1.rockspec -- -o plainTerminal \
    > '$TMP/luarocks-test' 2>&1 &&
  grep -E '^[0-9]+ successes / 0 failures / 0 errors' '$TMP/luarocks-test' ||
  { cat '$TMP/luarocks-test'; exit 1; }"

finish
