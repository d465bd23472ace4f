// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/drift.h"

#include <algorithm>
#include <set>

#include "engine/model/custom_resource.h"
#include "engine/plan/secrets.h"

namespace cfnx {
namespace {

// JSON pointer escaping (RFC 6901): "~" -> "~0", "/" -> "~1".
std::string Escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// How DescribeStackResourceDrifts prints a value: strings as they are, the rest as JSON.
std::string Printed(const StoreJson& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

void Diff(const StoreJson& expected, const StoreJson& actual, const std::string& path,
          std::vector<PropertyDifference>& out) {
  if (expected == actual)
    return;
  if (expected.is_object() && actual.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      std::string child = path + "/" + Escape(it.key());
      if (!actual.contains(it.key()))
        out.push_back({child, Printed(it.value()), "", "REMOVE"});
      else
        Diff(it.value(), actual[it.key()], child, out);
    }
    for (auto it = actual.begin(); it != actual.end(); ++it) {
      if (!expected.contains(it.key()))
        out.push_back({path + "/" + Escape(it.key()), "", Printed(it.value()), "ADD"});
    }
    return;
  }
  if (expected.is_array() && actual.is_array()) {
    size_t n = std::max(expected.size(), actual.size());
    for (size_t i = 0; i < n; ++i) {
      std::string child = path + "/" + std::to_string(i);
      if (i >= actual.size())
        out.push_back({child, Printed(expected[i]), "", "REMOVE"});
      else if (i >= expected.size())
        out.push_back({child, "", Printed(actual[i]), "ADD"});
      else
        Diff(expected[i], actual[i], child, out);
    }
    return;
  }
  out.push_back({path, Printed(expected), Printed(actual), "NOT_EQUAL"});
}

// Types whose drift CloudFormation does not detect.
bool Checked(const std::string& type) {
  return !IsCustomResourceType(type) && type != "AWS::CloudFormation::Stack";
}

StoreJson PropertiesOrEmpty(const StoreJson& p) {
  return p.is_object() ? p : StoreJson::object();
}

// What the difference at `path` shows of `masked` (the properties with NoEcho-derived parts
// replaced by "****"): the value there, "****" when a masked ancestor hides it, else "".
std::string MaskedAt(const StoreJson& masked, const std::string& path) {
  StoreJson::json_pointer pointer(path);
  if (masked.contains(pointer))
    return Printed(masked[pointer]);
  while (!pointer.empty()) {
    pointer = pointer.parent_pointer();
    if (masked.contains(pointer) && masked[pointer] == kMaskedValue)
      return kMaskedValue;
  }
  return "";
}

// `d` with every value that comes from a NoEcho parameter shown as "****", as `cfnx describe`
// shows them: drift is decided on the real values, but secrets are not printed.
void MaskDrift(ResourceDrift& d, const StoreJson& declared, const std::set<std::string>& secret) {
  if (secret.empty())
    return;
  if (!d.expected.is_null())
    d.expected = MaskSecrets(declared, d.expected, secret);
  if (!d.actual.is_null())
    d.actual = MaskSecrets(declared, d.actual, secret);
  for (PropertyDifference& p : d.differences) {
    if (p.difference_type != "ADD")
      p.expected_value = MaskedAt(d.expected, p.path);
    if (p.difference_type != "REMOVE")
      p.actual_value = MaskedAt(d.actual, p.path);
  }
}

}  // namespace

std::vector<PropertyDifference> DiffProperties(const StoreJson& expected, const StoreJson& actual) {
  std::vector<PropertyDifference> out;
  Diff(PropertiesOrEmpty(expected), PropertiesOrEmpty(actual), "", out);
  return out;
}

ErrorOr<std::vector<ResourceDrift>> DetectStackDrift(StateStore& store, const std::string& stack) {
  std::optional<StoredStack> s = store.GetStack(stack);
  if (!s || s->status == "DELETE_COMPLETE")
    return Error{"Stack with id " + stack + " does not exist"};
  std::set<std::string> secret = NoEchoParameterNames(s->template_json);
  std::vector<ResourceDrift> drifts;
  for (const StoredResource& r : store.GetResources(stack)) {
    if (r.role != "current" || r.physical_id.empty())
      continue;
    ResourceDrift d{r.logical_id, r.physical_id, r.type, "NOT_CHECKED", nullptr, nullptr, {}};
    if (Checked(r.type)) {
      d.expected = PropertiesOrEmpty(r.properties);
      std::optional<CloudResource> cloud = store.GetCloud(r.type, r.physical_id);
      if (!cloud) {
        d.status = "DELETED";
      } else {
        d.actual = PropertiesOrEmpty(cloud->properties);
        d.differences = DiffProperties(d.expected, d.actual);
        d.status = d.differences.empty() ? "IN_SYNC" : "MODIFIED";
      }
      const StoreJson* declared = nullptr;
      if (s->template_json.is_object() && s->template_json.contains("Resources") &&
          s->template_json["Resources"].contains(r.logical_id) &&
          s->template_json["Resources"][r.logical_id].contains("Properties"))
        declared = &s->template_json["Resources"][r.logical_id]["Properties"];
      MaskDrift(d, declared != nullptr ? *declared : StoreJson::object(), secret);
    }
    drifts.push_back(std::move(d));
  }
  std::sort(drifts.begin(), drifts.end(), [](const ResourceDrift& a, const ResourceDrift& b) {
    return a.logical_id < b.logical_id;
  });
  return drifts;
}

bool Drifted(const std::vector<ResourceDrift>& drifts) {
  return std::any_of(drifts.begin(), drifts.end(), [](const ResourceDrift& d) {
    return d.status == "MODIFIED" || d.status == "DELETED";
  });
}

StoreJson DriftJson(const StoredStack& stack, const std::vector<ResourceDrift>& drifts,
                    const std::string& timestamp) {
  StoreJson list = StoreJson::array();
  for (const ResourceDrift& d : drifts) {
    StoreJson j = StoreJson::object();
    j["StackId"] = stack.stack_id;
    j["LogicalResourceId"] = d.logical_id;
    j["PhysicalResourceId"] = d.physical_id;
    j["ResourceType"] = d.type;
    if (!d.expected.is_null())
      j["ExpectedProperties"] = d.expected.dump();
    if (!d.actual.is_null())
      j["ActualProperties"] = d.actual.dump();
    StoreJson diffs = StoreJson::array();
    for (const PropertyDifference& p : d.differences) {
      diffs.push_back({{"PropertyPath", p.path},
                       {"ExpectedValue", p.expected_value},
                       {"ActualValue", p.actual_value},
                       {"DifferenceType", p.difference_type}});
    }
    j["PropertyDifferences"] = diffs;
    j["StackResourceDriftStatus"] = d.status;
    j["Timestamp"] = timestamp;
    list.push_back(std::move(j));
  }
  StoreJson out = StoreJson::object();
  out["StackName"] = stack.name;
  out["StackDriftStatus"] = Drifted(drifts) ? "DRIFTED" : "IN_SYNC";
  out["StackResourceDrifts"] = std::move(list);
  return out;
}

Status SimulateDrift(StateStore& store, const std::string& stack, const std::string& logical_id,
                     const DriftEdit& edit) {
  std::optional<StoredStack> s = store.GetStack(stack);
  if (!s || s->status == "DELETE_COMPLETE")
    return Error{"Stack with id " + stack + " does not exist"};
  const StoredResource* resource = nullptr;
  std::vector<StoredResource> resources = store.GetResources(stack);
  for (const StoredResource& r : resources) {
    if (r.logical_id == logical_id && r.role == "current")
      resource = &r;
  }
  if (resource == nullptr || resource->physical_id.empty())
    return Error{"Resource " + logical_id + " does not exist in stack " + stack};
  std::optional<CloudResource> cloud = store.GetCloud(resource->type, resource->physical_id);
  if (!cloud)
    return Error{"the provider no longer has " + logical_id + " (" + resource->physical_id +
                 "): it is already deleted"};
  if (edit.remove)
    return store.Write(
        [&](StateStore::Tx& tx) { tx.DeleteCloud(cloud->type, cloud->physical_id); });
  StoreJson props = PropertiesOrEmpty(cloud->properties);
  for (const auto& [path, value] : edit.set) {
    StoreJson::json_pointer pointer;
    try {
      pointer = StoreJson::json_pointer(path);
      if (pointer.empty())
        return Error{"--set needs a property path, got '" + path + "'"};
      props[pointer] = value;
    } catch (const StoreJson::exception& e) {
      return Error{"--set " + path + ": not a path into " + logical_id + "'s properties (" +
                   e.what() + ")"};
    }
  }
  for (const std::string& path : edit.unset) {
    try {
      StoreJson::json_pointer pointer(path);
      if (pointer.empty() || !props.contains(pointer))
        return Error{"--unset " + path + ": " + logical_id + " has no such property"};
      StoreJson& parent = props[pointer.parent_pointer()];
      if (parent.is_object())
        parent.erase(pointer.back());
      else
        parent.erase(static_cast<size_t>(std::stoul(pointer.back())));
    } catch (const std::exception& e) {
      return Error{"--unset " + path + ": not a path into " + logical_id + "'s properties (" +
                   e.what() + ")"};
    }
  }
  cloud->properties = std::move(props);
  return store.Write([&](StateStore::Tx& tx) { tx.PutCloud(*cloud); });
}

}  // namespace cfnx
