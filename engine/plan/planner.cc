// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Change sets as CloudFormation computes them:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-samples.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html
// Replacement from provider schemas (createOnlyProperties, conditionalCreateOnlyProperties):
// https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html

#include "engine/plan/planner.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "engine/ast/json_convert.h"
#include "engine/base/id_index.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/value_json.h"
#include "engine/graph/graph.h"
#include "engine/model/update_policy.h"
#include "engine/plan/context.h"
#include "engine/plan/forecast.h"
#include "engine/plan/order.h"
#include "engine/plan/values.h"

namespace cfnx {
namespace {

using plan_internal::CollectRefs;
using plan_internal::EvalCondition;
using plan_internal::EvalContext;
using plan_internal::FoundRef;
using plan_internal::Json;
using plan_internal::JsonAt;
using plan_internal::Normalize;
using plan_internal::RefKind;
using plan_internal::StepInfo;
using plan_internal::TryResolve;

const char kNoChanges[] =
    "The submitted information didn't contain changes. Submit different information to create a "
    "change set.";

std::string ScalarText(const Json& j) {
  if (j.is_string()) {
    return j.get<std::string>();
  }
  if (j.is_array()) {
    std::string out;
    for (size_t i = 0; i < j.size(); ++i) {
      out += (i ? "," : "") + ScalarText(j[i]);
    }
    return out;
  }
  return j.dump();
}

std::string JoinPath(const std::vector<std::string>& segs) {
  std::string out;
  for (const std::string& s : segs) {
    out += "/" + s;
  }
  return out;
}

// One differing location inside a resource's Properties.
struct DiffItem {
  std::vector<std::string> path;
};

void Diff(const Json& a, const Json& b, std::vector<std::string>& path,
          std::vector<DiffItem>& out) {
  bool a_fn = !plan_internal::IntrinsicName(a).empty();
  bool b_fn = !plan_internal::IntrinsicName(b).empty();
  if (a.is_object() && b.is_object() && !a_fn && !b_fn) {
    for (auto it = b.begin(); it != b.end(); ++it) {
      path.push_back(it.key());
      auto old = a.find(it.key());
      if (old == a.end()) {
        out.push_back({path});
      } else {
        Diff(*old, it.value(), path, out);
      }
      path.pop_back();
    }
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key())) {
        path.push_back(it.key());
        out.push_back({path});
        path.pop_back();
      }
    }
    return;
  }
  if (a.is_array() && b.is_array() && a.size() == b.size()) {
    for (size_t i = 0; i < a.size(); ++i) {
      path.push_back(std::to_string(i));
      Diff(a[i], b[i], path, out);
      path.pop_back();
    }
    return;
  }
  if (a != b) {
    out.push_back({path});
  }
}

std::vector<std::string> SplitPointer(const std::string& pointer) {
  std::vector<std::string> segs;
  size_t start = 1;
  while (start <= pointer.size()) {
    size_t slash = pointer.find('/', start);
    segs.push_back(pointer.substr(start, slash - start));
    if (slash == std::string::npos) {
      break;
    }
    start = slash + 1;
  }
  return segs;
}

// Every value at `pattern` (with "*" over list items) under `j`, with its concrete path.
void ValuesAt(const Json& j, const std::vector<std::string>& pattern, size_t i, std::string at,
              std::vector<std::pair<std::string, Json>>& out) {
  if (i == pattern.size()) {
    out.emplace_back(at, j);
    return;
  }
  if (pattern[i] == "*") {
    if (j.is_array()) {
      for (size_t k = 0; k < j.size(); ++k) {
        ValuesAt(j[k], pattern, i + 1, at + "/" + std::to_string(k), out);
      }
    }
    return;
  }
  if (const Json* next = JsonAt(j, {pattern[i]})) {
    ValuesAt(*next, pattern, i + 1, at + "/" + pattern[i], out);
  }
}

// How a change at `path` (under Properties) affects a resource whose schema lists `patterns`.
bool Touches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             const Json& before, const Json& after) {
  size_t common = std::min(pattern.size(), path.size());
  for (size_t i = 0; i < common; ++i) {
    if (pattern[i] != "*" && pattern[i] != path[i]) {
      return false;
    }
  }
  if (pattern.size() <= path.size()) {
    return true;  // the change is at or under a create-only property
  }
  // The change contains a create-only property: only if that property itself differs.
  std::vector<std::pair<std::string, Json>> a, b;
  ValuesAt(before, pattern, 0, "", a);
  ValuesAt(after, pattern, 0, "", b);
  return a != b;
}

RequiresRecreation Recreation(const TypeFacts& facts, const std::vector<std::string>& path,
                              const Json& before, const Json& after) {
  for (const std::string& p : facts.create_only) {
    std::vector<std::string> segs = SplitPointer(p);
    if (!segs.empty() && segs[0] == "properties" &&
        Touches({segs.begin() + 1, segs.end()}, path, before, after)) {
      return RequiresRecreation::kAlways;
    }
  }
  for (const std::string& p : facts.conditional_create_only) {
    std::vector<std::string> segs = SplitPointer(p);
    if (!segs.empty() && segs[0] == "properties" &&
        Touches({segs.begin() + 1, segs.end()}, path, before, after)) {
      return RequiresRecreation::kConditionally;
    }
  }
  return RequiresRecreation::kNever;
}

bool Covers(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = std::min(a.size(), b.size());
  return std::equal(a.begin(), a.begin() + n, b.begin());
}

