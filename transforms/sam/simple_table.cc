// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::SimpleTable -> AWS::DynamoDB::Table with a single hash key.

#include "transforms/sam/sam.h"

namespace cfnx::sam {

Status TranslateSimpleTable(SamResource& r, Context& /*ctx*/, GeneratedList* out) {
  static const std::vector<PropertySpec> kSpecs = {
      {"PointInTimeRecoverySpecification", PropType::kAny},
      {"PrimaryKey", PropType::kAny},
      {"ProvisionedThroughput", PropType::kAny},
      {"TableName", PropType::kStringOrDict},
      {"Tags", PropType::kDict},
      {"SSESpecification", PropType::kDict},
  };
  SAM_TRY(ValidateProperties(r, kSpecs));
  // dict_of(IS_STR, IS_STR) and dict_of(IS_STR, one_of(IS_INT, IS_DICT)).
  if (const Json* pk = r.Prop("PrimaryKey"); pk != nullptr && !pk->is_null() && !IsIntrinsic(*pk)) {
    bool ok = pk->is_object();
    for (const Json& v : ok ? *pk : Json::object())
      ok = ok && v.is_string();
    if (!ok)
      return ResourceError(r.logical_id, "Type of property 'PrimaryKey' is invalid.",
                           {"Properties", "PrimaryKey"});
  }
  if (const Json* pt = r.Prop("ProvisionedThroughput");
      pt != nullptr && !pt->is_null() && !IsIntrinsic(*pt)) {
    bool ok = pt->is_object();
    for (const Json& v : ok ? *pt : Json::object())
      ok = ok && (v.is_number_integer() || v.is_object());
    if (!ok)
      return ResourceError(r.logical_id, "Type of property 'ProvisionedThroughput' is invalid.",
                           {"Properties", "ProvisionedThroughput"});
  }
  Json table = NewResource("AWS::DynamoDB::Table", r.ResourceAttributes());
  Json& p = table["Properties"];
  Json key = Json{{"AttributeName", "id"}, {"AttributeType", "S"}};
  if (const Json* pk = r.Prop("PrimaryKey"); Truthy(pk)) {
    const Json* name = Get(*pk, "Name");
    const Json* type = Get(*pk, "Type");
    if (name == nullptr || name->is_null())
      return ResourceError(r.logical_id, "Property 'PrimaryKey.Name' is required.",
                           {"Properties", "PrimaryKey"});
    if (type == nullptr || type->is_null())
      return ResourceError(r.logical_id, "Property 'PrimaryKey.Type' is required.",
                           {"Properties", "PrimaryKey"});
    std::string t = PyStr(*type);
    std::string converted = t == "String" ? "S" : t == "Number" ? "N" : t == "Binary" ? "B" : "";
    if (converted.empty())
      return ResourceError(r.logical_id, "Invalid 'Type' \"" + t + "\".",
                           {"Properties", "PrimaryKey", "Type"});
    key = Json{{"AttributeName", *name}, {"AttributeType", converted}};
  }
  p["AttributeDefinitions"] = Json::array({key});
  p["KeySchema"] =
      Json::array({Json{{"AttributeName", key["AttributeName"]}, {"KeyType", "HASH"}}});
  if (const Json* v = r.Prop("PointInTimeRecoverySpecification"); Truthy(v))
    p["PointInTimeRecoverySpecification"] = *v;
  if (const Json* v = r.Prop("ProvisionedThroughput"); Truthy(v))
    p["ProvisionedThroughput"] = *v;
  else
    p["BillingMode"] = "PAY_PER_REQUEST";
  if (const Json* v = r.Prop("SSESpecification"); Truthy(v))
    p["SSESpecification"] = *v;
  if (const Json* v = r.Prop("TableName"); Truthy(v))
    p["TableName"] = *v;
  if (const Json* tags = r.Prop("Tags"); Truthy(tags)) {
    Json list = Json::array();
    for (auto it = tags->begin(); it != tags->end(); ++it)
      list.push_back(Json{{"Key", it.key()}, {"Value", it.value()}});
    p["Tags"] = list;
  }
  out->push_back(Generated{r.logical_id, std::move(table)});
  return Ok();
}

}  // namespace cfnx::sam
