// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3026: a Redis replication group in cluster mode (its parameter group sets
// `cluster-enabled: "yes"`) needs automatic failover, which CloudFormation refuses to turn off,
// and more than one cache cluster unless it sets NumNodeGroups:
// https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/AutoFailover.html
//
// Condition-aware as cfn-lint is: the parameter group may be chosen by an Fn::If, and the
// values compared may be Fn::Ifs too; each scenario of the conditions involved (satisfiable
// with the branch that chose the group) is checked on its own.

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "engine/validate/condition_logic.h"
#include "resources/service_rules.h"

namespace cfnx {
namespace {

using Scenario = std::map<std::string, bool>;

// `v` with the Fn::Ifs the scenario decides replaced by their branch; nullptr for NoValue.
const Node* Resolve(const Node* v, const Scenario& scenario) {
  for (int depth = 0; depth < 16 && v != nullptr; ++depth) {
    if (IsNoValue(v))
      return nullptr;
    const auto* fn = dyn_cast<FnCallNode>(v);
    const auto* args =
        fn != nullptr && fn->fn() == FnKind::kIf ? dyn_cast<ListNode>(fn->args()) : nullptr;
    const auto* name =
        args != nullptr && args->size() == 3 ? dyn_cast<StringNode>(args->items()[0]) : nullptr;
    auto it = name != nullptr ? scenario.find(name->value()) : scenario.end();
    if (it == scenario.end())
      return v;
    v = args->items()[it->second ? 1 : 2];
  }
  return v;
}

void CollectConditions(const Template& t, const Node* v, std::set<std::string>* out) {
  if (const auto* fn = dyn_cast<FnCallNode>(v)) {
    const auto* args = dyn_cast<ListNode>(fn->args());
    if (fn->fn() == FnKind::kIf && args != nullptr && args->size() == 3) {
      if (const auto* name = dyn_cast<StringNode>(args->items()[0]);
          name != nullptr && t.FindCondition(name->value()) != nullptr)
        out->insert(name->value());
    }
    CollectConditions(t, fn->args(), out);
  } else if (const auto* map = dyn_cast<MapNode>(v)) {
    for (const MapEntry& e : map->entries())
      CollectConditions(t, e.value, out);
  } else if (const auto* list = dyn_cast<ListNode>(v)) {
    for (const Node* item : list->items())
      CollectConditions(t, item, out);
  }
}

const Node* Property(const Node* props, std::string_view name, const Scenario& scenario) {
  const auto* map = dyn_cast<MapNode>(Resolve(props, scenario));
  return map != nullptr ? Resolve(map->Get(name), scenario) : nullptr;
}

bool IsFalse(const Node* v) {
  if (const auto* b = dyn_cast<BoolNode>(v))
    return !b->value();
  const auto* s = dyn_cast<StringNode>(v);
  return s != nullptr && (s->value() == "false" || s->value() == "False");
}

struct Finding {
  SourceRange at;
  std::string what;
  bool operator<(const Finding& o) const {
    return std::tie(at.begin.line, at.begin.column, what) <
           std::tie(o.at.begin.line, o.at.begin.column, o.what);
  }
};

}  // namespace

void CheckCacheClusterFailover(const Template& t, const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::ElastiCache::ReplicationGroup")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const MapEntry* entry = props != nullptr ? props->Find("CacheParameterGroupName") : nullptr;
  if (entry == nullptr)
    return;
  ConditionLogic logic(t);
  TemplatePath path{"Resources", r.logical_id, "Properties", "CacheParameterGroupName", "Ref"};
  std::set<Finding> reported;
  for (const IfAlternative& alt : IfAlternatives(entry->value)) {
    const auto* fn = dyn_cast<FnCallNode>(alt.value);
    const auto* name =
        fn != nullptr && fn->fn() == FnKind::kRef ? dyn_cast<StringNode>(fn->args()) : nullptr;
    const Resource* group = name != nullptr ? t.FindResource(name->value()) : nullptr;
    if (group == nullptr || group->type != "AWS::ElastiCache::ParameterGroup")
      continue;
    // cfn-lint points at the Ref: the long form's key, or the line the short form sits on.
    SourceRange at = alt.value == entry->value
                         ? FunctionRange(fn, entry->key->range())
                         : (fn->form() == FnForm::kLong ? fn->name_range() : fn->range());
    std::set<std::string> names;
    CollectConditions(t, r.properties, &names);
    CollectConditions(t, group->properties, &names);
    std::vector<std::string> conditions(names.begin(), names.end());
    if (conditions.size() > 5)
      continue;
    for (size_t bits = 0; bits < (size_t{1} << conditions.size()); ++bits) {
      Scenario scenario;
      std::vector<ConditionAssumption> assumptions = alt.when;
      for (size_t c = 0; c < conditions.size(); ++c) {
        scenario[conditions[c]] = ((bits >> c) & 1) != 0;
        assumptions.emplace_back(conditions[c], scenario[conditions[c]]);
      }
      bool contradicts = false;
      for (const ConditionAssumption& a : alt.when)
        contradicts =
            contradicts || (scenario.count(a.first) != 0 && scenario[a.first] != a.second);
      if (contradicts || !logic.Satisfiable(assumptions))
        continue;
      const Node* params = Property(group->properties, "Properties", scenario);
      const auto* enabled = dyn_cast<StringNode>(Property(params, "cluster-enabled", scenario));
      if (enabled == nullptr || enabled->value() != "yes")
        continue;
      if (IsFalse(Property(r.properties, "AutomaticFailoverEnabled", scenario)) &&
          reported.insert({at, "failover"}).second) {
        diags.Report(DiagCode::kE3026, at, path.Child("AutomaticFailoverEnabled"),
                     "\"AutomaticFailoverEnabled\" must be missing or true when parameter group " +
                         name->value() + " enables cluster mode.");
      }
      if (Property(r.properties, "NumNodeGroups", scenario) != nullptr)
        continue;
      const Node* clusters = Property(r.properties, "NumCacheClusters", scenario);
      const auto* count = dyn_cast<NumberNode>(clusters);
      if ((clusters == nullptr || (count != nullptr && count->value() <= 1)) &&
          reported.insert({at, "clusters"}).second) {
        diags.Report(DiagCode::kE3026, at, path.Child("NumCacheClusters"),
                     "\"NumCacheClusters\" must be greater than one when parameter group " +
                         name->value() + " enables cluster mode (or set NumNodeGroups).");
      }
    }
  }
}

}  // namespace cfnx
