#!/usr/bin/env bash
# The README's main job, offline and without credentials: validate the examples briefly, then
# run a whole deployment cycle on the local backend (embedded SQLite state + simulated
# provider): deploy a stack, update it with a change that replaces a resource, inject a failure
# and watch the rollback, then destroy it.
set -uo pipefail
cfnx=$(realpath "${1:-build/cfnx}")
cd "$(dirname "$0")/.."
step() { echo; echo "== $*"; }
expect() {  # expect CODE: the previous command's status must be CODE
  local status=$1 want=$2
  echo "exit code: $status"
  [ "$status" -eq "$want" ] || { echo "demo: expected exit code $want" >&2; exit 1; }
}

step "cfnx validate examples/templates (expected: clean) and examples/broken/typos.yaml (findings)"
"$cfnx" validate examples/templates/*.yaml examples/templates/*.json examples/templates/deploy/*.yaml
expect $? 0
"$cfnx" validate examples/broken/typos.yaml | tail -n 4
expect "${PIPESTATUS[0]}" 2

state=$(mktemp -d)/state.db
trap 'rm -rf "$(dirname "$state")"' EXIT
deploy=examples/templates/deploy
step "cfnx deploy $deploy/app-v1.yaml --stack demo   (local backend, state in $state)"
"$cfnx" deploy "$deploy/app-v1.yaml" --stack demo --state "$state" --yes
expect $? 0

step "cfnx deploy $deploy/app-v2.yaml --stack demo   (DeadLetter gets a QueueName: replaced)"
"$cfnx" deploy "$deploy/app-v2.yaml" --stack demo --state "$state" --yes
expect $? 0

step "cfnx deploy $deploy/app-v1.yaml --stack demo --fail Bucket:update   (injected failure: rollback)"
"$cfnx" deploy "$deploy/app-v1.yaml" --stack demo --state "$state" --yes --parallel 1 \
  --fail Bucket:update
expect $? 2

step "cfnx describe --stack demo   (back on app-v2, UPDATE_ROLLBACK_COMPLETE)"
"$cfnx" describe --stack demo --state "$state" | head -n 22
step "cfnx stacks"
"$cfnx" stacks --state "$state"

step "cfnx destroy --stack demo"
"$cfnx" destroy --stack demo --state "$state" --yes
expect $? 0
"$cfnx" stacks --state "$state"
exit 0
