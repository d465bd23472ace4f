// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/plan/stack_policy.h"

#include <algorithm>
#include <array>
#include <vector>

#include "engine/ast/json_convert.h"
#include "engine/base/edit_distance.h"

namespace cfnx {
namespace {

constexpr std::array<std::string_view, 3> kActions = {"Update:Modify", "Update:Replace",
                                                      "Update:Delete"};
constexpr std::array<std::string_view, 4> kConditionOperators = {"StringEquals", "StringNotEquals",
                                                                 "StringLike", "StringNotLike"};

// A string or a list of strings, as the policy grammar allows for Action, Resource and
// condition values.
std::vector<std::string> Strings(const OrderedJson& v) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
  } else if (v.is_array()) {
    for (const OrderedJson& item : v) {
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      }
    }
  }
  return out;
}

bool AnyMatches(const OrderedJson& patterns, std::string_view text) {
  for (const std::string& p : Strings(patterns)) {
    if (PolicyWildcardMatch(p, text)) {
      return true;
    }
  }
  return false;
}

// Resource patterns name "LogicalResourceId/NAME"; "*" matches every resource.
bool ResourceMatches(const OrderedJson& patterns, std::string_view logical_id) {
  std::string name = "LogicalResourceId/" + std::string(logical_id);
  for (const std::string& p : Strings(patterns)) {
    if (p == "*" || PolicyWildcardMatch(p, name)) {
      return true;
    }
  }
  return false;
}

bool ConditionHolds(const OrderedJson& condition, std::string_view resource_type) {
  if (!condition.is_object()) {
    return true;
  }
  for (auto op = condition.begin(); op != condition.end(); ++op) {
    const OrderedJson* types =
        op->is_object() && op->contains("ResourceType") ? &(*op)["ResourceType"] : nullptr;
    if (types == nullptr) {
      continue;
    }
    bool like = op.key() == "StringLike" || op.key() == "StringNotLike";
    bool negated = op.key() == "StringNotEquals" || op.key() == "StringNotLike";
    bool matched = false;
    for (const std::string& t : Strings(*types)) {
      matched = matched || (like ? PolicyWildcardMatch(t, resource_type) : t == resource_type);
    }
    if (matched == negated) {
      return false;
    }
  }
  return true;
}

bool StatementApplies(const OrderedJson& s, std::string_view action, std::string_view logical_id,
                      std::string_view resource_type) {
  bool action_ok = s.contains("Action") ? AnyMatches(s["Action"], action)
                                        : !AnyMatches(s.value("NotAction", OrderedJson()), action);
  bool resource_ok = s.contains("Resource")
                         ? ResourceMatches(s["Resource"], logical_id)
                         : !ResourceMatches(s.value("NotResource", OrderedJson()), logical_id);
  return action_ok && resource_ok &&
         ConditionHolds(s.value("Condition", OrderedJson()), resource_type);
}

// Shape checks, one E9017 per problem at the offending node.
class PolicyChecker {
 public:
  explicit PolicyChecker(DiagnosticSink& diags) : diags_(diags) {}

  bool Check(const Node* root) {
    const auto* map = dyn_cast<MapNode>(root);
    if (map == nullptr) {
      Fail(root, {}, "A stack policy must be an object with a Statement list.");
      return false;
    }
    for (const MapEntry& e : map->entries()) {
      if (e.key->value() != "Statement") {
        Fail(e.key, TemplatePath{e.key->value()},
             "Unknown key '" + e.key->value() + "' in the stack policy; it holds only Statement.");
      }
    }
    const Node* statements = map->Get("Statement");
    const auto* list = dyn_cast<ListNode>(statements);
    if (list == nullptr) {
      Fail(statements != nullptr ? statements : root, TemplatePath{"Statement"},
           "A stack policy needs a Statement list.");
      return false;
    }
    for (size_t i = 0; i < list->size(); ++i) {
      CheckStatement(list->items()[i], TemplatePath{"Statement"}.Child(i));
    }
    return ok_;
  }

