#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx stackset plan` over accounts x regions: a region-dependent condition and mapping, and a
# resource type one region lacks (that instance would fail: exit 2), in text (compared with
# tests/golden/stackset/regional.expected.txt) and JSON (regional.expected.json;
# CFNX_UPDATE_GOLDENS=1 rewrites both); bad
# accounts and regions are refused (exit 1); every region that offers the types plans clean
# (exit 0).
#
# usage: stackset_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
. "$(dirname "$0")/check.sh"
cd "$src" || exit 1
t=tests/golden/stackset/regional.yaml
"$cfnx" stackset plan "$t" --accounts 111111111111,222222222222 \
  --regions us-east-1,eu-west-1,sa-east-1 --stack-set-name demo --color never >"$dir/text" 2>&1
rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL: text plan exit $rc (wanted 2)"; fail=1; }
expected=tests/golden/stackset/regional.expected.txt
if [ "${CFNX_UPDATE_GOLDENS:-}" = 1 ]; then
  cp "$dir/text" "$expected"
elif ! diff -u "$expected" "$dir/text"; then
  echo "FAIL: stackset plan text differs from $expected"
  fail=1
fi
# JSON: each instance's plan shows its own account, region and mapping value (AfterContext).
"$cfnx" stackset plan "$t" --accounts 111111111111 --regions us-east-1,eu-west-1,sa-east-1 \
  --stack-set-name demo --format json >"$dir/json" 2>&1
rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL: json plan exit $rc (wanted 2)"; fail=1; }
expected_json=tests/golden/stackset/regional.expected.json
if [ "${CFNX_UPDATE_GOLDENS:-}" = 1 ]; then
  cp "$dir/json" "$expected_json"
elif ! diff -u "$expected_json" "$dir/json"; then
  echo "FAIL: stackset plan JSON differs from $expected_json"
  fail=1
fi
check "json: sa-east-1 fails" 2 '"Failed": 2' -- \
  "$cfnx" stackset plan "$t" --accounts 111111111111,222222222222 \
  --regions us-east-1,eu-west-1,sa-east-1 --format json
check "json: the reason" 2 "not available in region 'sa-east-1'" -- \
  "$cfnx" stackset plan "$t" --accounts 111111111111 --regions sa-east-1 --format json
check "regions that offer every type" 0 "2 would succeed, 0 would fail" -- \
  "$cfnx" stackset plan "$t" --accounts 111111111111 --regions us-east-1,eu-west-1
check "the condition differs by region" 0 "GlobalTopic" -- \
  "$cfnx" stackset plan "$t" --accounts 111111111111 --regions us-east-1
if "$cfnx" stackset plan "$t" --accounts 111111111111 --regions eu-west-1 | grep -q GlobalTopic; then
  echo "FAIL: GlobalTopic planned in eu-west-1"
  fail=1
fi
check "a bad account" 1 "not a 12-digit AWS account id" -- \
  "$cfnx" stackset plan "$t" --accounts 12 --regions us-east-1
check "a bad region" 1 "not a region cfnx knows" -- \
  "$cfnx" stackset plan "$t" --accounts 111111111111 --regions mars-1
check "help says the exit codes" 0 "2 some would" -- "$cfnx" stackset plan --help
exit $fail
