// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A resource's `Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}` as the resource checks
// apply it while they walk the resource (an id matches as a prefix, so "E30" covers E3002).
// Internal to resources/.

#ifndef CFNX_RESOURCES_IGNORED_CHECKS_H_
#define CFNX_RESOURCES_IGNORED_CHECKS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Forwards everything but the diagnostics whose code starts with one of `ignored`.
class IgnoringSink : public DiagnosticSink {
 public:
  IgnoringSink(DiagnosticSink& next, std::vector<std::string> ignored)
      : next_(next), ignored_(std::move(ignored)) {}
  using DiagnosticSink::Report;
  void Report(Diagnostic d) override {
    std::string_view id = GetDiagCodeInfo(d.code).id;
    for (const std::string& prefix : ignored_) {
      if (id.substr(0, prefix.size()) == prefix) {
        return;
      }
    }
    next_.Report(std::move(d));
  }

 private:
  DiagnosticSink& next_;
  std::vector<std::string> ignored_;
};

std::vector<std::string> IgnoredChecks(const Resource& r);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_IGNORED_CHECKS_H_