 private:
  void Fail(const Node* at, TemplatePath path, std::string message) {
    diags_.Report(DiagCode::kE9017, at != nullptr ? at->range() : SourceRange{}, std::move(path),
                  std::move(message));
    ok_ = false;
  }

  // A string, or a non-empty list of strings; each passes `valid` or gets `problem`'s message.
  template <typename Valid>
  void CheckStrings(const Node* n, const TemplatePath& path, std::string_view key, Valid valid) {
    std::vector<std::pair<const StringNode*, TemplatePath>> items;
    if (const auto* s = dyn_cast<StringNode>(n)) {
      items.push_back({s, path});
    } else if (const auto* list = dyn_cast<ListNode>(n); list != nullptr && list->size() > 0) {
      for (size_t i = 0; i < list->size(); ++i) {
        const auto* s = dyn_cast<StringNode>(list->items()[i]);
        if (s == nullptr) {
          Fail(list->items()[i], path.Child(i), std::string(key) + " entries must be strings.");
          continue;
        }
        items.push_back({s, path.Child(i)});
      }
    } else {
      Fail(n, path, std::string(key) + " must be a string or a list of strings.");
      return;
    }
    for (const auto& [s, at] : items) {
      if (std::optional<std::string> problem = valid(s->value())) {
        Fail(s, at, *problem);
      }
    }
  }

  static std::optional<std::string> ActionProblem(const std::string& value) {
    for (std::string_view a : kActions) {
      if (PolicyWildcardMatch(value, a)) {
        return std::nullopt;
      }
    }
    std::vector<std::string_view> choices(kActions.begin(), kActions.end());
    choices.push_back("Update:*");
    std::string message = "Unknown action '" + value +
                          "'; a stack policy allows or denies Update:Modify, Update:Replace, "
                          "Update:Delete or Update:*.";
    return message + DidYouMean(value, choices);
  }

  static std::optional<std::string> ResourceProblem(const std::string& value) {
    if (value == "*" || value.rfind("LogicalResourceId/", 0) == 0) {
      return std::nullopt;
    }
    return "Resource '" + value +
           "' must be \"*\" or \"LogicalResourceId/NAME\" (wildcards * and ? allowed).";
  }

