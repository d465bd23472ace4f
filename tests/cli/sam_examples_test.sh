#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# The README's SAM examples (every template under examples/templates/ that declares the
# AWS::Serverless-2016-10-31 transform) go through the whole offline cycle on the local backend:
# `cfnx transform`, `cfnx validate` clean, `cfnx plan` (every expanded resource is planned for
# creation), `cfnx deploy`, `cfnx describe` (every expanded resource is CREATE_COMPLETE), a
# second deploy of the same template that changes nothing, then `cfnx destroy`.
#
# usage: sam_examples_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
caps="--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND"
n=0
for t in "$src"/examples/templates/*.yaml; do
  grep -q '^Transform:.*AWS::Serverless-2016-10-31' "$t" || continue
  n=$((n + 1))
  name=$(basename "$t" .yaml)
  state="$dir/$name.db"
  stack=$(echo "$name" | tr '_' '-')

  "$cfnx" transform "$t" >"$dir/$name.json" 2>"$dir/$name.err" || bad "$name: transform failed: $(cat "$dir/$name.err")"
  # The expanded resources, one "Id Type" per line.
  python3 -c '
import json, sys
for k, v in sorted(json.load(open(sys.argv[1]))["Resources"].items()):
    print(k, v["Type"])' "$dir/$name.json" >"$dir/$name.resources" || bad "$name: transform output is not a template"
  grep -q ' AWS::Serverless::' "$dir/$name.resources" && bad "$name: transform left a SAM type unexpanded"
  count=$(wc -l <"$dir/$name.resources")
  [ "$count" -gt 0 ] || bad "$name: no resources after the transform"

  "$cfnx" validate "$t" >"$dir/$name.validate" 2>&1 || bad "$name: validate not clean: $(cat "$dir/$name.validate")"

  "$cfnx" plan "$t" --stack "$stack" $caps --format json >"$dir/$name.plan" 2>"$dir/$name.plan.err" ||
    bad "$name: plan failed: $(cat "$dir/$name.plan.err")"
  planned=$(python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))
print(sum(1 for c in plan["ChangeSet"]["Changes"] if c["ResourceChange"]["Action"] == "Add"))' "$dir/$name.plan" 2>&1)
  [ "$planned" = "$count" ] || bad "$name: plan adds $planned resources, the transform made $count"

  "$cfnx" deploy "$t" --stack "$stack" --state "$state" --yes $caps >"$dir/$name.deploy" 2>&1 ||
    bad "$name: deploy failed: $(tail -5 "$dir/$name.deploy")"
  "$cfnx" describe --stack "$stack" --state "$state" >"$dir/$name.describe" 2>&1 || bad "$name: describe failed"
  grep -q 'CREATE_COMPLETE' "$dir/$name.describe" || bad "$name: stack not CREATE_COMPLETE: $(head -3 "$dir/$name.describe")"
  while read -r id type; do
    grep -Eq "^  $id +$type +CREATE_COMPLETE" "$dir/$name.describe" ||
      bad "$name: $id ($type) is not CREATE_COMPLETE in describe"
  done <"$dir/$name.resources"

  "$cfnx" plan "$t" --stack "$stack" --state "$state" $caps --format json >"$dir/$name.replan" 2>&1 ||
    bad "$name: second plan failed"
  again=$(python3 -c '
import json, sys
print(len(json.load(open(sys.argv[1]))["ChangeSet"]["Changes"]))' "$dir/$name.replan" 2>&1)
  [ "$again" = 0 ] || bad "$name: the deployed template plans $again changes against itself"

  "$cfnx" destroy --stack "$stack" --state "$state" --yes >"$dir/$name.destroy" 2>&1 ||
    bad "$name: destroy failed: $(tail -5 "$dir/$name.destroy")"
done
[ $n -ge 2 ] || bad "found $n SAM examples, expected at least 2"
[ $fail -eq 0 ] && echo "ok: $n SAM examples transformed, validated, planned, deployed and destroyed"
exit $fail
