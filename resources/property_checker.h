// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Checks a template's resources against the resource type registry (resources/registry.h):
//
//   * the type exists, and exists in the target region (E3006, with "did you mean");
//   * each property: known (E3002), required ones present (E3003), type (E3012), allowed values
//     (E3030), pattern (E3031; I3031 when RE2 cannot run it), array length (E3032), string length
//     (E3033), number range (E3034), nested objects through `$ref`, anyOf/oneOf (E3017/E3018,
//     naming what would match), read-only properties set (E3040);
//   * `Fn::GetAtt` (and `${Res.Attr}` in Fn::Sub) attribute names (E1010; get_att_checker.h);
//   * the CreationPolicy (E3055) and UpdatePolicy (E3016) attributes against their schemas
//     (attribute_schemas.h), with the same walk as properties: UpdatePolicy only on the types
//     that take one.
//
// `CheckLambdaRuntimes` reports Lambda functions on a runtime that can no longer be updated
// (E2533). It runs on templates whose SAM transform is not expanded too: it reads
// AWS::Serverless::Function and SAM's Globals as well as AWS::Lambda::Function.
//
// Values written as intrinsic functions are checked by the type the function yields: Fn::Join,
// Fn::Sub, Fn::Base64 give a string, Fn::GetAZs, Fn::Split, Fn::Cidr a list, Ref a parameter's
// type (List<...> and CommaDelimitedList give a list) or a string, Fn::GetAtt the attribute's
// schema type, Fn::If each branch; `Ref: AWS::NoValue` removes the property. Values only known at
// deploy time are never checked against enum, pattern or ranges. Dynamic references
// (`{{resolve:...}}`) are only type-checked.
//
// Custom resources (`Custom::*`, AWS::CloudFormation::CustomResource) take any properties but
// need ServiceToken, and expose any attribute; nested stacks (AWS::CloudFormation::Stack) expose
// `Outputs.<Name>`. SAM types (`AWS::Serverless::*`) are left to the SAM transform. Every
// diagnostic points at the property's key (or list item) and carries the full template path.

#ifndef CFNX_RESOURCES_PROPERTY_CHECKER_H_
#define CFNX_RESOURCES_PROPERTY_CHECKER_H_

#include <string>

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"
#include "resources/attribute_schemas.h"
#include "resources/registry.h"

namespace cfnx {

struct ResourceCheckOptions {
  std::string region = "us-east-1";
  // Today as YYYY-MM-DD, for runtime end-of-support dates; "" = the system clock (UTC).
  std::string today;
  // CreationPolicy/UpdatePolicy schemas; nullptr = those attributes are not checked.
  const AttributeSchemas* attributes = nullptr;
};

// Reports every problem of `t`'s resources to `diags`; never stops at the first.
void CheckResources(const Template& t, const ResourceTypeRegistry& registry,
                    const ResourceCheckOptions& options, DiagnosticSink& diags);

// Lambda runtimes past their end of support (see above).
void CheckLambdaRuntimes(const Template& t, const ResourceCheckOptions& options,
                         DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_PROPERTY_CHECKER_H_
