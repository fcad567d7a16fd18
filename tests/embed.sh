#!/bin/sh
# tests/embed.sh: the Lua module linked statically into a host program, as
# doc/c-api.md shows: the module's sources (Makefile's SRC) compiled with
# -DHS_LUA_MODULE into objects, and tests/embed_host.c, as C and as C++,
# linked with them and Lua 5.4. Prints TAP; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
CC=${CC:-cc}
CXX=${CXX:-g++}
LUA_INC=${LUA_INC:-/usr/include/lua5.4}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
TAP_OUT="$T/out"
. tests/tap.sh
SRC=$(sed -n 's/^SRC *= *\$(CORE) //p' Makefile)
CORE=$(sed -n 's/^CORE *= *//p' Makefile)

check "the module's sources compile to objects for static linking ($CC -DHS_LUA_MODULE)" sh -c "
  for f in $CORE $SRC; do
    $CC -std=c99 -O2 -Wall -Wextra -Werror -DHS_LUA_MODULE -I'$LUA_INC' -Isrc/core -Isrc/lua -c \$f -o '$T/'\$(basename \$f .c).o || exit 1
  done"
check "C host: links them, 100 states, package.preload and luaL_requiref" sh -c "
  $CC -std=c99 -Wall -Wextra -Werror -I'$LUA_INC' tests/embed_host.c '$T'/*.o -o '$T/embed-c' -llua5.4 -lm &&
  '$T/embed-c' > '$T/c.out' && cat '$T/c.out' && ! grep -q '^not ok' '$T/c.out' && grep -qx '1..2' '$T/c.out'"
check "C++ host (g++ -std=c++11): links them, 100 states, package.preload and luaL_requiref" sh -c "
  $CXX -x c++ -std=c++11 -Wall -Wextra -Werror -I'$LUA_INC' tests/embed_host.c -x none '$T'/*.o \
    -o '$T/embed-cxx' -llua5.4 -lm &&
  '$T/embed-cxx' > '$T/cxx.out' && cat '$T/cxx.out' && ! grep -q '^not ok' '$T/cxx.out' && grep -qx '1..2' '$T/cxx.out'"
check "the host exports no hs_ or lhs_ symbol of the module" sh -c "
  nm -D --defined-only '$T/embed-c' > '$T/nm' 2>&1; ! grep -E ' (hs|lhs)_' '$T/nm'"
tap_done
