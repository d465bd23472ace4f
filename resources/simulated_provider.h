// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `SchemaResourceSimulator`: the local backend's `ResourceSimulator` (engine/backend/local/
// simulator.h) driven by the resource registry. It lives in resources/ because it needs the
// registry, which the core must not include; engine/api hands it to the backend.
//
// What it decides, per type's provider schema:
// - Physical id: the primary identifier. A writable identifier (BucketName, FunctionName, Name)
//   is the user's value, or a generated name `<stack>-<logical>-<SUFFIX>` (13 characters,
//   uppercase; lowercase for S3 buckets; shortened to the property's maxLength). A read-only one
//   is made in its form: ARNs for "...Arn", URLs for "...Url", ids such as "vpc-0a1b2c..." for
//   "...Id". Composite identifiers are joined with "|".
// - Read-only attributes (every GetAtt name): ARNs built from partition, region, account and
//   the name where the form is known (S3, SNS, SQS, Lambda, IAM, DynamoDB, Logs, Kinesis,
//   Step Functions, ECR, Events, SSM, KMS, Secrets Manager; otherwise
//   arn:<p>:<service>:<region>:<account>:<resource>/<name>), deterministic values otherwise.
// - Replacement: a change at any createOnlyProperties path replaces the resource;
//   conditionalCreateOnlyProperties are updated in place (the simulation has no service to
//   ask); the schema's replacementStrategy orders the replacement.
// Custom resources (Custom::*, AWS::CloudFormation::CustomResource) get a generated physical id
// and no attributes; types the registry does not know are refused.

#ifndef CFNX_RESOURCES_SIMULATED_PROVIDER_H_
#define CFNX_RESOURCES_SIMULATED_PROVIDER_H_

#include <string>

#include "engine/backend/local/simulator.h"
#include "resources/registry.h"

namespace cfnx {

class SchemaResourceSimulator : public ResourceSimulator {
 public:
  explicit SchemaResourceSimulator(const ResourceTypeRegistry& registry) : registry_(registry) {}

  bool Supports(std::string_view type, std::string* reason) const override;
  SimResult Create(const SimRequest& request) const override;
  nlohmann::ordered_json Update(const SimRequest& request, const std::string& physical_id,
                                const nlohmann::ordered_json& old_attributes) const override;
  std::string ReplacementPath(std::string_view type, const nlohmann::ordered_json& before,
                              const nlohmann::ordered_json& after) const override;
  bool DeleteThenCreate(std::string_view type) const override;

  // The generated name CloudFormation would give `logical_id` in `stack` ("app-Queue-1X2Y...").
  static std::string GeneratedName(const std::string& stack, const std::string& logical_id,
                                   const std::string& token, size_t max_length, bool lowercase);

 private:
  const ResourceTypeRegistry& registry_;
};

}  // namespace cfnx

#endif  // CFNX_RESOURCES_SIMULATED_PROVIDER_H_
