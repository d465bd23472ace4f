#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# The command line's own behaviour: help, version, usage errors and their exit codes, for the
# top level and every subcommand. Each line of tests/golden/cli/usage.args is one command line
# ("<none>": no arguments); its stdout, stderr and exit code are compared with
# tests/golden/cli/usage.expected.
# CFNX_UPDATE_GOLDENS=1 rewrites the expectation.
#
# usage: usage_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# `cfnx validate` reads a .cfnlintrc from $HOME: none from the real one.
HOME="$dir"
export HOME
# CLI11 prints argv[0] in usage lines: run the binary as "cfnx" through a link.
ln -s "$cfnx" "$dir/cfnx"
actual="$dir/actual"
: >"$actual"
while IFS= read -r line; do
  case "$line" in '' | '#'*) continue ;; esac
  printf '$ cfnx %s\n' "$line" >>"$actual"
  [ "$line" = "<none>" ] && line=""
  # Word splitting of $line is intended: the args file holds simple words.
  # shellcheck disable=SC2086
  (cd "$dir" && PATH="$dir:$PATH" cfnx $line >"$dir/out" 2>"$dir/err" </dev/null)
  code=$?
  printf -- '--- stdout\n' >>"$actual"
  cat "$dir/out" >>"$actual"
  printf -- '--- stderr\n' >>"$actual"
  cat "$dir/err" >>"$actual"
  printf -- '--- exit %s\n' "$code" >>"$actual"
done <"$src/tests/golden/cli/usage.args"
expected="$src/tests/golden/cli/usage.expected"
if [ "${CFNX_UPDATE_GOLDENS:-}" = 1 ]; then
  cp "$actual" "$expected"
  exit 0
fi
diff -u "$expected" "$actual"
