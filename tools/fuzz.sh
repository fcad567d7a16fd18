#!/bin/sh
# tools/fuzz.sh MODE: builds the libFuzzer targets in fuzz/ with clang
# (ASan + UBSan) and runs each, from a copy of the committed seed corpus
# fuzz/corpus/NAME, with properties checked on every input (each target's
# header says which). Prints TAP, one test a target.
#   tools/fuzz.sh runs N     N runs a target, seed 1: what `make test` runs,
#                            the same inputs every time (reproducible)
#   tools/fuzz.sh time S     S seconds a target (`make fuzz`, FUZZ_TIME); new
#                            inputs are kept in build/fuzz/corpus-NAME
# Either way a target is stopped by `timeout` if it overruns.
set -u
cd "$(dirname "$0")/.." || exit 1
mode=${1:-runs}
n=${2:-200000}
case $mode in
  runs|time) ;;
  *) echo "usage: $0 runs N | time SECONDS" >&2; exit 2 ;;
esac
[ "$n" -ge 1 ] 2>/dev/null || n=1  # never 0, which libFuzzer reads as "for ever"
out=build/fuzz
# the C core: every src/core/hs_*.c (the generated tables are included by them)
core=$(ls src/core/hs_*.c)
mkdir -p "$out"
count=0
failed=0
for src in fuzz/fuzz_*.c; do
  name=$(basename "$src" .c)
  short=${name#fuzz_}
  count=$((count + 1))
  if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
       -Isrc/core "$src" $core -o "$out/$name" >"$out/$name.build.log" 2>&1; then
    failed=$((failed + 1)); echo "not ok $count - $name: does not build"; sed 's/^/# /' "$out/$name.build.log"
    continue
  fi
  if [ "$mode" = runs ]; then
    corpus="$out/replay-$short"
    rm -rf "$corpus" && mkdir -p "$corpus" && cp fuzz/corpus/"$short"/* "$corpus"/
    flags="-runs=$n -seed=1"
    limit=600
  else
    corpus="$out/corpus-$short"
    mkdir -p "$corpus"
    flags="-max_total_time=$n"
    limit=$((n + 120))
  fi
  # shellcheck disable=SC2086
  if timeout "$limit" "$out/$name" $flags -print_final_stats=1 -artifact_prefix="$out/$name-" \
       "$corpus" "fuzz/corpus/$short" >"$out/$name.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log")
    echo "ok $count - $name: $runs inputs, no crash, every property held"
  else
    failed=$((failed + 1)); echo "not ok $count - $name (the input that failed is under $out/)"
    tail -30 "$out/$name.log" | sed 's/^/# /'
  fi
done
echo "1..$count"
[ "$failed" -eq 0 ]
