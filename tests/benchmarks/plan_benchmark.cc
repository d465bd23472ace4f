// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Benchmarks of the dependency graph and the planner on synthetic stacks of N resources
// (N = 500, 5,000, 50,000): groups of a queue, a bucket with a custom name, a bucket policy
// that Refs and GetAtts its bucket, and a topic that DependsOn the previous group's topic (a
// chain, so the graph is deep as well as wide). The deployed state is the same template with
// every 10th group changed: a queue updated in place and a bucket renamed (replaced, so its
// policy gets Conditional replacement). Only the plan is timed; loading is not.
//
//   build/tests/benchmarks/cfnx_benchmarks --benchmark_filter='BM_Plan|BM_Graph'
//       --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true
//
// On a shared machine compare CPU-time medians, and growth as ratios within one run (random
// interleaving spreads load changes over every size). The acceptance: BM_Plan/500 well under
// 20 ms, and each 10x of resources close to 10x of time.
//
// The plain benchmarks run the same input again and again, so a 500-resource template stays in
// the L2 cache, 5,000 in L3, and 50,000 (tens of MB) in neither: their times also grow with the
// memory hierarchy, not only with the work. The `Cold` variants evict the caches before each
// iteration (writing a buffer larger than the last-level cache, outside the timing), so every
// size reads its input from memory, as the first pass over a freshly loaded large template
// does. Work itself is measured exactly by instruction counts, e.g.
//   valgrind --tool=callgrind --toggle-collect='cfnx::BuildDependencyGraph*'
//       build/tests/benchmarks/cfnx_benchmarks --benchmark_filter='BM_Graph/50000$'
//       --benchmark_min_time=0.000001

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "engine/api/planning.h"
#include "engine/ast/json_convert.h"
#include "engine/graph/graph.h"
#include "engine/parse/loader.h"
#include "functions/register.h"

namespace cfnx {
namespace {

// A template of `n` resources (n/4 groups) as JSON; `changed` marks the desired version.
OrderedJson Synthetic(int n, bool changed) {
  // Appended to the object's vector: ordered_json's operator[] searches keys linearly, which
  // makes building 50,000 resources slow (setup only, but it slows the benchmark run down).
  OrderedJson resources = OrderedJson::object();
  auto& members = resources.get_ref<OrderedJson::object_t&>();
  auto add = [&members](std::string key, OrderedJson value) {
    members.emplace_back(std::move(key), std::move(value));
  };
  for (int g = 0; g < n / 4; ++g) {
    std::string s = std::to_string(g);
    bool touched = changed && g % 10 == 0;
    add("Queue" + s,
        {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"VisibilityTimeout", touched ? 60 : 30}}}});
    add("Bucket" + s,
        {{"Type", "AWS::S3::Bucket"},
         {"Properties", {{"BucketName", "app-bucket-" + s + (touched ? "-v2" : "")}}}});
    add("Policy" + s, {{"Type", "AWS::S3::BucketPolicy"},
                       {"Properties",
                        {{"Bucket", {{"Ref", "Bucket" + s}}},
                         {"PolicyDocument",
                          {{"Statement",
                            {{{"Effect", "Deny"},
                              {"Principal", "*"},
                              {"Action", "s3:DeleteBucket"},
                              {"Resource", {{"Fn::GetAtt", {"Bucket" + s, "Arn"}}}}}}}}}}}});
    OrderedJson topic = {{"Type", "AWS::SNS::Topic"}};
    if (g > 0) {
      topic["DependsOn"] = "Topic" + std::to_string(g - 1);
    }
    add("Topic" + s, topic);
  }
  return {{"Resources", resources}};
}

StackState DeployedState(int n) {
  StackState state;
  state.stack_name = "bench";
  state.stack_id = "arn:aws:cloudformation:us-east-1:123456789012:stack/bench/1";
  state.status = "UPDATE_COMPLETE";
  state.template_body = Synthetic(n, false);
  for (auto it = state.template_body["Resources"].begin();
       it != state.template_body["Resources"].end(); ++it) {
    StackResource r;
    r.logical_id = it.key();
    r.type = it.value()["Type"].get<std::string>();
    r.physical_id = "bench-" + it.key();
    r.status = "CREATE_COMPLETE";
    r.attributes = {{"Arn", "arn:aws:test:::" + r.physical_id}};
    state.resources.push_back(std::move(r));
  }
  return state;
}

struct Loaded {
  SourceManager sources;
  Document doc;
  Template model;
};

std::unique_ptr<Loaded> LoadSynthetic(int n) {
  auto l = std::make_unique<Loaded>();
  DiagnosticCollector diags;
  FileId file = l->sources.AddFile("bench.json", Synthetic(n, true).dump());
  l->doc = LoadTemplate(l->sources, file, diags);
  l->model = BuildModel(l->doc, diags);
  return l;
}

// Writes 64 MiB (twice this machine's L3, and more than common last-level caches) so that what
// the next iteration reads comes from memory. Called with the timer paused.
void EvictCaches() {
  static std::vector<char> buffer(64 << 20);
  static char round = 0;
  ++round;
  for (size_t i = 0; i < buffer.size(); i += 64) {
    buffer[i] = round;
  }
  benchmark::DoNotOptimize(buffer.data());
  benchmark::ClobberMemory();
}

template <bool kCold>
void BM_Plan(benchmark::State& bench) {
  int n = static_cast<int>(bench.range(0));
  std::unique_ptr<Loaded> loaded = LoadSynthetic(n);
  StackState state = DeployedState(n);
  PlanOptions options;
  options.stack_name = "bench";
  size_t changes = 0;
  for (auto _ : bench) {
    if constexpr (kCold) {
      bench.PauseTiming();
      EvictCaches();
      bench.ResumeTiming();
    }
    DiagnosticCollector diags;
    Plan plan =
        ComputePlan(state, loaded->model, BuiltinFunctions(), DefaultSchemaFacts(), options, diags);
    changes = plan.change_set.changes.size();
    benchmark::DoNotOptimize(plan);
  }
  bench.counters["resources"] = n;
  bench.counters["changes"] = static_cast<double>(changes);
}
BENCHMARK(BM_Plan<false>)
    ->Name("BM_Plan")
    ->Arg(500)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Plan<true>)
    ->Name("BM_PlanCold")
    ->Arg(500)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);

template <bool kCold>
void BM_Graph(benchmark::State& bench) {
  int n = static_cast<int>(bench.range(0));
  std::unique_ptr<Loaded> loaded = LoadSynthetic(n);
  for (auto _ : bench) {
    if constexpr (kCold) {
      bench.PauseTiming();
      EvictCaches();
      bench.ResumeTiming();
    }
    DiagnosticCollector diags;
    DependencyGraph graph = BuildDependencyGraph(loaded->model, {}, diags);
    benchmark::DoNotOptimize(graph);
  }
  bench.counters["resources"] = n;
}
BENCHMARK(BM_Graph<false>)
    ->Name("BM_Graph")
    ->Arg(500)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Graph<true>)
    ->Name("BM_GraphCold")
    ->Arg(500)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace cfnx
