// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::Application -> AWS::CloudFormation::Stack.

#include "transforms/sam/sam.h"

namespace cfnx::sam {

Status TranslateApplication(SamResource& r, Context& /*ctx*/, GeneratedList* /*out*/) {
  return UnsupportedError(r.logical_id,
                          "cfnx does not expand AWS::Serverless::Application resources yet");
}

}  // namespace cfnx::sam
