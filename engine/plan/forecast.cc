// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Sources for each forecast:
// custom names:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html exports:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html
// capabilities:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html
// Quotas of the processed template (resources, outputs, dynamic references, ...) are not
// forecast here: `plan` runs every validation first, and validation checks them after transforms.

#include "engine/plan/forecast.h"

#include <algorithm>

#include "engine/model/custom_resource.h"
#include "engine/plan/stack_policy.h"

namespace cfnx::plan_internal {
namespace {

// IAM types and the property that gives each a custom name (CAPABILITY_NAMED_IAM).
const std::vector<std::pair<std::string_view, std::string_view>>& IamTypes() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kTypes = {
      {"AWS::IAM::AccessKey", ""},
      {"AWS::IAM::Group", "GroupName"},
      {"AWS::IAM::InstanceProfile", "InstanceProfileName"},
      {"AWS::IAM::ManagedPolicy", "ManagedPolicyName"},
      {"AWS::IAM::Policy", ""},
      {"AWS::IAM::Role", "RoleName"},
      {"AWS::IAM::User", "UserName"},
      {"AWS::IAM::UserToGroupAddition", ""},
  };
  return kTypes;
}

SourceRange RangeOf(const Template& t, const std::string& id) {
  const Resource* r = t.FindResource(id);
  return r && r->key ? r->key->range() : SourceRange{};
}

bool RefersToReplaced(const ForecastInputs& in, const Json& value) {
  std::vector<std::string> path;
  std::vector<FoundRef> refs;
  CollectRefs(value, path, refs);
  for (const FoundRef& f : refs) {
    if (in.replaced_ids.count(f.target) != 0) {
      return true;
    }
  }
  return false;
}

void CustomNames(ForecastInputs& in, std::vector<Diagnostic>& out) {
  for (const ReplacedResource& r : in.replaced) {
    TypeFacts facts = in.schemas.Find(r.type);
    if (facts.primary_identifier.size() != 1 ||
        facts.primary_identifier[0].rfind("/properties/", 0) != 0) {
      continue;
    }
    std::string prop = facts.primary_identifier[0].substr(12);
    if (std::find(facts.read_only.begin(), facts.read_only.end(), facts.primary_identifier[0]) !=
        facts.read_only.end()) {
      continue;
    }
    const Json* before = JsonAt(*r.old_props, {prop});
    const Json* after = JsonAt(*r.new_props, {prop});
    if (before == nullptr || after == nullptr || *before != *after ||
        RefersToReplaced(in, *after)) {
      continue;  // no custom name, or the name changes too (it names a replaced resource)
    }
    out.push_back(MakeDiagnostic(
        DiagCode::kE9001, RangeOf(in.desired, r.logical_id),
        TemplatePath{"Resources", r.logical_id, "Properties", prop},
        "Resource '" + r.logical_id + "' (" + r.type + ") must be replaced but keeps its custom " +
            prop + "; the new resource would collide with the old one. Change or remove " + prop +
            "."));
  }
}

void RollbackDisabled(ForecastInputs& in, std::vector<Diagnostic>& out) {
  if (in.creating || in.options.on_failure != OnStackFailure::kDoNothing || in.replaced.empty()) {
    return;
  }
  for (const ReplacedResource& r : in.replaced) {
    out.push_back(MakeDiagnostic(
        DiagCode::kE9002, RangeOf(in.desired, r.logical_id),
        TemplatePath{"Resources", r.logical_id},
        "Resource '" + r.logical_id +
            "' would be replaced, which CloudFormation does not do with rollback disabled "
            "(--on-failure DO_NOTHING)."));
  }
}

// Whether an output's new value may differ from `old_value`.
bool OutputMayChange(ForecastInputs& in, const Json& value, const std::string& old_value) {
  bool masked = false;
  if (std::optional<Json> v = TryResolve(value, *in.new_ctx, &masked)) {
    return DisplayValue(*v) != old_value;
  }
  std::vector<std::string> path;
  std::vector<FoundRef> refs;
  CollectRefs(value, path, refs);
  for (const FoundRef& r : refs) {
    if (in.changed_params.count(r.target) != 0) {
      return true;
    }
    if (in.replaced_ids.count(r.target) != 0) {
      return true;
    }
  }
  return false;
}

void ImportedExports(ForecastInputs& in, std::vector<Diagnostic>& out) {
  const Json* outputs = JsonAt(in.new_root, {"Outputs"});
  for (const StackOutput& o : in.current.outputs) {
    const StackExport* e = o.export_name.empty() ? nullptr : in.current.FindExport(o.export_name);
    if (e == nullptr || e->importing_stacks.empty()) {
      continue;
    }
    std::string importers;
    for (const std::string& s : e->importing_stacks) {
      importers += (importers.empty() ? "" : ", ") + s;
    }
    const Json* now = outputs ? JsonAt(*outputs, {o.key}) : nullptr;
    const Json* name = now ? JsonAt(*now, {"Export", "Name"}) : nullptr;
    bool masked = false;
    std::optional<Json> new_name = name ? TryResolve(*name, *in.new_ctx, &masked) : std::nullopt;
    std::string what;
    if (now == nullptr || name == nullptr ||
        (new_name && DisplayValue(*new_name) != o.export_name)) {
      what = "removes";
    } else if (const Json* value = JsonAt(*now, {"Value"});
               value && OutputMayChange(in, *value, o.value)) {
      what = "modifies";
    }
    if (!what.empty()) {
      out.push_back(MakeDiagnostic(DiagCode::kE9003, {}, TemplatePath{"Outputs", o.key},
                                   "This update " + what + " export '" + o.export_name +
                                       "', which stack(s) " + importers +
                                       " import; CloudFormation will refuse it."));
    }
  }
}

void Capabilities(ForecastInputs& in, const ChangeSet& cs, std::vector<Diagnostic>& out) {
  const std::vector<std::string>& granted = in.options.capabilities;
  auto has = [&](std::string_view c) {
    return std::find(granted.begin(), granted.end(), c) != granted.end();
  };
  for (const std::string& c : cs.capabilities) {
    bool ok = has(c) || (c == "CAPABILITY_IAM" && has("CAPABILITY_NAMED_IAM"));
    if (!ok) {
      out.push_back(MakeDiagnostic(
          DiagCode::kE9006, {}, TemplatePath{},
          "The template requires " + c + "; acknowledge it with --capabilities " + c + "."));
    }
  }
}

void ConditionsOnly(ForecastInputs& in, const ChangeSet& cs, std::vector<Diagnostic>& out) {
  if (in.creating || !cs.changes.empty()) {
    return;
  }
  const Json* a = JsonAt(in.old_root, {"Conditions"});
  const Json* b = JsonAt(in.new_root, {"Conditions"});
  bool differ = (a == nullptr) != (b == nullptr) || (a && b && *a != *b);
  if (differ) {
    out.push_back(MakeDiagnostic(DiagCode::kE9007, {}, TemplatePath{"Conditions"},
                                 "This update changes only Conditions, which CloudFormation "
                                 "refuses; change a resource, output or parameter too."));
  }
}

}  // namespace

