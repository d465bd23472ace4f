// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/check_options.h
//
// Which findings `Compiler::Validate` reports, spelled as cfn-lint's configuration is, so a team
// can move between the two tools without rewriting it. Entries are rule ids or prefixes of
// them ("W", "E30", "E3012"), matched against the start of each finding's code:
//
//   cfnx::CompileOptions options;
//   options.checks.ignore_checks = {"W", "E3012"};  // no warnings, no E3012
//   options.checks.mandatory_checks = {"E3012"};    // ... except E3012 after all
//   options.checks.include_checks = {"I"};          // informational findings too
//
// A finding is reported when its code starts with "E", "W" or an `include_checks` entry, and
// then starts with a `mandatory_checks` entry or with no `ignore_checks` entry. Informational
// codes (I...) are thus reported only when included, as in cfn-lint.
//
// Three layers give these values, each key taken from the first layer that sets it:
// `CompileOptions::checks` (the command line), the template's own
// `Metadata: {cfn-lint: {config: {...}}}` (ignore_checks, include_checks, regions,
// ignore_bad_template; never mandatory_checks), and `CompileOptions::checks_from_file`
// (.cfnlintrc). A resource's `Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}` drops
// the findings inside that resource whose code starts with an entry, unless the code is
// mandatory (cfn-lint matches these entries exactly; a prefix there is cfnx's extension, the
// same spelling as everywhere else).

#ifndef CFNX_ENGINE_INCLUDE_CFNX_CHECK_OPTIONS_H_
#define CFNX_ENGINE_INCLUDE_CFNX_CHECK_OPTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfnx {

struct CheckOptions {
  std::vector<std::string> ignore_checks;
  std::vector<std::string> include_checks;
  std::vector<std::string> mandatory_checks;
  // Regions to check the template for: it is validated once per region and the findings are
  // merged (a resource type missing in one of them is reported for that one). "ALL_REGIONS"
  // stands for every region of the resource registry. Empty: `CompileOptions::region`.
  std::vector<std::string> regions;
  // When true, a template that cannot be parsed reports nothing (no E0000).
  std::optional<bool> ignore_bad_template;
};

// Whether `prefix` is a prefix of `id` (an empty prefix matches nothing).
bool CheckIdMatches(std::string_view id, std::string_view prefix);

// Whether a finding with code `id` is reported under `checks` (already layered).
bool CheckEnabled(std::string_view id, const CheckOptions& checks);

// Layers the three sources as described above: per key, the command line's value if set, else
// the template's (except mandatory_checks), else the configuration file's.
CheckOptions LayerCheckOptions(const CheckOptions& command_line, const CheckOptions& tmpl,
                               const CheckOptions& file);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_CHECK_OPTIONS_H_
