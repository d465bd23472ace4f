// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `Fn::GetAtt` attribute names (and `${Resource.Attribute}` in Fn::Sub) against the resource
// type registry: E1010 with "did you mean", or the attributes a type has when it has few.
// Custom resources, SAM types, modules and nested stacks' `Outputs.<Name>` take any name.

#ifndef CFNX_RESOURCES_GET_ATT_CHECKER_H_
#define CFNX_RESOURCES_GET_ATT_CHECKER_H_

#include <string>
#include <string_view>

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"
#include "resources/registry.h"

namespace cfnx {

// The logical id and attribute of a GetAtt whose arguments are literal strings (the list form,
// or "Resource.Attribute"); `attribute_node` (if not null) gets the node naming the attribute.
bool GetAttNames(const FnCallNode* fn, std::string* resource, std::string* attribute,
                 const Node** attribute_node);

// Checks every GetAtt in `t`'s resources and outputs.
void CheckGetAttAttributes(const Template& t, const ResourceTypeRegistry& registry,
                           std::string_view region, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_GET_ATT_CHECKER_H_
