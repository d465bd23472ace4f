// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/change_set_compare.h"

#include <map>

namespace cfnx {
namespace {

std::string Str(const OrderedJson& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) {
    return "";
  }
  return j[key].get<std::string>();
}

// Logical id -> ResourceChange.
std::map<std::string, OrderedJson> ByLogicalId(const OrderedJson& changes) {
  std::map<std::string, OrderedJson> out;
  if (!changes.is_array()) {
    return out;
  }
  for (const OrderedJson& c : changes) {
    if (!c.is_object() || Str(c, "Type") != "Resource" || !c.contains("ResourceChange")) {
      continue;
    }
    const OrderedJson& rc = c["ResourceChange"];
    out[Str(rc, "LogicalResourceId")] = rc;
  }
  return out;
}

// "Properties.BucketName" (or "Tags") -> detail fields.
std::map<std::string, std::map<std::string, std::string>> Details(const OrderedJson& rc) {
  std::map<std::string, std::map<std::string, std::string>> out;
  if (!rc.contains("Details") || !rc["Details"].is_array()) {
    return out;
  }
  for (const OrderedJson& d : rc["Details"]) {
    const OrderedJson& target = d.contains("Target") ? d["Target"] : OrderedJson();
    std::string key = Str(target, "Attribute");
    if (!Str(target, "Name").empty()) {
      key += "." + Str(target, "Name");
    }
    std::map<std::string, std::string>& fields = out[key];
    fields["RequiresRecreation"] = Str(target, "RequiresRecreation");
    fields["Evaluation"] = Str(d, "Evaluation");
    fields["ChangeSource"] = Str(d, "ChangeSource");
  }
  return out;
}

}  // namespace

std::vector<std::string> CompareChangeSets(const OrderedJson& planned, const OrderedJson& actual) {
  std::map<std::string, OrderedJson> plan = ByLogicalId(planned);
  std::map<std::string, OrderedJson> aws = ByLogicalId(actual);
  std::vector<std::string> out;
  for (const auto& [id, p] : plan) {
    if (aws.count(id) == 0) {
      out.push_back(id + ": cfnx plans " + Str(p, "Action") +
                    ", CloudFormation's change set does not change it");
    }
  }
  for (const auto& [id, a] : aws) {
    auto it = plan.find(id);
    if (it == plan.end()) {
      out.push_back(id + ": CloudFormation's change set says " + Str(a, "Action") +
                    ", cfnx plans no change");
      continue;
    }
    const OrderedJson& p = it->second;
    for (const char* field : {"Action", "ResourceType", "Replacement"}) {
      std::string want = Str(p, field);
      std::string got = Str(a, field);
      if (!got.empty() && want != got) {
        out.push_back(id + ": " + field + " " + got + " in CloudFormation's change set, " +
                      (want.empty() ? std::string("none") : want) + " in cfnx's plan");
      }
    }
    if (!a.contains("Details") || !a["Details"].is_array() || a["Details"].empty()) {
      continue;  // not reported (emulators): nothing to compare
    }
    auto planned_details = Details(p);
    auto aws_details = Details(a);
    for (const auto& [target, fields] : aws_details) {
      auto pd = planned_details.find(target);
      if (pd == planned_details.end()) {
        out.push_back(id + ": CloudFormation changes " + target + ", cfnx's plan does not");
        continue;
      }
      for (const auto& [name, value] : fields) {
        const std::string& want = pd->second[name];
        if (!value.empty() && value != want) {
          out.push_back(id + ": " + target + " " + name + " " + value +
                        " in CloudFormation's change set, " + (want.empty() ? "none" : want) +
                        " in cfnx's plan");
        }
      }
    }
    for (const auto& [target, fields] : planned_details) {
      if (aws_details.count(target) == 0) {
        out.push_back(id + ": cfnx's plan changes " + target + ", CloudFormation's does not");
      }
    }
  }
  return out;
}

}  // namespace cfnx
