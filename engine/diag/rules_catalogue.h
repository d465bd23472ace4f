// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfn-lint's rule catalogue next to cfnx's: for every cfn-lint 1.51.0 rule (E, W and I), which
// cfnx codes report the same check and whether cfnx implements it, deliberately does something
// else, or does not apply (engine/diag/cfn_lint_rules.def). `RenderRulesCatalogue()` renders
// it, with every cfnx-only code of the registry, as docs/rules.md.

#ifndef CFNX_ENGINE_DIAG_RULES_CATALOGUE_H_
#define CFNX_ENGINE_DIAG_RULES_CATALOGUE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cfnx {

enum class CfnLintRuleStatus : uint8_t {
  kImplemented,    // cfnx reports the same check under the listed codes
  kPartial,        // some of the check (the note says which part)
  kDifferent,      // deliberately different (the note says how and why)
  kNotApplicable,  // does not apply to cfnx (the note says why)
  kMissing,        // not checked yet
};

// "implemented", "partial", "different", "not applicable", "missing".
std::string_view CfnLintRuleStatusName(CfnLintRuleStatus status);

struct CfnLintRule {
  std::string_view id;  // "E3012"
  CfnLintRuleStatus status;
  std::string_view cfnx_codes;   // "E1001 E1004": cfnx ids separated by spaces, maybe empty
  std::string_view description;  // cfn-lint's short description
  std::string_view note;
};

// Every cfn-lint 1.51.0 rule, sorted by number then letter.
const std::vector<CfnLintRule>& CfnLintRules();

// The ids in `rule.cfnx_codes`.
std::vector<std::string_view> CfnxCodesOf(const CfnLintRule& rule);

// docs/rules.md: every cfn-lint rule with cfnx's codes and status, then every code of the
// registry that no cfn-lint rule names (cfnx's own checks). One table row per line:
// `| cfn-lint id or - | cfnx codes | status | description |`.
std::string RenderRulesCatalogue();

}  // namespace cfnx

#endif  // CFNX_ENGINE_DIAG_RULES_CATALOGUE_H_
