// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/graph.h
//
// `cfnx graph` as a library call: the resource dependency graph of a template (after its
// transforms), with an edge for each DependsOn, Ref, Fn::GetAtt and Fn::Sub variable, and the
// waves a deployment walks, rendered as Graphviz dot, JSON or Mermaid.
//
//   cfnx::Compiler compiler;
//   cfnx::ErrorOr<cfnx::FileId> file = compiler.AddFile("template.yaml");
//   cfnx::GraphOutput out = cfnx::RenderDependencyGraph(compiler, *file, "json");
//   if (out.text.empty()) { /* not loadable: out.result.diagnostics say why */ }
//   // A cycle is one E3004 in out.result.diagnostics listing the whole cycle.
//
// The JSON form is {"Resources": [{"LogicalId", "Type", "Wave", "DependsOn"}, ...],
// "Edges": [{"From", "To", "Kind", "Path"}, ...], "OutputEdges", "Order", "Waves": [[...], ...],
// "HasCycle"}; `cfnx graph --format json` prints the same bytes.

#ifndef CFNX_ENGINE_INCLUDE_CFNX_GRAPH_H_
#define CFNX_ENGINE_INCLUDE_CFNX_GRAPH_H_

#include <string>
#include <string_view>

#include "cfnx/compiler.h"

namespace cfnx {

struct GraphOutput {
  std::string text;      // the graph; empty when the template could not be loaded
  CompileResult result;  // the template's diagnostics (cycles, parse errors), sorted by location
};

// The dependency graph of the template in `file` in `format`: "dot", "json" or "mermaid"
// (anything else gives an empty text and no diagnostics).
GraphOutput RenderDependencyGraph(Compiler& compiler, FileId file, std::string_view format);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_GRAPH_H_