struct Side {
  // The template: `owned`, or the deployed one in the StackState (not copied).
  Json owned = Json::object();
  const Json* root_ptr = &owned;
  EvalContext ctx;
  const Json& root() const { return *root_ptr; }
  const Json& Resources() const {
    static const Json kEmpty = Json::object();
    auto it = root().find("Resources");
    return it != root().end() && it->is_object() ? *it : kEmpty;
  }
  // Whether `resource` (its JSON) is part of the stack: true/false, or nullopt when unknown.
  std::optional<bool> Included(const Json& resource) {
    auto it = resource.find("Condition");
    if (it == resource.end() || !it->is_string()) {
      return true;
    }
    return EvalCondition(ctx, it->get<std::string>());
  }
};

// Everything ComputePlan tracks about one resource of the new template.
struct Entry {
  std::string id;
  std::string type;
  const Json* new_res = nullptr;  // in the desired template
  const Json* old_res = nullptr;  // in the deployed template; set when it is planned as Modify
  uint32_t slot = 0;              // Planner::slots_ index
  ResourceChange change;
  bool in_change_set = false;
  bool replaced = false;  // Replacement True or Conditional
  bool added = false;
  Json old_props, new_props;
  std::string deletion_policy, update_replace_policy;
};

std::string PolicyText(const Json& resource, const char* key) {
  auto it = resource.find(key);
  return it != resource.end() && it->is_string() ? it->get<std::string>() : "";
}

class Planner {
 public:
  Planner(const StackState& current, const Template& desired, const FunctionRegistry& functions,
          const SchemaFacts& schemas, const PlanOptions& options, DiagnosticSink& diags)
      : current_(current),
        desired_(desired),
        functions_(functions),
        schemas_(schemas),
        options_(options),
        diags_(diags) {}

  Plan Run();

 private:
  void SetUpSides();
  void ResolveParameters();
  EvalOptions BaseEvalOptions() const;
  void MakeNewEvaluator();
  Evaluator* OldEvaluator();
  // What Ref/GetAtt of deployed resource `id` give, or nullptr when it is not deployed.
  const ResourceState* DeployedState(std::string_view id);
  void PlanResource(Entry& e, const Json& old_res, const Json& new_res);
  void AddPropertyDetails(Entry& e, const TypeFacts& facts, const std::vector<FoundRef>& refs);
  void AddReferenceDetails(Entry& e, const TypeFacts& facts, const std::vector<FoundRef>& refs);
  void AddDetail(Entry& e, const TypeFacts& facts, const std::vector<std::string>& path,
                 EvaluationType eval, ChangeSource source, std::string causing);
  void FillValues(Entry& e);
  void FillContexts(Entry& e);
  bool DynamicValue(const Json& value) const;
  void Finish(Entry& e);
  SourceRange RangeOf(const std::string& id) const;
  // schemas_.Find(type), looked up once per type (SchemaFacts returns a copy).
  const TypeFacts& Facts(const std::string& type) {
    auto it = facts_.find(type);
    if (it == facts_.end()) {
      it = facts_.emplace(type, schemas_.Find(type)).first;
    }
    return it->second;
  }

  // What the planner knows of one logical id, from either template and the deployed stack:
  // one hash lookup answers every question about it.
  struct Slot {
    const Json* new_res = nullptr;     // in the desired template
    std::optional<bool> new_included;  // (new_res) part of the stack; nullopt: unknown
    const Json* old_res = nullptr;     // in the deployed template
    bool old_included = false;         // (old_res) included and deployed
    const StackResource* deployed = nullptr;
    Entry* entry = nullptr;  // planned resource of the desired template
  };
  struct SlotIdOf {
    const std::vector<std::string_view>* ids;
    std::string_view operator()(uint32_t i) const { return (*ids)[i]; }
  };
  SlotIdOf SlotId() const { return {&slot_ids_}; }
  const Slot* FindSlot(std::string_view id) const {
    uint32_t i = slot_index_.Find(id, SlotId());
    return i == IdIndex::kNone ? nullptr : &slots_[i];
  }
  // The deployed resource `id`, or nullptr (current_.FindResource is a linear scan).
  const StackResource* Deployed(std::string_view id) const {
    const Slot* slot = FindSlot(id);
    return slot == nullptr ? nullptr : slot->deployed;
  }
  // The planned entry of `id`, or nullptr.
  const Entry* EntryOf(std::string_view id) const {
    const Slot* slot = FindSlot(id);
    return slot == nullptr ? nullptr : slot->entry;
  }
  // Whether `id` is part of the stack after the update (nullopt: unknown or not in the template).
  std::optional<bool> InNew(std::string_view id) const {
    const Slot* slot = FindSlot(id);
    return slot == nullptr || slot->new_res == nullptr ? std::nullopt : slot->new_included;
  }
  // Whether `id` is part of the deployed stack (nullopt: not in the deployed template).
  std::optional<bool> InOld(std::string_view id) const {
    const Slot* slot = FindSlot(id);
    return slot == nullptr || slot->old_res == nullptr ? std::nullopt
                                                       : std::optional<bool>(slot->old_included);
  }

