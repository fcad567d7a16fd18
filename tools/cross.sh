#!/bin/sh
# tools/cross.sh: `make test-cross`. The sources on the platforms this
# machine can run through a cross compiler, each from Debian's packages
# (installed here if missing: tools/deps.sh cross):
#   - Windows (mingw-w64, run under wine64): Lua 5.5 built as a DLL
#     (lua55.dll and lua.exe) from its source (../shared/lua-5.5.0 or
#     LUA55_SRC, as tools/lua55.sh finds it); the module built as a DLL
#     against it, with -Werror; its exports (luaopen_httpstatus only); and
#     tests/plain.lua run by lua.exe;
#   - big-endian s390x (gcc-s390x-linux-gnu, run under qemu-user): the C
#     tests of the core, and the date parser against 1.1.1's;
#   - 32-bit x86 (gcc -m32): the same C tests, natively where the kernel
#     runs 32-bit programs, under qemu-i386 where it does not.
# Prints TAP, then one line "cross: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
timeout 1800 sh tools/deps.sh cross || { echo "not ok 1 - the cross tools (tools/deps.sh cross)"; echo "1..1"; exit 1; }
T="$BUILD/cross"
rm -rf "$T" && mkdir -p "$T"
TAP_OUT="$T/out"
. tests/tap.sh
CORE=$(sed -n 's/^CORE *= *//p' Makefile)
SRC="$CORE $(sed -n 's/^SRC *= *\$(CORE) //p' Makefile)"
WARN="-std=c99 -pedantic -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes"
TEST_CORE="tests/test_core.c $CORE"
TEST_DATES="tests/test_dates.c tests/date_reference.c $CORE"

# --- Windows -----------------------------------------------------------------
src=$(sh tools/lua55-src.sh)
MINGW=x86_64-w64-mingw32-gcc
W="$T/windows"
if [ -z "$src" ]; then
  echo "############################################################"
  echo "SKIPPED Windows: no Lua 5.5 source (LUA55_SRC=dir, or ../shared/lua-5.5.0 beside the clone)"
  echo "############################################################"
