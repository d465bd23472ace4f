// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/diag/rules_catalogue.h"

#include <map>
#include <set>

#include "cfnx/diagnostic.h"

namespace cfnx {
namespace {

const CfnLintRule kRules[] = {
#define CFN_LINT_RULE(id, status, codes, description, note) \
  {#id, CfnLintRuleStatus::status, codes, description, note},
#include "engine/diag/cfn_lint_rules.def"
#undef CFN_LINT_RULE
};

// A table cell: no line breaks, '|' escaped.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string_view SeverityWord(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "informational";
  }
  return "error";
}

}  // namespace

std::string_view CfnLintRuleStatusName(CfnLintRuleStatus status) {
  switch (status) {
    case CfnLintRuleStatus::kImplemented:
      return "implemented";
    case CfnLintRuleStatus::kPartial:
      return "partial";
    case CfnLintRuleStatus::kDifferent:
      return "different";
    case CfnLintRuleStatus::kNotApplicable:
      return "not applicable";
    case CfnLintRuleStatus::kMissing:
      return "missing";
  }
  return "missing";
}

const std::vector<CfnLintRule>& CfnLintRules() {
  static const std::vector<CfnLintRule> all(std::begin(kRules), std::end(kRules));
  return all;
}

std::vector<std::string_view> CfnxCodesOf(const CfnLintRule& rule) {
  std::vector<std::string_view> out;
  std::string_view rest = rule.cfnx_codes;
  while (!rest.empty()) {
    size_t space = rest.find(' ');
    std::string_view code = rest.substr(0, space);
    if (!code.empty())
      out.push_back(code);
    if (space == std::string_view::npos)
      break;
    rest.remove_prefix(space + 1);
  }
  return out;
}

std::string RenderRulesCatalogue() {
  std::map<CfnLintRuleStatus, int> counts;
  std::map<char, std::map<CfnLintRuleStatus, int>> by_level;
  std::set<std::string_view> named;
  for (const CfnLintRule& rule : CfnLintRules()) {
    ++counts[rule.status];
    ++by_level[rule.id[0]][rule.status];
    for (std::string_view code : CfnxCodesOf(rule))
      named.insert(code);
  }
  std::string out =
      "# Rules: cfn-lint 1.51.0 and cfnx\n"
      "\n"
      "<!-- Generated from engine/include/cfnx/diagnostic_codes.def and\n"
      "     engine/diag/cfn_lint_rules.def; do not edit. Regenerate with\n"
      "     CFNX_UPDATE_GOLDENS=1 build/engine/engine_tests --gtest_filter='RulesCatalogue*' -->\n"
      "\n"
      "Every rule of cfn-lint 1.51.0 (`cfn-lint --list-rules`), with the cfnx codes that report\n"
      "the same check, then every cfnx code that no cfn-lint rule names. Where cfnx reuses a\n"
      "cfn-lint id the check means the same thing, except where the status says `different`.\n"
      "Status: `implemented` (same check), `partial` (part of it, the note says which),\n"
      "`different` (deliberately, the note says how and why), `not applicable` (the note says\n"
      "why), `missing` (not checked yet), `cfnx only` (no cfn-lint counterpart).\n"
      "`--ignore-checks`, `--include-checks` and `--mandatory-checks` take these ids and\n"
      "prefixes of them, as cfn-lint does.\n"
      "\n"
      "| level | implemented | partial | different | not applicable | missing |\n"
      "|---|---|---|---|---|---|\n";
  for (char level : std::string("EWI")) {
    auto& c = by_level[level];
    out += std::string("| ") + level + " | " + std::to_string(c[CfnLintRuleStatus::kImplemented]) +
           " | " + std::to_string(c[CfnLintRuleStatus::kPartial]) + " | " +
           std::to_string(c[CfnLintRuleStatus::kDifferent]) + " | " +
           std::to_string(c[CfnLintRuleStatus::kNotApplicable]) + " | " +
           std::to_string(c[CfnLintRuleStatus::kMissing]) + " |\n";
  }
  out +=
      "\n"
      "## cfn-lint rules\n"
      "\n"
      "| cfn-lint | cfnx | status | description |\n"
      "|---|---|---|---|\n";
  for (const CfnLintRule& rule : CfnLintRules()) {
    std::string description = Cell(rule.description);
    if (!rule.note.empty())
      description += " (" + Cell(rule.note) + ")";
    out += "| " + std::string(rule.id) + " | " +
           (rule.cfnx_codes.empty() ? std::string("-") : std::string(rule.cfnx_codes)) + " | " +
           std::string(CfnLintRuleStatusName(rule.status)) + " | " + description + " |\n";
  }
  out +=
      "\n"
      "## cfnx-only codes\n"
      "\n"
      "| cfn-lint | cfnx | status | description |\n"
      "|---|---|---|---|\n";
  for (const DiagCodeInfo& info : AllDiagCodes()) {
    if (named.count(info.id) > 0)
      continue;
    out += "| - | " + std::string(info.id) + " | cfnx only | " + Cell(info.short_description) +
           " (" + std::string(SeverityWord(info.severity)) + "): " + Cell(info.description) +
           " |\n";
  }
  return out;
}

}  // namespace cfnx
