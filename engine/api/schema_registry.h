// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The resource type registry a run uses: the user's registry when one was imported with
// `cfnx schemas import` (in $CFNX_SCHEMAS_DIR, else ~/.cfnx/schemas), otherwise the registry
// embedded in the binary. Loaded once per process, on first use; loading reads only the index.

#ifndef CFNX_ENGINE_API_SCHEMA_REGISTRY_H_
#define CFNX_ENGINE_API_SCHEMA_REGISTRY_H_

#include <string>

#include "resources/attribute_schemas.h"
#include "resources/extension_schemas.h"
#include "resources/registry.h"

namespace cfnx {

// Where `cfnx schemas import` writes by default and the registry is looked for:
// $CFNX_SCHEMAS_DIR if set, else $HOME/.cfnx/schemas ("" when neither is set).
std::string DefaultUserSchemasDir();

// The registry of this process (see above). A user registry that does not load falls back to
// the embedded one.
const ResourceTypeRegistry& DefaultResourceTypeRegistry();

// The embedded CreationPolicy/UpdatePolicy schemas (schemas/cfn/attributes.jsonl).
const AttributeSchemas& DefaultAttributeSchemas();

// The embedded extension schemas (schemas/cfn/extensions.jsonl); only line headers are read.
const ExtensionSchemas& DefaultExtensionSchemas();

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_SCHEMA_REGISTRY_H_
