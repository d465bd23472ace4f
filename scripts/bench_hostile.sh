#!/usr/bin/env bash
# Time and peak memory of `cfnx validate` on large hostile inputs at two sizes (N and 2N), so
# growth can be read as a ratio: linear input should cost about 2x time and 2x memory.
# Measured with /usr/bin/time -v (maximum resident set size). Usage: scripts/bench_hostile.sh [CFNX]
set -euo pipefail
cfnx=${1:-build/cfnx}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

gen_resources() {  # N resources
  python3 -c "
import sys
n=int(sys.argv[1])
print('Resources:')
for i in range(n): print('  Q%d:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: q%d' % (i, i))" "$1"
}
gen_cycle() {  # a dependency cycle through N resources
  python3 -c "
import sys
n=int(sys.argv[1])
print('Resources:')
for i in range(n): print('  R%d:\n    Type: AWS::SQS::Queue\n    DependsOn: R%d' % (i, (i+1)%n))" "$1"
}
gen_bytes() {  # a template of about N MB (one long Metadata string per resource)
  python3 -c "
import sys
mb=int(sys.argv[1])
print('Resources:')
for i in range(mb*16): print('  B%d:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Blob: \"%s\"' % (i, 'x'*65000))" "$1"
}
gen_sub() {  # Fn::Sub over a string of N MB
  python3 -c "
import sys
mb=int(sys.argv[1])
body='x\${AWS::Region}'*(mb*1024*1024//15)
print('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      M: !Sub \"' + body + '\"')" "$1"
}

measure() {  # name generator small large command
  local name=$1 gen=$2 small=$3 large=$4 cmd=$5
  local t1 m1 t2 m2
  "$gen" "$small" >"$dir/s.yaml"
  "$gen" "$large" >"$dir/l.yaml"
  /usr/bin/time -f "%e %M" -o "$dir/ts" "$cfnx" $cmd "$dir/s.yaml" >/dev/null 2>&1 || true
  /usr/bin/time -f "%e %M" -o "$dir/tl" "$cfnx" $cmd "$dir/l.yaml" >/dev/null 2>&1 || true
  read -r t1 m1 < <(tail -n 1 "$dir/ts")
  read -r t2 m2 < <(tail -n 1 "$dir/tl")
  local b1 b2
  b1=$(stat -c %s "$dir/s.yaml"); b2=$(stat -c %s "$dir/l.yaml")
  python3 - "$name" "$small" "$large" "$b1" "$b2" "$t1" "$t2" "$m1" "$m2" <<'PY'
import sys
name, s, l, b1, b2, t1, t2, m1, m2 = sys.argv[1:]
b1, b2, t1, t2, m1, m2 = int(b1), int(b2), float(t1), float(t2), int(m1), int(m2)
print(f"{name:28} size {s:>6} -> {l:>6} ({b2/b1:.2f}x bytes): time {t1:.2f}s -> {t2:.2f}s "
      f"({t2/max(t1,0.01):.2f}x), peak {m1/1024:.0f} MB -> {m2/1024:.0f} MB ({m2/m1:.2f}x), "
      f"peak/input {m2*1024/b2:.1f}x")
PY
}

measure "resources (validate)" gen_resources 50000 100000 validate
measure "cycle (validate)" gen_cycle 5000 10000 validate
measure "template MB (validate)" gen_bytes 25 50 validate
measure "Fn::Sub MB (render)" gen_sub 2 4 render
