// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E4001: the template's `Metadata: AWS::CloudFormation::Interface` (how the console groups and
// labels parameters) has the shape CloudFormation reads: ParameterGroups, a list of {Label:
// {default: TEXT}, Parameters: [NAME, ...]}, and ParameterLabels, a map of parameter name to
// {default: TEXT}; nothing else. cfn-lint's rules/metadata/InterfaceConfiguration.py with its
// schema data/schemas/other/metadata/interface.json; every error is reported (all_matches). As
// in that schema, only the interface (a map), the lists and the label texts have a type: a
// label written as a plain string passes.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-interface.html

#include <string>
#include <string_view>

#include "engine/validate/validate.h"

namespace cfnx {
namespace {

class InterfaceChecker {
 public:
  explicit InterfaceChecker(DiagnosticSink& diags) : diags_(diags) {}

  void Interface(const Node* v, const SourceRange& key, const TemplatePath& path) {
    const MapNode* map = Object(v, key, path);
    if (map == nullptr)
      return;
    for (const MapEntry& e : map->entries()) {
      const std::string& name = e.key->value();
      TemplatePath child = path.Child(name);
      if (name == "ParameterGroups") {
        const ListNode* groups = Array(e.value, e.key->range(), child);
        for (size_t i = 0; groups != nullptr && i < groups->size(); ++i)
          Group(groups->items()[i], child.Child(i));
      } else if (name == "ParameterLabels") {
        const auto* labels = dyn_cast<MapNode>(e.value);
        for (size_t i = 0; labels != nullptr && i < labels->size(); ++i) {
          const MapEntry& label = labels->entries()[i];
          Label(label.value, child.Child(label.key->value()));
        }
      } else {
        Unexpected(e, child);
      }
    }
  }

 private:
  // A group, a label and the map of labels have no `type` in cfn-lint's schema: a value of
  // another shape passes (only the properties of a map are checked).
  void Group(const Node* v, const TemplatePath& path) {
    const auto* map = dyn_cast<MapNode>(v);
    if (map == nullptr)
      return;
    for (const MapEntry& e : map->entries()) {
      const std::string& name = e.key->value();
      if (name == "Label")
        Label(e.value, path.Child(name));
      else if (name == "Parameters")
        Array(e.value, e.key->range(), path.Child(name));
      else
        Unexpected(e, path.Child(name));
    }
  }

  void Label(const Node* v, const TemplatePath& path) {
    const auto* map = dyn_cast<MapNode>(v);
    if (map == nullptr)
      return;
    for (const MapEntry& e : map->entries()) {
      if (e.key->value() != "default") {
        Unexpected(e, path.Child(e.key->value()));
      } else if (!isa<StringNode>(e.value) && !isa<FnCallNode>(e.value)) {
        diags_.Report(DiagCode::kE4001, e.key->range(), path.Child("default"),
                      Repr(e.value) + " is not of type 'string'");
      }
    }
  }

  // A function is known only at deploy time: no shape to check.
  const MapNode* Object(const Node* v, const SourceRange& key, const TemplatePath& path) {
    if (const auto* map = dyn_cast<MapNode>(v))
      return map;
    if (!isa<FnCallNode>(v))
      diags_.Report(DiagCode::kE4001, key, path, Repr(v) + " is not of type 'object'");
    return nullptr;
  }

  const ListNode* Array(const Node* v, const SourceRange& key, const TemplatePath& path) {
    if (const auto* list = dyn_cast<ListNode>(v))
      return list;
    if (!isa<FnCallNode>(v))
      diags_.Report(DiagCode::kE4001, key, path, Repr(v) + " is not of type 'array'");
    return nullptr;
  }

  void Unexpected(const MapEntry& e, const TemplatePath& path) {
    diags_.Report(
        DiagCode::kE4001, e.key->range(), path,
        "Additional properties are not allowed ('" + e.key->value() + "' was unexpected)");
  }

  static std::string Repr(const Node* v) {
    if (const auto* s = dyn_cast<StringNode>(v))
      return "'" + s->value() + "'";
    if (const auto* s = dyn_cast<ScalarNode>(v))
      return s->text();
    return isa<MapNode>(v) ? "{...}" : "[...]";
  }

  DiagnosticSink& diags_;
};

}  // namespace

void CheckMetadataInterface(const Template& t, DiagnosticSink& diags) {
  const auto* metadata = dyn_cast<MapNode>(t.metadata);
  const MapEntry* e =
      metadata != nullptr ? metadata->Find("AWS::CloudFormation::Interface") : nullptr;
  if (e != nullptr)
    InterfaceChecker(diags).Interface(e->value, e->key->range(),
                                      TemplatePath{"Metadata", "AWS::CloudFormation::Interface"});
}

}  // namespace cfnx