std::vector<std::string> RequiredCapabilities(const Json& root,
                                              const std::vector<std::string>& transforms) {
  bool iam = false, named = false;
  if (const Json* resources = JsonAt(root, {"Resources"}); resources && resources->is_object()) {
    for (const Json& r : *resources) {
      if (!r.is_object() || !r.contains("Type") || !r["Type"].is_string()) {
        continue;
      }
      std::string type = r["Type"].get<std::string>();
      for (const auto& [t, name_prop] : IamTypes()) {
        if (t == type) {
          iam = true;
          if (!name_prop.empty() && JsonAt(r, {"Properties", std::string(name_prop)})) {
            named = true;
          }
        }
      }
    }
  }
  std::vector<std::string> out;
  if (named) {
    out.push_back("CAPABILITY_NAMED_IAM");
  } else if (iam) {
    out.push_back("CAPABILITY_IAM");
  }
  if (!transforms.empty()) {
    out.push_back("CAPABILITY_AUTO_EXPAND");
  }
  return out;
}

// The stack policy (or the one given for this update) against each update action of the change
// set. A creation is never subject to it. Replacement Conditional is checked as a replacement:
// the local executor replaces such resources, and on AWS the update fails if it does replace.
void StackPolicy(ForecastInputs& in, const ChangeSet& change_set, std::vector<Diagnostic>& out) {
  bool during_update = !in.options.stack_policy_during_update.is_null();
  const OrderedJson& policy =
      during_update ? in.options.stack_policy_during_update : in.current.stack_policy;
  if (in.creating || policy.is_null()) {
    return;
  }
  for (const Change& c : change_set.changes) {
    const ResourceChange& rc = c.resource_change;
    std::string_view action;
    switch (rc.action) {
      case ChangeAction::kRemove:
        action = "Update:Delete";
        break;
      case ChangeAction::kModify:
      case ChangeAction::kDynamic:
        action = rc.replacement && *rc.replacement != Replacement::kFalse ? "Update:Replace"
                                                                          : "Update:Modify";
        break;
      case ChangeAction::kAdd:
      case ChangeAction::kImport:
        continue;
    }
    PolicyVerdict verdict = EvaluateStackPolicy(policy, action, rc.logical_id, rc.resource_type);
    if (verdict.allowed) {
      continue;
    }
    std::string why = verdict.statement >= 0
                          ? "statement " + std::to_string(verdict.statement) + " denies it"
                          : "no statement allows it";
    std::string which =
        during_update ? "the --stack-policy-during-update policy" : "the stack policy";
    std::string conditional =
        rc.replacement && *rc.replacement == Replacement::kConditional
            ? " (Replacement is Conditional: CloudFormation fails the update if it replaces)"
            : "";
    out.push_back(
        MakeDiagnostic(DiagCode::kE9014, RangeOf(in.desired, rc.logical_id),
                       TemplatePath{"Resources", rc.logical_id},
                       std::string(action) + " of '" + rc.logical_id + "' (" + rc.resource_type +
                           ") is denied by " + which + ": " + why + conditional +
                           ". Allow it for this update with --stack-policy-during-update."));
  }
}

