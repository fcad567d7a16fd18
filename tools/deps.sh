#!/bin/sh
# tools/deps.sh SET: install the Debian packages that `make SET` needs.
# As root, missing packages are installed with apt-get; otherwise the exact
# command is printed and the script fails, so nothing is skipped silently.
set -e
case "$1" in
  demo) pkgs="gcc make lua5.4 liblua5.4-dev" ;;
  test) pkgs="gcc clang make lua5.1 lua5.2 lua5.3 lua5.4 liblua5.1-0-dev liblua5.2-dev
              liblua5.3-dev liblua5.4-dev luajit2 libluajit2-5.1-dev lua-busted luarocks
              lua-check lua-cjson python3-werkzeug nginx-light libnginx-mod-http-lua lua-resty-core curl apache2-utils
              libclang-rt-14-dev valgrind cppcheck clang-tidy pkg-config binutils python3 gcovr g++
              redis-server redis-tools opencc"
        # node and npm (Fengari, tests/hosts.sh): Debian's, unless the machine has them already
        cmds="node:nodejs npm:npm" ;;
  cross) pkgs="mingw-w64 wine64 qemu-user gcc-s390x-linux-gnu libc6-dev-s390x-cross libc6-dev-i386 lib32gcc-12-dev" ;;
  hosts) pkgs="gcc g++ make curl python3 lua5.2 liblua5.2-dev lua5.3 liblua5.3-dev lua5.4 liblua5.4-dev luajit2
               libluajit2-5.1-dev haproxy wrk lighttpd lighttpd-modules-lua apache2 neovim nmap tshark love tarantool" ;;
  bench) pkgs="gcc make valgrind pkg-config libapr1-dev libaprutil1-dev libcurl4-openssl-dev libhttp-parser-dev
               libsoup-3.0-dev" ;;
  *) echo "usage: $0 demo|test|deep|cross|hosts|bench" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: not a Debian system; make sure these are installed: $pkgs" >&2
  exit 0
fi
missing=""
for c in ${cmds:-}; do
  command -v "${c%%:*}" >/dev/null 2>&1 || pkgs="$pkgs ${c#*:}"
done
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "deps: missing Debian packages. Install them first:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
