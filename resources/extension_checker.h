// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Applies the extension schemas (resources/extension_schemas.h) to a template's resources: for
// each resource of a rule's type, each value at the rule's path is validated against the rule's
// JSON Schema and the errors are reported under the rule's id (E3678 "a ZipFile needs a
// Runtime", E3638 "PAY_PER_REQUEST tables take no ProvisionedThroughput", ...). One mechanism
// for every such rule; no rule has code of its own.
//
// The validator knows the keywords these schemas use: type, enum, const, pattern, lengths,
// ranges, multipleOf, required, properties, patternProperties, additionalProperties,
// propertyNames, dependentRequired, dependentExcluded, items, contains, minItems, maxItems,
// allOf, anyOf, oneOf, not, if/then/else, $ref to the schema's definitions, and boolean
// schemas. Values compare as cfn-lint compares them ("true" equals true, "5" equals 5).
//
// Condition-aware, with cfn-lint's scenario semantics: the conditions of the Fn::Ifs inside the
// checked value are enumerated (at most 2^5 scenarios, each satisfiable together with the
// resource's own Condition per engine/validate/condition_logic.h), every Fn::If is replaced by
// the branch its scenario takes, and `Ref: AWS::NoValue` removes a property. A value known only
// at deploy time (Ref, Fn::GetAtt, Fn::Sub, a dynamic reference) is unknown: an `if` that
// depends on it applies neither `then` nor `else`, so no error rests on a guess.
//
// Cross-resource rules (cfn-lint's cfnGather keyword: an SQS queue's dead-letter queue of the
// same type, a DB instance with its cluster's engine, a stage and its deployment on one API, a
// Fargate service's task definition, ...) gather the values the schema names from the resource
// and from the resources it references by Ref or Fn::GetAtt into one object, resolve the
// schema's `$data` pointers and `$lookup` tables against it, validate it, and report each error
// where its value came from, in this resource or in the referenced one (at that resource's
// Properties when the value is a default). Fn::Ifs in gathered values stay unknown; a `$data`
// pointer that finds nothing drops its keyword (cfn-lint compares against the pointer itself
// and reports, e.g. E3502 for a dead-letter queue given as an ARN; cfnx does not guess).
//
// Errors point where cfn-lint points: at the property's key (a missing `required` property at
// the object that lacks it), or at the list item. A rule reports its best error only (the
// shallowest, first) unless it asks for every one, as cfn-lint's all_matches does. Resources'
// `Metadata: cfn-lint: config: ignore_checks` apply.

#ifndef CFNX_RESOURCES_EXTENSION_CHECKER_H_
#define CFNX_RESOURCES_EXTENSION_CHECKER_H_

#include <functional>
#include <string_view>

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"
#include "resources/extension_schemas.h"

namespace cfnx {

// Whether resources of a type take tags (its provider schema's `tagging.taggable`).
using TaggablePredicate = std::function<bool(std::string_view type)>;

// Reports every extension-rule error of `t`'s resources for `region` to `diags`. Rules for
// taggable types only apply where `taggable` says so (nowhere when it is empty).
void CheckExtensionSchemas(const Template& t, const ExtensionSchemas& schemas,
                           std::string_view region, const TaggablePredicate& taggable,
                           DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_EXTENSION_CHECKER_H_
