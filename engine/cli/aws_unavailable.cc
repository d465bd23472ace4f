// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Linked into a `cfnx` built without the AWS backend (the fully static one, or CFNX_AWS=OFF):
// `--backend aws` runs `cfnx-aws` from the same directory (engine/cli/main.cc); when that is
// missing, opening the backend says so.

#include "engine/cli/aws_flags.h"

namespace cfnx {

bool AwsBackendLinked() {
  return false;
}

ErrorOr<std::unique_ptr<AwsBackend>> OpenAwsBackend(const AwsBackendOptions&) {
  return Error{
      "this cfnx was built without the AWS backend and no cfnx-aws executable is beside it; "
      "build with -DCFNX_AWS=ON (libcurl4-openssl-dev, libssl-dev, libpugixml-dev)"};
}

}  // namespace cfnx
