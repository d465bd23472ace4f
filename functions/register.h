// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Registers every intrinsic function cfnx evaluates into a FunctionRegistry, explicitly (no
// static self-registration, which static libraries silently drop).
//
//   FunctionRegistry functions;
//   RegisterBuiltinFunctions(functions);
//   Evaluator ev(model, functions, options, diags);

#ifndef CFNX_FUNCTIONS_REGISTER_H_
#define CFNX_FUNCTIONS_REGISTER_H_

#include "engine/eval/function_registry.h"

namespace cfnx {

void RegisterBuiltinFunctions(FunctionRegistry& registry);

// A process-wide registry with every builtin registered (built on first use, never freed).
const FunctionRegistry& BuiltinFunctions();

}  // namespace cfnx

#endif  // CFNX_FUNCTIONS_REGISTER_H_
