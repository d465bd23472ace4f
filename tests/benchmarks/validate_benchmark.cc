// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Benchmarks of the validate pipeline in one process: parse + model + checks of a template.
// The template defaults to the largest corpus template (../shared/corpus/aws-templates/
// Solutions/WebApp/webapp.json, ~59 KB); CFNX_BENCH_TEMPLATE overrides it.
// BM_ValidateCorpus checks every template of the public corpus that has cfn-lint verdicts
// (../shared/corpus/cfn-lint-1.51.0.json), one Compiler each, on one thread: what
// `cfnx validate -j1 FILES...` does after reading the files (`bench-peers --batch` compares that
// run with cfn-lint's). CFNX_BENCH_CORPUS overrides the corpus directory.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

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

void BM_ValidateCorpus(benchmark::State& state) {
  const char* env = std::getenv("CFNX_BENCH_CORPUS");
  std::string corpus =
      env != nullptr ? std::string(env) : cfnx::testing::SourceDir() + "/../shared/corpus";
  std::string verdicts = ReadAll(corpus + "/cfn-lint-1.51.0.json");
  nlohmann::json ref = nlohmann::json::parse(verdicts, nullptr, /*allow_exceptions=*/false);
  if (!ref.is_object()) {
    state.SkipWithError(("cannot read " + corpus + "/cfn-lint-1.51.0.json").c_str());
    return;
  }
  std::vector<std::pair<std::string, std::string>> templates;
  int64_t bytes = 0;
  for (const auto& [name, verdict] : ref.items()) {
    std::string path = corpus + "/" + name;
    templates.emplace_back(path, ReadAll(path));
    bytes += static_cast<int64_t>(templates.back().second.size());
  }
  for (auto _ : state) {
    size_t findings = 0;
    for (const auto& [path, text] : templates) {
      cfnx::Compiler compiler;
      findings += compiler.Validate(compiler.AddSource(path, text)).diagnostics.size();
    }
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * bytes);
  state.counters["templates"] = static_cast<double>(templates.size());
}
BENCHMARK(BM_ValidateCorpus)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
