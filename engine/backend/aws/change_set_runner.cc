// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/change_set_runner.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>
#include <thread>

#include "engine/backend/aws/change_set_compare.h"
#include "engine/backend/aws/s3_upload.h"

namespace cfnx {
namespace {

// Waits before poll `n`; a stop request ends a real wait early (within 0.1 s).
void Wait(const PollSchedule& poll, int n, AwsObserver& observer) {
  double seconds = poll.Delay(n);
  if (seconds <= 0) {
    return;
  }
  if (poll.sleep) {
    poll.sleep(seconds);
    return;
  }
  auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!observer.StopRequested() && std::chrono::steady_clock::now() < end) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// "cfnx-20260102030405-1a2b3c": change set names start with a letter, <= 128 characters.
std::string ChangeSetName() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
  char suffix[16];
  std::snprintf(suffix, sizeof(suffix), "%06x",
                static_cast<unsigned>(std::random_device{}() & 0xffffff));
  return std::string("cfnx-") + stamp + "-" + suffix;
}

bool NoChangesReason(const std::string& reason) {
  return reason.find("didn't contain changes") != std::string::npos ||
         reason.find("No updates are to be performed") != std::string::npos;
}

bool Succeeded(const std::string& status) {
  return status == "CREATE_COMPLETE" || status == "UPDATE_COMPLETE" ||
         status == "IMPORT_COMPLETE" || status == "DELETE_COMPLETE";
}

// Follows the stack's events from after `last_event_id` until its status is final.
ErrorOr<AwsDeployResult> Follow(CloudFormationClient& cfn, const std::string& stack_id,
                                std::string last_event_id, AwsObserver& observer,
                                const PollSchedule& poll) {
  AwsDeployResult result;
  for (int n = 0;; ++n) {
    Wait(poll, n, observer);
    ErrorOr<std::optional<AwsStack>> described = cfn.DescribeStack(stack_id);
    if (!described.ok()) {
      return described.error();
    }
    // Events after the status, so the final ones are seen before the loop ends.
    ErrorOr<std::vector<StackEvent>> events = cfn.DescribeStackEvents(stack_id, last_event_id);
    if (!events.ok()) {
      return events.error();
    }
    for (auto it = events->rbegin(); it != events->rend(); ++it) {
      observer.OnEvent(*it);
      if (it->resource_type != "AWS::CloudFormation::Stack" || it->logical_id != it->stack_name) {
        if (it->status.find("COMPLETE") != std::string::npos ||
            it->status.find("FAILED") != std::string::npos) {
          ++result.resource_counts[it->status];
        }
      }
    }
    if (!events->empty()) {
      last_event_id = events->front().event_id;
    }
    if (!*described) {
      result.status = "DELETE_COMPLETE";  // gone
      result.succeeded = true;
      return result;
    }
    const StackState& s = (*described)->state;
    observer.OnStatus(s.status);
    if (IsInProgressStatus(s.status) && observer.StopRequested()) {
      result.status = s.status;
      result.watch_stopped = true;
      return result;
    }
    if (!IsInProgressStatus(s.status)) {
      result.status = s.status;
      result.status_reason = s.status_reason;
      result.succeeded = Succeeded(s.status);
      result.outputs = s.outputs;
      return result;
    }
  }
}

// The newest event's id ("" when none), so following starts after it.
ErrorOr<std::string> NewestEventId(CloudFormationClient& cfn, const std::string& stack) {
  ErrorOr<std::vector<StackEvent>> events = cfn.DescribeStackEvents(stack);
  if (!events.ok()) {
    return events.error();
  }
  return events->empty() ? std::string() : events->front().event_id;
}

}  // namespace

double PollSchedule::Delay(int n) const {
  static constexpr double kDelays[] = {0, 1, 2, 4};
  return n < 4 ? kDelays[n] : 5;
}

bool IsInProgressStatus(const std::string& status) {
  return status.size() >= 11 && status.compare(status.size() - 11, 11, "IN_PROGRESS") == 0 &&
         status != "REVIEW_IN_PROGRESS";
}

