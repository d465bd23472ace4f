// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Circular dependencies as `cfnx validate` reports them: once per resource on a cycle, at the
// resource's logical id, as cfn-lint's E3004 does (the graph reports each cycle once, at an
// edge, for `cfnx graph` and `cfnx plan`).

#include "engine/graph/graph.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

class DiscardingSink : public DiagnosticSink {
 public:
  using DiagnosticSink::Report;
  void Report(Diagnostic /*d*/) override {}
};

}  // namespace

void CheckCycles(const Template& t, DiagnosticSink& diags) {
  DiscardingSink cycles_once;
  DependencyGraph graph = BuildDependencyGraph(t, GraphOptions{}, cycles_once);
  for (const CycleThrough& cycle : CyclesThroughResources(graph)) {
    const std::string& id = graph.nodes()[cycle.head[0]];
    const Resource* r = t.FindResource(id);
    if (r == nullptr || r->key == nullptr) {
      continue;
    }
    std::string text = CycleText(graph, cycle);
    diags.Report(DiagCode::kE3004, r->key->range(), TemplatePath{"Resources", id},
                 "Resource '" + id + "' is part of a circular dependency: " + text + ".");
  }
}

}  // namespace cfnx
