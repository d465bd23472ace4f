// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Rules section:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html A
// rule applies when its RuleCondition (optional) is true; each Assert must then be true for the
// parameter values, or the stack operation fails with the AssertDescription.

#include <algorithm>

#include "engine/eval/evaluator.h"

namespace cfnx {
namespace {

bool NeedsAccount(const Value& v) {
  std::vector<Dependency> deps = v.Dependencies();
  return std::any_of(deps.begin(), deps.end(),
                     [](const Dependency& d) { return d.kind == Dependency::Kind::kAccount; });
}

}  // namespace

void Evaluator::CheckRules() {
  for (const Rule& rule : t_.rules) {
    TemplatePath path{"Rules", rule.name};
    EvalPath rule_path(path);
    auto needs_account = [&](const Node* at, const std::string& what) {
      diags_.Report(DiagCode::kI2905, at->range(), path,
                    "Rule '" + rule.name + "': " + what +
                        " reads account data (Fn::ValueOf, Fn::RefAll, ...) and was not "
                        "evaluated offline.");
    };
    if (rule.rule_condition != nullptr) {
      Value cond = Evaluate(rule.rule_condition, rule_path.Child("RuleCondition"));
      if (cond.has_error())
        continue;
      if (cond.has_unknown()) {
        if (NeedsAccount(cond))
          needs_account(rule.rule_condition, "its RuleCondition");
        continue;
      }
      if (!cond.is_bool()) {
        Fail(DiagCode::kE2904, rule.rule_condition->range(), rule_path.Child("RuleCondition"),
             "The RuleCondition of rule '" + rule.name + "' must be a condition function.");
        continue;
      }
      if (!cond.as_bool())
        continue;
    }
    const auto* assertions = dyn_cast<ListNode>(rule.assertions);
    if (assertions == nullptr)
      continue;  // structure is checked elsewhere
    EvalPath list_path = rule_path.Child("Assertions");
    for (size_t i = 0; i < assertions->size(); ++i) {
      const auto* assertion = dyn_cast<MapNode>(assertions->items()[i]);
      const Node* assert_node = assertion != nullptr ? assertion->Get("Assert") : nullptr;
      if (assert_node == nullptr)
        continue;
      EvalPath item_path = list_path.Child(i);
      Value v = Evaluate(assert_node, item_path.Child("Assert"));
      if (v.has_error())
        continue;
      if (v.has_unknown()) {
        if (NeedsAccount(v))
          needs_account(assert_node, "assertion " + std::to_string(i + 1));
        continue;
      }
      if (!v.is_bool()) {
        Fail(DiagCode::kE2904, assert_node->range(), item_path.Child("Assert"),
             "An Assert of rule '" + rule.name + "' must be a condition function.");
        continue;
      }
      if (v.as_bool())
        continue;
      std::string description;
      if (const auto* d = dyn_cast<ScalarNode>(assertion->Get("AssertDescription")))
        description = d->text();
      Fail(DiagCode::kE2904, assert_node->range(), item_path.Child("Assert"),
           "Rule '" + rule.name + "' failed" +
               (description.empty() ? std::string(".") : ": " + description));
    }
  }
}

}  // namespace cfnx