ErrorOr<AwsDeployResult> RunChangeSet(CloudFormationClient& cfn, const AwsDeployRequest& request,
                                      AwsObserver& observer, const PollSchedule& poll) {
  ErrorOr<std::optional<AwsStack>> before = cfn.DescribeStack(request.stack_name);
  if (!before.ok()) {
    return before.error();
  }
  bool exists = *before && (*before)->state.exists();
  if (exists && IsInProgressStatus((*before)->state.status)) {
    return Error{"stack '" + request.stack_name + "' is " + (*before)->state.status +
                 ": wait for the operation in progress to end"};
  }
  CreateChangeSetRequest create;
  create.stack_name = request.stack_name;
  create.change_set_name = ChangeSetName();
  create.change_set_type = !request.resources_to_import.empty() ? "IMPORT"
                           : exists                             ? "UPDATE"
                                                                : "CREATE";
  create.resources_to_import = request.resources_to_import;
  create.client_token = create.change_set_name;
  if (!request.artifacts.empty() && request.s3_bucket.empty()) {
    return Error{"the template names local artifacts: pass --s3-bucket BUCKET to upload them"};
  }
  for (const PackagedArtifact& a : request.artifacts) {
    ErrorOr<S3Upload> upload =
        PutObjectUnlessPresent(cfn.client(), request.s3_bucket, a.key, a.body);
    if (!upload.ok()) {
      return upload.error();
    }
    observer.OnMessage(std::string(upload->skipped ? "Artifact already in " : "Uploaded ") +
                       (upload->skipped ? "" : a.source + " to ") + "s3://" + request.s3_bucket +
                       "/" + a.key + (upload->skipped ? " (" + a.source + ")" : ""));
  }
  if (request.template_body.size() > kMaxInlineTemplateBytes) {
    if (request.s3_bucket.empty()) {
      return Error{"the template is " + std::to_string(request.template_body.size()) +
                   " bytes, over CloudFormation's inline limit of 51,200: pass --s3-bucket "
                   "BUCKET to upload it"};
    }
    ErrorOr<S3Upload> upload = UploadToS3(cfn.client(), request.s3_bucket, request.s3_prefix,
                                          request.template_body, "template");
    if (!upload.ok()) {
      return upload.error();
    }
    observer.OnMessage(
        std::string(upload->skipped ? "Template already in " : "Uploaded template to ") + "s3://" +
        request.s3_bucket + "/" + upload->key);
    create.template_url = upload->url;
  } else {
    create.template_body = request.template_body;
  }
  for (const auto& [key, value] : request.parameters) {
    create.parameters.push_back({key, value, false});
  }
  for (const std::string& key : request.use_previous) {
    create.parameters.push_back({key, "", true});
  }
  create.capabilities = request.capabilities;
  create.role_arn = request.role_arn;
  create.tags = request.tags;
  create.notification_arns = request.notification_arns;
  if (!exists && request.on_failure != "ROLLBACK") {
    create.on_stack_failure = request.on_failure;
  }
  ErrorOr<std::string> id = cfn.CreateChangeSet(create);
  if (!id.ok()) {
    if (NoChangesReason(id.error().message)) {
      // Some endpoints refuse the change set outright instead of failing it.
      AwsDeployResult result;
      result.no_changes = true;
      result.succeeded = true;
      result.status = exists ? (*before)->state.status : "";
      return result;
    }
    return id.error();
  }
  observer.OnMessage("Created change set " + create.change_set_name + " (" +
                     create.change_set_type + ")");
  AwsChangeSet change_set;
  for (int n = 0;; ++n) {
    Wait(poll, n, observer);
    ErrorOr<AwsChangeSet> described = cfn.DescribeChangeSet(request.stack_name, *id);
    if (!described.ok()) {
      return described.error();
    }
    change_set = std::move(*described);
    if (change_set.status != "CREATE_PENDING" && change_set.status != "CREATE_IN_PROGRESS") {
      break;
    }
  }
  AwsDeployResult result;
  auto discard = [&]() -> Status {
    Status deleted = cfn.DeleteChangeSet(request.stack_name, *id);
    if (deleted.ok()) {
      observer.OnMessage("Deleted change set " + create.change_set_name);
    }
    return deleted;
  };
  if (change_set.status == "FAILED" ||
      (change_set.status == "CREATE_COMPLETE" && change_set.changes.empty())) {
    if (change_set.status == "CREATE_COMPLETE" || NoChangesReason(change_set.status_reason)) {
      result.no_changes = true;
      result.succeeded = true;
      result.status = exists ? (*before)->state.status : "";
      Status deleted = discard();
      if (!deleted.ok()) {
        return deleted.error();
      }
      return result;
    }
    return Error{"CloudFormation could not create the change set: " + change_set.status_reason};
  }
  if (request.plan != nullptr) {
    OrderedJson planned = PlanToJson(*request.plan);
    const OrderedJson& changes = planned.contains("ChangeSet") && planned["ChangeSet"].is_object()
                                     ? planned["ChangeSet"]
                                     : planned;
    result.differences =
        CompareChangeSets(changes.contains("Changes") ? changes["Changes"] : OrderedJson::array(),
                          change_set.changes);
    if (result.differences.empty()) {
      observer.OnMessage("CloudFormation's change set matches cfnx's plan");
    } else {
      observer.OnMessage("CloudFormation's change set differs from cfnx's plan:");
      for (const std::string& d : result.differences) {
        observer.OnMessage("  - " + d);
      }
    }
  }
  if (!result.differences.empty() && request.require_plan_match) {
    result.refused = true;
    Status deleted = discard();
    if (!deleted.ok()) {
      return deleted.error();
    }
    return result;
  }
  if ((request.confirm && !request.confirm()) || observer.StopRequested()) {
    Status deleted = discard();
    if (!deleted.ok()) {
      return deleted.error();
    }
    result.status = "CANCELLED";
    return result;
  }
  std::string stack_id = change_set.stack_id.empty() ? request.stack_name : change_set.stack_id;
  ErrorOr<std::string> newest = NewestEventId(cfn, stack_id);
  if (!newest.ok()) {
    return newest.error();
  }
  Status executed =
      cfn.ExecuteChangeSet(request.stack_name, *id, "cfnx-exec-" + create.change_set_name,
                           exists && request.on_failure == "DO_NOTHING");
  if (!executed.ok()) {
    return executed.error();
  }
  observer.OnMessage("Executing change set " + create.change_set_name);
  ErrorOr<AwsDeployResult> followed = Follow(cfn, stack_id, *newest, observer, poll);
  if (!followed.ok()) {
    return followed.error();
  }
  followed->differences = std::move(result.differences);
  return followed;
}

