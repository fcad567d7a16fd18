#!/bin/sh
# tests/host_nmap.sh: the NSE script of doc/hosts.md's nmap section, as
# written there, run by a real nmap (Debian's 7.93, Lua 5.3) against
# tests/status_server.py on a loopback port (this script's child, stopped by
# its pid), with both editions: the C module built for Lua 5.3, then the
# pure edition (each with the other's path leading nowhere). The port is no
# HTTP port nmap knows, so the script is forced with "+" as the page says.
# Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "nmap block, and the module for Lua 5.3 (build/5.3)" http-status-class.nse -- "$BUILD/5.3/httpstatus.so"
status_server

# scan PATH: the script's output for the server's PATH, as nmap's XML has it
scan() {
  timeout 60 nmap -n -Pn -sT -p "$port" 127.0.0.1 --script "+$T/http-status-class.nse" \
    --script-args "http-status-class.path=$1" -oX - 2>&1 | tr -d '\n' | sed -n 's/.*<script id="http-status-class" output="\([^"]*\)".*/\1/p'
}

run_edition() {
  edition=$1 cpath=$2 lpath=$3
  sed -e "s|@CPATH@|$cpath|g" -e "s|@LPATH@|$lpath|g" "$T/http-status-class.nse.in" > "$T/http-status-class.nse"
  for path in 503 404 418; do scan "/$path" > "$T/scan.$path"; done
  nl='&#xa;'
  check "nmap ($edition): 503 with Retry-After: 120, a 404, and 418 (unused in the registry)" sh -c "
    cat '$T/scan.503' '$T/scan.404' '$T/scan.418'
    [ \"\$(cat '$T/scan.503')\" = '${nl}  status: 503${nl}  phrase: Service Unavailable${nl}  class: server_error${nl}  retry_after: 120' ] &&
    [ \"\$(cat '$T/scan.404')\" = '${nl}  status: 404${nl}  phrase: Not Found${nl}  class: client_error' ] &&
    [ \"\$(cat '$T/scan.418')\" = '${nl}  status: 418${nl}  phrase: (none registered)${nl}  class: client_error' ]"
}

run_edition "the C module, Lua 5.3" "$ROOT/$BUILD/5.3/?.so" "$T/no-such-dir/?.lua"
run_edition "the pure edition" "$T/no-such-dir/?.so" "$ROOT/lua/?.lua"
stop_child "the status server" "$pid"
pid=""
tap_done
