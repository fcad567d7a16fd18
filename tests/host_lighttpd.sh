#!/bin/sh
# tests/host_lighttpd.sh: the recipe of doc/hosts.md's lighttpd section, as
# written there, in a real lighttpd (Debian's, mod_magnet with Lua 5.4) on a
# loopback port, in the foreground as this script's child (stopped by its
# pid), with both editions: the C module built for Lua 5.4, then the pure
# edition. The script gets one line more than the page's, a header giving
# the length of package.cpath, so that the test sees it does not grow from
# one request to the next (the trap the page warns of). Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "lighttpd blocks, and the module for Lua 5.4 (build/5.4)" status.lua lighttpd.conf -- "$BUILD/5.4/httpstatus.so"
mkdir -p "$T/www" && echo hello > "$T/www/index.html"

run_edition() {
  edition=$1 cpath=$2
  port=$(free_port)
  sed -e "s|@CPATH@|$cpath|g" -e "s|@LPATH@|$ROOT/lua/?.lua|g" \
      -e 's|^return 0$|lighty.r.resp_header["X-Cpath-Length"] = tostring(#package.cpath)\nreturn 0|' \
      "$T/status.lua.in" > "$T/status.lua"
  sed -e "s|@DIR@|$T|g" -e "s|@PORT@|$port|g" "$T/lighttpd.conf.in" > "$T/lighttpd.conf"
  check "lighttpd ($edition): the configuration is valid (lighttpd -tt)" lighttpd -tt -f "$T/lighttpd.conf"
  lighttpd -D -f "$T/lighttpd.conf" > "$T/lighttpd.log" 2>&1 &
  pid=$!
  wait_up "http://127.0.0.1:$port/index.html"
  check "lighttpd ($edition): the magnet script classifies a 200 and a 404, and package.cpath does not grow" sh -c "
    for i in 1 2 3 4 5; do
      curl -s -i --max-time 5 'http://127.0.0.1:$port/index.html' | tr -d '\r' > '$T/ok.\$i' || exit 1
      curl -s -i --max-time 5 'http://127.0.0.1:$port/missing' | tr -d '\r' > '$T/missing.\$i' || exit 1
      head -1 '$T/ok.\$i' | grep -q '^HTTP/1.1 200' && grep -qi '^x-status-class: successful\$' '$T/ok.\$i' &&
      head -1 '$T/missing.\$i' | grep -q '^HTTP/1.1 404' && grep -qi '^x-status-class: client_error\$' '$T/missing.\$i' ||
        { cat '$T/ok.\$i' '$T/missing.\$i' '$T/lighttpd.log'; cat '$T/error.log'; exit 1; }
    done
    [ \$(cat '$T'/ok.* '$T'/missing.* | grep -i '^x-cpath-length:' | sort -u | wc -l) -eq 1 ]"
  stop_child "lighttpd ($edition)" "$pid"
  pid=""
}

run_edition "the C module, Lua 5.4" "$ROOT/$BUILD/5.4/?.so"
run_edition "the pure edition" "$T/no-such-dir/?.so"
tap_done
