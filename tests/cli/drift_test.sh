#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Drift detection on the local backend: a deployed stack is IN_SYNC; `simulate-drift --set`
# makes a resource MODIFIED (NOT_EQUAL and ADD differences), `--unset` a REMOVE, `--delete`
# DELETED; custom resources are NOT_CHECKED; JSON in DescribeStackResourceDrifts' shape; exit 0
# in sync, 2 drifted, 1 could not run; NoEcho values print as ****.
#
# usage: drift_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"
. "$(dirname "$0")/check.sh"
cat >"$dir/t.yaml" <<'YAML'
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: orders
      Tags:
        - Key: team
          Value: payments
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: 5
  Db:
    Type: Custom::Db
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:db
YAML
check "deploy" 0 "CREATE_COMPLETE" -- \
  "$cfnx" deploy "$dir/t.yaml" --stack app --state "$state" --yes
check "in sync" 0 "Stack app: IN_SYNC" -- "$cfnx" drift --stack app --state "$state"
check "custom resources are not checked" 0 "Db (Custom::Db): NOT_CHECKED" -- \
  "$cfnx" drift --stack app --state "$state"
check "in sync as JSON" 0 '"StackResourceDriftStatus": "IN_SYNC"' -- \
  "$cfnx" drift --stack app --state "$state" --format json
check "simulate a change" 0 "changed in the local provider" -- \
  "$cfnx" simulate-drift --stack app --state "$state" --resource Topic \
  --set DisplayName=renamed --set /Tags/0/Value=billing --set 'KmsMasterKeyId="alias/k"'
check "modified" 2 "Topic (AWS::SNS::Topic): MODIFIED" -- \
  "$cfnx" drift --stack app --state "$state"
check "NOT_EQUAL difference" 2 "NOT_EQUAL /DisplayName expected: orders, actual: renamed" -- \
  "$cfnx" drift --stack app --state "$state"
check "nested NOT_EQUAL difference" 2 "NOT_EQUAL /Tags/0/Value expected: payments" -- \
  "$cfnx" drift --stack app --state "$state"
check "ADD difference" 2 "ADD /KmsMasterKeyId actual: alias/k" -- \
  "$cfnx" drift --stack app --state "$state"
check "JSON differences" 2 '"DifferenceType": "NOT_EQUAL"' -- \
  "$cfnx" drift --stack app --state "$state" --format json
check "JSON stack status" 2 '"StackDriftStatus": "DRIFTED"' -- \
  "$cfnx" drift --stack app --state "$state" --format json
check "remove a property" 0 "changed" -- \
  "$cfnx" simulate-drift --stack app --state "$state" --resource Queue --unset DelaySeconds
check "REMOVE difference" 2 "REMOVE /DelaySeconds expected: 5" -- \
  "$cfnx" drift --stack app --state "$state"
check "delete a resource" 0 "deleted from the local provider" -- \
  "$cfnx" simulate-drift --stack app --state "$state" --resource Queue --delete
check "deleted" 2 "Queue (AWS::SQS::Queue): DELETED" -- \
  "$cfnx" drift --stack app --state "$state"
check "JSON deleted" 2 '"StackResourceDriftStatus": "DELETED"' -- \
  "$cfnx" drift --stack app --state "$state" --format json
check "a path that does not exist" 1 "has no such property" -- \
  "$cfnx" simulate-drift --stack app --state "$state" --resource Topic --unset Nothing
check "a resource that does not exist" 1 "does not exist" -- \
  "$cfnx" simulate-drift --stack app --state "$state" --resource Nope --set A=1
check "nothing to change" 1 "say what drifts" -- \
  "$cfnx" simulate-drift --stack app --state "$state" --resource Topic
check "a stack that does not exist" 1 "does not exist" -- \
  "$cfnx" drift --stack nope --state "$state"
# NoEcho values are compared but never printed, as `describe` masks them.
cat >"$dir/secret.yaml" <<'YAML'
Parameters:
  Secret:
    Type: String
    NoEcho: true
    Default: hunter2
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !Ref Secret
YAML
check "deploy a secret" 0 "CREATE_COMPLETE" -- \
  "$cfnx" deploy "$dir/secret.yaml" --stack secret --state "$state" --yes
check "a secret drifts" 0 "changed" -- \
  "$cfnx" simulate-drift --stack secret --state "$state" --resource Topic --set DisplayName=x
check "the secret is masked" 2 "NOT_EQUAL /DisplayName expected: \*\*\*\*, actual: \*\*\*\*" -- \
  "$cfnx" drift --stack secret --state "$state"
for format in text json; do
  if "$cfnx" drift --stack secret --state "$state" --format $format | grep -q hunter2; then
    echo "FAIL: drift --format $format prints a NoEcho value"
    fail=1
  fi
done
check "help says the exit codes" 0 "2 drifted" -- "$cfnx" drift --help
exit $fail
