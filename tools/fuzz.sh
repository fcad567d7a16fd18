#!/bin/sh
# tools/fuzz.sh SECONDS: builds the libFuzzer targets in fuzz/ with clang
# (ASan + UBSan) and runs each for SECONDS, starting from the seed corpus in
# fuzz/corpus/NAME (new inputs go to build/fuzz/corpus-NAME, not committed).
# Prints each run's executions and ends with "fuzz: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
secs=${1:-60}
out=build/fuzz
# the C core: every src/hs_*.c but the generated tables, which the core files include
core=$(ls src/hs_*.c | grep -v '_data\.c$')
mkdir -p "$out"
passed=0
failed=0
for src in fuzz/fuzz_*.c; do
  name=$(basename "$src" .c)
  short=${name#fuzz_}
  if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
       -Isrc "$src" $core -o "$out/$name"; then
    failed=$((failed + 1)); echo "FAILED  $name: does not build"; continue
  fi
  mkdir -p "$out/corpus-$short"
  if "$out/$name" -max_total_time="$secs" -print_final_stats=1 -artifact_prefix="$out/$name-" \
       "$out/corpus-$short" "fuzz/corpus/$short" >"$out/$name.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
    passed=$((passed + 1)); echo "ok      $name: $runs executions in ${secs}s, no crash, every property held"
  else
    failed=$((failed + 1)); echo "FAILED  $name (crash input saved under $out/):"
    tail -30 "$out/$name.log"
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