  const StackState& current_;
  // Keys point into the templates' JSON and current_'s resources, which outlive the planner.
  std::vector<Slot> slots_;
  std::vector<std::string_view> slot_ids_;  // parallel to slots_
  IdIndex slot_index_;                      // id -> position in slots_
  // The index of the slot of `id`, added if new. `hint`: the index it likely has (templates
  // and the deployed resources usually list ids in the same order); checking it first saves a
  // hash probe into a table that, at tens of thousands of ids, is out of cache.
  uint32_t SlotIndex(std::string_view id, size_t hint = SIZE_MAX) {
    if (hint < slot_ids_.size() && slot_ids_[hint] == id) {
      return static_cast<uint32_t>(hint);
    }
    auto fresh = static_cast<uint32_t>(slots_.size());
    uint32_t i = slot_index_.Insert(id, fresh, SlotId());
    if (i == fresh) {
      slots_.emplace_back();
      slot_ids_.push_back(id);
    }
    return i;
  }
  const Template& desired_;
  const FunctionRegistry& functions_;
  const SchemaFacts& schemas_;
  std::map<std::string, TypeFacts, std::less<>> facts_;
  const PlanOptions& options_;
  DiagnosticSink& diags_;
  Side old_, new_;
  // The evaluators of both templates. Their diagnostics are dropped: the compile step already
  // reported the desired template's problems, and the deployed one was accepted when deployed.
  DiagnosticCollector eval_diags_;
  std::unique_ptr<Evaluator> new_ev_;
  // The deployed template as the evaluator sees it, made on first use (OldEvaluator).
  Document old_doc_;
  Template old_model_;
  std::unique_ptr<Evaluator> old_ev_;
  // DeployedState's conversions of current_'s resources, by logical id.
  std::unordered_map<std::string_view, ResourceState> resource_states_;
  bool creating_ = false;
  bool importing_ = false;  // some resource is imported: an IMPORT change set
  std::set<std::string> changed_params_;
  std::vector<Diagnostic> forecast_;
};

SourceRange Planner::RangeOf(const std::string& id) const {
  const Resource* r = desired_.FindResource(id);
  return r && r->key ? r->key->range() : SourceRange{};
}

void Planner::SetUpSides() {
  creating_ = !current_.exists();
  if (!creating_ && current_.template_body.is_object()) {
    old_.root_ptr = &current_.template_body;
  }
  if (desired_.root != nullptr) {
    new_.owned = ToJson(*desired_.root);
  }
  size_t ids = current_.resources.size() + new_.Resources().size() + old_.Resources().size();
  slots_.reserve(ids);
  slot_ids_.reserve(ids);
  slot_index_.Reserve(ids);
  for (const StackResource& r : current_.resources) {
    slots_[SlotIndex(r.logical_id)].deployed = &r;
  }
  old_.ctx.evaluator = [this] {
    return OldEvaluator();
  };
  new_.ctx.evaluator = [this] {
    return new_ev_.get();
  };
  ResolveParameters();
  MakeNewEvaluator();
  for (const Parameter& p : desired_.parameters) {
    const StackParameter* previous = current_.FindParameter(p.name);
    auto now = new_.ctx.parameters.find(p.name);
    if (previous == nullptr || creating_ || now == new_.ctx.parameters.end()) {
      continue;
    }
    // Compared as the template sees them (list items trimmed); as text when either side's
    // value is not known (an SSM parameter type, an invalid value).
    const ParameterValue* after = new_ev_->Parameter(p.name);
    Evaluator* old_ev = OldEvaluator();
    const ParameterValue* before = old_ev != nullptr ? old_ev->Parameter(p.name) : nullptr;
    bool known = after != nullptr && before != nullptr && after->value.is_known() &&
                 before->value.is_known();
    if (known ? !(after->value == before->value) : previous->value != now->second) {
      changed_params_.insert(p.name);
    }
  }
}

EvalOptions Planner::BaseEvalOptions() const {
  EvalOptions o;
  o.region = options_.region;
  o.partition = options_.partition;
  o.account_id = options_.account_id;
  o.stack_name = options_.stack_name;
  o.stack_id = current_.stack_id;  // "": known once the stack is created
  o.require_parameter_values = false;
  o.diagnose_unresolved_names = false;
  std::map<std::string, std::string> exports;
  for (const StackExport& e : current_.exports) {
    exports.emplace(e.name, e.value);
  }
  o.exports = std::move(exports);
  return o;
}

void Planner::MakeNewEvaluator() {
  EvalOptions o = BaseEvalOptions();
  o.parameters = new_.ctx.parameters;
  o.ssm_parameters = options_.ssm_parameters;
  // The processed template no longer names its transforms.
  const std::vector<std::string>& declared = options_.declared_transforms;
  if (std::find(declared.begin(), declared.end(), "AWS::LanguageExtensions") != declared.end()) {
    o.language_extensions = true;
  }
  // Resources this update creates or replaces get new physical ids and attributes.
  o.find_resource = [this](std::string_view id) -> const ResourceState* {
    const Slot* slot = FindSlot(id);
    if (slot == nullptr ||
        (slot->entry != nullptr && (slot->entry->added || slot->entry->replaced))) {
      return nullptr;
    }
    return DeployedState(id);
  };
  new_ev_ = std::make_unique<Evaluator>(desired_, functions_, std::move(o), eval_diags_);
}

Evaluator* Planner::OldEvaluator() {
  if (old_ev_ != nullptr || creating_ || old_.root_ptr == &old_.owned) {
    return old_ev_.get();
  }
  // Only what evaluation reads: the sections values and conditions depend on, and the
  // Resources' logical ids (Ref/GetAtt check that the id is a resource; what they give comes
  // from the deployed state). Converting every deployed resource to nodes would cost a plan
  // time proportional to the whole stack; the values to resolve are converted one by one.
  Json sections = Json::object();
  for (const char* key : {"Parameters", "Mappings", "Conditions"}) {
    if (const Json* section = JsonAt(old_.root(), {key})) {
      sections[key] = *section;
    }
  }
  std::map<std::string, std::string> values;
  for (const StackParameter& p : current_.parameters) {
    values[p.key] = p.resolved_value.empty() ? p.value : p.resolved_value;
    // An SSM parameter type was resolved when the stack was deployed: plan with that value.
    Json* type = nullptr;
    if (auto params = sections.find("Parameters"); params != sections.end()) {
      if (auto param = params->find(p.key); param != params->end() && param->is_object()) {
        if (auto t = param->find("Type"); t != param->end() && t->is_string()) {
          type = &*t;
        }
      }
    }
    if (!p.resolved_value.empty() && type != nullptr &&
        type->get_ref<const std::string&>().rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
      bool list = type->get_ref<const std::string&>().find("List<") != std::string::npos;
      *type = list ? "CommaDelimitedList" : "String";
    }
  }
  old_doc_.set_root(FromJson(sections, old_doc_));
  old_model_ = BuildModel(old_doc_, eval_diags_);
  const Json& resources = old_.Resources();
  old_model_.resources.reserve(resources.size());
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    Resource r;
    r.logical_id = it.key();
    old_model_.resources.push_back(std::move(r));
  }
  old_model_.Reindex();
  EvalOptions o = BaseEvalOptions();
  o.parameters = std::move(values);
  // Functions of AWS::LanguageExtensions left in a deployed template were accepted under it.
  o.language_extensions = true;
  o.find_resource = [this](std::string_view id) {
    return DeployedState(id);
  };
  old_ev_ = std::make_unique<Evaluator>(old_model_, functions_, std::move(o), eval_diags_);
  return old_ev_.get();
}

