#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx deploy` without --parameters keeps the stack's deployed parameter values, also where
# AWS::LanguageExtensions expands the template (a Fn::FindInMap keyed by a parameter, a
# Fn::ForEach over a list parameter), as `cfnx plan` does: a stack deployed with Stage=prod and
# Queues=a,b keeps its prod mapping value and both queues when deployed again, directly and
# through a plan saved by `cfnx plan -o`.
#
# usage: deploy_parameters_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"

cat >"$dir/v1.yaml" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Stage:
    Type: String
    Default: dev
  Queues:
    Type: CommaDelimitedList
    Default: a
Mappings:
  Sizes:
    prod:
      Size: large
    dev:
      Size: small
Resources:
  Size:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !FindInMap [Sizes, !Ref Stage, Size]
  Fn::ForEach::Queues:
    - Name
    - !Ref Queues
    - Queue${Name}:
        Type: AWS::SQS::Queue
YAML
# v2 changes a property no parameter decides, so that deploying it is an update.
sed 's/^      Type: String$/      Type: String\n      Description: v2/' "$dir/v1.yaml" >"$dir/v2.yaml"

check_stack() {  # WHAT DESCRIPTION-OR-EMPTY
  "$cfnx" describe --stack app --state "$state" --format json >"$dir/describe.json" || fail=1
  "$cfnx" describe --stack app --state "$state" >"$dir/describe.txt" || fail=1
  if ! grep -q '"Value": "large"' "$dir/describe.json" ||
     grep -q '"Value": "small"' "$dir/describe.json"; then
    echo "FAIL: $1: Size's Value is not prod's 'large':"; grep '"Value"' "$dir/describe.json"
    fail=1
  fi
  if ! grep -q '^  Queueb ' "$dir/describe.txt"; then
    echo "FAIL: $1: the ForEach over the deployed Queues=a,b lost Queueb"; fail=1
  fi
  if [ -n "$2" ] && ! grep -q "\"Description\": \"$2\"" "$dir/describe.json"; then
    echo "FAIL: $1: Size's Description is not '$2'"; fail=1
  fi
}

"$cfnx" deploy "$dir/v1.yaml" --stack app --state "$state" --yes \
  --parameters Stage=prod Queues=a,b >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: first deploy exited $rc"; cat "$dir/out"; fail=1; fi
check_stack "deployed with Stage=prod Queues=a,b" ""

# The same template again without --parameters: nothing changes.
"$cfnx" deploy "$dir/v1.yaml" --stack app --state "$state" --yes >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 0 ] || ! grep -q '^No changes: ' "$dir/out"; then
  echo "FAIL: deploy without --parameters exited $rc, wanted no changes:"; cat "$dir/out"; fail=1
fi
check_stack "deployed again without --parameters" ""

# A saved plan of v2 without --parameters, then deploy --plan: what was planned is deployed.
"$cfnx" plan "$dir/v2.yaml" --stack app --state "$state" --capabilities CAPABILITY_AUTO_EXPAND \
  -o "$dir/plan.json" >"$dir/plan.txt" 2>&1
rc=$?
if [ $rc -ne 0 ] || grep -q 'small\|Queueb' "$dir/plan.txt" ||
   ! grep -q '/Properties/Description: (none) -> v2' "$dir/plan.txt"; then
  echo "FAIL: plan of v2 exited $rc, wanted only Description added:"; cat "$dir/plan.txt"; fail=1
fi
"$cfnx" deploy "$dir/v2.yaml" --stack app --state "$state" --yes --capabilities CAPABILITY_AUTO_EXPAND --plan "$dir/plan.json" \
  >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: deploy --plan exited $rc"; cat "$dir/out"; fail=1; fi
check_stack "deployed v2 with --plan" "v2"
exit $fail
