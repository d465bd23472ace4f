#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx plan --resources-to-import FILE` plans an IMPORT change set: the AWS CLI's
# ResourcesToImport file for the import_existing plan golden gives exactly that golden's change
# set; malformed files are refused with exit 1 and a message naming the problem.
#
# usage: plan_import_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
golden="$src/tests/golden/plan/import_existing"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

"$cfnx" plan "$golden.yaml" --stack app --state "$golden.state.json" --format json \
  --resources-to-import "$src/tests/cli/import_existing.resources.json" >"$dir/plan.json"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: import plan exited $rc"; fail=1; fi
if ! diff -u "$golden.expected.json" "$dir/plan.json"; then
  echo "FAIL: import plan differs from $golden.expected.json"; fail=1
fi

check_refused() {  # FILE-CONTENT EXPECTED-MESSAGE-PART
  printf '%s' "$1" >"$dir/imports.json"
  "$cfnx" plan "$golden.yaml" --stack app --state "$golden.state.json" \
    --resources-to-import "$dir/imports.json" >"$dir/out" 2>"$dir/err"
  rc=$?
  if [ $rc -ne 1 ] || ! grep -q -- "$2" "$dir/err"; then
    echo "FAIL: $1 -> exit $rc, stderr: $(cat "$dir/err") (wanted '$2')"; fail=1
  fi
}
check_refused '{"Legacy": {}}' 'expected a JSON list'
check_refused 'not json' 'expected a JSON list'
check_refused '[{"LogicalResourceId": "Legacy"}]' 'needs LogicalResourceId'
check_refused '[{"LogicalResourceId": "Legacy", "ResourceIdentifier": {"BucketName": 1}}]' \
  'ResourceIdentifier.BucketName must be a string'
check_refused '[{"LogicalResourceId": "L", "ResourceIdentifier": {"A": "a"}},
 {"LogicalResourceId": "L", "ResourceIdentifier": {"A": "b"}}]' "'L' is listed twice"
"$cfnx" plan "$golden.yaml" --stack app --resources-to-import "$dir/absent.json" \
  >/dev/null 2>"$dir/err"
if [ $? -ne 1 ] || ! grep -q "cannot read" "$dir/err"; then
  echo "FAIL: a missing file is not refused"; fail=1
fi
exit $fail
