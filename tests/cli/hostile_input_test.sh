#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# Hostile input, one case each (issue 20): files a template names outside the directories the
# user vouched for are refused with E5002 and never printed (absolute paths, `..`, symlinks,
# --include-map targets, s3:// keys, nested-stack TemplateURLs); --include-root widens the
# roots; NoEcho values never appear in deploy or describe output (text and JSON); the state
# database is owner-only; terminal escapes in a template are shown escaped; expansion limits
# end in a named error; a 10,000-resource cycle and 10,000-deep nesting end with a diagnostic.
# Each case checks the exit code, the diagnostic code and that nothing crashed (exit < 128).
#
# usage: hostile_input_test.sh CFNX [CASE]   (every case when CASE is omitted)
set -u
cfnx=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# A file outside the template's tree whose content must never be printed.
mkdir -p "$dir/outside" "$dir/repo/sub"
printf 'SECRET_LINE_0123: do-not-print\nKey: value\n' >"$dir/outside/secret.yaml"
secret=SECRET_LINE_0123

# run NAME EXPECTED_CODE ARGS...: runs cfnx, checks the code appears, the secret does not, and
# that cfnx did not crash.
run() {
  name=$1; code=$2; shift 2
  "$cfnx" "$@" >"$dir/out" 2>&1
  rc=$?
  if [ $rc -ge 128 ]; then bad "$name: cfnx crashed (exit $rc)"; cat "$dir/out"; return; fi
  if [ $rc -eq 0 ]; then bad "$name: exit 0, wanted an error"; cat "$dir/out"; return; fi
  if ! grep -q "$code" "$dir/out"; then bad "$name: no $code in:"; cat "$dir/out"; fi
  if grep -q "$secret" "$dir/out"; then bad "$name: printed the outside file:"; cat "$dir/out"; fi
}

include() {  # include TEMPLATE LOCATION
  printf 'Resources:\n  Queue:\n    Fn::Transform:\n      Name: AWS::Include\n      Parameters:\n        Location: %s\n' "$2" >"$1"
}

case_include_paths() {
include "$dir/repo/abs.yaml" "$dir/outside/secret.yaml"
cd "$dir" || exit 1  # plan reads .cfnx/state.db here (absent: a new stack)
for cmd in validate transform render plan; do
  extra=""; [ $cmd = plan ] && extra="--stack s"
  # shellcheck disable=SC2086
  run "absolute include ($cmd)" E5002 $cmd "$dir/repo/abs.yaml" $extra
done
run "etc/passwd include" E5002 validate "$dir/repo/abs.yaml"
include "$dir/repo/passwd.yaml" /etc/passwd
run "/etc/passwd include" E5002 transform "$dir/repo/passwd.yaml"
if grep -q "root:" "$dir/out"; then bad "/etc/passwd lines printed"; fi

include "$dir/repo/sub/dotdot.yaml" ../../outside/secret.yaml
run "dotdot include" E5002 validate "$dir/repo/sub/dotdot.yaml"

ln -s "$dir/outside/secret.yaml" "$dir/repo/link.yaml"
include "$dir/repo/symlink.yaml" link.yaml
run "symlink include" E5002 transform "$dir/repo/symlink.yaml"
ln -s "$dir/outside" "$dir/repo/linkdir"
include "$dir/repo/symlinkdir.yaml" linkdir/secret.yaml
run "symlinked directory include" E5002 transform "$dir/repo/symlinkdir.yaml"

ln -s loop2 "$dir/repo/loop1"; ln -s loop1 "$dir/repo/loop2"
include "$dir/repo/loop.yaml" loop1
"$cfnx" transform "$dir/repo/loop.yaml" >"$dir/out" 2>&1
rc=$?
[ $rc -ge 128 ] || [ $rc -eq 0 ] && bad "symlink loop: exit $rc"

mkdir -p "$dir/s3root/bucket"
include "$dir/repo/s3.yaml" "s3://bucket/../../outside/secret.yaml"
run "s3 key escape" E5002 transform "$dir/repo/s3.yaml" --s3-root "$dir/s3root"

mkdir -p "$dir/maps"
printf '{"s3://b/k": "../outside/secret.yaml"}' >"$dir/maps/map.json"
include "$dir/repo/mapped.yaml" s3://b/k
run "include-map target outside" E5002 transform "$dir/repo/mapped.yaml" --include-map "$dir/maps/map.json"

cat >"$dir/repo/nested.yaml" <<YAML
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: $dir/outside/secret.yaml
      Parameters:
        A: b
YAML
run "nested stack TemplateURL outside" E5002 validate "$dir/repo/nested.yaml"

}

