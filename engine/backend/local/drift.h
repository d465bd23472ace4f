// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Drift detection on the local backend, in the shape of CloudFormation's
// DescribeStackResourceDrifts
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackResourceDrift.html):
// for each resource of a stack, what the stack expects (the resolved properties its last
// deployment gave the resource, `resources.properties`) against what the simulated provider
// holds (`cloud.properties` of the same type and physical id).
//
//   IN_SYNC      the same properties
//   MODIFIED     PropertyDifferences lists each path (JSON pointer, "/Tags/0/Value") with
//                DifferenceType ADD (only actual has it), REMOVE (only expected has it) or
//                NOT_EQUAL; values are printed as CloudFormation does (strings as they are,
//                anything else as JSON text)
//   DELETED      the provider no longer has the resource
//   NOT_CHECKED  types CloudFormation does not check: custom resources and nested stacks
//
// The simulated provider only drifts when told to (`SimulateDrift`, `cfnx simulate-drift`): a
// test sets or removes properties of the provider's copy, or deletes it, in one transaction.
// Lists compare by position (CloudFormation compares some unordered lists as sets). Values the
// template derives from a NoEcho parameter are compared as they are but returned as "****".

#ifndef CFNX_ENGINE_BACKEND_LOCAL_DRIFT_H_
#define CFNX_ENGINE_BACKEND_LOCAL_DRIFT_H_

#include <string>
#include <vector>

#include "cfnx/error_or.h"
#include "engine/backend/local/state_store.h"

namespace cfnx {

struct PropertyDifference {
  std::string path;  // JSON pointer below the resource's properties: "/Tags/0/Value"
  std::string expected_value;
  std::string actual_value;
  std::string difference_type;  // ADD, REMOVE or NOT_EQUAL
};

struct ResourceDrift {
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string status;  // IN_SYNC, MODIFIED, DELETED or NOT_CHECKED
  StoreJson expected;  // properties (null for NOT_CHECKED)
  StoreJson actual;    // properties (null for DELETED, NOT_CHECKED)
  std::vector<PropertyDifference> differences;
};

// The drift of every current resource of `stack`, in logical id order. An Error when the stack
// does not exist.
ErrorOr<std::vector<ResourceDrift>> DetectStackDrift(StateStore& store, const std::string& stack);

// The differences between `expected` and `actual` properties, in document order.
std::vector<PropertyDifference> DiffProperties(const StoreJson& expected, const StoreJson& actual);

// DescribeStackResourceDrifts' answer: {"StackResourceDrifts": [...]} with StackId, timestamps
// and the expected/actual properties as JSON text, plus "StackDriftStatus" (DetectStackDrift's
// DRIFTED or IN_SYNC).
StoreJson DriftJson(const StoredStack& stack, const std::vector<ResourceDrift>& drifts,
                    const std::string& timestamp);

// Whether any resource is MODIFIED or DELETED.
bool Drifted(const std::vector<ResourceDrift>& drifts);

// What `cfnx simulate-drift` does to the provider's copy of a resource.
struct DriftEdit {
  std::vector<std::pair<std::string, StoreJson>> set;  // JSON pointer -> new value
  std::vector<std::string> unset;                      // JSON pointers to remove
  bool remove = false;                                 // delete the resource from the provider
};

// Applies `edit` to the provider's copy of `logical_id` in `stack`, in one transaction. An
// Error when the stack, the resource or its provider copy does not exist, or a path is not
// valid for the properties.
Status SimulateDrift(StateStore& store, const std::string& stack, const std::string& logical_id,
                     const DriftEdit& edit);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_LOCAL_DRIFT_H_
