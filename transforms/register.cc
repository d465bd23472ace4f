// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The transforms cfnx implements, registered explicitly (no static self-registration: the
// linker would drop unreferenced objects from a static library).

#include "transforms/aws_include/aws_include.h"
#include "transforms/language_extensions/language_extensions.h"
#include "transforms/transform.h"

namespace cfnx {

void RegisterBuiltinTransforms(TransformRegistry& registry) {
  // AWS::LanguageExtensions, AWS::Include and AWS::Serverless-2016-10-31 register here as
  // they land.
  registry.Register(MakeLanguageExtensionsTransform());
  registry.Register(MakeAwsIncludeTransform());
}

}  // namespace cfnx
