// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Linked into the executables that carry the AWS backend (engine/backend/aws/).

#include "engine/cli/aws_flags.h"

namespace cfnx {

bool AwsBackendLinked() {
  return true;
}

}  // namespace cfnx
