// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::Api (REST) and the Function `Api` event: what the reference's
// DefaultDefinitionBodyPlugin, ImplicitRestApiPlugin, Api event source and ApiGenerator share.
// The Swagger documents live here as PyValues (see py_value.h) from the plugins until the API
// is translated, because the Deployment's logical id hashes their Python str().

#ifndef CFNX_TRANSFORMS_SAM_REST_API_H_
#define CFNX_TRANSFORMS_SAM_REST_API_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "transforms/sam/events/event.h"
#include "transforms/sam/py_value.h"

namespace cfnx::sam {

inline constexpr const char kImplicitRestApiId[] = "ServerlessRestApi";

struct RestApiState {
  // Whether the reference converts the template to its Python 2.7 types (it has an
  // AWS::Serverless::Api or an Api event).
  bool py27 = false;
  // The DefinitionBody of an AWS::Serverless::Api as the reference holds it, once something
  // has read or edited it.
  std::map<std::string, PyValue> bodies;
  // Per API: the FunctionName of each function with an Api event on it (Translator's
  // function_names), in translation order.
  std::map<std::string, std::vector<std::string>> function_names;
  // SharedApiUsagePlan: what the APIs with a SHARED usage plan contribute.
  struct SharedUsagePlan {
    Json stage_keys = Json::array();
    Json api_stages = Json::array();
    Json depends_on = Json::array();
    std::set<std::string> conditions;
    bool any_api_without_condition = false;
    std::string deletion_policy;
    std::string update_replace_policy;
  } shared_usage_plan;
  // The keys of Resources as the reference's Py27Dict holds them after ImplicitRestApiPlugin
  // (when py27): later plugins that add a resource (ServerlessHttpApi) add it here too.
  Py27Keys resource_keys;
  // Whether ServerlessRestApi is the plugin's (its StageName is a plain Python str).
  bool implicit_created = false;
};

RestApiState& RestApis(Context& ctx);
// The API's DefinitionBody (converted from the template the first time), or nullptr when
// the resource has none.
PyValue* RestApiBody(Context& ctx, const std::string& api_id);

// The two plugins that run before Globals: DefaultDefinitionBody (REST part) and
// ImplicitRestApi. Edits `input` (adds ServerlessRestApi, RestApiId on events). The events'
// errors go to `errors` (the reference raises them together); a fatal error is returned.
Status PrepareRestApis(Json& input, Context& ctx, std::vector<Error>* errors);

// Globals.fix_openapi_definitions, after Globals: a SAM-managed Swagger of an API with
// OpenApiVersion 3.x becomes an OpenAPI document of that version.
void FixOpenApiVersions(Json& input, Context& ctx);

Status TranslateApi(SamResource& resource, Context& ctx, GeneratedList* out);

// Api.get_rest_api_id_string: an event's RestApiId as the API's logical id ({"Ref": X} -> X),
// anything else as given; null when absent.
Json RestApiIdString(const Json* raw);

std::vector<PropertySpec> ApiEventSpecs(const std::string& type);
Status LinkApi(const EventSource& event, Context& ctx);
Status TranslateApiEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                         GeneratedList* out);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_REST_API_H_
