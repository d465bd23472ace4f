// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3697: Lambda limits a function's environment variables to 4 KB in all, names and values
// together; a larger set fails the deployment. cfn-lint's rules/resources/lmbd/
// FunctionEnvironmentSize.py counts the characters of every name and of every value written
// as a string (values of functions are known only at deploy time and count nothing).
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html

#include <string>

#include "resources/schema_types.h"
#include "resources/service_rules.h"

namespace cfnx {

void CheckFunctionEnvironmentSize(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::Lambda::Function")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const auto* environment =
      props != nullptr ? dyn_cast<MapNode>(props->Get("Environment")) : nullptr;
  const MapEntry* variables = environment != nullptr ? environment->Find("Variables") : nullptr;
  const auto* map = variables != nullptr ? dyn_cast<MapNode>(variables->value) : nullptr;
  if (map == nullptr)
    return;
  constexpr size_t kMaxBytes = 4096;
  size_t total = 0;
  for (const MapEntry& e : map->entries()) {
    total += Utf8Length(e.key->value());
    if (const auto* s = dyn_cast<StringNode>(e.value))
      total += Utf8Length(s->value());
  }
  if (total <= kMaxBytes)
    return;
  diags.Report(DiagCode::kE3697, variables->key->range(),
               TemplatePath{"Resources", r.logical_id, "Properties", "Environment", "Variables"},
               "Lambda environment variables total size (" + std::to_string(total) +
                   ") exceeds the 4 KB (" + std::to_string(kMaxBytes) + " bytes) limit");
}

}  // namespace cfnx
