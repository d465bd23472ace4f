#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# The README's nested stack example (examples/templates/nested_app.yaml, whose nested stack is
# nested/queue_stack.yaml) through the offline cycle on the local backend: validate clean, plan
# (a nested change set for the child), deploy (the child is a stack of its own, its output read
# by the parent), `stacks --all` and `describe` showing the child, a second deploy that changes
# nothing, a child failure injected with --fail Queues/Queue that rolls the parent back, a
# missing child refused at plan time, a nested stack destroyed alone refused, and destroy.
#
# usage: nested_stacks_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
t="$src/examples/templates/nested_app.yaml"
state="$dir/state.db"

"$cfnx" validate "$t" "$src/examples/templates/nested/queue_stack.yaml" >"$dir/validate" 2>&1 ||
  bad "validate not clean: $(cat "$dir/validate")"

"$cfnx" plan "$t" --stack shop --state "$state" --backend local --format json >"$dir/plan.json" \
  2>"$dir/plan.err" || bad "plan failed: $(cat "$dir/plan.err")"
summary=$(python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
parent = {c["ResourceChange"]["LogicalResourceId"]: c["ResourceChange"] for c in p["ChangeSet"]["Changes"]}
child = p["NestedPlans"][0]
print(parent["Queues"]["Action"], parent["Queues"].get("ChangeSetId"), p["ChangeSet"].get("IncludeNestedStacks"),
      child["LogicalResourceId"], child["Plan"]["ChangeSet"]["ParentChangeSetId"],
      ",".join(sorted(c["ResourceChange"]["LogicalResourceId"] + ":" + c["ResourceChange"]["Action"]
                      for c in child["Plan"]["ChangeSet"]["Changes"])))' "$dir/plan.json" 2>&1)
[ "$summary" = "Add cfnx-plan/Queues True Queues cfnx-plan DeadLetters:Add,Queue:Add" ] ||
  bad "plan: expected a nested change set for Queues, got: $summary"

"$cfnx" deploy "$t" --stack shop --state "$state" --yes >"$dir/deploy" 2>&1 ||
  bad "deploy failed: $(tail -5 "$dir/deploy")"
grep -q 'CREATE_COMPLETE .* shop-Queues-[A-Z0-9]\{13\}/Queue$' "$dir/deploy" ||
  bad "deploy does not show the nested stack's resources: $(cat "$dir/deploy")"

"$cfnx" stacks --all --state "$state" >"$dir/stacks" 2>&1 || bad "stacks failed"
child=$(grep -o 'shop-Queues-[A-Z0-9]\{13\}' "$dir/stacks" | head -1)
[ -n "$child" ] || bad "stacks --all does not list the nested stack: $(cat "$dir/stacks")"
grep -q "$child .*CREATE_COMPLETE.*(nested in shop)" "$dir/stacks" ||
  bad "stacks --all: the nested stack is not CREATE_COMPLETE in shop: $(cat "$dir/stacks")"

"$cfnx" describe --stack "$child" --state "$state" --format json >"$dir/child.json" 2>&1 ||
  bad "describe of the nested stack failed: $(cat "$dir/child.json")"
"$cfnx" describe --stack shop --state "$state" --format json >"$dir/shop.json" 2>&1 ||
  bad "describe of the parent failed"
check=$(python3 -c '
import json, sys
child, shop = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
out = {o["OutputKey"]: o["OutputValue"] for o in shop["Outputs"]}
cout = {o["OutputKey"]: o["OutputValue"] for o in child["Outputs"]}
res = {r["LogicalResourceId"]: r for r in shop["Resources"]}
ok = (child["ParentId"] == shop["StackId"] and child["RootId"] == shop["StackId"]
      and out["QueuesStack"] == child["StackId"] == res["Queues"]["PhysicalResourceId"]
      and out["QueueUrl"] == cout["QueueUrl"] != ""
      and res["QueueUrlParameter"]["Properties"]["Value"] == cout["QueueUrl"]
      and {p["ParameterKey"]: p["ParameterValue"] for p in child["Parameters"]}["Stage"] == "dev")
print("ok" if ok else json.dumps([child.get("ParentId"), shop["StackId"], out, cout]))' \
  "$dir/child.json" "$dir/shop.json" 2>&1)
[ "$check" = ok ] || bad "describe: parent and child do not agree: $check"

"$cfnx" deploy "$t" --stack shop --state "$state" --yes >"$dir/redeploy" 2>&1 ||
  bad "second deploy failed: $(tail -5 "$dir/redeploy")"
grep -q 'No changes' "$dir/redeploy" || bad "second deploy changed something: $(tail -5 "$dir/redeploy")"

# A child that fails: the parent rolls back, and the child with it.
"$cfnx" deploy "$t" --stack broken --state "$state" --yes --fail Queues/Queue:create \
  >"$dir/failed" 2>&1
rc=$?
[ $rc -eq 2 ] || bad "a failing child: exit $rc, expected 2: $(tail -5 "$dir/failed")"
"$cfnx" stacks --all --state "$state" --format json >"$dir/stacks.json" 2>&1
statuses=$(python3 -c '
import json, sys
s = {x["StackName"]: x["StackStatus"] for x in json.load(open(sys.argv[1]))}
print(s.get("broken"), sorted(v for k, v in s.items() if k.startswith("broken-Queues-")))' \
  "$dir/stacks.json" 2>&1)
[ "$statuses" = "ROLLBACK_COMPLETE ['DELETE_COMPLETE']" ] ||
  bad "a failing child: expected the parent rolled back and the child deleted, got $statuses"

# A missing child is an error at plan time (E9018), as is a TemplateURL outside the tree.
mkdir -p "$dir/alone/sub"
cp "$t" "$dir/alone/parent.yaml"
"$cfnx" plan "$dir/alone/parent.yaml" --stack alone --state "$dir/alone.db" --backend local \
  >"$dir/missing" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q 'E9018' "$dir/missing" ||
  bad "a missing child: exit $rc, expected 1 with E9018: $(cat "$dir/missing")"
sed 's|TemplateURL: nested/queue_stack.yaml|TemplateURL: ../parent.yaml|' "$t" >"$dir/alone/sub/escape.yaml"
"$cfnx" plan "$dir/alone/sub/escape.yaml" --stack alone --state "$dir/alone.db" --backend local \
  >"$dir/escape" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q 'E5002' "$dir/escape" ||
  bad "a TemplateURL outside the tree: exit $rc, expected 1 with E5002: $(cat "$dir/escape")"

ln -s "$(cd "$src" && pwd)/README.md" "$dir/alone/sub/link.yaml"
sed 's|TemplateURL: nested/queue_stack.yaml|TemplateURL: link.yaml|' "$t" >"$dir/alone/sub/symlink.yaml"
"$cfnx" plan "$dir/alone/sub/symlink.yaml" --stack alone --state "$dir/alone.db" --backend local \
  >"$dir/symlink" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q 'E5002' "$dir/symlink" ||
  bad "a TemplateURL through a symlink out of the tree: exit $rc, expected 1 with E5002: $(cat "$dir/symlink")"

# Nesting is bounded: two templates nesting each other, and a chain deeper than 8 levels.
mkdir -p "$dir/loop"
printf 'Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: b.yaml\n' >"$dir/loop/a.yaml"
printf 'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: a.yaml\n' >"$dir/loop/b.yaml"
"$cfnx" plan "$dir/loop/a.yaml" --stack loop --state "$dir/loop.db" --backend local >"$dir/loop.out" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q "E9018: Nested stack template 'a.yaml' nests the template that contains it" "$dir/loop.out" ||
  bad "templates nesting each other: exit $rc: $(cat "$dir/loop.out")"
for i in 0 1 2 3 4 5 6 7 8 9; do
  printf 'Resources:\n  Next:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: d%s.yaml\n' $((i + 1)) >"$dir/loop/d$i.yaml"
done
printf 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n' >"$dir/loop/d10.yaml"
"$cfnx" plan "$dir/loop/d0.yaml" --stack deep --state "$dir/loop.db" --backend local >"$dir/deep.out" 2>&1
rc=$?
[ $rc -eq 1 ] && grep -q "nests stacks more than 8 levels deep" "$dir/deep.out" ||
  bad "a chain of 10 nested stacks: exit $rc: $(cat "$dir/deep.out")"

# A changed child template is a Modify in the nested change set, and deploys.
mkdir -p "$dir/upd/nested"
cp "$t" "$dir/upd/app.yaml"
sed 's/maxReceiveCount: 5/maxReceiveCount: 9/' "$src/examples/templates/nested/queue_stack.yaml" \
  >"$dir/upd/nested/queue_stack.yaml"
"$cfnx" plan "$dir/upd/app.yaml" --stack shop --state "$state" --backend local >"$dir/upd.plan" 2>&1 ||
  bad "plan of a changed child failed: $(cat "$dir/upd.plan")"
grep -q "~ Queue (AWS::SQS::Queue)" "$dir/upd.plan" && grep -q "maxReceiveCount: 5 -> 9" "$dir/upd.plan" ||
  bad "plan of a changed child does not show the child's change: $(cat "$dir/upd.plan")"
"$cfnx" deploy "$dir/upd/app.yaml" --stack shop --state "$state" --yes >"$dir/upd.deploy" 2>&1 ||
  bad "deploy of a changed child failed: $(tail -5 "$dir/upd.deploy")"
"$cfnx" describe --stack "$child" --state "$state" --format json >"$dir/child2.json" 2>&1
grep -q '"StackStatus": "UPDATE_COMPLETE"' "$dir/child2.json" ||
  bad "the child was not updated: $(head -5 "$dir/child2.json")"

# A SAM application with a local Location is a nested stack too.
mkdir -p "$dir/sam/nested"
cp "$src/examples/templates/nested/queue_stack.yaml" "$dir/sam/nested/"
printf 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Queues:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: nested/queue_stack.yaml\n      Parameters:\n        Stage: prod\nOutputs:\n  Url:\n    Value: !GetAtt Queues.Outputs.QueueUrl\n' >"$dir/sam/app.yaml"
"$cfnx" deploy "$dir/sam/app.yaml" --stack samapp --state "$dir/sam.db" --yes \
  --capabilities CAPABILITY_AUTO_EXPAND >"$dir/sam.out" 2>&1 ||
  bad "deploy of a SAM application failed: $(tail -5 "$dir/sam.out")"
grep -q 'Url = https://sqs.us-east-1.amazonaws.com/123456789012/prod-orders' "$dir/sam.out" ||
  bad "the SAM application's output is not the nested stack's: $(tail -5 "$dir/sam.out")"

# The nested stack goes with its parent, not alone.
"$cfnx" destroy --stack "$child" --state "$state" --yes >"$dir/destroy_child" 2>&1 &&
  bad "destroying the nested stack alone was not refused"
grep -q "nested stack of 'shop'" "$dir/destroy_child" || bad "destroy of the child: $(cat "$dir/destroy_child")"
"$cfnx" update-termination-protection --stack "$child" --enable --state "$state" \
  >"$dir/protect_child" 2>&1 && bad "termination protection changed on the nested stack alone"
grep -q "cannot be changed on nested stack" "$dir/protect_child" ||
  bad "protection of the child: $(cat "$dir/protect_child")"
"$cfnx" destroy --stack shop --state "$state" --yes >"$dir/destroy" 2>&1 ||
  bad "destroy failed: $(tail -5 "$dir/destroy")"
"$cfnx" stacks --all --state "$state" >"$dir/stacks.after" 2>&1
grep -q "^$child .*DELETE_COMPLETE" "$dir/stacks.after" ||
  bad "destroy did not delete the nested stack: $(cat "$dir/stacks.after")"
[ $fail -eq 0 ] && echo "ok: nested stacks planned, deployed, listed, rolled back and destroyed"
exit $fail
