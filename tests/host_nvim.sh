#!/bin/sh
# tests/host_nvim.sh: the plugin of doc/hosts.md's Neovim section, as
# written there, in a headless Neovim (Debian's 0.7, LuaJIT), with both
# editions carried in the plugin's lua/ folder: the C module (build/jit),
# then the pure edition. Neovim runs the command on a code given, on the
# number under the cursor and on a word that is no code, in English and
# under LANG=zh_TW.UTF-8; the test compares what it shows with the module's
# own answers (build/jit under LuaJIT). Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

mkdir -p "$T/plugin"
recipe "Neovim block, and the module for LuaJIT (build/jit)" plugin/httpstatus.lua -- "$BUILD/jit/httpstatus.so"
echo "the upstream answered 503 twice today" > "$T/notes.txt"

# what the command is to show for code in lang (the module's own answers)
want() {
  LUA_CPATH="$ROOT/$BUILD/jit/?.so" luajit -e "local hs = require 'httpstatus'
    local c, l = $1, '$2'
    io.write(('%d %s (%s)\n%s\n'):format(c, hs.reason(c, l), hs.class(c), hs.describe(c, l)))"
}

run_edition() {
  edition=$1 module=$2
  P="$T/httpstatus.nvim-$3"
  mkdir -p "$P/plugin" "$P/lua/httpstatus"
  cp "$T/plugin/httpstatus.lua.in" "$P/plugin/httpstatus.lua"
  case $module in
    *.so) cp "$module" "$P/lua/httpstatus.so" ;;
    *) cp "$module" "$P/lua/httpstatus/pure.lua" ;;
  esac
  for lang in en zh-Hant; do
    case $lang in en) locale=C ;; *) locale=zh_TW.UTF-8 ;; esac
    { want 404 "$lang"; want 503 "$lang"; echo "HttpStatus: not a status code: twice"; } > "$T/want.$lang"
    check "Neovim ($edition, LANG=$locale): :HttpStatus 404, on the 503 under the cursor, and on a word" sh -c "
      cd '$T' && LANG=$locale LC_ALL= LC_MESSAGES= HOME='$T' timeout 20 nvim --headless --clean \
        --cmd 'set rtp^=$P' -c 'HttpStatus 404' -c 'call cursor(1, 25)' -c HttpStatus -c 'HttpStatus twice' \
        -c 'lua io.stdout:write(vim.fn.execute(\"messages\"):sub(2), \"\\n\")' -c 'qa!' notes.txt \
        > '$T/got.$lang' 2> '$T/err.$lang'
      diff '$T/want.$lang' '$T/got.$lang'"
  done
}

run_edition "the C module, LuaJIT" "$ROOT/$BUILD/jit/httpstatus.so" c
run_edition "the pure edition" "$ROOT/lua/httpstatus/pure.lua" pure
tap_done
