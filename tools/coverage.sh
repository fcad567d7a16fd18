#!/bin/sh
# tools/coverage.sh: `make coverage`. The module built with gcc --coverage
# for Lua 5.4, for LuaJIT and for PUC Lua 5.1 (the two sides of the 5.1
# ABI: the fast paths and the C functions), and the C core; then the specs
# on each of the three (every one but OpenResty's), the C tests and a
# replay of the fuzz corpora. gcovr then gives the lines and branches of
# the hand-written C that ran (src/core/*.c and src/lua/*.c, the three builds merged; the
# generated src/*/*.inc are left out), its summary and its table by file.
# Fails below 100% of lines or 98% of branches. Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
C=build/cov
FLAGS="-std=c99 -O0 -g --coverage -fprofile-update=atomic -Isrc/core -Isrc/lua"
LUA_INC=${LUA_INC_5_4:-/usr/include/lua5.4}
LUA_INC_51=${LUA_INC_5_1:-/usr/include/lua5.1}
LUA_INC_JIT=${LUA_INC_jit:-/usr/include/luajit-2.1}
TAP_OUT=$(mktemp)
trap 'rm -f "$TAP_OUT"' EXIT INT TERM
. tests/tap.sh
CORE=$(sed -n 's/^CORE *= *//p' Makefile)
SRC="$CORE $(sed -n 's/^SRC *= *\$(CORE) //p' Makefile)"

rm -rf "$C" && mkdir -p "$C/5.4" "$C/jit" "$C/5.1" "$C/fuzz"
check "builds the module (5.4, LuaJIT, 5.1), the C tests and the fuzz replays with --coverage" sh -c "
  for pair in 5.4:'$LUA_INC' jit:'$LUA_INC_JIT' 5.1:'$LUA_INC_51'; do
    (cd '$C'/\${pair%%:*} && gcc $FLAGS -I'$ROOT/src/core' -I'$ROOT/src/lua' -I\${pair#*:} -fPIC -shared -fvisibility=hidden \
      -DHS_LUA_MODULE \$(for f in $SRC; do echo '$ROOT/'\$f; done) -o httpstatus.so) || exit 1
  done &&
  gcc $FLAGS tests/test_core.c $CORE -o '$C/test_core' -lpthread &&
  gcc $FLAGS tests/test_dates.c tests/date_reference.c $CORE -o '$C/test_dates' &&
  gcc $FLAGS -I'$LUA_INC' tests/test_memory.c -o '$C/test_memory' -llua5.4 &&
  for t in fuzz/fuzz_*.c; do
    gcc $FLAGS -Wno-unused-function \$t tests/fuzz_replay.c $CORE -o '$C/fuzz/'\$(basename \$t .c) || exit 1
  done"
for pair in lua5.4:5.4 luajit:jit lua5.1:5.1; do
  lua=${pair%%:*}; dir=${pair#*:}
  check "the specs on $lua, with the module built with --coverage" sh -c "
    timeout 600 $lua /usr/bin/busted -o TAP --cpath='$C/$dir/?.so' > '$C/specs-$dir.tap' 2>&1
    rc=\$?; grep -c '^ok' '$C/specs-$dir.tap'; grep '^not ok' '$C/specs-$dir.tap'; [ \$rc -eq 0 ]"
done
check "the C tests, the date parser against 1.1.1's, and the memory sweep" sh -c "
  timeout 300 '$C/test_core' && timeout 300 '$C/test_dates' fuzz/corpus/date/* &&
  timeout 300 '$C/test_memory' '$C/5.4/?.so'"
check "a replay of every fuzz corpus" sh -c "
  for t in fuzz/fuzz_*.c; do
    name=\$(basename \$t .c); short=\${name#fuzz_}
    timeout 300 '$C/fuzz/'\$name fuzz/corpus/\$short/* || exit 1
  done"
# the lines and branches of src/*/*.c; gcovr reads the .gcda files gcc wrote
check "gcovr: 100% of the lines and at least 98% of the branches of src/*/*.c" sh -c "
  gcovr --root . --filter 'src/.*\\.c\$' --exclude-unreachable-branches --print-summary \
    --json-pretty --json '$C/gcovr.json' --txt '$C/gcovr.txt' \
    --fail-under-line 100 --fail-under-branch 98 $C > '$C/summary.txt'"
sed 's/^/# /' "$C/gcovr.txt" "$C/summary.txt"
tap_done
