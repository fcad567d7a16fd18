# tests/host_lib.sh: what the tests of doc/hosts.md's recipes share, sourced
# after tests/tap.sh by tests/host_*.sh. A server they start runs as the
# test's own child, so that the test can stop it by its pid and wait for it.

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
