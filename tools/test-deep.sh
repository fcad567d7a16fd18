#!/bin/sh
# tools/test-deep.sh: `make test-deep`, the deepest and slowest checks, kept
# out of `make test` so that it stays a few minutes on a 2-core machine
# (.ci/run runs both; how steps run and are counted: tools/steps.sh):
#   - the whole spec suite under valgrind (lua5.4, build/5.4), in two halves
#     at once (`make valgrind-specs`; make test runs the C tests under it);
#   - the pure edition against the C module call by call on 100 000 inputs a
#     function on Lua 5.4 and LuaJIT (make test runs 20 000 there), and on
#     10 000 on 5.1-5.3;
#   - every libFuzzer target, 100 000 runs from its corpus (make test runs
#     30 000);
#   - Lua 5.5 built with LUA_32BITS, LUA_NOCVTN2S and long double numbers
#     (make test runs Lua 5.5 as it comes): tests/plain.lua with both
#     editions, and the two compared;
#   - the build with clang (-Werror), and cppcheck and clang-tidy;
#   - make coverage: 100% of the lines and 98% of the branches of the C,
#     from the specs, the C tests and the fuzz corpora.
# Installs what it needs (tools/deps.sh test); ends with one line
# "deep: N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
LABEL=deep DEPS=test
. tools/steps.sh

section "build"
check "the module for 5.4 and LuaJIT (build/5.4, build/jit)" 300 \
  make --no-print-directory build/5.4/httpstatus.so build/jit/httpstatus.so
check "build with clang (-Werror)" 300 make --no-print-directory CC=clang BUILD="$TMP/clang" all
check "cppcheck and clang-tidy (make analyze)" 600 make --no-print-directory -s analyze

section "valgrind, the pure edition against the C module, the fuzzers, side by side"
check "the module for 5.1, 5.2 and 5.3" 300 \
  make --no-print-directory build/5.1/httpstatus.so build/5.2/httpstatus.so build/5.3/httpstatus.so
tap_bg "valgrind: the specs (lua5.4, build/5.4)" 343 1200 make --no-print-directory -s valgrind-specs
for pair in lua5.4:5.4:100000 luajit:jit:100000 lua5.1:5.1:10000 lua5.2:5.2:10000 lua5.3:5.3:10000; do
  lua=${pair%%:*} rest=${pair#*:}; dir=${rest%%:*} n=${rest#*:}
  tap_bg "$lua: the pure edition and build/$dir on $n inputs a function" 37 600 \
    env LUA_CPATH="$ROOT/build/$dir/?.so" $lua tests/pure_diff.lua "$n"
done
tap_bg "fuzz: each target 100000 runs from the committed corpus, seed 1" 7 900 sh tools/fuzz.sh runs 100000
tap_wait

section "Lua 5.5 built as embedders build it, and coverage, side by side"
tap_bg "Lua 5.5 with LUA_32BITS, LUA_NOCVTN2S and long double: the C module and the pure edition" 7760 900 \
  sh -c 'rc=0; for v in 32bits nocvtn2s longdouble; do sh tools/lua55.sh "$v" || rc=1; done; exit $rc'
tap_bg "coverage (make coverage): 100% of the lines and 98% of the branches of the C" 7 900 sh tools/coverage.sh
tap_wait

finish
