// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Custom resources: types CloudFormation hands to a service token (a Lambda function or an SNS
// topic) instead of a resource provider.

#ifndef CFNX_ENGINE_MODEL_CUSTOM_RESOURCE_H_
#define CFNX_ENGINE_MODEL_CUSTOM_RESOURCE_H_

#include <string_view>

namespace cfnx {

// "Custom::Anything" or AWS::CloudFormation::CustomResource.
inline bool IsCustomResourceType(std::string_view type) {
  return type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource";
}

}  // namespace cfnx

#endif  // CFNX_ENGINE_MODEL_CUSTOM_RESOURCE_H_
