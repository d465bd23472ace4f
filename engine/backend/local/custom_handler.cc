// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/custom_handler.h"

#include "engine/base/run_command.h"

namespace cfnx {
namespace {

CustomResponse Failed(std::string reason) {
  CustomResponse r;
  r.reason = std::move(reason);
  return r;
}

CustomResponse ParseResponse(const std::string& out, const CustomRequest& request) {
  StoreJson j = StoreJson::parse(out, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Failed("the handler's output is not a JSON response object" +
                  (out.empty() ? std::string(" (it printed nothing)") : ""));
  std::string status = j.value("Status", "");
  CustomResponse r;
  r.reason = j.contains("Reason") && j["Reason"].is_string() ? j["Reason"].get<std::string>() : "";
  if (status == "FAILED") {
    if (r.reason.empty())
      r.reason = "the handler answered FAILED without a Reason";
    return r;
  }
  if (status != "SUCCESS")
    return Failed("the handler's response has Status '" + status +
                  "'; it must be SUCCESS or FAILED");
  if (j.contains("PhysicalResourceId") && j["PhysicalResourceId"].is_string() &&
      !j["PhysicalResourceId"].get<std::string>().empty()) {
    r.physical_id = j["PhysicalResourceId"].get<std::string>();
  } else if (request.request_type == "Create") {
    return Failed("Invalid PhysicalResourceId: the handler's Create response has none");
  } else {
    r.physical_id = request.physical_id;
  }
  if (r.physical_id.size() > 1024)
    return Failed("Invalid PhysicalResourceId: longer than 1024 characters");
  if (j.contains("Data")) {
    if (!j["Data"].is_object())
      return Failed("the handler's Data must be an object of attribute name -> value");
    r.data = j["Data"];
    if (r.data.dump().size() > 4096)
      return Failed("Response object is too long: Data exceeds 4096 bytes");
  }
  r.no_echo = j.value("NoEcho", false) == true;
  r.ok = true;
  return r;
}

}  // namespace

StoreJson CustomRequestJson(const CustomRequest& request) {
  StoreJson j = StoreJson::object();
  j["RequestType"] = request.request_type;
  j["ResponseURL"] = "stdout";
  j["StackId"] = request.stack_id;
  j["RequestId"] = request.request_id;
  j["ResourceType"] = request.resource_type;
  j["LogicalResourceId"] = request.logical_id;
  if (request.request_type != "Create")
    j["PhysicalResourceId"] = request.physical_id;
  if (request.properties.is_object() && request.properties.contains("ServiceToken"))
    j["ServiceToken"] = request.properties["ServiceToken"];
  j["ResourceProperties"] =
      request.properties.is_object() ? request.properties : StoreJson::object();
  if (request.request_type == "Update")
    j["OldResourceProperties"] =
        request.old_properties.is_object() ? request.old_properties : StoreJson::object();
  return j;
}

CustomResponse RunCustomHandler(const std::string& command, const CustomRequest& request,
                                int timeout_seconds) {
  CommandRun run = RunCommand(command, CustomRequestJson(request).dump() + "\n", timeout_seconds);
  if (!run.ok())
    return Failed(run.Failure("the handler '" + command + "'", timeout_seconds));
  return ParseResponse(run.out, request);
}

}  // namespace cfnx
