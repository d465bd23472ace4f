// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "tests/testing/paths.h"

namespace cfnx::testing {

const std::string& SourceDir() {
  static const std::string dir = CFNX_SOURCE_DIR;
  return dir;
}

const std::string& BinaryDir() {
  static const std::string dir = CFNX_BINARY_DIR;
  return dir;
}

}  // namespace cfnx::testing
