// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::WebSocketApi, as the reference's SamWebSocketApi and WebSocketApiGenerator
// (samtranslator/model/sam_resources.py, model/api/websocket_api_generator.py): the
// AWS::ApiGatewayV2::Api (protocol WEBSOCKET), one Route + Integration + Lambda permission per
// route, the custom domain, the stage, and the $connect route's authorizer.

#include <string>
#include <utility>
#include <vector>

#include "transforms/sam/api_v2.h"
#include "transforms/sam/http_api.h"
#include "transforms/sam/intrinsics.h"

namespace cfnx::sam {
namespace {

constexpr const char* kDefaultStageName = "default";
constexpr const char* kTagName = "websocketapi:createdBy";
constexpr const char* kInvocationsArn =
    "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${";

const std::vector<PropertySpec>& WebSocketApiSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"ApiKeySelectionExpression", PropType::kString},
      {"AccessLogSettings", PropType::kDict},
      {"Auth", PropType::kDict},
      {"DefaultRouteSettings", PropType::kDict},
      {"Description", PropType::kString},
      {"DisableExecuteApiEndpoint", PropType::kBool},
      {"Domain", PropType::kDict},
      {"DisableSchemaValidation", PropType::kBool},
      {"FailOnWarnings", PropType::kBool},
      {"IpAddressType", PropType::kString},
      {"Name", PropType::kString},
      {"PropagateTags", PropType::kBool},
      {"Routes", PropType::kDict, true},
      {"RouteSettings", PropType::kDict},
      {"RouteSelectionExpression", PropType::kString, true},
      {"StageName", PropType::kStringOrDict},
      {"StageVariables", PropType::kDict},
      {"Tags", PropType::kDict},
  };
  return kSpecs;
}

Json PropOrNull(const SamResource& r, std::string_view name) {
  const Json* v = r.Prop(name);
  return v != nullptr ? *v : Json();
}

Json GetOrNull(const Json& obj, std::string_view key) {
  const Json* v = Get(obj, key);
  return v != nullptr ? *v : Json();
}

// Sets `key` unless `value` is null (the reference leaves None properties out).
void SetIf(Json& props, const char* key, const Json& value) {
  if (!value.is_null())
    props[key] = value;
}

