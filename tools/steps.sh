# tools/steps.sh: how tools/test.sh, tools/test-deep.sh and
# tools/test-hosts.sh run and count their steps; sourced by them from the
# clone's top, after they set LABEL (the word of their closing line:
# "total", "deep", "hosts") and DEPS (what tools/deps.sh installs first).
#
# How it counts. Every step prints TAP (busted -o TAP, the C tests through
# tests/tap.h, the shell tests through tests/tap.sh, tests/plain.lua), and
# one unit of the total is one test of TAP: an "ok" line passed, a "not ok"
# line failed, an "ok ... # SKIP" line is reported as skipped (never counted
# as passed). A step with no TAP of its own (a build, a lint, a rock) is a
# single test. A step fails when it exits non-zero, when a test fails, when
# the tests it ran do not add up to the plans ("1..N") it printed (a crash
# half-way), or when it ran fewer tests than its stated minimum (the number
# it runs today, less only what may vary by machine): a step that quietly
# runs nothing cannot pass.
#
# Steps that need nothing of each other run two at a time (tap_bg), each
# counted on its own in the order it started, so the output reads the same.
#
# Every step runs under `timeout`, so a hang fails instead of stalling. A
# step that says SKIPPED at the start of a line (Lua 5.5 or Luau without
# their source) is exempt from its minimum and named again at the end; under
# CI=true that is a failure. finish ends with one line "LABEL: N passed, N
# failed" and exits non-zero on any failure.
timeout 1200 sh tools/deps.sh "$DEPS" || { echo "$LABEL: 0 passed, 1 failed"; exit 1; }

passed=0
failed=0
step_skipped=""
TMP=$(mktemp -d)
prefix=""  # a folder a step made outside $TMP, removed at the end too
trap 'rm -rf "$TMP" ${prefix:+"$prefix"}' EXIT INT TERM
start=$(date +%s)

ok() { passed=$((passed + 1)); echo "ok      $1"; }
bad() { failed=$((failed + 1)); echo "FAILED  $1"; }
# check NAME SECONDS CMD...: one test, its output shown only when it fails
check() {
  name=$1 limit=$2; shift 2
  if timeout "$limit" "$@" >"$TMP/out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/    /' "$TMP/out"; fi
}
# tap_run NAME MIN SECONDS CMD...: runs CMD (which prints TAP) into
# $TMP/run and counts its tests, as the header says
tap_run() {
  name=$1 min=$2 limit=$3; shift 3
  timeout "$limit" "$@" >"$TMP/run" 2>&1
  tap_count "$name" "$min" "$limit" $?
}
# tap_bg NAME MIN SECONDS CMD...: tap_run in the background, for steps
# that need nothing of each other: at most two run at once (the machine
# has two cores); each is counted, in the order they started, when the
# third starts or at tap_wait, which waits for all of them
bg_started=0 bg_counted=0
tap_bg() {
  [ $((bg_started - bg_counted)) -lt 2 ] || tap_wait_one
  bg_started=$((bg_started + 1))
  printf '%s\n%s\n%s\n' "$1" "$2" "$3" > "$TMP/bg$bg_started.step"
  limit=$3; shift 3
  ( timeout "$limit" "$@" >"$TMP/bg$bg_started.out" 2>&1; echo $? > "$TMP/bg$bg_started.rc" ) &
  echo $! > "$TMP/bg$bg_started.pid"
}
tap_wait_one() {
  bg_counted=$((bg_counted + 1))
  wait "$(cat "$TMP/bg$bg_counted.pid")"
  mv "$TMP/bg$bg_counted.out" "$TMP/run"
  tap_count "$(sed -n 1p "$TMP/bg$bg_counted.step")" "$(sed -n 2p "$TMP/bg$bg_counted.step")" \
    "$(sed -n 3p "$TMP/bg$bg_counted.step")" "$(cat "$TMP/bg$bg_counted.rc" 2>/dev/null || echo 1)"
}
tap_wait() { while [ "$bg_counted" -lt "$bg_started" ]; do tap_wait_one; done; }
# tap_count NAME MIN SECONDS RC: counts the TAP in $TMP/run of a step that
# exited RC
tap_count() {
  name=$1 min=$2 limit=$3 rc=$4
  n_ok=$(grep -E -c '^ok [0-9]+' "$TMP/run")
  n_skip=$(grep -E -c '^ok [0-9]+.*# (SKIP|skip)' "$TMP/run")
  n_bad=$(grep -E -c '^not ok [0-9]+' "$TMP/run")
  planned=$(sed -n -E 's/^1\.\.([0-9]+).*/\1/p' "$TMP/run" | awk '{ s += $1 } END { print s + 0 }')
  n_pass=$((n_ok - n_skip))
  passed=$((passed + n_pass))
  failed=$((failed + n_bad))
  why=""
  [ "$rc" -eq 0 ] || why="$why; exited $rc$( [ "$rc" -eq 124 ] && echo " (over its $limit s)")"
  [ $((n_ok + n_bad)) -eq "$planned" ] || why="$why; planned $planned tests, ran $((n_ok + n_bad))"
  # a step that says SKIPPED (loudly, at the start of a line) is exempt from
  # its minimum; under CI=true a skip is itself a failure (see finish)
  if grep -q '^SKIPPED' "$TMP/run"; then
    grep -A2 '^SKIPPED' "$TMP/run" | sed 's/^/    /'
    step_skipped="$step_skipped${step_skipped:+; }$name"
  elif [ "$n_pass" -lt "$min" ]; then
    why="$why; passed $n_pass, fewer than its minimum $min"
  fi
  if [ -n "$why" ] || [ "$n_bad" -ne 0 ]; then
    sed -n -E '/^(ok [0-9]+|1\.\.[0-9]+)/!p' "$TMP/run" | sed 's/^/    /' | tail -150
    # a failing test is already counted; a step that failed otherwise counts one
    if [ -n "$why" ]; then bad "$name: ${why#; }"; else echo "FAILED  $name: $n_bad failed"; fi
  else
    echo "ok      $name: $n_pass passed$( [ "$n_skip" -eq 0 ] || echo ", $n_skip skipped")"
  fi
  if [ "$n_skip" -ne 0 ]; then
    sed -n -E 's/^ok [0-9]+.*# (SKIP|skip) */    skipped: /p' "$TMP/run" | sort | uniq -c | sed 's/^ */   /' | head -20
  fi
}
section() { echo; echo "== $1 ($(($(date +%s) - start)) s in)"; }

finish() {
  echo
  if [ -n "$step_skipped" ]; then
    echo "############################################################"
    echo "SKIPPED (see above): $step_skipped"
    echo "############################################################"
    [ "${CI:-}" != true ] ||
      bad "a step skipped under CI=true (CI has ../shared/lua-5.5.0 and ../shared/luau-0.735 beside the clone)"
  fi
  echo "took $(($(date +%s) - start)) s"
  echo "$LABEL: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