  void CheckStatement(const Node* n, const TemplatePath& path) {
    const auto* s = dyn_cast<MapNode>(n);
    if (s == nullptr) {
      Fail(n, path, "Each statement must be an object.");
      return;
    }
    static const std::vector<std::string_view> kKeys = {"Sid",         "Effect",    "Action",
                                                        "NotAction",   "Principal", "Resource",
                                                        "NotResource", "Condition"};
    for (const MapEntry& e : s->entries()) {
      std::string_view key = e.key->value();
      if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
        Fail(
            e.key, path.Child(key),
            "Unknown key '" + e.key->value() + "' in a policy statement." + DidYouMean(key, kKeys));
      }
    }
    const auto* effect = dyn_cast<StringNode>(s->Get("Effect"));
    if (effect == nullptr || (effect->value() != "Allow" && effect->value() != "Deny")) {
      Fail(s->Get("Effect") != nullptr ? s->Get("Effect") : n, path.Child("Effect"),
           "Effect must be \"Allow\" or \"Deny\".");
    }
    Exactly(s, n, path, "Action", "NotAction");
    Exactly(s, n, path, "Resource", "NotResource");
    for (std::string_view key : {"Action", "NotAction"}) {
      if (const Node* v = s->Get(key)) {
        CheckStrings(v, path.Child(key), key, ActionProblem);
      }
    }
    for (std::string_view key : {"Resource", "NotResource"}) {
      if (const Node* v = s->Get(key)) {
        CheckStrings(v, path.Child(key), key, ResourceProblem);
      }
    }
    const auto* principal = dyn_cast<StringNode>(s->Get("Principal"));
    if (principal == nullptr || principal->value() != "*") {
      Fail(s->Get("Principal") != nullptr ? s->Get("Principal") : n, path.Child("Principal"),
           "Principal must be \"*\" (a stack policy applies to everyone who updates the stack).");
    }
    if (const Node* condition = s->Get("Condition")) {
      CheckCondition(condition, path.Child("Condition"));
    }
  }

  void Exactly(const MapNode* s, const Node* at, const TemplatePath& path, std::string_view a,
               std::string_view b) {
    bool has_a = s->Get(a) != nullptr;
    bool has_b = s->Get(b) != nullptr;
    if (has_a == has_b) {
      Fail(has_a ? s->Get(b) : at, path.Child(has_a ? b : a),
           "A statement needs exactly one of " + std::string(a) + " and " + std::string(b) + ".");
    }
  }

  void CheckCondition(const Node* n, const TemplatePath& path) {
    const auto* map = dyn_cast<MapNode>(n);
    if (map == nullptr) {
      Fail(n, path, "Condition must be an object of condition operators.");
      return;
    }
    for (const MapEntry& op : map->entries()) {
      std::string_view name = op.key->value();
      TemplatePath at = path.Child(name);
      if (std::find(kConditionOperators.begin(), kConditionOperators.end(), name) ==
          kConditionOperators.end()) {
        std::vector<std::string_view> choices(kConditionOperators.begin(),
                                              kConditionOperators.end());
        Fail(op.key, at,
             "Unknown condition operator '" + op.key->value() +
                 "'; a stack policy supports StringEquals, StringNotEquals, StringLike and "
                 "StringNotLike." +
                 DidYouMean(name, choices));
        continue;
      }
      const auto* keys = dyn_cast<MapNode>(op.value);
      if (keys == nullptr) {
        Fail(op.value, at, "A condition operator maps ResourceType to the types it tests.");
        continue;
      }
      for (const MapEntry& key : keys->entries()) {
        if (key.key->value() != "ResourceType") {
          Fail(key.key, at.Child(key.key->value()),
               "Unknown condition key '" + key.key->value() +
                   "'; a stack policy's only condition key is ResourceType.");
          continue;
        }
        CheckStrings(key.value, at.Child("ResourceType"), "ResourceType",
                     [](const std::string&) { return std::optional<std::string>(); });
      }
    }
  }

  DiagnosticSink& diags_;
  bool ok_ = true;
};

}  // namespace

bool PolicyWildcardMatch(std::string_view pattern, std::string_view text) {
  // Iterative glob with backtracking to the last '*': linear in practice, never exponential.
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

PolicyVerdict EvaluateStackPolicy(const OrderedJson& policy, std::string_view action,
                                  std::string_view logical_id, std::string_view resource_type) {
  PolicyVerdict verdict;
  if (policy.is_null()) {
    return verdict;  // no policy: every update is allowed
  }
  verdict.allowed = false;  // a policy denies what no statement allows
  const OrderedJson* statements =
      policy.is_object() && policy.contains("Statement") ? &policy["Statement"] : nullptr;
  if (statements == nullptr || !statements->is_array()) {
    return verdict;
  }
  for (size_t i = 0; i < statements->size(); ++i) {
    const OrderedJson& s = (*statements)[i];
    if (!s.is_object() || !StatementApplies(s, action, logical_id, resource_type)) {
      continue;
    }
    if (s.value("Effect", "") == "Deny") {
      return {false, static_cast<int>(i)};  // an explicit Deny wins
    }
    if (!verdict.allowed) {
      verdict = {true, static_cast<int>(i)};
    }
  }
  return verdict;
}

std::optional<OrderedJson> CheckStackPolicy(const Node* root, DiagnosticSink& diags) {
  PolicyChecker checker(diags);
  if (!checker.Check(root)) {
    return std::nullopt;
  }
  return ToJson(*root);
}

}  // namespace cfnx
