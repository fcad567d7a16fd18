#!/bin/sh
# tools/lua55-src.sh: prints the folder of Lua 5.5's source (the one that
# holds lua.h): LUA55_SRC, or ../lua-5.5.0 or ../shared/lua-5.5.0 beside
# the clone (a release tarball's src/ is looked into); prints nothing when
# there is none. Used by tools/lua55.sh and tools/cross.sh.
src=${LUA55_SRC:-}
if [ -z "$src" ]; then
  for d in ../lua-5.5.0 ../shared/lua-5.5.0; do
    if [ -f "$d/lua.h" ] || [ -f "$d/src/lua.h" ]; then src=$d; break; fi
  done
fi
[ -n "$src" ] && [ ! -f "$src/lua.h" ] && [ -f "$src/src/lua.h" ] && src="$src/src"
if [ -n "$src" ] && grep -q "define LUA_VERSION_MINOR_N[[:space:]]*5\$" "$src/lua.h" 2>/dev/null; then
  echo "$src"
fi
