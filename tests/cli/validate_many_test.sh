#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx validate` over many templates: directories expand to their templates (sorted, hidden
# directories skipped), "-" reads standard input, and the output is byte for byte the same for
# every -j, in every format; --output-file and --color.
#
# usage: validate_many_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
golden="$src/tests/golden/validate"
for fmt in text json sarif junit parseable code-climate; do
  "$cfnx" validate -j 1 --format $fmt "$golden" >"$dir/j1" 2>&1
  rc1=$?
  "$cfnx" validate -j 4 --format $fmt "$golden" >"$dir/j4" 2>&1
  rc4=$?
  if [ $rc1 -ne $rc4 ] || ! cmp -s "$dir/j1" "$dir/j4"; then
    echo "FAIL: --format $fmt differs between -j 1 ($rc1) and -j 4 ($rc4)"; fail=1
  fi
  [ $rc1 -ge 16 ] && { echo "FAIL: --format $fmt exit $rc1"; fail=1; }
done
# A directory is its templates in path order, the same as naming them.
mkdir -p "$dir/t/sub" "$dir/t/.hidden"
printf 'Resources:\n  B:\n    Type: AWS::S3::Buckt\n' >"$dir/t/b.yaml"
printf 'Resources:\n  A:\n    Type: AWS::S3::Buckt\n' >"$dir/t/sub/a.json.template"
printf 'Resources:\n  H:\n    Type: AWS::S3::Buckt\n' >"$dir/t/.hidden/h.yaml"
printf 'not a template\n' >"$dir/t/notes.txt"
"$cfnx" validate --format parseable "$dir/t" >"$dir/d" 2>&1
"$cfnx" validate --format parseable "$dir/t/b.yaml" "$dir/t/sub/a.json.template" >"$dir/f" 2>&1
cmp -s "$dir/d" "$dir/f" || { echo "FAIL: a directory is not its templates in order"; cat "$dir/d"; fail=1; }
grep -q "h.yaml" "$dir/d" && { echo "FAIL: a hidden directory was read"; fail=1; }
mkdir -p "$dir/empty"
"$cfnx" validate "$dir/empty" >"$dir/e" 2>&1
[ $? -eq 1 ] || { echo "FAIL: a directory without templates is not an error"; fail=1; }
# Quoted globs, expanded as cfn-lint expands them (Python's glob.glob(..., recursive=True),
# sorted): the files cfnx checks are those Python's glob matches, for each pattern.
mkdir -p "$dir/t/sub/deep" "$dir/t/.hidden/in"
cp "$dir/t/b.yaml" "$dir/t/sub/deep/c.yaml"
cp "$dir/t/b.yaml" "$dir/t/sub/d.yml"
cp "$dir/t/b.yaml" "$dir/t/.hidden/in/x.yaml"
for pattern in 't/**/*.yaml' 't/*.yaml' 't/**/*.y*ml' 't/**' 't/sub/*' 't/s?b/[cd]*' \
               't/**/deep/*.yaml' './t/**/*.template' 't/.hidden/**/*.yaml' "$dir/t/**/c.yaml"; do
  (cd "$dir" && "$cfnx" validate -j 2 --format parseable "$pattern" >"$dir/g" 2>&1)
  cut -d: -f1 "$dir/g" | uniq >"$dir/g.files"
  (cd "$dir" && python3 -c 'import glob, os, pathlib, sys
print("\n".join(sorted(str(pathlib.Path(p)) for p in glob.glob(sys.argv[1], recursive=True) if os.path.isfile(p))))' "$pattern") >"$dir/g.python"
  cmp -s "$dir/g.files" "$dir/g.python" ||
    { echo "FAIL: validate '$pattern' checked:"; cat "$dir/g.files"; echo "Python's glob:"; cat "$dir/g.python"; fail=1; }
done
[ "$(wc -l <"$dir/g.python")" -eq 1 ] || { echo "FAIL: the absolute pattern matched $(cat "$dir/g.python")"; fail=1; }
(cd "$dir" && "$cfnx" validate 'nothing/**/*.yaml' >"$dir/g" 2>&1)
rc=$?
{ [ $rc -eq 1 ] && grep -q "no template matches 'nothing/\*\*/\*.yaml'" "$dir/g"; } ||
  { echo "FAIL: a glob matching nothing: exit $rc: $(cat "$dir/g")"; fail=1; }
# .cfnlintrc's templates take globs too; transform --output-dir names files below the glob's
# literal directories.
printf 'templates:\n  - t/**/c.yaml\n' >"$dir/.cfnlintrc"
(cd "$dir" && "$cfnx" validate --format parseable >"$dir/g" 2>&1)
[ "$(cut -d: -f1 "$dir/g")" = t/sub/deep/c.yaml ] || { echo "FAIL: .cfnlintrc glob: $(cat "$dir/g")"; fail=1; }
rm "$dir/.cfnlintrc"
(cd "$dir" && "$cfnx" transform --output-dir "$dir/out" 't/**/*.yaml' >/dev/null 2>&1)
[ -f "$dir/out/sub/deep/c.json" ] && [ -f "$dir/out/b.json" ] ||
  { echo "FAIL: transform --output-dir with a glob wrote: $(cd "$dir/out" 2>/dev/null && find . -type f)"; fail=1; }
rm -rf "$dir/t/sub/deep" "$dir/t/sub/d.yml" "$dir/t/.hidden/in" "$dir/out"
# JUnit as cfn-lint writes it: a test case per rule, failed by its findings, skipped when the
# configuration leaves it out; and GitLab's code-quality JSON.
"$cfnx" validate --format junit "$dir/t/b.yaml" >"$dir/x" 2>&1
grep -q '<testcase name="E3006 [^"]*" url="[^"]*">' "$dir/x" &&
  grep -q "<failure type=\"Resource type &apos;AWS::S3::Buckt&apos; does not exist.*at $dir/t/b.yaml:3:11\"/>" "$dir/x" ||
  { echo "FAIL: junit has no failed E3006 test case"; fail=1; }
"$cfnx" validate --format junit "$dir/t/b.yaml" --ignore-checks E3006 >"$dir/x" 2>&1
grep -A1 '<testcase name="E3006 ' "$dir/x" | grep -q '<skipped type="skipped" message="Ignored rule"/>' ||
  { echo "FAIL: junit does not skip an ignored rule"; fail=1; }
"$cfnx" validate --format code-climate "$dir/t/b.yaml" | python3 -c '
import json, sys
issues = json.load(sys.stdin)
assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [("E3006", "major", 3)], issues
assert issues[0]["location"]["path"].endswith("t/b.yaml") and len(issues[0]["fingerprint"]) == 32' ||
  { echo "FAIL: code-climate output"; fail=1; }
# Standard input.
"$cfnx" validate --format parseable - <"$dir/t/b.yaml" >"$dir/s" 2>&1
rc=$?
if [ $rc -ne 2 ] || ! grep -q "^-:3:11:.*E3006" "$dir/s"; then
  echo "FAIL: validate - (exit $rc)"; cat "$dir/s"; fail=1
fi
# --output-file: the findings go to the file, byte for byte what stdout would get, and never
# coloured; --color always colours stdout even off a terminal, --color never does not.
"$cfnx" validate --format parseable --output-file "$dir/of" "$dir/t" >"$dir/o" 2>&1
rc=$?
[ $rc -eq 2 ] || { echo "FAIL: --output-file exit $rc"; fail=1; }
[ -s "$dir/o" ] && { echo "FAIL: --output-file also printed: $(cat "$dir/o")"; fail=1; }
cmp -s "$dir/of" "$dir/d" || { echo "FAIL: --output-file differs from stdout"; fail=1; }
"$cfnx" validate --color always --output-file "$dir/of" "$dir/t/b.yaml" >/dev/null 2>&1
grep -q "$(printf '\033')" "$dir/of" && { echo "FAIL: --output-file is coloured"; fail=1; }
"$cfnx" validate --color always "$dir/t/b.yaml" >"$dir/c" 2>&1
grep -q "$(printf '\033')\[" "$dir/c" || { echo "FAIL: --color always did not colour"; fail=1; }
"$cfnx" validate --color never "$dir/t/b.yaml" >"$dir/c" 2>&1
grep -q "$(printf '\033')" "$dir/c" && { echo "FAIL: --color never coloured"; fail=1; }
"$cfnx" validate --color sometimes "$dir/t/b.yaml" >"$dir/c" 2>&1
[ $? -eq 1 ] || { echo "FAIL: --color sometimes was accepted"; fail=1; }
[ $fail -eq 0 ] && echo "validate many: pass"
exit $fail
