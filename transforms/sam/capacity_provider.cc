// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::CapacityProvider -> AWS::Lambda::CapacityProvider (+ operator role).

#include "transforms/sam/sam.h"

namespace cfnx::sam {

Status TranslateCapacityProvider(SamResource& r, Context& /*ctx*/, GeneratedList* /*out*/) {
  return UnsupportedError(r.logical_id,
                          "cfnx does not expand AWS::Serverless::CapacityProvider resources yet");
}

}  // namespace cfnx::sam
