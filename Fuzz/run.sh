#!/usr/bin/env bash
# Builds the libFuzzer harnesses with AddressSanitizer and runs each for SECONDS (default 30) over the seed
# corpus, the two at once. Fails (exit 1) when a harness crashes, leaks or breaks one of its checks; the input
# that did it is saved under .build-fuzz/artifacts/ and the log names it.
#
#   Fuzz/run.sh [SECONDS]
#
# Harnesses: `json` (JSON parser and dataset loader, Sources/ChanceryModel) and `keys` (key-script parser and
# the key names, Sources/TerminalUI). See docs/RELIABILITY.md for longer runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
out=.build-fuzz
mkdir -p "$out/artifacts" "$out/corpus/json" "$out/corpus/keys"

swiftc_flags=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g -module-cache-path "$out/module-cache")

echo "building the fuzzers..." >&2
start=$(date +%s)
swiftc "${swiftc_flags[@]}" -module-name ChanceryModel $(find Sources/ChanceryModel -name '*.swift') Fuzz/JSONFuzz.swift \
  -o "$out/fuzz-json" 2> "$out/build-json.log" &
json_build=$!
swiftc "${swiftc_flags[@]}" -module-name TerminalUI $(find Sources/TerminalUI -name '*.swift') \
  Fuzz/KeyScriptFuzz.swift -o "$out/fuzz-keys" 2> "$out/build-keys.log" &
keys_build=$!
built=0
wait "$json_build" || { grep -v 'warning: Cannot export local symbol' "$out/build-json.log" >&2; built=1; }
wait "$keys_build" || { grep -v 'warning: Cannot export local symbol' "$out/build-keys.log" >&2; built=1; }
[ "$built" -eq 0 ] || { echo "fuzzer build failed" >&2; exit 1; }
echo "built in $(( $(date +%s) - start ))s; fuzzing each for ${seconds}s" >&2

# Seeds come from Fuzz/corpus/ (small records of each kind, key scripts); new inputs go to .build-fuzz/corpus/.
# A known toolchain leak is suppressed (see the file); any other leak fails the run.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0"

run() {
  local name="$1"
  "$out/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$name-" "$out/corpus/$name" "Fuzz/corpus/$name" > "$out/$name.log" 2>&1
}
status=0
run json & json_run=$!
run keys & keys_run=$!
for name in json keys; do
  pid=$([ "$name" = json ] && echo "$json_run" || echo "$keys_run")
  if wait "$pid"; then
    echo "$name: $(grep -E '^stat::number_of_executed_units' "$out/$name.log" | awk '{print $2}') runs, no crash" >&2
  else
    status=1
    echo "$name: FAILED; the end of $out/$name.log:" >&2
    tail -40 "$out/$name.log" >&2
  fi
done
exit "$status"
