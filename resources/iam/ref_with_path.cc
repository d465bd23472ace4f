// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3050: CodeBuild looks a project's ServiceRole up by name when it is given as a name, and a
// role with a Path is not found that way; `!GetAtt Role.Arn` works for any path:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html

#include <string>

#include "resources/service_rules.h"

namespace cfnx {

void CheckServiceRolePath(const Template& t, const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::CodeBuild::Project")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const MapEntry* entry = props != nullptr ? props->Find("ServiceRole") : nullptr;
  const auto* fn = entry != nullptr ? dyn_cast<FnCallNode>(entry->value) : nullptr;
  const auto* name =
      fn != nullptr && fn->fn() == FnKind::kRef ? dyn_cast<StringNode>(fn->args()) : nullptr;
  const Resource* role = name != nullptr ? t.FindResource(name->value()) : nullptr;
  const auto* role_props = role != nullptr ? dyn_cast<MapNode>(role->properties) : nullptr;
  const auto* path =
      role_props != nullptr ? dyn_cast<StringNode>(role_props->Get("Path")) : nullptr;
  if (path == nullptr || path->value().empty() || path->value() == "/")
    return;
  diags.Report(DiagCode::kE3050, FunctionRange(fn, entry->key->range()),
               TemplatePath{"Resources", r.logical_id, "Properties", "ServiceRole", "Ref"},
               "When using a Ref to IAM resource the Path must be '/'. Switch to GetAtt if the "
               "Path has to be '" +
                   path->value() + "'.");
}

}  // namespace cfnx
