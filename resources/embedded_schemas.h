// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The schema registry committed in schemas/cfn/, embedded in the binary. Defined by the
// `cfnx_schemas` library (a .cc generated in the build tree that `.incbin`s the two files, so
// building it costs nothing and start-up maps nothing: the bytes are in .rodata).
//
//   auto registry = cfnx::ResourceTypeRegistry::FromData(cfnx::EmbeddedSchemaIndex(),
//                                                        cfnx::EmbeddedSchemaBlob());
//
// Link `cfnx_schemas` to use these; `cfnx_resources` itself does not depend on it.

#ifndef CFNX_RESOURCES_EMBEDDED_SCHEMAS_H_
#define CFNX_RESOURCES_EMBEDDED_SCHEMAS_H_

#include <string_view>

namespace cfnx {

// schemas/cfn/index.txt and schemas/cfn/resources.jsonl, as built into the binary.
std::string_view EmbeddedSchemaIndex();
std::string_view EmbeddedSchemaBlob();
// schemas/cfn/attributes.jsonl (resources/attribute_schemas.h).
std::string_view EmbeddedAttributeSchemas();
// schemas/cfn/extensions.jsonl (resources/extension_schemas.h).
std::string_view EmbeddedExtensionSchemas();

}  // namespace cfnx

#endif  // CFNX_RESOURCES_EMBEDDED_SCHEMAS_H_
