// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The transforms cfnx implements, registered explicitly (no static self-registration: the
// linker would drop unreferenced objects from a static library).

#include "transforms/aws_include/aws_include.h"
#include "transforms/language_extensions/language_extensions.h"
#include "transforms/sam/sam_transform.h"
#include "transforms/transform.h"

namespace cfnx {

void RegisterBuiltinTransforms(TransformRegistry& registry) {
  registry.Register(MakeLanguageExtensionsTransform());
  registry.Register(MakeAwsIncludeTransform());
  // Last: a template using AWS::Serverless::* types without a Transform section is SAM, and
  // snippet-level transforms (Fn::Transform) must run before it.
  registry.Register(MakeSamTransform());
}

}  // namespace cfnx
