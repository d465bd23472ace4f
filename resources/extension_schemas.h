// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Extension schemas: the service rules cfn-lint layers on AWS's provider schemas (an RDS
// engine's versions and instance classes, Fargate's CPU/memory pairs, which Lambda runtimes
// take a ZipFile, which load balancer protocols need a certificate, ...), each a JSON Schema
// applied at a path inside one resource type and reported under its own rule id
// (schemas/cfn/extensions.jsonl, generated from cfn-lint's data by
// scripts/gen_extension_schemas.py). resources/extension_checker.h applies them.
//
// Loading reads only each line's small header (rule, paths, regions); a rule's schema is parsed
// the first time a template has a resource of its type, so rules cost nothing to templates that
// do not use them. Not thread-safe: each process loads its own (engine/api).
//
//   auto rules = ExtensionSchemas::FromJsonLines(EmbeddedExtensionSchemas());
//   for (const ExtensionRule* rule : (*rules)->For("AWS::Lambda::Function", "us-east-1")) ...

#ifndef CFNX_RESOURCES_EXTENSION_SCHEMAS_H_
#define CFNX_RESOURCES_EXTENSION_SCHEMAS_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfnx/error_or.h"

namespace cfnx {

struct ExtensionRule {
  std::string rule;  // cfn-lint's rule id, e.g. "E3678"
  // Where the schema applies: a resource type and a path below it, {"Properties"} or
  // {"Properties", "BlockDeviceMappings", "*"} ("*" = each list item).
  struct Path {
    std::string type;
    std::vector<std::string> segments;
  };
  std::vector<Path> paths;
  bool all_matches = false;            // report every error, not only the best one
  std::string message;                 // the rule's own wording; "" = the schema error's
  std::vector<std::string> lowercase;  // properties compared lower-cased (RDS Engine)
  std::vector<std::string> regions;    // empty = every region
  bool taggable_only = false;          // applies to taggable types only (path type "*")
  bool scenarios = true;               // false: Fn::Ifs stay unresolved (never match)

  // The schema, parsed on first use.
  const nlohmann::json& schema() const;

 private:
  friend class ExtensionSchemas;
  std::string_view schema_text_;
  mutable std::once_flag schema_once_;
  mutable std::unique_ptr<nlohmann::json> schema_;
};

class ExtensionSchemas {
 public:
  // Reads the header of every line of `jsonl` (which must outlive the result); an Error naming
  // the first line that is not a rule.
  static ErrorOr<std::unique_ptr<ExtensionSchemas>> FromJsonLines(std::string_view jsonl);

  // The rules for resources of `type` in `region`, in rule id order, then the rules for every
  // type (path type "*").
  std::vector<const ExtensionRule*> For(std::string_view type, std::string_view region) const;

  size_t size() const { return rules_.size(); }

 private:
  ExtensionSchemas() = default;
  std::vector<std::unique_ptr<ExtensionRule>> rules_;
  std::map<std::string, std::vector<const ExtensionRule*>, std::less<>> by_type_;
};

}  // namespace cfnx

#endif  // CFNX_RESOURCES_EXTENSION_SCHEMAS_H_
