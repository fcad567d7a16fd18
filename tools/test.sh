#!/bin/sh
# tools/test.sh: everything `make test` checks, on every interpreter.
#
# How steps run and are counted: tools/steps.sh. Lua 5.5 needs its source
# (../shared/lua-5.5.0 beside the clone, or LUA55_SRC): without it a local
# run says loudly SKIPPED; under CI=true that is a failure. Ends with one
# line "total: N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
LABEL=total DEPS=test
. tools/steps.sh

section "build"
if ! timeout 300 make --no-print-directory all >"$TMP/out" 2>&1; then
  cat "$TMP/out"; bad "build with $(${CC:-cc} --version | head -1)"; finish
fi
missing=""
for d in 5.1 5.2 5.3 5.4 jit; do [ -f "build/$d/httpstatus.so" ] || missing="$missing $d"; done
if [ -n "$missing" ]; then
  bad "build: no module for$missing"
else
  ok "build (gcc, -std=c99 -pedantic -Wall -Wextra -Werror) for 5.1 5.2 5.3 5.4 jit"
fi

# The minimums below are what each step runs today (December 2026).
section "Lua 5.5 and the Lua builds embedders make (tests/plain.lua: busted does not run on 5.5)"
tap_run "Lua 5.5 as it comes: the C module and the pure edition (LUA_32BITS and the like: make test-deep)" 2613 900 \
  sh tools/lua55.sh default

