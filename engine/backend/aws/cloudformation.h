// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The CloudFormation API calls cfnx makes, over awsQuery (API version 2010-05-15), with their
// answers as plain structs. Paged calls (NextToken) are followed to the end. A "stack does not
// exist" answer is not an error: DescribeStack gives nullopt.

#ifndef CFNX_ENGINE_BACKEND_AWS_CLOUDFORMATION_H_
#define CFNX_ENGINE_BACKEND_AWS_CLOUDFORMATION_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/backend.h"
#include "cfnx/stack_state.h"
#include "engine/backend/aws/aws_backend.h"
#include "engine/backend/aws/aws_client.h"

namespace cfnx {

// DescribeStacks' view of one stack (StackState's fields plus what only AWS has).
struct AwsStack {
  StackState state;  // name, id, status, reason, rollback, capabilities, parameters, outputs
  std::string creation_time;
  std::string last_updated_time;
  std::vector<std::pair<std::string, std::string>> tags;
  bool termination_protection = false;
};

struct AwsStackSummary {
  std::string name;
  std::string id;
  std::string status;
  std::string last_updated_time;  // or the creation time
};

struct ChangeSetParameter {
  std::string key;
  std::string value;
  bool use_previous_value = false;
};

struct CreateChangeSetRequest {
  std::string stack_name;
  std::string change_set_name;
  std::string change_set_type;  // CREATE, UPDATE, IMPORT
  std::string template_body;    // or
  std::string template_url;
  std::vector<ChangeSetParameter> parameters;
  std::vector<std::string> capabilities;
  std::string role_arn;
  std::vector<std::pair<std::string, std::string>> tags;
  std::vector<std::string> notification_arns;
  std::string client_token;
  std::string on_stack_failure;  // CREATE only: ROLLBACK, DELETE, DO_NOTHING ("" = default)
  std::vector<ResourceToImport> resources_to_import;  // IMPORT only
};

// DescribeChangeSet: status and the changes as CloudFormation's JSON shape
// ([{"Type": "Resource", "ResourceChange": {...}}]), every page.
struct AwsChangeSet {
  std::string id;
  std::string stack_id;
  std::string status;  // CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_COMPLETE, FAILED
  std::string status_reason;
  std::string execution_status;
  OrderedJson changes = OrderedJson::array();
};

class CloudFormationClient {
 public:
  explicit CloudFormationClient(AwsClient& client) : client_(client) {}

  AwsClient& client() { return client_; }

  // nullopt when the stack does not exist.
  ErrorOr<std::optional<AwsStack>> DescribeStack(const std::string& stack);
  // Live stacks (ListStacks without DELETE_COMPLETE unless `all`).
  ErrorOr<std::vector<AwsStackSummary>> ListStacks(bool all);
  // TemplateBody of stage "Original" or "Processed".
  ErrorOr<std::string> GetTemplate(const std::string& stack, const std::string& stage);
  ErrorOr<std::vector<StackResource>> ListStackResources(const std::string& stack);
  ErrorOr<std::vector<StackExport>> ListExports();
  // Stack names importing `export_name` (none: empty).
  ErrorOr<std::vector<std::string>> ListImports(const std::string& export_name);
  // Newest first, as the API pages them; stops at `stop_at_event_id` (exclusive) when given.
  ErrorOr<std::vector<StackEvent>> DescribeStackEvents(const std::string& stack,
                                                       const std::string& stop_at_event_id = "");

  // The change set's id.
  ErrorOr<std::string> CreateChangeSet(const CreateChangeSetRequest& request);
  ErrorOr<AwsChangeSet> DescribeChangeSet(const std::string& stack, const std::string& id);
  Status ExecuteChangeSet(const std::string& stack, const std::string& id,
                          const std::string& client_token, bool disable_rollback);
  Status DeleteChangeSet(const std::string& stack, const std::string& id);
  Status DeleteStack(const std::string& stack, const std::string& role_arn,
                     const std::string& client_token);
  // A stack in UPDATE_ROLLBACK_FAILED: retry the rollback.
  Status ContinueUpdateRollback(const std::string& stack, const std::string& role_arn,
                                const std::string& client_token);
  // A stack a failed operation left in CREATE_FAILED or UPDATE_FAILED (rollback disabled): roll
  // it back to its last stable state.
  Status RollbackStack(const std::string& stack, const std::string& role_arn,
                       const std::string& client_token);
  // The caller's account id (STS GetCallerIdentity).
  ErrorOr<std::string> AccountId();

 private:
  ErrorOr<QueryResponse> Call(const std::string& action, const FormParams& params);
  // Call for actions whose answer carries nothing but success: a service error is an Error.
  Status CallForStatus(const std::string& action, const FormParams& params);
  // {StackName, RoleARN?, ClientRequestToken?}: what DeleteStack and the rollbacks send.
  static FormParams StackActionParams(const std::string& stack, const std::string& role_arn,
                                      const std::string& client_token);
  AwsClient& client_;
};

// "ValidationError: Stack with id X does not exist" and its spellings.
bool IsStackMissing(const AwsServiceError& error);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CLOUDFORMATION_H_
