#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx destroy` of a stack whose export another stack imports is refused with the deletion
# forecast `cfnx plan` tests (E9008, as tests/golden/plan/error_delete_imported_exports), exit 1
# as destroy_command.cc documents, before asking for confirmation, and nothing is deleted. Once
# the importer is gone the stack is destroyed (exit 0).
#
# usage: destroy_imported_export_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"

cat >"$dir/net.yaml" <<'YAML'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export:
      Name: net-VpcId
YAML
cat >"$dir/app.yaml" <<'YAML'
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !ImportValue net-VpcId
      CidrBlock: 10.0.1.0/24
YAML
for stack in net app; do
  if ! "$cfnx" deploy "$dir/$stack.yaml" --stack $stack --state "$state" --yes >"$dir/out" 2>&1; then
    echo "FAIL: deploying $stack failed:"; cat "$dir/out"; fail=1
  fi
done

want="cfnx: error: E9008 /Outputs/VpcId: Stack 'net' exports 'net-VpcId', which stack(s) app import; it cannot be deleted until they stop."
"$cfnx" destroy --stack net --state "$state" --yes >"$dir/out" 2>"$dir/err"
rc=$?
if [ $rc -ne 1 ] || [ "$(cat "$dir/err")" != "$want" ] || [ -s "$dir/out" ]; then
  echo "FAIL: destroy of an imported export's stack: exit $rc (wanted 1)"
  echo "stderr: $(cat "$dir/err")"; echo "wanted: $want"; echo "stdout: $(cat "$dir/out")"
  fail=1
fi
# On a terminal the refusal comes before the question (answered "y" here, should it be asked).
if command -v script >/dev/null 2>&1; then
  echo y | script -qec "'$cfnx' destroy --stack net --state '$state'" /dev/null >"$dir/tty" 2>&1
  rc=$?
  if [ $rc -ne 1 ] || grep -q 'Destroy stack' "$dir/tty" || ! grep -q 'E9008' "$dir/tty"; then
    echo "FAIL: destroy on a terminal: exit $rc, wanted the E9008 refusal without a question:"
    cat "$dir/tty"; fail=1
  fi
fi
"$cfnx" describe --stack net --state "$state" >"$dir/describe" 2>&1
if ! grep -q '^Status:  CREATE_COMPLETE' "$dir/describe"; then
  echo "FAIL: the refused destroy changed stack net:"; cat "$dir/describe"; fail=1
fi

for stack in app net; do
  "$cfnx" destroy --stack $stack --state "$state" --yes >"$dir/out" 2>&1
  rc=$?
  if [ $rc -ne 0 ] || ! grep -q "^Stack '$stack': DELETE_COMPLETE" "$dir/out"; then
    echo "FAIL: destroy $stack exited $rc:"; cat "$dir/out"; fail=1
  fi
done
exit $fail
