// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// CloudFront distribution aliases (DistributionConfig.Aliases) must be domain names CloudFront
// accepts: lower-case labels of letters, digits and hyphens (not at either end), a wildcard only
// as the whole first label ("*.example.com", never "www.*.example.com"), and a top-level label
// of at least two characters. The provider schema only says "list of strings"; CloudFront
// rejects the rest at deploy time. cfn-lint checks the same (E3013).
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html

#ifndef CFNX_RESOURCES_CLOUDFRONT_ALIASES_H_
#define CFNX_RESOURCES_CLOUDFRONT_ALIASES_H_

#include <string>
#include <string_view>

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Why `alias` is not a valid CloudFront alias, or "" when it is.
std::string CloudFrontAliasProblem(std::string_view alias);

// Checks the literal aliases of an AWS::CloudFront::Distribution (other types are ignored;
// values given by functions or dynamic references are only known at deploy time).
void CheckCloudFrontAliases(const Resource& resource, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_CLOUDFRONT_ALIASES_H_
