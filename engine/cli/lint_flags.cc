// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/lint_flags.h"

#include <cstdlib>
#include <glob.h>

#include "engine/api/cfnlintrc.h"
#include "engine/api/schema_registry.h"
#include "engine/base/edit_distance.h"

namespace cfnx {
namespace {

ErrorOr<bool> CheckRegions(const std::vector<std::string>& regions, const std::string& where) {
  const std::vector<std::string>& known = DefaultResourceTypeRegistry().regions();
  for (const std::string& r : regions) {
    if (r == "ALL_REGIONS" || std::find(known.begin(), known.end(), r) != known.end())
      continue;
    std::vector<std::string_view> names(known.begin(), known.end());
    return Error{where + ": unknown region '" + r + "'." + DidYouMean(r, names)};
  }
  return true;
}

// A config file's `templates` entry: a path, or a glob pattern (sorted matches).
std::vector<std::string> ExpandPattern(const std::string& pattern) {
  glob_t g{};
  std::vector<std::string> out;
  if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i)
      out.emplace_back(g.gl_pathv[i]);
  } else {
    out.push_back(pattern);  // a plain path: a missing file is reported when it is read
  }
  globfree(&g);
  return out;
}

}  // namespace

void AddLintFlags(CLI::App* app, LintFlags* flags) {
  app->add_option("-i,--ignore-checks", flags->ignore_checks,
                  "do not report codes starting with these (W, E30, E3012; comma-separated or "
                  "several)")
      ->delimiter(',');
  app->add_option("-c,--include-checks", flags->include_checks,
                  "also report codes starting with these (I for informational findings)")
      ->delimiter(',');
  app->add_option("-m,--mandatory-checks", flags->mandatory_checks,
                  "always report codes starting with these, whatever ignores them")
      ->delimiter(',');
  app->add_option("--regions", flags->regions,
                  "regions to check the templates for (several, or ALL_REGIONS; default "
                  "--region)")
      ->delimiter(',');
  app->add_option("--non-zero-exit-code", flags->non_zero_exit_code,
                  "lowest level that makes the exit code non-zero (default informational)")
      ->check(CLI::IsMember({"informational", "warning", "error", "none"}));
  app->add_option("--config-file", flags->config_file,
                  "cfn-lint configuration file (default: .cfnlintrc, .cfnlintrc.yaml or "
                  ".cfnlintrc.yml in the working directory or above, else in $HOME)");
  app->add_flag("--ignore-bad-template", flags->ignore_bad_template,
                "report nothing for templates that cannot be parsed (no E0000)");
}

ErrorOr<LintSetup> ResolveLintFlags(const LintFlags& flags) {
  LintSetup setup;
  setup.command_line.ignore_checks = flags.ignore_checks;
  setup.command_line.include_checks = flags.include_checks;
  setup.command_line.mandatory_checks = flags.mandatory_checks;
  setup.command_line.regions = flags.regions;
  if (flags.ignore_bad_template)
    setup.command_line.ignore_bad_template = true;
  CFNX_RETURN_IF_ERROR(CheckRegions(flags.regions, "--regions"));
  std::string path = flags.config_file;
  if (path.empty()) {
    const char* home = std::getenv("HOME");
    path = FindCfnLintConfig(".", home == nullptr ? "" : home);
  }
  if (!path.empty()) {
    CFNX_ASSIGN_OR_RETURN(CfnLintConfigFile file, ReadCfnLintConfig(path));
    CFNX_RETURN_IF_ERROR(CheckRegions(file.checks.regions, path));
    setup.from_file = file.checks;
    for (const std::string& pattern : file.templates) {
      for (std::string& t : ExpandPattern(pattern))
        setup.file_templates.push_back(std::move(t));
    }
    if (!file.non_zero_exit_code.empty())
      setup.non_zero_exit_code = file.non_zero_exit_code;
  }
  if (!flags.non_zero_exit_code.empty())
    setup.non_zero_exit_code = flags.non_zero_exit_code;
  return setup;
}

int LintExitCode(const std::vector<Diagnostic>& findings, const std::string& level) {
  int rank = level == "none" ? 3 : level == "error" ? 2 : level == "warning" ? 1 : 0;
  int code = 0;
  for (const Diagnostic& d : findings) {
    switch (d.severity) {
      case Severity::kError:
        code |= rank <= 2 ? 2 : 0;
        break;
      case Severity::kWarning:
        code |= rank <= 1 ? 4 : 0;
        break;
      case Severity::kInfo:
        code |= rank <= 0 ? 8 : 0;
        break;
    }
  }
  return code;
}

}  // namespace cfnx
