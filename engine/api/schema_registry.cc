// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/schema_registry.h"

#include <cstdlib>
#include <filesystem>

#include "resources/embedded_schemas.h"

namespace cfnx {

std::string DefaultUserSchemasDir() {
  if (const char* dir = std::getenv("CFNX_SCHEMAS_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cfnx/schemas";
  }
  return "";
}

const ResourceTypeRegistry& DefaultResourceTypeRegistry() {
  static const ResourceTypeRegistry* registry = [] {
    std::string dir = DefaultUserSchemasDir();
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir + "/" + std::string(kRegistryIndexFile), ec)) {
      auto user = ResourceTypeRegistry::FromDirectory(dir);
      if (user.ok()) {
        return std::move(user).value().release();
      }
    }
    // The embedded data is checked line by line by resources_tests (FromData); here only its
    // header is read, and types are looked up in the index text when asked for.
    auto embedded =
        ResourceTypeRegistry::FromVerifiedData(EmbeddedSchemaIndex(), EmbeddedSchemaBlob());
    CFNX_CHECK(embedded.ok());
    return std::move(embedded).value().release();
  }();
  return *registry;
}

const AttributeSchemas& DefaultAttributeSchemas() {
  static const AttributeSchemas* schemas = [] {
    auto parsed = AttributeSchemas::FromJsonLines(EmbeddedAttributeSchemas());
    CFNX_CHECK(parsed.ok());
    return std::move(parsed).value().release();
  }();
  return *schemas;
}

const ExtensionSchemas& DefaultExtensionSchemas() {
  static const ExtensionSchemas* schemas = [] {
    auto parsed = ExtensionSchemas::FromJsonLines(EmbeddedExtensionSchemas());
    CFNX_CHECK(parsed.ok());
    return std::move(parsed).value().release();
  }();
  return *schemas;
}

}  // namespace cfnx
