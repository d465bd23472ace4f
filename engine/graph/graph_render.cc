// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx graph` output: Graphviz dot, JSON and Mermaid. Nodes in template order, edges in the
// order they were found, so the output is deterministic.

#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/graph/graph.h"

namespace cfnx {
namespace {

// Edges for display: one per (from, to, kind), DependsOn drawn dashed.
std::vector<const GraphEdge*> DistinctEdges(const DependencyGraph& g) {
  std::set<std::tuple<size_t, size_t, EdgeKind>> seen;
  std::vector<const GraphEdge*> out;
  for (const GraphEdge& e : g.edges()) {
    if (seen.insert({e.from, e.to, e.kind}).second) {
      out.push_back(&e);
    }
  }
  return out;
}

std::string DotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

std::string RenderDot(const DependencyGraph& g) {
  std::ostringstream out;
  out << "digraph cfnx {\n  rankdir=BT;\n  node [shape=box];\n";
  for (size_t v = 0; v < g.nodes().size(); ++v) {
    out << "  " << DotQuote(g.nodes()[v])
        << " [label=" << DotQuote(g.nodes()[v] + "\\n" + std::string(g.type(v))) << "];\n";
  }
  for (const GraphEdge* e : DistinctEdges(g)) {
    out << "  " << DotQuote(g.nodes()[e->from]) << " -> " << DotQuote(g.nodes()[e->to])
        << " [label=" << DotQuote(std::string(EdgeKindName(e->kind)))
        << (e->kind == EdgeKind::kDependsOn ? ", style=dashed" : "") << "];\n";
  }
  std::set<std::string> outputs;
  for (const OutputEdge& e : g.output_edges()) {
    std::string id = "Outputs." + e.output;
    if (outputs.insert(id).second) {
      out << "  " << DotQuote(id) << " [shape=note, label=" << DotQuote("Output " + e.output)
          << "];\n";
    }
    out << "  " << DotQuote(id) << " -> " << DotQuote(g.nodes()[e.to]) << " [style=dotted];\n";
  }
  out << "}\n";
  return out.str();
}

// Mermaid ids must be alphanumeric; logical ids are.
std::string RenderMermaid(const DependencyGraph& g) {
  std::ostringstream out;
  out << "flowchart BT\n";
  for (size_t v = 0; v < g.nodes().size(); ++v) {
    out << "  " << g.nodes()[v] << "[\"" << g.nodes()[v] << "<br/>" << g.type(v) << "\"]\n";
  }
  for (const GraphEdge* e : DistinctEdges(g)) {
    out << "  " << g.nodes()[e->from] << (e->kind == EdgeKind::kDependsOn ? " -.->|" : " -->|")
        << EdgeKindName(e->kind) << "| " << g.nodes()[e->to] << "\n";
  }
  return out.str();
}

std::string RenderJson(const DependencyGraph& g) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (size_t v = 0; v < g.nodes().size(); ++v) {
    nlohmann::ordered_json deps = nlohmann::ordered_json::array();
    for (size_t d : g.dependencies(v)) {
      deps.push_back(g.nodes()[d]);
    }
    nodes.push_back({{"LogicalId", g.nodes()[v]},
                     {"Type", g.type(v)},
                     {"Wave", g.wave_of()[v]},
                     {"DependsOn", std::move(deps)}});
  }
  j["Resources"] = std::move(nodes);
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const GraphEdge& e : g.edges()) {
    edges.push_back({{"From", g.nodes()[e.from]},
                     {"To", g.nodes()[e.to]},
                     {"Kind", EdgeKindName(e.kind)},
                     {"Path", e.path.ToString()}});
  }
  j["Edges"] = std::move(edges);
  nlohmann::ordered_json outputs = nlohmann::ordered_json::array();
  for (const OutputEdge& e : g.output_edges()) {
    outputs.push_back(
        {{"Output", e.output}, {"To", g.nodes()[e.to]}, {"Kind", EdgeKindName(e.kind)}});
  }
  j["OutputEdges"] = std::move(outputs);
  nlohmann::ordered_json order = nlohmann::ordered_json::array();
  for (size_t v : g.order()) {
    order.push_back(g.nodes()[v]);
  }
  j["Order"] = std::move(order);
  nlohmann::ordered_json waves = nlohmann::ordered_json::array();
  for (const auto& wave : g.Waves()) {
    nlohmann::ordered_json w = nlohmann::ordered_json::array();
    for (size_t v : wave) {
      w.push_back(g.nodes()[v]);
    }
    waves.push_back(std::move(w));
  }
  j["Waves"] = std::move(waves);
  j["HasCycle"] = g.has_cycle();
  return j.dump(2) + "\n";
}

}  // namespace

std::string RenderGraph(const DependencyGraph& graph, std::string_view format) {
  if (format == "dot") {
    return RenderDot(graph);
  }
  if (format == "json") {
    return RenderJson(graph);
  }
  if (format == "mermaid") {
    return RenderMermaid(graph);
  }
  return "";
}

}  // namespace cfnx
