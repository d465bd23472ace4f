#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# `cfnx transform --output-dir`: many templates in one process, one output each, named after
# the input (a directory argument keeps the path below it), each byte for byte what a single
# `cfnx transform` prints, the same whatever -j is; diagnostics in command-line order; a
# template that cannot be processed sets the error bit and writes nothing; collisions and
# several templates without --output-dir are refused.
#
# usage: transform_many_test.sh CFNX SOURCE_DIR
set -u
cfnx=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
sam="$src/tests/golden/transforms/sam"
mkdir -p "$dir/in/nested"
n=0
for f in "$sam"/*.yaml; do
  case "$f" in *error*) continue ;; esac
  n=$((n + 1)); [ $n -gt 12 ] && break
  cp "$f" "$dir/in/"
done
cp "$dir/in/$(ls "$dir/in" | head -1)" "$dir/in/nested/again.yaml"
printf 'Resources: [\n' >"$dir/in/broken.yaml"

"$cfnx" transform --output-dir "$dir/o1" -j 1 "$dir/in" >"$dir/out1" 2>"$dir/err1"
rc1=$?
"$cfnx" transform --output-dir "$dir/o4" -j 4 "$dir/in" >"$dir/out4" 2>"$dir/err4"
rc4=$?
[ $rc1 -eq $rc4 ] || bad "exit $rc1 with -j 1, $rc4 with -j 4"
[ $((rc1 & 2)) -eq 2 ] || bad "a template that cannot be processed did not set the error bit (exit $rc1)"
[ $rc1 -ge 16 ] || [ $rc1 -eq 1 ] && bad "exit $rc1"
[ -s "$dir/out1" ] && bad "--output-dir printed on stdout: $(head -3 "$dir/out1")"
cmp -s "$dir/err1" "$dir/err4" || bad "diagnostics differ between -j 1 and -j 4"
diff -r "$dir/o1" "$dir/o4" >/dev/null || bad "outputs differ between -j 1 and -j 4"
[ -e "$dir/o1/broken.json" ] && bad "an unprocessable template was written"
[ -f "$dir/o1/nested/again.json" ] || bad "a file under a directory argument lost its path: $(cd "$dir/o1" && find . | head)"
written=0
for f in "$dir"/in/*.yaml; do
  base=$(basename "$f" .yaml)
  [ "$base" = broken ] && continue
  "$cfnx" transform "$f" >"$dir/single" 2>/dev/null
  if [ -s "$dir/single" ]; then
    cmp -s "$dir/single" "$dir/o1/$base.json" || bad "$base.json differs from a single transform"
    written=$((written + 1))
  else
    [ -e "$dir/o1/$base.json" ] && bad "$base.json written, but a single transform has no output"
  fi
done

[ $written -ge 8 ] || bad "only $written of the inputs transformed"

# Files given as such are named by their file name; two with one name are refused.
mkdir -p "$dir/a" "$dir/b"
printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' >"$dir/a/t.yaml"
cp "$dir/a/t.yaml" "$dir/b/t.yaml"
"$cfnx" transform --output-dir "$dir/o5" "$dir/a/t.yaml" >"$dir/out" 2>&1 || bad "one file: $(cat "$dir/out")"
[ -f "$dir/o5/t.json" ] || bad "no $dir/o5/t.json"
"$cfnx" transform --output-dir "$dir/o6" "$dir/a/t.yaml" "$dir/b/t.yaml" >"$dir/out" 2>&1
[ $? -eq 1 ] || bad "two inputs to one output file are not refused"
grep -q "would both be written" "$dir/out" || bad "collision message: $(cat "$dir/out")"
[ -e "$dir/o6" ] && bad "a refused run wrote something"
"$cfnx" transform "$dir/a/t.yaml" "$dir/b/t.yaml" >"$dir/out" 2>&1
[ $? -eq 1 ] || bad "several templates without --output-dir are not refused"
grep -q -- "--output-dir" "$dir/out" || bad "the refusal does not name --output-dir: $(cat "$dir/out")"
# Standard input still works alone.
"$cfnx" transform - <"$dir/a/t.yaml" >"$dir/out" 2>&1 || bad "stdin: $(cat "$dir/out")"
grep -q '"AWS::SQS::Queue"' "$dir/out" || bad "stdin transform printed: $(cat "$dir/out")"
[ $fail -eq 0 ] && echo "transform many: pass"
exit $fail