bool IsAsciiAlnum(const std::string& s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

// str.capitalize(): the first character upper-cased, the rest lower-cased.
std::string Capitalize(std::string s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char& c = s[i];
    if (i == 0 && c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 'a' + 'A');
    else if (i > 0 && c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

class WebSocketApiGenerator {
 public:
  WebSocketApiGenerator(const SamResource& r, Context& ctx) : r_(r), ctx_(ctx), id_(r.logical_id) {}
  Status Generate(GeneratedList* out);

 private:
  Status ValidateAuth() const;
  Status RouteKeyId(const std::string& key, std::string* out) const;
  Status Route(const std::string& key, const Json& spec, GeneratedList* out, bool* has_authorizer);
  Json Authorizer() const;
  Status Stage(std::vector<std::string> route_ids, Generated* out) const;

  const SamResource& r_;
  Context& ctx_;
  std::string id_;
  Json auth_;
  Json routes_;
  Json domain_;
  Json stage_name_;
  Json tags_;
};

Status WebSocketApiGenerator::ValidateAuth() const {
  const Json* type = Get(auth_, "AuthType");
  if (!Truthy(type)) {
    return ResourceError(id_, "AuthType must be specified for additional auth configurations.");
  }
  std::string upper = PyStr(*type);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 'a' + 'A');
  }
  if (upper != "NONE" && upper != "AWS_IAM" && upper != "CUSTOM")
    return ResourceError(id_, "AuthType is not one of AWS_IAM, CUSTOM or NONE.");
  if (upper == "CUSTOM" && !Truthy(Get(auth_, "AuthArn")))
    return ResourceError(id_, "AuthArn must be specified if AuthType is CUSTOM.");
  if (upper == "AWS_IAM" && auth_.size() > 1)
    return ResourceError(id_, "No additional configurations supported for AuthType AWS_IAM.");
  if (upper == "NONE" && auth_.size() > 1)
    return ResourceError(id_, "No additional configurations supported for AuthType NONE.");
  return Ok();
}

Status WebSocketApiGenerator::RouteKeyId(const std::string& key, std::string* out) const {
  if (key == "$connect" || key == "$disconnect" || key == "$default") {
    *out = Capitalize(key.substr(1));
    return Ok();
  }
  if (IsAsciiAlnum(key)) {
    *out = Capitalize(key);
    return Ok();
  }
  return ResourceError(id_, "Route key '" + key +
                                "' must be alphanumeric. Only $connect, $disconnect, and "
                                "$default special routes are supported.");
}

Json WebSocketApiGenerator::Authorizer() const {
  std::string name = id_ + "ConnectAuthorizer";
  Json auth = NewResource("AWS::ApiGatewayV2::Authorizer", Json::object());
  Json& p = auth["Properties"];
  p["ApiId"] = Ref(id_);
  if (Truthy(auth_)) {
    if (auth_.contains("InvokeRole"))
      p["AuthorizerCredentialsArn"] = auth_["InvokeRole"];
    p["AuthorizerType"] = "REQUEST";
    if (auth_.contains("AuthArn")) {
      p["AuthorizerUri"] =
          Json{{"Fn::Sub", Json::array({std::string(kInvocationsArn) + "AuthArn}/invocations",
                                        Json{{"AuthArn", auth_["AuthArn"]}}})}};
    }
    SetIf(p, "IdentitySource", GetOrNull(auth_, "IdentitySource"));
    const Json* given = Get(auth_, "Name");
    p["Name"] = Truthy(given) ? *given : Json(name);
  }
  return auth;
}

Status WebSocketApiGenerator::Route(const std::string& key, const Json& spec, GeneratedList* out,
                                    bool* has_authorizer) {
  std::string clean;
  SAM_TRY(RouteKeyId(key, &clean));
  std::string base = id_ + clean;
  std::string route_id = base + "Route";
  std::string integration_id = base + "Integration";
  std::string permission_id = base + "Permission";
  Json passthrough = Json::object();

  Json route = NewResource("AWS::ApiGatewayV2::Route", passthrough);
  Json& rp = route["Properties"];
  rp["ApiId"] = Ref(id_);
  SetIf(rp, "ApiKeyRequired", GetOrNull(spec, "ApiKeyRequired"));
  std::string authorization_type;
  if (Truthy(auth_)) {
    SAM_TRY(ValidateAuth());
    if (key == "$connect") {
      const Json& type = auth_["AuthType"];
      if (type == "CUSTOM") {
        if (Truthy(Get(auth_, "AuthArn"))) {
          rp["AuthorizationType"] = "CUSTOM";
          rp["AuthorizerId"] = Ref(id_ + "ConnectAuthorizer");
          *has_authorizer = true;
        }
      } else if (type == "AWS_IAM") {
        rp["AuthorizationType"] = "AWS_IAM";
      } else {
        rp["AuthorizationType"] = "NONE";
      }
    }
  }
  SetIf(rp, "ModelSelectionExpression", GetOrNull(spec, "ModelSelectionExpression"));
  SetIf(rp, "OperationName", GetOrNull(spec, "OperationName"));
  SetIf(rp, "RequestModels", GetOrNull(spec, "RequestModels"));
  if (Truthy(Get(spec, "RequestParameters"))) {
    if (key != "$connect") {
      return ResourceError(id_,
                           "Request parameters are only supported for the $connect route in "
                           "WebSocket APIs.");
    }
    rp["RequestParameters"] = spec["RequestParameters"];
  }
  rp["RouteKey"] = key;
  SetIf(rp, "RouteResponseSelectionExpression",
        GetOrNull(spec, "RouteResponseSelectionExpression"));
  rp["Target"] =
      Json{{"Fn::Join", Json::array({"/", Json::array({"integrations", Ref(integration_id)})})}};

  if (!spec.contains("FunctionArn"))
    return ResourceError(id_, "Route must have associated function.");
  const Json& function_arn = spec["FunctionArn"];
  Json integration = NewResource("AWS::ApiGatewayV2::Integration", passthrough);
  Json& ip = integration["Properties"];
  ip["ApiId"] = Ref(id_);
  ip["IntegrationType"] = "AWS_PROXY";
  ip["IntegrationUri"] =
      Json{{"Fn::Sub", Json::array({std::string(kInvocationsArn) + "FunctionArn}/invocations",
                                    Json{{"FunctionArn", function_arn}}})}};
  SetIf(ip, "TimeoutInMillis", GetOrNull(spec, "IntegrationTimeout"));

  Json permission = NewResource("AWS::Lambda::Permission", passthrough);
  Json& pp = permission["Properties"];
  pp["Action"] = "lambda:InvokeFunction";
  pp["FunctionName"] = function_arn;
  pp["Principal"] = "apigateway.amazonaws.com";
  std::string arn =
      "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + id_ + ".ApiId}/";
  if (stage_name_.is_string()) {
    pp["SourceArn"] = Sub(arn + stage_name_.get<std::string>() + "/" + key);
  } else {
    pp["SourceArn"] = Json{{"Fn::Sub", Json::array({arn + "${__StageName__}/" + key,
                                                    Json{{"__StageName__", stage_name_}}})}};
  }
  out->push_back(Generated{route_id, std::move(route)});
  out->push_back(Generated{integration_id, std::move(integration)});
  out->push_back(Generated{permission_id, std::move(permission)});
  return Ok();
}

