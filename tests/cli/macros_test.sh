#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Template macros run offline by local commands (--macro NAME=COMMAND) through the CLI: a
# Transform-section macro chained before the SAM transform (transform, validate, plan, deploy),
# an Fn::Transform snippet, a macro that fails (E9019 with its errorMessage), one that answers
# bad JSON (E9020), a macro without --macro (I5000 saying to pass it; plan refuses), and bad
# --macro specs.
#
# usage: macros_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
macro="python3 $src/tests/golden/transforms/macros/scripts/macro.py"
. "$(dirname "$0")/check.sh"
golden="$src/tests/golden/transforms/macros"

check "transform runs the macro before SAM" 0 '"Value": "eu-west-1"' -- \
  "$cfnx" transform "$golden/with_sam.yaml" --region eu-west-1 --macro "AddTags=$macro"
check "SAM expanded the macro's output" 0 '"Type": "AWS::Lambda::Function"' -- \
  "$cfnx" transform "$golden/with_sam.yaml" --macro "AddTags=$macro"
check "templateParameterValues carry --parameters" 0 '"Value": "prod"' -- \
  "$cfnx" transform "$golden/with_sam.yaml" --macro "AddTags=$macro" --parameters Env=prod
check "validate with the macro" 0 "^clean$" -- \
  sh -c "'$cfnx' validate '$golden/with_sam.yaml' --macro 'AddTags=$macro' && echo clean"
check "plan with the macro" 0 "MacroTopic" -- \
  "$cfnx" plan "$golden/with_sam.yaml" --stack m --state "$dir/state.db" --backend local \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --macro "AddTags=$macro"
check "deploy with the macro" 0 "CREATE_COMPLETE" -- \
  "$cfnx" deploy "$golden/with_sam.yaml" --stack m --state "$dir/state.db" --yes \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --macro "AddTags=$macro"
check "the macro's resource is deployed" 0 "MacroTopic" -- \
  "$cfnx" describe --stack m --state "$dir/state.db"
check "without --macro: I5000 says how" 1 "pass --macro AddTags=COMMAND" -- \
  "$cfnx" plan "$golden/with_sam.yaml" --stack m2 --state "$dir/state.db" --backend local
check "Fn::Transform snippets" 0 '"Value": "PAYMENTS"' -- \
  "$cfnx" transform "$golden/fn_transform_snippets.yaml" --macro "Upper=$macro" \
  --macro "AddQueues=$macro"
check "Fn::Transform beside other keys" 0 '"Queue2"' -- \
  "$cfnx" render "$golden/fn_transform_snippets.yaml" --macro "Upper=$macro" \
  --macro "AddQueues=$macro"
check "a failing macro" 2 "E9019.*Fails: parameter Size must be at most 10" -- \
  "$cfnx" validate "$golden/error_macro_fails.yaml" --macro "Fails=$macro"
check "a failing macro stops deploy" 2 "E9019.*nothing was deployed\|nothing was deployed" -- \
  "$cfnx" deploy "$golden/error_macro_fails.yaml" --stack f --state "$dir/state.db" --yes \
  --macro "Fails=$macro"
check "bad JSON" 2 "E9020.*did not answer with a JSON object" -- \
  "$cfnx" validate "$golden/error_macro_bad_json.yaml" --macro "BadJson=$macro"
check "a macro that exits" 2 "exited with status 3: macro crashed" -- \
  "$cfnx" transform "$golden/error_macro_exits.yaml" --macro "Exits=$macro"
check "a macro that is not a program" 2 "exited with status 127" -- \
  "$cfnx" validate "$golden/error_macro_exits.yaml" --macro "Exits=$dir/no-such-macro"
check "a bad --macro spec" 1 "expected NAME=COMMAND\|expects NAME=COMMAND" -- \
  "$cfnx" validate "$golden/error_macro_exits.yaml" --macro Exits
check "AWS:: names are not macros" 1 "transforms CloudFormation hosts" -- \
  "$cfnx" validate "$golden/with_sam.yaml" --macro "AWS::Serverless-2016-10-31=$macro"
exit $fail
