// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The typed view of a template (rain's cft.Template, cfn-lint's Template): one struct per
// section entry, each pointing back into the AST so diagnostics can point at the user's text.
// `BuildModel` fills it from a loaded Document and diagnoses section-level structure (unknown
// sections, wrong shapes, missing Type/Value); deeper checks live in engine/validate.
//
// The model never owns nodes: it is valid as long as the Document it was built from.
// Sections keep document order; lookups by name go through the Find* indexes.

#ifndef CFNX_ENGINE_MODEL_TEMPLATE_H_
#define CFNX_ENGINE_MODEL_TEMPLATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cfnx/diagnostic.h"
#include "engine/ast/document.h"

namespace cfnx {

struct Parameter {
  std::string name;
  const StringNode* key = nullptr;
  const MapNode* node = nullptr;  // the parameter's map
  std::string type;               // "String", "List<AWS::EC2::Subnet::Id>", ...
  const Node* type_node = nullptr;
  const Node* default_value = nullptr;  // nullptr when there is no Default
  const Node* allowed_values = nullptr;
  const Node* allowed_pattern = nullptr;
  const Node* min_length = nullptr;
  const Node* max_length = nullptr;
  const Node* min_value = nullptr;
  const Node* max_value = nullptr;
  const Node* description = nullptr;
  const Node* constraint_description = nullptr;
  bool no_echo = false;
};

struct Mapping {
  std::string name;
  const StringNode* key = nullptr;
  const Node* node = nullptr;  // a MapNode of top-level keys for a well-formed mapping
};

struct Condition {
  std::string name;
  const StringNode* key = nullptr;
  const Node* expr = nullptr;  // the condition function call
};

struct Resource {
  std::string logical_id;
  const StringNode* key = nullptr;
  const MapNode* node = nullptr;  // the resource's map
  std::string type;               // "" when missing or not a string
  const Node* type_node = nullptr;
  const Node* properties = nullptr;  // a MapNode when well formed
  // DependsOn targets as written (a string or each string of a list).
  std::vector<const StringNode*> depends_on;
  const Node* depends_on_node = nullptr;
  const StringNode* condition = nullptr;  // the Condition attribute
  const Node* deletion_policy = nullptr;
  const Node* update_replace_policy = nullptr;
  const Node* creation_policy = nullptr;
  const Node* update_policy = nullptr;
  const Node* metadata = nullptr;
  const Node* version = nullptr;  // custom resources' Version attribute
};

struct Output {
  std::string name;
  const StringNode* key = nullptr;
  const MapNode* node = nullptr;
  const Node* value = nullptr;
  const Node* description = nullptr;
  const Node* export_name = nullptr;  // Export.Name
  const Node* export_node = nullptr;  // Export
  const StringNode* condition = nullptr;
};

struct Rule {
  std::string name;
  const StringNode* key = nullptr;
  const MapNode* node = nullptr;
  const Node* rule_condition = nullptr;
  const Node* assertions = nullptr;
};

// Movable, not copyable: the name indexes point into the section vectors.
struct Template {
  Template() = default;
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;
  Template(Template&&) = default;
  Template& operator=(Template&&) = default;

  const Document* document = nullptr;
  const MapNode* root = nullptr;
  FileId file = 0;

  const Node* format_version = nullptr;
  const Node* description = nullptr;
  const Node* metadata = nullptr;
  const Node* transform = nullptr;  // the Transform section as written
  const Node* hooks = nullptr;
  // Names in the Transform section ("AWS::Serverless-2016-10-31", ...), in order.
  std::vector<std::string> transforms;

  std::vector<Parameter> parameters;
  std::vector<Mapping> mappings;
  std::vector<Condition> conditions;
  std::vector<Resource> resources;
  std::vector<Output> outputs;
  std::vector<Rule> rules;

  // Lookups by name; nullptr when absent.
  const Parameter* FindParameter(std::string_view name) const;
  const Mapping* FindMapping(std::string_view name) const;
  const Condition* FindCondition(std::string_view name) const;
  const Resource* FindResource(std::string_view name) const;
  const Output* FindOutput(std::string_view name) const;

  // Builds the name indexes; BuildModel calls it, callers that edit the vectors call it again.
  void Reindex();

 private:
  std::unordered_map<std::string_view, size_t> parameter_index_;
  std::unordered_map<std::string_view, size_t> mapping_index_;
  std::unordered_map<std::string_view, size_t> condition_index_;
  std::unordered_map<std::string_view, size_t> resource_index_;
  std::unordered_map<std::string_view, size_t> output_index_;
};

// Builds the typed view of `doc` (whose root must be a MapNode, or nothing is built) and reports
// structural problems of each section to `diags`.
Template BuildModel(const Document& doc, DiagnosticSink& diags);

// The pseudo parameters CloudFormation defines ("AWS::Region", ...).
const std::vector<std::string_view>& PseudoParameterNames();
bool IsPseudoParameter(std::string_view name);

}  // namespace cfnx

#endif  // CFNX_ENGINE_MODEL_TEMPLATE_H_
