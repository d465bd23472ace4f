// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3700: a pipeline's first stage holds its Source actions, and only the first stage may:
// https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html

#include <string>
#include <string_view>

#include "resources/service_rules.h"

namespace cfnx {
namespace {

constexpr std::string_view kLaterCategories[] = {"Build", "Approval", "Deploy",
                                                 "Test",  "Invoke",   "Compute"};

void CheckCategory(const Node* action, bool first, const TemplatePath& path,
                   DiagnosticSink& diags) {
  const auto* map = dyn_cast<MapNode>(action);
  const auto* type = map != nullptr ? dyn_cast<MapNode>(map->Get("ActionTypeId")) : nullptr;
  const auto* category = type != nullptr ? dyn_cast<StringNode>(type->Get("Category")) : nullptr;
  if (category == nullptr)
    return;
  const std::string& value = category->value();
  bool later_ok = false;
  for (std::string_view c : kLaterCategories)
    later_ok = later_ok || value == c;
  if (first ? value == "Source" : later_ok)
    return;
  diags.Report(DiagCode::kE3700, category->range(), path.Child("ActionTypeId").Child("Category"),
               first ? "'" + value +
                           "' is not one of ['Source']: the first stage of a pipeline "
                           "holds its Source actions."
                     : "'" + value +
                           "' is not one of ['Build', 'Approval', 'Deploy', 'Test', 'Invoke', "
                           "'Compute']: Source actions belong in the first stage only.");
}

}  // namespace

void CheckPipelineStages(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::CodePipeline::Pipeline")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const auto* stages = props != nullptr ? dyn_cast<ListNode>(props->Get("Stages")) : nullptr;
  if (stages == nullptr)
    return;
  TemplatePath base{"Resources", r.logical_id, "Properties", "Stages"};
  for (size_t i = 0; i < stages->size(); ++i) {
    // A stage or action behind an Fn::If is not placed for sure: cfn-lint skips it too.
    const auto* stage = dyn_cast<MapNode>(stages->items()[i]);
    const auto* actions = stage != nullptr ? dyn_cast<ListNode>(stage->Get("Actions")) : nullptr;
    for (size_t k = 0; actions != nullptr && k < actions->size(); ++k)
      CheckCategory(actions->items()[k], i == 0, base.Child(i).Child("Actions").Child(k), diags);
  }
}

}  // namespace cfnx
