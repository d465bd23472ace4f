// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <cstdlib>
#include <iostream>
#include <string_view>
#include <unistd.h>

#include "engine/cli/command.h"

namespace cfnx {

void AddCommonFlags(CLI::App* app, CommonFlags* flags) {
  app->add_option("--region", flags->region, "AWS region (default us-east-1)");
  app->add_option("--partition", flags->partition, "AWS partition (default: from the region)");
  app->add_option("--account-id", flags->account_id, "AWS account id for AWS::AccountId");
  app->add_option("--stack-name", flags->stack_name, "stack name for AWS::StackName");
  app->add_option("--parameters", flags->parameters, "parameter values, K=V ...");
  app->add_option("--parameters-file", flags->parameters_file,
                  "parameter values: [{ParameterKey,ParameterValue}] or {\"Parameters\": {...}}");
  app->add_option("--diagnostics-format", flags->diagnostics_format,
                  "how diagnostics print on stderr: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_option_function<std::string>(
         "--color", [](const std::string& mode) { ColorMode() = mode; },
         "colour: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_option("--s3-root", flags->s3_root, "directory standing for S3 (s3://b/k = DIR/b/k)");
  app->add_option("--include-map", flags->include_map, "JSON map of S3 locations to local files");
  app->add_option("--include-root", flags->include_roots,
                  "directory (besides the template's own) that files the template names may be "
                  "read from; repeatable");
  // SAM inputs: every command that expands transforms expands SAM the same way.
  app->add_option("--managed-policies", flags->managed_policies,
                  "JSON map of managed policy names to ARNs (SAM)");
  app->add_option("--sar-mock", flags->sar_mock,
                  "offline Serverless Application Repository answers (SAM)");
  app->add_option("--macro", flags->macros,
                  "run template macro NAME (Transform: NAME, Fn::Transform Name: NAME) with the "
                  "local COMMAND: the macro event on stdin, the response on stdout; NAME=COMMAND, "
                  "repeatable");
}

ErrorOr<CompileOptions> MakeCompileOptions(const CommonFlags& flags) {
  CompileOptions options;
  options.region = flags.region;
  options.partition = flags.partition;
  options.account_id = flags.account_id;
  options.stack_name = flags.stack_name;
  options.s3_root = flags.s3_root;
  options.include_map = flags.include_map;
  options.include_roots = flags.include_roots;
  options.managed_policies = flags.managed_policies;
  options.sar_mock = flags.sar_mock;
  for (const std::string& kv : flags.macros) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == kv.size())
      return Error{"--macro expects NAME=COMMAND, got '" + kv + "'"};
    std::string name = kv.substr(0, eq);
    // CloudFormation reserves the AWS:: prefix for the transforms it hosts, which cfnx runs
    // itself (AWS::Include, AWS::Serverless-2016-10-31, AWS::LanguageExtensions).
    if (name.rfind("AWS::", 0) == 0)
      return Error{"--macro " + name +
                   ": names beginning with AWS:: are transforms "
                   "CloudFormation hosts, which cfnx expands itself"};
    if (!options.macros.emplace(name, kv.substr(eq + 1)).second)
      return Error{"--macro " + name + " is given twice"};
  }
  if (!flags.parameters_file.empty()) {
    CFNX_ASSIGN_OR_RETURN(options.parameters, ReadParametersFile(flags.parameters_file));
  }
  for (const std::string& kv : flags.parameters) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Error{"--parameters expects KEY=VALUE, got '" + kv + "'"};
    }
    options.parameters[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return options;
}

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                      const CommonFlags& flags) {
  if (diagnostics.empty() && flags.diagnostics_format == "text")
    return;
  DiagnosticFormat format = DiagnosticFormat::kText;
  ParseDiagnosticFormat(flags.diagnostics_format, &format);
  RenderOptions options;
  options.color = format == DiagnosticFormat::kText && UseColor(STDERR_FILENO);
  std::cerr << RenderDiagnostics(diagnostics, sources, format, options);
}

std::string& ColorMode() {
  static std::string mode = "auto";
  return mode;
}

bool UseColor(int fd) {
  if (ColorMode() == "always")
    return true;
  if (ColorMode() == "never")
    return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0')
    return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb")
    return false;
  return isatty(fd) != 0;
}

int CouldNotRun(const std::string& message) {
  std::cerr << "cfnx: error: " << message << "\n";
  return kExitCouldNotRun;
}

}  // namespace cfnx
