#!/bin/sh
# tools/lua55.sh [VARIANT]: the module on Lua 5.5 (`make test-5.5`; part of
# `make test`), and on builds of Lua that embedders make. VARIANT is one of
#   default     Lua 5.5 as it comes (with LUA_USE_APICHECK: the C API checks
#               its arguments)
#   32bits      LUA_32BITS: 32-bit integers and floats
#   nocvtn2s    LUA_NOCVTN2S: no automatic number-to-string conversion
#   longdouble  long double numbers
# (without one: each of them in turn). Debian has no Lua 5.5 yet. It uses,
# in this order, a lua5.5 on the system with its headers in $LUA_INC_5_5
# (default /usr/include/lua5.5; the default variant only), or Lua 5.5's
# source in LUA55_SRC (default: ../lua-5.5.0 or ../shared/lua-5.5.0 beside
# the clone), copied to build/lua-5.5[-VARIANT] and built there; otherwise
# it says loudly that it skipped 5.5 (and exits 0: tools/test.sh decides).
# The module is built against that Lua with the same defines, and
# tests/plain.lua runs there (busted does not run on 5.5: Debian's Penlight
# does not load there), with the C module and with the pure-Lua edition;
# tests/pure_diff.lua compares the two. Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}

if [ $# -eq 0 ]; then
  rc=0
  for v in default 32bits nocvtn2s longdouble; do sh "$0" "$v" || rc=1; done
  exit $rc
fi
variant=$1
case $variant in
  default) defines="-DLUA_USE_APICHECK"; suffix="" ;;
  32bits) defines="-DLUA_USE_APICHECK -DLUA_32BITS"; suffix="-32bits" ;;
  nocvtn2s) defines="-DLUA_USE_APICHECK -DLUA_NOCVTN2S"; suffix="-nocvtn2s" ;;
  longdouble) defines="-DLUA_USE_APICHECK"; suffix="-longdouble" ;;
  *) echo "usage: $0 [default|32bits|nocvtn2s|longdouble]" >&2; exit 2 ;;
esac

# says it failed, in TAP, and stops
fail() { echo "not ok 1 - $1"; echo "1..1"; exit 1; }

inc=${LUA_INC_5_5:-/usr/include/lua5.5}
lua=""
if [ "$variant" = default ] && command -v lua5.5 >/dev/null 2>&1 && [ -f "$inc/lua.h" ]; then
  lua=$(command -v lua5.5)
  echo "# Lua 5.5: the system's $lua, headers in $inc"
else
  src=$(sh tools/lua55-src.sh)
  if [ -z "$src" ]; then
    echo "############################################################"
    echo "SKIPPED Lua 5.5 ($variant): no lua5.5 with headers on this system and no Lua 5.5 source"
    echo "        (give one with LUA55_SRC=dir, e.g. an unpacked lua-5.5.0 from lua.org)"
    echo "############################################################"
    exit 0
  fi
  inc="$BUILD/lua-5.5$suffix"
  lua="$inc/lua"
  if [ ! -x "$lua" ]; then
    echo "# Lua 5.5 ($variant): building $src in $inc"
    rm -rf "$inc" && mkdir -p "$BUILD" && cp -R "$src" "$inc" && chmod -R u+w "$inc" || fail "copying $src"
    if [ "$variant" = longdouble ]; then
      sed -i 's/^#define LUA_FLOAT_DEFAULT[[:space:]]*LUA_FLOAT_DOUBLE$/#define LUA_FLOAT_DEFAULT LUA_FLOAT_LONGDOUBLE/' \
        "$inc/luaconf.h"
      grep -q "LUA_FLOAT_DEFAULT LUA_FLOAT_LONGDOUBLE" "$inc/luaconf.h" || fail "luaconf.h: no default float type to change"
    fi
    # the source's own makefile builds ./lua (-Wl,-E: C modules link against it)
    if ! timeout 300 make -s -j2 -C "$inc" CFLAGS="-Wall -O2 -std=c99 -DLUA_USE_LINUX $defines" \
         MYLDFLAGS=-Wl,-E MYLIBS=-ldl lua >"$inc/build.log" 2>&1 || [ ! -x "$lua" ]; then
      sed 's/^/# /' "$inc/build.log"
      fail "building Lua 5.5 ($variant) from $src"
    fi
  fi
  echo "# Lua 5.5 ($variant): $($lua -v 2>&1), built from $src"
fi
dir="5.5$suffix"
if ! timeout 300 make --no-print-directory -s "$BUILD/$dir/httpstatus.so" "LUA_INC_$dir=$inc" \
     CFLAGS="-O2 $defines" >"$BUILD/lua55-$variant.log" 2>&1; then
  sed 's/^/# /' "$BUILD/lua55-$variant.log"
  fail "building the module for Lua 5.5 ($variant)"
fi
rc=0
echo "# the C module"
HS_LUA="$lua" LUA_CPATH="$BUILD/$dir/?.so" timeout 300 "$lua" tests/plain.lua || rc=1
# the pure edition: require "httpstatus" gives it (spec/support.lua's LUA_INIT)
init=$("$lua" -e 'io.write(dofile("spec/support.lua").PURE_INIT)')
echo "# the pure-Lua edition"
LUA_INIT="$init" HS_LUA="$lua" LUA_CPATH="" timeout 300 "$lua" tests/plain.lua || rc=1
# and against the C module, call by call; not where floats are 32 bits
# (LUA_32BITS), where a time passed as a float is not exact (doc/api.md)
if [ "$variant" != 32bits ]; then
  echo "# the pure-Lua edition against the C module"
  LUA_CPATH="$BUILD/$dir/?.so" timeout 300 "$lua" tests/pure_diff.lua 10000 || rc=1
fi
exit $rc
