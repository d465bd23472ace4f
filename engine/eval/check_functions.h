// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The static function checks `cfnx validate` runs (CheckFunctions): every intrinsic function
// of Conditions, Resources, Outputs and Rules is evaluated symbolically (parameters and
// deployment-specific pseudo parameters unknown, so what is reported holds for every
// deployment) and reports argument counts and shapes, Fn::Select out of range and Fn::FindInMap
// keys when known, Fn::ImportValue depending on a resource, functions nested
// where CloudFormation rejects them, Output values that are not strings, and Ref / GetAtt /
// DependsOn to a resource whose Condition can be false while the referrer exists (W1001).
// Names that do not resolve are left to CheckReferences (no duplicates).

#ifndef CFNX_ENGINE_EVAL_CHECK_FUNCTIONS_H_
#define CFNX_ENGINE_EVAL_CHECK_FUNCTIONS_H_

#include "cfnx/diagnostic.h"
#include "engine/eval/evaluator.h"
#include "engine/eval/function_registry.h"
#include "engine/model/template.h"

namespace cfnx {

// `options` gives region, account and any parameter values the user passed; the symbolic and
// name-resolution settings are forced.
void CheckFunctions(const Template& t, const FunctionRegistry& functions, EvalOptions options,
                    DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_CHECK_FUNCTIONS_H_
