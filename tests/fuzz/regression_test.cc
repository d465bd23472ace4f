// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Every input under tests/fuzz/regressions/<harness>/ (crashes the fuzzers found, minimized)
// and tests/fuzz/seeds/<harness>/ runs through its harness, built here without libFuzzer. A
// harness aborts on a broken invariant, so a regression that comes back fails this binary.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/fuzz/fuzz_target.h"
#include "tests/fuzz/tree_mutator.h"
#include "tests/testing/paths.h"

namespace cfnx::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(cfnx::testing::SourceDir()) / "tests" / "fuzz";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "<harness>/<file>" for every file under `dir`/<harness>/, sorted.
std::vector<std::string> Inputs(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& harness : fs::directory_iterator(kFuzzDir / dir, ec)) {
    if (!harness.is_directory())
      continue;
    for (const auto& file : fs::recursive_directory_iterator(harness.path())) {
      if (file.is_regular_file())
        out.push_back(fs::relative(file.path(), kFuzzDir / dir).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void RunInput(const std::string& dir, const std::string& rel) {
  std::string harness = rel.substr(0, rel.find('/'));
  auto it = Targets().find(harness);
  ASSERT_NE(it, Targets().end()) << "tests/fuzz/" << dir << "/" << harness
                                 << "/ names no harness (CFNX_FUZZ_TARGET)";
  std::string bytes = ReadBytes(kFuzzDir / dir / rel);
  it->second(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

class FuzzRegressionTest : public ::testing::TestWithParam<std::string> {};
TEST_P(FuzzRegressionTest, RunsThroughItsHarness) {
  RunInput("regressions", GetParam());
}
INSTANTIATE_TEST_SUITE_P(Regressions, FuzzRegressionTest,
                         ::testing::ValuesIn(Inputs("regressions")), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegressionTest);

class FuzzSeedTest : public ::testing::TestWithParam<std::string> {};
TEST_P(FuzzSeedTest, RunsThroughItsHarness) {
  RunInput("seeds", GetParam());
}
INSTANTIATE_TEST_SUITE_P(Seeds, FuzzSeedTest, ::testing::ValuesIn(Inputs("seeds")), TestName);

// Every harness has seeds, and every harness of tests/fuzz/ is linked into this binary.
TEST(FuzzHarnessTest, EveryHarnessHasSeeds) {
  EXPECT_GE(Targets().size(), 11u);
  for (const auto& [name, fn] : Targets()) {
    EXPECT_TRUE(fs::is_directory(kFuzzDir / "seeds" / name)) << "no tests/fuzz/seeds/" << name;
  }
}

// The structure-aware mutator keeps a template a template: its mutants parse as JSON, keep the
// other parts of the input, and differ from the input.
TEST(TreeMutatorTest, MutantsAreTemplatesWithTheOtherPartsKept) {
  std::string input = ReadBytes(kFuzzDir / "seeds" / "planner" / "update_with_state.yaml");
  std::vector<std::string_view> parts = SplitParts(input);
  ASSERT_EQ(parts.size(), 2u);
  int changed = 0;
  for (unsigned int seed = 0; seed < 200; ++seed) {
    std::optional<std::string> mutant = MutateTemplateTree(input, seed);
    if (!mutant.has_value())
      continue;
    std::vector<std::string_view> mutant_parts = SplitParts(*mutant);
    ASSERT_EQ(mutant_parts.size(), 2u) << *mutant;
    EXPECT_EQ(mutant_parts[1], parts[1]);
    EXPECT_TRUE(nlohmann::ordered_json::accept(mutant_parts[0])) << *mutant;
    changed += mutant_parts[0] != parts[0];
  }
  EXPECT_GT(changed, 150);
}

}  // namespace
}  // namespace cfnx::fuzz