const ResourceState* Planner::DeployedState(std::string_view id) {
  const StackResource* r = Deployed(id);
  if (r == nullptr) {
    return nullptr;
  }
  auto [it, fresh] = resource_states_.try_emplace(r->logical_id);
  if (fresh) {
    if (!r->physical_id.empty()) {
      it->second.physical_id = r->physical_id;
    }
    if (r->attributes.is_object()) {
      Document doc;
      for (auto a = r->attributes.begin(); a != r->attributes.end(); ++a) {
        it->second.attributes.emplace(a.key(), LiteralValue(FromJson(a.value(), doc)));
      }
    }
  }
  return &it->second;
}

void Planner::ResolveParameters() {
  for (const StackParameter& p : current_.parameters) {
    old_.ctx.parameters[p.key] = p.resolved_value.empty() ? p.value : p.resolved_value;
  }
  // Secrets of the deployed template (the desired one's are added below).
  if (const Json* params = JsonAt(old_.root(), {"Parameters"}); params && params->is_object()) {
    for (auto it = params->begin(); it != params->end(); ++it) {
      if (auto no_echo = it->find("NoEcho");
          no_echo != it->end() && (*no_echo == true || *no_echo == "true" || *no_echo == "True")) {
        old_.ctx.no_echo.insert(it.key());
      }
    }
  }
  for (const Parameter& p : desired_.parameters) {
    std::string value;
    auto given = options_.parameters.find(p.name);
    const StackParameter* previous = current_.FindParameter(p.name);
    if (given != options_.parameters.end()) {
      value = given->second;
    } else if (previous != nullptr && !creating_) {
      value = previous->value;
    } else if (p.default_value != nullptr) {
      value = ScalarText(ToJson(*p.default_value));
    } else {
      diags_.Report(DiagCode::kE9012, p.key ? p.key->range() : SourceRange{},
                    TemplatePath{"Parameters", p.name},
                    "Parameter '" + p.name + "' has no value: give one with --parameters " +
                        p.name + "=VALUE.");
      continue;
    }
    new_.ctx.parameters[p.name] = value;
    if (p.no_echo) {
      new_.ctx.no_echo.insert(p.name);
      old_.ctx.no_echo.insert(p.name);
    }
  }
}

bool Planner::DynamicValue(const Json& value) const {
  std::vector<std::string> path;
  std::vector<FoundRef> refs;
  CollectRefs(value, path, refs);
  for (const FoundRef& r : refs) {
    if (r.kind == RefKind::kDynamicReference) {
      return true;
    }
    if (r.kind == RefKind::kImportValue) {
      if (r.target.empty() || current_.FindExport(r.target) == nullptr) {
        return true;
      }
      continue;
    }
    const Entry* entry = EntryOf(r.target);
    if (entry == nullptr) {
      continue;  // a parameter or pseudo parameter: known
    }
    const Entry& dep = *entry;
    bool getatt = r.kind == RefKind::kGetAtt || r.kind == RefKind::kSubGetAtt;
    if (dep.added || dep.replaced || (getatt && dep.in_change_set)) {
      return true;
    }
  }
  return false;
}

void Planner::AddDetail(Entry& e, const TypeFacts& facts, const std::vector<std::string>& path,
                        EvaluationType eval, ChangeSource source, std::string causing) {
  ResourceChangeDetail d;
  bool tags = !path.empty() && path[0] == "Tags";
  d.target.attribute = tags ? ResourceAttribute::kTags : ResourceAttribute::kProperties;
  d.target.name = tags || path.empty() ? "" : path[0];
  d.target.path = "/Properties" + JoinPath(path);
  d.target.requires_recreation = Recreation(facts, path, e.old_props, e.new_props);
  d.evaluation = eval;
  d.change_source = source;
  d.causing_entity = std::move(causing);
  e.change.details.push_back(std::move(d));
}

// `refs`: the references in e.new_props.
void Planner::AddPropertyDetails(Entry& e, const TypeFacts& facts,
                                 const std::vector<FoundRef>& refs) {
  std::vector<std::string> path;
  std::vector<DiffItem> diffs;
  Diff(e.old_props, e.new_props, path, diffs);
  for (const DiffItem& item : diffs) {
    const Json* after = JsonAt(e.new_props, item.path);
    EvaluationType eval =
        after && DynamicValue(*after) ? EvaluationType::kDynamic : EvaluationType::kStatic;
    AddDetail(e, facts, item.path, eval, ChangeSource::kDirectModification, "");
  }
  // Parameters whose value changed, flowing into properties the template did not change.
  // Each gives AWS's pair: a Dynamic DirectModification and a Static ParameterReference. As
  // in AWS's documented example with several changed parameters, every DirectModification
  // detail comes first (in property order), then the ParameterReference ones.
  std::set<std::pair<std::vector<std::string>, std::string>> seen;
  std::vector<const FoundRef*> parameter_refs;
  for (const FoundRef& r : refs) {
    bool is_ref = r.kind == RefKind::kRef || r.kind == RefKind::kSubRef;
    if (!is_ref || changed_params_.count(r.target) == 0 ||
        !seen.insert({r.path, r.target}).second) {
      continue;
    }
    bool covered = std::any_of(diffs.begin(), diffs.end(),
                               [&](const DiffItem& d) { return Covers(d.path, r.path); });
    if (!covered) {
      AddDetail(e, facts, r.path, EvaluationType::kDynamic, ChangeSource::kDirectModification, "");
      parameter_refs.push_back(&r);
    }
  }
  for (const FoundRef* r : parameter_refs) {
    AddDetail(e, facts, r->path, EvaluationType::kStatic, ChangeSource::kParameterReference,
              r->target);
  }
}

