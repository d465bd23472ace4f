// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/events/pull_policies.h"

#include "transforms/sam/intrinsics.h"

namespace cfnx::sam {
namespace {

const Json* Prop(const EventSource& e, const char* name) {
  const Json* v = Get(e.properties, name);
  return v != nullptr && !v->is_null() ? v : nullptr;
}

Json Statement(const Json& action, const Json& resource) {
  return Json{{"Action", action}, {"Effect", "Allow"}, {"Resource", resource}};
}

Json SecretStatement(const Json& uri) {
  return Statement(Json::array({"secretsmanager:GetSecretValue"}), uri);
}

Json KmsStatement(const Json& key, bool action_list) {
  std::string key_text = key.is_string() ? key.get<std::string>() : PyStr(key);
  return Statement(
      action_list ? Json::array({"kms:Decrypt"}) : Json("kms:Decrypt"),
      Sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/" + key_text));
}

Json VpcStatement() {
  return Statement(Json::array({"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                "ec2:DeleteNetworkInterface", "ec2:DescribeVpcs",
                                "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"}),
                   "*");
}

Status ValidateKmsKey(const EventSource& e) {
  if (const Json* k = Prop(e, "SecretsManagerKmsKeyId"); Truthy(k) && !k->is_string())
    return EventError(e.id, "Property 'SecretsManagerKmsKeyId' should be a string.");
  return Ok();
}

// _validate_source_access_configurations: returns the URI of `required`.
Status RequiredUri(const EventSource& e, const std::vector<std::string>& supported,
                   const std::string& required, Json* uri) {
  const Json* configs = Prop(e, "SourceAccessConfigurations");
  if (!Truthy(configs)) {
    return EventError(e.id,
                      "No SourceAccessConfigurations for Amazon " + e.type + " event provided.");
  }
  if (!configs->is_array())
    return EventError(e.id, "Provided SourceAccessConfigurations cannot be parsed into a list.");
  Json found;
  for (size_t i = 0; i < configs->size(); ++i) {
    const Json& conf = (*configs)[i];
    std::string where = "SourceAccessConfigurations[" + std::to_string(i) + "]";
    if (!conf.is_object())
      return EventError(e.id, "Property '" + where + "' should be a map.");
    const Json* type = Get(conf, "Type");
    if (type == nullptr || !type->is_string())
      return EventError(e.id, "Property '" + where + ".Type' should be a string.");
    bool ok = false;
    for (const std::string& s : supported)
      ok = ok || *type == s;
    if (!ok) {
      Json list = Json::array();
      for (const std::string& s : supported)
        list.push_back(s);
      return EventError(e.id,
                        "Invalid property Type specified in SourceAccessConfigurations. The "
                        "supported values are: " +
                            PyRepr(list) + ".");
    }
    if (*type == required) {
      if (Truthy(found)) {
        return EventError(
            e.id, "Multiple " + required + " properties specified in SourceAccessConfigurations.");
      }
      const Json* u = Get(conf, "URI");
      found = u != nullptr ? *u : Json();
      if (!Truthy(found)) {
        return EventError(
            e.id, "No " + required + " URI property specified in SourceAccessConfigurations.");
      }
    }
  }
  if (!Truthy(found))
    return EventError(e.id,
                      "No " + required + " property specified in SourceAccessConfigurations.");
  *uri = found;
  return Ok();
}

Status SchemaRegistryStatements(const EventSource& e, Context& ctx, Json* statements) {
  const Json* config = Prop(e, "SchemaRegistryConfig");
  if (!Truthy(config))
    return Ok();
  if (!config->is_object())
    return EventError(e.id, "Property 'SchemaRegistryConfig' should be a map.");
  for (const char* field : {"SchemaRegistryURI", "EventRecordFormat", "SchemaValidationConfigs"}) {
    if (!config->contains(field)) {
      return EventError(
          e.id, std::string("Missing required field ") + field + " in SchemaRegistryConfig");
    }
  }
  const Json& format = (*config)["EventRecordFormat"];
  if (format != "JSON" && format != "SOURCE") {
    return EventError(
        e.id, "EventRecordFormat in SchemaRegistryConfig must be either 'JSON' or 'SOURCE'");
  }
  if (!(*config)["SchemaValidationConfigs"].is_array())
    return EventError(e.id, "SchemaValidationConfigs must be a list");
  const Json* access = Get(*config, "AccessConfigs");
  if (Truthy(access)) {
    if (!access->is_array())
      return EventError(e.id, "AccessConfigs in SchemaRegistryConfig must be a list");
    for (const Json& c : *access) {
      if (!c.is_object() || !c.contains("Type") || !c.contains("URI")) {
        return EventError(e.id, "Each AccessConfig must be a dict with 'Type' and 'URI' fields");
      }
    }
    for (const Json& c : *access)
      statements->push_back(SecretStatement(c["URI"]));
  }
  const Json& uri = (*config)["SchemaRegistryURI"];
  std::string arn = "None";
  if (uri.is_string()) {
    arn = uri.get<std::string>();
  } else if (uri.is_object()) {
    Json resolved = ResolveParameterRefs(uri, ctx.parameters);
    const Json* sub = Get(resolved, "Fn::Sub");
    arn = sub != nullptr ? PyStr(*sub) : "None";
  }
  if (arn.rfind("arn", 0) == 0) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      size_t colon = arn.find(':', start);
      parts.push_back(arn.substr(start, colon - start));
      if (colon == std::string::npos)
        break;
      start = colon + 1;
    }
    if (parts.size() >= 6 && parts[5].rfind("registry/", 0) == 0) {
      std::string name = parts[5].substr(9);
      statements->push_back(Statement(Json::array({"glue:GetRegistry"}), uri));
      statements->push_back(Statement(
          Json::array({"glue:GetSchemaVersion"}),
          Json::array({Sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:schema/" +
                           name + "/*")})));
    }
  }
  return Ok();
}

