#!/usr/bin/env bash
# Runs cfnx's Google Benchmark suite (one process, in-process timings; medians reported).
set -euo pipefail
build=${1:-build}
"$build/tests/benchmarks/cfnx_benchmarks" --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
