// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The grammar of an Fn::Sub template string: which `${Name}` variables it names. One definition
// for every pass that reads Fn::Sub (the dependency graph, reference checks, the evaluator, the
// planner), so they agree on `${!Literal}` escapes and spaces around names.
//   for (const SubVariable& v : ParseSubVariables("arn:${AWS::Partition}:s3:::${Bucket}")) ...

#ifndef CFNX_ENGINE_MODEL_SUB_VARIABLES_H_
#define CFNX_ENGINE_MODEL_SUB_VARIABLES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cfnx {

// One `${...}` variable of an Fn::Sub template string: its name (without `${` `}`) and offset of
// `$`.
struct SubVariable {
  std::string name;
  size_t offset;
};
// The variables of an Fn::Sub template string. `${!Literal}` escapes are skipped. Sets
// `*unterminated` to the offset of a `${` without its `}` (or npos).
std::vector<SubVariable> ParseSubVariables(std::string_view text, size_t* unterminated = nullptr);

}  // namespace cfnx

#endif  // CFNX_ENGINE_MODEL_SUB_VARIABLES_H_
