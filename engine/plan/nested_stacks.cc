// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/plan/nested_stacks.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "engine/ast/document.h"
#include "engine/ast/json_convert.h"
#include "engine/plan/context.h"

namespace cfnx {
namespace {

// Forwards a child plan's diagnostics with the nested stack named in the message.
class NestedSink : public DiagnosticSink {
 public:
  NestedSink(DiagnosticSink& next, std::string prefix) : next_(next), prefix_(std::move(prefix)) {}
  void Report(Diagnostic d) override {
    d.message = prefix_ + d.message;
    next_.Report(std::move(d));
  }

 private:
  DiagnosticSink& next_;
  std::string prefix_;
};

// The nested stack's Parameters as the parent plan resolved them: strings, as CloudFormation
// passes them ("{{changeSet:KNOWN_AFTER_APPLY}}" where the value is known only after deploy).
std::map<std::string, std::string> ChildParameters(const ResourceChange& rc) {
  std::map<std::string, std::string> out;
  if (!rc.after_context)
    return out;
  OrderedJson context = OrderedJson::parse(*rc.after_context, nullptr, false);
  if (!context.is_object() || !context.contains("Properties") || !context["Properties"].is_object())
    return out;
  const OrderedJson& props = context["Properties"];
  auto params = props.find("Parameters");
  if (params == props.end() || !params->is_object())
    return out;
  for (auto it = params->begin(); it != params->end(); ++it)
    out[it.key()] = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
  return out;
}

// The parent's required capabilities with a child's added: CreateChangeSet of the root stack
// must acknowledge what its nested stacks need. CAPABILITY_NAMED_IAM covers CAPABILITY_IAM.
std::vector<std::string> MergeCapabilities(const std::vector<std::string>& parent,
                                           const std::vector<std::string>& child) {
  auto has = [&](const char* c) {
    return std::find(parent.begin(), parent.end(), c) != parent.end() ||
           std::find(child.begin(), child.end(), c) != child.end();
  };
  std::vector<std::string> out;
  if (has("CAPABILITY_NAMED_IAM")) {
    out.push_back("CAPABILITY_NAMED_IAM");
  } else if (has("CAPABILITY_IAM")) {
    out.push_back("CAPABILITY_IAM");
  }
  if (has("CAPABILITY_AUTO_EXPAND"))
    out.push_back("CAPABILITY_AUTO_EXPAND");
  return out;
}

std::string ChildStackName(const StackState& parent, const std::string& logical_id) {
  for (const StackResource& r : parent.resources) {
    if (r.logical_id == logical_id && r.type == "AWS::CloudFormation::Stack")
      return StackNameOfStackId(r.physical_id);
  }
  return "";
}

}  // namespace

std::string StackNameOfStackId(const std::string& stack_id) {
  if (stack_id.rfind("arn:", 0) != 0)
    return "";
  size_t at = stack_id.find(":stack/");
  if (at == std::string::npos)
    return "";
  size_t begin = at + 7;
  size_t end = stack_id.find('/', begin);
  if (end == std::string::npos || end == begin)
    return "";
  return stack_id.substr(begin, end - begin);
}

void PlanNestedStacks(const OrderedJson& nested_templates, const StackState& parent_state,
                      const FunctionRegistry& functions, const SchemaFacts& schemas,
                      const PlanOptions& parent_options, const NestedStateLookup& lookup,
                      Plan& plan, DiagnosticSink& diags) {
  if (!nested_templates.is_object() || nested_templates.empty())
    return;
  ChangeSet& parent = plan.change_set;
  std::string id = parent.change_set_id.empty() ? parent.change_set_name : parent.change_set_id;
  std::string root = parent.root_change_set_id.empty() ? id : parent.root_change_set_id;
  for (Change& change : parent.changes) {
    ResourceChange& rc = change.resource_change;
    auto entry = nested_templates.find(rc.logical_id);
    if (rc.resource_type != "AWS::CloudFormation::Stack" || entry == nested_templates.end() ||
        !entry->is_object() || !entry->contains("Template"))
      continue;
    if (rc.action != ChangeAction::kAdd && rc.action != ChangeAction::kModify)
      continue;  // a removed nested stack is deleted with everything in it
    NestedPlan nested;
    nested.logical_id = rc.logical_id;
    nested.template_url = entry->value("TemplateURL", "");
    nested.stack_name = rc.action == ChangeAction::kAdd
                            ? std::string()
                            : ChildStackName(parent_state, rc.logical_id);
    StackState state;
    if (!nested.stack_name.empty() && lookup)
      state = lookup(nested.stack_name);
    if (!state.exists())
      state = StackState{};
    PlanOptions options = parent_options;
    options.stack_name = nested.stack_name.empty()
                             ? parent_options.stack_name + "-" + rc.logical_id + "-" +
                                   plan_internal::kKnownAfterApply
                             : nested.stack_name;
    options.parameters = ChildParameters(rc);
    options.declared_transforms.clear();
    options.resources_to_import.clear();
    // A child that fails to create is deleted (its parent's rollback has nothing left to undo);
    // one that fails to update rolls itself back (engine/exec/nested_stack.cc).
    if (options.on_failure != OnStackFailure::kDoNothing || !state.exists())
      options.on_failure = state.exists() ? OnStackFailure::kRollback : OnStackFailure::kDelete;
    Document doc;
    doc.set_root(FromJson((*entry)["Template"], doc));
    std::string prefix = "Nested stack '" + rc.logical_id + "' (" + nested.template_url + "): ";
    NestedSink sink(diags, prefix);
    Template model = BuildModel(doc, sink);
    nested.plan = ComputePlan(state, model, functions, schemas, options, sink);
    nested.plan.change_set.change_set_id = id + "/" + rc.logical_id;
    nested.plan.change_set.parent_change_set_id = id;
    nested.plan.change_set.root_change_set_id = root;
    OrderedJson grandchildren = entry->value("Nested", OrderedJson::object());
    PlanNestedStacks(grandchildren, state, functions, schemas, options, lookup, nested.plan, sink);
    for (Diagnostic d : nested.plan.forecast) {
      // At the parent's nested stack resource; the child's own path goes into the message.
      std::string where = d.path.empty() ? "" : d.path.ToString();
      std::string message = prefix;
      if (!where.empty() && where != "/")
        message += where + ": ";
      d.message = message + d.message;
      d.path = TemplatePath{"Resources", rc.logical_id};
      plan.forecast.push_back(std::move(d));
    }
    parent.capabilities =
        MergeCapabilities(parent.capabilities, nested.plan.change_set.capabilities);
    rc.change_set_id = nested.plan.change_set.change_set_id;
    parent.include_nested_stacks = true;
    parent.change_set_id = id;
    plan.nested.push_back(std::move(nested));
  }
}

}  // namespace cfnx
