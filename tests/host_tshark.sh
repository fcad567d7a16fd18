#!/bin/sh
# tests/host_tshark.sh: the postdissector of doc/hosts.md's Wireshark
# section, as written there, loaded by a real tshark (Debian's 4.0, Lua 5.2)
# with -X lua_script, over a capture this test writes (tests/http_pcap.py:
# one HTTP exchange for each of 200, 404, 503, 299 and 999), with both
# editions: the C module built for Lua 5.2, then the pure edition (each with
# the other's path leading nowhere). Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "tshark block, and the module for Lua 5.2 (build/5.2)" httpstatus_fields.lua -- "$BUILD/5.2/httpstatus.so"
check "a capture of five HTTP exchanges (tests/http_pcap.py)" \
  /usr/bin/python3 tests/http_pcap.py "$T/http.pcap" 200 404 503 299 999

printf '%s\n' "200	successful	OK	False" "404	client_error	Not Found	False" \
  "503	server_error	Service Unavailable	True" "299	successful	(none registered)	False" \
  "999	invalid	(none registered)	False" > "$T/want"

run_edition() {
  edition=$1 cpath=$2 lpath=$3
  sed -e "s|@CPATH@|$cpath|g" -e "s|@LPATH@|$lpath|g" "$T/httpstatus_fields.lua.in" > "$T/httpstatus_fields.lua"
  check "tshark ($edition): each HTTP response gets its class, phrase and retry fields" sh -c "
    HOME='$T' timeout 60 tshark -n -r '$T/http.pcap' -X 'lua_script:$T/httpstatus_fields.lua' -Y http.response \
      -T fields -E separator=/t -e http.response.code -e httpstatus.class -e httpstatus.phrase -e httpstatus.retryable \
      > '$T/got' 2> '$T/err'
    sed -i 's/\t1\$/\tTrue/; s/\t0\$/\tFalse/' '$T/got'
    cat '$T/err' >&2; diff '$T/want' '$T/got'"
  check "tshark ($edition): a display filter on the new fields" sh -c "
    HOME='$T' timeout 60 tshark -n -r '$T/http.pcap' -X 'lua_script:$T/httpstatus_fields.lua' \
      -Y 'httpstatus.class == \"server_error\"' -T fields -e http.response.code 2>/dev/null > '$T/filtered'
    [ \"\$(cat '$T/filtered')\" = 503 ]"
}

run_edition "the C module, Lua 5.2" "$ROOT/$BUILD/5.2/?.so" "$T/no-such-dir/?.lua"
run_edition "the pure edition" "$T/no-such-dir/?.so" "$ROOT/lua/?.lua"
tap_done
