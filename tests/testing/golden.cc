// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "tests/testing/golden.h"

#include "tests/testing/paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cfnx::testing {

std::string SourcePath(const std::string& relative) {
  return SourceDir() + "/" + relative;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

::testing::AssertionResult CompareGolden(const std::string& relative, const std::string& actual) {
  std::string path = SourcePath(relative);
  const char* update = std::getenv("CFNX_UPDATE_GOLDENS");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    return ::testing::AssertionSuccess() << "updated " << relative;
  }
  std::ifstream probe(path);
  if (!probe) {
    return ::testing::AssertionFailure()
           << "golden file " << relative << " is missing (run with CFNX_UPDATE_GOLDENS=1)\n"
           << "actual:\n"
           << actual;
  }
  std::string expected = ReadFileOrEmpty(path);
  if (expected == actual) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "golden " << relative << " differs\n--- expected\n"
                                       << expected << "+++ actual\n"
                                       << actual;
}

std::vector<std::string> ListGoldenCases(const std::string& dir,
                                         const std::vector<std::string>& suffixes) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  fs::path root = fs::path(SourceDir()) / "tests" / "golden";
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root / dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file())
      continue;
    std::string rel = fs::relative(it->path(), root).generic_string();
    for (const std::string& suffix : suffixes) {
      if (rel.size() >= suffix.size() &&
          rel.compare(rel.size() - suffix.size(), suffix.size(), suffix) == 0) {
        out.push_back(rel);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string GoldenCaseName(const std::string& relative) {
  std::string name;
  for (char c : relative) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

}  // namespace cfnx::testing