// Ref/GetAtt of resources being replaced: their physical id and attributes become unknown; so
// do the outputs of a nested stack being updated.
void Planner::AddReferenceDetails(Entry& e, const TypeFacts& facts,
                                  const std::vector<FoundRef>& refs) {
  std::set<std::pair<std::vector<std::string>, std::string>> seen;
  for (const FoundRef& r : refs) {
    if (r.kind == RefKind::kDynamicReference || r.kind == RefKind::kImportValue) {
      continue;
    }
    const Entry* dep = EntryOf(r.target);
    bool getatt = r.kind == RefKind::kGetAtt || r.kind == RefKind::kSubGetAtt;
    // CloudFormation always updates a nested stack, so its outputs are read again afterwards.
    bool nested_output = dep != nullptr && getatt && dep->in_change_set &&
                         dep->type == "AWS::CloudFormation::Stack" &&
                         r.attribute.rfind("Outputs.", 0) == 0;
    if (dep == nullptr || !(dep->replaced || nested_output)) {
      continue;
    }
    std::string causing = getatt ? r.target + "." + r.attribute : r.target;
    if (!seen.insert({r.path, causing}).second) {
      continue;
    }
    AddDetail(e, facts, r.path, EvaluationType::kDynamic,
              getatt ? ChangeSource::kResourceAttribute : ChangeSource::kResourceReference,
              causing);
  }
}

void Planner::PlanResource(Entry& e, const Json& old_res, const Json& new_res) {
  const TypeFacts& facts = Facts(e.type);
  ResourceChange& rc = e.change;
  rc.action = ChangeAction::kModify;
  if (const StackResource* deployed = slots_[e.slot].deployed) {
    rc.physical_id = deployed->physical_id;
  }
  Json empty = Json::object();
  e.old_props = Normalize(old_res.contains("Properties") ? old_res["Properties"] : empty, old_.ctx);
  e.new_props = Normalize(new_res.contains("Properties") ? new_res["Properties"] : empty, new_.ctx);
  std::vector<std::string> path;
  std::vector<FoundRef> refs;
  CollectRefs(e.new_props, path, refs);
  AddPropertyDetails(e, facts, refs);
  AddReferenceDetails(e, facts, refs);
  static const std::pair<const char*, ResourceAttribute> kOther[] = {
      {"Metadata", ResourceAttribute::kMetadata},
      {"CreationPolicy", ResourceAttribute::kCreationPolicy},
      {"UpdatePolicy", ResourceAttribute::kUpdatePolicy},
      {"DeletionPolicy", ResourceAttribute::kDeletionPolicy},
      {"UpdateReplacePolicy", ResourceAttribute::kUpdateReplacePolicy},
  };
  for (const auto& [key, attribute] : kOther) {
    Json a = old_res.contains(key) ? Normalize(old_res[key], old_.ctx) : Json();
    Json b = new_res.contains(key) ? Normalize(new_res[key], new_.ctx) : Json();
    if (a != b) {
      ResourceChangeDetail d;
      d.target.attribute = attribute;
      d.target.requires_recreation = RequiresRecreation::kNever;
      rc.details.push_back(std::move(d));
    }
  }
  if (e.type == "AWS::CloudFormation::Stack" && rc.details.empty()) {
    // The nested template may have changed: CloudFormation always updates nested stacks.
    ResourceChangeDetail d;
    d.evaluation = EvaluationType::kDynamic;
    d.change_source = ChangeSource::kAutomatic;
    rc.details.push_back(std::move(d));
  }
  if (rc.details.empty()) {
    // Unchanged: nothing reads the properties again.
    e.old_props = Json();
    e.new_props = Json();
    return;
  }
  // Where the UpdatePolicy decides how a property changes (engine/model/update_policy.h), it
  // decides the replacement too: a static change follows the policy; a value known only at
  // deploy time may not change at all, so a replacement stays Conditional.
  const Json update_policy =
      new_res.contains("UpdatePolicy") ? Normalize(new_res["UpdatePolicy"], new_.ctx) : Json();
  Replacement replacement = Replacement::kFalse;
  std::vector<std::string> changed_properties;
  for (ResourceChangeDetail& d : rc.details) {
    Replacement r = Replacement::kFalse;
    PolicyUpdate by_policy = PolicyUpdate::kNone;
    if (d.target.attribute == ResourceAttribute::kProperties && !d.target.name.empty()) {
      if (std::find(changed_properties.begin(), changed_properties.end(), d.target.name) ==
          changed_properties.end())
        changed_properties.push_back(d.target.name);
      by_policy = UpdateByPolicy(e.type, update_policy, d.target.name);
    }
    if (by_policy != PolicyUpdate::kNone) {
      d.target.requires_recreation = RequiresRecreation::kConditionally;
      if (by_policy == PolicyUpdate::kReplace)
        r = d.evaluation == EvaluationType::kStatic ? Replacement::kTrue
                                                    : Replacement::kConditional;
    } else if (d.target.requires_recreation == RequiresRecreation::kAlways) {
      r = d.evaluation == EvaluationType::kStatic ? Replacement::kTrue : Replacement::kConditional;
    } else if (d.target.requires_recreation == RequiresRecreation::kConditionally) {
      r = Replacement::kConditional;
    }
    if (r == Replacement::kTrue ||
        (r == Replacement::kConditional && replacement == Replacement::kFalse)) {
      replacement = r;
    }
  }
  rc.replacement = replacement;
  std::string policy_note =
      DescribePolicyUpdate(e.type, update_policy, changed_properties, e.new_props);
  if (!policy_note.empty()) {
    forecast_.push_back(MakeDiagnostic(DiagCode::kI9030, RangeOf(e.id),
                                       new_res.contains("UpdatePolicy")
                                           ? TemplatePath{"Resources", e.id, "UpdatePolicy"}
                                           : TemplatePath{"Resources", e.id},
                                       "Resource '" + e.id + "': " + policy_note + "."));
  }
  // Scope: Tags first, then the others in enum order, as AWS's documented change set with
  // both shows ["Tags", "Properties"].
  std::set<ResourceAttribute> scope;
  for (const ResourceChangeDetail& d : rc.details) {
    scope.insert(d.target.attribute);
  }
  if (scope.erase(ResourceAttribute::kTags) != 0) {
    rc.scope.push_back(ResourceAttribute::kTags);
  }
  rc.scope.insert(rc.scope.end(), scope.begin(), scope.end());
  e.replaced = replacement != Replacement::kFalse;
  if (e.replaced) {
    std::string policy = e.update_replace_policy;
    rc.policy_action = policy == "Retain"     ? PolicyAction::kReplaceAndRetain
                       : policy == "Snapshot" ? PolicyAction::kReplaceAndSnapshot
                                              : PolicyAction::kReplaceAndDelete;
  }
  e.in_change_set = true;
}