case_include_root() {
# --include-root allows a directory the user names.
printf 'Type: AWS::SQS::Queue\n' >"$dir/outside/queue.yaml"
include "$dir/repo/allowed.yaml" "$dir/outside/queue.yaml"
"$cfnx" transform "$dir/repo/allowed.yaml" --include-root "$dir/outside" >"$dir/out" 2>&1
rc=$?
# 8: the informational I5001 (a local path where CloudFormation needs s3://).
if [ $rc -ne 0 ] && [ $rc -ne 8 ]; then
  bad "--include-root did not allow the include (exit $rc):"; cat "$dir/out"
fi
grep -q E5002 "$dir/out" && bad "--include-root: still refused"
grep -q "AWS::SQS::Queue" "$dir/out" || bad "--include-root: snippet not spliced"

}

case_no_echo() {
# NoEcho values: never in deploy, describe (text, json) or plan output.
cat >"$dir/repo/secret.yaml" <<'YAML'
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Sub "postgres://admin:${DbPassword}@db"
Outputs:
  Url:
    Value: !GetAtt Param.Value
  Echo:
    Value: !Ref DbPassword
YAML
state="$dir/state/deep/state.db"
pw=Hunter2SecretValue
"$cfnx" deploy "$dir/repo/secret.yaml" --stack sec --state "$state" --yes \
  --parameters DbPassword=$pw >"$dir/out" 2>&1 || { bad "NoEcho deploy failed:"; cat "$dir/out"; }
grep -q "$pw" "$dir/out" && bad "deploy printed the NoEcho value"
for fmt in text json; do
  "$cfnx" describe --stack sec --state "$state" --format $fmt >"$dir/out" 2>&1 || bad "describe $fmt failed"
  grep -q "$pw" "$dir/out" && bad "describe --format $fmt printed the NoEcho value: $(grep "$pw" "$dir/out")"
  grep -q '\*\*\*\*' "$dir/out" || bad "describe --format $fmt shows no mask"
done
"$cfnx" plan "$dir/repo/secret.yaml" --stack sec --state "$state" --parameters DbPassword=other \
  --format json >"$dir/out" 2>&1
grep -q "$pw\|other" "$dir/out" && bad "plan printed a NoEcho value"

# The state database and the directories cfnx made for it are owner-only.
[ "$(stat -c %a "$state")" = 600 ] || bad "state database mode $(stat -c %a "$state"), wanted 600"
[ "$(stat -c %a "$dir/state/deep")" = 700 ] || bad "state directory mode $(stat -c %a "$dir/state/deep")"

}

case_terminal_escapes() {
# Terminal escapes in a template are shown escaped, never sent to the terminal.
printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketNam: "\033]0;pwned\007\033[31mred"\n' >"$dir/repo/ansi.yaml"
"$cfnx" validate "$dir/repo/ansi.yaml" >"$dir/out" 2>&1
if grep -q "$(printf '\033')" "$dir/out"; then bad "validate printed a raw ESC"; fi
grep -q 'x1b' "$dir/out" || bad "validate did not show the escape as \\x1b"
for fmt in json sarif junit parseable code-climate; do
  "$cfnx" validate --format $fmt "$dir/repo/ansi.yaml" >"$dir/out" 2>&1
  rc=$?
  [ $rc -ge 128 ] && bad "validate --format $fmt crashed"
  grep -q "$(printf '\033')" "$dir/out" && bad "validate --format $fmt printed a raw ESC"
done
"$cfnx" validate --format json "$dir/repo/ansi.yaml" | python3 -c 'import json,sys; json.load(sys.stdin)' \
  || bad "validate --format json is not valid JSON"

}

case_for_each_limit() {
# Fn::ForEach whose expansion would be 10^9 entries ends with the named limit.
{
  printf 'Transform: AWS::LanguageExtensions\nParameters:\n  Items:\n    Type: CommaDelimitedList\n    Default: "'
  seq -s, 1 1000 | tr -d '\n'
  printf '"\nResources:\n  Fn::ForEach::A:\n    - X\n    - !Ref Items\n    - Fn::ForEach::B:\n        - Y\n        - !Ref Items\n        - Fn::ForEach::C:\n            - Z\n            - !Ref Items\n            - Q${X}x${Y}x${Z}:\n                Type: AWS::SQS::Queue\n'
} >"$dir/repo/foreach.yaml"
run "ForEach 10^9" E1032 transform "$dir/repo/foreach.yaml"
grep -q "cfnx's limit" "$dir/out" || bad "ForEach: the limit is not named"

}

