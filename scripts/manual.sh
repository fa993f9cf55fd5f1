#!/usr/bin/env bash
# scripts/manual.sh [BINARY [OUTPUT]]: the man page of every dxtop command, one page (`man dxtop`),
# made by swift-argument-parser's generate-manual from the command definitions: the tool runs BINARY
# with --experimental-dump-help. Writes OUTPUT, by default docs/man/dxtop.1, the copy that
# ManualPageTests compares with `--help`. Run it after changing a command or an option (after
# `swift build`); scripts/package.sh runs it on the binary it ships.
#
# It runs the tool that `swift package plugin generate-manual` runs (same page, byte for byte), built
# from the swift-argument-parser checkout Package.resolved pins, instead of the plugin itself: the
# plugin first rebuilds every product in its own way, and `swift package` does not take
# --static-swift-stdlib, so on the release build it would recompile every package a second time.
# The page's date is the day VERSION last changed, so regenerating does not change it every day.
# Environment: SCRATCH_PATH, the build folder holding BINARY's checkouts (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
binary=${1:-$(swift build --scratch-path "$scratch" --show-bin-path)/dxtop}
output=${2:-docs/man/dxtop.1}
[ -x "$binary" ] || { echo "manual.sh: no $binary: build dxtop first (swift build)" >&2; exit 1; }
checkout=$scratch/checkouts/swift-argument-parser
[ -f "$checkout/Package.swift" ] || { echo "manual.sh: no $checkout: build dxtop first (swift build)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! swift build --package-path "$checkout" --scratch-path "$scratch/generate-manual" --product generate-manual \
    > "$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "manual.sh: building swift-argument-parser's generate-manual failed (above)" >&2; exit 1
fi
tool="$(swift build --package-path "$checkout" --scratch-path "$scratch/generate-manual" --show-bin-path)/generate-manual"

date=$(git log -1 --format=%cs -- VERSION 2>/dev/null || true)
[ -n "$date" ] || date=$(date -u +%Y-%m-%d)
"$tool" "$binary" --output-directory "$work" --date "$date"
mkdir -p "$(dirname "$output")"
cp "$work/dxtop.1" "$output"
echo "manual.sh: wrote $output ($(grep -c '^\.It Em' "$output") commands)"
