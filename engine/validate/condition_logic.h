// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Which combinations of a template's conditions can hold at once, offline. Checks that compare
// resources (two resources that would take the same name) must not report a clash between
// resources that never exist together, such as one under `IsUsEast1` and one under
// `!Not [!Condition IsUsEast1]`. Conditions are boolean formulas (Fn::And, Fn::Or, Fn::Not,
// Condition) over Fn::Equals atoms; an atom comparing a Ref (a parameter or pseudo parameter)
// with a literal can be true for one literal per Ref only, and an atom of two literals is
// constant. The question is answered by trying every assignment of the atoms involved.

#ifndef CFNX_ENGINE_VALIDATE_CONDITION_LOGIC_H_
#define CFNX_ENGINE_VALIDATE_CONDITION_LOGIC_H_

#include <string>
#include <utility>
#include <vector>

#include "engine/model/template.h"

namespace cfnx {

// A condition name and the value it is assumed to have.
using ConditionAssumption = std::pair<std::string, bool>;

// One way a value can turn out once the Fn::Ifs at its top are decided, and the conditions
// that decide it that way (outermost first).
struct IfAlternative {
  const Node* value;
  std::vector<ConditionAssumption> when;
};

// The alternatives of `value`: itself when it is not an Fn::If, otherwise each branch's
// alternatives, recursively. {"Ref": "AWS::NoValue"} branches are dropped (no value at all);
// an Fn::If whose shape is wrong yields nothing (the function checks report it).
std::vector<IfAlternative> IfAlternatives(const Node* value,
                                          std::vector<ConditionAssumption> when = {});

class ConditionLogic {
 public:
  explicit ConditionLogic(const Template& t) : t_(t) {}

  // Whether some choice of the template's inputs makes every assumption hold at once. What it
  // cannot analyse (an unknown condition name, a circular condition, more than 16 atoms) counts
  // as satisfiable, so callers err towards reporting.
  bool Satisfiable(const std::vector<ConditionAssumption>& assumptions) const;

 private:
  const Template& t_;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_VALIDATE_CONDITION_LOGIC_H_