section "specs (busted)"
for pair in lua5.1:5.1:343 lua5.2:5.2:343 lua5.3:5.3:343 lua5.4:5.4:343 luajit:jit:343; do
  lua=${pair%%:*} rest=${pair#*:}; dir=${rest%%:*} min=${rest#*:}
  tap_run "$($lua -v 2>&1 | head -1 | cut -d' ' -f1-2), build/$dir" "$min" 300 \
    $lua /usr/bin/busted -o TAP --cpath="$ROOT/build/$dir/?.so"
done
# the build OpenResty users get from luarocks on Debian (PUC 5.1's headers) under LuaJIT
tap_run "LuaJIT, build/5.1 (the 5.1 ABI built against PUC Lua 5.1's headers)" 343 300 \
  luajit /usr/bin/busted -o TAP --cpath="$ROOT/build/5.1/?.so"

section "the pure-Lua edition: the specs, call by call against the C module, in Redis and Fengari"
for l in lua5.1 lua5.2 lua5.3 lua5.4 luajit; do
  tap_bg "the specs on $l against lua/httpstatus/pure.lua (all but #c_only)" 355 300 \
    $l /usr/bin/busted -o TAP --helper=spec/pure_helper.lua --exclude-tags=c_only
done
# (100 000 on 5.4 and LuaJIT, 10 000 on 5.1-5.3: make test-deep)
for pair in lua5.4:5.4:20000 luajit:jit:20000; do
  lua=${pair%%:*} rest=${pair#*:}; dir=${rest%%:*} n=${rest#*:}
  tap_bg "$lua: the pure edition and build/$dir on $n inputs a function" 37 300 \
    env LUA_CPATH="$ROOT/build/$dir/?.so" $lua tests/pure_diff.lua "$n"
done
tap_wait
tap_run "Redis (EVAL, FUNCTION LOAD) and Fengari run the pure edition" 7 300 sh tests/hosts.sh
tap_run "content negotiation against werkzeug and negotiator, 20 000 values of each field" 4 300 sh tests/peers.sh
tap_run "error bodies with hostile details, 10 000 of each read by Python's json and html.parser" 2 300 sh -c "
  LUA_CPATH='$ROOT/build/5.4/?.so' lua5.4 tests/bodies.lua 10000 > '$TMP/bodies' && /usr/bin/python3 tests/bodies.py < '$TMP/bodies'"

section "OpenResty: nginx $(nginx -v 2>&1 | sed 's|.*/||') with the Lua module"
for dir in jit 5.1; do
  # a directory of nginx's own, outside $TMP (which only we may enter): see the spec
  prefix=$(mktemp -d)
  tap_run "OpenResty, the module of build/$dir" 26 300 env HS_NGINX_PREFIX="$prefix" \
    HS_OPENRESTY_MODULE="$ROOT/build/$dir/httpstatus.so" lua5.4 /usr/bin/busted --run=openresty -o TAP
  # stop nginx whatever happened to busted
  if [ -f "$prefix/logs/nginx.pid" ] && kill -0 "$(cat "$prefix/logs/nginx.pid")" 2>/dev/null; then
    kill -KILL "$(cat "$prefix/logs/nginx.pid")"; bad "nginx was still running after the OpenResty specs"
  fi
  rm -rf "$prefix"; prefix=""
done

section "C tests, sanitizers, valgrind"
# in two lanes of about the same length (a step waits for the oldest one
# running): the sanitizers then valgrind, the pure edition's sweep then
# the rest of the C tests
tap_bg "ASan+UBSan, TSan: C tests and the specs" 348 600 make --no-print-directory -s sanitize
tap_bg "the memory sweep of the pure edition (make ctest-pure)" 4 300 make --no-print-directory -s ctest-pure
tap_bg "valgrind: the C tests (the specs under valgrind: make test-deep)" 21 900 make --no-print-directory -s valgrind-c
tap_bg "C tests (core, dates against 1.1.1, states, the memory sweep of the C module)" 33 300 \
  make --no-print-directory -s ctest-c
tap_wait

section "the C library and static embedding: C and C++ hosts"
tap_run "make install into a temporary prefix, hosts built against it" 23 300 sh tests/install.sh
tap_run "the Lua module linked into a host, 100 states" 4 300 sh tests/embed.sh

section "fuzzing (the build with clang and the static analysis: make test-deep)"
tap_run "fuzz: each target 30000 runs from the committed corpus, seed 1 (100000 and coverage: make test-deep)" 7 900 \
  sh tools/fuzz.sh runs 30000

section "benchmark (quick mode: proves it runs; speed is never asserted)"
check "make bench QUICK=1 on every Lua, the luarocks build, the fresh-state require, the C bench" 600 \
  make --no-print-directory bench QUICK=1

section "lint and rock"
check "luacheck" 120 luacheck -q .
for spec in httpstatus-scm-1.rockspec rockspecs/httpstatus-*.rockspec; do
  check "luarocks lint $spec" 60 luarocks lint "$spec"
done
for v in 5.1 5.2 5.3 5.4; do
  tree="$TMP/tree-$v"
  check "luarocks --lua-version=$v make, then require and the installed command" 300 sh -c "
    luarocks --lua-version=$v --tree='$tree' make --deps-mode=none httpstatus-scm-1.rockspec >'$TMP/rock-$v' &&
    rm -f httpstatus.so src/core/*.o src/lua/*.o &&
    eval \"\$(luarocks --lua-version=$v --tree='$tree' path)\" &&
    lua$v -e \"package.path='$tree/share/lua/$v/?.lua' package.cpath='$tree/lib/lua/$v/?.so'
      local hs = require 'httpstatus'
      assert(hs.reason(404) == 'Not Found', 'installed module does not answer')
      assert(type(hs.set('')) == 'userdata', 'require httpstatus is not the C module')
      local pure = require 'httpstatus.pure'
      assert(pure.reason(404) == 'Not Found' and type(pure.set('')) == 'table', 'no pure edition installed')
      assert(io.open('$tree/share/lua/$v/httpstatus/ngx.lua'), 'no httpstatus.ngx installed')
      print(hs._VERSION)\" &&
    rock=\$(luarocks --lua-version=$v --tree='$tree' show --rock-dir httpstatus) &&
    [ -f \"\$rock/types/library/httpstatus.lua\" ] && [ -f \"\$rock/types/httpstatus.d.tl\" ] &&
    '$tree/bin/httpstatus' 404 > '$TMP/cmd-$v' && [ \"\$(head -1 '$TMP/cmd-$v')\" = '404 Not Found' ] &&
    '$tree/bin/httpstatus' --json 'HTTP/1.1 503 x' > '$TMP/json-$v' && grep -q '\"retry\":true' '$TMP/json-$v'"
done
# `luarocks test` resolves busted as a rock, from the LuaRocks server when
# online; here Debian's busted is registered as one in the 5.4 tree
mkdir -p "$TMP/busted-rock/bin"
printf '%s\n' "require 'busted.runner'({ standalone = false })" > "$TMP/busted-rock/bin/busted"
printf '%s\n' 'rockspec_format = "3.0"' 'package = "busted"' 'version = "2.1.1-1"' 'source = { url = "." }' \
  'build = { type = "builtin", modules = {}, install = { bin = { busted = "bin/busted" } } }' \
  > "$TMP/busted-rock/busted-2.1.1-1.rockspec"
printf 'rocks_trees = { { name = "test", root = "%s" } }\nrocks_servers = {}\n' "$TMP/tree-5.4" > "$TMP/luarocks.lua"
timeout 120 sh -c "cd '$TMP/busted-rock' && luarocks --lua-version=5.4 --tree='$TMP/tree-5.4' make --deps-mode=none \
  busted-2.1.1-1.rockspec" >"$TMP/out" 2>&1 || { cat "$TMP/out"; bad "registering Debian's busted as a rock"; }
rm -f httpstatus.so src/core/*.o src/lua/*.o
tap_run "luarocks test: the specs against the rock luarocks make installed (lua5.4)" 343 300 \
  env LUAROCKS_CONFIG="$TMP/luarocks.lua" luarocks --lua-version=5.4 test httpstatus-scm-1.rockspec -- -o TAP

finish
