// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What the executor's files share: the step a provider call makes (journaled as it runs) and the
// state of one operation. Only engine/exec/*.cc include this.

#ifndef CFNX_ENGINE_EXEC_EXECUTOR_INTERNAL_H_
#define CFNX_ENGINE_EXEC_EXECUTOR_INTERNAL_H_

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "engine/exec/executor.h"
#include "engine/exec/records.h"

namespace cfnx {

struct Executor::Step {
  std::string action;
  std::string logical_id;
  std::string type;
  ExecJson properties = ExecJson::object();
  StoredResource before;   // the existing row the step acts on, when there is one
  StoredResource new_row;  // unreplace: the replacement being abandoned
  std::string deletion_policy;
  std::string update_replace_policy;
  int64_t undo = 0;  // rollback steps: the journal seq they compensate
  int64_t seq = 0;
  // A nested stack with a template of its own (engine/exec/nested_stack.cc): {"Template",
  // "Nested", "Previous": {"Template", "Parameters"}}; null for every other resource.
  ExecJson nested;
  // What the resource waits for once created (SignalWait::ToJson); null when nothing.
  ExecJson signals;
  // An Auto Scaling group's rolling update (RollingUpdateData); null when none.
  ExecJson rolling;
  // The progress event's reason when it is not the action's usual one (not journaled).
  std::string note;

  ExecJson ToData() const {
    ExecJson j = ExecJson::object();
    j["type"] = type;
    j["properties"] = properties;
    j["before"] = before.physical_id.empty() ? ExecJson() : RowToJson(before);
    j["new_row"] = new_row.physical_id.empty() ? ExecJson() : RowToJson(new_row);
    j["deletion_policy"] = deletion_policy;
    j["update_replace_policy"] = update_replace_policy;
    j["undo"] = undo;
    if (!nested.is_null())
      j["nested"] = nested;
    if (!signals.is_null())
      j["signals"] = signals;
    if (!rolling.is_null())
      j["rolling"] = rolling;
    return j;
  }
  static Step FromEntry(const JournalEntry& e) {
    Step s;
    s.action = e.action;
    s.logical_id = e.logical_id;
    s.seq = e.seq;
    const ExecJson& d = e.data;
    if (d.is_object()) {
      s.type = StringField(d, "type");
      s.properties = ObjectField(d, "properties");
      s.before = RowFromJson(Field(d, "before"));
      s.new_row = RowFromJson(Field(d, "new_row"));
      s.deletion_policy = StringField(d, "deletion_policy");
      s.update_replace_policy = StringField(d, "update_replace_policy");
      s.undo = IntField(d, "undo");
      s.nested = Field(d, "nested");
      s.signals = Field(d, "signals");
      s.rolling = Field(d, "rolling");
    }
    return s;
  }
};

struct Executor::OpContext {
  Operation op;
  StoredStack stack;
  ExecJson template_json;
  std::map<std::string, ExecJson> parameters;    // resolved (SSM parameter types: their values)
  std::map<std::string, std::string> ssm_names;  // SSM parameter types: parameter -> SSM name
  std::map<std::string, bool> conditions;
  std::string region, account_id, partition;
  int parallel = 4;
  std::atomic<int64_t> next_seq{1};
  std::mutex mu;
  std::map<std::string, StoredResource> live;  // logical id -> current row
  std::set<std::string> imports;
  // Positions of logical ids in the plan's rollback waves, its rollback cleanup and its
  // cleanup waves.
  std::map<std::string, size_t> rollback_position;
  std::map<std::string, size_t> rollback_cleanup_position;
  std::map<std::string, size_t> cleanup_position;
  // DeployRequest::nested_templates and fault_prefix of the operation.
  ExecJson nested_templates = ExecJson::object();
  std::string fault_prefix;
  bool auto_signal = false;  // DeployRequest::auto_signal
};

struct RollingUpdate;
// The journaled form of a rolling update of `instances` instances, and the event reason that
// starts it (engine/exec/step_waits.cc).
ExecJson RollingUpdateData(const RollingUpdate& rolling, int64_t instances);
std::string RollingUpdateStartReason(const ExecJson& rolling);

// Whether a resource leaves its DeletionPolicy / UpdateReplacePolicy `policy` in place.
inline bool Retains(const std::string& policy, bool created_in_this_operation) {
  if (policy == "Retain")
    return true;
  if (policy == "RetainExceptOnCreate")
    return !created_in_this_operation;
  return false;
}

}  // namespace cfnx

#endif  // CFNX_ENGINE_EXEC_EXECUTOR_INTERNAL_H_
