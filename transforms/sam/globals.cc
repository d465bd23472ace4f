// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/globals.h"

#include <algorithm>
#include <vector>

namespace cfnx::sam {
namespace {

struct Section {
  const char* name;
  std::vector<const char*> properties;
};

const std::vector<Section>& Sections() {
  static const std::vector<Section> kSections = {
      {"Function",
       {"Handler",
        "Runtime",
        "CodeUri",
        "DeadLetterQueue",
        "Description",
        "MemorySize",
        "Timeout",
        "VpcConfig",
        "Environment",
        "Tags",
        "PropagateTags",
        "Tracing",
        "KmsKeyArn",
        "AutoPublishAlias",
        "AutoPublishAliasAllProperties",
        "Layers",
        "DeploymentPreference",
        "RolePath",
        "PermissionsBoundary",
        "ReservedConcurrentExecutions",
        "ProvisionedConcurrencyConfig",
        "AssumeRolePolicyDocument",
        "EventInvokeConfig",
        "FileSystemConfigs",
        "CodeSigningConfigArn",
        "Architectures",
        "SnapStart",
        "EphemeralStorage",
        "FunctionUrlConfig",
        "RuntimeManagementConfig",
        "LoggingConfig",
        "RecursiveLoop",
        "SourceKMSKeyArn",
        "TenancyConfig",
        "DurableConfig",
        "CapacityProviderConfig",
        "FunctionScalingConfig",
        "PublishToLatestPublished",
        "VersionDeletionPolicy"}},
      {"Api",
       {"Auth",
        "Name",
        "DefinitionUri",
        "CacheClusterEnabled",
        "CacheClusterSize",
        "MergeDefinitions",
        "Variables",
        "EndpointConfiguration",
        "MethodSettings",
        "BinaryMediaTypes",
        "MinimumCompressionSize",
        "Cors",
        "GatewayResponses",
        "AccessLogSetting",
        "CanarySetting",
        "TracingEnabled",
        "OpenApiVersion",
        "Domain",
        "AlwaysDeploy",
        "PropagateTags",
        "SecurityPolicy",
        "EndpointAccessMode"}},
      {"HttpApi",
       {"Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration",
        "DefaultRouteSettings", "Domain", "RouteSettings", "FailOnWarnings", "PropagateTags"}},
      {"SimpleTable", {"SSESpecification"}},
      {"StateMachine", {"PropagateTags"}},
      {"LayerVersion", {"PublishLambdaVersion"}},
      {"CapacityProvider",
       {"VpcConfig", "OperatorRole", "Tags", "InstanceRequirements", "ScalingConfig", "KmsKeyArn",
        "PropagateTags"}},
      {"WebSocketApi",
       {"AccessLogSettings", "ApiKeySelectionExpression", "DefaultRouteSettings",
        "DisableExecuteApiEndpoint", "DisableSchemaValidation", "Domain", "FailOnWarnings",
        "IpAddressType", "PropagateTags", "RouteSelectionExpression", "RouteSettings",
        "StageVariables", "Tags"}},
  };
  return kSections;
}

std::string QuotedList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += "'" + items[i] + "'";
  }
  return out + "]";
}

Error GlobalsError(const std::string& message) {
  return PlainError("'Globals' section is invalid. " + message);
}

enum class Token { kPrimitive, kDict, kList };
Token TokenOf(const Json& v) {
  if (v.is_object())
    return IsIntrinsic(v) ? Token::kPrimitive : Token::kDict;
  if (v.is_array())
    return Token::kList;
  return Token::kPrimitive;
}

Json Merge(const Json& global, const Json& local) {
  Token g = TokenOf(global);
  Token l = TokenOf(local);
  if (g != l || g == Token::kPrimitive)
    return local;
  if (g == Token::kList) {
    Json out = global;
    for (const Json& item : local)
      out.push_back(item);
    return out;
  }
  Json out = global;
  for (auto it = local.begin(); it != local.end(); ++it) {
    if (out.contains(it.key()))
      out[it.key()] = Merge(out[it.key()], it.value());
    else
      out[it.key()] = it.value();
  }
  return out;
}

}  // namespace

Status ApplyGlobals(Json& t) {
  const Json* globals = Get(t, "Globals");
  if (globals == nullptr)
    return Ok();
  if (!globals->is_object())
    return GlobalsError("It must be a non-empty dictionary");
  std::vector<std::string> section_names;
  for (const Section& s : Sections())
    section_names.push_back(s.name);
  std::sort(section_names.begin(), section_names.end());
  for (auto it = globals->begin(); it != globals->end(); ++it) {
    const Section* section = nullptr;
    for (const Section& s : Sections()) {
      if (it.key() == s.name)
        section = &s;
    }
    if (section == nullptr) {
      return GlobalsError("'" + it.key() +
                          "' is not supported. Must be one of the following values - " +
                          QuotedList(section_names));
    }
    if (!it.value().is_object())
      return GlobalsError("Value of ${section} must be a dictionary");
    for (auto p = it.value().begin(); p != it.value().end(); ++p) {
      bool ok = std::any_of(section->properties.begin(), section->properties.end(),
                            [&](const char* name) { return p.key() == name; });
      if (!ok) {
        std::vector<std::string> supported(section->properties.begin(), section->properties.end());
        return GlobalsError("'" + p.key() + "' is not a supported property of '" + it.key() +
                            "'. Must be one of the following values - " + QuotedList(supported));
      }
    }
  }
  Json* resources = GetMut(t, "Resources");
  for (auto it = resources->begin(); it != resources->end(); ++it) {
    Json& resource = it.value();
    const Json* type = Get(resource, "Type");
    if (type == nullptr || !type->is_string())
      continue;
    const std::string& type_name = type->get_ref<const std::string&>();
    if (type_name.rfind("AWS::Serverless::", 0) != 0)
      continue;
    const Json* section = Get(*globals, type_name.substr(17));
    if (section == nullptr)
      continue;
    Json global_props = *section;
    if (const Json* ignore = Get(resource, "IgnoreGlobals"); Truthy(ignore)) {
      if (ignore->is_string() && *ignore == "*") {
        global_props = Json::object();
      } else if (ignore->is_array()) {
        for (const Json& key : *ignore) {
          if (!key.is_string() || !global_props.contains(key.get<std::string>())) {
            return ResourceError(it.key(),
                                 "Resource " + it.key() +
                                     " has invalid resource attribute 'IgnoreGlobals' "
                                     "on item '" +
                                     PyStr(key) + "'.",
                                 {"IgnoreGlobals"});
          }
          global_props.erase(key.get<std::string>());
        }
      } else {
        return ResourceError(
            it.key(), "Resource " + it.key() + " has invalid resource attribute 'IgnoreGlobals'.",
            {"IgnoreGlobals"});
      }
    }
    Json local = resource.contains("Properties") ? resource["Properties"] : Json::object();
    resource["Properties"] = Merge(global_props, local);
  }
  return Ok();
}

}  // namespace cfnx::sam
