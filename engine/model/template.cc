// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/model/template.h"

#include <algorithm>
#include <array>

#include "engine/base/edit_distance.h"

namespace cfnx {
namespace {

constexpr std::array<std::string_view, 11> kSections = {"AWSTemplateFormatVersion",
                                                        "Description",
                                                        "Metadata",
                                                        "Parameters",
                                                        "Rules",
                                                        "Mappings",
                                                        "Conditions",
                                                        "Transform",
                                                        "Resources",
                                                        "Outputs",
                                                        "Hooks"};

constexpr std::array<std::string_view, 10> kResourceAttributes = {
    "Type",           "Properties",     "DependsOn",
    "Condition",      "DeletionPolicy", "UpdateReplacePolicy",
    "CreationPolicy", "UpdatePolicy",   "Metadata",
    "Version"};

constexpr std::array<std::string_view, 11> kParameterAttributes = {
    "Type",        "Default",   "AllowedValues", "AllowedPattern", "ConstraintDescription",
    "Description", "MaxLength", "MaxValue",      "MinLength",      "MinValue",
    "NoEcho"};

constexpr std::array<std::string_view, 4> kOutputAttributes = {"Value", "Description", "Export",
                                                               "Condition"};

template <size_t N>
std::vector<std::string_view> ToVector(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

template <size_t N>
bool Contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

class ModelBuilder {
 public:
  ModelBuilder(const Document& doc, DiagnosticSink& diags) : doc_(doc), diags_(diags) {}

  Template Build() {
    Template t;
    t.document = &doc_;
    t.file = doc_.file();
    t.root = dyn_cast<MapNode>(doc_.root());
    if (t.root == nullptr) {
      return t;
    }
    // The transform decides which extra sections and attributes are legal (SAM's Globals and
    // IgnoreGlobals), so read it first.
    if (const Node* transform = t.root->Get("Transform")) {
      BuildTransform(transform, t);
    }
    language_extensions_ = std::find(t.transforms.begin(), t.transforms.end(),
                                     "AWS::LanguageExtensions") != t.transforms.end();
    sam_ = std::find(t.transforms.begin(), t.transforms.end(), "AWS::Serverless-2016-10-31") !=
               t.transforms.end() ||
           UsesServerlessTypes(*t.root);
    for (const MapEntry& e : t.root->entries()) {
      BuildSection(e, t);
    }
    if (t.root->Find("Resources") == nullptr) {
      diags_.Report(DiagCode::kE1001, KeyRangeOrRoot(t.root), TemplatePath(),
                    "Missing required top-level section 'Resources': a template must declare "
                    "at least one resource.");
    }
    t.Reindex();
    return t;
  }

 private:
  SourceRange KeyRangeOrRoot(const MapNode* root) {
    if (!root->entries().empty()) {
      return root->entries().front().key->range();
    }
    return root->range();
  }

  // `node` must be a map; reports `code` otherwise.
  const MapNode* ExpectMap(const Node* node, DiagCode code, const TemplatePath& path,
                           std::string_view what) {
    if (const auto* map = dyn_cast<MapNode>(node)) {
      return map;
    }
    diags_.Report(code, node->range(), path,
                  std::string(what) + " must be a mapping, not a " +
                      std::string(NodeKindName(node->kind())) + ".");
    return nullptr;
  }

  // A template without a Transform section whose resources use AWS::Serverless::* types is
  // SAM too (the SAM transform applies to it; when it is left unexpanded, Globals is legal).
  static bool UsesServerlessTypes(const MapNode& root) {
    const auto* resources = dyn_cast<MapNode>(root.Get("Resources"));
    if (resources == nullptr || root.Find("Transform") != nullptr)
      return false;
    for (const MapEntry& e : resources->entries()) {
      const auto* resource = dyn_cast<MapNode>(e.value);
      const auto* type =
          resource != nullptr ? dyn_cast<StringNode>(resource->Get("Type")) : nullptr;
      if (type != nullptr && type->value().rfind("AWS::Serverless::", 0) == 0)
        return true;
    }
    return false;
  }

  void BuildSection(const MapEntry& e, Template& t) {
    std::string_view name = e.key->value();
    TemplatePath path{std::string(name)};
    if (name == "AWSTemplateFormatVersion") {
      t.format_version = e.value;
    } else if (name == "Description") {
      t.description = e.value;
    } else if (name == "Metadata") {
      t.metadata = e.value;
      ExpectMap(e.value, DiagCode::kE1001, path, "The Metadata section");
    } else if (name == "Transform") {
      // read before the other sections
    } else if (name == "Globals" && sam_) {
      // SAM's Globals: the SAM transform consumes it
    } else if (name == "Hooks") {
      t.hooks = e.value;
      ExpectMap(e.value, DiagCode::kE1001, path, "The Hooks section");
    } else if (name == "Parameters") {
      ForEachEntry(e.value, path, "The Parameters section", DiagCode::kE2001,
                   [&](const MapEntry& p) { BuildParameter(p, path, t); });
    } else if (name == "Mappings") {
      ForEachEntry(e.value, path, "The Mappings section", DiagCode::kE7001, [&](const MapEntry& m) {
        t.mappings.push_back({m.key->value(), m.key, m.value});
      });
    } else if (name == "Conditions") {
      ForEachEntry(e.value, path, "The Conditions section", DiagCode::kE8001,
                   [&](const MapEntry& c) {
                     t.conditions.push_back({c.key->value(), c.key, c.value});
                   });
    } else if (name == "Resources") {
      ForEachEntry(e.value, path, "The Resources section", DiagCode::kE1001,
                   [&](const MapEntry& r) { BuildResource(r, path, t); });
    } else if (name == "Outputs") {
      ForEachEntry(e.value, path, "The Outputs section", DiagCode::kE6001,
                   [&](const MapEntry& o) { BuildOutput(o, path, t); });
    } else if (name == "Rules") {
      ForEachEntry(e.value, path, "The Rules section", DiagCode::kE1001,
                   [&](const MapEntry& r) { BuildRule(r, path, t); });
    } else {
      diags_.Report(
          DiagCode::kE1001, e.key->range(), path,
          "Unknown top-level section " + Quote(name) + "." + DidYouMean(name, ToVector(kSections)));
    }
  }

  template <typename Fn>
  void ForEachEntry(const Node* section, const TemplatePath& path, std::string_view what,
                    DiagCode code, Fn&& fn) {
    const MapNode* map = ExpectMap(section, code, path, what);
    if (map == nullptr) {
      return;
    }
    for (const MapEntry& e : map->entries()) {
      if (e.key->value().rfind("Fn::ForEach::", 0) == 0) {
        // AWS::LanguageExtensions loops are expanded by their transform; without it they stay.
        if (!language_extensions_)
          ReportForEach(e, path.Child(e.key->value()));
        continue;
      }
      fn(e);
    }
  }

  // E1032 for a loop (and each loop nested in it) of a template that does not declare the
  // AWS::LanguageExtensions transform, which alone expands Fn::ForEach (cfn-lint's
  // rules/functions/ForEach.py reports every Fn::ForEach key of the template so).
  void ReportForEach(const MapEntry& e, const TemplatePath& path) {
    diags_.Report(DiagCode::kE1032, e.key->range(), path,
                  "Missing Transform: Declare the AWS::LanguageExtensions Transform globally to "
                  "enable use of the intrinsic function Fn::ForEach at " +
                      path.ToString().substr(1));
    ReportNestedForEach(e.value, path, 0);
  }

  void ReportNestedForEach(const Node* v, const TemplatePath& path, int depth) {
    if (depth > 32)
      return;
    if (const auto* list = dyn_cast<ListNode>(v)) {
      for (size_t i = 0; i < list->size(); ++i)
        ReportNestedForEach(list->items()[i], path.Child(i), depth + 1);
    } else if (const auto* map = dyn_cast<MapNode>(v)) {
      for (const MapEntry& e : map->entries()) {
        if (e.key->value().rfind("Fn::ForEach::", 0) == 0)
          ReportForEach(e, path.Child(e.key->value()));
        else
          ReportNestedForEach(e.value, path.Child(e.key->value()), depth + 1);
      }
    }
  }

  void BuildTransform(const Node* node, Template& t) {
    t.transform = node;
    auto add = [&](const Node* item) {
      if (const auto* s = dyn_cast<StringNode>(item)) {
        t.transforms.push_back(s->value());
      } else if (const auto* m = dyn_cast<MapNode>(item)) {
        if (const auto* n = dyn_cast<StringNode>(m->Get("Name"))) {
          t.transforms.push_back(n->value());
        }
      }
    };
    if (const auto* list = dyn_cast<ListNode>(node)) {
      for (const Node* item : list->items())
        add(item);
    } else {
      add(node);
    }
  }

  void CheckAttributes(const MapNode* map, const TemplatePath& path, DiagCode code,
                       std::string_view what, const std::vector<std::string_view>& known) {
    for (const MapEntry& a : map->entries()) {
      if (std::find(known.begin(), known.end(), a.key->value()) == known.end()) {
        diags_.Report(code, a.key->range(), path.Child(a.key->value()),
                      "Unknown attribute " + Quote(a.key->value()) + " in " + std::string(what) +
                          "." + DidYouMean(a.key->value(), known));
      }
    }
  }

  void BuildParameter(const MapEntry& e, const TemplatePath& section, Template& t) {
    TemplatePath path = section.Child(e.key->value());
    const MapNode* map = ExpectMap(e.value, DiagCode::kE2001, path, "A parameter");
    if (map == nullptr) {
      return;
    }
    Parameter p;
    p.name = e.key->value();
    p.key = e.key;
    p.node = map;
    p.type_node = map->Get("Type");
    if (const auto* s = dyn_cast<StringNode>(p.type_node)) {
      p.type = s->value();
    } else if (p.type_node == nullptr) {
      diags_.Report(DiagCode::kE2001, e.key->range(), path,
                    "Parameter " + Quote(p.name) + " has no Type.");
    } else {
      diags_.Report(DiagCode::kE2001, p.type_node->range(), path.Child("Type"),
                    "Parameter " + Quote(p.name) + " Type must be a string.");
    }
    p.default_value = map->Get("Default");
    p.allowed_values = map->Get("AllowedValues");
    p.allowed_pattern = map->Get("AllowedPattern");
    p.min_length = map->Get("MinLength");
    p.max_length = map->Get("MaxLength");
    p.min_value = map->Get("MinValue");
    p.max_value = map->Get("MaxValue");
    p.description = map->Get("Description");
    p.constraint_description = map->Get("ConstraintDescription");
    if (const Node* no_echo = map->Get("NoEcho")) {
      const auto* b = dyn_cast<BoolNode>(no_echo);
      const auto* s = dyn_cast<StringNode>(no_echo);
      p.no_echo = (b != nullptr && b->value()) ||
                  (s != nullptr && (s->value() == "true" || s->value() == "True"));
    }
    CheckAttributes(map, path, DiagCode::kE2001, "a parameter", ToVector(kParameterAttributes));
    t.parameters.push_back(std::move(p));
  }

  void BuildResource(const MapEntry& e, const TemplatePath& section, Template& t) {
    TemplatePath path = section.Child(e.key->value());
    const MapNode* map = ExpectMap(e.value, DiagCode::kE3001, path, "A resource");
    if (map == nullptr) {
      return;
    }
    Resource r;
    r.logical_id = e.key->value();
    r.key = e.key;
    r.node = map;
    r.type_node = map->Get("Type");
    if (const auto* s = dyn_cast<StringNode>(r.type_node)) {
      r.type = s->value();
    } else if (r.type_node == nullptr) {
      diags_.Report(DiagCode::kE3001, e.key->range(), path,
                    "Resource " + Quote(r.logical_id) + " has no Type.");
    } else {
      diags_.Report(DiagCode::kE3001, r.type_node->range(), path.Child("Type"),
                    "Resource " + Quote(r.logical_id) + " Type must be a string.");
    }
    r.properties = map->Get("Properties");
    if (r.properties != nullptr && !isa<MapNode>(r.properties) && !isa<FnCallNode>(r.properties)) {
      diags_.Report(DiagCode::kE3001, r.properties->range(), path.Child("Properties"),
                    "Properties of " + Quote(r.logical_id) + " must be a mapping, not a " +
                        std::string(NodeKindName(r.properties->kind())) + ".");
    }
    r.depends_on_node = map->Get("DependsOn");
    BuildDependsOn(r, path.Child("DependsOn"));
    if (const Node* c = map->Get("Condition")) {
      r.condition = dyn_cast<StringNode>(c);
      if (r.condition == nullptr) {
        diags_.Report(DiagCode::kE3001, c->range(), path.Child("Condition"),
                      "A resource's Condition must be the name of a condition.");
      }
    }
    r.deletion_policy = map->Get("DeletionPolicy");
    r.update_replace_policy = map->Get("UpdateReplacePolicy");
    r.creation_policy = map->Get("CreationPolicy");
    r.update_policy = map->Get("UpdatePolicy");
    r.metadata = map->Get("Metadata");
    r.version = map->Get("Version");
    std::vector<std::string_view> known = ToVector(kResourceAttributes);
    if (sam_)
      known.push_back("IgnoreGlobals");
    CheckAttributes(map, path, DiagCode::kE3001, "a resource", known);
    t.resources.push_back(std::move(r));
  }

  void BuildDependsOn(Resource& r, const TemplatePath& path) {
    const Node* node = r.depends_on_node;
    if (node == nullptr) {
      return;
    }
    if (const auto* s = dyn_cast<StringNode>(node)) {
      r.depends_on.push_back(s);
      return;
    }
    if (const auto* list = dyn_cast<ListNode>(node)) {
      for (size_t i = 0; i < list->size(); ++i) {
        if (const auto* s = dyn_cast<StringNode>(list->items()[i])) {
          r.depends_on.push_back(s);
        } else {
          diags_.Report(DiagCode::kE3005, list->items()[i]->range(), path.Child(i),
                        "DependsOn items must be logical ids (strings).");
        }
      }
      return;
    }
    diags_.Report(DiagCode::kE3005, node->range(), path,
                  "DependsOn must be a logical id or a list of logical ids.");
  }

  void BuildOutput(const MapEntry& e, const TemplatePath& section, Template& t) {
    TemplatePath path = section.Child(e.key->value());
    const MapNode* map = ExpectMap(e.value, DiagCode::kE6001, path, "An output");
    if (map == nullptr) {
      return;
    }
    Output o;
    o.name = e.key->value();
    o.key = e.key;
    o.node = map;
    o.value = map->Get("Value");
    o.description = map->Get("Description");
    o.export_node = map->Get("Export");
    if (o.value == nullptr) {
      diags_.Report(DiagCode::kE6001, e.key->range(), path,
                    "Output " + Quote(o.name) + " has no Value.");
    }
    if (o.export_node != nullptr) {
      if (const auto* exp = dyn_cast<MapNode>(o.export_node)) {
        o.export_name = exp->Get("Name");
        if (o.export_name == nullptr) {
          diags_.Report(DiagCode::kE6002, o.export_node->range(), path.Child("Export"),
                        "Export of output " + Quote(o.name) + " has no Name.");
        }
      } else {
        diags_.Report(DiagCode::kE6002, o.export_node->range(), path.Child("Export"),
                      "Export must be a mapping with a Name.");
      }
    }
    if (const Node* c = map->Get("Condition")) {
      o.condition = dyn_cast<StringNode>(c);
      if (o.condition == nullptr) {
        diags_.Report(DiagCode::kE6001, c->range(), path.Child("Condition"),
                      "An output's Condition must be the name of a condition.");
      }
    }
    CheckAttributes(map, path, DiagCode::kE6001, "an output", ToVector(kOutputAttributes));
    t.outputs.push_back(std::move(o));
  }

  void BuildRule(const MapEntry& e, const TemplatePath& section, Template& t) {
    TemplatePath path = section.Child(e.key->value());
    const MapNode* map = ExpectMap(e.value, DiagCode::kE1001, path, "A rule");
    if (map == nullptr) {
      return;
    }
    t.rules.push_back(
        {e.key->value(), e.key, map, map->Get("RuleCondition"), map->Get("Assertions")});
  }

  const Document& doc_;
  DiagnosticSink& diags_;
  bool sam_ = false;                  // the template uses AWS::Serverless-2016-10-31
  bool language_extensions_ = false;  // the template declares AWS::LanguageExtensions
};

template <typename T>
void Index(const std::vector<T>& items, std::string T::*name,
           std::unordered_map<std::string_view, size_t>* index) {
  index->clear();
  index->reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    index->emplace(items[i].*name, i);
  }
}

template <typename T>
const T* Lookup(const std::vector<T>& items,
                const std::unordered_map<std::string_view, size_t>& index, std::string_view name) {
  auto it = index.find(name);
  return it == index.end() ? nullptr : &items[it->second];
}

}  // namespace

void Template::Reindex() {
  Index(parameters, &Parameter::name, &parameter_index_);
  Index(mappings, &Mapping::name, &mapping_index_);
  Index(conditions, &Condition::name, &condition_index_);
  Index(resources, &Resource::logical_id, &resource_index_);
  Index(outputs, &Output::name, &output_index_);
}

const Parameter* Template::FindParameter(std::string_view name) const {
  return Lookup(parameters, parameter_index_, name);
}
const Mapping* Template::FindMapping(std::string_view name) const {
  return Lookup(mappings, mapping_index_, name);
}
const Condition* Template::FindCondition(std::string_view name) const {
  return Lookup(conditions, condition_index_, name);
}
const Resource* Template::FindResource(std::string_view name) const {
  return Lookup(resources, resource_index_, name);
}
const Output* Template::FindOutput(std::string_view name) const {
  return Lookup(outputs, output_index_, name);
}

Template BuildModel(const Document& doc, DiagnosticSink& diags) {
  return ModelBuilder(doc, diags).Build();
}

const std::vector<std::string_view>& PseudoParameterNames() {
  static const std::vector<std::string_view> names = {
      "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
      "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};
  return names;
}

bool IsPseudoParameter(std::string_view name) {
  const auto& names = PseudoParameterNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace cfnx
