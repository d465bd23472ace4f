// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/sts.h"

namespace cfnx {

ErrorOr<AwsCredentials> AssumeRole(const AwsClientOptions& base, const AwsCredentials& source,
                                   const AssumeRoleRequest& request) {
  AwsClientOptions options = base;
  options.region =
      !request.region.empty() ? request.region : (!base.region.empty() ? base.region : "us-east-1");
  options.credentials = [source]() -> ErrorOr<AwsCredentials> {
    return source;
  };
  AwsClient sts(std::move(options));
  FormParams params = {{"RoleArn", request.role_arn}, {"RoleSessionName", request.session_name}};
  if (!request.external_id.empty()) {
    params.emplace_back("ExternalId", request.external_id);
  }
  if (request.duration_seconds > 0) {
    params.emplace_back("DurationSeconds", std::to_string(request.duration_seconds));
  }
  ErrorOr<QueryResponse> response = sts.Query("sts", "2011-06-15", "AssumeRole", params);
  if (!response.ok()) {
    return response.error();
  }
  if (!response->ok()) {
    return Error{response->error->Describe("STS AssumeRole")};
  }
  pugi::xml_node c = response->result.child("Credentials");
  AwsCredentials out;
  out.access_key_id = ChildText(c, "AccessKeyId");
  out.secret_access_key = ChildText(c, "SecretAccessKey");
  out.session_token = ChildText(c, "SessionToken");
  out.expiration = ChildText(c, "Expiration");
  if (out.access_key_id.empty() || out.secret_access_key.empty()) {
    return Error{"STS AssumeRole: the answer has no credentials"};
  }
  return out;
}

}  // namespace cfnx
