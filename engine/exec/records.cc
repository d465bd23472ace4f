// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/exec/records.h"

namespace cfnx {

bool SameJson(const ExecJson& a, const ExecJson& b) {
  return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

ExecJson RowToJson(const StoredResource& r) {
  ExecJson j = ExecJson::object();
  j["LogicalResourceId"] = r.logical_id;
  j["PhysicalResourceId"] = r.physical_id;
  j["ResourceType"] = r.type;
  j["ResourceStatus"] = r.status;
  j["Role"] = r.role;
  j["Properties"] = r.properties;
  j["Attributes"] = r.attributes;
  j["DeletionPolicy"] = r.deletion_policy;
  j["UpdateReplacePolicy"] = r.update_replace_policy;
  j["CreatedByOperation"] = r.created_by_op;
  return j;
}

// Typed reads of the operation records (`desired`, journal `data`) the state database holds.
// The database is outside input (a hand edit, a damaged file): a field of the wrong type reads
// as its fallback, where ExecJson::value would throw type_error.302 and end the process.
std::string StringField(const ExecJson& j, const char* key, const std::string& fallback) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int64_t IntField(const ExecJson& j, const char* key, int64_t fallback) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

ExecJson ObjectField(const ExecJson& j, const char* key) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_object() ? *it : ExecJson::object();
}

ExecJson Field(const ExecJson& j, const char* key) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() ? *it : ExecJson();
}

StoredResource RowFromJson(const ExecJson& j) {
  StoredResource r;
  if (!j.is_object())
    return r;
  r.logical_id = StringField(j, "LogicalResourceId");
  r.physical_id = StringField(j, "PhysicalResourceId");
  r.type = StringField(j, "ResourceType");
  r.status = StringField(j, "ResourceStatus");
  r.role = StringField(j, "Role", "current");
  r.properties = ObjectField(j, "Properties");
  r.attributes = ObjectField(j, "Attributes");
  r.deletion_policy = StringField(j, "DeletionPolicy");
  r.update_replace_policy = StringField(j, "UpdateReplacePolicy");
  r.created_by_op = IntField(j, "CreatedByOperation");
  return r;
}

ExecJson StackToJson(const StoredStack& s) {
  ExecJson j = ExecJson::object();
  j["StackName"] = s.name;
  j["StackId"] = s.stack_id;
  j["StackStatus"] = s.status;
  j["Template"] = s.template_json;
  j["Parameters"] = s.parameters;
  j["Outputs"] = s.outputs;
  j["Generation"] = s.generation;
  j["CreatedAt"] = s.created_at;
  return j;
}

// A parameter value as DescribeStacks shows it: lists comma-joined.
std::string ParameterText(const ExecJson& v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const ExecJson& item : v)
      out += (out.empty() ? "" : ",") + ParameterText(item);
    return out;
  }
  return v.dump();
}

// Logical id -> first position in `sequence` (a JSON list of ids).
std::map<std::string, size_t> Positions(const ExecJson& sequence) {
  std::map<std::string, size_t> out;
  if (!sequence.is_array())
    return out;
  for (size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i].is_string())
      out.emplace(sequence[i].get<std::string>(), i);
  }
  return out;
}

}  // namespace cfnx
