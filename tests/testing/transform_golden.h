// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden runner for transform cases (tests/golden/transforms/<transform>/). For each input
// `<case>.yaml|json`:
//   * `<case>.options.json` (optional) sets CompileOptions: {"parameters": {"K": "V"},
//     "region": ..., "account_id": ..., "s3_root": ..., "include_map": ...,
//     "macros": {"NAME": "COMMAND"}} (commands run in tests/golden/);
//   * `cfnx transform` output is compared with `<case>.expected.json` (when there is output);
//   * `cfnx validate` diagnostics, rendered as text, are compared with `<case>.expected.diag`.
// Cases named `error_*` must report an error; others none. Paths (case files, s3_root,
// include_map, local include locations) are relative to tests/golden/, which the runner makes
// the working directory so rendered file names are machine-independent.

#ifndef CFNX_TESTS_TESTING_TRANSFORM_GOLDEN_H_
#define CFNX_TESTS_TESTING_TRANSFORM_GOLDEN_H_

#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "engine/diag/render.h"
#include "tests/testing/golden.h"

namespace cfnx::testing {

inline CompileOptions TransformGoldenOptions(const std::string& stem) {
  CompileOptions options;
  // Golden expectations show every finding, informational ones too.
  options.checks.include_checks = {"I"};
  std::string text = ReadFileOrEmpty(stem + ".options.json");
  if (text.empty())
    return options;
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    ADD_FAILURE() << stem << ".options.json is not a JSON object";
    return options;
  }
  if (json.contains("parameters")) {
    for (const auto& [k, v] : json["parameters"].items())
      options.parameters[k] = v.get<std::string>();
  }
  auto set = [&](const char* key, std::string* field) {
    if (json.contains(key))
      *field = json[key].get<std::string>();
  };
  set("region", &options.region);
  set("account_id", &options.account_id);
  set("s3_root", &options.s3_root);
  set("include_map", &options.include_map);
  if (json.contains("macros")) {
    for (const auto& [k, v] : json["macros"].items())
      options.macros[k] = v.get<std::string>();
  }
  return options;
}

// Inputs directly under tests/golden/<dir> (not in subfolders, which hold included snippets),
// without the .expected.json / .options.json companions.
inline std::vector<std::string> ListTransformCases(const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& rel : ListGoldenCases(dir, {".yaml", ".json"})) {
    auto ends_with = [&](std::string_view suffix) {
      return rel.size() >= suffix.size() &&
             rel.compare(rel.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (rel.find('/', dir.size() + 1) != std::string::npos || ends_with(".expected.json") ||
        ends_with(".options.json"))
      continue;
    out.push_back(rel);
  }
  return out;
}

// Runs one case; `rel` is relative to tests/golden/.
inline void RunTransformGolden(const std::string& rel) {
  std::string golden_dir = SourcePath("tests/golden");
  ASSERT_EQ(chdir(golden_dir.c_str()), 0) << golden_dir;
  std::string stem = rel.substr(0, rel.rfind('.'));
  CompileOptions options = TransformGoldenOptions(stem);
  std::string text = ReadFileOrEmpty(rel);
  bool error_case = rel.find("/error_") != std::string::npos;
  {
    Compiler compiler(options);
    FileId file = compiler.AddSource(rel, text);
    Compiler::TransformOutput out = compiler.TransformTemplate(file);
    if (!out.json.empty()) {
      EXPECT_TRUE(CompareGolden("tests/golden/" + stem + ".expected.json", out.json));
    } else {
      EXPECT_TRUE(error_case) << "transform produced no output:\n"
                              << RenderDiagnostics(out.result.diagnostics, compiler.sources(),
                                                   DiagnosticFormat::kText);
    }
  }
  Compiler compiler(options);
  FileId file = compiler.AddSource(rel, text);
  CompileResult result = compiler.Validate(file);
  std::string diag =
      RenderDiagnostics(result.diagnostics, compiler.sources(), DiagnosticFormat::kText);
  EXPECT_TRUE(CompareGolden("tests/golden/" + stem + ".expected.diag", diag));
  EXPECT_EQ(result.has_errors(), error_case)
      << (error_case ? "error_ cases must report an error" : "non-error cases must be clean");
}

}  // namespace cfnx::testing

#endif  // CFNX_TESTS_TESTING_TRANSFORM_GOLDEN_H_
