// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The implementations of CloudFormation's intrinsic functions, one file (or tight family) each.
// They are registered explicitly by RegisterBuiltinFunctions (functions/register.h); nothing
// else should call them directly except their tests. Every one follows FunctionImpl's contract
// (engine/eval/function_registry.h): known value, Unknown residual, or Error after a diagnostic.
// Documentation:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

#ifndef CFNX_FUNCTIONS_FUNCTIONS_H_
#define CFNX_FUNCTIONS_FUNCTIONS_H_

#include "engine/eval/evaluator.h"
#include "engine/eval/function_registry.h"

namespace cfnx {

Value EvaluateRef(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateGetAtt(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateSub(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateJoin(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateSelect(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateSplit(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateFindInMap(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateBase64(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateCidr(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateGetAZs(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateImportValue(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateGetStackOutput(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
// Condition functions (condition_functions.cc).
Value EvaluateIf(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateEquals(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateAnd(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateOr(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateNot(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateCondition(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
// AWS::LanguageExtensions.
Value EvaluateLength(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateToJsonString(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
// Rules-only functions (rules_functions.cc).
Value EvaluateContains(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateEachMemberEquals(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateEachMemberIn(const FnCallNode& call, const EvalPath& path, Evaluator& ev);
Value EvaluateAccountData(const FnCallNode& call, const EvalPath& path, Evaluator& ev);

// Fn::Cidr's computation, exposed for its vector test: the first `count` subnets with
// `cidr_bits` host bits of `ip_block` ("10.0.0.0/16" or an IPv6 block), or false with `*error`.
bool ComputeCidr(std::string_view ip_block, int count, int cidr_bits, std::vector<std::string>* out,
                 std::string* error);

// Fn::GetAZs's table: the zones of `region`; false when the region is unknown.
bool AvailabilityZones(std::string_view region, std::vector<std::string>* out);

}  // namespace cfnx

#endif  // CFNX_FUNCTIONS_FUNCTIONS_H_
