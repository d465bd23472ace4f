#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx deploy` needs --capabilities exactly where `cfnx plan` forecasts E9006, also through a
# saved plan (`--plan`): without them it refuses (exit 1) before touching anything, as
# CloudFormation refuses the change set (InsufficientCapabilities).
#
# usage: deploy_capabilities_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"
cat >"$dir/iam.yaml" <<'YAML'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-role
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
YAML
"$cfnx" deploy "$dir/iam.yaml" --stack app --state "$state" --yes >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 1 ] || ! grep -q "E9006.*CAPABILITY_NAMED_IAM" "$dir/out"; then
  echo "FAIL: deploy without --capabilities: exit $rc (wanted 1 with E9006)"; cat "$dir/out"; fail=1
fi
if "$cfnx" describe --stack app --state "$state" >/dev/null 2>&1; then
  echo "FAIL: deploy without --capabilities created the stack"; fail=1
fi
"$cfnx" plan "$dir/iam.yaml" --stack app --state "$state" --capabilities CAPABILITY_NAMED_IAM \
  -o "$dir/plan.json" >/dev/null 2>&1 || { echo "FAIL: plan with --capabilities"; fail=1; }
"$cfnx" deploy "$dir/iam.yaml" --stack app --state "$state" --yes --plan "$dir/plan.json" \
  >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 1 ] || ! grep -q "E9006" "$dir/out"; then
  echo "FAIL: deploy --plan without --capabilities: exit $rc (wanted 1 with E9006)"; cat "$dir/out"; fail=1
fi
"$cfnx" deploy "$dir/iam.yaml" --stack app --state "$state" --yes --plan "$dir/plan.json" \
  --capabilities CAPABILITY_NAMED_IAM >"$dir/out" 2>&1 || {
  echo "FAIL: deploy --plan with --capabilities failed"; cat "$dir/out"; fail=1
}
"$cfnx" describe --stack app --state "$state" 2>&1 | grep -q "^Status: *CREATE_COMPLETE" || {
  echo "FAIL: the stack was not created"; fail=1
}
[ $fail -eq 0 ] && echo "deploy capabilities: pass"
exit $fail
