// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What a step waits for after its provider call succeeded: the signals of a new resource
// (CreationPolicy, wait conditions; engine/exec/signals.h), and the batches of an Auto Scaling
// group's rolling update (UpdatePolicy AutoScalingRollingUpdate; engine/model/update_policy.h),
// each batch waiting for its new instances' signals when WaitOnResourceSignals is set. The
// resource's row stays *_IN_PROGRESS meanwhile, which is what lets `cfnx signal` reach it.

#include <algorithm>

#include "engine/backend/local/crash_point.h"
#include "engine/exec/executor_internal.h"
#include "engine/exec/signals.h"
#include "engine/model/update_policy.h"

namespace cfnx {

ExecJson RollingUpdateData(const RollingUpdate& rolling, int64_t instances) {
  ExecJson batches = ExecJson::array();
  for (int64_t b : RollingBatches(rolling, instances))
    batches.push_back(b);
  return ExecJson{{"instances", instances},
                  {"batches", batches},
                  {"max_batch_size", rolling.max_batch_size},
                  {"min_instances_in_service", rolling.min_instances_in_service},
                  {"min_successful_percent", rolling.min_successful_percent},
                  {"wait_on_signals", rolling.wait_on_signals},
                  {"pause_time", rolling.pause_time}};
}

std::string RollingUpdateStartReason(const ExecJson& rolling) {
  const ExecJson& batches = rolling["batches"];
  std::string s =
      "Rolling update initiated. Terminating " + std::to_string(IntField(rolling, "instances")) +
      " obsolete instance(s) in batches of " +
      std::to_string(batches.empty() ? 0 : batches[0].get<int64_t>()) +
      ", while keeping at least " + std::to_string(IntField(rolling, "min_instances_in_service")) +
      " instance(s) in service.";
  if (rolling.value("wait_on_signals", false))
    s += " Waiting on resource signals with a timeout of " + StringField(rolling, "pause_time") +
         " when new instances are added to the autoscaling group.";
  return s;
}

bool Executor::AwaitStepSignals(OpContext& ctx, const Step& step, std::string* reason) {
  const bool creating = step.action == "create";
  StoredResource row;
  {
    std::lock_guard<std::mutex> guard(ctx.mu);
    row = ctx.live[step.logical_id];
  }
  const std::string in_progress = creating ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS";
  auto event = [&](const std::string& status, const std::string& why) {
    return StoredEvent{
        0,         ctx.stack.name, ctx.op.id, StateStore::Now(), step.logical_id, row.physical_id,
        step.type, status,         why};
  };
  SignalOutcome outcome = AwaitSignals(
      store_, ctx.stack.name, row.physical_id, step.logical_id, SignalWait::FromJson(step.signals),
      ctx.auto_signal, [&](const StoredSignal& signal) {
        std::string id =
            signal.unique_id.empty() ? "signal-" + std::to_string(signal.id) : signal.unique_id;
        StoredEvent e =
            event(in_progress, "Received " + signal.status + " signal with UniqueId " + id);
        if (store_.Write([&](StateStore::Tx& tx) { tx.AddEvent(e); }).ok())
          Emit({e});
      });
  std::string status = outcome.ok ? (creating ? "CREATE_COMPLETE" : "UPDATE_COMPLETE")
                                  : (creating ? "CREATE_FAILED" : "UPDATE_FAILED");
  row.status = status;
  if (!outcome.data.is_null()) {
    if (!row.attributes.is_object())
      row.attributes = ExecJson::object();
    row.attributes["Data"] = outcome.data;
  }
  StoredEvent done = event(status, outcome.ok ? "" : outcome.reason);
  Status s = store_.Write([&](StateStore::Tx& tx) {
    tx.PutResource(ctx.stack.name, row);
    tx.AddEvent(done);
  });
  {
    std::lock_guard<std::mutex> guard(ctx.mu);
    ctx.live[step.logical_id] = row;
  }
  if (!s.ok()) {
    *reason = s.error().message;
    return false;
  }
  CrashPoint();
  Emit({done});
  if (!outcome.ok)
    *reason = outcome.reason;
  return outcome.ok;
}

bool Executor::RunRollingUpdate(OpContext& ctx, const Step& step, std::string* reason) {
  StoredResource row;
  {
    std::lock_guard<std::mutex> guard(ctx.mu);
    row = ctx.live[step.logical_id];
  }
  auto record = [&](const std::string& status, const std::string& why, bool put_row) -> bool {
    StoredEvent e{
        0,         ctx.stack.name, ctx.op.id, StateStore::Now(), step.logical_id, row.physical_id,
        step.type, status,         why};
    Status s = store_.Write([&](StateStore::Tx& tx) {
      if (put_row)
        tx.PutResource(ctx.stack.name, row);
      tx.AddEvent(e);
    });
    if (!s.ok()) {
      *reason = s.error().message;
      return false;
    }
    Emit({e});
    return true;
  };
  const ExecJson& rolling = step.rolling;
  const ExecJson& batches = rolling["batches"];
  const bool wait = rolling.value("wait_on_signals", false);
  const int64_t percent = IntField(rolling, "min_successful_percent", 100);
  const std::string pause = StringField(rolling, "pause_time");
  std::optional<int64_t> pause_seconds = ParseIsoDuration(pause);
  const int64_t instances = IntField(rolling, "instances");
  int64_t done = 0;
  int64_t last_signal = 0;
  for (const StoredSignal& s : store_.GetSignals(ctx.stack.name, row.physical_id))
    last_signal = std::max(last_signal, s.id);  // earlier signals belong to earlier updates
  std::string failure;
  for (size_t i = 0; i < batches.size() && failure.empty(); ++i) {
    int64_t size = batches[i].get<int64_t>();
    std::string of =
        " (batch " + std::to_string(i + 1) + " of " + std::to_string(batches.size()) + ")";
    if (!record("UPDATE_IN_PROGRESS",
                "Terminating " + std::to_string(size) + " obsolete instance(s); replacing with " +
                    std::to_string(size) + " new instance(s)" + of + ".",
                false))
      return false;
    if (wait) {
      SignalWait batch;
      batch.count = size;
      batch.min_successes = (size * percent + 99) / 100;
      batch.timeout_seconds = pause_seconds.value_or(300);
      batch.timeout_text = pause;
      batch.after_id = last_signal;
      batch.batch = static_cast<int64_t>(i) + 1;
      if (!record("UPDATE_IN_PROGRESS",
                  "New instance(s) added to autoscaling group - Waiting on " +
                      std::to_string(batch.min_successes) +
                      " resource signal(s) with a timeout of " + pause + ": send them with `cfnx " +
                      "signal --stack " + ctx.stack.name + " --resource " + step.logical_id + "`.",
                  false))
        return false;
      SignalOutcome outcome = AwaitSignals(
          store_, ctx.stack.name, row.physical_id, step.logical_id, batch, ctx.auto_signal,
          [&](const StoredSignal& signal) {
            std::string id =
                signal.unique_id.empty() ? "signal-" + std::to_string(signal.id) : signal.unique_id;
            (void)record("UPDATE_IN_PROGRESS",
                         "Received " + signal.status + " signal with UniqueId " + id, false);
          });
      last_signal = std::max(last_signal, outcome.last_id);
      if (!outcome.ok) {
        failure = outcome.reason.rfind("Failed to receive", 0) == 0
                      ? "Failed to receive " + std::to_string(batch.min_successes) +
                            " resource signal(s) for the current batch. Each resource signal "
                            "timeout is counted as a FAILURE."
                      : outcome.reason;
        break;
      }
    }
    done += size;
    std::string progress = std::to_string(instances > 0 ? done * 100 / instances : 100);
    std::string line = "Successfully terminated " + std::to_string(size) +
                       " obsolete instance(s) (Progress " + progress + "%).";
    if (!wait && pause != "PT0S" && i + 1 < batches.size())
      line += " CloudFormation pauses " + pause +
              " here; the local backend runs no instances, so it does not wait.";
    if (!record("UPDATE_IN_PROGRESS", line, false))
      return false;
  }
  row.status = failure.empty() ? "UPDATE_COMPLETE" : "UPDATE_FAILED";
  {
    std::lock_guard<std::mutex> guard(ctx.mu);
    ctx.live[step.logical_id] = row;
  }
  if (!record(row.status, failure, true))
    return false;
  CrashPoint();
  if (!failure.empty())
    *reason = failure;
  return failure.empty();
}

}  // namespace cfnx
