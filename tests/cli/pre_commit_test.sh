#!/bin/sh
# Copyright 2026 The cfnx Authors.
# SPDX-License-Identifier: Apache-2.0
#
# The pre-commit hook of .pre-commit-hooks.yaml, run by Debian's `pre-commit` as a user runs it:
# in a scratch git repository with the hook installed, a good template commits, a broken one
# blocks the commit with file:line:col, and the fixed template commits again; the same for the
# hook that validates the templates .cfnlintrc lists.
#
# usage: pre_commit_test.sh CFNX SOURCE_DIR
set -u
cfnx_dir=$(cd "$(dirname "$1")" && pwd)
src=$2
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/setup.sh installs it)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
export PATH="$cfnx_dir:$PATH" PRE_COMMIT_HOME="$dir/cache" HOME="$dir/home"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$HOME"

# The hook repository: this checkout's .pre-commit-hooks.yaml, committed (pre-commit wants a rev).
git init -q "$dir/hooks" && cp "$src/.pre-commit-hooks.yaml" "$dir/hooks/" &&
  git -C "$dir/hooks" add . && git -C "$dir/hooks" commit -qm hooks || { echo "git failed"; exit 1; }
rev=$(git -C "$dir/hooks" rev-parse HEAD)

git init -q "$dir/app"
cd "$dir/app" || exit 1
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $dir/hooks
    rev: $rev
    hooks:
      - id: cfnx-validate
        files: ^templates/
YAML
pre-commit install >/dev/null || { echo "pre-commit install failed"; exit 1; }
mkdir templates
printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' >templates/app.yaml
printf 'not: a template\n' >notes.yaml  # outside `files`: not checked
git add -A
git commit -qm good >"$dir/out" 2>&1 || bad "a good template did not commit: $(cat "$dir/out")"

printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketNam: x\n' >templates/app.yaml
git add -A
if git commit -qm broken >"$dir/out" 2>&1; then
  bad "a broken template committed"
fi
grep -q "templates/app.yaml:5:7:.*E3002" "$dir/out" || bad "no file:line:col finding in: $(cat "$dir/out")"
[ "$(git rev-list --count HEAD)" = 1 ] || bad "the broken commit was recorded"

printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: my-app-bucket\n' >templates/app.yaml
git add -A
git commit -qm fixed >"$dir/out" 2>&1 || bad "the fixed template did not commit: $(cat "$dir/out")"
[ "$(git rev-list --count HEAD)" = 2 ] || bad "the fixed commit is missing"

# cfnx-validate-rc: the templates .cfnlintrc lists, whatever file is staged.
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $dir/hooks
    rev: $rev
    hooks:
      - id: cfnx-validate-rc
YAML
printf 'templates:\n  - templates/*.yaml\n' >.cfnlintrc
printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queu\n' >templates/queue.yaml
git add .pre-commit-config.yaml .cfnlintrc
git commit -qm rc-setup --no-verify
printf 'note\n' >>notes.yaml
git add notes.yaml
if git commit -qm "rc: broken template listed" >"$dir/out" 2>&1; then
  bad "cfnx-validate-rc let a commit through while a listed template is broken"
fi
grep -q "templates/queue.yaml:3:11:.*E3006" "$dir/out" || bad "rc hook finding: $(cat "$dir/out")"
printf 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n' >templates/queue.yaml
git add -A
git commit -qm "rc: fixed" >"$dir/out" 2>&1 || bad "cfnx-validate-rc blocked a clean tree: $(cat "$dir/out")"
[ $fail -eq 0 ] && echo "pre-commit hook: pass"
exit $fail
