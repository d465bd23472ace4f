// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS backend: stacks in the real CloudFormation service (or an emulator behind
// --endpoint-url). Its state side is a `StackReader` (cfnx/backend.h) like the local backend's,
// so `cfnx plan --backend aws` plans against live state with the same planner. Deployments are
// CloudFormation's to carry out: `Deploy` creates a change set, compares it with cfnx's plan,
// executes it and follows the stack's events (change_set_runner.h); `Destroy` deletes the stack.
//
// This header is only an interface plus `OpenAwsBackend`: a `cfnx` executable built without
// libcurl (the fully static one, cmake/CfnxDeps.cmake) links a stand-in `OpenAwsBackend` that
// says so, and nothing else from engine/backend/aws/.

#ifndef CFNX_ENGINE_BACKEND_AWS_AWS_BACKEND_H_
#define CFNX_ENGINE_BACKEND_AWS_AWS_BACKEND_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cfnx/backend.h"
#include "cfnx/plan.h"
#include "cfnx/stack_state.h"
#include "engine/backend/aws/artifacts.h"

namespace cfnx {

// Where and as whom to reach AWS (the AWS CLI's options).
struct AwsBackendOptions {
  std::string profile;         // --profile
  std::string region;          // --region ("" = AWS_REGION, AWS_DEFAULT_REGION, the profile)
  std::string endpoint_url;    // --endpoint-url
  int connect_timeout_s = 60;  // --cli-connect-timeout
  int read_timeout_s = 60;     // --cli-read-timeout (0 = none)
  // --debug: one line per request and retry, never a secret.
  std::function<void(const std::string&)> debug;
};

// One entry of CreateChangeSet's ResourcesToImport: an existing resource the change set
// brings under the stack.
struct ResourceToImport {
  std::string type;  // AWS::S3::Bucket
  std::string logical_id;
  std::map<std::string, std::string> identifier;  // the type's primary identifier properties
};

struct AwsDeployRequest {
  std::string stack_name;
  std::string template_body;  // the processed template (JSON text) cfnx planned
  // Values to send; parameters in `use_previous` are sent as UsePreviousValue instead.
  std::map<std::string, std::string> parameters;
  std::vector<std::string> use_previous;
  std::vector<std::string> capabilities;
  std::string role_arn;
  std::vector<std::pair<std::string, std::string>> tags;
  std::vector<std::string> notification_arns;
  std::string on_failure = "ROLLBACK";  // ROLLBACK, DELETE, DO_NOTHING
  std::string s3_bucket;                // for templates over 51,200 bytes, and artifacts
  std::string s3_prefix;
  // Local artifacts packaged into `template_body` (artifacts.h): uploaded to s3_bucket, unless
  // already there, before the change set is created.
  std::vector<PackagedArtifact> artifacts;
  // Not empty: an IMPORT change set bringing these resources under the stack.
  std::vector<ResourceToImport> resources_to_import;
  // cfnx's plan for this deployment; the change set is compared with it.
  const Plan* plan = nullptr;
  // Refuse (and delete the change set) when CloudFormation's change set differs from `plan`.
  bool require_plan_match = false;
  // Asked after the comparison, before executing; false cancels (the change set is deleted).
  std::function<bool()> confirm;
};

struct AwsDeployResult {
  bool succeeded = false;
  bool no_changes = false;
  bool refused = false;  // --require-plan-match and the change set differs
  // The user stopped watching (AwsObserver::StopRequested) while CloudFormation was working:
  // `status` is the last one seen, still in progress.
  bool watch_stopped = false;
  std::string status;  // the stack's final status
  std::string status_reason;
  std::vector<std::string> differences;  // change set vs plan
  std::vector<StackOutput> outputs;
  std::map<std::string, int> resource_counts;  // final resource status -> count
};

// Receives progress: one line of text per event, change set step or difference.
class AwsObserver {
 public:
  virtual ~AwsObserver() = default;
  virtual void OnEvent(const StackEvent& event) = 0;
  virtual void OnMessage(const std::string& line) = 0;
  // The stack's status at each poll while following it.
  virtual void OnStatus(const std::string& /*status*/) {}
  // True once the user asked to stop (Ctrl-C): before the change set is executed, it is
  // deleted and nothing happens; while following, cfnx stops watching and CloudFormation goes
  // on (the result says watch_stopped).
  virtual bool StopRequested() { return false; }
};

class AwsBackend : public StackReader {
 public:
  // DescribeStacks-like JSON of one stack, as LocalBackend::DescribeJson gives it (status,
  // parameters, outputs, resources, events), for `cfnx describe`.
  virtual ErrorOr<OrderedJson> DescribeJson(const std::string& stack) = 0;
  // [{"StackName", "StackStatus", "LastUpdatedTime", "StackId"}], for `cfnx stacks`.
  virtual ErrorOr<OrderedJson> StacksJson(bool all) = 0;
  // The region and account cfnx plans for (the caller's account, STS GetCallerIdentity).
  virtual const std::string& region() const = 0;
  virtual ErrorOr<std::string> AccountId() = 0;
  // Packages the template's local artifacts for `bucket`/`prefix` in this region (artifacts.h);
  // nothing is uploaded until Deploy.
  virtual std::optional<PackagedTemplate> PackageArtifacts(SourceManager& sources, FileId file,
                                                           const FileRoots& roots,
                                                           const std::string& bucket,
                                                           const std::string& prefix,
                                                           DiagnosticSink& diags) = 0;
  virtual ErrorOr<AwsDeployResult> Deploy(const AwsDeployRequest& request,
                                          AwsObserver& observer) = 0;
  // DeleteStack and wait; the result's status is DELETE_COMPLETE on success.
  virtual ErrorOr<AwsDeployResult> Destroy(const std::string& stack, const std::string& role_arn,
                                           AwsObserver& observer) = 0;
  // `cfnx rollback`: ContinueUpdateRollback or RollbackStack, followed (change_set_runner.h).
  virtual ErrorOr<AwsDeployResult> Rollback(const std::string& stack, const std::string& role_arn,
                                            AwsObserver& observer) = 0;
  // The values SSM holds for `names` (SSM parameter types; engine/backend/aws/ssm.h); names
  // SSM does not know are left out.
  virtual ErrorOr<std::map<std::string, std::string>> GetSsmParameters(
      const std::vector<std::string>& names) = 0;
  // Retries made so far. With a debug sink, the backend logs the total when it is destroyed
  // ("aws: N retries in all"), so every command run with --debug ends with it.
  virtual int retries() const = 0;
};

ErrorOr<std::unique_ptr<AwsBackend>> OpenAwsBackend(const AwsBackendOptions& options);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_AWS_BACKEND_H_
