// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/api_v2.h"

#include <algorithm>
#include <vector>

namespace cfnx::sam {
namespace {

bool IsBasePathChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
         c == '-' || c == '_';
}

Json ApiMapping(const ApiV2Domain& api, const std::string& domain_id) {
  Json m = NewResource("AWS::ApiGatewayV2::ApiMapping", api.passthrough);
  m["Properties"]["ApiId"] = Ref(api.api_id);
  m["Properties"]["DomainName"] = Ref(domain_id);
  m["Properties"]["Stage"] = Ref(api.api_id + ".Stage");
  return m;
}

Status BasePathMappings(const ApiV2Domain& api, const Json& domain, const std::string& domain_id,
                        GeneratedList* out) {
  const Json* base_path = Get(domain, "BasePath");
  std::vector<const Json*> paths;
  if (Truthy(base_path) && base_path->is_string()) {
    paths.push_back(base_path);
  } else if (Truthy(base_path) && base_path->is_array()) {
    for (const Json& p : *base_path)
      paths.push_back(&p);
  } else {
    out->push_back(Generated{api.api_id + "ApiMapping", ApiMapping(api, domain_id)});
    return Ok();
  }
  for (const Json* p : paths) {
    if (!p->is_string())
      return ResourceError(api.api_id, "Basepath must be a string.");
    const std::string& path = p->get_ref<const std::string&>();
    if (!std::all_of(path.begin(), path.end(), IsBasePathChar))
      return ResourceError(api.api_id, "Invalid Basepath name provided.");
    std::string id = api.api_id;
    for (char c : path) {
      if (c != '-' && c != '_' && c != '/')
        id += c;
    }
    id += "ApiMapping";
    Json m = ApiMapping(api, domain_id);
    size_t begin = path.find_first_not_of('/');
    size_t end = path.find_last_not_of('/');
    Json props = Json::object();
    props["ApiId"] = m["Properties"]["ApiId"];
    props["ApiMappingKey"] = begin == std::string::npos ? "" : path.substr(begin, end - begin + 1);
    props["DomainName"] = m["Properties"]["DomainName"];
    props["Stage"] = m["Properties"]["Stage"];
    m["Properties"] = std::move(props);
    out->push_back(Generated{id, std::move(m)});
  }
  return Ok();
}

Json RecordSet(const Json& domain, const Json& route53, const std::string& domain_id,
               const char* type) {
  Json set = Json::object();
  set["Name"] = domain.contains("DomainName") ? domain["DomainName"] : Json();
  set["Type"] = type;
  Json alias = Json::object();
  if (const Json* health = Get(route53, "EvaluateTargetHealth");
      health != nullptr && !health->is_null())
    alias["EvaluateTargetHealth"] = *health;
  alias["HostedZoneId"] = GetAtt(domain_id, "RegionalHostedZoneId");
  alias["DNSName"] = GetAtt(domain_id, "RegionalDomainName");
  set["AliasTarget"] = std::move(alias);
  for (const char* key : {"Region", "SetIdentifier"}) {
    if (const Json* v = Get(route53, key); v != nullptr && !v->is_null())
      set[key] = *v;
  }
  return set;
}

Status RecordSetGroup(const ApiV2Domain& api, const Json& domain, const std::string& domain_id,
                      std::map<std::string, Json>* groups, GeneratedList* out) {
  const Json* route53 = Get(domain, "Route53");
  if (route53 == nullptr || route53->is_null())
    return Ok();
  if (!route53->is_object())
    return ResourceError(api.api_id, "Property 'Domain.Route53' should be a map.");
  const Json* zone_id = Get(*route53, "HostedZoneId");
  const Json* zone_name = Get(*route53, "HostedZoneName");
  bool has_id = zone_id != nullptr && !zone_id->is_null();
  bool has_name = zone_name != nullptr && !zone_name->is_null();
  if (!has_id && !has_name) {
    return ResourceError(api.api_id,
                         "HostedZoneId or HostedZoneName is required to enable Route53 support on "
                         "Custom Domains.");
  }
  const Json* zone = Truthy(zone_id) ? zone_id : zone_name;
  std::string id = GenerateLogicalId("RecordSetGroup", zone);
  auto found = groups->find(id);
  if (found == groups->end()) {
    Json group = NewResource("AWS::Route53::RecordSetGroup", api.passthrough);
    if (zone_id != nullptr)
      group["Properties"]["HostedZoneId"] = *zone_id;
    else if (zone_name != nullptr)
      group["Properties"]["HostedZoneName"] = *zone_name;
    group["Properties"]["RecordSets"] = Json::array();
    found = groups->emplace(id, std::move(group)).first;
  }
  Json& sets = found->second["Properties"]["RecordSets"];
  sets.push_back(RecordSet(domain, *route53, domain_id, "A"));
  if (const Json* ipv6 = Get(*route53, "IpV6"); ipv6 != nullptr && *ipv6 == true)
    sets.push_back(RecordSet(domain, *route53, domain_id, "AAAA"));
  out->push_back(Generated{id, found->second});
  return Ok();
}

}  // namespace