Status WebSocketApiGenerator::Stage(std::vector<std::string> route_ids, Generated* out) const {
  if (stage_name_ == "$default")
    return ResourceError(id_, "Stages cannot be named $default for WebSocket APIs.");
  std::string prefix = stage_name_.is_string() ? stage_name_.get<std::string>() : "";
  out->logical_id = prefix != kDefaultStageName ? id_ + prefix + "Stage" : id_ + "DefaultStage";
  Json attributes = Json::object();
  Json route_settings = PropOrNull(r_, "RouteSettings");
  if (Truthy(route_settings) && !route_ids.empty()) {
    Json depends = Json::array();
    for (std::string& id : route_ids)
      depends.push_back(std::move(id));
    attributes["DependsOn"] = std::move(depends);
  }
  Json stage = NewResource("AWS::ApiGatewayV2::Stage", attributes);
  Json& p = stage["Properties"];
  SetIf(p, "AccessLogSettings", PropOrNull(r_, "AccessLogSettings"));
  SetIf(p, "DefaultRouteSettings", PropOrNull(r_, "DefaultRouteSettings"));
  SetIf(p, "RouteSettings", route_settings);
  p["ApiId"] = Ref(id_);
  p["StageName"] = stage_name_;
  p["Tags"] = Json{{kTagName, "SAM"}};
  SetIf(p, "StageVariables", PropOrNull(r_, "StageVariables"));
  p["AutoDeploy"] = true;
  out->resource = std::move(stage);
  return Ok();
}

