#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Resource signals on the local backend through the CLI, from another process as cfn-signal
# sends them: a deploy waits for a wait condition's signals (`cfnx signal` to its handle) and an
# instance's CreationPolicy signals; a FAILURE signal and a timeout roll the stack back; a
# signal nobody waits for is refused; --auto-signal sends the expected signals itself.
#
# usage: signals_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"
. "$(dirname "$0")/check.sh"
# signal_when_waiting STACK RESOURCE ARGS...: retries `cfnx signal` (as cfn-signal retries)
# until the resource takes it, for up to 20 s.
signal_when_waiting() {
  stack=$1 resource=$2
  shift 2
  i=0
  while [ $i -lt 200 ]; do
    if "$cfnx" signal --stack "$stack" --resource "$resource" --state "$state" "$@" \
      >"$dir/signal.out" 2>&1; then
      return 0
    fi
    i=$((i + 1))
    sleep 0.1
  done
  echo "FAIL: signal to $stack/$resource never accepted:"
  sed 's/^/    /' "$dir/signal.out"
  fail=1
}

cat >"$dir/wait.yaml" <<'YAML'
Resources:
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
  Wait:
    Type: AWS::CloudFormation::WaitCondition
    Properties:
      Handle: !Ref Handle
      Timeout: "60"
  Server:
    Type: AWS::EC2::Instance
    DependsOn: Wait
    Properties:
      ImageId: ami-12345678
    CreationPolicy:
      ResourceSignal:
        Count: 1
        Timeout: PT1M
Outputs:
  Data:
    Value: !GetAtt Wait.Data
YAML

# A deployment waiting for both, signalled from this shell.
"$cfnx" deploy "$dir/wait.yaml" --stack waits --state "$state" --yes >"$dir/deploy.out" 2>&1 &
deploying=$!
signal_when_waiting waits Wait --unique-id setup --data "configured"
signal_when_waiting waits Server --unique-id i-0abc
wait $deploying
rc=$?
if [ $rc -ne 0 ] || ! grep -q 'Received SUCCESS signal with UniqueId setup' "$dir/deploy.out" ||
  ! grep -q 'Waiting for 1 resource signal(s) within PT1M: send them with `cfnx signal --stack waits --resource Server`' "$dir/deploy.out" ||
  ! grep -q '{"setup":"configured"}' "$dir/deploy.out"; then
  echo "FAIL: signalled deploy: exit $rc"
  sed 's/^/    /' "$dir/deploy.out"
  fail=1
fi
check "signal a completed resource" 1 "is in CREATE_COMPLETE state and is not waiting" -- \
  "$cfnx" signal --stack waits --resource Server --state "$state"
check "signal an unknown resource" 1 "Resource Nope does not exist in stack waits" -- \
  "$cfnx" signal --stack waits --resource Nope --state "$state"
check "signal an unknown stack" 1 "Stack with id nope does not exist" -- \
  "$cfnx" signal --stack nope --resource Server --state "$state"
check "signal with a bad status" 1 "MAYBE not in" -- \
  "$cfnx" signal --stack waits --resource Server --status MAYBE --state "$state"
check "the handle still takes signals" 0 "Sent SUCCESS signal to Handle" -- \
  "$cfnx" signal --stack waits --resource Handle --state "$state"

# A FAILURE signal rolls the new stack back.
"$cfnx" deploy "$dir/wait.yaml" --stack failing --state "$state" --yes >"$dir/deploy.out" 2>&1 &
deploying=$!
signal_when_waiting failing Handle --status FAILURE --unique-id setup --reason "disk full"
wait $deploying
rc=$?
if [ $rc -ne 2 ] ||
  ! grep -q "WaitCondition received failed message: 'disk full' for uniqueId: setup" "$dir/deploy.out" ||
  ! grep -q "ROLLBACK_COMPLETE" "$dir/deploy.out"; then
  echo "FAIL: FAILURE signal: exit $rc (wanted 2)"
  sed 's/^/    /' "$dir/deploy.out"
  fail=1
fi

# A timeout rolls back too.
cat >"$dir/short.yaml" <<'YAML'
Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
    CreationPolicy:
      ResourceSignal:
        Timeout: PT1S
YAML
check "timeout" 2 "Failed to receive 1 resource signal(s) within the specified duration" -- \
  "$cfnx" deploy "$dir/short.yaml" --stack timeout --state "$state" --yes
check "auto-signal" 0 "Received SUCCESS signal with UniqueId cfnx-auto-signal-1" -- \
  "$cfnx" deploy "$dir/short.yaml" --stack auto --state "$state" --yes --auto-signal
exit $fail
