// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/ignored_checks.h"

namespace cfnx {

std::vector<std::string> IgnoredChecks(const Resource& r) {
  std::vector<std::string> ids;
  const auto* metadata = dyn_cast<MapNode>(r.metadata);
  const auto* lint = metadata != nullptr ? dyn_cast<MapNode>(metadata->Get("cfn-lint")) : nullptr;
  const auto* config = lint != nullptr ? dyn_cast<MapNode>(lint->Get("config")) : nullptr;
  const Node* ignore = config != nullptr ? config->Get("ignore_checks") : nullptr;
  if (const auto* list = dyn_cast<ListNode>(ignore)) {
    for (const Node* item : list->items()) {
      if (const auto* id = dyn_cast<StringNode>(item)) {
        ids.push_back(id->value());
      }
    }
  } else if (const auto* id = dyn_cast<StringNode>(ignore)) {
    ids.push_back(id->value());
  }
  return ids;
}

}  // namespace cfnx
