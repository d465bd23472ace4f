// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <algorithm>

#include "engine/exec/executor.h"
#include "engine/exec/records.h"

namespace cfnx {

StackState StoredStackState(StateStore& store, const std::string& name) {
  StackState state;
  state.stack_name = name;
  std::map<std::string, std::string> stack_ids;
  for (const StoredStack& s : store.ListStacks())
    stack_ids[s.name] = s.stack_id;
  for (const auto& e : store.GetExports()) {
    StackExport x;
    x.name = e[0];
    x.exporting_stack_id = stack_ids[e[1]];
    x.value = e[2];
    x.importing_stacks = store.GetImporters(e[0]);
    std::sort(x.importing_stacks.begin(), x.importing_stacks.end());
    state.exports.push_back(std::move(x));
  }
  std::optional<StoredStack> stack = store.GetStack(name);
  if (!stack || stack->status == "DELETE_COMPLETE")
    return state;
  state.stack_id = stack->stack_id;
  state.status = stack->status;
  state.status_reason = stack->status_reason;
  state.template_body = stack->template_json;
  StackSettings settings = store.GetStackSettings(name);
  state.termination_protection = settings.termination_protection;
  state.stack_policy = settings.stack_policy;
  if (stack->parameters.is_object()) {
    for (auto it = stack->parameters.begin(); it != stack->parameters.end(); ++it)
      state.parameters.push_back({it.key(), ParameterText(it.value()),
                                  stack->resolved_parameters.contains(it.key())
                                      ? ParameterText(stack->resolved_parameters[it.key()])
                                      : std::string()});
  }
  for (const StoredResource& r : store.GetResources(name)) {
    if (r.role != "current")
      continue;
    StackResource out;
    out.logical_id = r.logical_id;
    out.type = r.type;
    out.physical_id = r.physical_id;
    out.status = r.status;
    out.properties = r.properties.is_object() ? r.properties : ExecJson::object();
    out.attributes = r.attributes.is_object() ? r.attributes : ExecJson::object();
    state.resources.push_back(std::move(out));
  }
  if (stack->outputs.is_array()) {
    for (const ExecJson& o : stack->outputs) {
      state.outputs.push_back({StringField(o, "OutputKey"), StringField(o, "OutputValue"),
                               StringField(o, "Description"), StringField(o, "ExportName")});
    }
  }
  return state;
}

}  // namespace cfnx
