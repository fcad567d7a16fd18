# tests/tap.sh: the Test Anything Protocol for the shell tests, sourced by
# them. `check NAME CMD...` runs CMD as one test ("ok N - NAME" or "not ok
# N - NAME", with CMD's output as comments when it fails); `tap_done` writes
# the plan "1..N" and returns non-zero if any test failed. The caller sets
# TAP_OUT, a file for CMD's output. tools/test.sh counts the lines.
tap_n=0
tap_failed=0
check() {
  tap_name=$1
  shift
  tap_n=$((tap_n + 1))
  if "$@" >"$TAP_OUT" 2>&1; then
    echo "ok $tap_n - $tap_name"
  else
    tap_failed=$((tap_failed + 1))
    echo "not ok $tap_n - $tap_name"
    sed 's/^/# /' "$TAP_OUT"
  fi
}
tap_done() {
  echo "1..$tap_n"
  [ "$tap_failed" -eq 0 ]
}
