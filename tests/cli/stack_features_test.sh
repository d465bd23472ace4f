#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# CloudFormation's stack features on the local backend, end to end through the CLI:
# termination protection (destroy refuses until update-termination-protection --disable), a
# stack policy (deploy refuses a denied update before touching anything, E9014;
# --stack-policy-during-update lets one update through; a malformed policy is E9017 at its
# line), SSM parameter types (resolved from --ssm-parameters, refused without a value, shown as
# ResolvedValue), and custom resources served by a local --handler (Create/Update/Delete
# requests in CloudFormation's shape, Data readable by Fn::GetAtt, a FAILED answer rolling the
# stack back, a changed ServiceToken refused with E9016).
#
# usage: stack_features_test.sh CFNX
set -u
cfnx=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
state="$dir/state.db"
. "$(dirname "$0")/check.sh"

# --- termination protection -----------------------------------------------------------------
cat >"$dir/topic.yaml" <<'YAML'
Resources:
  Topic:
    Type: AWS::SNS::Topic
YAML
check "deploy with protection" 0 "CREATE_COMPLETE" -- \
  "$cfnx" deploy "$dir/topic.yaml" --stack guarded --state "$state" --yes \
  --enable-termination-protection
check "describe shows protection" 0 "Termination protection: enabled" -- \
  "$cfnx" describe --stack guarded --state "$state"
check "describe json shows protection" 0 '"EnableTerminationProtection": true' -- \
  "$cfnx" describe --stack guarded --state "$state" --format json
check "destroy refused" 1 "cannot be deleted while TerminationProtection is enabled" -- \
  "$cfnx" destroy --stack guarded --state "$state" --yes
check "still there" 0 "CREATE_COMPLETE" -- "$cfnx" describe --stack guarded --state "$state"
check "an update keeps it" 0 "UPDATE_COMPLETE" -- \
  sh -c "sed 's/Topic\$/Topic\n    Properties: {DisplayName: x}/' '$dir/topic.yaml' >'$dir/topic2.yaml' &&
         '$cfnx' deploy '$dir/topic2.yaml' --stack guarded --state '$state' --yes"
check "still refused" 1 "TerminationProtection" -- \
  "$cfnx" destroy --stack guarded --state "$state" --yes
check "disable" 0 "disabled" -- \
  "$cfnx" update-termination-protection --stack guarded --disable --state "$state"
check "destroy after disabling" 0 "DELETE_COMPLETE" -- \
  "$cfnx" destroy --stack guarded --state "$state" --yes
check "no such stack" 1 "does not exist" -- \
  "$cfnx" update-termination-protection --stack nothere --enable --state "$state"

# --- stack policy -----------------------------------------------------------------------------
cat >"$dir/db.yaml" <<'YAML'
Parameters:
  Key:
    Type: String
    Default: id
Resources:
  DbOrders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: !Ref Key
          AttributeType: S
      KeySchema:
        - AttributeName: !Ref Key
          KeyType: HASH
  Queue:
    Type: AWS::SQS::Queue
YAML
cat >"$dir/policy.json" <<'JSON'
{
  "Statement": [
    {"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "Update:Replace", "Principal": "*",
     "Resource": "LogicalResourceId/Db*"}
  ]
}
JSON
cat >"$dir/allow.json" <<'JSON'
{"Statement": [{"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"}]}
JSON
cat >"$dir/bad.json" <<'JSON'
{
  "Statement": [
    {"Effect": "Allow", "Action": "Update:Modfy", "Principal": "*", "Resource": "*"}
  ]
}
JSON
check "deploy with a policy" 0 "CREATE_COMPLETE" -- \
  "$cfnx" deploy "$dir/db.yaml" --stack guarded2 --state "$state" --yes \
  --stack-policy "$dir/policy.json"
check "describe shows the policy" 0 '"Update:Replace"' -- \
  "$cfnx" describe --stack guarded2 --state "$state" --format json
check "plan forecasts the denial" 1 "E9014.*Update:Replace of 'DbOrders'" -- \
  "$cfnx" plan "$dir/db.yaml" --stack guarded2 --state "$state" --parameters Key=pk
check "deploy refuses a denied replacement" 1 "E9014.*Nothing was deployed" -- \
  "$cfnx" deploy "$dir/db.yaml" --stack guarded2 --state "$state" --yes --parameters Key=pk
