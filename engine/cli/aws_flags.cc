// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/aws_flags.h"

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "engine/api/pipeline.h"
#include "engine/diag/render.h"

namespace cfnx {

void AddAwsFlags(CLI::App* app, AwsFlags* flags) {
  app->add_option("--profile", flags->profile, "aws backend: named profile of ~/.aws/config");
  if (app->get_option_no_throw("--region") == nullptr) {
    app->add_option("--region", flags->region, "aws backend: AWS region");
  }
  app->add_option("--endpoint-url", flags->endpoint_url,
                  "aws backend: CloudFormation/S3/STS endpoint (an emulator)");
  app->add_option("--cli-connect-timeout", flags->connect_timeout_s,
                  "aws backend: seconds to wait for a connection (default 60)")
      ->check(CLI::Range(1, 3600));
  app->add_option("--cli-read-timeout", flags->read_timeout_s,
                  "aws backend: seconds without an answer before a request is retried "
                  "(default 60; 0 = wait forever)")
      ->check(CLI::Range(0, 3600));
  app->add_flag("--debug", flags->debug,
                "aws backend: log each request and retry to stderr (never secrets)");
}

void AddAwsDeployFlags(CLI::App* app, AwsFlags* flags) {
  app->add_option("--role-arn", flags->role_arn,
                  "aws backend: IAM role CloudFormation assumes for the stack");
  app->add_option("--s3-bucket", flags->s3_bucket,
                  "aws backend: bucket for templates over 51,200 bytes");
  app->add_option("--s3-prefix", flags->s3_prefix, "aws backend: key prefix in --s3-bucket");
  app->add_option("--tags", flags->tags, "aws backend: stack tags K=V ...");
  app->add_option("--notification-arns", flags->notification_arns,
                  "aws backend: SNS topics for stack events");
  app->add_flag("--require-plan-match", flags->require_plan_match,
                "aws backend: refuse when CloudFormation's change set differs from the plan");
}

ErrorOr<std::unique_ptr<AwsBackend>> OpenAws(const AwsFlags& flags, const std::string& region) {
  AwsBackendOptions options;
  options.profile = flags.profile;
  options.region = region.empty() ? flags.region : region;
  options.endpoint_url = flags.endpoint_url;
  options.connect_timeout_s = flags.connect_timeout_s;
  options.read_timeout_s = flags.read_timeout_s;
  if (flags.debug) {
    options.debug = [](const std::string& line) {
      std::cerr << "cfnx: debug: " << line << "\n";
    };
  }
  return OpenAwsBackend(options);
}

ErrorOr<AwsStackForPlan> ReadAwsStackForPlan(const CLI::App* app, const AwsFlags& flags,
                                             const std::string& region_flag,
                                             const std::string& stack, CompileOptions& options) {
  AwsStackForPlan out;
  ErrorOr<std::unique_ptr<AwsBackend>> backend = OpenAws(flags, region_flag);
  if (!backend.ok()) {
    return backend.error();
  }
  out.backend = std::move(*backend);
  ErrorOr<StackState> state = out.backend->DescribeStack(stack);
  if (!state.ok()) {
    return state.error();
  }
  out.state = std::move(*state);
  options.region = out.backend->region();
  if (app->count("--account-id") == 0) {
    // arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/ID
    std::string account;
    if (out.state.exists()) {
      std::vector<std::string> fields;
      std::stringstream arn(out.state.stack_id);
      for (std::string field; std::getline(arn, field, ':');) {
        fields.push_back(field);
      }
      account = fields.size() > 5 ? fields[4] : "";
    }
    if (account.empty()) {
      ErrorOr<std::string> caller = out.backend->AccountId();
      if (!caller.ok()) {
        return caller.error();
      }
      account = *caller;
    }
    options.account_id = account;
  }
  for (const StackParameter& p : out.state.parameters) {
    if (p.value == "****" && options.parameters.count(p.key) == 0) {
      out.previous_values.push_back(p.key);
      std::cerr << "cfnx: note: parameter " << p.key
                << " is NoEcho: CloudFormation shows it as ****, so the plan cannot see its "
                   "value; not given, it keeps its deployed value (UsePreviousValue)\n";
    }
  }
  return out;
}

ErrorOr<PackagedTemplate> PackageForAws(AwsBackend& backend, const std::string& path,
                                        std::string text, const CompileOptions& options,
                                        const AwsFlags& flags, const CommonFlags& common) {
  SourceManager sources;
  FileId file = sources.AddFile(path, std::move(text));
  DiagnosticCollector diags;
  std::optional<PackagedTemplate> packaged = backend.PackageArtifacts(
      sources, file, TemplateFileRoots(path, options), flags.s3_bucket, flags.s3_prefix, diags);
  diags.SortByLocation();
  PrintDiagnostics(diags.diagnostics(), sources, common);
  if (!packaged) {
    std::cerr << "cfnx: the template's local artifacts cannot be packaged\n";
    return Error{""};
  }
  if (!packaged->artifacts.empty() && flags.s3_bucket.empty()) {
    std::string list;
    for (const PackagedArtifact& a : packaged->artifacts) {
      list += (list.empty() ? "" : ", ") + a.source;
    }
    return Error{"the template names local artifacts (" + list +
                 "): pass --s3-bucket BUCKET (and --s3-prefix PREFIX) to upload them, as `sam "
                 "package` does"};
  }
  return std::move(*packaged);
}

std::string ExplicitRegion(const CLI::App* app, const std::string& value) {
  return app->count("--region") > 0 ? value : "";
}

ErrorOr<std::vector<std::pair<std::string, std::string>>> ParseTags(
    const std::vector<std::string>& tags) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& t : tags) {
    size_t eq = t.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Error{"--tags: expected KEY=VALUE, got '" + t + "'"};
    }
    out.emplace_back(t.substr(0, eq), t.substr(eq + 1));
  }
  return out;
}

