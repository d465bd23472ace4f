# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Sourced by the CLI test scripts (`. "$(dirname "$0")/check.sh"`), after they set $dir (a
# scratch directory) and fail=0.
#
# check NAME WANTED_RC PATTERN -- COMMAND...: runs COMMAND with its output in "$dir/out" and
# fails the script (fail=1, a FAIL line with the output) unless it exits WANTED_RC and its output
# matches PATTERN (grep).
check() {  # check NAME WANTED_RC PATTERN -- runs the rest, compares exit code and output
  name=$1 want=$2 pattern=$3
  shift 4
  "$@" >"$dir/out" 2>&1
  rc=$?
  if [ "$rc" -ne "$want" ] || ! grep -q -- "$pattern" "$dir/out"; then
    echo "FAIL: $name: exit $rc (wanted $want), output without /$pattern/:"
    sed 's/^/    /' "$dir/out"
    fail=1
  fi
}
