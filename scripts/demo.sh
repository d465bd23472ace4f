#!/usr/bin/env bash
# The README's main job on the embedded default (offline, no credentials): validate the
# examples, then show cfnx's findings on a deliberately broken template.
set -uo pipefail
cfnx=${1:-build/cfnx}
cd "$(dirname "$0")/.."
echo "== cfnx validate examples/templates/* (expected: clean)"
"$cfnx" validate examples/templates/*.yaml examples/templates/*.json
status=$?
echo "exit code: $status"
[ $status -eq 0 ] || exit 1
echo
echo "== cfnx validate examples/broken/typos.yaml (deliberately broken: expected findings, exit 2)"
"$cfnx" validate examples/broken/typos.yaml
status=$?
echo "exit code: $status"
[ $status -eq 2 ] || exit 1
exit 0
