#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx validate` configured as cfn-lint is: --ignore-checks, --include-checks and
# --mandatory-checks (prefixes, several per flag or comma-separated), --regions (several,
# ALL_REGIONS), --non-zero-exit-code, --ignore-bad-template, .cfnlintrc found from the working
# directory upward, .cfnlintrc.yaml, --config-file, a config file's templates, and which of
# command line, template Metadata and config file wins. Each command's stdout, stderr and exit
# code are compared with tests/golden/cli/lint_config.expected (CFNX_UPDATE_GOLDENS=1 rewrites
# it).
#
# usage: lint_config_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/home" "$dir/proj/sub/deeper" "$dir/other" "$dir/listed"
# No user configuration from the real $HOME.
HOME="$dir/home"
export HOME
cat >"$dir/t.yaml" <<'YAML'
Conditions:
  Never: !Equals [a, b]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketNam: x
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: [1]
  Topic:
    Type: AWS::SNS::Topic
    Condition: Never
Outputs:
  TopicArn:
    Value: !Ref Topic
YAML
cat >"$dir/w.yaml" <<'YAML'
Conditions:
  Never: !Equals [a, b]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Condition: Never
Outputs:
  TopicArn:
    Value: !Ref Topic
YAML
cat >"$dir/i.yaml" <<'YAML'
Transform: SomeMacro
Resources:
  Topic:
    Type: AWS::SNS::Topic
YAML
printf 'Resources:\n  B: [unclosed\n' >"$dir/bad.yaml"
cat >"$dir/r.yaml" <<'YAML'
Resources:
  App:
    Type: AWS::Amplify::App
    Properties:
      Name: app
YAML
cat >"$dir/tm.yaml" <<'YAML'
Metadata:
  cfn-lint:
    config:
      ignore_checks: [E3002]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketNam: x
YAML
cp "$dir/t.yaml" "$dir/listed/t1.yaml"
cp "$dir/w.yaml" "$dir/listed/t2.yaml"
printf 'ignore_checks:\n  - W\n' >"$dir/proj/.cfnlintrc"
printf 'include_checks: [I]\nnon_zero_exit_code: error\n' >"$dir/other/.cfnlintrc.yaml"
printf 'ignore_check: [W]\n' >"$dir/other/typo.yaml"
printf 'templates: [listed/*.yaml]\nignore_checks: [E3012]\n' >"$dir/listed.yaml"
actual="$dir/actual"
: >"$actual"
# run DIR ARGS...: one transcript entry, run from DIR (relative to the temp tree).
run() {
  where=$1
  shift
  printf '$ (%s) cfnx %s\n' "$where" "$*" >>"$actual"
  (cd "$dir/$where" && "$cfnx" "$@" >"$dir/out" 2>"$dir/err" </dev/null)
  code=$?
  printf -- '--- stdout\n' >>"$actual"
  cat "$dir/out" >>"$actual"
  printf -- '--- stderr\n' >>"$actual"
  cat "$dir/err" >>"$actual"
  printf -- '--- exit %s\n' "$code" >>"$actual"
}
p="validate --format parseable"
# Which checks: errors and warnings by default; informational only when included.
run . $p t.yaml
run . $p i.yaml
run . $p i.yaml --include-checks I
# Ignoring by prefix: a letter, a section, one id; several per flag or comma-separated.
run . $p t.yaml --ignore-checks W
run . $p t.yaml --ignore-checks E30
run . $p t.yaml -i E3012,W1001
run . $p t.yaml --ignore-checks E3012 W1001 --
# Mandatory checks win over ignores.
run . $p t.yaml --ignore-checks E --mandatory-checks E3012
# Exit codes by level.
run . $p w.yaml
run . $p w.yaml --non-zero-exit-code error
run . $p t.yaml --non-zero-exit-code warning
run . $p t.yaml --non-zero-exit-code none
run . $p w.yaml --non-zero-exit-code bogus
# Templates that cannot be parsed.
run . $p bad.yaml
run . $p bad.yaml --ignore-bad-template
run . $p bad.yaml --ignore-checks E0
# Regions: several, ALL_REGIONS, unknown.
run . $p r.yaml
run . $p r.yaml --regions us-east-1 eu-central-2 --
run . $p r.yaml --regions us-east-1,eu-central-2,ap-east-2
run . $p r.yaml --regions us-east-9
# Configuration files: found upward, .cfnlintrc.yaml, --config-file, a bad one.
run proj/sub/deeper $p ../../../t.yaml
run proj/sub/deeper $p ../../../t.yaml --ignore-checks E3012
run other $p ../i.yaml
run other $p ../t.yaml
run . $p t.yaml --config-file other/.cfnlintrc.yaml
run . $p t.yaml --config-file other/typo.yaml
run . $p t.yaml --config-file nowhere.yaml
run . $p --config-file listed.yaml
run . $p
# The template's own Metadata: over a config file, under the command line.
run proj $p ../tm.yaml
run . $p tm.yaml --ignore-checks W
expected="$src/tests/golden/cli/lint_config.expected"
if [ "${CFNX_UPDATE_GOLDENS:-}" = 1 ]; then
  cp "$actual" "$expected"
  exit 0
fi
diff -u "$expected" "$actual"
