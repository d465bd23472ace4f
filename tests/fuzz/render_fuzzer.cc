// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx render`: the evaluator over the processed template (parameters from their defaults,
// conditions, every intrinsic function that can be evaluated offline). The rendered template
// is valid JSON when there is one.

#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "tests/fuzz/fuzz_target.h"
#include "tests/fuzz/tree_mutator.h"

CFNX_FUZZ_TARGET(render) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  cfnx::CompileOptions options;
  options.stack_name = "fuzz";
  options.exports = std::map<std::string, std::string>{{"SharedVpc", "vpc-123"},
                                                       {"SharedSubnets", "subnet-1,subnet-2"}};
  cfnx::Compiler compiler(options);
  cfnx::FileId file = compiler.AddSource("template.yaml", std::string(text));
  cfnx::Compiler::TransformOutput out = compiler.Render(file);
  if (!out.json.empty()) {
    cfnx::fuzz::Check(nlohmann::json::accept(out.json), "render output is not JSON", text);
  }
  return 0;
}

CFNX_FUZZ_TREE_MUTATOR()
