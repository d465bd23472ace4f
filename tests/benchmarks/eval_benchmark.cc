// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Benchmarks of evaluation on the largest corpus template (../shared/corpus/aws-templates/
// Solutions/WebApp/webapp.json; CFNX_BENCH_TEMPLATE overrides it): the template is loaded
// once, then each iteration resolves parameters, evaluates every condition and renders the
// whole template (what `cfnx render` does after loading), or runs the symbolic function checks
// `cfnx validate` adds. Both must stay well inside validate's 10 ms budget.

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "engine/api/pipeline.h"
#include "engine/eval/check_functions.h"
#include "engine/eval/render.h"
#include "functions/register.h"
#include "tests/testing/paths.h"

namespace {

std::string BenchTemplatePath() {
  const char* env = std::getenv("CFNX_BENCH_TEMPLATE");
  if (env != nullptr)
    return env;
  return cfnx::testing::SourceDir() +
         "/../shared/corpus/aws-templates/Solutions/WebApp/webapp.json";
}

// Discards diagnostics (the benchmark measures evaluation, not printing).
class NullSink : public cfnx::DiagnosticSink {
 public:
  using DiagnosticSink::Report;
  void Report(cfnx::Diagnostic) override { ++count; }
  int count = 0;
};

struct Loaded {
  cfnx::SourceManager sources;
  cfnx::LoadedTemplate loaded;
  bool ok = false;
};

std::unique_ptr<Loaded> Load(const cfnx::CompileOptions& options) {
  auto out = std::make_unique<Loaded>();
  std::ifstream in(BenchTemplatePath(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str().empty())
    return out;
  cfnx::FileId file = out->sources.AddFile(BenchTemplatePath(), ss.str());
  NullSink sink;
  out->loaded = cfnx::LoadAndBuild(out->sources, file, options, sink);
  out->ok = out->loaded.model.root != nullptr;
  return out;
}

void BM_EvaluateAndRenderLargestTemplate(benchmark::State& state) {
  cfnx::CompileOptions options;
  std::unique_ptr<Loaded> t = Load(options);
  if (!t->ok) {
    state.SkipWithError(("cannot load " + BenchTemplatePath()).c_str());
    return;
  }
  for (auto _ : state) {
    NullSink sink;
    cfnx::Evaluator ev(t->loaded.model, cfnx::BuiltinFunctions(), cfnx::ToEvalOptions(options),
                       sink);
    ev.CheckRules();
    cfnx::OrderedJson json = cfnx::RenderTemplate(ev);
    benchmark::DoNotOptimize(json.size());
  }
}
BENCHMARK(BM_EvaluateAndRenderLargestTemplate)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_CheckFunctionsLargestTemplate(benchmark::State& state) {
  cfnx::CompileOptions options;
  std::unique_ptr<Loaded> t = Load(options);
  if (!t->ok) {
    state.SkipWithError(("cannot load " + BenchTemplatePath()).c_str());
    return;
  }
  for (auto _ : state) {
    NullSink sink;
    cfnx::CheckFunctions(t->loaded.model, cfnx::BuiltinFunctions(), cfnx::ToEvalOptions(options),
                         sink);
    benchmark::DoNotOptimize(sink.count);
  }
}
BENCHMARK(BM_CheckFunctionsLargestTemplate)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace
