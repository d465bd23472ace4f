// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Template macros, run offline. CloudFormation hands a macro's Lambda function an event and
// splices the fragment it answers into the template
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros-author.html).
// Here a local command (`--macro NAME=COMMAND`, run with /bin/sh -c) plays that function: it
// reads the same event on standard input and writes the same response on standard output:
//
//   event:    {"region": ..., "accountId": ..., "fragment": ..., "transformId": "NAME",
//              "params": {...}, "requestId": "...", "templateParameterValues": {...}}
//   response: {"requestId": "<the same>", "status": "success", "fragment": ...,
//              "errorMessage": "..." (when status is anything else)}
//
// Where a macro appears decides its fragment, as AWS documents it:
//   * in the Transform section (`Transform: Name` or a list mixing macros with AWS's
//     transforms, run in list order): the whole template except the Transform section; its
//     answer is the new template. `params` is {} (a `{Name, Parameters}` item passes its
//     Parameters, a cfnx extension: CloudFormation accepts that form only for AWS::Include);
//   * in `Fn::Transform: {Name, Parameters}` (or a list of them, run in order, each getting the
//     previous one's answer): the map holding the Fn::Transform without that key (`{}` when it
//     is alone); the answer replaces that map. `params` is the Parameters as written:
//     intrinsic functions in them reach the macro unevaluated, as in CloudFormation.
// Macros run innermost first: AWS::Include snippets are spliced in first (a macro call inside one
// runs after), then every Fn::Transform, then the Transform section's macros. (A macro whose
// siblings hold an AWS::Include sees that Fn::Transform unexpanded.)
// `templateParameterValues` holds each template parameter's value (the one given, else its
// Default; List and CommaDelimitedList types as lists).
//
// A command that fails (exit status, time limit) or answers a status other than "success"
// (case-insensitive) is E9019 with its errorMessage; an answer that is not the documented JSON
// (bad JSON, another requestId, no fragment) is E9020. Parts of the answer equal to what the
// macro was given keep their file:line:col; new parts point at the macro's site.

#ifndef CFNX_TRANSFORMS_MACROS_MACRO_H_
#define CFNX_TRANSFORMS_MACROS_MACRO_H_

#include <string_view>

#include "transforms/transform.h"

namespace cfnx {

// Expands every Fn::Transform below `root` that names a macro of `ctx.options.macros`. Returns
// the new root (`root` itself when nothing changed), or nullptr after reporting a failure.
// Fn::Transform of AWS::Include is left to that transform; one naming a macro without a
// command stays as written, with an I5000 note saying to pass --macro.
const Node* ExpandMacroSnippets(const Node* root, TransformContext& ctx);

// Runs the Transform-section macro `name` (which has a command in `ctx.options.macros`) over
// the whole template `root`. Returns the processed template (its Transform section kept, so
// later transforms of the list see it), or nullptr after reporting a failure.
const Node* ApplyTemplateMacro(std::string_view name, const MapNode& root, TransformContext& ctx);

}  // namespace cfnx

#endif  // CFNX_TRANSFORMS_MACROS_MACRO_H_