case_cycle_10000() {
# A dependency cycle through 10,000 resources: one E3004 per resource, messages bounded.
{
  printf 'Resources:\n'
  i=0
  while [ $i -lt 10000 ]; do
    printf '  R%d:\n    Type: AWS::SQS::Queue\n    DependsOn: R%d\n' $i $(((i + 1) % 10000))
    i=$((i + 1))
  done
} >"$dir/repo/cycle.yaml"
"$cfnx" validate --format parseable "$dir/repo/cycle.yaml" >"$dir/out" 2>&1
rc=$?
[ $rc -ge 128 ] && bad "cycle: crashed"
n=$(grep -c ':E3004:' "$dir/out")
[ "$n" = 10000 ] || bad "cycle: $n E3004, wanted 10000"
[ "$(wc -c <"$dir/out")" -lt 10000000 ] || bad "cycle: output not bounded ($(wc -c <"$dir/out") bytes)"
"$cfnx" graph "$dir/repo/cycle.yaml" >"$dir/out" 2>&1
[ $? -ge 128 ] && bad "graph of the cycle crashed"

}

case_deep_nesting() {
# 10,000 levels of nesting in YAML and JSON: a parse error, no crash.
python3 -c 'print("A: " + "[" * 10000 + "]" * 10000)' >"$dir/repo/deep.yaml"
python3 -c 'print("{\"A\": " + "[" * 10000 + "]" * 10000 + "}")' >"$dir/repo/deep.json"
for f in deep.yaml deep.json; do
  "$cfnx" validate "$dir/repo/$f" >"$dir/out" 2>&1
  rc=$?
  [ $rc -ge 128 ] && bad "$f: crashed"
  grep -q E0000 "$dir/out" || bad "$f: no E0000"
done

}

case_wait_condition() {
# Deploying a WaitCondition (its Data attribute's schema type is a list) used to abort the
# process with nlohmann's type_error.302 and leave the stack CREATE_IN_PROGRESS.
# The wait condition now waits for its signal (tests/cli/signals_test.sh); --auto-signal sends it.
cat >"$dir/repo/wait.yaml" <<'YAML'
Resources:
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
  Wait:
    Type: AWS::CloudFormation::WaitCondition
    Properties:
      Handle: !Ref Handle
      Timeout: "300"
Outputs:
  Data:
    Value: !GetAtt Wait.Data
YAML
"$cfnx" deploy "$dir/repo/wait.yaml" --stack wait --state "$dir/wait.db" --yes --auto-signal \
  >"$dir/out" 2>&1
rc=$?
[ $rc -ge 128 ] && bad "WaitCondition deploy crashed (exit $rc)"
"$cfnx" describe --stack wait --state "$dir/wait.db" >"$dir/out" 2>&1
grep -q "^Status: *CREATE_COMPLETE" "$dir/out" || bad "WaitCondition stack not created: $(head -3 "$dir/out")"

}

case_alias_bombs() {
  # Billion laughs: each level doubles ten times.
  {
    printf 'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]\n'
    i=1
    while [ $i -le 9 ]; do
      p=$((i - 1))
      printf 'a%d: &a%d [*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d,*a%d]\n' $i $i $p $p $p $p $p $p $p $p $p $p
      i=$((i + 1))
    done
    printf 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: *a9\n'
  } >"$dir/repo/laughs.yaml"
  run "billion laughs" E0000 validate "$dir/repo/laughs.yaml"
  # Merge keys that fan out the same way.
  {
    printf 'm0: &m0 {k0: 1, k1: 2, k2: 3, k3: 4}\n'
    i=1
    while [ $i -le 12 ]; do
      p=$((i - 1))
      printf 'm%d: &m%d {a: *m%d, b: *m%d, c: *m%d, d: *m%d, <<: *m%d}\n' $i $i $p $p $p $p $p
      i=$((i + 1))
    done
    printf 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: *m12\n'
  } >"$dir/repo/merge.yaml"
  run "merge-key bomb" E0000 validate "$dir/repo/merge.yaml"
}

