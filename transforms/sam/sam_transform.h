// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless-2016-10-31: expands SAM resources into CloudFormation, producing the same
// template (resources, logical ids, properties) and the same error messages as the reference
// translator (aws-sam-translator). Registered by transforms/register.cc.

#ifndef CFNX_TRANSFORMS_SAM_SAM_TRANSFORM_H_
#define CFNX_TRANSFORMS_SAM_SAM_TRANSFORM_H_

#include <memory>

#include "transforms/transform.h"

namespace cfnx {

std::unique_ptr<Transform> MakeSamTransform();

}  // namespace cfnx

#endif  // CFNX_TRANSFORMS_SAM_SAM_TRANSFORM_H_
