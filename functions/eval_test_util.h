// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Test helper for functions/: loads a template from text, builds an Evaluator with the builtin
// functions, and evaluates the Value of output `Out`, giving compact JSON and the diagnostic
// codes reported (construction and evaluation), e.g. {"\"a-b\"", ""} or {"null", "E1017"}.

#ifndef CFNX_FUNCTIONS_EVAL_TEST_UTIL_H_
#define CFNX_FUNCTIONS_EVAL_TEST_UTIL_H_

#include <string>

#include "engine/eval/evaluator.h"

namespace cfnx::testing {

struct EvalResult {
  std::string json;   // compact JSON of the value ("null" for Error)
  std::string codes;  // diagnostic codes, space-separated, in report order
  std::string messages;
};

// Evaluates Outputs.Out.Value of the template `text` (YAML or JSON).
EvalResult EvalOutput(const std::string& text, EvalOptions options = {});

// Builds an Evaluator over `text` and runs its Rules check.
EvalResult CheckRules(const std::string& text, EvalOptions options = {});

// Evaluates `expr` (YAML) as Outputs.Out.Value of a template with `sections` (YAML, may be
// empty) and a resource `Bucket` (AWS::S3::Bucket) if `sections` declares no Resources.
EvalResult EvalExpr(const std::string& expr, const std::string& sections = "",
                    EvalOptions options = {});

}  // namespace cfnx::testing

#endif  // CFNX_FUNCTIONS_EVAL_TEST_UTIL_H_
