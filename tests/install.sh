#!/bin/sh
# tests/install.sh: `make install` and `make uninstall` as a C host's
# builder uses them. Installs into a temporary prefix (and once more into
# a temporary DESTDIR), builds tests/c_host.c against the installed
# library with pkg-config, statically and shared, runs it, runs the
# installed Lua module and command, and uninstalls.
# Ends with "install: N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
CC=${CC:-cc}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok      $1"; }
bad() { failed=$((failed + 1)); echo "FAILED  $1"; }
# check NAME CMD...: one test; its output is shown when it fails
check() {
  name=$1; shift
  if "$@" >"$T/out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/    /' "$T/out"; fi
}

VERSION=$(sed -n 's/^#define HS_VERSION "\(.*\)"/\1/p' src/httpstatus.h)
MAJOR=$(sed -n 's/^#define HS_ABI \([0-9]*\)/\1/p' src/httpstatus.h)
P="$T/prefix"
LIB="$P/lib"

check "make install PREFIX=<tmp>" make --no-print-directory install PREFIX="$P"
for f in lib/libhttpstatus.a "lib/libhttpstatus.so.$VERSION" include/httpstatus.h \
         lib/pkgconfig/httpstatus.pc lib/lua/5.4/httpstatus.so bin/httpstatus \
         share/man/man1/httpstatus.1; do
  check "installed $f" test -f "$P/$f"
done
check "libhttpstatus.so -> .so.$MAJOR -> .so.$VERSION" sh -c "
  [ \"\$(readlink '$LIB/libhttpstatus.so')\" = libhttpstatus.so.$MAJOR ] &&
  [ \"\$(readlink '$LIB/libhttpstatus.so.$MAJOR')\" = libhttpstatus.so.$VERSION ]"
check "the shared library's soname is libhttpstatus.so.$MAJOR" sh -c "
  readelf -d '$LIB/libhttpstatus.so.$VERSION' | grep -q 'SONAME.*\[libhttpstatus.so.$MAJOR\]'"
check "the shared library exports the hs_ functions and nothing else" sh -c "
  nm -D --defined-only '$LIB/libhttpstatus.so.$VERSION' | awk '\$2 ~ /^[TDRB]\$/ { print \$3 }' > '$T/syms'
  grep -qx hs_reason '$T/syms' && grep -qx hs_set_parse '$T/syms' &&
  grep -qx hs_parse_http_date '$T/syms' && grep -qx hs_to_grpc '$T/syms' &&
  ! grep -v '^hs_' '$T/syms'"
check "pkg-config: version, cflags and libs point into the prefix" sh -c "
  export PKG_CONFIG_PATH='$LIB/pkgconfig'
  [ \"\$(pkg-config --modversion httpstatus)\" = '$VERSION' ] &&
  [ \"\$(echo \$(pkg-config --cflags --libs httpstatus))\" = '-I$P/include -L$LIB -lhttpstatus' ]"

cat > "$T/expected" <<EOF
version $VERSION
404 Not Found, client_error
"payload too large" is 413
parsed 503, retryable after POST: 0, after GET: 1
set 500,502-504: 4 codes, has 502: 1, has 501: 0
date 784111777, a day later Mon, 07 Nov 1994 08:49:37 GMT
429 -> gRPC 14 UNAVAILABLE -> HTTP 503
EOF
# shared: the README's command, then run with the library found at run time
check "C host, shared: cc host.c \$(pkg-config --cflags --libs httpstatus)" sh -c "
  export PKG_CONFIG_PATH='$LIB/pkgconfig'
  $CC -std=c99 -Wall -Wextra -Werror tests/c_host.c \$(pkg-config --cflags --libs httpstatus) -o '$T/host-shared' &&
  LD_LIBRARY_PATH='$LIB' ldd '$T/host-shared' | grep -q 'libhttpstatus.so.$MAJOR => $LIB/' &&
  LD_LIBRARY_PATH='$LIB' '$T/host-shared' > '$T/shared.out' && diff '$T/expected' '$T/shared.out'"
# static: the archive, and nothing of ours needed at run time
check "C host, static: cc host.c \$(pkg-config --cflags httpstatus) libhttpstatus.a" sh -c "
  export PKG_CONFIG_PATH='$LIB/pkgconfig'
  $CC -std=c99 -Wall -Wextra -Werror tests/c_host.c \$(pkg-config --cflags httpstatus) '$LIB/libhttpstatus.a' -o '$T/host-static' &&
  ! ldd '$T/host-static' | grep -q libhttpstatus &&
  '$T/host-static' > '$T/static.out' && diff '$T/expected' '$T/static.out'"
check "the installed Lua module answers on lua5.4" sh -c "
  lua5.4 -e \"package.path = '' package.cpath = '$LIB/lua/5.4/?.so'
    local hs = require 'httpstatus'
    assert(hs._VERSION == 'httpstatus $VERSION', hs._VERSION)
    assert(hs.reason(404) == 'Not Found')\""
check "the installed command runs (its #! names lua5.4)" sh -c "
  head -1 '$P/bin/httpstatus' | grep -qx '#!/usr/bin/env lua5.4' &&
  LUA_CPATH='$LIB/lua/5.4/?.so' '$P/bin/httpstatus' 404 | head -1 | grep -qx '404 Not Found'"
check "make uninstall leaves no file in the prefix" sh -c "
  make --no-print-directory uninstall PREFIX='$P' &&
  [ -z \"\$(find '$P' ! -type d)\" ]"

# DESTDIR: staged under it, paths in the .pc without it
D="$T/stage"
check "make install DESTDIR=<tmp>: staged under DESTDIR, the .pc says PREFIX" sh -c "
  make --no-print-directory install DESTDIR='$D' PREFIX=/opt/hs &&
  test -f '$D/opt/hs/lib/libhttpstatus.a' && test -f '$D/opt/hs/include/httpstatus.h' &&
  grep -qx 'prefix=/opt/hs' '$D/opt/hs/lib/pkgconfig/httpstatus.pc' &&
  make --no-print-directory uninstall DESTDIR='$D' PREFIX=/opt/hs &&
  [ -z \"\$(find '$D' ! -type d)\" ]"

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