Status WebSocketApiGenerator::Generate(GeneratedList* out) {
  auth_ = ResolveParameterRefs(PropOrNull(r_, "Auth"), ctx_.parameters);
  domain_ = ResolveParameterRefs(PropOrNull(r_, "Domain"), ctx_.parameters);
  routes_ = ResolveParameterRefs(PropOrNull(r_, "Routes"), ctx_.parameters);
  stage_name_ = PropOrNull(r_, "StageName");
  if (stage_name_.is_null())
    stage_name_ = kDefaultStageName;
  tags_ = PropOrNull(r_, "Tags");

  // The generator's constructor.
  if (!Truthy(routes_))
    return ResourceError(id_, "WebSocket API must have at least one route.");
  Json ip_type = PropOrNull(r_, "IpAddressType");
  if (!ip_type.is_null() && !IsIntrinsic(ip_type) && ip_type != "ipv4" && ip_type != "dualstack")
    return ResourceError(id_, "IpAddressType must be 'ipv4' or 'dualstack'.");
  if (Truthy(domain_) && Truthy(Get(domain_, "MutualTlsAuthentication"))) {
    return ResourceError(id_,
                         "Mutual TLS domain name association is not supported for Websocket "
                         "APIs.");
  }

  // _construct_websocket_api
  // The reference builds the generator without the resource's attributes: no Condition,
  // DeletionPolicy, ... on anything generated; only DependsOn stays on the Api.
  Json attributes = Json::object();
  if (const Json* depends = Get(*r_.dict, "DependsOn"); Truthy(depends))
    attributes["DependsOn"] = *depends;
  Json api = NewResource("AWS::ApiGatewayV2::Api", attributes);
  Json& props = api["Properties"];
  SetIf(props, "ApiKeySelectionExpression", PropOrNull(r_, "ApiKeySelectionExpression"));
  SetIf(props, "Description", PropOrNull(r_, "Description"));
  SetIf(props, "DisableExecuteApiEndpoint", PropOrNull(r_, "DisableExecuteApiEndpoint"));
  SetIf(props, "DisableSchemaValidation", PropOrNull(r_, "DisableSchemaValidation"));
  SetIf(props, "IpAddressType", ip_type);
  if (Truthy(auth_) && (!routes_.is_object() || !routes_.contains("$connect"))) {
    return ResourceError(id_, "Authorization is only available if there is a $connect route.");
  }
  const Json* name = r_.Prop("Name");
  props["Name"] = name != nullptr && !name->is_null() ? *name : Json(id_);
  props["ProtocolType"] = "WEBSOCKET";
  SetIf(props, "RouteSelectionExpression", PropOrNull(r_, "RouteSelectionExpression"));
  if (!Truthy(tags_))
    tags_ = Json::object();
  tags_[kTagName] = "SAM";
  props["Tags"] = tags_;

  GeneratedList domain_resources;
  if (!domain_.is_null()) {
    // The reference passes a fresh record set group map here (it looks the shared one up under
    // a misspelt key), so WebSocket APIs never share a group with other APIs.
    std::map<std::string, Json> groups;
    ApiV2Domain d{id_, kTagName, Json::object()};
    SAM_TRY(ConstructApiV2Domain(d, domain_, &groups, &domain_resources));
  }
  Generated stage;
  std::vector<std::string> route_ids;
  if (routes_.is_object()) {
    for (auto it = routes_.begin(); it != routes_.end(); ++it) {
      std::string clean;
      if (RouteKeyId(it.key(), &clean).ok())
        route_ids.push_back(id_ + clean + "Route");
    }
  }
  SAM_TRY(Stage(route_ids, &stage));

  GeneratedList resources;
  resources.push_back(Generated{id_, std::move(api)});
  bool has_authorizer = false;
  if (routes_.is_object()) {
    for (auto it = routes_.begin(); it != routes_.end(); ++it) {
      Json spec = it.value().is_object() ? it.value() : Json::object();
      SAM_TRY(Route(it.key(), spec, &resources, &has_authorizer));
    }
  }
  for (Generated& g : domain_resources)
    resources.push_back(std::move(g));
  resources.push_back(std::move(stage));
  if (has_authorizer) {
    resources.push_back(Generated{id_ + "ConnectAuthorizer", Authorizer()});
    if (auth_["AuthType"] == "CUSTOM" && !Truthy(Get(auth_, "InvokeRole")) &&
        Truthy(Get(auth_, "AuthArn"))) {
      resources.push_back(AuthorizerPermission(id_ + "AuthorizerPermission", auth_["AuthArn"],
                                               Ref(id_), Json::object()));
    }
  }

  // propagate_tags(resources, Tags, PropagateTags)
  if (Truthy(r_.Prop("Tags")) && Truthy(r_.Prop("PropagateTags"))) {
    for (Generated& g : resources) {
      const Json& type = g.resource["Type"];
      if (type == "AWS::ApiGatewayV2::Api" || type == "AWS::ApiGatewayV2::Stage" ||
          type == "AWS::ApiGatewayV2::DomainName")
        g.resource["Properties"]["Tags"] = tags_;
    }
  }
  for (const Generated& g : resources) {
    const Json& type = g.resource["Type"];
    if (type == "AWS::ApiGatewayV2::Stage")
      ctx_.resource_refs[id_]["Stage"] = g.logical_id;
    else if (type == "AWS::ApiGatewayV2::DomainName")
      ctx_.resource_refs[id_]["DomainName"] = g.logical_id;
  }
  for (Generated& g : resources)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace

Status TranslateWebSocketApi(SamResource& resource, Context& ctx, GeneratedList* out) {
  SAM_TRY(ValidateProperties(resource, WebSocketApiSpecs()));
  WebSocketApiGenerator generator(resource, ctx);
  return generator.Generate(out);
}

}  // namespace cfnx::sam
