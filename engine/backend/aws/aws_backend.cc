// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/aws_backend.h"

#include <algorithm>

#include "engine/backend/aws/change_set_runner.h"
#include "engine/backend/aws/cloudformation.h"
#include "engine/backend/aws/live_state.h"
#include "engine/backend/aws/session.h"
#include "engine/backend/aws/ssm.h"

namespace cfnx {
namespace {

class AwsBackendImpl : public AwsBackend {
 public:
  explicit AwsBackendImpl(AwsClientOptions options)
      : debug_(options.debug), client_(std::move(options)), cfn_(client_) {}
  // With --debug, the command's last line says how many retries it took (the fault tests
  // compare it with the faults injected).
  ~AwsBackendImpl() override {
    if (debug_) {
      debug_("aws: " + std::to_string(client_.retries()) + " retries in all");
    }
  }
  AwsBackendImpl(const AwsBackendImpl&) = delete;
  AwsBackendImpl& operator=(const AwsBackendImpl&) = delete;

  std::string_view name() const override { return "aws"; }
  const std::string& region() const override { return client_.region(); }
  int retries() const override { return client_.retries(); }

  ErrorOr<std::map<std::string, std::string>> GetSsmParameters(
      const std::vector<std::string>& names) override {
    return cfnx::GetSsmParameters(client_, names);
  }

  ErrorOr<StackState> DescribeStack(std::string_view stack_name) override {
    ErrorOr<LiveStack> live = ReadLiveStack(cfn_, std::string(stack_name));
    if (!live.ok()) {
      return live.error();
    }
    return std::move(live->state);
  }

  ErrorOr<std::vector<std::string>> ListStacks() override {
    ErrorOr<std::vector<AwsStackSummary>> stacks = cfn_.ListStacks(/*all=*/false);
    if (!stacks.ok()) {
      return stacks.error();
    }
    std::vector<std::string> names;
    for (const AwsStackSummary& s : *stacks) {
      names.push_back(s.name);
    }
    return names;
  }

  ErrorOr<std::vector<StackExport>> ListExports() override {
    ErrorOr<std::vector<StackExport>> exports = cfn_.ListExports();
    if (!exports.ok()) {
      return exports.error();
    }
    for (StackExport& e : *exports) {
      ErrorOr<std::vector<std::string>> imports = cfn_.ListImports(e.name);
      if (!imports.ok()) {
        return imports.error();
      }
      e.importing_stacks = std::move(*imports);
    }
    return exports;
  }

  ErrorOr<std::vector<StackEvent>> DescribeStackEvents(std::string_view stack_name) override {
    ErrorOr<std::vector<StackEvent>> events = cfn_.DescribeStackEvents(std::string(stack_name));
    if (events.ok()) {
      std::reverse(events->begin(), events->end());  // oldest first
    }
    return events;
  }

  ErrorOr<OrderedJson> DescribeJson(const std::string& stack) override {
    ErrorOr<LiveStack> live = ReadLiveStack(cfn_, stack);
    if (!live.ok()) {
      return live.error();
    }
    if (!live->state.exists()) {
      return Error{"stack '" + stack + "' does not exist in " + region()};
    }
    const StackState& s = live->state;
    OrderedJson j = OrderedJson::object();
    j["StackName"] = s.stack_name;
    j["StackId"] = s.stack_id;
    j["StackStatus"] = s.status;
    j["StackStatusReason"] = s.status_reason;
    j["LastUpdatedTime"] = live->described.last_updated_time.empty()
                               ? live->described.creation_time
                               : live->described.last_updated_time;
    OrderedJson state = StackStateToJson(s);
    j["Parameters"] = state.value("Parameters", OrderedJson::array());
    j["Outputs"] = state.value("Outputs", OrderedJson::array());
    OrderedJson resources = OrderedJson::array();
    for (const StackResource& r : s.resources) {
      resources.push_back({{"LogicalResourceId", r.logical_id},
                           {"ResourceType", r.type},
                           {"ResourceStatus", r.status},
                           {"PhysicalResourceId", r.physical_id}});
    }
    j["Resources"] = std::move(resources);
    ErrorOr<std::vector<StackEvent>> events = DescribeStackEvents(s.stack_id);
    if (!events.ok()) {
      return events.error();
    }
    OrderedJson list = OrderedJson::array();
    for (const StackEvent& e : *events) {
      OrderedJson event = StackEventToJson(e);
      for (const char* key :
           {"Timestamp", "ResourceStatus", "LogicalResourceId", "ResourceStatusReason"}) {
        if (!event.contains(key)) {
          event[key] = "";  // omitted by the API when empty
        }
      }
      list.push_back(std::move(event));
    }
    j["Events"] = std::move(list);
    if (live->described.termination_protection) {
      j["EnableTerminationProtection"] = true;
    }
    return j;
  }

  ErrorOr<OrderedJson> StacksJson(bool all) override {
    ErrorOr<std::vector<AwsStackSummary>> stacks = cfn_.ListStacks(all);
    if (!stacks.ok()) {
      return stacks.error();
    }
    OrderedJson list = OrderedJson::array();
    for (const AwsStackSummary& s : *stacks) {
      list.push_back({{"StackName", s.name},
                      {"StackStatus", s.status},
                      {"LastUpdatedTime", s.last_updated_time},
                      {"StackId", s.id}});
    }
    return list;
  }

  ErrorOr<std::string> AccountId() override {
    if (account_id_.empty()) {
      ErrorOr<std::string> id = cfn_.AccountId();
      if (!id.ok()) {
        return id.error();
      }
      account_id_ = *id;
    }
    return account_id_;
  }

  std::optional<PackagedTemplate> PackageArtifacts(SourceManager& sources, FileId file,
                                                   const FileRoots& roots,
                                                   const std::string& bucket,
                                                   const std::string& prefix,
                                                   DiagnosticSink& diags) override {
    return PackageLocalArtifacts(sources, file, roots, {bucket, prefix, region()}, diags);
  }

  ErrorOr<AwsDeployResult> Deploy(const AwsDeployRequest& request, AwsObserver& observer) override {
    return RunChangeSet(cfn_, request, observer);
  }

  ErrorOr<AwsDeployResult> Destroy(const std::string& stack, const std::string& role_arn,
                                   AwsObserver& observer) override {
    return RunDeleteStack(cfn_, stack, role_arn, observer);
  }

  ErrorOr<AwsDeployResult> Rollback(const std::string& stack, const std::string& role_arn,
                                    AwsObserver& observer) override {
    return RunRollback(cfn_, stack, role_arn, observer);
  }

 private:
  DebugSink debug_;
  AwsClient client_;
  CloudFormationClient cfn_;
  std::string account_id_;
};

}  // namespace

ErrorOr<std::unique_ptr<AwsBackend>> OpenAwsBackend(const AwsBackendOptions& options) {
  AwsSettings settings;
  settings.profile = options.profile;
  settings.region = options.region;
  settings.endpoint_url = options.endpoint_url;
  settings.debug = options.debug;
  settings.connect_timeout_s = options.connect_timeout_s;
  settings.read_timeout_s = options.read_timeout_s;
  ErrorOr<AwsClientOptions> client = MakeAwsClientOptions(settings);
  if (!client.ok()) {
    return client.error();
  }
  return std::unique_ptr<AwsBackend>(new AwsBackendImpl(std::move(*client)));
}

}  // namespace cfnx
