#!/bin/sh
# tests/host_luau.sh: the pure-Lua edition in a Luau host that runs scripts
# as Roblox does (tests/luau_host.cpp: _G a plain shared table, luaL_sandbox,
# a luaL_sandboxthread thread for each script and module), built on Luau's
# VM and compiler from their source:
#   - LUAU_SRC=dir, or ../luau-0.735 or ../shared/luau-0.735 beside the clone;
#     without one it says SKIPPED loudly (tools/test-hosts.sh fails that
#     under CI=true);
#   - built once into build/luau (tools/luau.mk; about a minute on 2 cores),
#     kept there for the next run.
# Then tests/plain.lua runs there whole, and tests/host_calls.lua gives the
# same answers as the C module. Prints TAP (tests/tap.sh), plain.lua's own
# TAP included, each of its tests counted.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
src=${LUAU_SRC:-}
if [ -z "$src" ]; then
  for d in ../luau-0.735 ../shared/luau-0.735; do
    [ -f "$d/VM/include/lua.h" ] && [ -f "$d/Compiler/include/luacode.h" ] && { src=$d; break; }
  done
fi
if [ -z "$src" ] || [ ! -f "$src/VM/include/lua.h" ]; then
  echo "SKIPPED Luau: no Luau source (LUAU_SRC=dir, or ../shared/luau-0.735 beside the clone)"
  echo "1..0"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
TAP_OUT="$T/out"
. tests/tap.sh
L=$BUILD/luau
check "Luau's VM and compiler from $src, and tests/luau_host.cpp on them (g++ -Werror)" sh -c "
  timeout 900 make --no-print-directory -s -j2 -f tools/luau.mk LUAU_SRC='$src' OUT='$L' &&
  g++ -std=c++17 -O1 -Wall -Wextra -Werror -I'$src/VM/include' -I'$src/Compiler/include' \
    tests/luau_host.cpp '$L/libluau.a' -o '$L/luau_host'"

# tests/plain.lua, its tests counted one by one: its TAP lines numbered on
# from ours, everything else a comment
timeout 300 "$L/luau_host" tests/plain.lua httpstatus=lua/httpstatus/pure.lua > "$T/plain.tap" 2>&1
rc=$?
awk -v base="$tap_n" '
  /^(not )?ok [0-9]+/ { n = $0; sub(/^(not )?ok /, "", n); sub(/[^0-9].*/, "", n); rest = $0
                        sub(/^(not )?ok [0-9]+ - /, "", rest); head = ($1 == "ok") ? "ok" : "not ok"
                        print head " " (base + n) " - Luau, tests/plain.lua: " rest; next }
  /^1\.\.[0-9]+$/ { next }
  { print "# " $0 }' "$T/plain.tap"
n_plain=$(grep -E -c '^(ok|not ok) [0-9]+' "$T/plain.tap")
tap_failed=$((tap_failed + $(grep -E -c '^not ok [0-9]+' "$T/plain.tap")))
tap_n=$((tap_n + n_plain))
check "Luau, tests/plain.lua: ran whole (exit 0, $n_plain tests, its plan)" sh -c "
  tail -5 '$T/plain.tap'; [ $rc -eq 0 ] && [ $n_plain -gt 1000 ] && grep -q '^1\.\.$n_plain\$' '$T/plain.tap'"

check "Luau: the same answers to tests/host_calls.lua as the C module (lua5.4, $BUILD/5.4), _G left empty" sh -c "
  make --no-print-directory -s '$BUILD/5.4/httpstatus.so' &&
  LUA_CPATH='$BUILD/5.4/?.so' lua5.4 -e 'io.write((loadfile(\"tests/host_calls.lua\"))(require \"httpstatus\"), \"\\n\")' \
    > '$T/c.out' && [ \$(wc -l < '$T/c.out') -gt 300 ] &&
  timeout 120 '$L/luau_host' tests/luau_calls.lua httpstatus=lua/httpstatus/pure.lua > '$T/luau.out' &&
  diff '$T/c.out' '$T/luau.out'"
tap_done
