// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `RenderTemplate` is what `cfnx render` prints: the processed template with conditions
// applied (resources and outputs whose Condition is false are gone, a true Condition attribute
// is dropped, an unknown one kept), every function that can be evaluated replaced by its value
// and the rest left as the (partly evaluated) function expression. Parameters, Mappings and
// Rules are kept as written; Conditions keeps only those whose value is unknown (residual
// Fn::If expressions still name them). NoEcho values print as "****".

#ifndef CFNX_ENGINE_EVAL_RENDER_H_
#define CFNX_ENGINE_EVAL_RENDER_H_

#include "engine/ast/json_convert.h"
#include "engine/eval/evaluator.h"

namespace cfnx {

// Renders `ev`'s template; diagnostics from evaluation go to `ev`'s sink.
OrderedJson RenderTemplate(Evaluator& ev);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_RENDER_H_
