// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/http_authorizer.h"

#include <array>

namespace cfnx::sam {
namespace {

constexpr const char* kAuthorizerKey = "x-amazon-apigateway-authorizer";

Json GetOrNull(const Json& obj, std::string_view key) {
  const Json* v = Get(obj, key);
  return v != nullptr ? *v : Json();
}

// The reference's PROPERTY_DISPLAY, in its order: member, name, the authorizer kind it is for.
struct PropertyDisplay {
  Json HttpAuthorizer::*member;
  const char* name;
  const char* allowed_for;
  const char* type;  // the authorizer type that accepts it
};

const std::array<PropertyDisplay, 9>& Displays() {
  static const std::array<PropertyDisplay, 9> kDisplays = {{
      {&HttpAuthorizer::authorization_scopes, "AuthorizationScopes", "OAuth2 Authorizer", "JWT"},
      {&HttpAuthorizer::jwt_configuration, "JwtConfiguration", "OAuth2 Authorizer", "JWT"},
      {&HttpAuthorizer::id_source, "IdentitySource",
       "OAuth2 Authorizer. For Lambda Authorizer, use the 'Identity' property instead", "JWT"},
      {&HttpAuthorizer::function_arn, "FunctionArn", "Lambda Authorizer", "REQUEST"},
      {&HttpAuthorizer::function_invoke_role, "FunctionInvokeRole", "Lambda Authorizer", "REQUEST"},
      {&HttpAuthorizer::identity, "Identity", "Lambda Authorizer", "REQUEST"},
      {&HttpAuthorizer::payload_format_version, "AuthorizerPayloadFormatVersion",
       "Lambda Authorizer", "REQUEST"},
      {&HttpAuthorizer::enable_simple_responses, "EnableSimpleResponses", "Lambda Authorizer",
       "REQUEST"},
      {&HttpAuthorizer::enable_function_default_permissions, "EnableFunctionDefaultPermissions",
       "Lambda Authorizer", "REQUEST"},
  }};
  return kDisplays;
}

Status Validate(const HttpAuthorizer& a) {
  const std::string type = a.Type();
  if (!a.authorization_scopes.is_null() && !a.authorization_scopes.is_array())
    return ResourceError(a.api_logical_id, "AuthorizationScopes must be a list.");
  for (const PropertyDisplay& d : Displays()) {
    if (!(a.*d.member).is_null() && type != d.type) {
      return ResourceError(a.api_logical_id,
                           std::string(d.name) + " is only supported for " + d.allowed_for + ".");
    }
  }
  if (type == "JWT" && !Truthy(a.id_source)) {
    return ResourceError(a.api_logical_id,
                         a.name + " OAuth2 Authorizer must define 'IdentitySource'.");
  }
  if (type == "REQUEST") {
    if (!Truthy(a.function_arn)) {
      return ResourceError(a.api_logical_id,
                           a.name + " Lambda Authorizer must define 'FunctionArn'.");
    }
    if (!Truthy(a.payload_format_version)) {
      return ResourceError(
          a.api_logical_id,
          a.name + " Lambda Authorizer must define 'AuthorizerPayloadFormatVersion'.");
    }
  }
  if (!a.enable_function_default_permissions.is_null() &&
      !a.enable_function_default_permissions.is_boolean()) {
    return ResourceError(a.api_logical_id, "Property 'Authorizers." + a.name +
                                               ".EnableFunctionDefaultPermissions' should be a "
                                               "boolean.");
  }
  return Ok();
}

Status IdentitySource(const HttpAuthorizer& a, const Json& identity, Json* out) {
  *out = Json::array();
  static const std::pair<const char*, const char*> kSources[] = {
      {"$request.header.", "Headers"},
      {"$request.querystring.", "QueryStrings"},
      {"$stageVariables.", "StageVariables"},
      {"$context.", "Context"}};
  for (const auto& [prefix, property] : kSources) {
    const Json* values = Get(identity, property);
    if (!Truthy(values))
      continue;
    std::string path = "Authorizers." + a.name + ".Identity." + property;
    if (!values->is_array())
      return ResourceError(a.api_logical_id, "Property '" + path + "' should be a list.");
    for (size_t i = 0; i < values->size(); ++i) {
      if (!(*values)[i].is_string()) {
        return ResourceError(a.api_logical_id, "Property '" + path + "[" + std::to_string(i) +
                                                   "]' should be a string.");
      }
    }
    for (const Json& v : *values)
      out->push_back(prefix + v.get<std::string>());
  }
  return Ok();
}

}  // namespace

std::string HttpAuthorizer::Type() const {
  if (is_aws_iam)
    return "AWS_IAM";
  if (Truthy(jwt_configuration))
    return "JWT";
  return "REQUEST";
}

Status HttpAuthorizer::GenerateOpenApi(const std::string& partition, Json* out) const {
  const std::string type = Type();
  Json o = Json::object();
  if (type == "AWS_IAM") {
    o["type"] = "apiKey";
    o["name"] = "Authorization";
    o["in"] = "header";
    o["x-amazon-apigateway-authtype"] = "awsSigv4";
  } else if (type == "JWT") {
    o["type"] = "oauth2";
    o[kAuthorizerKey] = Json{
        {"jwtConfiguration", jwt_configuration}, {"identitySource", id_source}, {"type", "jwt"}};
  } else {
    o["type"] = "apiKey";
    o["name"] = "Unused";
    o["in"] = "header";
    Json auth = Json{{"type", "request"}};
    auth["authorizerUri"] = Json{
        {"Fn::Sub", Json::array({"arn:" + partition +
                                     ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                                     "${__FunctionArn__}/invocations",
                                 Json{{"__FunctionArn__", function_arn}}})}};
    if (Truthy(function_invoke_role) && function_invoke_role != "NONE")
      auth["authorizerCredentials"] = function_invoke_role;
    if (Truthy(identity)) {
      if (!identity.is_object()) {
        return ResourceError(api_logical_id,
                             "Property 'Auth.Authorizers." + name + ".Identity' should be a map.");
      }
      if (const Json* ttl = Get(identity, "ReauthorizeEvery"); ttl != nullptr && !ttl->is_null())
        auth["authorizerResultTtlInSeconds"] = *ttl;
      Json sources;
      SAM_TRY(IdentitySource(*this, identity, &sources));
      auth["identitySource"] = std::move(sources);
    }
    auth["authorizerPayloadFormatVersion"] = payload_format_version;
    if (Truthy(enable_simple_responses))
      auth["enableSimpleResponses"] = enable_simple_responses;
    o[kAuthorizerKey] = std::move(auth);
  }
  *out = std::move(o);
  return Ok();
}

const HttpAuthorizer* FindAuthorizer(const AuthorizerList& list, const std::string& name) {
  for (const auto& [n, a] : list) {
    if (n == name)
      return &a;
  }
  return nullptr;
}

Status BuildHttpAuthorizers(const std::string& api_id, const Json* config, bool enable_iam,
                            AuthorizerList* out) {
  out->clear();
  if (enable_iam) {
    HttpAuthorizer iam;
    iam.api_logical_id = api_id;
    iam.name = "None";
    iam.is_aws_iam = true;
    out->emplace_back("AWS_IAM", std::move(iam));
  }
  if (!Truthy(config))
    return Ok();
  if (!config->is_object())
    return ResourceError(api_id, "Property 'Auth.Authorizers' should be a map.");
  for (auto it = config->begin(); it != config->end(); ++it) {
    const Json& c = it.value();
    if (!c.is_object()) {
      return ResourceError(api_id, "Property 'Auth.Authorizers." + it.key() + "' should be a map.");
    }
    if (c.contains("OpenIdConnectUrl")) {
      return ResourceError(api_id,
                           "'OpenIdConnectUrl' is no longer a supported property for "
                           "authorizer '" +
                               it.key() + "'. Please refer to the AWS SAM documentation.");
    }
    HttpAuthorizer a;
    a.api_logical_id = api_id;
    a.name = it.key();
    a.authorization_scopes = GetOrNull(c, "AuthorizationScopes");
    Json jwt = GetOrNull(c, "JwtConfiguration");
    if (Truthy(jwt)) {
      if (!jwt.is_object())
        return ResourceError(api_id, "Property 'JwtConfiguration' should be a map.");
      a.jwt_configuration = Json::object();
      for (auto j = jwt.begin(); j != jwt.end(); ++j) {
        std::string key = j.key();
        for (char& ch : key) {
          if (ch >= 'A' && ch <= 'Z')
            ch = static_cast<char>(ch - 'A' + 'a');
        }
        a.jwt_configuration[key] = j.value();
      }
    }
    a.id_source = GetOrNull(c, "IdentitySource");
    a.function_arn = GetOrNull(c, "FunctionArn");
    a.function_invoke_role = GetOrNull(c, "FunctionInvokeRole");
    a.identity = GetOrNull(c, "Identity");
    a.payload_format_version = GetOrNull(c, "AuthorizerPayloadFormatVersion");
    a.enable_simple_responses = GetOrNull(c, "EnableSimpleResponses");
    a.enable_function_default_permissions = GetOrNull(c, "EnableFunctionDefaultPermissions");
    SAM_TRY(Validate(a));
    bool replaced = false;
    for (auto& [n, existing] : *out) {
      if (n == it.key()) {
        existing = a;
        replaced = true;
      }
    }
    if (!replaced)
      out->emplace_back(it.key(), std::move(a));
  }
  return Ok();
}

}  // namespace cfnx::sam