void Planner::FillValues(Entry& e) {
  const StackResource* deployed = slots_[e.slot].deployed;
  for (ResourceChangeDetail& d : e.change.details) {
    if (d.target.path.empty()) {
      continue;
    }
    std::vector<std::string> segs = SplitPointer(d.target.path);
    segs.erase(segs.begin());  // "Properties"
    bool had = JsonAt(e.old_props, segs) != nullptr ||
               (deployed != nullptr && JsonAt(deployed->properties, segs) != nullptr);
    bool has = JsonAt(e.new_props, segs) != nullptr;
    d.target.attribute_change_type = !had   ? AttributeChangeType::kAdd
                                     : !has ? AttributeChangeType::kRemove
                                            : AttributeChangeType::kModify;
    if (d.change_source == ChangeSource::kParameterReference) {
      bool secret = new_.ctx.no_echo.count(d.causing_entity) != 0;
      auto before = old_.ctx.parameters.find(d.causing_entity);
      if (before != old_.ctx.parameters.end()) {
        d.target.before_value = secret ? "****" : before->second;
      }
      d.target.after_value = secret ? "****" : new_.ctx.parameters[d.causing_entity];
      continue;
    }
    bool masked = false;
    const Json* deployed_value = deployed ? JsonAt(deployed->properties, segs) : nullptr;
    std::optional<Json> before;
    if (deployed_value != nullptr) {
      before = *deployed_value;
      // Deployed properties hold resolved values, NoEcho parameters' included.
      if (const Json* old_value = JsonAt(e.old_props, segs)) {
        masked = plan_internal::RefersToNoEcho(*old_value, old_.ctx);
      }
    } else if (const Json* old_value = JsonAt(e.old_props, segs)) {
      before = TryResolve(*old_value, old_.ctx, &masked);
    }
    if (before) {
      d.target.before_value = masked ? "****" : plan_internal::DisplayValue(*before);
    }
    masked = false;
    const Json* new_value = JsonAt(e.new_props, segs);
    if (new_value == nullptr) {
      continue;
    }
    if (d.evaluation == EvaluationType::kDynamic) {
      d.target.after_value = plan_internal::kKnownAfterApply;
      continue;
    }
    std::optional<Json> after = TryResolve(*new_value, new_.ctx, &masked);
    if (after) {
      d.target.after_value = masked ? "****" : plan_internal::DisplayValue(*after);
    }
  }
}

// The contexts of a planned entry (Add, Modify, Import, Dynamic); removals are made in Run.
void Planner::FillContexts(Entry& e) {
  ChangeAction action = e.change.action;
  const Slot& slot = slots_[e.slot];
  bool deployed_before = slot.old_res != nullptr && slot.old_included;
  bool modify = action == ChangeAction::kModify;
  if (modify || (action == ChangeAction::kDynamic && deployed_before)) {
    plan_internal::ContextInputs before;
    before.resource = slot.old_res;
    before.properties = modify ? &e.old_props : nullptr;
    before.ctx = &old_.ctx;
    before.deployed = slot.deployed != nullptr ? &slot.deployed->properties : nullptr;
    e.change.before_context = plan_internal::BuildResourceContext(before);
  }
  plan_internal::ContextInputs after;
  after.resource = e.new_res;
  after.properties = modify ? &e.new_props : nullptr;
  after.ctx = &new_.ctx;
  after.known_after_apply = [this](const Json& value) {
    return DynamicValue(value);
  };
  e.change.after_context = plan_internal::BuildResourceContext(after);
}

