// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx plan` text output, in the spirit of terraform's plan: one line per resource with a
// symbol, the properties that change with before -> after, the path that forces a replacement.

#include <sstream>

#include "engine/plan/context.h"
#include "engine/plan/planner.h"

namespace cfnx {
namespace {

struct Style {
  bool color;
  std::string Paint(const std::string& text, const char* code) const {
    return color ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
};

std::string Symbol(const ResourceChange& rc) {
  switch (rc.action) {
    case ChangeAction::kAdd:
      return "+";
    case ChangeAction::kRemove:
      return "-";
    case ChangeAction::kImport:
      return "<=";
    case ChangeAction::kModify:
      return rc.replacement && *rc.replacement == Replacement::kTrue          ? "-/+"
             : rc.replacement && *rc.replacement == Replacement::kConditional ? "?/+"
                                                                              : "~";
    default:
      return "?";
  }
}

const char* Color(const std::string& symbol) {
  if (symbol == "+") {
    return "32";
  }
  if (symbol == "-") {
    return "31";
  }
  if (symbol == "~") {
    return "33";
  }
  return "35";
}

void Detail(std::ostringstream& out, const ResourceChangeDetail& d, const std::string& indent) {
  std::string where = d.target.path.empty() ? std::string(Name(d.target.attribute)) : d.target.path;
  out << indent << "      " << where;
  // AWS's placeholder for a value known only after deployment reads as the text plan's own.
  std::optional<std::string> after = d.target.after_value;
  if (after == plan_internal::kKnownAfterApply) {
    after.reset();
  }
  if (d.target.before_value || after) {
    bool removed = d.target.attribute_change_type == AttributeChangeType::kRemove;
    out << ": " << (d.target.before_value ? *d.target.before_value : "(none)") << " -> "
        << (after     ? *after
            : removed ? "(removed)"
                      : "(known after deploy)");
  } else if (d.evaluation == EvaluationType::kDynamic) {
    out << ": (known after deploy)";
  }
  if (d.target.requires_recreation == RequiresRecreation::kAlways) {
    out << "  # forces replacement";
  } else if (d.target.requires_recreation == RequiresRecreation::kConditionally) {
    out << "  # may force replacement";
  }
  out << "  [" << Name(d.change_source);
  if (!d.causing_entity.empty()) {
    out << ": " << d.causing_entity;
  }
  out << "]\n";
}

struct Counts {
  int add = 0, change = 0, replace = 0, remove = 0, imported = 0, undetermined = 0;
};

void CountChange(const ResourceChange& rc, Counts& n);

// The change lines of `plan`; a nested stack's own changes follow its line, indented
// (IncludeNestedStacks), and are counted in `nested`.
void ChangeLines(std::ostringstream& out, const Style& style, const Plan& plan,
                 const std::string& indent, Counts& nested) {
  for (const Change& c : plan.change_set.changes) {
    const ResourceChange& rc = c.resource_change;
    std::string symbol = Symbol(rc);
    out << indent << style.Paint(symbol, Color(symbol)) << " " << rc.logical_id << " ("
        << rc.resource_type << ")";
    if (!rc.physical_id.empty()) {
      out << " " << rc.physical_id;
    }
    if (rc.policy_action) {
      out << " [" << Name(*rc.policy_action) << "]";
    }
    out << "\n";
    for (const ResourceChangeDetail& d : rc.details) {
      Detail(out, d, indent);
    }
    if (rc.change_set_id.empty()) {
      continue;
    }
    for (const NestedPlan& n : plan.nested) {
      if (n.logical_id != rc.logical_id) {
        continue;
      }
      out << indent << "    nested stack "
          << (n.stack_name.empty() ? "(created by this deployment)" : n.stack_name) << " from "
          << n.template_url << ":\n";
      if (n.plan.change_set.changes.empty()) {
        out << indent << "      No changes.\n";
      }
      for (const Change& nc : n.plan.change_set.changes) {
        CountChange(nc.resource_change, nested);
      }
      ChangeLines(out, style, n.plan, indent + "      ", nested);
    }
  }
}

void CountChange(const ResourceChange& rc, Counts& n) {
  bool replaced = rc.replacement && *rc.replacement != Replacement::kFalse;
  n.add += rc.action == ChangeAction::kAdd;
  n.imported += rc.action == ChangeAction::kImport;
  n.remove += rc.action == ChangeAction::kRemove;
  n.replace += rc.action == ChangeAction::kModify && replaced;
  n.change += rc.action == ChangeAction::kModify && !replaced;
  n.undetermined += rc.action == ChangeAction::kDynamic;
}

}  // namespace

std::string RenderPlanText(const Plan& plan, bool color) {
  Style style{color};
  std::ostringstream out;
  const ChangeSet& cs = plan.change_set;
  out << "Plan for stack " << cs.stack_name << " (" << cs.change_set_type << ")\n\n";
  Counts nested;
  ChangeLines(out, style, plan, "", nested);
  int add = 0, change = 0, replace = 0, remove = 0, imported = 0, undetermined = 0;
  for (const Change& c : cs.changes) {
    const ResourceChange& rc = c.resource_change;
    add += rc.action == ChangeAction::kAdd;
    imported += rc.action == ChangeAction::kImport;
    remove += rc.action == ChangeAction::kRemove;
    bool replaced = rc.replacement && *rc.replacement != Replacement::kFalse;
    replace += rc.action == ChangeAction::kModify && replaced;
    change += rc.action == ChangeAction::kModify && !replaced;
    // Dynamic: what happens to it is decided only when the change set runs (a condition on a
    // value resolved at deploy time), so it is neither a change nor an addition.
    undetermined += rc.action == ChangeAction::kDynamic;
  }
  if (cs.changes.empty()) {
    out << "No changes.\n";
  }
  if (!plan.forecast.empty()) {
    out << "\nForecast:\n";
    for (const Diagnostic& d : plan.forecast) {
      out << "  "
          << style.Paint(std::string(GetDiagCodeInfo(d.code).id),
                         d.severity == Severity::kError ? "31" : "33")
          << " " << d.path.ToString() << ": " << d.message << "\n";
    }
  }
  if (!plan.order.waves.empty() || !plan.order.cleanup_waves.empty()) {
    out << "\nOrder:";
    int n = 0;
    for (const PlanWave& w : plan.order.waves) {
      out << "\n  wave " << ++n << ":";
      for (const PlanStep& s : w.steps) {
        out << " " << Name(s.action) << " " << s.logical_id << ";";
      }
    }
    for (const PlanWave& w : plan.order.cleanup_waves) {
      out << "\n  cleanup:";
      for (const PlanStep& s : w.steps) {
        out << " " << Name(s.action) << " " << s.logical_id << ";";
      }
    }
    out << "\n";
    const RollbackPlan& r = plan.rollback;
    out << "\nOn failure (" << Name(r.on_failure) << "):";
    for (const std::string& s : r.failure_statuses) {
      out << " " << s;
    }
    out << "\n";
    for (const RollbackWave& w : r.waves) {
      out << " ";
      for (const RollbackStep& s : w.steps) {
        out << " " << Name(s.action) << " " << s.logical_id << ";";
      }
      out << "\n";
    }
    for (const RollbackStep& s : r.cleanup) {
      out << "  cleanup: " << Name(s.action) << " " << s.logical_id << "\n";
    }
    if (!r.retained.empty()) {
      out << "  retained:";
      for (const std::string& id : r.retained) {
        out << " " << id;
      }
      out << "\n";
    }
  }
  out << "\nPlan: " << add << " to add, " << change << " to change, " << replace << " to replace, "
      << remove << " to remove";
  if (imported > 0) {
    out << ", " << imported << " to import";
  }
  if (undetermined > 0) {
    out << ", " << undetermined << " undetermined";
  }
  out << ".\n";
  if (!plan.nested.empty()) {
    out << "Nested stacks: " << nested.add << " to add, " << nested.change << " to change, "
        << nested.replace << " to replace, " << nested.remove << " to remove.\n";
  }
  return out.str();
}

}  // namespace cfnx
