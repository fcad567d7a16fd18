#!/bin/sh
# tools/bench.sh [--quick]: `make bench`. Speed and per-state cost of the
# module as users get it, against plain Lua in the same run (never asserted:
# doc/performance.md says how to read it):
#   - bench/bench.lua on every Lua, with the module `make` builds for it;
#   - under LuaJIT, also with the module built against PUC Lua 5.1's headers
#     (build/5.1) and with the one Debian's `luarocks --lua-version=5.1 make`
#     builds (build/rock-5.1), as OpenResty users get it;
#   - bench/states.c: what `require` costs a fresh lua_State, on 5.4 and
#     LuaJIT, from package.cpath and linked in (preload);
#   - error_response in instructions (callgrind), by how much of the
#     request was seen before (bench/error_modes.lua), on 5.4 and LuaJIT;
#   - the pure-Lua edition (lua/httpstatus/pure.lua): bench/bench.lua with
#     HS_EDITION=pure on every Lua, and bench/pure_heap.lua, its heap
#     against the plain phrase table and against the plain table of the
#     texts it carries;
# --quick runs tiny rounds, only to prove that everything runs. Any step that
# fails stops the run with its status: no pipe hides one.
set -eu
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
quick=""
states=400
if [ "${1:-}" = "--quick" ]; then quick="--quick"; states=20; fi
LUA=$(command -v lua5.4 || command -v lua5.3 || command -v luajit)
"$LUA" bench/plain_reasons.lua "$BUILD/plain_reasons.lua" "$BUILD/plain_texts.lua"

for pair in lua5.1:5.1 lua5.2:5.2 lua5.3:5.3 lua5.4:5.4 luajit:jit luajit:5.1 luajit:rock-5.1; do
  lua=${pair%%:*}; dir=${pair#*:}
  case $dir in
    rock-5.1) so="$BUILD/rock-5.1/lib/lua/5.1/?.so"; what="the module luarocks --lua-version=5.1 make builds" ;;
    *) so="$BUILD/$dir/?.so"; what="build/$dir" ;;
  esac
  echo "== $lua, $what"
  # ;; : the system's modules after it, for lua-cjson (error_response's baseline)
  LUA_CPATH="$so;;" "$lua" bench/bench.lua $quick
  echo
done

for vm in 5.4 jit; do
  for dir in $vm $( [ $vm = jit ] && echo "5.1 rock-5.1" ); do
    case $dir in
      rock-5.1) so="$(pwd)/$BUILD/rock-5.1/lib/lua/5.1/?.so" ;;
      *) so="$(pwd)/$BUILD/$dir/?.so" ;;
    esac
    echo "require in a fresh lua_State ($vm, the module of $dir; median of $states states kept open):"
    "$BUILD/states-$vm" "$so" "$(pwd)/$BUILD/?.lua" "$states"
    echo
  done
  echo "require in a fresh lua_State ($vm, linked in and preloaded; median of $states states kept open):"
  "$BUILD/states-$vm-preload" '' "$(pwd)/$BUILD/?.lua" "$states"
  echo
done

for lua in lua5.1 lua5.2 lua5.3 lua5.4 luajit; do
  echo "== $lua, the pure-Lua edition"
  HS_EDITION=pure "$lua" bench/bench.lua $quick
  pure=$("$lua" bench/pure_heap.lua pure)
  phrases=$("$lua" bench/pure_heap.lua phrases "$BUILD/plain_reasons.lua")
  texts=$("$lua" bench/pure_heap.lua texts "$BUILD/plain_texts.lua")
  echo "heap of require \"httpstatus.pure\" on $lua: $pure KiB; the plain phrase table $phrases KiB" \
    "($(awk "BEGIN { printf \"%.1f\", $pure / $phrases }")x), the plain texts $texts KiB" \
    "($(awk "BEGIN { printf \"%.1f\", $pure / $texts }")x)"
  echo
done

# error_response's cost in instructions, by how much of the request was
# seen before (bench/error_modes.lua; doc/performance.md has the table)
calls=10000 modes="repeat copies detail new none cjson"
[ -n "$quick" ] && calls=100 modes=repeat
for pair in lua5.4:5.4 luajit:jit; do
  lua=${pair%%:*}; dir=${pair#*:}
  echo "== error_response in instructions a call, $lua, build/$dir (callgrind; lua-cjson's line: cjson)"
  for mode in $modes; do
    ir() {
      LUA_CPATH="$BUILD/$dir/?.so;;" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$lua" bench/error_modes.lua "$mode" "$1" 2>&1 | sed -n 's/.*Collected : //p'
    }
    small=$(ir 1000); big=$(ir $((1000 + calls)))
    printf '  %-8s %8d\n' "$mode" $(( (big - small) / calls ))
  done
done
echo

sh tools/cbench.sh $quick
