# tests/host_lib.sh: what the tests of doc/hosts.md's recipes share, sourced
# by tests/host_*.sh from the clone's top: ROOT, BUILD, a folder T removed at
# exit, TAP (tests/tap.sh), and the helpers below. A server a test starts
# runs as its own child, in $pid, so that it is stopped by its pid (at exit
# too) and waited for.
ROOT=$(pwd)
BUILD=${BUILD:-build}
T=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
TAP_OUT="$T/out"
. tests/tap.sh

# blocks NAME...: the blocks of doc/hosts.md that name these files, into
# $T/NAME.in (tests/doc_blocks.lua); what it said, in $T/extract.log
blocks() {
  lua5.4 tests/doc_blocks.lua doc/hosts.md "$T" "$@" > "$T/extract.log" 2>&1
}

# recipe WHAT NAME... [-- MODULE...]: the blocks of doc/hosts.md that name
# these files (into $T/NAME.in), and the modules built (make MODULE...), as
# one test that names WHAT
recipe() {
  what=$1; shift
  names="" modules=""
  while [ $# -gt 0 ] && [ "$1" != -- ]; do names="$names $1"; shift; done
  [ $# -gt 0 ] && shift && modules="$*"
  # shellcheck disable=SC2086
  blocks $names
  files=""
  for n in $names; do files="$files '$T/$n.in'"; done
  check "doc/hosts.md's $what" sh -c "
    cat '$T/extract.log'; for f in $files; do [ -f \"\$f\" ] || exit 1; done
    [ -z '$modules' ] || make --no-print-directory -s $modules"
}

# status_server: tests/status_server.py on a free port, $port, as the child
# $pid, once it answers
status_server() {
  port=$(free_port)
  /usr/bin/python3 tests/status_server.py "$port" > "$T/server.log" 2>&1 &
  pid=$!
  wait_up "http://127.0.0.1:$port/200"
}

# a port 20000-32000, drawn anew each call: below Linux's ephemeral ports
# (32768 on), which the clients of the tests before may still hold
free_port() {
  lua5.4 -e 'math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 65536)
    print(math.random(20000, 32000))'
}

# wait_up URL: returns once URL answers, or after 5 s
wait_up() {
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
    curl -s -o /dev/null --max-time 1 "$1" && return 0
    sleep 0.2
  done
  return 1
}

# stop_child NAME PID: stops the child PID and waits for it, as one test
stop_child() {
  kill "$2" 2>/dev/null
  wait "$2" 2>/dev/null
  check "$1: stopped by its pid" sh -c "! kill -0 $2 2>/dev/null"
}
