#!/bin/sh
# tests/host_haproxy.sh: the recipes of doc/hosts.md's HAProxy section, as
# written there, in a real HAProxy (Debian's haproxy, Lua 5.3) on loopback
# ports, with both editions: the C module built for Lua 5.3 (build/5.3),
# then the pure edition (no C module on the path). Each block of the page
# whose first line names a file ("-- file: errors.lua", "# file:
# haproxy.cfg") is written there, its @...@ filled in; the errorfile is
# made by the command. HAProxy runs in the foreground (-db) as a child of
# this script, which stops it by its pid and waits for it (a daemon would
# be left to a PID 1 that may never reap it). Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "HAProxy blocks, and the module for Lua 5.3 and 5.4 (build/5.3, build/5.4)" errors.lua haproxy.cfg -- \
  "$BUILD/5.3/httpstatus.so" "$BUILD/5.4/httpstatus.so"
check "the errorfile made by httpstatus --error-page 503 --format html --http" sh -c "
  LUA_CPATH='$BUILD/5.4/?.so' lua5.4 bin/httpstatus --error-page 503 --format html --http > '$T/503.http' &&
  head -1 '$T/503.http' | grep -q '^HTTP/1.1 503 Service Unavailable'"

# the expected answers, from the C module on lua5.4
expect() { LUA_CPATH="$BUILD/5.4/?.so" lua5.4 -e "$1" > "$2"; }
expect 'local hs = require "httpstatus"
  io.write((hs.error_response(410, { accept = "text/html", accept_language = "zh-CN" })))' "$T/want-html"
expect 'local hs = require "httpstatus"
  io.write((hs.error_response(410, { accept = "*/*" })))' "$T/want-json"

run_edition() {
  edition=$1 cpath=$2
  port=$(free_port); app=$(free_port)
  [ "$app" = "$port" ] && app=$((port + 1))
  for f in errors.lua haproxy.cfg; do
    sed -e "s|@CPATH@|$cpath|g" -e "s|@LPATH@|$ROOT/lua/?.lua|g" -e "s|@DIR@|$T|g" -e "s|@PORT@|$port|g" \
        -e "s|@APP_PORT@|$app|g" "$T/$f.in" > "$T/$f"
  done
  check "HAProxy ($edition): the configuration and the script load (haproxy -c)" \
    haproxy -c -q -f "$T/haproxy.cfg"
  haproxy -db -f "$T/haproxy.cfg" > "$T/haproxy.log" 2>&1 &
  pid=$!
  wait_up "http://127.0.0.1:$port/"
  check "HAProxy ($edition): the service answers a browser in Chinese with HTML (410)" sh -c "
    curl -s -i --max-time 5 -H 'Accept: text/html' -H 'Accept-Language: zh-CN' 'http://127.0.0.1:$port/old/page' > '$T/r1' &&
    head -1 '$T/r1' | grep -q '^HTTP/1.1 410' &&
    tr -d '\r' < '$T/r1' | grep -qi '^content-type: text/html; charset=utf-8\$' &&
    tr -d '\r' < '$T/r1' | grep -qi '^content-language: zh-Hans\$' &&
    lua5.4 tests/http_body.lua < '$T/r1' > '$T/got' &&
    cmp '$T/want-html' '$T/got'"
  check "HAProxy ($edition): the service answers curl with problem details" sh -c "
    curl -s -i --max-time 5 -H 'Accept: */*' 'http://127.0.0.1:$port/old/page' > '$T/r2' &&
    tr -d '\r' < '$T/r2' | grep -qi '^content-type: application/problem+json\$' &&
    lua5.4 tests/http_body.lua < '$T/r2' > '$T/got2' &&
    cmp '$T/want-json' '$T/got2'"
  check "HAProxy ($edition): the converter classifies the app's 404 and 200" sh -c "
    curl -s -i --max-time 5 'http://127.0.0.1:$port/missing' > '$T/r3' &&
    head -1 '$T/r3' | grep -q '^HTTP/1.1 404' &&
    tr -d '\r' < '$T/r3' | grep -qi '^x-status-class: client_error\$' &&
    curl -s -i --max-time 5 'http://127.0.0.1:$port/' > '$T/r4' &&
    tr -d '\r' < '$T/r4' | grep -qi '^x-status-class: successful\$'"
  check "HAProxy ($edition): a backend that is down gets the errorfile the command made" sh -c "
    curl -s -i --max-time 5 'http://127.0.0.1:$port/down/x' > '$T/r5' &&
    head -1 '$T/r5' | grep -q '^HTTP/1.1 503' &&
    lua5.4 tests/http_body.lua < '$T/r5' > '$T/got5' &&
    lua5.4 tests/http_body.lua < '$T/503.http' > '$T/want5' &&
    cmp '$T/want5' '$T/got5'"
  stop_child "HAProxy ($edition)" "$pid"
  pid=""
}

run_edition "the C module, Lua 5.3" "$ROOT/$BUILD/5.3/?.so"
run_edition "the pure edition" "$T/no-such-dir/?.so"
tap_done
