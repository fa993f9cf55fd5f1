#!/usr/bin/env bash
# scripts/manual.sh [OUTPUT]: the man page of every dxtop command, one page (`man dxtop`), made by
# swift-argument-parser's generate-manual plugin from the command definitions (the tool runs the
# built dxtop with --experimental-dump-help). Writes OUTPUT, by default docs/man/dxtop.1, the copy
# that ManualPageTests compares with `--help`. Run it after changing a command or an option.
# The page's date is the day VERSION last changed, so regenerating does not change it every day.
# Environment: SCRATCH_PATH (default .build), CONFIGURATION (debug or release; default debug),
# SWIFT_BUILD_FLAGS (more `swift package` build flags, e.g. --static-swift-stdlib).
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-docs/man/dxtop.1}
scratch=${SCRATCH_PATH:-.build}
configuration=${CONFIGURATION:-debug}
read -r -a extra <<< "${SWIFT_BUILD_FLAGS:-}"

date=$(git log -1 --format=%cs -- VERSION 2>/dev/null || true)
[ -n "$date" ] || date=$(date -u +%Y-%m-%d)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package --scratch-path "$scratch" -c "$configuration" "${extra[@]}" \
    plugin generate-manual --configuration "$configuration" --date "$date" > "$log" 2>&1; then
  cat "$log" >&2
  echo "manual.sh: swift package plugin generate-manual failed (above)" >&2; exit 1
fi
page="$scratch/plugins/GenerateManual/outputs/dxtop/dxtop.1"
[ -f "$page" ] || { cat "$log" >&2; echo "manual.sh: the plugin wrote no $page" >&2; exit 1; }
mkdir -p "$(dirname "$output")"
cp "$page" "$output"
echo "manual.sh: wrote $output ($(grep -c '^\.It Em' "$output") commands)"
