#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx deploy --plan PLAN` executes only the template and parameter values PLAN was made from
# (issue 5): after `cfnx plan -o`, editing the template (here: dropping a resource the plan does
# not delete), changing a --parameters value or --on-failure makes deploy refuse with exit 1 and
# leave the stack as it was; a plan without InputsFingerprint (an older cfnx's) is refused too.
# The same inputs deploy, also when a parameter is given with the value it already has.
#
# usage: deploy_saved_plan_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"

cat >"$dir/v1.yaml" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Label:
    Type: String
Resources:
  Keep:
    Type: AWS::SQS::Queue
  Spare:
    Type: AWS::SQS::Queue
  Setting:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref Label
YAML
# v2 adds a Description; the plan of v2 updates Setting and nothing else.
sed 's/^      Type: String$/      Type: String\n      Description: v2/' "$dir/v1.yaml" >"$dir/v2.yaml"

"$cfnx" deploy "$dir/v1.yaml" --stack app --state "$state" --yes --parameters Label=first \
  >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: first deploy exited $rc"; cat "$dir/out"; fail=1; fi
"$cfnx" describe --stack app --state "$state" --format json >"$dir/before.json" || fail=1
# Each case starts from this stack (the database and any WAL file as the deploy left them).
for f in "$state"*; do cp "$f" "$dir/base${f#"$state"}"; done
reset_state() {
  rm -f "$state"*
  for f in "$dir/base"*; do cp "$f" "$state${f#"$dir/base"}"; done
}

"$cfnx" plan "$dir/v2.yaml" --stack app --state "$state" -o "$dir/plan.json" >"$dir/plan.txt" 2>&1
rc=$?
if [ $rc -ne 0 ] || ! grep -q '/Properties/Description: (none) -> v2' "$dir/plan.txt" ||
   grep -q 'Spare' "$dir/plan.txt"; then
  echo "FAIL: plan of v2 exited $rc, wanted only Setting's Description:"; cat "$dir/plan.txt"
  fail=1
fi

refused() {  # WHAT, then the deploy arguments after the template
  what=$1
  shift
  reset_state
  "$cfnx" deploy "$@" --stack app --state "$state" --yes >"$dir/out" 2>&1
  rc=$?
  if [ $rc -ne 1 ] || ! grep -q "$expect" "$dir/out" || grep -q '_IN_PROGRESS' "$dir/out"; then
    echo "FAIL: $what: deploy --plan exited $rc, wanted 1 and '$expect' before deploying:"
    cat "$dir/out"; fail=1
  fi
  "$cfnx" describe --stack app --state "$state" --format json >"$dir/after.json" || fail=1
  if ! cmp -s "$dir/before.json" "$dir/after.json"; then
    echo "FAIL: $what: the stack changed:"; diff "$dir/before.json" "$dir/after.json"; fail=1
  fi
}

expect='changed since the plan was made.*run `cfnx plan` again'
# The template edited after the plan: Spare removed. Executing it would delete Spare, which the
# reviewed plan does not list.
sed '/^  Spare:$/,+1d' "$dir/v2.yaml" >"$dir/v2-now.yaml"
grep -q '^  Keep:$' "$dir/v2-now.yaml" && ! grep -q Spare "$dir/v2-now.yaml" || {
  echo "FAIL: fixture: Spare not removed"; fail=1; }
refused "template edited" "$dir/v2-now.yaml" --plan "$dir/plan.json"
# Another parameter value than the plan's (it kept the deployed Label=first).
refused "--parameters changed" "$dir/v2.yaml" --plan "$dir/plan.json" --parameters Label=second
# Another --on-failure than the plan's rollback plan (ROLLBACK).
refused "--on-failure changed" "$dir/v2.yaml" --plan "$dir/plan.json" --on-failure DELETE
# A plan saved without InputsFingerprint cannot be checked: refused.
grep -v '"InputsFingerprint"' "$dir/plan.json" | sed 's/^\(  "StateFingerprint": "[0-9a-f]*"\),$/\1/' \
  >"$dir/old-plan.json"
expect='does not record the template and parameters.*run `cfnx plan` again'
refused "plan without InputsFingerprint" "$dir/v2.yaml" --plan "$dir/old-plan.json"

# The inputs the plan was made from (Label given with its deployed value is the same input).
reset_state
"$cfnx" deploy "$dir/v2.yaml" --stack app --state "$state" --yes --plan "$dir/plan.json" \
  --parameters Label=first >"$dir/out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL: deploy --plan with the planned inputs exited $rc"; cat "$dir/out"; fail=1; fi
"$cfnx" describe --stack app --state "$state" --format json >"$dir/after.json" || fail=1
if ! grep -q '"Description": "v2"' "$dir/after.json" || ! grep -q '"Spare"' "$dir/after.json" ||
   ! grep -q '"Value": "first"' "$dir/after.json"; then
  echo "FAIL: deploy --plan did not deploy v2 with Label=first and Spare kept:"
  cat "$dir/after.json"; fail=1
fi
exit $fail