ErrorOr<AwsDeployResult> RunDeleteStack(CloudFormationClient& cfn, const std::string& stack,
                                        const std::string& role_arn, AwsObserver& observer,
                                        const PollSchedule& poll) {
  ErrorOr<std::optional<AwsStack>> before = cfn.DescribeStack(stack);
  if (!before.ok()) {
    return before.error();
  }
  if (!*before || !(*before)->state.exists()) {
    AwsDeployResult result;
    result.no_changes = true;
    result.succeeded = true;
    result.status = "DELETE_COMPLETE";
    return result;
  }
  if ((*before)->termination_protection) {
    return Error{
        "stack '" + stack +
        "' has termination protection; turn it off first (aws "
        "cloudformation update-termination-protection --no-enable-termination-protection)"};
  }
  std::string stack_id = (*before)->state.stack_id;
  ErrorOr<std::string> newest = NewestEventId(cfn, stack_id);
  if (!newest.ok()) {
    return newest.error();
  }
  Status deleted = cfn.DeleteStack(stack_id, role_arn, "cfnx-delete-" + ChangeSetName());
  if (!deleted.ok()) {
    return deleted.error();
  }
  observer.OnMessage("Deleting stack " + stack);
  return Follow(cfn, stack_id, *newest, observer, poll);
}

ErrorOr<AwsDeployResult> RunRollback(CloudFormationClient& cfn, const std::string& stack,
                                     const std::string& role_arn, AwsObserver& observer,
                                     const PollSchedule& poll) {
  ErrorOr<std::optional<AwsStack>> before = cfn.DescribeStack(stack);
  if (!before.ok()) {
    return before.error();
  }
  if (!*before || !(*before)->state.exists()) {
    return Error{"Stack with id " + stack + " does not exist"};
  }
  const std::string& status = (*before)->state.status;
  bool continue_rollback = status == "UPDATE_ROLLBACK_FAILED";
  bool roll_back = status == "CREATE_FAILED" || status == "UPDATE_FAILED";
  if (status == "ROLLBACK_FAILED") {
    return Error{"stack '" + stack +
                 "' is ROLLBACK_FAILED: its creation could not be rolled back, and only "
                 "deleting it helps (cfnx destroy --backend aws)"};
  }
  if (!continue_rollback && !roll_back) {
    return Error{"stack '" + stack + "' is " + status +
                 ": there is nothing to roll back (cfnx rollback continues a failed rollback, "
                 "UPDATE_ROLLBACK_FAILED, or rolls back a stack left CREATE_FAILED or "
                 "UPDATE_FAILED by --on-failure DO_NOTHING)"};
  }
  std::string stack_id = (*before)->state.stack_id;
  ErrorOr<std::string> newest = NewestEventId(cfn, stack_id);
  if (!newest.ok()) {
    return newest.error();
  }
  std::string token = "cfnx-rollback-" + ChangeSetName();
  Status started = continue_rollback ? cfn.ContinueUpdateRollback(stack_id, role_arn, token)
                                     : cfn.RollbackStack(stack_id, role_arn, token);
  if (!started.ok()) {
    return started.error();
  }
  observer.OnMessage(
      std::string(continue_rollback ? "Continuing the rollback of stack " : "Rolling back stack ") +
      stack + " (" + status + ")");
  ErrorOr<AwsDeployResult> followed = Follow(cfn, stack_id, *newest, observer, poll);
  if (!followed.ok()) {
    return followed.error();
  }
  const std::string& end = followed->status;
  followed->succeeded =
      end.size() >= 17 && end.compare(end.size() - 17, 17, "ROLLBACK_COMPLETE") == 0;
  return followed;
}

}  // namespace cfnx
