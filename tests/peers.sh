#!/bin/sh
# tests/peers.sh: content negotiation against two independent
# implementations, on the same 20 000 generated Accept and 20 000
# Accept-Language values (tests/peers/cases.lua, the RFC's examples
# first): werkzeug's MIMEAccept and LanguageAccept (Debian's
# python3-werkzeug, under Debian's /usr/bin/python3) and jshttp's
# negotiator (npm, installed into build/peers the first time, under node).
# tests/peers/compare.lua passes a difference only at a point doc/api.md
# lists where that peer departs from RFC 9110. Prints TAP.
set -u
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
N=${1:-20000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
if [ ! -f "$BUILD/peers/node_modules/negotiator/package.json" ]; then
  mkdir -p "$BUILD/peers" &&
    (cd "$BUILD/peers" && timeout 300 npm install --silent --no-audit --no-fund --no-save negotiator@1.0.0) \
      >"$T/npm.log" 2>&1 || { echo "not ok 1 - npm install negotiator"; sed 's/^/# /' "$T/npm.log"; echo "1..1"; exit 1; }
fi
make --no-print-directory -s "$BUILD/5.4/httpstatus.so" || { echo "not ok 1 - build/5.4"; echo "1..1"; exit 1; }
lua5.4 tests/peers/cases.lua "$N" > "$T/cases" &&
  /usr/bin/python3 tests/peers/peer_werkzeug.py < "$T/cases" > "$T/werkzeug" &&
  NODE_PATH="$BUILD/peers/node_modules" node tests/peers/peer_negotiator.js < "$T/cases" > "$T/negotiator" ||
  { echo "not ok 1 - the cases and the peers' answers"; echo "1..1"; exit 1; }
echo "# werkzeug $(/usr/bin/python3 -c 'import importlib.metadata as m; print(m.version("werkzeug"))'), negotiator" \
  "$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$BUILD/peers/node_modules/negotiator/package.json")"
LUA_CPATH="$BUILD/5.4/?.so;;" lua5.4 tests/peers/compare.lua "$T/cases" "$T/werkzeug" "$T/negotiator"
