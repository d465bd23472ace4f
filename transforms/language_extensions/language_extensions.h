// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS::LanguageExtensions transform, done offline:
//
//   * `Fn::ForEach::<LoopName>: [Identifier, Collection, {OutputKey: OutputValue}]` in the
//     Conditions, Resources (including anywhere inside a resource) and Outputs sections, nested
//     to any depth. `${Identifier}` and `&{Identifier}` (the value with non-alphanumerics
//     stripped) are replaced in keys and string values, and `Ref: Identifier` becomes the value.
//     Collections are literal lists or resolve from `Ref` to CommaDelimitedList/List<...>
//     parameters, Fn::FindInMap (DefaultValue, keys from pseudo parameters such as
//     AWS::AccountId) and Fn::If; an empty collection produces nothing.
//   * `Fn::Length`, `Fn::ToJsonString` (compact JSON, keys in template order), Fn::FindInMap with
//     intrinsic keys or `DefaultValue`, intrinsics in DeletionPolicy/UpdateReplacePolicy and in
//     the arguments of Ref and Fn::GetAtt are resolved when their inputs are known offline
//     (parameters from `--parameters` or defaults); otherwise they are left as written.
//
// Errors (E1032 for loops, E1030 Fn::Length, E1031 Fn::ToJsonString, E1011 Fn::FindInMap) point
// at the user's text; generated nodes keep the template node they came from as range, and a
// generated key's origin is the Fn::ForEach key of the loop that produced it, so later checks
// (the resource quota) can point at the loop.
//
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html

#ifndef CFNX_TRANSFORMS_LANGUAGE_EXTENSIONS_LANGUAGE_EXTENSIONS_H_
#define CFNX_TRANSFORMS_LANGUAGE_EXTENSIONS_LANGUAGE_EXTENSIONS_H_

#include <memory>

#include "transforms/transform.h"

namespace cfnx {

inline constexpr std::string_view kLanguageExtensionsName = "AWS::LanguageExtensions";

std::unique_ptr<Transform> MakeLanguageExtensionsTransform();

}  // namespace cfnx

#endif  // CFNX_TRANSFORMS_LANGUAGE_EXTENSIONS_LANGUAGE_EXTENSIONS_H_
