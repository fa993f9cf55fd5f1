#!/usr/bin/env bash
# Builds the libFuzzer targets (swiftc -sanitize=fuzzer,address over the package's pure sources)
# and runs them, each from a corpus seeded with Tests/ICWSWireTests/Fixtures (and fuzz/Seeds/<target>/,
# with the dictionary fuzz/Seeds/<target>.dict, where they exist).
#
#   fuzz/run.sh                      every target, 1,000,000 inputs each
#   fuzz/run.sh --runs 50000 jobs    one target, 50,000 inputs
#   fuzz/run.sh --time 20            every target for 20 s each (what CI runs)
#   fuzz/run.sh --max-len 256 dashboard   inputs of at most 256 bytes (default: per target, below)
#   fuzz/run.sh --no-asan dashboard  libFuzzer without AddressSanitizer (2-3x the inputs a second;
#                                    built apart, in fuzz/.build/no-asan)
#
# A crash or a broken invariant stops the target, leaves the input in fuzz/.build/artifacts/ and
# makes the script exit non-zero. Output: one summary line per target (inputs run, coverage).
set -euo pipefail
cd "$(dirname "$0")/.."

limit=(-runs=1000000)
max_len_override=
sanitizers=fuzzer,address
out=fuzz/.build
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) limit=(-runs="$2"); shift 2 ;;
    --time) limit=(-max_total_time="$2"); shift 2 ;;
    --max-len) max_len_override=$2; shift 2 ;;
    --no-asan) sanitizers=fuzzer; out=fuzz/.build/no-asan; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(jobs jobpage messages login sse text dashboard)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

mkdir -p "$out/artifacts"
flags=(-parse-as-library -swift-version 6 -sanitize="$sanitizers" -O -g -use-ld=lld -I "$out" -L "$out")

# A module as a static library: name, then its sources.
library() {
  local name=$1; shift
  # swiftc adds to an archive that exists: one left from a renamed file would define its symbols twice.
  rm -f "$out/lib$name.a"
  swiftc "${flags[@]}" -enable-testing -emit-library -static -emit-module -module-name "$name" \
    -emit-module-path "$out/$name.swiftmodule" -o "$out/lib$name.a" "$@"
}

echo "building fuzz targets in $out"
library DisplayText Sources/DisplayText/*.swift
library ICWSWire Sources/ICWSWire/*.swift
# The client's pure parts: parsers and checks that need no HTTP stack.
library ICWSClientPieces \
  Sources/ICWSClient/{SSEParser,ICWSServer,ICWSError,VisibleText,MessageDecoding,Redaction,SessionCookie}.swift
library JobComposition Sources/JobComposition/*.swift
library SlotTable Sources/SlotTable/*.swift
library Insight Sources/Insight/*.swift
library JobQuery Sources/JobQuery/*.swift
library Clipboard Sources/Clipboard/*.swift
library DashboardKit $(find Sources/DashboardKit -name '*.swift' | sort)

status=0
for target in "${targets[@]}"; do
  swiftc "${flags[@]}" -module-name "fuzz_$target" -o "$out/fuzz-$target" \
    fuzz/Targets/FuzzSupport.swift "fuzz/Targets/$target.swift" -lDashboardKit -lInsight -lSlotTable -lJobQuery -lClipboard -lJobComposition -lICWSClientPieces -lICWSWire -lDisplayText
  corpus="$out/corpus/$target"
  mkdir -p "$corpus"
  cp Tests/ICWSWireTests/Fixtures/* "$corpus/"
  # A target's own seeds and libFuzzer dictionary, when it has them (fuzz/Seeds/<target>[.dict]).
  [ -d "fuzz/Seeds/$target" ] && cp fuzz/Seeds/"$target"/* "$corpus/"
  dict=()
  [ -f "fuzz/Seeds/$target.dict" ] && dict=(-dict="fuzz/Seeds/$target.dict")
  log="$out/fuzz-$target.log"
  # Inputs as long as the target needs: an action sequence of 1 KB is hundreds of actions with
  # renders, a host or a cookie a few KB; wire bodies get 64 KB.
  case "$target" in
    dashboard) max_len=1024 ;;
    login) max_len=4096 ;;
    sse) max_len=16384 ;;
    *) max_len=65536 ;;
  esac
  max_len=${max_len_override:-$max_len}
  if "$out/fuzz-$target" "${limit[@]}" ${dict[@]+"${dict[@]}"} -rss_limit_mb=4096 -max_len=$max_len -print_final_stats=1 \
       -artifact_prefix="$out/artifacts/$target-" "$corpus" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz $target: $runs inputs, $cov, no failure"
  else
    status=1
    echo "fuzz $target: FAILED (see $log and $out/artifacts/)"
    grep -E "invariant broken|ERROR: |Fatal error" "$log" | head -3 || true
  fi
done
exit $status
