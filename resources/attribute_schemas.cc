// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/attribute_schemas.h"

#include <nlohmann/json.hpp>

namespace cfnx {

ErrorOr<std::unique_ptr<AttributeSchemas>> AttributeSchemas::FromJsonLines(std::string_view jsonl) {
  std::unique_ptr<AttributeSchemas> out(new AttributeSchemas());
  size_t line_number = 0;
  while (!jsonl.empty()) {
    size_t end = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, end);
    jsonl.remove_prefix(end == std::string_view::npos ? jsonl.size() : end + 1);
    ++line_number;
    if (line.empty())
      continue;
    std::string where = "attribute schemas line " + std::to_string(line_number);
    nlohmann::json head = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!head.is_object() || !head.contains("attribute") || !head["attribute"].is_string() ||
        !head.contains("resourceType") || !head["resourceType"].is_string()) {
      return Error{where + ": not an object with 'attribute' and 'resourceType'"};
    }
    std::string error;
    std::unique_ptr<ResourceType> type = ResourceType::Parse(line, &error);
    if (type == nullptr)
      return Error{where + ": " + error};
    out->schemas_[{head["attribute"].get<std::string>(), head["resourceType"].get<std::string>()}] =
        std::move(type);
  }
  return out;
}

const ResourceType* AttributeSchemas::Find(std::string_view attribute,
                                           std::string_view type) const {
  auto it = schemas_.find(std::make_pair(std::string(attribute), std::string(type)));
  return it == schemas_.end() ? nullptr : it->second.get();
}

std::vector<std::string> AttributeSchemas::TypesWith(std::string_view attribute) const {
  std::vector<std::string> out;
  for (const auto& [key, type] : schemas_) {
    if (key.first == attribute)
      out.push_back(key.second);
  }
  return out;
}

}  // namespace cfnx