check "nothing changed" 0 "Key = id" -- "$cfnx" describe --stack guarded2 --state "$state"
check "a malformed policy is reported at its line" 1 \
  "bad.json:3:35: error E9017.*Did you mean 'Update:Modify'" -- \
  "$cfnx" deploy "$dir/db.yaml" --stack guarded2 --state "$state" --yes --parameters Key=pk \
  --stack-policy-during-update "$dir/bad.json"
check "during-update policy lets it through" 0 "UPDATE_COMPLETE" -- \
  "$cfnx" deploy "$dir/db.yaml" --stack guarded2 --state "$state" --yes --parameters Key=pk \
  --stack-policy-during-update "$dir/allow.json"
check "the stack keeps its own policy" 1 "E9014" -- \
  "$cfnx" deploy "$dir/db.yaml" --stack guarded2 --state "$state" --yes --parameters Key=id

# --- SSM parameter types ----------------------------------------------------------------------
cat >"$dir/ssm.yaml" <<'YAML'
Parameters:
  Name:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /app/topic-name
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref Name
Outputs:
  TopicName:
    Value: !GetAtt Topic.TopicName
YAML
printf '{"/app/topic-name": "orders"}\n' >"$dir/ssm.json"
printf '{"Parameters": [{"Name": "/app/topic-name", "Type": "String", "Value": "orders-v2"}]}\n' \
  >"$dir/ssm2.json"
check "deploy without the SSM value" 1 "names the SSM parameter '/app/topic-name'" -- \
  "$cfnx" deploy "$dir/ssm.yaml" --stack ssm --state "$state" --yes
check "plan shows the resolved value" 0 '"ResolvedValue": "orders"' -- \
  "$cfnx" plan "$dir/ssm.yaml" --stack ssm --state "$state" --format json \
  --ssm-parameters "$dir/ssm.json"
check "deploy with the SSM value" 0 "TopicName = orders" -- \
  "$cfnx" deploy "$dir/ssm.yaml" --stack ssm --state "$state" --yes --ssm-parameters "$dir/ssm.json"
check "describe shows name and resolved value" 0 "Name = /app/topic-name (resolved: orders)" -- \
  "$cfnx" describe --stack ssm --state "$state"
check "the same value again: no changes" 0 "o changes" -- \
  "$cfnx" deploy "$dir/ssm.yaml" --stack ssm --state "$state" --yes
check "a new SSM value (get-parameters shape) replaces the topic" 0 "TopicName = orders-v2" -- \
  "$cfnx" deploy "$dir/ssm.yaml" --stack ssm --state "$state" --yes \
  --ssm-parameters "$dir/ssm2.json"
printf '{"/app/other": "x"}\n' >"$dir/ssm3.json"
check "plan with an SSM file that lacks the name" 1 "E9015.*names the SSM parameter '/app/topic-name'" -- \
  "$cfnx" plan "$dir/ssm.yaml" --stack ssm --state "$state" --ssm-parameters "$dir/ssm3.json"
check "an SSM file of the wrong shape" 1 "the value of Statement must be a string" -- \
  "$cfnx" plan "$dir/ssm.yaml" --stack ssm --state "$state" --ssm-parameters "$dir/allow.json"

# --- custom resources with a local handler ------------------------------------------------------
cat >"$dir/handler.py" <<'PY'
import json, os, sys
request = json.load(sys.stdin)
with open(os.environ["LOG"], "a") as log:
    log.write(json.dumps(request, sort_keys=True) + "\n")
props = request["ResourceProperties"]
if props.get("Fail") == "yes" and request["RequestType"] != "Delete":
    print(json.dumps({"Status": "FAILED", "Reason": "asked to fail"}))
    sys.exit(0)
physical = request.get("PhysicalResourceId") or "db-" + props["Name"]
print(json.dumps({"Status": "SUCCESS", "PhysicalResourceId": physical,
                  "Data": {"Endpoint": props["Name"] + ".db.local", "Secret": "s3cr3t"},
                  "NoEcho": props.get("Hide") == "yes"}))
