#!/bin/sh
# tests/host_love.sh: the game of doc/hosts.md's LÖVE section, as written
# there, packed into a .love with the pure edition (a .love cannot load C)
# and run by a real LÖVE (Debian's 11.4, LuaJIT) headless: no window
# (conf.lua), SDL's dummy video and audio drivers. It fetches from
# tests/status_server.py on a loopback port (this script's child, stopped by
# its pid): /flaky answers 503 with Retry-After: 1 twice, then 200. The test
# adds a conf.lua and, after the page's main.lua, a love.load that prints the
# game's message and quits. Prints TAP (tests/tap.sh).
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/host_lib.sh

recipe "LÖVE block" main.lua
status_server

# game NAME PATH: the .love for the server's PATH, in $T/NAME.love
game() {
  G="$T/$1" && mkdir -p "$G/httpstatus" && cp lua/httpstatus/pure.lua "$G/httpstatus/" &&
  sed -e "s|@URL@|http://127.0.0.1:$port$2|g" "$T/main.lua.in" > "$G/main.lua" &&
  cat >> "$G/main.lua" <<'LUA' &&
-- added by tests/host_love.sh: print the message, then quit
local load = love.load
function love.load(...) load(...) io.write(message, "\n") love.event.quit() end
LUA
  cat > "$G/conf.lua" <<'LUA' &&
function love.conf(t)
  t.window = false
  t.modules.audio, t.modules.sound = false, false
end
LUA
  (cd "$G" && /usr/bin/python3 -m zipfile -c "$T/$1.love" main.lua conf.lua httpstatus)
}
game flaky /flaky && game gone /410

check "LÖVE: the .love waits out two 503s with Retry-After: 1, then gets 200 (the pure edition from the archive)" sh -c "
  out=\$(cd '$T' && SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy HOME='$T' timeout 60 love '$T/flaky.love' 2>'$T/err')
  echo \"\$out\"; cat '$T/err'; [ \"\$out\" = '200 OK after 3 tries' ]"
check "LÖVE: a 410 is not retried" sh -c "
  out=\$(cd '$T' && SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy HOME='$T' timeout 60 love '$T/gone.love' 2>'$T/err')
  echo \"\$out\"; cat '$T/err'; [ \"\$out\" = '410 Gone after 1 tries' ]"
stop_child "the status server" "$pid"
pid=""
tap_done