else
  mkdir -p "$W/lua"
  check "Lua 5.5 as a DLL with mingw-w64 ($($MINGW --version | head -1))" sh -c "
    cp '$src'/*.c '$src'/*.h '$W/lua/' && cd '$W/lua' &&
    $MINGW -O2 -std=c99 -DLUA_BUILD_AS_DLL -shared -o lua55.dll \$(ls *.c | grep -v -e '^lua.c\$' -e '^luac.c\$' -e '^onelua.c\$') \
      -Wl,--out-implib,liblua55.dll.a &&
    $MINGW -O2 -std=c99 -DLUA_BUILD_AS_DLL -o lua.exe lua.c liblua55.dll.a"
  check "the module as a DLL against it, warning-free (-Werror)" sh -c "
    $MINGW $WARN -O2 -shared -DHS_LUA_MODULE -DLUA_BUILD_AS_DLL -I'$W/lua' -Isrc/core -Isrc/lua $SRC '$W/lua/liblua55.dll.a' \
      -o '$W/httpstatus.dll'"
  check "the DLL exports luaopen_httpstatus and nothing else" sh -c "
    x86_64-w64-mingw32-objdump -p '$W/httpstatus.dll' > '$W/exports' &&
    sed -n '/^\[Ordinal\/Name Pointer\] Table/,/^\$/p' '$W/exports' > '$W/names' &&
    grep -q 'luaopen_httpstatus' '$W/names' && [ \$(grep -c '^[[:space:]]*\[ *[0-9][0-9]*\] ' '$W/names') -eq 1 ] ||
    { cat '$W/exports'; exit 1; }"
  # wine: a prefix of its own, outside the clone (it links z: to /, which a
  # tool walking the tree would follow), removed at the end; no display, no
  # debug noise
  WINEPREFIX=$(mktemp -d)
  trap 'rm -rf "$WINEPREFIX"' EXIT INT TERM
  export WINEPREFIX WINEDEBUG=-all DISPLAY=
  WINE=$(command -v wine64 || echo /usr/lib/wine/wine64)
  cp "$W/lua/lua55.dll" "$W/lua/lua.exe" "$W/"
  check "tests/plain.lua under wine ($($WINE --version 2>/dev/null)), by lua.exe with httpstatus.dll" sh -c "
    HS_LUA='$W/lua.exe' LUA_CPATH='$W/?.dll' timeout 600 '$WINE' '$W/lua.exe' tests/plain.lua > '$W/plain.tap' 2>&1;
    rc=\$?; tail -3 '$W/plain.tap'; grep '^not ok' '$W/plain.tap'
    [ \$rc -eq 0 ] && grep -q '^1\.\.[0-9]' '$W/plain.tap' && ! grep -q '^not ok' '$W/plain.tap'"
  init=$(lua5.4 -e 'io.write(dofile("spec/support.lua").PURE_INIT)')
  check "tests/plain.lua under wine with the pure-Lua edition" sh -c "
    LUA_INIT='$init' HS_LUA='$W/lua.exe' LUA_CPATH='' timeout 600 '$WINE' '$W/lua.exe' tests/plain.lua \
      > '$W/pure.tap' 2>&1; rc=\$?; tail -3 '$W/pure.tap'; grep '^not ok' '$W/pure.tap'
    [ \$rc -eq 0 ] && grep -q '^1\.\.[0-9]' '$W/pure.tap' && ! grep -q '^not ok' '$W/pure.tap'"
  # the C library for Windows hosts: a DLL (HS_BUILD_DLL; its hosts import,
  # the default) and a static library (HS_STATIC: a host exports nothing)
  gcc -std=c99 -O2 -Isrc/core tests/c_host.c $CORE -o "$W/c_host" && "$W/c_host" > "$W/c_host.want"
  check "the C library as a DLL (HS_BUILD_DLL) and a host that imports it, under wine" sh -c "
    $MINGW $WARN -O2 -shared -DHS_BUILD_DLL -Isrc/core $CORE -o '$W/libhttpstatus-2.dll' \
      -Wl,--out-implib,'$W/libhttpstatus.dll.a' &&
    $MINGW -std=c99 -O2 -Wall -Werror -Isrc/core tests/c_host.c '$W/libhttpstatus.dll.a' -o '$W/host-dll.exe' &&
    timeout 300 '$WINE' '$W/host-dll.exe' > '$W/host-dll.out' 2>&1 && tr -d '\r' < '$W/host-dll.out' |
      diff '$W/c_host.want' -"
  check "the static library (HS_STATIC): a host that exports none of it, under wine" sh -c "
    mkdir -p '$W/static' && for f in $CORE; do
      $MINGW $WARN -O2 -DHS_STATIC -Isrc/core -c \$f -o '$W/static/'\$(basename \$f .c).o || exit 1; done &&
    x86_64-w64-mingw32-ar rcs '$W/libhttpstatus.a' '$W'/static/*.o &&
    $MINGW -std=c99 -O2 -Wall -Werror -DHS_STATIC -Isrc/core tests/c_host.c '$W/libhttpstatus.a' -o '$W/host-static.exe' &&
    x86_64-w64-mingw32-objdump -p '$W/host-static.exe' > '$W/host-static.p' &&
    ! grep -q 'hs_reason' '$W/host-static.p' &&
    timeout 300 '$WINE' '$W/host-static.exe' > '$W/host-static.out' 2>&1 && tr -d '\r' < '$W/host-static.out' |
      diff '$W/c_host.want' -"
fi

# --- s390x (big-endian) --------------------------------------------------------
S=$T/s390x
mkdir -p "$S"
check "the C tests for s390x (s390x-linux-gnu-gcc, static)" sh -c "
  s390x-linux-gnu-gcc $WARN -O2 -static -Isrc/core $TEST_CORE -o '$S/test_core' -lpthread &&
  s390x-linux-gnu-gcc $WARN -O2 -static -Isrc/core $TEST_DATES -o '$S/test_dates'"
check "s390x under qemu: the core's C tests pass" sh -c "
  timeout 600 qemu-s390x '$S/test_core' > '$S/core.tap' 2>&1; rc=\$?; cat '$S/core.tap'; [ \$rc -eq 0 ]"
check "s390x under qemu: the date parser answers as 1.1.1's" sh -c "
  timeout 900 qemu-s390x '$S/test_dates' fuzz/corpus/date/* > '$S/dates.tap' 2>&1; rc=\$?; cat '$S/dates.tap'; [ \$rc -eq 0 ]"

# --- i386 -----------------------------------------------------------------------
# A kernel built without IA32 emulation refuses an -m32 program (and sh then
# reads it as a script): there it runs under qemu-i386, as s390x's do. A tiny
# program tells which (I386_RUN=qemu forces qemu, to test that way here).
I=$T/i386
mkdir -p "$I"
printf 'int main(void) { return 0; }\n' > "$I/probe.c"
run386=""
if gcc -m32 "$I/probe.c" -o "$I/probe" 2>/dev/null && [ "${I386_RUN:-}" != qemu ] && "$I/probe" 2>/dev/null; then
  how="natively"
elif [ "${I386_RUN:-}" = qemu ]; then
  run386="qemu-i386" how="under qemu-i386 (I386_RUN=qemu)"
else
  run386="qemu-i386" how="under qemu-i386 (this kernel runs no 32-bit x86 program)"
fi
check "the C tests for i386 (gcc -m32)" sh -c "
  gcc -m32 $WARN -O2 -Isrc/core $TEST_CORE -o '$I/test_core' -lpthread &&
  gcc -m32 $WARN -O2 -Isrc/core $TEST_DATES -o '$I/test_dates'"
check "i386, $how: the core's C tests pass" sh -c "
  timeout 600 $run386 '$I/test_core' > '$I/core.tap' 2>&1; rc=\$?; cat '$I/core.tap'; [ \$rc -eq 0 ]"
check "i386, $how: the date parser answers as 1.1.1's" sh -c "
  timeout 900 $run386 '$I/test_dates' fuzz/corpus/date/* > '$I/dates.tap' 2>&1; rc=\$?; cat '$I/dates.tap'; [ \$rc -eq 0 ]"

echo "1..$tap_n"
echo "cross: $((tap_n - tap_failed)) passed, $tap_failed failed"
[ "$tap_failed" -eq 0 ]
