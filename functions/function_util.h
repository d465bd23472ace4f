// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Helpers shared by the intrinsic function implementations: argument shape checks that report
// with the function's cfn-lint rule id, and the residual (Unknown) a function returns when
// one of its arguments is known only after deployment.

#ifndef CFNX_FUNCTIONS_FUNCTION_UTIL_H_
#define CFNX_FUNCTIONS_FUNCTION_UTIL_H_

#include <string>
#include <string_view>

#include "engine/eval/evaluator.h"
#include "engine/eval/value.h"

namespace cfnx::internal {

// "'text'".
std::string Quote(std::string_view s);

// The list argument of `call` with between `min` and `max` items, or nullptr after reporting
// `code` ("Fn::Join takes [delimiter, list]: `shape`").
const ListNode* ListArgs(const FnCallNode& call, const EvalPath& args_path, Evaluator& ev,
                         DiagCode code, size_t min, size_t max, std::string_view shape);

// For a call whose list argument had too many items (ListArgs reported it): reports `code` at
// the second item when it is a string written out, where `fn` takes its list of values (cfn-lint
// validates each item of a list of the wrong length too: "'x' is not of type 'array'").
void ReportStringForList(const FnCallNode& call, const EvalPath& args_path, Evaluator& ev,
                         DiagCode code, std::string_view fn);

// The residual of a call whose arguments are `args` (some unknown): Unknown(fn, args).
Value Residual(const FnCallNode& call, Value args);

// `error` when any of the values is an error; used to stay quiet after a diagnosed problem.
inline bool AnyError(std::initializer_list<const Value*> values) {
  for (const Value* v : values) {
    if (v->has_error())
      return true;
  }
  return false;
}

// Whether any value is sensitive (derived from a NoEcho parameter).
inline bool AnySensitive(std::initializer_list<const Value*> values) {
  for (const Value* v : values) {
    if (v->sensitive())
      return true;
  }
  return false;
}

// Describes a value for messages: "a list", "the string 'x'".
std::string Describe(const Value& v);

// Whether evaluating `node` depends on a resource (Ref/GetAtt of a resource, Sub variable
// naming one), looking through functions statically.
bool DependsOnResource(const Node* node, const Template& t);

}  // namespace cfnx::internal

#endif  // CFNX_FUNCTIONS_FUNCTION_UTIL_H_
