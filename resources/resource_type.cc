// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/resource_type.h"

#include <algorithm>

namespace cfnx {
namespace {

std::vector<std::string> StringList(const nlohmann::json& schema, const char* key) {
  std::vector<std::string> out;
  auto it = schema.find(key);
  if (it == schema.end() || !it->is_array()) {
    return out;
  }
  for (const nlohmann::json& item : *it) {
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    }
  }
  return out;
}

// "/properties/Endpoint/Address" -> "Endpoint.Address"; "" for paths GetAtt cannot name
// (array items "*", paths outside /properties).
std::string AttributeName(std::string_view pointer) {
  constexpr std::string_view kPrefix = "/properties/";
  if (pointer.substr(0, kPrefix.size()) != kPrefix) {
    return "";
  }
  std::string name(pointer.substr(kPrefix.size()));
  if (name.empty() || name.find('*') != std::string::npos) {
    return "";
  }
  std::replace(name.begin(), name.end(), '/', '.');
  return name;
}

}  // namespace

std::unique_ptr<ResourceType> ResourceType::Parse(std::string_view json_text, std::string* error) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) {
    *error = "the schema document is not a JSON object";
    return nullptr;
  }
  auto name = doc.find("typeName");
  if (name == doc.end() || !name->is_string()) {
    *error = "the schema document has no typeName";
    return nullptr;
  }
  std::unique_ptr<ResourceType> type(new ResourceType());
  type->name_ = name->get<std::string>();
  type->schema_ = std::move(doc);
  type->Derive();
  return type;
}

void ResourceType::Derive() {
  read_only_ = StringList(schema_, "readOnlyProperties");
  write_only_ = StringList(schema_, "writeOnlyProperties");
  create_only_ = StringList(schema_, "createOnlyProperties");
  conditional_create_only_ = StringList(schema_, "conditionalCreateOnlyProperties");
  primary_identifier_ = StringList(schema_, "primaryIdentifier");
  deprecated_ = StringList(schema_, "deprecatedProperties");
  auto strategy = schema_.find("replacementStrategy");
  if (strategy != schema_.end() && strategy->is_string()) {
    replacement_strategy_ = strategy->get<std::string>();
  }
  auto props = schema_.find("properties");
  if (props != schema_.end() && props->is_object()) {
    for (auto it = props->begin(); it != props->end(); ++it) {
      property_names_.push_back(it.key());
    }
  }
  for (const std::string& pointer : read_only_) {
    std::string attr = AttributeName(pointer);
    if (attr.empty()) {
      continue;
    }
    attributes_.push_back(attr);
    // A read-only object exposes its members too (GetAtt Endpoint.Address for
    // /properties/Endpoint).
    if (attr.find('.') != std::string::npos) {
      continue;
    }
    const nlohmann::json* prop = FindProperty(attr);
    if (prop != nullptr && prop->contains("$ref") && (*prop)["$ref"].is_string()) {
      prop = ResolveRef((*prop)["$ref"].get<std::string>());
    }
    if (prop != nullptr && prop->is_object() && prop->contains("properties") &&
        (*prop)["properties"].is_object()) {
      for (auto it = (*prop)["properties"].begin(); it != (*prop)["properties"].end(); ++it) {
        attributes_.push_back(attr + "." + it.key());
      }
    }
  }
  std::sort(attributes_.begin(), attributes_.end());
  attributes_.erase(std::unique(attributes_.begin(), attributes_.end()), attributes_.end());
}

const nlohmann::json* ResourceType::FindProperty(std::string_view name) const {
  auto props = schema_.find("properties");
  if (props == schema_.end() || !props->is_object()) {
    return nullptr;
  }
  auto it = props->find(name);
  return it == props->end() ? nullptr : &*it;
}

const nlohmann::json* ResourceType::ResolveRef(std::string_view ref) const {
  if (ref.substr(0, 2) != "#/") {
    return nullptr;
  }
  const nlohmann::json* node = &schema_;
  std::string_view rest = ref.substr(2);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string segment(rest.substr(0, slash));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (!node->is_object()) {
      return nullptr;
    }
    auto it = node->find(segment);
    if (it == node->end()) {
      return nullptr;
    }
    node = &*it;
  }
  return node;
}

bool ResourceType::HasAttribute(std::string_view name) const {
  return std::binary_search(attributes_.begin(), attributes_.end(), name,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

const nlohmann::json* ResourceType::tagging() const {
  auto it = schema_.find("tagging");
  return it == schema_.end() ? nullptr : &*it;
}

bool ResourceType::IsReadOnlyProperty(std::string_view name) const {
  for (const std::string& pointer : read_only_) {
    if (pointer.size() == name.size() + 12 && pointer.compare(0, 12, "/properties/") == 0 &&
        std::string_view(pointer).substr(12) == name) {
      return true;
    }
  }
  return false;
}

}  // namespace cfnx
