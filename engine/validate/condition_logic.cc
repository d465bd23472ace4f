// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/validate/condition_logic.h"

#include <map>
#include <optional>
#include <set>

#include "engine/ast/json_convert.h"

namespace cfnx {
namespace {

constexpr size_t kMaxAtoms = 16;
constexpr int kMaxDepth = 64;

struct Atom {
  std::optional<bool> constant;  // Fn::Equals of two literals
  std::string ref;               // Fn::Equals [Ref X, literal]: X
  std::string literal;           // ... and the literal
};

const StringNode* RefTarget(const Node* n) {
  const auto* fn = dyn_cast<FnCallNode>(n);
  return fn != nullptr && fn->fn() == FnKind::kRef ? dyn_cast<StringNode>(fn->args()) : nullptr;
}

class Solver {
 public:
  explicit Solver(const Template& t) : t_(t) {}

  // Collects the atoms under `expr`; false when it cannot be analysed.
  bool Collect(const Node* expr, int depth) {
    if (depth > kMaxDepth)
      return false;
    const auto* fn = dyn_cast<FnCallNode>(expr);
    if (fn == nullptr)
      return false;
    switch (fn->fn()) {
      case FnKind::kEquals:
        return AddAtom(fn);
      case FnKind::kCondition: {
        const Condition* c = Named(fn->args());
        return c != nullptr && Collect(c->expr, depth + 1);
      }
      case FnKind::kAnd:
      case FnKind::kOr:
      case FnKind::kNot: {
        const auto* args = dyn_cast<ListNode>(fn->args());
        if (args == nullptr)
          return false;
        for (const Node* item : args->items()) {
          if (!Collect(item, depth + 1))
            return false;
        }
        return true;
      }
      default:
        return false;
    }
  }

  bool Eval(const Node* expr, uint32_t assignment, int depth) const {
    const auto* fn = cast<FnCallNode>(expr);
    switch (fn->fn()) {
      case FnKind::kEquals: {
        const Atom& atom = atoms_[index_.at(fn)];
        return atom.constant.has_value() ? *atom.constant
                                         : ((assignment >> index_.at(fn)) & 1u) != 0;
      }
      case FnKind::kCondition:
        return Eval(Named(fn->args())->expr, assignment, depth + 1);
      case FnKind::kAnd:
      case FnKind::kOr: {
        bool is_and = fn->fn() == FnKind::kAnd;
        for (const Node* item : cast<ListNode>(fn->args())->items()) {
          if (Eval(item, assignment, depth + 1) != is_and)
            return !is_and;
        }
        return is_and;
      }
      case FnKind::kNot:
        return !Eval(cast<ListNode>(fn->args())->items()[0], assignment, depth + 1);
      default:
        return true;
    }
  }

  // An assignment where two atoms on one Ref with different literals are both true is
  // impossible (a parameter has one value).
  bool Consistent(uint32_t assignment) const {
    std::map<std::string_view, std::string_view> chosen;
    for (size_t i = 0; i < atoms_.size(); ++i) {
      const Atom& a = atoms_[i];
      if (a.constant.has_value() || a.ref.empty() || ((assignment >> i) & 1u) == 0)
        continue;
      auto [it, inserted] = chosen.emplace(a.ref, a.literal);
      if (!inserted && it->second != a.literal)
        return false;
    }
    return true;
  }

  const Condition* Named(const Node* name) const {
    const auto* s = dyn_cast<StringNode>(name);
    return s != nullptr ? t_.FindCondition(s->value()) : nullptr;
  }

  size_t atom_count() const { return atoms_.size(); }

 private:
  bool AddAtom(const FnCallNode* fn) {
    if (index_.count(fn) != 0)
      return true;
    const auto* args = dyn_cast<ListNode>(fn->args());
    if (args == nullptr || args->size() != 2)
      return false;
    Atom atom;
    const Node* a = args->items()[0];
    const Node* b = args->items()[1];
    const auto* sa = dyn_cast<ScalarNode>(a);
    const auto* sb = dyn_cast<ScalarNode>(b);
    if (sa != nullptr && sb != nullptr) {
      atom.constant = sa->text() == sb->text();
    } else if (RefTarget(a) != nullptr && sb != nullptr) {
      atom.ref = RefTarget(a)->value();
      atom.literal = sb->text();
    } else if (RefTarget(b) != nullptr && sa != nullptr) {
      atom.ref = RefTarget(b)->value();
      atom.literal = sa->text();
    }
    if (atoms_.size() == kMaxAtoms)
      return false;
    index_.emplace(fn, atoms_.size());
    atoms_.push_back(std::move(atom));
    return true;
  }

  const Template& t_;
  std::vector<Atom> atoms_;
  std::map<const FnCallNode*, size_t> index_;
};

}  // namespace

namespace {

void CollectAlternatives(const Node* value, std::vector<ConditionAssumption> when,
                         std::vector<IfAlternative>* out) {
  const auto* fn = dyn_cast<FnCallNode>(value);
  if (fn != nullptr && fn->fn() == FnKind::kIf) {
    const auto* args = dyn_cast<ListNode>(fn->args());
    const auto* name =
        args != nullptr && args->size() == 3 ? dyn_cast<StringNode>(args->items()[0]) : nullptr;
    if (name == nullptr)
      return;
    auto when_true = when;
    when_true.emplace_back(name->value(), true);
    CollectAlternatives(args->items()[1], std::move(when_true), out);
    when.emplace_back(name->value(), false);
    CollectAlternatives(args->items()[2], std::move(when), out);
    return;
  }
  if (value != nullptr && !IsNoValue(value))
    out->push_back({value, std::move(when)});
}

}  // namespace

std::vector<IfAlternative> IfAlternatives(const Node* value,
                                          std::vector<ConditionAssumption> when) {
  std::vector<IfAlternative> out;
  CollectAlternatives(value, std::move(when), &out);
  return out;
}

bool ConditionLogic::Satisfiable(const std::vector<ConditionAssumption>& assumptions) const {
  Solver solver(t_);
  std::vector<std::pair<const Condition*, bool>> named;
  for (const auto& [name, value] : assumptions) {
    const Condition* c = t_.FindCondition(name);
    if (c == nullptr || c->expr == nullptr || !solver.Collect(c->expr, 0))
      return true;
    named.emplace_back(c, value);
  }
  uint32_t limit = 1u << solver.atom_count();
  for (uint32_t assignment = 0; assignment < limit; ++assignment) {
    if (!solver.Consistent(assignment))
      continue;
    bool all = true;
    for (const auto& [c, value] : named) {
      if (solver.Eval(c->expr, assignment, 0) != value) {
        all = false;
        break;
      }
    }
    if (all)
      return true;
  }
  return false;
}

}  // namespace cfnx
