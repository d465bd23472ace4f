// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// An HTTP API authorizer (Auth.Authorizers of AWS::Serverless::HttpApi), as the reference's
// ApiGatewayV2Authorizer (samtranslator/model/apigatewayv2.py): JWT (OAuth2), Lambda (REQUEST)
// or the built-in AWS_IAM one. It is not a resource of its own: it becomes an entry of the
// OpenAPI document's components.securitySchemes.

#ifndef CFNX_TRANSFORMS_SAM_HTTP_AUTHORIZER_H_
#define CFNX_TRANSFORMS_SAM_HTTP_AUTHORIZER_H_

#include <string>
#include <utility>
#include <vector>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

struct HttpAuthorizer {
  std::string api_logical_id;
  std::string name;
  // Each property as written; null when absent (the reference's None).
  Json authorization_scopes;
  Json jwt_configuration;  // keys lower-cased
  Json id_source;
  Json function_arn;
  Json function_invoke_role;
  Json identity;
  Json payload_format_version;
  Json enable_simple_responses;
  Json enable_function_default_permissions;
  bool is_aws_iam = false;

  // "AWS_IAM", "JWT" or "REQUEST".
  std::string Type() const;
  // The securitySchemes entry (`partition` names the Lambda integration's ARN).
  Status GenerateOpenApi(const std::string& partition, Json* out) const;
};

// In the order the reference builds its dict: AWS_IAM first when enabled, then as written.
using AuthorizerList = std::vector<std::pair<std::string, HttpAuthorizer>>;

const HttpAuthorizer* FindAuthorizer(const AuthorizerList& list, const std::string& name);

// _get_authorizers: validates Auth.Authorizers of the API `api_id` and builds them.
Status BuildHttpAuthorizers(const std::string& api_id, const Json* config, bool enable_iam,
                            AuthorizerList* out);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_HTTP_AUTHORIZER_H_