case_bad_bytes() {
  good='Resources:\n  B:\n    Type: AWS::S3::Bucket\n'
  printf "\357\273\277$good" >"$dir/repo/bom.yaml"
  "$cfnx" validate "$dir/repo/bom.yaml" >"$dir/out" 2>&1 || bad "a BOM-prefixed template: exit $?: $(cat "$dir/out")"
  printf "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {a: \"x\000y\"}\n" >"$dir/repo/nul.yaml"
  run "NUL byte" E0000 validate "$dir/repo/nul.yaml"
  printf "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {a: \"\300\257\"}\n" >"$dir/repo/overlong.yaml"
  run "overlong UTF-8" E0000 validate "$dir/repo/overlong.yaml"
  printf "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {a: \"\355\240\200\"}\n" >"$dir/repo/surrogate.yaml"
  run "lone surrogate" E0000 validate "$dir/repo/surrogate.yaml"
  printf '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Metadata": {"a": "\\ud800"}}}}' >"$dir/repo/surrogate.json"
  "$cfnx" validate --format json "$dir/repo/surrogate.json" >"$dir/out" 2>&1
  [ $? -ge 128 ] && bad "JSON lone surrogate escape crashed"
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$dir/out" || bad "JSON output invalid for a lone surrogate"
}

case_large_values() {
  # Fn::Cidr beyond CloudFormation's 256 subnets.
  printf 'Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/8\nOutputs:\n  C:\n    Value: !Join [",", !Cidr ["10.0.0.0/8", 100000, 8]]\n' >"$dir/repo/cidr.yaml"
  run "Fn::Cidr count" E1024 render "$dir/repo/cidr.yaml"
  # Fn::Sub over a 4 MB string with a variable every 8 bytes.
  python3 -c '
import sys
body = "x${AWS::Region}" * 280000
print("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      M: !Sub \"" + body + "\"")' >"$dir/repo/sub.yaml"
  "$cfnx" render "$dir/repo/sub.yaml" >"$dir/out" 2>&1
  rc=$?
  [ $rc -ge 128 ] && bad "Fn::Sub over 4 MB crashed (exit $rc)"
  grep -q "xus-east-1xus-east-1" "$dir/out" || bad "Fn::Sub over 4 MB not rendered"
  # A parameters file with 100,000 entries.
  python3 -c '
import json
print(json.dumps([{"ParameterKey": "P%d" % i, "ParameterValue": "v"} for i in range(100000)]))' >"$dir/repo/params.json"
  printf 'Parameters:\n  P1:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n' >"$dir/repo/p.yaml"
  "$cfnx" render "$dir/repo/p.yaml" --parameters-file "$dir/repo/params.json" >"$dir/out" 2>&1
  [ $? -ge 128 ] && bad "100,000 parameters crashed"
  # 100,000 resources: over the 500-resource quota (E3010), checked in one pass.
  python3 -c '
print("Resources:")
for i in range(100000):
    print("  Q%d:\n    Type: AWS::SQS::Queue" % i)' >"$dir/repo/many.yaml"
  run "100,000 resources" E3010 validate "$dir/repo/many.yaml"
}

case_full_disk() {
  # A deploy that runs out of file space (ulimit -f, with SIGXFSZ ignored so writes fail with
  # EFBIG as on a full disk) fails with a clear error; the state committed before is intact and
  # the next deploy finishes the interrupted operation.
  printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' >"$dir/v1.yaml"
  python3 -c '
print("Resources:")
for i in range(300):
    print("  Q%d:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: [{Key: k, Value: %s}]" % (i, "v" * 200))' >"$dir/v2.yaml"
  "$cfnx" deploy "$dir/v1.yaml" --stack s --state "$dir/fd.db" --yes >"$dir/out" 2>&1 || bad "full disk: first deploy failed"
  (trap '' XFSZ; ulimit -f 200; "$cfnx" deploy "$dir/v2.yaml" --stack s --state "$dir/fd.db" --yes >"$dir/out" 2>&1)
  rc=$?
  [ $rc -ge 128 ] && bad "full disk: crashed (exit $rc)"
  [ $rc -eq 0 ] && bad "full disk: the deploy claims success"
  grep -q "disk may be full" "$dir/out" || bad "full disk: no clear error: $(tail -2 "$dir/out")"
  "$cfnx" describe --stack s --state "$dir/fd.db" --format json >"$dir/out" 2>&1 || bad "full disk: state unreadable"
  "$cfnx" deploy "$dir/v1.yaml" --stack s --state "$dir/fd.db" --yes >"$dir/out" 2>&1 || bad "full disk: recovery deploy failed: $(tail -3 "$dir/out")"
  "$cfnx" describe --stack s --state "$dir/fd.db" >"$dir/out" 2>&1
  grep -q "^Status: *[A-Z_]*COMPLETE" "$dir/out" || bad "full disk: not recovered: $(head -3 "$dir/out")"
  grep -q "Q0 " "$dir/out" && bad "full disk: a resource of the failed update survived recovery"
}

