// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// CheckLambdaRuntimes (declared in resources/property_checker.h): Lambda functions, and SAM
// functions before or after the transform, on a runtime past its end of support (E2533), or on
// one that can no longer be used to create functions (E2531).

#include <string>
#include <vector>

#include "resources/ignored_checks.h"
#include "resources/lambda/runtimes.h"
#include "resources/property_checker.h"

namespace cfnx {
namespace {

std::string Q(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// The Runtime value(s) a function declares: a string, or both branches of an Fn::If.
std::vector<const StringNode*> RuntimeValues(const Node* value) {
  if (const auto* fn = dyn_cast<FnCallNode>(value); fn != nullptr && fn->fn() == FnKind::kIf) {
    const auto* args = dyn_cast<ListNode>(fn->args());
    if (args == nullptr || args->size() != 3) {
      return {};
    }
    std::vector<const StringNode*> out;
    for (size_t i = 1; i < 3; ++i) {
      if (const auto* s = dyn_cast<StringNode>(args->items()[i])) {
        out.push_back(s);
      }
    }
    return out;
  }
  if (const auto* s = dyn_cast<StringNode>(value)) {
    return {s};
  }
  return {};
}

// `at` is where to point: the Runtime key, or for SAM functions (whose Lambda function the SAM
// transform generates) the function's logical id, where cfn-lint points too.
void ReportRuntime(const MapEntry& runtime, SourceRange at, const TemplatePath& path,
                   std::string_view today, std::string_view from, DiagnosticSink& diags) {
  for (const StringNode* name : RuntimeValues(runtime.value)) {
    const LambdaRuntimeLifecycle* life = FindLambdaRuntime(name->value());
    if (life == nullptr || life->create_block > today) {
      continue;
    }
    if (life->update_block > today) {
      // Creation is blocked, updates not yet (cfn-lint's rules/resources/lmbd/
      // DeprecatedRuntimeCreate.py): a new function on it fails to deploy.
      diags.Report(DiagCode::kE2531, at, path,
                   "Runtime " + Q(name->value()) + std::string(from) + " was deprecated on " +
                       Q(life->deprecated) + ". Creation was disabled on " + Q(life->create_block) +
                       " and update on " + Q(life->update_block) +
                       ". Please consider updating to " + Q(life->successor));
      continue;
    }
    diags.Report(DiagCode::kE2533, at, path,
                 "Runtime " + Q(name->value()) + std::string(from) + " was deprecated on " +
                     Q(life->deprecated) + "; creating functions with it was blocked on " +
                     Q(life->create_block) + " and updating them on " + Q(life->update_block) +
                     ". Move to " + Q(life->successor) + ".");
  }
}

}  // namespace

void CheckLambdaRuntimes(const Template& t, const ResourceCheckOptions& options,
                         DiagnosticSink& diags) {
  std::string_view today = options.today.empty() ? TodayUtc() : options.today;
  // SAM's Globals.Function.Runtime applies to serverless functions that set none.
  const MapEntry* global_runtime = nullptr;
  if (t.root != nullptr) {
    const auto* globals = dyn_cast<MapNode>(t.root->Get("Globals"));
    const auto* function =
        globals != nullptr ? dyn_cast<MapNode>(globals->Get("Function")) : nullptr;
    global_runtime = function != nullptr ? function->Find("Runtime") : nullptr;
  }
  for (const Resource& r : t.resources) {
    bool serverless = r.type == "AWS::Serverless::Function";
    if (r.type != "AWS::Lambda::Function" && !serverless) {
      continue;
    }
    const auto* props = dyn_cast<MapNode>(r.properties);
    const MapEntry* runtime = props != nullptr ? props->Find("Runtime") : nullptr;
    IgnoringSink sink(diags, IgnoredChecks(r));
    TemplatePath path{"Resources", r.logical_id, "Properties", "Runtime"};
    if (runtime != nullptr) {
      // A function the SAM transform generated points at its AWS::Serverless::Function.
      bool generated = r.key->origin() != nullptr || runtime->key->origin() != nullptr ||
                       r.node->origin() != nullptr ||
                       (r.type_node != nullptr && r.type_node->origin() != nullptr);
      ReportRuntime(*runtime,
                    serverless || generated ? r.key->Source().range() : runtime->key->range(), path,
                    today, "", sink);
    } else if (serverless && global_runtime != nullptr) {
      ReportRuntime(*global_runtime, r.key->range(), path, today, " (from Globals)", sink);
    }
  }
}

}  // namespace cfnx
