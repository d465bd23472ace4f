// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfn-lint configuration that lives in a template: the template-level
// `Metadata: {cfn-lint: {config: {...}}}` (a layer of cfnx/check_options.h) and resource-level
// `Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}` directives, and applying the layered
// options to a run's findings. Internal to cfnx (engine/api).

#ifndef CFNX_ENGINE_API_LINT_CONFIG_H_
#define CFNX_ENGINE_API_LINT_CONFIG_H_

#include <map>
#include <string>
#include <vector>

#include "cfnx/check_options.h"
#include "cfnx/diagnostic.h"
#include "engine/ast/node.h"
#include "engine/model/template.h"

namespace cfnx {

// The template's `Metadata.cfn-lint.config` as a CheckOptions layer. Keys cfn-lint reads there
// but cfnx has no use for (configure_rules, include_experimental, ...) are accepted; unknown
// keys, values of the wrong type and unknown regions are reported as W4005 and skipped.
CheckOptions TemplateCheckOptions(const Node* metadata, const std::vector<std::string>& regions,
                                  DiagnosticSink& diags);

// Logical id -> the ids or prefixes its `Metadata.cfn-lint.config.ignore_checks` lists
// (malformed entries reported as W4005).
std::map<std::string, std::vector<std::string>> ResourceIgnoredChecks(const Template& model,
                                                                      DiagnosticSink& diags);

// Drops the findings `checks` does not select and those inside a resource whose directive
// lists a prefix of their code (unless mandatory).
void SelectFindings(std::vector<Diagnostic>& findings, const CheckOptions& checks,
                    const std::map<std::string, std::vector<std::string>>& resource_ignores);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_LINT_CONFIG_H_
