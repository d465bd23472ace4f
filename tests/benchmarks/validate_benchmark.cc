// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Benchmarks of the validate pipeline in one process: parse + model + checks of a template.
// The template defaults to the largest corpus template (../shared/corpus/aws-templates/
// Solutions/WebApp/webapp.json, ~59 KB); CFNX_BENCH_TEMPLATE overrides it.

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "cfnx/compiler.h"
#include "tests/testing/paths.h"

namespace {

std::string TemplatePath() {
  const char* env = std::getenv("CFNX_BENCH_TEMPLATE");
  if (env != nullptr)
    return env;
  return cfnx::testing::SourceDir() +
         "/../shared/corpus/aws-templates/Solutions/WebApp/webapp.json";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void BM_ValidateLargestTemplate(benchmark::State& state) {
  std::string path = TemplatePath();
  std::string text = ReadAll(path);
  if (text.empty()) {
    state.SkipWithError(("cannot read " + path).c_str());
    return;
  }
  for (auto _ : state) {
    cfnx::Compiler compiler;
    cfnx::FileId file = compiler.AddSource(path, text);
    cfnx::CompileResult result = compiler.Validate(file);
    benchmark::DoNotOptimize(result.diagnostics.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ValidateLargestTemplate)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
