// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// One resource type's provider schema, compacted (no descriptions or handlers): its properties
// as JSON schema, the `$ref` definitions they point to, and the per-type lists the planner and
// the validator need (read-only, write-only, create-only and conditionally create-only property
// paths, primary identifier, replacement strategy, tagging, deprecated properties).
//
// `ResourceType` is immutable once parsed (thread-safe to read) and owned by the
// `ResourceTypeRegistry` that parsed it (resources/registry.h). The `definitions` the
// properties point to make up most of a schema (80% of the registry's bytes), and a template
// reaches only a few of them: they are kept as text and each is parsed the first time
// `ResolveRef` reaches it, so `schema()` does not hold them. Property paths are kept as the schema
// writes them: JSON pointers such as "/properties/Endpoint/Address". `attributes()` gives the names
// `Fn::GetAtt` accepts, spelt the template way ("Endpoint.Address").

#ifndef CFNX_RESOURCES_RESOURCE_TYPE_H_
#define CFNX_RESOURCES_RESOURCE_TYPE_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace cfnx {

class ResourceType {
 public:
  // Parses one compact schema document; nullptr (and a reason in `*error`) if it is not a JSON
  // object with a string `typeName`.
  static std::unique_ptr<ResourceType> Parse(std::string_view json_text, std::string* error);

  const std::string& name() const { return name_; }
  // The compact document without its `definitions` (reach those with `ResolveRef`).
  const nlohmann::json& schema() const { return schema_; }

  // The schema of top-level property `name`, or nullptr.
  const nlohmann::json* FindProperty(std::string_view name) const;
  // Top-level property names, in schema order.
  const std::vector<std::string_view>& property_names() const { return property_names_; }
  // Resolves a local reference ("#/definitions/Tag", "#/properties/Name"); nullptr if it does
  // not resolve. The pointer stays valid as long as the type.
  const nlohmann::json* ResolveRef(std::string_view ref) const;

  // Names `Fn::GetAtt` accepts: read-only properties as dotted paths ("Arn",
  // "Endpoint.Address"), sorted.
  const std::vector<std::string>& attributes() const { return attributes_; }
  bool HasAttribute(std::string_view name) const;

  const std::vector<std::string>& read_only_properties() const { return read_only_; }
  const std::vector<std::string>& write_only_properties() const { return write_only_; }
  const std::vector<std::string>& create_only_properties() const { return create_only_; }
  const std::vector<std::string>& conditional_create_only_properties() const {
    return conditional_create_only_;
  }
  const std::vector<std::string>& primary_identifier() const { return primary_identifier_; }
  const std::vector<std::string>& deprecated_properties() const { return deprecated_; }
  // "create_then_delete" (CloudFormation's default when the schema says nothing) or
  // "delete_then_create".
  const std::string& replacement_strategy() const { return replacement_strategy_; }
  // The schema's `tagging` object, or nullptr.
  const nlohmann::json* tagging() const;

  // Whether the top-level property `name` is read-only ("/properties/<name>" is listed).
  bool IsReadOnlyProperty(std::string_view name) const;

 private:
  ResourceType() = default;
  void Derive();
  void AddPropertyAttributes(const nlohmann::json& schema, const std::string& name, int depth);

  // One member of the schema's `definitions`, parsed on first use.
  struct Definition {
    std::string name;
    std::string_view text;  // the value's JSON, in definitions_text_
    mutable std::unique_ptr<nlohmann::json> parsed;
    mutable bool tried = false;
  };
  // The definition named `name` (parsed now if need be), or nullptr.
  const nlohmann::json* FindDefinition(std::string_view name) const;
  // The whole `definitions` object (parsed now if need be), or nullptr.
  const nlohmann::json* AllDefinitions() const;

  std::string name_;
  nlohmann::json schema_;
  bool lazy_definitions_ = false;
  std::string definitions_text_;
  std::vector<Definition> definitions_;  // sorted by name
  mutable std::mutex definitions_mutex_;
  mutable std::unique_ptr<nlohmann::json> all_definitions_;
  std::vector<std::string_view> property_names_;
  std::vector<std::string> attributes_;
  std::vector<std::string> read_only_;
  std::vector<std::string> write_only_;
  std::vector<std::string> create_only_;
  std::vector<std::string> conditional_create_only_;
  std::vector<std::string> primary_identifier_;
  std::vector<std::string> deprecated_;
  std::string replacement_strategy_ = "create_then_delete";
};

}  // namespace cfnx

#endif  // CFNX_RESOURCES_RESOURCE_TYPE_H_
