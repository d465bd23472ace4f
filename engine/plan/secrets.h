// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Secrets in deployed state: what of a stack must be shown as "****".
//
// CloudFormation never returns the value of a `NoEcho` parameter (DescribeStacks shows
// "****"). The local backend stores what it deployed fully resolved, so everything that
// prints stored state (`cfnx describe`, text and JSON; events) masks through here: parameter
// values, and every part of a resource's properties or an output's value whose template
// expression refers to a NoEcho parameter (Ref, or a Fn::Sub variable).
//   std::set<std::string> secret = NoEchoParameterNames(template_json);
//   json shown = MaskSecrets(template_props, deployed_props, secret);

#ifndef CFNX_ENGINE_PLAN_SECRETS_H_
#define CFNX_ENGINE_PLAN_SECRETS_H_

#include <set>
#include <string>

#include "cfnx/stack_state.h"

namespace cfnx {

inline constexpr const char* kMaskedValue = "****";

// The names of the parameters `template_json` declares with NoEcho true ("true", True).
std::set<std::string> NoEchoParameterNames(const OrderedJson& template_json);

// Whether the template value `expr` refers to one of `no_echo` (Ref, or a Fn::Sub variable),
// or reads an attribute of one of `no_echo_resources` (Fn::GetAtt, Fn::Sub "${R.Attr}"), anywhere
// inside it.
bool RefersToSecret(const OrderedJson& expr, const std::set<std::string>& no_echo,
                    const std::set<std::string>& no_echo_resources = {});

// `deployed` (the resolved form of the template value `expr`) with every part whose expression
// refers to a NoEcho parameter replaced by "****". Walks both in step while their shapes agree;
// where they do not (an intrinsic resolved to a value), a secret expression masks the whole part.
OrderedJson MaskSecrets(const OrderedJson& expr, const OrderedJson& deployed,
                        const std::set<std::string>& no_echo,
                        const std::set<std::string>& no_echo_resources = {});

// Stored outputs (a list of {OutputKey, OutputValue, ...}) with the OutputValue of each output
// whose template Value refers to a NoEcho parameter of `template_json`, or reads (Fn::GetAtt, a
// Fn::Sub "${R.Attr}") an attribute of one of `no_echo_resources` (custom resources whose
// handler answered NoEcho: CloudFormation masks what Fn::GetAtt returns of them), replaced by
// "****".
OrderedJson MaskOutputs(const OrderedJson& outputs, const OrderedJson& template_json,
                        const std::set<std::string>& no_echo_resources = {});

}  // namespace cfnx

#endif  // CFNX_ENGINE_PLAN_SECRETS_H_
