#!/bin/sh
# tools/lua55.sh: the module on Lua 5.5 (`make test-5.5`; part of `make test`).
# Debian has no Lua 5.5 yet. Uses, in this order:
#   - a lua5.5 on the system, with its headers in $LUA_INC_5_5 (default /usr/include/lua5.5);
#   - Lua 5.5's source in LUA55_SRC (default: ../lua-5.5.0 or ../shared/lua-5.5.0
#     beside the clone), copied to build/lua-5.5 and built there with API checks on;
# and otherwise says loudly that it skipped 5.5. Busted does not run on 5.5
# (Debian's Penlight does not load there), so it runs tests/plain.lua.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
inc=${LUA_INC_5_5:-/usr/include/lua5.5}
lua=""
if command -v lua5.5 >/dev/null 2>&1 && [ -f "$inc/lua.h" ]; then
  lua=$(command -v lua5.5)
  echo "Lua 5.5: the system's $lua, headers in $inc"
else
  src=${LUA55_SRC:-}
  if [ -z "$src" ]; then
    for d in ../lua-5.5.0 ../shared/lua-5.5.0; do
      [ -f "$d/lua.h" ] || [ -f "$d/src/lua.h" ] && { src=$d; break; }
    done
  fi
  # a release tarball keeps the sources in src/
  [ -n "$src" ] && [ ! -f "$src/lua.h" ] && [ -f "$src/src/lua.h" ] && src="$src/src"
  if [ -z "$src" ] || ! grep -q "define LUA_VERSION_MINOR_N[[:space:]]*5\$" "$src/lua.h" 2>/dev/null; then
    echo "############################################################"
    echo "SKIPPED Lua 5.5: no lua5.5 with headers on this system and no Lua 5.5 source"
    echo "        (give one with LUA55_SRC=dir, e.g. an unpacked lua-5.5.0 from lua.org)"
    echo "############################################################"
    exit 0
  fi
  inc="$BUILD/lua-5.5"
  lua="$inc/lua"
  if [ ! -x "$lua" ]; then
    echo "Lua 5.5: building $src in $inc (LUA_USE_APICHECK: the C API checks its arguments)"
    rm -rf "$inc" && mkdir -p "$BUILD" && cp -R "$src" "$inc" && chmod -R u+w "$inc" || exit 1
    # the source's own makefile builds ./lua (-Wl,-E: C modules link against it)
    if ! make -s -j2 -C "$inc" CFLAGS='-Wall -O2 -std=c99 -DLUA_USE_LINUX -DLUA_USE_APICHECK' \
         MYLDFLAGS=-Wl,-E MYLIBS=-ldl lua >"$inc/build.log" 2>&1 || [ ! -x "$lua" ]; then
      cat "$inc/build.log"
      echo "FAILED  building Lua 5.5 from $src"
      echo "plain: 0 passed, 1 failed"
      exit 1
    fi
  fi
  echo "Lua 5.5: $($lua -v 2>&1), built from $src"
fi
if ! make --no-print-directory -s "$BUILD/5.5/httpstatus.so" LUA_INC_5.5="$inc"; then
  echo "FAILED  building the module for Lua 5.5"
  echo "plain: 0 passed, 1 failed"
  exit 1
fi
LUA_CPATH="$BUILD/5.5/?.so" "$lua" tests/plain.lua
