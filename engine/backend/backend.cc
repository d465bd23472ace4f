// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "cfnx/backend.h"

namespace cfnx {

OrderedJson StackEventToJson(const StackEvent& e) {
  OrderedJson j = OrderedJson::object();
  j["EventId"] = e.event_id;
  j["StackName"] = e.stack_name;
  j["StackId"] = e.stack_id;
  j["LogicalResourceId"] = e.logical_id;
  j["PhysicalResourceId"] = e.physical_id;
  j["ResourceType"] = e.resource_type;
  j["Timestamp"] = e.timestamp;
  j["ResourceStatus"] = e.status;
  if (!e.status_reason.empty()) {
    j["ResourceStatusReason"] = e.status_reason;
  }
  if (!e.properties.is_null()) {
    j["ResourceProperties"] = e.properties;
  }
  return j;
}

std::string_view ResourceOperationName(ResourceOperation op) {
  switch (op) {
    case ResourceOperation::kCreate:
      return "create";
    case ResourceOperation::kUpdate:
      return "update";
    case ResourceOperation::kDelete:
      return "delete";
  }
  return "create";
}

bool ParseResourceOperation(std::string_view name, ResourceOperation* op) {
  for (ResourceOperation o :
       {ResourceOperation::kCreate, ResourceOperation::kUpdate, ResourceOperation::kDelete}) {
    if (ResourceOperationName(o) == name) {
      *op = o;
      return true;
    }
  }
  return false;
}

}  // namespace cfnx