std::string DefaultBackend() {
  const char* env = std::getenv("CFNX_BACKEND");
  if (env != nullptr && std::string(env) == "aws") {
    return "aws";
  }
  return "local";
}

void PrintAwsOutcome(const std::string& stack, const AwsDeployResult& result) {
  if (result.no_changes) {
    std::cout << "No changes: stack '" << stack << "' is up to date"
              << (result.status.empty() ? "" : " (" + result.status + ")") << "\n";
    return;
  }
  if (result.succeeded && !result.outputs.empty()) {
    std::cout << "\nOutputs:\n";
    for (const StackOutput& o : result.outputs) {
      std::cout << "  " << TerminalSafe(o.key, false) << " = " << TerminalSafe(o.value, false);
      if (!o.export_name.empty()) {
        std::cout << "  (export " << TerminalSafe(o.export_name, false) << ")";
      }
      std::cout << "\n";
    }
  }
  std::cout << "\nStack '" << stack << "': " << result.status;
  std::string sep = " (";
  for (const auto& [status, n] : result.resource_counts) {
    std::cout << sep << n << " " << status;
    sep = ", ";
  }
  std::cout << (sep == ", " ? ")" : "") << "\n";
  if (!result.succeeded && !result.status_reason.empty()) {
    std::cout << "Failure: " << TerminalSafe(result.status_reason, false) << "\n";
  }
}

int FinishAwsOperation(const std::string& stack, const AwsDeployResult& result, int failed) {
  if (result.watch_stopped) {
    PrintStoppedWatching(stack, result.status);
    return kExitInterrupted;
  }
  PrintAwsOutcome(stack, result);
  return result.succeeded ? 0 : failed;
}

bool WantsAwsBackend(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--backend") {
      return i + 1 < argc && std::string_view(argv[i + 1]) == "aws";
    }
    if (arg.rfind("--backend=", 0) == 0) {
      return arg.substr(10) == "aws";
    }
  }
  return DefaultBackend() == "aws";
}

void ExecAwsExecutable(char** argv) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return;
  }
  std::filesystem::path sibling = self.parent_path() / "cfnx-aws";
  if (!std::filesystem::exists(sibling, ec)) {
    return;
  }
  execv(sibling.c_str(), argv);
}

}  // namespace cfnx
