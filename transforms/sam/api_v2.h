// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What AWS::Serverless::HttpApi and AWS::Serverless::WebSocketApi share, as the reference's
// ApiV2Generator (samtranslator/model/api/apiv2_generator.py): the custom domain (DomainName,
// ApiMappings, Route53 record set group) and the permission that lets API Gateway call a Lambda
// authorizer.

#ifndef CFNX_TRANSFORMS_SAM_API_V2_H_
#define CFNX_TRANSFORMS_SAM_API_V2_H_

#include <map>
#include <string>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

struct ApiV2Domain {
  std::string api_id;            // the SAM API's logical id (also the generated Api's)
  std::string default_tag_name;  // "httpapi:createdBy" / "websocketapi:createdBy"
  Json passthrough = Json::object();
};

// _construct_api_domain: appends the DomainName, the ApiMappings and the Route53 record set
// group (if any) to `out`, in that order. `domain` is the Domain property (it gets the
// reference's ApiDomainName/EndpointConfiguration defaults). Record set groups are kept in
// `record_set_groups` by logical id so that several APIs on one hosted zone share one.
Status ConstructApiV2Domain(const ApiV2Domain& api, Json& domain,
                            std::map<std::string, Json>* record_set_groups, GeneratedList* out);

// _get_authorizer_permission: AWS::Lambda::Permission for API Gateway to call an authorizer.
Generated AuthorizerPermission(const std::string& logical_id, const Json& function_arn,
                               const Json& api_id, const Json& passthrough);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_API_V2_H_