case_no_silent_changes() {
  # Without a terminal to ask on and without --yes, deploy and destroy refuse (exit 1) and
  # change nothing.
  printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' >"$dir/q.yaml"
  "$cfnx" deploy "$dir/q.yaml" --stack q --state "$dir/q.db" </dev/null >"$dir/out" 2>&1
  rc=$?
  [ $rc -eq 1 ] || bad "deploy without --yes and without a TTY: exit $rc, wanted 1"
  grep -q -- "--yes" "$dir/out" || bad "deploy without --yes: the error does not name --yes"
  "$cfnx" stacks --state "$dir/q.db" 2>&1 | grep -q "^q\b" && bad "deploy without --yes deployed"
  "$cfnx" deploy "$dir/q.yaml" --stack q --state "$dir/q.db" --yes </dev/null >"$dir/out" 2>&1 || bad "deploy --yes failed"
  "$cfnx" destroy --stack q --state "$dir/q.db" </dev/null >"$dir/out" 2>&1
  rc=$?
  [ $rc -eq 1 ] || bad "destroy without --yes and without a TTY: exit $rc, wanted 1"
  "$cfnx" describe --stack q --state "$dir/q.db" 2>&1 | grep -q "^Status: *CREATE_COMPLETE" || bad "destroy without --yes changed the stack"
}

case_concurrent_deploy() {
  # Two deploys of one stack at once: the second fails at once (default --lock-timeout 0) with a
  # message naming the holder; the first finishes and its state is whole. CFNX_SIM_LATENCY_MS
  # slows the simulated provider so that the first deploy holds the lock long enough.
  printf 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n' >"$dir/c.yaml"
  CFNX_SIM_LATENCY_MS=1500 "$cfnx" deploy "$dir/c.yaml" --stack c --state "$dir/c.db" --yes \
    >"$dir/first" 2>&1 &
  first=$!
  i=0  # wait until the first deploy holds the lock (describe shows LockedBy)
  while [ $i -lt 100 ]; do
    "$cfnx" describe --stack c --state "$dir/c.db" --format json 2>/dev/null | grep -q LockedBy && break
    sleep 0.05; i=$((i + 1))
  done
  [ $i -lt 100 ] || bad "concurrent deploy: the first deploy never took the lock"
  start=$(date +%s)
  "$cfnx" deploy "$dir/c.yaml" --stack c --state "$dir/c.db" --yes >"$dir/out" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  [ $rc -ge 128 ] && bad "concurrent deploy: the second crashed (exit $rc)"
  [ $rc -eq 0 ] && bad "concurrent deploy: the second deploy ran beside the first"
  grep -q "is locked by cfnx deploy" "$dir/out" || bad "concurrent deploy: no lock message naming the holder: $(cat "$dir/out")"
  grep -q "pid $first\b" "$dir/out" || bad "concurrent deploy: the message does not name the holder's pid $first: $(cat "$dir/out")"
  [ $took -le 2 ] || bad "concurrent deploy: the second took ${took}s, wanted to fail at once"
  wait $first || bad "concurrent deploy: the first deploy failed: $(tail -3 "$dir/first")"
  "$cfnx" describe --stack c --state "$dir/c.db" >"$dir/out" 2>&1
  grep -q "^Status: *CREATE_COMPLETE" "$dir/out" || bad "concurrent deploy: state after: $(head -3 "$dir/out")"
  "$cfnx" describe --stack c --state "$dir/c.db" --format json 2>/dev/null | grep -q LockedBy && bad "concurrent deploy: the lock outlived the deploy"
}

cases="concurrent_deploy no_silent_changes full_disk alias_bombs bad_bytes large_values include_paths include_root no_echo terminal_escapes for_each_limit cycle_10000 deep_nesting wait_condition"
[ $# -ge 2 ] && cases=$2
for c in $cases; do
  "case_$c"
done
[ $fail -eq 0 ] && echo "hostile input: $cases: pass"
exit $fail
