// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Condition functions:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
// Fn::If [condition, then, else] evaluates only the chosen branch (both, as a residual, when
// the condition is unknown); Fn::Equals compares two values as CloudFormation does (scalars by
// their text); Fn::And / Fn::Or take 2 to 10 conditions; Fn::Not one; {Condition: name}.

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {
namespace {

// Equality of evaluated values: scalars compare as text ("1" equals 1, true equals "true").
bool Equal(const Value& a, const Value& b) {
  if (a.is_scalar() && b.is_scalar())
    return a.as_string() == b.as_string();
  if (a.is_list() && b.is_list()) {
    if (a.list().size() != b.list().size())
      return false;
    for (size_t i = 0; i < a.list().size(); ++i) {
      if (!Equal(a.list()[i], b.list()[i]))
        return false;
    }
    return true;
  }
  return a == b;
}

// A condition operand: Bool, Unknown or Error (after reporting a non-boolean with `code`).
Value Operand(const Node* node, const EvalPath& path, Evaluator& ev, DiagCode code,
              std::string_view fn) {
  Value v = ev.Evaluate(node, path);
  if (v.has_error() || v.is_bool() || v.is_unknown())
    return v.has_error() ? Value::Error() : v;
  // cfn-lint and CloudFormation accept the strings "true"/"false" from a condition.
  if (v.is_string() && (v.as_string() == "true" || v.as_string() == "false"))
    return Value::Bool(v.as_string() == "true");
  return ev.Fail(code, node->range(), path,
                 std::string(fn) +
                     " takes conditions (condition functions or {Condition: name}); "
                     "got " +
                     internal::Describe(v) + ".");
}

Value AndOr(const FnCallNode& call, const EvalPath& path, Evaluator& ev, bool is_and) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  DiagCode code = is_and ? DiagCode::kE8004 : DiagCode::kE8006;
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, code, 2, 10, "a list of conditions");
  if (args == nullptr)
    return Value::Error();
  Value::List operands;
  bool unknown = false, error = false, decided = false;
  for (size_t i = 0; i < args->size(); ++i) {
    Value v = Operand(args->items()[i], args_path.Child(i), ev, code, FnName(call.fn()));
    error |= v.has_error();
    unknown |= v.is_unknown();
    if (v.is_bool() && v.as_bool() != is_and)
      decided = true;  // a false in And, a true in Or
    operands.push_back(std::move(v));
  }
  if (error)
    return Value::Error();
  if (decided)
    return Value::Bool(!is_and);
  if (unknown)
    return internal::Residual(call, Value::MakeList(std::move(operands)));
  return Value::Bool(is_and);
}

}  // namespace

Value EvaluateIf(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args = internal::ListArgs(call, args_path, ev, DiagCode::kE1028, 3, 3,
                                            "[condition name, value if true, value if false]");
  if (args == nullptr)
    return Value::Error();
  const auto* name = dyn_cast<StringNode>(args->items()[0]);
  if (name == nullptr) {
    return ev.Fail(DiagCode::kE1028, args->items()[0]->range(), args_path.Child(size_t{0}),
                   "The first argument of Fn::If must be the name of a condition.");
  }
  Value cond = ev.Condition(name->value(), name->range(), args_path.Child(size_t{0}));
  if (cond.has_error())
    return Value::Error();
  if (cond.is_bool()) {
    size_t branch = cond.as_bool() ? 1 : 2;
    return ev.Evaluate(args->items()[branch], args_path.Child(branch));
  }
  Value then_value = ev.Evaluate(args->items()[1], args_path.Child(1));
  Value else_value = ev.Evaluate(args->items()[2], args_path.Child(2));
  if (then_value.has_error() || else_value.has_error())
    return Value::Error();
  // A residual keeps AWS::NoValue branches as the Ref they were.
  auto keep = [](const Value& v) {
    return v.is_no_value() ? Value::Unknown(FnKind::kRef, Value::String("AWS::NoValue"), {}) : v;
  };
  return internal::Residual(
      call, Value::MakeList({Value::String(name->value()), keep(then_value), keep(else_value)}));
}

// A Ref to a parameter of a list type (CommaDelimitedList, List<...>, an SSM list): its value
// is a list whatever the parameter's value, which Fn::Equals cannot compare (cfn-lint's E1020:
// "{'Ref': 'P'} is not of type 'string'").
const Parameter* ListParameterRef(const Node* item, const Evaluator& ev) {
  const auto* fn = dyn_cast<FnCallNode>(item);
  const auto* name =
      fn != nullptr && fn->fn() == FnKind::kRef ? dyn_cast<StringNode>(fn->args()) : nullptr;
  const Parameter* p = name != nullptr ? ev.tmpl().FindParameter(name->value()) : nullptr;
  if (p == nullptr)
    return nullptr;
  std::string_view type = p->type;
  bool list = type == "CommaDelimitedList" || type.substr(0, 5) == "List<" ||
              type.find("<List<") != std::string_view::npos ||
              type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
  return list ? p : nullptr;
}

Value EvaluateEquals(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, DiagCode::kE8003, 2, 2, "a list of two values");
  if (args == nullptr)
    return Value::Error();
  // Fn::Equals compares two strings; a list or a map (also a list-typed parameter) never
  // equals a string, so the condition would be meaningless.
  bool bad = false;
  Value operands[2];
  for (size_t i = 0; i < 2; ++i) {
    const Node* item = args->items()[i];
    operands[i] = ev.Evaluate(item, args_path.Child(i));
    if (const Parameter* p = ListParameterRef(item, ev);
        p != nullptr && !operands[i].has_error() && !operands[i].is_list()) {
      ev.Fail(DiagCode::kE1020, item->range(), args_path.Child(i),
              "{'Ref': '" + p->name + "'} is not of type 'string': parameter '" + p->name +
                  "' of Type " + p->type + " is a list, which Fn::Equals does not compare.");
      bad = true;
      continue;
    }
    bool shape = isa<ListNode>(item) || isa<MapNode>(item) || operands[i].is_list();
    if (shape && !operands[i].has_error()) {
      ev.Fail(
          DiagCode::kE8003, item->range(), args_path.Child(i),
          "Fn::Equals compares strings; got " +
              (operands[i].is_list() ? std::string("a list") : internal::Describe(operands[i])) +
              ".");
      bad = true;
    }
  }
  Value a = std::move(operands[0]);
  Value b = std::move(operands[1]);
  if (bad || a.has_error() || b.has_error())
    return Value::Error();
  if (a.has_unknown() || b.has_unknown())
    return internal::Residual(call, Value::MakeList({a, b}));
  return Value::Bool(Equal(a, b));
}

Value EvaluateAnd(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  return AndOr(call, path, ev, /*is_and=*/true);
}

Value EvaluateOr(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  return AndOr(call, path, ev, /*is_and=*/false);
}

Value EvaluateNot(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, DiagCode::kE8005, 1, 1, "a list of one condition");
  if (args == nullptr)
    return Value::Error();
  Value v = Operand(args->items()[0], args_path.Child(size_t{0}), ev, DiagCode::kE8005, "Fn::Not");
  if (v.has_error())
    return Value::Error();
  if (v.is_unknown())
    return internal::Residual(call, Value::MakeList({v}));
  return Value::Bool(!v.as_bool());
}

Value EvaluateCondition(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const auto* name = dyn_cast<StringNode>(call.args());
  if (name == nullptr) {
    return ev.Fail(DiagCode::kE8007, call.args()->range(), args_path,
                   "Condition takes the name of a condition as a string.");
  }
  return ev.Condition(name->value(), name->range(), args_path);
}

}  // namespace cfnx
