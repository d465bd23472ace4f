// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The reference's Resource.from_dict check on a template resource an event rewrites (an S3
// event's bucket, a Cognito event's user pool): it must have its `Type`, and exactly the
// expected one (samtranslator/model/__init__.py, _validate_resource_dict).

#ifndef CFNX_TRANSFORMS_SAM_FROM_DICT_H_
#define CFNX_TRANSFORMS_SAM_FROM_DICT_H_

#include <string>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

inline Status ExpectResourceType(const std::string& logical_id, const Json& resource,
                                 const char* expected) {
  const Json* type = resource.is_object() ? Get(resource, "Type") : nullptr;
  if (type == nullptr)
    return ResourceError(logical_id, "Resource dict missing key 'Type'.");
  if (!type->is_string() || type->get<std::string>() != expected)
    return ResourceError(logical_id, std::string("Resource has incorrect Type; expected '") +
                                         expected + "', got '" + PyStr(*type) + "'");
  return Ok();
}

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_FROM_DICT_H_