// CloudFormation refuses to update a custom resource whose ServiceToken changed ("Modifying
// service token is not allowed"); the change set shows it, the execution fails.
void CustomResourceServiceToken(ForecastInputs& in, const ChangeSet& change_set,
                                std::vector<Diagnostic>& out) {
  for (const Change& c : change_set.changes) {
    const ResourceChange& rc = c.resource_change;
    if (!IsCustomResourceType(rc.resource_type) || rc.action != ChangeAction::kModify) {
      continue;
    }
    for (const ResourceChangeDetail& d : rc.details) {
      if (d.target.attribute != ResourceAttribute::kProperties || d.target.name != "ServiceToken" ||
          d.change_source != ChangeSource::kDirectModification) {
        continue;
      }
      out.push_back(MakeDiagnostic(
          DiagCode::kE9016, RangeOf(in.desired, rc.logical_id),
          TemplatePath{"Resources", rc.logical_id, "Properties", "ServiceToken"},
          "Custom resource '" + rc.logical_id +
              "' changes its ServiceToken; CloudFormation refuses (\"Modifying service token is "
              "not allowed\"). Give the new resource another logical id instead."));
      break;
    }
  }
}

void Forecast(ForecastInputs& in, const ChangeSet& change_set, std::vector<Diagnostic>& out) {
  if (in.current.exists() && !IsStableStackStatus(in.current.status)) {
    out.push_back(MakeDiagnostic(DiagCode::kE9009, {}, TemplatePath{},
                                 "Stack '" + in.current.stack_name + "' is in status " +
                                     in.current.status + " and cannot be updated."));
  }
  CustomNames(in, out);
  RollbackDisabled(in, out);
  ImportedExports(in, out);
  Capabilities(in, change_set, out);
  ConditionsOnly(in, change_set, out);
  StackPolicy(in, change_set, out);
  CustomResourceServiceToken(in, change_set, out);
}

}  // namespace cfnx::plan_internal

namespace cfnx {

std::vector<Diagnostic> ForecastStackDeletion(const StackState& current) {
  std::vector<Diagnostic> out;
  for (const StackOutput& o : current.outputs) {
    const StackExport* e = o.export_name.empty() ? nullptr : current.FindExport(o.export_name);
    if (e == nullptr || e->importing_stacks.empty()) {
      continue;
    }
    std::string importers;
    for (const std::string& s : e->importing_stacks) {
      if (s != current.stack_name) {  // its own imports go with it
        importers += (importers.empty() ? "" : ", ") + s;
      }
    }
    if (importers.empty()) {
      continue;
    }
    out.push_back(MakeDiagnostic(DiagCode::kE9008, {}, TemplatePath{"Outputs", o.key},
                                 "Stack '" + current.stack_name + "' exports '" + o.export_name +
                                     "', which stack(s) " + importers +
                                     " import; it cannot be deleted until they stop."));
  }
  return out;
}

std::string ForecastLine(const Diagnostic& d) {
  return std::string(GetDiagCodeInfo(d.code).id) + " " + d.path.ToString() + ": " + d.message;
}

}  // namespace cfnx
