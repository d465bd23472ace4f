// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Schemas of the resource attributes CreationPolicy and UpdatePolicy, per resource type
// (schemas/cfn/attributes.jsonl, generated from cfn-lint's data by
// scripts/gen_attribute_schemas.py). Each is a resource-type document (resources/resource_type.h)
// named "<type> <Attribute>", so the property checker validates an attribute's value exactly as
// it validates properties. UpdatePolicy is accepted only by the types that have a schema for
// it; CreationPolicy by every type (the listed ones are checked in detail).

#ifndef CFNX_RESOURCES_ATTRIBUTE_SCHEMAS_H_
#define CFNX_RESOURCES_ATTRIBUTE_SCHEMAS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cfnx/error_or.h"
#include "resources/resource_type.h"

namespace cfnx {

class AttributeSchemas {
 public:
  // Parses every line of `jsonl` (one document per line, each with `attribute` and
  // `resourceType`); an Error naming the first line that does not parse.
  static ErrorOr<std::unique_ptr<AttributeSchemas>> FromJsonLines(std::string_view jsonl);

  // The schema of `attribute` ("CreationPolicy", "UpdatePolicy") for `type`, or nullptr.
  const ResourceType* Find(std::string_view attribute, std::string_view type) const;
  // The types that have a schema for `attribute`, sorted.
  std::vector<std::string> TypesWith(std::string_view attribute) const;

 private:
  AttributeSchemas() = default;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<ResourceType>, std::less<>>
      schemas_;
};

}  // namespace cfnx

#endif  // CFNX_RESOURCES_ATTRIBUTE_SCHEMAS_H_
