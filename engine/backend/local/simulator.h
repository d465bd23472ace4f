// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `ResourceSimulator`: the type knowledge the local backend's simulated provider needs, as an
// interface. It lives in the core so the backend and executor stay free of resources/; the
// implementation driven by AWS's resource provider schemas is `SchemaResourceSimulator` in
// resources/simulated_provider.h, and engine/api plugs it in (see ARCHITECTURE.md: the core never
// includes resources/). Tests may supply their own.
//
// A simulator is pure: it computes names, physical ids, attributes and replacement decisions;
// the `LocalProvider` (local_provider.h) persists what it decides.

#ifndef CFNX_ENGINE_BACKEND_LOCAL_SIMULATOR_H_
#define CFNX_ENGINE_BACKEND_LOCAL_SIMULATOR_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace cfnx {

struct SimRequest {
  std::string stack_name;
  std::string stack_id;
  std::string logical_id;
  std::string type;
  std::string region;
  std::string account_id;
  std::string partition;
  // Unique per provider call; generated names derive their suffix from it.
  std::string token;
  nlohmann::ordered_json properties;  // resolved
  // What `--fail` names this resource by: "" for the logical id; "Child/Topic" for resource
  // Topic of the nested stack that the parent's resource Child made (engine/exec/nested_stack.cc).
  std::string fault_address;
};

struct SimResult {
  std::string physical_id;            // what Ref returns
  nlohmann::ordered_json attributes;  // GetAtt name -> value
};

class ResourceSimulator {
 public:
  virtual ~ResourceSimulator() = default;
  // Whether `type` can be provisioned; when not, `*reason` says why.
  virtual bool Supports(std::string_view type, std::string* reason) const = 0;
  // The physical id and read-only attributes of a new resource.
  virtual SimResult Create(const SimRequest& request) const = 0;
  // The attributes after an in-place update of `physical_id` (which stays the same).
  virtual nlohmann::ordered_json Update(const SimRequest& request, const std::string& physical_id,
                                        const nlohmann::ordered_json& old_attributes) const = 0;
  // The create-only property path ("/properties/BucketName") whose change from `before` to
  // `after` forces replacement, or "" when the update is in place.
  virtual std::string ReplacementPath(std::string_view type, const nlohmann::ordered_json& before,
                                      const nlohmann::ordered_json& after) const = 0;
  // True when the type's replacementStrategy is delete_then_create.
  virtual bool DeleteThenCreate(std::string_view type) const = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_LOCAL_SIMULATOR_H_
