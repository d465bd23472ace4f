// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS::Include transform, done offline. It splices template snippets into the template:
//
//   * at the top level, `Transform: {Name: AWS::Include, Parameters: {Location: ...}}` (alone or
//     in the Transform list): the snippet's sections are merged into the template's;
//   * anywhere CloudFormation allows `Fn::Transform` (not in Parameters): as a value,
//     `{"Fn::Transform": {...}}` becomes the snippet; as a key next to others, the snippet's
//     entries are merged into that map.
//
// Locations: `s3://bucket/key` is looked up in `--include-map FILE` (a JSON object mapping
// s3:// URIs to local paths, relative to the map file) and then under `--s3-root DIR` as
// `DIR/bucket/key`. A plain path is accepted as a cfnx extension (relative to the including
// template) with an I5001 note that CloudFormation itself needs S3. Snippets may be YAML or
// JSON; short-form tags (`!Ref`) in snippets and nested includes are errors, as in
// CloudFormation; a snippet that cannot be found is an error at its Location.
//
// Snippet nodes keep their own file and lines, so diagnostics point into the snippet; every
// snippet is recorded in `TransformContext::included` so later passes can add an
// "included from here" note at the Location.
//
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-include.html

#ifndef CFNX_TRANSFORMS_AWS_INCLUDE_AWS_INCLUDE_H_
#define CFNX_TRANSFORMS_AWS_INCLUDE_AWS_INCLUDE_H_

#include <memory>
#include <string_view>

#include "transforms/transform.h"

namespace cfnx {

inline constexpr std::string_view kAwsIncludeName = "AWS::Include";

std::unique_ptr<Transform> MakeAwsIncludeTransform();

}  // namespace cfnx

#endif  // CFNX_TRANSFORMS_AWS_INCLUDE_AWS_INCLUDE_H_
