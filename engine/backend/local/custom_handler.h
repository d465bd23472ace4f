// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A custom resource's provider, played offline by a local executable (`--handler
// TYPE_OR_LOGICALID=COMMAND`). CloudFormation sends a custom resource's service token (a Lambda
// function or an SNS topic) a request and waits for the response the provider PUTs to a
// pre-signed S3 URL
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html,
// crpg-ref-responses.html). Here the command (run with /bin/sh -c) gets the same request JSON on
// standard input and writes the same response JSON to standard output:
//
//   request:  {"RequestType": "Create|Update|Delete", "ResponseURL": "stdout",
//              "StackId": ..., "RequestId": ..., "ResourceType": "Custom::Db",
//              "LogicalResourceId": "Db", "PhysicalResourceId": ... (Update, Delete),
//              "ResourceProperties": {"ServiceToken": ..., ...},
//              "OldResourceProperties": {...} (Update)}
//   response: {"Status": "SUCCESS|FAILED", "Reason": ..., "PhysicalResourceId": ...,
//              "Data": {"Key": "value"}, "NoEcho": false}
//
// `Data` becomes the resource's attributes (Fn::GetAtt Db.Key). A command that exits non-zero,
// writes no valid response, answers FAILED or outlives the timeout fails the operation, which
// then rolls back as CloudFormation's would.

#ifndef CFNX_ENGINE_BACKEND_LOCAL_CUSTOM_HANDLER_H_
#define CFNX_ENGINE_BACKEND_LOCAL_CUSTOM_HANDLER_H_

#include <string>

#include "engine/backend/local/state_store.h"

namespace cfnx {

struct CustomRequest {
  std::string request_type;  // Create, Update or Delete
  std::string stack_id;
  std::string request_id;
  std::string resource_type;
  std::string logical_id;
  std::string physical_id;   // Update and Delete
  StoreJson properties;      // ResourceProperties (resolved, ServiceToken included)
  StoreJson old_properties;  // OldResourceProperties (Update)
};

struct CustomResponse {
  bool ok = false;
  std::string physical_id;
  StoreJson data = StoreJson::object();
  bool no_echo = false;
  std::string reason;  // why it failed (the handler's Reason, or what went wrong running it)
};

// The request as JSON, in CloudFormation's shape.
StoreJson CustomRequestJson(const CustomRequest& request);

// Runs `command` with the request on stdin and reads its response; at most `timeout_seconds`.
CustomResponse RunCustomHandler(const std::string& command, const CustomRequest& request,
                                int timeout_seconds);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_LOCAL_CUSTOM_HANDLER_H_