Status ValidateKafkaUri(const EventSource& e, const Json* uri, const std::string& what) {
  if (!Truthy(uri)) {
    return EventError(e.id, "No " + what +
                                " URI property specified in SourceAccessConfigurations for self "
                                "managed kafka event.");
  }
  if (!uri->is_string() && !IsIntrinsic(*uri)) {
    return EventError(e.id, "Wrong Type for " + what +
                                " URI property specified in SourceAccessConfigurations for self "
                                "managed kafka event.");
  }
  return Ok();
}

Status SelfManagedKafka(const EventSource& e, Context& ctx, Json* out) {
  const Json* servers = Prop(e, "KafkaBootstrapServers");
  if (!Truthy(servers)) {
    return EventError(
        e.id, "No KafkaBootstrapServers provided for self managed kafka as an event source");
  }
  const Json* topics = Prop(e, "Topics");
  if (!Truthy(topics))
    return EventError(e.id, "No Topics provided for self managed kafka as an event source");
  if (topics->size() != 1) {
    return EventError(e.id,
                      "Topics for self managed kafka only supports single configuration entry.");
  }
  const Json* configs = Prop(e, "SourceAccessConfigurations");
  if (!Truthy(configs))
    return EventError(e.id, "No SourceAccessConfigurations for self managed kafka event provided.");
  if (!configs->is_array()) {
    return EventError(e.id,
                      "SourceAccessConfigurations for self managed kafka event should be a list.");
  }
  Json auth, auth2;
  bool subnet = false, group = false;
  static const char* kAuth[] = {"SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH", "BASIC_AUTH",
                                "CLIENT_CERTIFICATE_TLS_AUTH"};
  for (const Json& config : *configs) {
    if (!config.is_object()) {
      return ResourceError(e.id, "Property 'SourceAccessConfigurations' should be a map.");
    }
    const Json* type = Get(config, "Type");
    const Json* uri = Get(config, "URI");
    bool is_auth = false;
    for (const char* a : kAuth)
      is_auth = is_auth || (type != nullptr && *type == a);
    if (type != nullptr && *type == "VPC_SUBNET") {
      SAM_TRY(ValidateKafkaUri(e, uri, "VPC_SUBNET"));
      subnet = true;
    } else if (type != nullptr && *type == "VPC_SECURITY_GROUP") {
      SAM_TRY(ValidateKafkaUri(e, uri, "VPC_SECURITY_GROUP"));
      group = true;
    } else if (is_auth) {
      if (Truthy(auth)) {
        return EventError(e.id,
                          "Multiple auth mechanism properties specified in "
                          "SourceAccessConfigurations for self managed kafka event.");
      }
      SAM_TRY(ValidateKafkaUri(e, uri, "auth mechanism"));
      auth = *uri;
    } else if (type != nullptr && *type == "SERVER_ROOT_CA_CERTIFICATE") {
      SAM_TRY(ValidateKafkaUri(e, uri, "SERVER_ROOT_CA_CERTIFICATE"));
      auth2 = *uri;
    } else {
      return EventError(e.id,
                        "Invalid SourceAccessConfigurations Type provided for self managed kafka "
                        "event.");
    }
  }
  if (subnet != group) {
    return EventError(e.id,
                      "VPC_SUBNET and VPC_SECURITY_GROUP in SourceAccessConfigurations for "
                      "SelfManagedKafka must be both provided.");
  }
  Json statements = Json::array();
  if (Truthy(auth))
    statements.push_back(SecretStatement(auth));
  if (Truthy(auth2))
    statements.push_back(SecretStatement(auth));  // the reference repeats the auth secret
  if (subnet && group)
    statements.push_back(VpcStatement());
  if (const Json* kms = Prop(e, "SecretsManagerKmsKeyId"); Truthy(kms)) {
    SAM_TRY(ValidateKmsKey(e));
    statements.push_back(KmsStatement(*kms, true));
  }
  SAM_TRY(SchemaRegistryStatements(e, ctx, &statements));
  *out = Json::array(
      {Json{{"PolicyDocument", Json{{"Statement", statements}, {"Version", "2012-10-17"}}},
            {"PolicyName", "SelfManagedKafkaExecutionRolePolicy"}}});
  return Ok();
}

}  // namespace

