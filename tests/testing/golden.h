// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden-file helpers for tests. `CompareGolden(path, actual)` compares `actual` with the file
// at `path` (relative to the source tree), and with CFNX_UPDATE_GOLDENS=1 in the environment
// rewrites the file instead. `ListGoldenCases(dir, suffix)` scans a folder under tests/golden/
// for inputs, for INSTANTIATE_TEST_SUITE_P; `GoldenCaseName` turns a relative path into a
// GoogleTest-safe name.

#ifndef CFNX_TESTS_TESTING_GOLDEN_H_
#define CFNX_TESTS_TESTING_GOLDEN_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace cfnx::testing {

// Absolute path of a file in the source tree.
std::string SourcePath(const std::string& relative);
// Reads a whole file; "" if it cannot be read.
std::string ReadFileOrEmpty(const std::string& path);
// Compares `actual` with the golden file at `relative` (rewrites it when CFNX_UPDATE_GOLDENS=1).
::testing::AssertionResult CompareGolden(const std::string& relative, const std::string& actual);
// Files under tests/golden/<dir> whose names end with one of `suffixes`, relative to
// tests/golden/, sorted.
std::vector<std::string> ListGoldenCases(const std::string& dir,
                                         const std::vector<std::string>& suffixes);
// "parse/error_tab.yaml" -> "parse_error_tab_yaml".
std::string GoldenCaseName(const std::string& relative);

}  // namespace cfnx::testing

#endif  // CFNX_TESTS_TESTING_GOLDEN_H_
