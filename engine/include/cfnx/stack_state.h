// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/stack_state.h
//
// `StackState` is what is deployed now: one stack's name, id and status, the processed template
// it was last deployed with, the parameter values it resolved, every resource (logical id, type,
// physical id, status, the properties as deployed with every intrinsic resolved, and the
// attributes `Fn::GetAtt` returns), the stack's outputs, and a snapshot of the exports of the
// account and region (with the stacks importing each one).
//
// It is plain data. Backends produce it (`DeployBackend::DescribeStack`, cfnx/backend.h), the
// planner reads it (cfnx/plan.h) and tests write it by hand as golden input (`<case>.state.json`).
// A stack that does not exist yet is a `StackState` whose `exists()` is false: the planner then
// plans a creation.
//
// The JSON form uses CloudFormation's own field names (DescribeStacks, DescribeStackResources,
// ListExports), so a state can be assembled from real API answers:
//
//   {
//     "StackName": "app", "StackId": "arn:aws:cloudformation:...:stack/app/1",
//     "StackStatus": "UPDATE_COMPLETE", "StackStatusReason": "",
//     "DisableRollback": false, "Capabilities": ["CAPABILITY_IAM"],
//     "EnableTerminationProtection": false,
//     "StackPolicyBody": {"Statement": [ ... ]},          // GetStackPolicy; absent when none
//     "TemplateBody": { "Resources": { ... } },           // processed template, JSON
//     "Parameters": [ {"ParameterKey": "Env", "ParameterValue": "prod"} ],
//     "Resources": [ {
//         "LogicalResourceId": "Bucket", "ResourceType": "AWS::S3::Bucket",
//         "PhysicalResourceId": "app-bucket-1a2b", "ResourceStatus": "CREATE_COMPLETE",
//         "ResourceStatusReason": "",
//         "Properties": {"BucketName": "app-bucket-1a2b"},  // as deployed (resolved)
//         "Attributes": {"Arn": "arn:aws:s3:::app-bucket-1a2b"} } ],
//     "Outputs": [ {"OutputKey": "Name", "OutputValue": "app-bucket-1a2b",
//                   "Description": "", "ExportName": "app-BucketName"} ],
//     "Exports": [ {"ExportingStackId": "arn:...", "Name": "app-BucketName",
//                   "Value": "app-bucket-1a2b", "ImportingStacks": ["web"]} ]
//   }
//
// Every field is optional in JSON except that each resource needs "LogicalResourceId" and
// "ResourceType"; missing strings read as "", missing objects as {}. Writing and reading back
// gives an equal state (round trip), and `StackStateFingerprint` is stable across runs, so a
// saved plan can refuse to run against a state that changed since it was made.
//
//   cfnx::ErrorOr<cfnx::StackState> state = cfnx::StackStateFromJsonText(text);
//   if (!state.ok()) { std::cerr << state.error().message << "\n"; }

#ifndef CFNX_ENGINE_INCLUDE_CFNX_STACK_STATE_H_
#define CFNX_ENGINE_INCLUDE_CFNX_STACK_STATE_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfnx/error_or.h"

namespace cfnx {

// JSON values with document order kept (the same alias as engine/ast/json_convert.h).
using OrderedJson = nlohmann::ordered_json;

// One resource of a deployed stack (DescribeStackResources plus what the provider returned).
struct StackResource {
  std::string logical_id;     // "LogicalResourceId"
  std::string type;           // "ResourceType", e.g. "AWS::S3::Bucket"
  std::string physical_id;    // "PhysicalResourceId"; "" when never created
  std::string status;         // "ResourceStatus", e.g. "CREATE_COMPLETE" (AWS ResourceStatus)
  std::string status_reason;  // "ResourceStatusReason"
  // The properties as deployed, every intrinsic resolved (a JSON object; {} when none).
  OrderedJson properties = OrderedJson::object();
  // `Fn::GetAtt` name -> value ("Arn", "Endpoint.Address"), a JSON object.
  OrderedJson attributes = OrderedJson::object();
};

struct StackParameter {
  std::string key;    // "ParameterKey"
  std::string value;  // "ParameterValue": lists are comma-joined, as DescribeStacks shows them
  // "ResolvedValue": for SSM parameter types the value the parameter resolved to; "" otherwise.
  std::string resolved_value;
};

struct StackOutput {
  std::string key;          // "OutputKey"
  std::string value;        // "OutputValue"
  std::string description;  // "Description"
  std::string export_name;  // "ExportName"; "" when not exported
};

// One export of the account and region (ListExports + ListImports).
struct StackExport {
  std::string exporting_stack_id;  // "ExportingStackId"
  std::string name;                // "Name"
  std::string value;               // "Value"
  // Names of the stacks whose templates `Fn::ImportValue` this export, sorted.
  std::vector<std::string> importing_stacks;  // "ImportingStacks"
};

struct StackState {
  std::string stack_name;     // "StackName"
  std::string stack_id;       // "StackId"
  std::string status;         // "StackStatus" (AWS StackStatus); "" when the stack does not exist
  std::string status_reason;  // "StackStatusReason"
  bool disable_rollback = false;          // "DisableRollback"
  std::vector<std::string> capabilities;  // "Capabilities" granted at the last deployment
  bool termination_protection = false;    // "EnableTerminationProtection": destroy refuses
  // "StackPolicyBody": the stack policy (GetStackPolicy) as a JSON object; null when the stack
  // has none (every update allowed).
  OrderedJson stack_policy;
  // The processed template (transforms applied) last deployed, as JSON; null when none.
  OrderedJson template_body;               // "TemplateBody"
  std::vector<StackParameter> parameters;  // "Parameters"
  std::vector<StackResource> resources;    // "Resources", in template order
  std::vector<StackOutput> outputs;        // "Outputs"
  // Exports of the whole account and region, this stack's included.
  std::vector<StackExport> exports;  // "Exports"

  // Whether there is a deployed stack to update (status set and not DELETE_COMPLETE).
  // REVIEW_IN_PROGRESS (created by a change set, never executed) counts as not existing.
  bool exists() const;
  // Lookups; nullptr when absent. Linear scans.
  const StackResource* FindResource(std::string_view logical_id) const;
  const StackParameter* FindParameter(std::string_view key) const;
  const StackExport* FindExport(std::string_view name) const;
};

// The JSON form described above.
OrderedJson StackStateToJson(const StackState& state);
// Error (naming the JSON pointer of the offending field) when `json` is not an object or a
// field has the wrong JSON type.
ErrorOr<StackState> StackStateFromJson(const OrderedJson& json);
// Parses JSON text first; Error on malformed JSON.
ErrorOr<StackState> StackStateFromJsonText(std::string_view text);

// A stable 16-hex-digit fingerprint of everything in `state` (FNV-1a over its canonical JSON).
std::string StackStateFingerprint(const StackState& state);

// Whether `status` is one of CloudFormation's stack statuses in which an update may start
// (CREATE_COMPLETE, UPDATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE, IMPORT_COMPLETE, ...).
bool IsStableStackStatus(std::string_view status);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_STACK_STATE_H_
