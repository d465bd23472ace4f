// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfn-lint's rule selection (cfnlint/rules/_rule.py `_rule_is_enabled`, cfnlint/config.py
// `_get_argument_value`), over cfnx's codes.

#include "cfnx/check_options.h"

namespace cfnx {
namespace {

bool MatchesAny(std::string_view id, const std::vector<std::string>& prefixes) {
  for (const std::string& prefix : prefixes) {
    if (CheckIdMatches(id, prefix))
      return true;
  }
  return false;
}

template <typename T>
const T& FirstSet(const T& a, const T& b, const T& c) {
  if (!a.empty())
    return a;
  if (!b.empty())
    return b;
  return c;
}

}  // namespace

bool CheckIdMatches(std::string_view id, std::string_view prefix) {
  return !prefix.empty() && id.substr(0, prefix.size()) == prefix;
}

bool CheckEnabled(std::string_view id, const CheckOptions& checks) {
  bool included =
      CheckIdMatches(id, "E") || CheckIdMatches(id, "W") || MatchesAny(id, checks.include_checks);
  if (!included)
    return false;
  if (MatchesAny(id, checks.mandatory_checks))
    return true;
  return !MatchesAny(id, checks.ignore_checks);
}

CheckOptions LayerCheckOptions(const CheckOptions& command_line, const CheckOptions& tmpl,
                               const CheckOptions& file) {
  CheckOptions out;
  out.ignore_checks = FirstSet(command_line.ignore_checks, tmpl.ignore_checks, file.ignore_checks);
  out.include_checks =
      FirstSet(command_line.include_checks, tmpl.include_checks, file.include_checks);
  out.mandatory_checks =
      command_line.mandatory_checks.empty() ? file.mandatory_checks : command_line.mandatory_checks;
  out.regions = FirstSet(command_line.regions, tmpl.regions, file.regions);
  // cfn-lint takes a layer's value only when it is true (`if cli_value: ...`).
  for (const CheckOptions* layer : {&command_line, &tmpl, &file}) {
    if (layer->ignore_bad_template.value_or(false)) {
      out.ignore_bad_template = true;
      break;
    }
  }
  return out;
}

}  // namespace cfnx
