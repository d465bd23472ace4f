#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx validate` over many templates: directories expand to their templates (sorted, hidden
# directories skipped), "-" reads standard input, and the output is byte for byte the same for
# every -j, in every format; --output-file and --color.
#
# usage: validate_many_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
golden="$src/tests/golden/validate"
for fmt in text json sarif junit parseable code-climate; do
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
# --output-file: the findings go to the file, byte for byte what stdout would get, and never
# coloured; --color always colours stdout even off a terminal, --color never does not.
"$cfnx" validate --format parseable --output-file "$dir/of" "$dir/t" >"$dir/o" 2>&1
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: --output-file exit $rc"; fail=1; }
[ -s "$dir/o" ] && { echo "FAIL: --output-file also printed: $(cat "$dir/o")"; fail=1; }
cmp -s "$dir/of" "$dir/d" || { echo "FAIL: --output-file differs from stdout"; fail=1; }
"$cfnx" validate --color always --output-file "$dir/of" "$dir/t/b.yaml" >/dev/null 2>&1
grep -q "$(printf '\033')" "$dir/of" && { echo "FAIL: --output-file is coloured"; fail=1; }
"$cfnx" validate --color always "$dir/t/b.yaml" >"$dir/c" 2>&1
grep -q "$(printf '\033')\[" "$dir/c" || { echo "FAIL: --color always did not colour"; fail=1; }
"$cfnx" validate --color never "$dir/t/b.yaml" >"$dir/c" 2>&1
grep -q "$(printf '\033')" "$dir/c" && { echo "FAIL: --color never coloured"; fail=1; }
"$cfnx" validate --color sometimes "$dir/t/b.yaml" >"$dir/c" 2>&1
[ $? -eq 1 ] || { echo "FAIL: --color sometimes was accepted"; fail=1; }
[ $fail -eq 0 ] && echo "validate many: pass"
exit $fail
