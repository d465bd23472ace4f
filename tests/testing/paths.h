// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Where tests find the source tree (goldens, examples, ../shared) and the build tree (the cfnx
// binary they run).
//   std::string golden = cfnx::testing::SourceDir() + "/tests/golden/aws/sigv4_vectors.json";
//
// The absolute paths live in one translation unit (paths.cc) rather than in a -D flag on every
// test: that way every other test object compiles to the same bytes in every checkout, and
// ccache shares it between clones (CI builds a fresh clone each time).

#ifndef CFNX_TESTS_TESTING_PATHS_H_
#define CFNX_TESTS_TESTING_PATHS_H_

#include <string>

namespace cfnx::testing {

// The project's source directory (CMake's PROJECT_SOURCE_DIR), without a trailing slash.
const std::string& SourceDir();

// The project's build directory (CMake's PROJECT_BINARY_DIR), without a trailing slash.
const std::string& BinaryDir();

}  // namespace cfnx::testing

#endif  // CFNX_TESTS_TESTING_PATHS_H_
