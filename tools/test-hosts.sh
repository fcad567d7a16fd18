#!/bin/sh
# tools/test-hosts.sh: `make test-hosts`, the module inside programs that
# embed Lua, each run for real (how steps run and are counted:
# tools/steps.sh):
#   - Luau, as Roblox runs scripts (tests/host_luau.sh): the pure edition,
#     tests/plain.lua whole and the C module's answers, in a host built on
#     Luau's VM and compiler from their source (LUAU_SRC, or
#     ../shared/luau-0.735 beside the clone; without it a local run says
#     SKIPPED loudly, and under CI=true that is a failure);
#   - HAProxy (tests/host_haproxy.sh): doc/hosts.md's recipes as written, in
#     a real HAProxy on loopback ports, with the C module built for its Lua
#     5.3 and with the pure edition;
#   - wrk (tests/host_wrk.sh): doc/hosts.md's wrk script as written, against
#     a file server on loopback, with both editions;
#   - lighttpd (tests/host_lighttpd.sh): doc/hosts.md's magnet script and
#     configuration as written, in a real lighttpd on loopback, with both
#     editions;
#   - Apache, Neovim, nmap, tshark, LÖVE and Tarantool (tests/host_*.sh):
#     each recipe of doc/hosts.md as written, in the real program, with both
#     editions (LÖVE: the pure edition, as a .love carries it).
# Installs what it needs (tools/deps.sh hosts); ends with one line
# "hosts: N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
LABEL=hosts DEPS=hosts
. tools/steps.sh

section "build"
check "the module for Lua 5.4 (build/5.4), whose answers the hosts are compared with" 300 \
  make --no-print-directory build/5.4/httpstatus.so

section "Luau (a host that runs scripts as Roblox does)"
tap_run "Luau: the pure edition, tests/plain.lua and the C module's answers" 1211 900 sh tests/host_luau.sh

section "HAProxy $(haproxy -v 2>/dev/null | sed -n 's/^HAProxy version \([^ ]*\).*/\1/p') (Lua 5.3): doc/hosts.md's recipes"
tap_run "HAProxy: the service, the converter and the errorfile, with both editions" 14 300 sh tests/host_haproxy.sh

section "wrk $(wrk --version 2>&1 | sed -n 's/^wrk \([^ ]*\).*/\1/p') (LuaJIT): doc/hosts.md's recipe"
tap_run "wrk: responses counted by class in response() and done(), with both editions" 4 300 sh tests/host_wrk.sh

section "lighttpd $(lighttpd -v 2>/dev/null | sed -n 's|^lighttpd/\([^ ]*\).*|\1|p') (mod_magnet, Lua 5.4): doc/hosts.md's recipe"
tap_run "lighttpd: the magnet script classifies responses, package.cpath kept, with both editions" 7 300 \
  sh tests/host_lighttpd.sh

section "Apache $(/usr/sbin/apache2 -v 2>/dev/null | sed -n 's|^Server version: Apache/\([^ ]*\).*|\1|p') (mod_lua, Lua 5.3): doc/hosts.md's recipe"
tap_run "Apache: the handler answers with error_response, the log hook classifies, LuaScope thread keeps the state" 11 300 \
  sh tests/host_apache.sh

section "Neovim $(nvim --version 2>/dev/null | sed -n '1s/^NVIM v//p') (LuaJIT): doc/hosts.md's plugin"
tap_run "Neovim: :HttpStatus from the plugin's lua/, in English and Traditional Chinese, with both editions" 5 300 \
  sh tests/host_nvim.sh

section "nmap $(nmap --version 2>/dev/null | sed -n 's/^Nmap version \([^ ]*\).*/\1/p') (NSE, Lua 5.3): doc/hosts.md's script"
tap_run "nmap: status, phrase, class and Retry-After of a server on loopback, with both editions" 4 300 sh tests/host_nmap.sh

section "tshark $(tshark --version 2>/dev/null | sed -n '1s/^TShark (Wireshark) \([^ ]*\).*/\1/p') (Lua 5.2): doc/hosts.md's postdissector"
tap_run "tshark: class, phrase and retry fields on each HTTP response of a capture, with both editions" 6 300 \
  sh tests/host_tshark.sh

section "LÖVE $(love --version 2>/dev/null | sed -n 's/^LOVE \([^ ]*\).*/\1/p') (LuaJIT): doc/hosts.md's game, headless"
tap_run "LÖVE: a .love with the pure edition retries by Retry-After" 4 300 sh tests/host_love.sh

section "Tarantool $(tarantool --version 2>/dev/null | sed -n '1s/^Tarantool \([^ ]*\).*/\1/p') (its LuaJIT): doc/hosts.md's client"
tap_run "Tarantool: the module from .rocks, retries by is_retryable and retry_after, with both editions" 4 300 \
  sh tests/host_tarantool.sh

finish
