// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "functions/register.h"

#include "functions/functions.h"

namespace cfnx {

void RegisterBuiltinFunctions(FunctionRegistry& r) {
  r.Register(FnKind::kRef, EvaluateRef);
  r.Register(FnKind::kGetAtt, EvaluateGetAtt);
  r.Register(FnKind::kSub, EvaluateSub);
  r.Register(FnKind::kJoin, EvaluateJoin);
  r.Register(FnKind::kSelect, EvaluateSelect);
  r.Register(FnKind::kSplit, EvaluateSplit);
  r.Register(FnKind::kFindInMap, EvaluateFindInMap);
  r.Register(FnKind::kBase64, EvaluateBase64);
  r.Register(FnKind::kCidr, EvaluateCidr);
  r.Register(FnKind::kGetAZs, EvaluateGetAZs);
  r.Register(FnKind::kImportValue, EvaluateImportValue);
  r.Register(FnKind::kGetStackOutput, EvaluateGetStackOutput);
  r.Register(FnKind::kIf, EvaluateIf);
  r.Register(FnKind::kEquals, EvaluateEquals);
  r.Register(FnKind::kAnd, EvaluateAnd);
  r.Register(FnKind::kOr, EvaluateOr);
  r.Register(FnKind::kNot, EvaluateNot);
  r.Register(FnKind::kCondition, EvaluateCondition);
  r.Register(FnKind::kLength, EvaluateLength);
  r.Register(FnKind::kToJsonString, EvaluateToJsonString);
  r.Register(FnKind::kContains, EvaluateContains);
  r.Register(FnKind::kEachMemberEquals, EvaluateEachMemberEquals);
  r.Register(FnKind::kEachMemberIn, EvaluateEachMemberIn);
  r.Register(FnKind::kRefAll, EvaluateAccountData);
  r.Register(FnKind::kValueOf, EvaluateAccountData);
  r.Register(FnKind::kValueOfAll, EvaluateAccountData);
}

const FunctionRegistry& BuiltinFunctions() {
  static const FunctionRegistry* registry = [] {
    auto* r = new FunctionRegistry();
    RegisterBuiltinFunctions(*r);
    return r;
  }();
  return *registry;
}

}  // namespace cfnx
