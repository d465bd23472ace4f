// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfn-lint's configuration file (.cfnlintrc, .cfnlintrc.yaml or .cfnlintrc.yml), read the way
// cfn-lint 1.51 reads it (cfnlint/config.py, its schema data/CfnLintCli/config/schema.json), so
// `cfnx validate` honours a team's existing file:
//
//   ignore_checks: [W2001, E30]
//   include_checks: [I]
//   mandatory_checks: [E3012]
//   regions: [us-east-1, eu-west-1]      # or [ALL_REGIONS]
//   non_zero_exit_code: warning
//   ignore_bad_template: true
//   templates: [stacks/*.yaml]           # checked when the command line names none
//
// Keys the schema allows but cfnx has no use for (configure_rules, append_rules, ...) are
// accepted and ignored; any other key, or a value of the wrong type, makes the file unusable
// (an Error naming file:line:col, with "did you mean" for a misspelt key).

#ifndef CFNX_ENGINE_API_CFNLINTRC_H_
#define CFNX_ENGINE_API_CFNLINTRC_H_

#include <string>
#include <vector>

#include "cfnx/check_options.h"
#include "cfnx/error_or.h"

namespace cfnx {

struct CfnLintConfigFile {
  std::string path;
  CheckOptions checks;
  std::string non_zero_exit_code;      // "" when the file does not set it
  std::vector<std::string> templates;  // paths or glob patterns, relative to the working dir
};

ErrorOr<CfnLintConfigFile> ReadCfnLintConfig(const std::string& path);

// The project configuration: the first .cfnlintrc, .cfnlintrc.yaml or .cfnlintrc.yml in
// `start_dir` or one of its parents, else the user's in `home_dir` (if not empty); "" if none.
std::string FindCfnLintConfig(const std::string& start_dir, const std::string& home_dir);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_CFNLINTRC_H_
