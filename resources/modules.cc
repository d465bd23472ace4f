// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/modules.h"

#include <string>

namespace cfnx {

bool IsModuleType(std::string_view type) {
  constexpr std::string_view kSuffix = "::MODULE";
  return type.size() > kSuffix.size() && type.substr(type.size() - kSuffix.size()) == kSuffix;
}

void CheckModuleResource(const Resource& resource, DiagnosticSink& diags) {
  if (!IsModuleType(resource.type) || resource.node == nullptr)
    return;
  TemplatePath path{"Resources", resource.logical_id};
  for (const char* attribute : {"CreationPolicy", "UpdatePolicy"}) {
    const MapEntry* entry = resource.node->Find(attribute);
    if (entry == nullptr || isa<NullNode>(entry->value))
      continue;
    diags.Report(DiagCode::kE5001, entry->key->range(), path.Child(attribute),
                 std::string(attribute) + " is not permitted on a module (" + resource.type +
                     "): it applies to the resources the module expands into, not to the "
                     "module.");
  }
  if (const auto* props = dyn_cast<MapNode>(resource.properties)) {
    if (const MapEntry* tags = props->Find("Tags"); tags != nullptr) {
      diags.Report(DiagCode::kE5001, tags->key->range(), path.Child("Properties").Child("Tags"),
                   "Tags is not permitted on a module (" + resource.type +
                       "): tag the resources inside the module instead.");
    }
  }
  if (const auto* metadata = dyn_cast<MapNode>(resource.metadata)) {
    if (const MapEntry* reserved = metadata->Find("AWS::CloudFormation::Module")) {
      diags.Report(DiagCode::kE5001, reserved->key->range(),
                   path.Child("Metadata").Child("AWS::CloudFormation::Module"),
                   "The Metadata key AWS::CloudFormation::Module is reserved: CloudFormation "
                   "writes it into the resources a module expands into.");
    }
  }
}

}  // namespace cfnx
