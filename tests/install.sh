#!/bin/sh
# tests/install.sh: `make install` and `make uninstall` as a C or C++ host's
# builder uses them. Installs into a temporary prefix (and once more into
# a temporary DESTDIR), builds tests/c_host.c against the installed
# library with pkg-config, as C and as C++ (g++ -std=c++11), statically
# and shared (found at run time by LD_LIBRARY_PATH and by an rpath, as
# doc/c-api.md says), runs them, runs the installed Lua module and command
# (also installed for LuaJIT), and uninstalls. Prints TAP (tests/tap.sh);
# exits non-zero on any failure. No pipe hides a status: outputs go to
# files, then are read.
set -u
cd "$(dirname "$0")/.." || exit 1
CC=${CC:-cc}
CXX=${CXX:-g++}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
TAP_OUT="$T/out"
. tests/tap.sh

VERSION=$(sed -n 's/^#define HS_VERSION "\(.*\)"/\1/p' src/core/httpstatus.h)
MAJOR=$(sed -n 's/^#define HS_ABI \([0-9]*\)/\1/p' src/core/httpstatus.h)
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
  readelf -d '$LIB/libhttpstatus.so.$VERSION' > '$T/dyn' &&
  grep -q 'SONAME.*\[libhttpstatus.so.$MAJOR\]' '$T/dyn'"
check "the shared library exports the hs_ functions and nothing else" sh -c "
  nm -D --defined-only '$LIB/libhttpstatus.so.$VERSION' > '$T/nm' &&
  awk '\$2 ~ /^[TDRB]\$/ { print \$3 }' '$T/nm' > '$T/syms' &&
  grep -qx hs_reason '$T/syms' && grep -qx hs_set_parse '$T/syms' && grep -qx hs_strerror '$T/syms' &&
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
# The same host as C and as C++ (tests/c_host.c is both): httpstatus.h's
# extern "C" lets the C++ one link. Shared: the README's command, then run
# with the library found at run time by LD_LIBRARY_PATH, and by an rpath
# (doc/c-api.md's line); static: the archive, nothing of ours at run time.
for lang in C C++; do
  if [ "$lang" = C ]; then build="$CC -std=c99 -Wall -Wextra -Werror tests/c_host.c"
  else build="$CXX -x c++ -std=c++11 -Wall -Wextra -Werror tests/c_host.c -x none"; fi
  x=$(echo "$lang" | tr -d +)
  check "$lang host, shared: \$(pkg-config --cflags --libs httpstatus), LD_LIBRARY_PATH" sh -c "
    export PKG_CONFIG_PATH='$LIB/pkgconfig'
    $build \$(pkg-config --cflags --libs httpstatus) -o '$T/host-shared-$x' &&
    LD_LIBRARY_PATH='$LIB' ldd '$T/host-shared-$x' > '$T/ldd' &&
    grep -q 'libhttpstatus.so.$MAJOR => $LIB/' '$T/ldd' &&
    LD_LIBRARY_PATH='$LIB' '$T/host-shared-$x' > '$T/shared.out' && diff '$T/expected' '$T/shared.out'"
  check "$lang host, shared, without LD_LIBRARY_PATH: exits 127, and runs with -Wl,-rpath" sh -c "
    export PKG_CONFIG_PATH='$LIB/pkgconfig'
    '$T/host-shared-$x' > '$T/norpath.out' 2>&1; [ \$? -eq 127 ] &&
    $build \$(pkg-config --cflags --libs httpstatus) -Wl,-rpath,\$(pkg-config --variable=libdir httpstatus) \
      -o '$T/host-rpath-$x' &&
    '$T/host-rpath-$x' > '$T/rpath.out' && diff '$T/expected' '$T/rpath.out'"
  check "$lang host, static: \$(pkg-config --cflags httpstatus) libhttpstatus.a" sh -c "
    export PKG_CONFIG_PATH='$LIB/pkgconfig'
    $build \$(pkg-config --cflags httpstatus) '$LIB/libhttpstatus.a' -o '$T/host-static-$x' &&
    ldd '$T/host-static-$x' > '$T/ldd' 2>&1; ! grep -q libhttpstatus '$T/ldd' &&
    '$T/host-static-$x' > '$T/static.out' && diff '$T/expected' '$T/static.out'"
done
check "the installed Lua module answers on lua5.4" sh -c "
  lua5.4 -e \"package.path = '' package.cpath = '$LIB/lua/5.4/?.so'
    local hs = require 'httpstatus'
    assert(hs._VERSION == 'httpstatus $VERSION', hs._VERSION)
    assert(hs.reason(404) == 'Not Found')\""
check "the installed command runs (its #! names lua5.4)" sh -c "
  sed -n 1p '$P/bin/httpstatus' > '$T/shebang' && grep -qx '#!/usr/bin/env lua5.4' '$T/shebang' &&
  LUA_CPATH='$LIB/lua/5.4/?.so' '$P/bin/httpstatus' 404 > '$T/cmd' && sed -n 1p '$T/cmd' | grep -qx '404 Not Found'"
check "make uninstall leaves no file in the prefix" sh -c "
  make --no-print-directory uninstall PREFIX='$P' &&
  [ -z \"\$(find '$P' ! -type d)\" ]"

# LuaJIT and OpenResty: LUA_DEFAULT=jit installs into lib/lua/5.1 a module
# that takes the fast paths, and a command that runs on luajit
J="$T/jit"
check "make install LUA_DEFAULT=jit: the module for LuaJIT (fast paths) and the command on luajit" sh -c "
  make --no-print-directory install PREFIX='$J' LUA_DEFAULT=jit &&
  luajit -e \"package.path = '' package.cpath = '$J/lib/lua/5.1/?.so'
    local hs = require 'httpstatus'
    assert(hs.reason(404) == 'Not Found')
    assert(debug.getinfo(hs.reason, 'S').what == 'Lua', 'no fast paths')\" &&
  sed -n 1p '$J/bin/httpstatus' > '$T/shebang' && grep -qx '#!/usr/bin/env luajit' '$T/shebang' &&
  LUA_CPATH='$J/lib/lua/5.1/?.so' '$J/bin/httpstatus' 404 > '$T/cmd' && sed -n 1p '$T/cmd' | grep -qx '404 Not Found' &&
  make --no-print-directory uninstall PREFIX='$J' LUA_DEFAULT=jit &&
  [ -z \"\$(find '$J' ! -type d)\" ]"

# DESTDIR: staged under it, paths in the .pc without it
D="$T/stage"
check "make install DESTDIR=<tmp>: staged under DESTDIR, the .pc says PREFIX" sh -c "
  make --no-print-directory install DESTDIR='$D' PREFIX=/opt/hs &&
  test -f '$D/opt/hs/lib/libhttpstatus.a' && test -f '$D/opt/hs/include/httpstatus.h' &&
  grep -qx 'prefix=/opt/hs' '$D/opt/hs/lib/pkgconfig/httpstatus.pc' &&
  make --no-print-directory uninstall DESTDIR='$D' PREFIX=/opt/hs &&
  [ -z \"\$(find '$D' ! -type d)\" ]"

tap_done