Status PullPolicyStatements(const EventSource& e, Context& ctx, Json* out) {
  *out = Json();
  if (e.type == "MSK") {
    Json statements = Json::array();
    SAM_TRY(SchemaRegistryStatements(e, ctx, &statements));
    if (const Json* configs = Prop(e, "SourceAccessConfigurations"); Truthy(configs)) {
      for (const Json& conf : *configs) {
        const Json* uri = Get(conf, "URI");
        if (conf.is_object() && Get(conf, "Type") != nullptr &&
            conf["Type"] == "CLIENT_CERTIFICATE_TLS_AUTH" && Truthy(uri))
          statements.push_back(SecretStatement(*uri));
      }
    }
    if (!statements.empty()) {
      *out = Json::array({Json{{"PolicyName", "MSKExecutionRolePolicy"},
                               {"PolicyDocument", Json{{"Statement", statements}}}}});
    }
    return Ok();
  }
  if (e.type == "MQ") {
    Json uri;
    SAM_TRY(RequiredUri(e, {"BASIC_AUTH", "VIRTUAL_HOST"}, "BASIC_AUTH", &uri));
    const Json* broker = Prop(e, "Broker");
    Json statements =
        Json::array({SecretStatement(uri), Statement(Json::array({"mq:DescribeBroker"}),
                                                     broker != nullptr ? *broker : Json())});
    if (const Json* kms = Prop(e, "SecretsManagerKmsKeyId"); Truthy(kms)) {
      SAM_TRY(ValidateKmsKey(e));
      statements.push_back(KmsStatement(*kms, false));
    }
    std::string name = Truthy(Prop(e, "DynamicPolicyName")) ? e.logical_id + "AMQPolicy"
                                                            : "SamAutoGeneratedAMQPolicy";
    *out = Json::array(
        {Json{{"PolicyName", name}, {"PolicyDocument", Json{{"Statement", statements}}}}});
    return Ok();
  }
  if (e.type == "SelfManagedKafka")
    return SelfManagedKafka(e, ctx, out);
  if (e.type == "DocumentDB") {
    Json uri;
    SAM_TRY(RequiredUri(e, {"BASIC_AUTH"}, "BASIC_AUTH", &uri));
    const Json* cluster = Prop(e, "Cluster");
    Json statements = Json::array(
        {SecretStatement(uri),
         Statement(Json::array({"rds:DescribeDBClusterParameters"}),
                   Sub("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster-pg:*")),
         Statement(Json::array({"rds:DescribeDBSubnetGroups"}),
                   Sub("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:subgrp:*")),
         Statement(Json::array({"rds:DescribeDBClusters"}), cluster != nullptr ? *cluster : Json()),
         VpcStatement()});
    if (const Json* kms = Prop(e, "SecretsManagerKmsKeyId"); Truthy(kms)) {
      SAM_TRY(ValidateKmsKey(e));
      statements.push_back(KmsStatement(*kms, true));
    }
    *out = Json::array({Json{{"PolicyName", "SamAutoGeneratedDocumentDBPolicy"},
                             {"PolicyDocument", Json{{"Statement", statements}}}}});
    return Ok();
  }
  return Ok();
}

}  // namespace cfnx::sam
