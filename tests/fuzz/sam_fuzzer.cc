// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx transform` of SAM templates (AWS::Serverless-2016-10-31): the processed template, when
// there is one, is valid JSON and has no Serverless resource left. Inputs that do not name the
// transform are not kept (they would only exercise the loader).

#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "tests/fuzz/fuzz_target.h"
#include "tests/fuzz/tree_mutator.h"

CFNX_FUZZ_TARGET(sam) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  if (text.find("Serverless") == std::string_view::npos)
    return -1;
  cfnx::CompileOptions options;
  options.region = "eu-west-1";
  options.stack_name = "fuzz";
  cfnx::Compiler compiler(options);
  cfnx::FileId file = compiler.AddSource("template.yaml", std::string(text));
  cfnx::Compiler::TransformOutput out = compiler.TransformTemplate(file);
  if (!out.json.empty()) {
    cfnx::fuzz::Check(nlohmann::json::accept(out.json), "transform output is not JSON", text);
  }
  return 0;
}

CFNX_FUZZ_TREE_MUTATOR()
