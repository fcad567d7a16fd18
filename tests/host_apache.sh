#!/bin/sh
# tests/host_apache.sh: the recipe of doc/hosts.md's Apache section, as
# written there, in a real Apache (Debian's, mod_lua with Lua 5.3) on a
# loopback port, in the foreground as this script's child (-X, one process:
# stopped by its pid), with both editions: the C module built for Lua 5.3,
# then the pure edition. The page's configuration is included into a small
# server configuration of the test's own. The handler gets one line more
# than the page's, a header counting the requests its Lua state has served,
# so that the test sees the state kept from one request to the next (the
# trap the page warns of: LuaScope once would open one per request).
# Apache's user (www-data) reads the files, so they are copied into a folder
# it may enter. Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "Apache blocks, and the module for Lua 5.3 (build/5.3)" handler.lua httpstatus.conf -- "$BUILD/5.3/httpstatus.so"
W=$(mktemp -d /tmp/httpstatus-apache.XXXXXX)
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T" "$W"' EXIT INT TERM
mkdir -p "$W/c" "$W/lua/httpstatus" "$W/www"
cp "$BUILD/5.3/httpstatus.so" "$W/c/" && cp lua/httpstatus/pure.lua "$W/lua/httpstatus/"
echo hello > "$W/www/index.html"
chmod -R a+rX "$W"

run_edition() {
  edition=$1 cpath=$2 lpath=$3
  port=$(free_port)
  rm -f "$W/classes.log" "$W/error.log"
  sed -e 's|^  r:write(body)$|  served = (served or 0) + 1\n  r.headers_out["X-Served"] = tostring(served)\n  r:write(body)|' \
      "$T/handler.lua.in" > "$W/handler.lua"
  sed -e "s|@CPATH@|$cpath|g" -e "s|@LPATH@|$lpath|g" -e "s|@DIR@|$W|g" "$T/httpstatus.conf.in" > "$W/httpstatus.conf"
  cat > "$W/apache2.conf" <<CONF
ServerRoot "/usr/lib/apache2"
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile "$W/apache2.pid"
DefaultRuntimeDir "$W"
ErrorLog "$W/error.log"
User www-data
Group www-data
LoadModule mpm_prefork_module modules/mod_mpm_prefork.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule lua_module modules/mod_lua.so
DocumentRoot "$W/www"
Include "$W/httpstatus.conf"
CONF
  chmod -R a+rX "$W"
  check "Apache ($edition): the configuration is valid (apache2 -t)" /usr/sbin/apache2 -t -f "$W/apache2.conf"
  /usr/sbin/apache2 -X -f "$W/apache2.conf" > "$W/apache2.out" 2>&1 &
  pid=$!
  wait_up "http://127.0.0.1:$port/index.html"
  check "Apache ($edition): LuaMapHandler answers /status/503 in Traditional Chinese text, /status/404 as problem details" sh -c "
    curl -s -i --max-time 5 -H 'Accept: text/plain' -H 'Accept-Language: zh-TW' \
      'http://127.0.0.1:$port/status/503' | tr -d '\r' > '$W/503'
    curl -s -i --max-time 5 -H 'Accept: */*' 'http://127.0.0.1:$port/status/404' | tr -d '\r' > '$W/404'
    cat '$W/503' '$W/404'
    head -1 '$W/503' | grep -q '^HTTP/1.1 503 ' && grep -q '^Content-Language: zh-Hant\$' '$W/503' &&
    grep -q '^Content-Type: text/plain; charset=utf-8\$' '$W/503' && grep -q '^503 服務無法使用\$' '$W/503' &&
    head -1 '$W/404' | grep -q '^HTTP/1.1 404 ' && grep -q '^Content-Type: application/problem+json\$' '$W/404' &&
    grep -q '^{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}\$' '$W/404' ||
      { cat '$W/error.log'; exit 1; }"
  check "Apache ($edition): LuaScope thread keeps one Lua state from request to request" sh -c "
    for i in 1 2 3; do
      curl -s -i --max-time 5 'http://127.0.0.1:$port/status/410' | tr -d '\r' | sed -n 's/^X-Served: //p'
    done > '$W/served'
    cat '$W/served'; [ \"\$(tr '\n' ' ' < '$W/served')\" = '3 4 5 ' ]"
  curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$port/index.html"
  curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$port/missing"
  stop_child "Apache ($edition)" "$pid"
  pid=""
  check "Apache ($edition): the log hook wrote each response's class in the access log" sh -c "
    cat '$W/classes.log'
    grep -qx '503 server_error /status/503' '$W/classes.log' && grep -qx '200 successful /index.html' '$W/classes.log' &&
    grep -qx '404 client_error /missing' '$W/classes.log' && [ \$(wc -l < '$W/classes.log') -eq 8 ]"
}

run_edition "the C module, Lua 5.3" "$W/c/?.so" "$W/no-such-dir/?.lua"
run_edition "the pure edition" "$W/no-such-dir/?.so" "$W/lua/?.lua"
tap_done
