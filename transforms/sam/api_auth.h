// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The parts of the reference's ApiGenerator and Api event that configure access to a REST API:
// Auth (authorizers, DefaultAuthorizer, API keys, resource policies, usage plans), gateway
// responses and custom domains, plus MergeDefinitions.

#ifndef CFNX_TRANSFORMS_SAM_API_AUTH_H_
#define CFNX_TRANSFORMS_SAM_API_AUTH_H_

#include <string>
#include <vector>

#include "transforms/sam/events/event.h"
#include "transforms/sam/swagger_editor.h"

namespace cfnx::sam {

// An authorizer of Auth.Authorizers as ApiGatewayAuthorizer holds it.
struct RestAuthorizer {
  std::string name;
  Json function_arn;  // null unless a Lambda authorizer
  bool is_lambda = false;
};

struct ApiAuthResult {
  std::vector<RestAuthorizer> authorizers;
};

// ApiGenerator._add_auth: security definitions, default authorizer / API key on every path,
// resource policy. `auth` has its parameter Refs resolved (null when absent).
Status AddApiAuth(const std::string& api_id, const Json& auth, const PyValue& stage_name,
                  Context& ctx, PyValue* body, ApiAuthResult* out);
// ApiGenerator._add_gateway_responses.
Status AddGatewayResponses(const std::string& api_id, const Json* responses, PyValue* body);
// The Lambda permissions of Lambda authorizers.
Status AuthorizerPermissions(const SamResource& api, Context& ctx, const ApiAuthResult& auth,
                             GeneratedList* out);
// Auth.UsagePlan: usage plan, API key, usage plan key.
Status ConstructUsagePlan(const SamResource& api, Context& ctx, const Json& auth,
                          const std::string& stage_id, GeneratedList* out);
// Domain: domain name, base path mappings, Route53 record sets (a PRIVATE domain: the V2
// resources, whose access association goes to `late`). `domain` is updated the way
// the reference updates it (it is part of the Deployment hash).
Status ConstructApiDomain(const SamResource& api, Context& ctx, PyValue* domain, GeneratedList* out,
                          GeneratedList* late);
// json.dumps(value) with Python's default separators and ASCII escapes.
std::string PyJsonDumpsSpaced(const PyValue& value);

// Api.add_auth_to_swagger for one event.
Status AddEventAuthToSwagger(const EventSource& event, const Json& event_auth,
                             const Json& api_props, const std::string& api_id,
                             const std::string& method, const std::string& path,
                             const PyValue& stage, Context& ctx, SwaggerEditor& editor);
// Api._get_merged_definitions: the event's generated method merged into the user's body.
Status MergeDefinitions(const std::string& api_id, const std::string& path,
                        const std::string& method, SwaggerEditor& editor, PyValue* body);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_API_AUTH_H_
