// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `FunctionRegistry` maps each intrinsic function (FnKind) to the code that evaluates it. The
// core evaluator knows no function: functions/ implements them and `RegisterBuiltinFunctions`
// (functions/register.h) fills a registry explicitly, which engine/api hands to the Evaluator.
//
// A function receives the call node, the call's template path and the Evaluator. It evaluates
// its arguments through `ev.Evaluate(...)` (lazily: Fn::If evaluates only the chosen branch),
// checks their shapes, reports problems with `ev.Fail(...)` and returns a Value: known, Unknown
// with the residual call when an argument is unknown, or Error.

#ifndef CFNX_ENGINE_EVAL_FUNCTION_REGISTRY_H_
#define CFNX_ENGINE_EVAL_FUNCTION_REGISTRY_H_

#include <array>

#include "engine/ast/node.h"
#include "engine/eval/value.h"

namespace cfnx {

class Evaluator;
class EvalPath;

// `path` is the path of the call itself; its arguments sit at `path.Child(FnName(call.fn()))`.
using FunctionImpl = Value (*)(const FnCallNode& call, const EvalPath& path, Evaluator& ev);

class FunctionRegistry {
 public:
  // Registers (or replaces) the implementation of `fn`.
  void Register(FnKind fn, FunctionImpl impl) { table_[static_cast<size_t>(fn)] = impl; }
  // nullptr when nothing is registered for `fn`.
  FunctionImpl Find(FnKind fn) const { return table_[static_cast<size_t>(fn)]; }

 private:
  std::array<FunctionImpl, static_cast<size_t>(FnKind::kValueOfAll) + 1> table_{};
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_FUNCTION_REGISTRY_H_
