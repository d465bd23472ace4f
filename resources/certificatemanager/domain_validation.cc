// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3503: a certificate's DomainValidationOptions validate each DomainName by email to the
// ValidationDomain, which must be that domain or a domain above it. cfn-lint's
// rules/resources/certificatemanager/DomainValidationOptions.py (both names written out):
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-certificatemanager-certificate-domainvalidationoption.html#cfn-certificatemanager-certificate-domainvalidationoption-validationdomain

#include <string>

#include "engine/validate/condition_logic.h"
#include "resources/service_rules.h"

namespace cfnx {

void CheckDomainValidationOptions(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::CertificateManager::Certificate")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const auto* options =
      props != nullptr ? dyn_cast<ListNode>(props->Get("DomainValidationOptions")) : nullptr;
  for (size_t i = 0; options != nullptr && i < options->size(); ++i) {
    const auto* option = dyn_cast<MapNode>(options->items()[i]);
    const auto* domain =
        option != nullptr ? dyn_cast<StringNode>(option->Get("DomainName")) : nullptr;
    const MapEntry* validation = option != nullptr ? option->Find("ValidationDomain") : nullptr;
    if (domain == nullptr || validation == nullptr)
      continue;
    for (const IfAlternative& alt : IfAlternatives(validation->value)) {
      const auto* parent = dyn_cast<StringNode>(alt.value);
      if (parent == nullptr || parent->value() == domain->value())
        continue;
      const std::string suffix = "." + parent->value();
      const std::string& name = domain->value();
      if (name.size() >= suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        continue;
      diags.Report(DiagCode::kE3503, domain->range(),
                   TemplatePath{"Resources", r.logical_id, "Properties", "DomainValidationOptions"}
                       .Child(i)
                       .Child("DomainName"),
                   "'" + parent->value() + "' must be a superdomain of '" + name + "'");
      break;
    }
  }
}

}  // namespace cfnx
