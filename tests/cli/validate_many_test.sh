#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx validate` over many templates: directories expand to their templates (sorted, hidden
# directories skipped), "-" reads standard input, and the output is byte for byte the same for
# every -j, in every format.
#
# usage: validate_many_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
golden="$src/tests/golden/validate"
for fmt in text json sarif junit parseable; do
  "$cfnx" validate -j 1 --format $fmt "$golden" >"$dir/j1" 2>&1
  rc1=$?
  "$cfnx" validate -j 4 --format $fmt "$golden" >"$dir/j4" 2>&1
  rc4=$?
  if [ $rc1 -ne $rc4 ] || ! cmp -s "$dir/j1" "$dir/j4"; then
    echo "FAIL: --format $fmt differs between -j 1 ($rc1) and -j 4 ($rc4)"; fail=1
  fi
  [ $rc1 -ge 16 ] && { echo "FAIL: --format $fmt exit $rc1"; fail=1; }
done
# A directory is its templates in path order, the same as naming them.
mkdir -p "$dir/t/sub" "$dir/t/.hidden"
printf 'Resources:\n  B:\n    Type: AWS::S3::Buckt\n' >"$dir/t/b.yaml"
printf 'Resources:\n  A:\n    Type: AWS::S3::Buckt\n' >"$dir/t/sub/a.json.template"
printf 'Resources:\n  H:\n    Type: AWS::S3::Buckt\n' >"$dir/t/.hidden/h.yaml"
printf 'not a template\n' >"$dir/t/notes.txt"
"$cfnx" validate --format parseable "$dir/t" >"$dir/d" 2>&1
"$cfnx" validate --format parseable "$dir/t/b.yaml" "$dir/t/sub/a.json.template" >"$dir/f" 2>&1
cmp -s "$dir/d" "$dir/f" || { echo "FAIL: a directory is not its templates in order"; cat "$dir/d"; fail=1; }
grep -q "h.yaml" "$dir/d" && { echo "FAIL: a hidden directory was read"; fail=1; }
mkdir -p "$dir/empty"
"$cfnx" validate "$dir/empty" >"$dir/e" 2>&1
[ $? -eq 1 ] || { echo "FAIL: a directory without templates is not an error"; fail=1; }
# Standard input.
"$cfnx" validate --format parseable - <"$dir/t/b.yaml" >"$dir/s" 2>&1
rc=$?
if [ $rc -ne 2 ] || ! grep -q "^-:3:11:.*E3006" "$dir/s"; then
  echo "FAIL: validate - (exit $rc)"; cat "$dir/s"; fail=1
fi
[ $fail -eq 0 ] && echo "validate many: pass"
exit $fail
