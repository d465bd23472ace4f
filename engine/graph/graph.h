// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The resource dependency graph of a template. Edges are derived statically from the tree, as
// CloudFormation does: `DependsOn`, `Ref` and `Fn::GetAtt` of a resource, and `Fn::Sub`
// variables naming a resource (`${Bucket}`, `${Bucket.Arn}`), anywhere in a resource's
// Properties, Metadata, CreationPolicy or UpdatePolicy. Outputs' references are kept as
// `output_edges` (outputs depend on resources; nothing depends on an output).
//
// `BuildDependencyGraph` also orders the graph: a topological order with ties broken by logical
// id (so output is deterministic), waves (resources in one wave depend only on earlier waves, so
// a wave can run in parallel) and, for deletion, the reverse. A cycle is reported once per
// strongly connected component as E3004, listing the whole cycle, with a note at the reference
// that makes each edge; the resources of a cycle are then left out of the order.
//
// The graph copies logical ids, but `GraphEdge::site` points into the template's Document, which
// must outlive the graph for those pointers to be used. Boost.Graph is used only in graph.cc.

#ifndef CFNX_ENGINE_GRAPH_GRAPH_H_
#define CFNX_ENGINE_GRAPH_GRAPH_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfnx/diagnostic.h"
#include "engine/base/id_index.h"
#include "engine/model/template.h"

namespace cfnx {

enum class EdgeKind { kDependsOn, kRef, kGetAtt, kSub };
// "DependsOn", "Ref", "Fn::GetAtt", "Fn::Sub".
std::string_view EdgeKindName(EdgeKind kind);

// `from` depends on `to` (indexes into DependencyGraph::nodes()).
struct GraphEdge {
  size_t from = 0;
  size_t to = 0;
  EdgeKind kind = EdgeKind::kRef;
  const Node* site = nullptr;  // the reference (or DependsOn entry) that makes the edge
  // Where `site` is; empty unless GraphOptions::edge_paths (cycle reports find their own).
  TemplatePath path;
};

// An output's reference to a resource.
struct OutputEdge {
  std::string output;
  size_t to = 0;
  EdgeKind kind = EdgeKind::kRef;
};

struct GraphOptions {
  // Whether a resource is part of the stack (its Condition holds). Null = every resource.
  // Excluded resources are not nodes; references to them make no edges.
  std::function<bool(const Resource&)> included;
  // Fill GraphEdge::path for every edge (`cfnx graph --format json` shows them). Off, the walk
  // does not track where it is, which keeps building the graph to one pass over the values
  // (most edges' paths are never read: only cycle reports need some, and find them again).
  bool edge_paths = false;
};

class DependencyGraph {
 public:
  // Resource logical ids in template order.
  const std::vector<std::string>& nodes() const { return nodes_; }
  // The resource type of node `v` (types are stored once each: a template has few).
  std::string_view type(size_t v) const { return type_names_[type_of_[v]]; }
  const std::vector<GraphEdge>& edges() const { return edges_; }
  const std::vector<OutputEdge>& output_edges() const { return output_edges_; }
  // The nodes `v` depends on: sorted, without duplicates.
  std::span<const size_t> dependencies(size_t v) const {
    return {dep_list_.data() + dep_begin_[v], dep_list_.data() + dep_begin_[v + 1]};
  }
  std::optional<size_t> Find(std::string_view logical_id) const;

  bool has_cycle() const { return has_cycle_; }
  // Topological order (dependencies first), ties broken by logical id. Nodes on a cycle are
  // left out.
  const std::vector<size_t>& order() const { return order_; }
  // Wave of each node: 0 for no dependencies, else 1 + the largest wave of its dependencies;
  // -1 for nodes on (or after) a cycle.
  const std::vector<int>& wave_of() const { return wave_; }
  // Nodes grouped by wave, each wave sorted by logical id.
  std::vector<std::vector<size_t>> Waves() const;

 private:
  friend DependencyGraph BuildDependencyGraph(const Template& t, const GraphOptions& options,
                                              DiagnosticSink& diags);
  friend DependencyGraph BuildDependencyGraphFromJson(
      const nlohmann::ordered_json& root,
      const std::function<bool(size_t position, std::string_view id)>& included);
  // Adds `id` as a node unless it is one; whether it was added.
  bool AddNode(std::string_view id, std::string_view type);
  // Appends node `from`'s dependencies (dep_list_'s entries past dep_begin_[from]), sorted and
  // without duplicates; nodes are closed in order, 0 first.
  void CloseDependencies(size_t from);
  std::vector<std::string> nodes_;
  std::vector<uint32_t> type_of_;  // index into type_names_, per node
  std::vector<std::string> type_names_;
  IdIndex type_index_;  // type name -> index in type_names_
  IdIndex index_;       // logical id -> position in nodes_
  std::vector<GraphEdge> edges_;
  std::vector<OutputEdge> output_edges_;
  // Dependencies in one array (CSR): node v's are dep_list_[dep_begin_[v], dep_begin_[v + 1]).
  std::vector<size_t> dep_begin_{0};
  std::vector<size_t> dep_list_;
  std::vector<size_t> order_;
  std::vector<int> wave_;
  bool has_cycle_ = false;
};

// Builds and orders the graph of `t`; cycles go to `diags` as E3004.
DependencyGraph BuildDependencyGraph(const Template& t, const GraphOptions& options,
                                     DiagnosticSink& diags);

// The graph of a template given as JSON (a deployed stack's template, which the planner keeps
// as JSON): the same nodes, dependencies and order as BuildDependencyGraph over the parsed
// template, but no edges() (there are no source sites) and no cycle diagnostics (has_cycle()
// still tells). `included` (null = every resource) says whether the resource at `position` in
// the template's Resources, of logical id `id`, is part of the stack.
DependencyGraph BuildDependencyGraphFromJson(
    const nlohmann::ordered_json& root,
    const std::function<bool(size_t position, std::string_view id)>& included);

// A cycle through one resource, starting with it: `head` then `omitted` nodes not listed, then
// `tail` ({A, B}, 0, {} for A -> B -> A). Cycles of more than kCycleShown nodes are listed by
// their ends only, so reporting every resource of a cycle of N stays linear in N.
struct CycleThrough {
  std::vector<size_t> head;
  size_t omitted = 0;
  std::vector<size_t> tail;
};
inline constexpr size_t kCycleShown = 21;

// For each resource on a dependency cycle (a strongly connected component of two or more, or a
// resource that references itself), in node order: a cycle through it. In a component of at
// most kExactCycleComponent resources it is the shortest cycle through the resource; in a larger
// one it is the cycle through the component's first resource along shortest paths (an exact
// shortest cycle per resource would cost time quadratic in the component). Empty when the graph
// has no cycle. `cfnx validate` reports each such resource, as cfn-lint does;
// BuildDependencyGraph reports each cycle once.
inline constexpr size_t kExactCycleComponent = 256;
std::vector<CycleThrough> CyclesThroughResources(const DependencyGraph& graph);

// "A -> B -> ... (N more) -> Z -> A": the cycle's text as diagnostics show it.
std::string CycleText(const DependencyGraph& graph, const CycleThrough& cycle);

// The graph as text for `cfnx graph`: "dot", "json" or "mermaid" (anything else gives "").
std::string RenderGraph(const DependencyGraph& graph, std::string_view format);

}  // namespace cfnx

#endif  // CFNX_ENGINE_GRAPH_GRAPH_H_
