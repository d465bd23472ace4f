// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx validate`'s cfn-lint configuration, spelled as cfn-lint 1.51 spells it: the flags
// --ignore-checks/-i, --include-checks/-c, --mandatory-checks/-m (ids or prefixes, several per
// flag or comma-separated), --regions (several, or ALL_REGIONS), --non-zero-exit-code,
// --ignore-bad-template and --config-file, and the .cfnlintrc found from the working directory
// upward (else in $HOME) when --config-file is not given.

#ifndef CFNX_ENGINE_CLI_LINT_FLAGS_H_
#define CFNX_ENGINE_CLI_LINT_FLAGS_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cfnx/check_options.h"
#include "cfnx/diagnostic.h"
#include "cfnx/error_or.h"

namespace cfnx {

struct LintFlags {
  std::vector<std::string> ignore_checks;
  std::vector<std::string> include_checks;
  std::vector<std::string> mandatory_checks;
  std::vector<std::string> regions;
  std::string non_zero_exit_code;  // "" = the config file's, else informational
  std::string config_file;
  bool ignore_bad_template = false;
};

void AddLintFlags(CLI::App* app, LintFlags* flags);

// The configuration a validate run uses: the command line's checks, the config file's, which
// templates the file lists, and the exit-code level.
struct LintSetup {
  CheckOptions command_line;
  CheckOptions from_file;
  std::vector<std::string> file_templates;  // globs expanded, in order
  std::string non_zero_exit_code = "informational";
};

// Reads the configuration file (the one named, or the one found) and checks the regions named
// on the command line or in the file. An Error for an unreadable or malformed file or an
// unknown region.
ErrorOr<LintSetup> ResolveLintFlags(const LintFlags& flags);

// cfn-lint's exit code: the bitmask of the findings' levels at or above `level`
// ("informational", "warning", "error", "none").
int LintExitCode(const std::vector<Diagnostic>& findings, const std::string& level);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_LINT_FLAGS_H_