Status ConstructApiV2Domain(const ApiV2Domain& api, Json& domain,
                            std::map<std::string, Json>* record_set_groups, GeneratedList* out) {
  const Json* domain_name = Get(domain, "DomainName");
  const Json* certificate = Get(domain, "CertificateArn");
  if (domain_name == nullptr || domain_name->is_null() || certificate == nullptr ||
      certificate->is_null()) {
    return ResourceError(
        api.api_id,
        "Custom Domains only works if both DomainName and CertificateArn are provided.");
  }
  Json config = Json::object();
  config["CertificateArn"] = *certificate;
  std::string domain_id = GenerateLogicalId("ApiGatewayDomainNameV2", domain_name);
  domain["ApiDomainName"] = domain_id;

  Json resource = NewResource("AWS::ApiGatewayV2::DomainName", api.passthrough);
  Json props = Json::object();
  props["DomainName"] = domain["DomainName"];

  const Json* endpoint = Get(domain, "EndpointConfiguration");
  if (endpoint == nullptr || endpoint->is_null()) {
    domain["EndpointConfiguration"] = "REGIONAL";
  } else if (*endpoint != "REGIONAL") {
    return ResourceError(api.api_id,
                         "EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].");
  }
  config["EndpointType"] = domain["EndpointConfiguration"];
  for (const char* key : {"OwnershipVerificationCertificateArn", "SecurityPolicy"}) {
    if (const Json* v = Get(domain, key); Truthy(v))
      config[key] = *v;
  }
  props["DomainNameConfigurations"] = Json::array({std::move(config)});

  if (const Json* tls = Get(domain, "MutualTlsAuthentication"); Truthy(tls)) {
    if (!tls->is_object()) {
      return ResourceError(api.api_id,
                           "MutualTlsAuthentication must be a map with at least one of the "
                           "following fields ['TruststoreUri', 'TruststoreVersion'].");
    }
    std::vector<std::string> invalid;
    for (auto it = tls->begin(); it != tls->end(); ++it) {
      if (it.key() != "TruststoreUri" && it.key() != "TruststoreVersion")
        invalid.push_back(it.key());
    }
    if (!invalid.empty()) {
      std::sort(invalid.begin(), invalid.end());
      std::string ids;
      for (const std::string& k : invalid)
        ids += (ids.empty() ? "" : ",") + k;
      return ResourceError(ids,
                           "Available MutualTlsAuthentication fields are ['TruststoreUri', "
                           "'TruststoreVersion'].");
    }
    Json m = Json::object();
    for (const char* key : {"TruststoreUri", "TruststoreVersion"}) {
      if (const Json* v = Get(*tls, key); Truthy(v))
        m[key] = *v;
    }
    props["MutualTlsAuthentication"] = std::move(m);
  }
  if (!api.default_tag_name.empty())
    props["Tags"] = Json{{api.default_tag_name, "SAM"}};
  resource["Properties"] = std::move(props);
  out->push_back(Generated{domain_id, std::move(resource)});

  SAM_TRY(BasePathMappings(api, domain, domain_id, out));
  return RecordSetGroup(api, domain, domain_id, record_set_groups, out);
}

Generated AuthorizerPermission(const std::string& logical_id, const Json& function_arn,
                               const Json& api_id, const Json& passthrough) {
  Json perm = NewResource("AWS::Lambda::Permission", passthrough);
  Json& p = perm["Properties"];
  p["Action"] = "lambda:InvokeFunction";
  p["FunctionName"] = function_arn;
  p["Principal"] = "apigateway.amazonaws.com";
  p["SourceArn"] =
      Json{{"Fn::Sub",
            Json::array(
                {"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}"
                 "/authorizers/*",
                 Json{{"__ApiId__", api_id}}})}};
  return Generated{logical_id, std::move(perm)};
}

}  // namespace cfnx::sam