Plan Planner::Run() {
  SetUpSides();
  Plan plan;
  plan.state_fingerprint = StackStateFingerprint(current_);
  const Json& old_resources = old_.Resources();
  const Json& new_resources = new_.Resources();

  // The slot of each resource of either template, by position in its Resources.
  std::vector<uint32_t> new_slots, old_slots;
  new_slots.reserve(new_resources.size());
  old_slots.reserve(old_resources.size());
  for (auto it = new_resources.begin(); it != new_resources.end(); ++it) {
    new_slots.push_back(SlotIndex(it.key(), new_slots.size()));
    Slot& slot = slots_[new_slots.back()];
    slot.new_res = &it.value();
    slot.new_included = new_.Included(it.value());
  }
  for (auto it = old_resources.begin(); it != old_resources.end(); ++it) {
    old_slots.push_back(SlotIndex(it.key(), old_slots.size()));
    Slot& slot = slots_[old_slots.back()];
    slot.old_res = &it.value();
    slot.old_included = old_.Included(it.value()).value_or(true) && slot.deployed != nullptr;
  }
  // Graphs: the new template's for creation order, the deployed one's for deletion order.
  DiagnosticCollector graph_diags;
  auto new_included = [&](const Resource& r) {
    // desired_.resources and new_resources (its JSON) list the same ids in the same order.
    size_t position = static_cast<size_t>(&r - desired_.resources.data());
    if (position < new_slots.size() && slot_ids_[new_slots[position]] == r.logical_id) {
      return slots_[new_slots[position]].new_included != false;
    }
    return InNew(r.logical_id) != false;
  };
  DependencyGraph new_graph = BuildDependencyGraph(desired_, GraphOptions{new_included}, diags_);
  DependencyGraph old_graph = BuildDependencyGraphFromJson(
      old_.root(),
      [&](size_t position, std::string_view) { return slots_[old_slots[position]].old_included; });
  std::vector<Entry> entries;
  entries.reserve(new_resources.size());
  size_t position = 0;
  for (auto it = new_resources.begin(); it != new_resources.end(); ++it, ++position) {
    if (slots_[new_slots[position]].new_included == false) {
      continue;
    }
    Entry e;
    e.id = it.key();
    e.new_res = &it.value();
    e.slot = new_slots[position];
    e.type =
        it->contains("Type") && (*it)["Type"].is_string() ? (*it)["Type"].get<std::string>() : "";
    e.change.logical_id = e.id;
    e.change.resource_type = e.type;
    e.deletion_policy = PolicyText(it.value(), "DeletionPolicy");
    e.update_replace_policy = PolicyText(it.value(), "UpdateReplacePolicy");
    entries.push_back(std::move(e));
  }
  for (Entry& e : entries) {
    slots_[e.slot].entry = &e;
  }
  // The graph's nodes are the entries in the same order, less any the graph left out.
  std::vector<Entry*> entry_of_node;
  entry_of_node.reserve(new_graph.nodes().size());
  for (size_t v = 0, i = 0; v < new_graph.nodes().size(); ++v) {
    while (i < entries.size() && entries[i].id != new_graph.nodes()[v]) {
      ++i;
    }
    entry_of_node.push_back(i < entries.size() ? &entries[i]
                                               : FindSlot(new_graph.nodes()[v])->entry);
  }
  // Dependencies first, so a resource sees whether what it references is replaced.
  std::vector<Entry*> ordered;
  ordered.reserve(entries.size());
  std::vector<bool> placed(entries.size(), false);
  for (size_t v : new_graph.order()) {
    Entry* e = entry_of_node[v];
    placed[e - entries.data()] = true;
    ordered.push_back(e);
  }
  for (Entry& e : entries) {
    if (!placed[&e - entries.data()]) {
      ordered.push_back(&e);  // on a cycle (already reported)
    }
  }
  for (Entry* e : ordered) {
    const Json& new_res = *e->new_res;
    const Slot& slot = slots_[e->slot];
    std::optional<bool> in_old =
        slot.old_res == nullptr ? std::nullopt : std::optional<bool>(slot.old_included);
    if (!slot.new_included.has_value()) {
      e->change.action = ChangeAction::kDynamic;
      e->in_change_set = true;
      const Resource* r = desired_.FindResource(e->id);
      std::string condition = r != nullptr && r->condition != nullptr ? r->condition->value() : "";
      forecast_.push_back(MakeDiagnostic(
          DiagCode::kW9010,
          r != nullptr && r->condition != nullptr ? r->condition->range() : RangeOf(e->id),
          TemplatePath{"Resources", e->id, "Condition"},
          "Whether resource '" + e->id + "' is part of the stack depends on condition '" +
              condition +
              "', which cannot be decided before deployment (it reads a value resolved at "
              "deploy time, such as an SSM parameter); the change is shown as Dynamic."));
      continue;
    }
    if (in_old != true) {
      auto to_import = options_.resources_to_import.find(e->id);
      if (to_import != options_.resources_to_import.end()) {
        // An existing resource brought under management: it keeps its identity.
        e->change.action = ChangeAction::kImport;
        for (const auto& [key, value] : to_import->second) {
          e->change.physical_id += (e->change.physical_id.empty() ? "" : "|") + value;
        }
        e->in_change_set = true;
        importing_ = true;
        continue;
      }
      e->change.action = ChangeAction::kAdd;
      e->added = true;
      e->in_change_set = true;
      continue;
    }
    const Json& old_res = *slot.old_res;
    e->old_res = &old_res;
    std::string old_type = old_res.contains("Type") && old_res["Type"].is_string()
                               ? old_res["Type"].get<std::string>()
                               : "";
    if (old_type != e->type) {
      forecast_.push_back(MakeDiagnostic(
          DiagCode::kE9011, RangeOf(e->id), TemplatePath{"Resources", e->id, "Type"},
          "Resource '" + e->id + "' changes type from " + old_type + " to " + e->type +
              "; CloudFormation refuses to update a resource's type. Use a new logical id."));
      continue;
    }
    PlanResource(*e, old_res, new_res);
  }

  ChangeSet& cs = plan.change_set;
  cs.stack_name = options_.stack_name;
  cs.stack_id = creating_ ? "" : current_.stack_id;
  cs.change_set_type = importing_ ? "IMPORT" : creating_ ? "CREATE" : "UPDATE";
  for (const Parameter& p : desired_.parameters) {
    auto it = new_.ctx.parameters.find(p.name);
    if (it != new_.ctx.parameters.end()) {
      cs.parameters.push_back({p.name, p.no_echo ? "****" : it->second, ""});
      if (p.type.rfind("AWS::SSM::Parameter::Value<", 0) == 0 && options_.ssm_parameters) {
        auto ssm = options_.ssm_parameters->find(it->second);
        if (ssm != options_.ssm_parameters->end()) {
          cs.parameters.back().resolved_value = p.no_echo ? "****" : ssm->second;
        } else {
          forecast_.push_back(MakeDiagnostic(
              DiagCode::kE9015, p.key != nullptr ? p.key->range() : SourceRange{},
              TemplatePath{"Parameters", p.name},
              "Parameter '" + p.name + "' (" + p.type + ") names the SSM parameter '" + it->second +
                  "', which the --ssm-parameters values do not hold."));
        }
      }
    }
  }
  std::vector<StepInfo> forward, cleanup;
  for (Entry& e : entries) {
    if (!e.in_change_set) {
      continue;
    }
    FillValues(e);
    FillContexts(e);
    cs.changes.push_back(Change{e.change, 0});
    if (e.change.action == ChangeAction::kAdd) {
      forward.push_back({e.id, e.type, StepAction::kCreate, "", e.deletion_policy, ""});
    } else if (e.change.action == ChangeAction::kModify) {
      if (e.replaced) {
        const std::string& strategy = Facts(e.type).replacement_strategy;
        forward.push_back({e.id, e.type, StepAction::kReplace, strategy, "", ""});
        if (strategy != "delete_then_create") {
          bool keep = e.update_replace_policy == "Retain";
          cleanup.push_back({e.id, e.type, keep ? StepAction::kRetain : StepAction::kDeleteReplaced,
                             "", "", e.update_replace_policy});
        }
      } else {
        forward.push_back({e.id, e.type, StepAction::kUpdate, "", "", ""});
      }
    }
  }
  position = 0;
  for (auto it = old_resources.begin(); it != old_resources.end(); ++it, ++position) {
    const Slot& slot = slots_[old_slots[position]];
    bool still_there = slot.new_res != nullptr && slot.new_included != false;
    if (!slot.old_included || still_there) {
      continue;
    }
    ResourceChange rc;
    rc.action = ChangeAction::kRemove;
    rc.logical_id = it.key();
    rc.resource_type = it->contains("Type") ? ScalarText((*it)["Type"]) : "";
    if (slot.deployed != nullptr) {
      rc.physical_id = slot.deployed->physical_id;
    }
    std::string policy = PolicyText(it.value(), "DeletionPolicy");
    bool rds_snapshot = (rc.resource_type == "AWS::RDS::DBCluster" ||
                         (rc.resource_type == "AWS::RDS::DBInstance" &&
                          !JsonAt(it.value(), {"Properties", "DBClusterIdentifier"}))) &&
                        policy.empty();
    bool keep = policy == "Retain" || policy == "RetainExceptOnCreate";
    rc.policy_action = keep                                   ? PolicyAction::kRetain
                       : policy == "Snapshot" || rds_snapshot ? PolicyAction::kSnapshot
                                                              : PolicyAction::kDelete;
    cleanup.push_back({rc.logical_id, rc.resource_type,
                       keep ? StepAction::kRetain : StepAction::kDelete, "", policy, ""});
    plan_internal::ContextInputs before;
    before.resource = &it.value();
    before.ctx = &old_.ctx;
    before.deployed = slot.deployed != nullptr ? &slot.deployed->properties : nullptr;
    rc.before_context = plan_internal::BuildResourceContext(before);
    cs.changes.push_back(Change{std::move(rc), 0});
  }

  plan_internal::ForecastInputs fin{current_,    desired_,    schemas_,  options_,
                                    old_.root(), new_.root(), creating_, {},
                                    {},          {},          nullptr};
  for (const Entry& e : entries) {
    if (e.replaced) {
      fin.replaced.push_back({e.id, e.type, &e.old_props, &e.new_props});
      fin.replaced_ids.insert(e.id);
    }
  }
  fin.changed_params = changed_params_;
  fin.new_ctx = &new_.ctx;
  cs.capabilities = plan_internal::RequiredCapabilities(new_.root(), options_.declared_transforms);
  plan_internal::Forecast(fin, cs, forecast_);
  plan.forecast = std::move(forecast_);
  std::stable_sort(plan.forecast.begin(), plan.forecast.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::make_pair(a.path.ToString(), a.code) <
                            std::make_pair(b.path.ToString(), b.code);
                   });
  if (cs.changes.empty()) {
    cs.status = "FAILED";
    cs.status_reason = kNoChanges;
    cs.execution_status = "UNAVAILABLE";
  }
  plan_internal::OrderInputs order{forward,
                                   cleanup,
                                   &new_graph,
                                   &old_graph,
                                   creating_,
                                   options_.on_failure,
                                   options_.retain_except_on_create,
                                   importing_};
  plan_internal::BuildOrderAndRollback(order, &plan);
  return plan;
}

}  // namespace

Plan ComputePlan(const StackState& current, const Template& desired,
                 const FunctionRegistry& functions, const SchemaFacts& schemas,
                 const PlanOptions& options, DiagnosticSink& diags) {
  std::optional<Plan> plan;
  {
    Planner planner(current, desired, functions, schemas, options, diags);
    plan = planner.Run();
  }
  return std::move(*plan);
}

}  // namespace cfnx