PY
cat >"$dir/custom.yaml" <<'YAML'
Parameters:
  Name:
    Type: String
    Default: one
  Fail:
    Type: String
    Default: "no"
  Token:
    Type: String
    Default: arn:aws:lambda:us-east-1:123456789012:function:provisioner
Resources:
  Db:
    Type: Custom::Database
    Properties:
      ServiceToken: !Ref Token
      Name: !Ref Name
      Fail: !Ref Fail
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt Db.Endpoint
Outputs:
  Endpoint:
    Value: !GetAtt Db.Endpoint
YAML
log="$dir/requests.log"
handler="Custom::Database=python3 $dir/handler.py"
check "create through the handler" 0 "Endpoint = one.db.local" -- \
  env LOG="$log" "$cfnx" deploy "$dir/custom.yaml" --stack custom --state "$state" --yes \
  --handler "$handler"
check "the Create request" 0 '"RequestType": "Create"' -- cat "$log"
check "the Create request has the properties" 0 '"ResourceProperties": {"Fail": "no", "Name": "one", "ServiceToken"' -- cat "$log"
check "the attribute reached the queue" 0 "one.db.local" -- \
  "$cfnx" describe --stack custom --state "$state" --format json
check "update through the handler" 0 "Endpoint = two.db.local" -- \
  env LOG="$log" "$cfnx" deploy "$dir/custom.yaml" --stack custom --state "$state" --yes \
  --handler "$handler" --parameters Name=two
check "the Update request has the old properties" 0 \
  '"OldResourceProperties": {"Fail": "no", "Name": "one"' -- cat "$log"
check "the Update request names the resource" 0 '"PhysicalResourceId": "db-one", "RequestId"' -- \
  cat "$log"
check "a FAILED answer rolls back" 2 "asked to fail" -- \
  env LOG="$log" "$cfnx" deploy "$dir/custom.yaml" --stack custom --state "$state" --yes \
  --handler "$handler" --parameters Name=three Fail=yes
check "rolled back to the previous endpoint" 0 "Endpoint = two.db.local" -- \
  "$cfnx" describe --stack custom --state "$state"
check "a changed ServiceToken is refused" 1 "E9016" -- \
  env LOG="$log" "$cfnx" deploy "$dir/custom.yaml" --stack custom --state "$state" --yes \
  --handler "$handler" --parameters Token=arn:aws:lambda:us-east-1:123456789012:function:other
check "destroy sends Delete" 0 "DELETE_COMPLETE" -- \
  env LOG="$log" "$cfnx" destroy --stack custom --state "$state" --yes --handler "$handler"
check "the Delete request" 0 '"RequestType": "Delete"' -- cat "$log"
check "a handler that is not a program" 2 "exited with status 127" -- \
  "$cfnx" deploy "$dir/custom.yaml" --stack custom2 --state "$state" --yes \
  --handler "Db=$dir/no-such-handler"
check "NoEcho data is masked" 0 '"Secret": "\*\*\*\*"' -- \
  sh -c "sed 's/Fail: !Ref Fail/Fail: !Ref Fail\n      Hide: \"yes\"/' '$dir/custom.yaml' >'$dir/hidden.yaml' &&
         LOG='$log' '$cfnx' deploy '$dir/hidden.yaml' --stack hidden --state '$state' --yes \
           --handler '$handler' >/dev/null &&
         '$cfnx' describe --stack hidden --state '$state' --format json"
if grep -q "s3cr3t" "$dir/out"; then
  echo "FAIL: a NoEcho handler's Data shows in describe"; fail=1
fi
# An output that reads a NoEcho handler's Data (Fn::GetAtt) is masked too, as CloudFormation
# masks what Fn::GetAtt returns of such a resource.
check "an output of NoEcho data is masked" 0 "Endpoint = \*\*\*\*" -- \
  "$cfnx" describe --stack hidden --state "$state"
# So is a property built from it (the physical id made from it stays: it is the resource's name).
check "a property from NoEcho data is masked" 0 '"QueueName": "\*\*\*\*"' -- \
  "$cfnx" describe --stack hidden --state "$state" --format json
check "a bad --handler spec" 1 "expected TYPE_OR_LOGICALID=COMMAND" -- \
  "$cfnx" deploy "$dir/custom.yaml" --stack custom3 --state "$state" --yes --handler nothing

exit $fail
