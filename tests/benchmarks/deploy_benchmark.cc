// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend: deploy of a 500-resource stack (SQS queues, SNS topics and SSM
// parameters, a third of them referring to others: several waves) into a fresh state
// database, wall time including every journal and state transaction. Counters report the
// state database's size and its growth per deployment (an update touching every parameter).

#include <filesystem>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include "engine/api/local_backend.h"

namespace {

cfnx::StoreJson MakeTemplate(int n, const std::string& version) {
  cfnx::StoreJson resources = cfnx::StoreJson::object();
  for (int i = 0; i < n; ++i) {
    std::string id = "R" + std::to_string(i);
    cfnx::StoreJson r;
    switch (i % 3) {
      case 0:
        r = {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"DelaySeconds", i % 10}}}};
        break;
      case 1:
        r = {{"Type", "AWS::SNS::Topic"}, {"Properties", {{"DisplayName", id}}}};
        break;
      default:
        r = {{"Type", "AWS::SSM::Parameter"},
             {"Properties",
              {{"Type", "String"},
               {"Value", {{"Fn::Sub", "${R" + std::to_string(i - 2) + ".Arn}/" + version}}}}}};
    }
    resources[id] = r;
  }
  return {{"Resources", resources}};
}

void BM_LocalDeploy500(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  cfnx::StoreJson v1 = MakeTemplate(n, "v1");
  cfnx::StoreJson v2 = MakeTemplate(n, "v2");
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("cfnx_deploy_bench_" + std::to_string(getpid()));
  int64_t bytes_after_create = 0, bytes_after_update = 0;
  int run = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    auto backend = cfnx::LocalBackend::Open({(dir / "state.db").string(), {}, "", {}});
    if (!backend.ok()) {
      state.SkipWithError(backend.error().message.c_str());
      return;
    }
    cfnx::Executor executor = (*backend)->MakeExecutor(nullptr);
    cfnx::DeployRequest request;
    request.stack_name = "bench";
    request.template_json = v1;
    request.parallel = 4;
    state.ResumeTiming();
    auto result = executor.Deploy(request);
    state.PauseTiming();
    if (!result.ok() || !result->succeeded) {
      state.SkipWithError(result.ok() ? result->message.c_str() : result.error().message.c_str());
      return;
    }
    if (run++ == 0) {
      bytes_after_create = (*backend)->store().DatabaseBytes();
      request.template_json = v2;
      (void)executor.Deploy(request);
      bytes_after_update = (*backend)->store().DatabaseBytes();
    }
    state.ResumeTiming();
  }
  std::filesystem::remove_all(dir);
  state.counters["resources"] = n;
  state.counters["state_bytes_after_create"] = static_cast<double>(bytes_after_create);
  state.counters["state_growth_per_update_bytes"] =
      static_cast<double>(bytes_after_update - bytes_after_create);
}
BENCHMARK(BM_LocalDeploy500)->Arg(500)->Unit(benchmark::kMillisecond)->UseRealTime();

// State growth over many deployments: create a 500-resource stack, then update it 20 times
// (alternating two versions that change a third of the resources), and report the database's
// bytes after the creation and its mean growth per update once the first update has run (what
// a long-lived stack costs per deployment: events, template history, journal headers).
void BM_LocalStateGrowth(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const int updates = 20;
  cfnx::StoreJson v1 = MakeTemplate(n, "v1");
  cfnx::StoreJson v2 = MakeTemplate(n, "v2");
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("cfnx_growth_bench_" + std::to_string(getpid()));
  int64_t after_create = 0, after_first = 0, after_last = 0;
  for (auto _ : state) {
    std::filesystem::remove_all(dir);
    auto backend = cfnx::LocalBackend::Open({(dir / "state.db").string(), {}, "", {}});
    if (!backend.ok()) {
      state.SkipWithError(backend.error().message.c_str());
      return;
    }
    cfnx::Executor executor = (*backend)->MakeExecutor(nullptr);
    cfnx::DeployRequest request;
    request.stack_name = "bench";
    request.parallel = 4;
    for (int i = 0; i <= updates; ++i) {
      request.template_json = i % 2 == 0 ? v1 : v2;
      auto result = executor.Deploy(request);
      if (!result.ok() || !result->succeeded) {
        state.SkipWithError("deployment failed");
        return;
      }
      int64_t bytes = (*backend)->store().DatabaseBytes();
      if (i == 0)
        after_create = bytes;
      if (i == 1)
        after_first = bytes;
      after_last = bytes;
    }
  }
  std::filesystem::remove_all(dir);
  state.counters["resources"] = n;
  state.counters["bytes_after_create"] = static_cast<double>(after_create);
  state.counters["growth_first_update"] = static_cast<double>(after_first - after_create);
  state.counters["growth_per_update"] =
      static_cast<double>(after_last - after_first) / static_cast<double>(updates - 1);
}
BENCHMARK(BM_LocalStateGrowth)->Arg(500)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
