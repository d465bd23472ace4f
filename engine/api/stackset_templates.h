// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `AWS::CloudFormation::StackSet` resources carry the template of their stack instances as a
// string (`TemplateBody`). CloudFormation parses and validates it only when it creates the
// instances, so a broken body deploys the StackSet and then fails every instance. Here the body
// is loaded and checked as a template of its own (the same passes `cfnx validate` runs, in the
// run's region), and each error is reported as E9021 at the TemplateBody, with the path inside
// the body appended to the resource's path and the body's own line:col in the message.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-stackset.html
//
// Only literal strings are checked (a body built with Fn::Sub or Fn::Join is known after
// deploy); TemplateURL bodies are not fetched.

#ifndef CFNX_ENGINE_API_STACKSET_TEMPLATES_H_
#define CFNX_ENGINE_API_STACKSET_TEMPLATES_H_

#include "cfnx/compiler.h"
#include "engine/api/pipeline.h"

namespace cfnx {

// Checks the TemplateBody of every AWS::CloudFormation::StackSet resource of `loaded`.
void CheckStackSetTemplates(const LoadedTemplate& loaded, const CompileOptions& options,
                            DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_STACKSET_TEMPLATES_H_
