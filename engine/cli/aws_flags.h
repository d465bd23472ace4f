// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS backend on the command line: the AWS CLI's options (--profile, --region,
// --endpoint-url, --s3-bucket, --s3-prefix, --role-arn, --tags, --notification-arns) plus
// --require-plan-match and --debug, opening the backend (engine/backend/aws/aws_backend.h),
// printing its events, and running `cfnx-aws` when this executable was built without it.

#ifndef CFNX_ENGINE_CLI_AWS_FLAGS_H_
#define CFNX_ENGINE_CLI_AWS_FLAGS_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/backend/aws/aws_backend.h"
#include "engine/cli/aws_event_printer.h"
#include "engine/cli/command.h"

namespace cfnx {

struct AwsFlags {
  std::string profile;
  std::string region;  // set by --region where the command has no CommonFlags
  std::string endpoint_url;
  bool debug = false;
  int connect_timeout_s = 60;  // --cli-connect-timeout
  int read_timeout_s = 60;     // --cli-read-timeout
  std::string role_arn;        // deploy, destroy
  // Deploy only.
  std::string s3_bucket;
  std::string s3_prefix;
  std::vector<std::string> tags;  // K=V
  std::vector<std::string> notification_arns;
  bool require_plan_match = false;
  std::vector<std::string> capabilities;  // deploy's --capabilities
};

// Declares the AWS options every backend command takes on `app`. --region is declared only
// when `app` has none yet (the common flags declare it).
void AddAwsFlags(CLI::App* app, AwsFlags* flags);
// The options only `cfnx deploy` takes.
void AddAwsDeployFlags(CLI::App* app, AwsFlags* flags);

// The backend for `flags`; `region` is the explicit --region ("" = environment, profile).
ErrorOr<std::unique_ptr<AwsBackend>> OpenAws(const AwsFlags& flags, const std::string& region);

// A stack read from CloudFormation for planning, with the backend it came from.
struct AwsStackForPlan {
  std::unique_ptr<AwsBackend> backend;
  StackState state;
  // NoEcho parameters (CloudFormation shows "****") not given on the command line: deploy
  // sends them as UsePreviousValue.
  std::vector<std::string> previous_values;
};

// Opens the backend, reads `stack`, and makes `options` plan for the backend's region and the
// stack's account (else the caller's, STS GetCallerIdentity; --account-id wins). Prints a note
// per NoEcho parameter whose deployed value is kept.
ErrorOr<AwsStackForPlan> ReadAwsStackForPlan(const CLI::App* app, const AwsFlags& flags,
                                             const std::string& region_flag,
                                             const std::string& stack, CompileOptions& options);

// The template at `path` (text `text`) with its local artifacts packaged for --s3-bucket and
// --s3-prefix (engine/backend/aws/artifacts.h). Prints the diagnostics (E5002, E9013) and
// then returns an Error with an empty message; an Error with a message when artifacts need a
// --s3-bucket that was not given.
ErrorOr<PackagedTemplate> PackageForAws(AwsBackend& backend, const std::string& path,
                                        std::string text, const CompileOptions& options,
                                        const AwsFlags& flags, const CommonFlags& common);

// --region as given on `app`'s command line, "" when not given.
std::string ExplicitRegion(const CLI::App* app, const std::string& value);

// --tags K=V ... as pairs; Error for an item without '='.
ErrorOr<std::vector<std::pair<std::string, std::string>>> ParseTags(
    const std::vector<std::string>& tags);

// "--backend" default: $CFNX_BACKEND when it is "local" or "aws", else "local".
std::string DefaultBackend();

// The outputs and one-line summary of a finished AWS operation.
void PrintAwsOutcome(const std::string& stack, const AwsDeployResult& result);

// Exit code when the user stopped cfnx with Ctrl-C (128 + SIGINT, as shells report it).
inline constexpr int kExitInterrupted = 130;

// The exit code of a followed AWS operation: prints the outcome, or how to follow and cancel
// it when the user stopped watching; 0 when it succeeded, kExitInterrupted when stopped,
// `failed` otherwise.
int FinishAwsOperation(const std::string& stack, const AwsDeployResult& result, int failed);

// `cfnx deploy --backend aws` (deploy_aws_command.cc).
struct AwsDeployCommand {
  const CLI::App* app = nullptr;
  CommonFlags common;
  AwsFlags aws;
  std::string template_path;
  std::string stack;
  std::string plan;  // --plan
  std::string on_failure;
  bool yes = false;
  std::string resources_to_import;  // --resources-to-import FILE: an IMPORT change set
};
int RunAwsDeploy(const AwsDeployCommand& command);

// `cfnx destroy --backend aws` (destroy_aws_command.cc).
int RunAwsDestroy(const CLI::App* app, const AwsFlags& aws, const std::string& stack, bool yes);

// Whether this executable has the AWS backend (false in the fully static `cfnx`).
bool AwsBackendLinked();

// Whether the command line (or CFNX_BACKEND) selects the AWS backend.
bool WantsAwsBackend(int argc, char** argv);

// Replaces this process with `cfnx-aws` from this executable's directory, with the same
// arguments. Returns only when that is impossible (then the command says what is missing).
void ExecAwsExecutable(char** argv);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_AWS_FLAGS_H_
