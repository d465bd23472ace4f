// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Dependency edges follow CloudFormation's rules:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html
// (Ref and Fn::GetAtt create implicit dependencies; Fn::Sub variables are Refs/GetAtts).

#include "engine/graph/graph.h"

#include <algorithm>
#include <queue>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "engine/validate/validate.h"

namespace cfnx {

std::string_view EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kDependsOn:
      return "DependsOn";
    case EdgeKind::kRef:
      return "Ref";
    case EdgeKind::kGetAtt:
      return "Fn::GetAtt";
    case EdgeKind::kSub:
      return "Fn::Sub";
  }
  return "Ref";
}

std::optional<size_t> DependencyGraph::Find(std::string_view logical_id) const {
  auto it = index_.find(std::string(logical_id));
  if (it == index_.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::vector<std::vector<size_t>> DependencyGraph::Waves() const {
  std::vector<std::vector<size_t>> waves;
  for (size_t n : order_) {
    int w = wave_[n];
    if (w < 0) {
      continue;
    }
    if (static_cast<size_t>(w) >= waves.size()) {
      waves.resize(w + 1);
    }
    waves[w].push_back(n);
  }
  for (auto& wave : waves) {
    std::sort(wave.begin(), wave.end(), [&](size_t a, size_t b) { return nodes_[a] < nodes_[b]; });
  }
  return waves;
}

namespace {

// A reference found in a resource or output: the logical id it names and where.
struct Reference {
  std::string_view target;
  EdgeKind kind;
  const Node* site;
  TemplatePath path;
};

// Collects the resource references under a node. Paths are built only for references (rare
// compared with nodes), from the segments stack.
class ReferenceCollector {
 public:
  explicit ReferenceCollector(std::vector<std::string> base) : segments_(std::move(base)) {}

  void Walk(const Node* node) {
    if (node == nullptr) {
      return;
    }
    switch (node->kind()) {
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(node);
        for (size_t i = 0; i < list->size(); ++i) {
          segments_.push_back(std::to_string(i));
          Walk(list->items()[i]);
          segments_.pop_back();
        }
        break;
      }
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(node)->entries()) {
          segments_.push_back(e.key->value());
          Walk(e.value);
          segments_.pop_back();
        }
        break;
      case NodeKind::kFnCall:
        WalkFn(cast<FnCallNode>(node));
        break;
      default:
        break;
    }
  }

  std::vector<Reference>& refs() { return refs_; }

 private:
  void Add(std::string_view target, EdgeKind kind, const Node* site) {
    refs_.push_back({target, kind, site, TemplatePath(segments_)});
  }

  void WalkFn(const FnCallNode* fn) {
    segments_.push_back(std::string(FnName(fn->fn())));
    switch (fn->fn()) {
      case FnKind::kRef:
        if (const auto* s = dyn_cast<StringNode>(fn->args())) {
          Add(s->value(), EdgeKind::kRef, fn);
        }
        break;
      case FnKind::kGetAtt:
        WalkGetAtt(fn);
        break;
      case FnKind::kSub:
        WalkSub(fn);
        break;
      default:
        Walk(fn->args());
        break;
    }
    segments_.pop_back();
  }

  void WalkGetAtt(const FnCallNode* fn) {
    if (const auto* list = dyn_cast<ListNode>(fn->args())) {
      if (list->size() >= 1) {
        if (const auto* s = dyn_cast<StringNode>(list->items()[0])) {
          Add(s->value(), EdgeKind::kGetAtt, fn);
        }
      }
      if (list->size() >= 2) {
        Walk(list->items()[1]);  // an attribute name built with Ref/Sub
      }
    } else if (const auto* s = dyn_cast<StringNode>(fn->args())) {
      std::string_view v = s->value();
      Add(v.substr(0, v.find('.')), EdgeKind::kGetAtt, fn);
    }
  }

  void WalkSub(const FnCallNode* fn) {
    const StringNode* text = dyn_cast<StringNode>(fn->args());
    const MapNode* vars = nullptr;
    if (const auto* list = dyn_cast<ListNode>(fn->args())) {
      if (list->size() >= 1) {
        text = dyn_cast<StringNode>(list->items()[0]);
      }
      if (list->size() >= 2) {
        vars = dyn_cast<MapNode>(list->items()[1]);
        segments_.push_back("1");
        Walk(vars);
        segments_.pop_back();
      }
    }
    if (text == nullptr) {
      return;
    }
    for (const SubVariable& v : ParseSubVariables(text->value())) {
      std::string_view name = v.name;
      if (vars != nullptr && vars->Find(name) != nullptr) {
        continue;
      }
      name = name.substr(0, name.find('.'));
      // Keep the name alive: it points into the template's string, not the temporary.
      size_t at = text->value().find(name, v.offset);
      if (at == std::string::npos) {
        continue;
      }
      Add(std::string_view(text->value()).substr(at, name.size()), EdgeKind::kSub, fn);
    }
  }

  std::vector<std::string> segments_;
  std::vector<Reference> refs_;
};

std::vector<Reference> ResourceReferences(const Resource& r) {
  ReferenceCollector c({"Resources", r.logical_id});
  for (const MapEntry& e : r.node->entries()) {
    std::string_view key = e.key->value();
    if (key == "Properties" || key == "Metadata" || key == "CreationPolicy" ||
        key == "UpdatePolicy") {
      ReferenceCollector sub({"Resources", r.logical_id, std::string(key)});
      sub.Walk(e.value);
      for (Reference& ref : sub.refs()) {
        c.refs().push_back(std::move(ref));
      }
    }
  }
  for (size_t i = 0; i < r.depends_on.size(); ++i) {
    TemplatePath path{"Resources", r.logical_id, "DependsOn"};
    if (isa<ListNode>(r.depends_on_node)) {
      path = path.Child(i);
    }
    c.refs().push_back({r.depends_on[i]->value(), EdgeKind::kDependsOn, r.depends_on[i], path});
  }
  return std::move(c.refs());
}

// The shortest cycle through `start` inside its component (breadth-first, dependencies in index
// order, so the answer is deterministic): start, then each node it depends on in turn.
std::vector<size_t> ShortestCycle(const DependencyGraph& g, const std::vector<int>& component,
                                  size_t start) {
  const size_t n = g.nodes().size();
  std::vector<size_t> parent(n, n);
  std::queue<size_t> queue;
  queue.push(start);
  parent[start] = start;
  while (!queue.empty()) {
    size_t at = queue.front();
    queue.pop();
    for (size_t d : g.dependencies()[at]) {
      if (d == start) {
        std::vector<size_t> cycle;
        for (size_t v = at; v != start; v = parent[v]) {
          cycle.push_back(v);
        }
        cycle.push_back(start);
        std::reverse(cycle.begin(), cycle.end());
        return cycle;
      }
      if (component[d] == component[start] && parent[d] == n) {
        parent[d] = at;
        queue.push(d);
      }
    }
  }
  return {start};
}

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The strongly connected component of each node; returns the number of components.
int StrongComponents(const DependencyGraph& g, std::vector<int>* component) {
  const size_t n = g.nodes().size();
  BoostGraph bg(n);
  for (size_t from = 0; from < n; ++from) {
    for (size_t to : g.dependencies()[from]) {
      boost::add_edge(from, to, bg);
    }
  }
  component->assign(n, 0);
  return n == 0 ? 0 : boost::strong_components(bg, component->data());
}

// Reports each non-trivial strongly connected component as one E3004.
bool ReportCycles(const DependencyGraph& g, const std::vector<GraphEdge>& edges,
                  DiagnosticSink& diags) {
  const size_t n = g.nodes().size();
  std::vector<int> component;
  int count = StrongComponents(g, &component);
  std::vector<std::vector<size_t>> members(count);
  for (size_t v = 0; v < n; ++v) {
    members[component[v]].push_back(v);
  }
  // Components in order of their first member so reports follow the template.
  std::sort(members.begin(), members.end());
  bool any = false;
  for (const std::vector<size_t>& comp : members) {
    if (comp.empty()) {
      continue;
    }
    size_t start = comp[0];
    bool self_loop =
        std::binary_search(g.dependencies()[start].begin(), g.dependencies()[start].end(), start);
    if (comp.size() < 2 && !self_loop) {
      continue;
    }
    any = true;
    std::vector<size_t> cycle = ShortestCycle(g, component, start);
    std::string text;
    for (size_t v : cycle) {
      text += g.nodes()[v] + " -> ";
    }
    text += g.nodes()[start];
    Diagnostic d = MakeDiagnostic(DiagCode::kE3004, {}, TemplatePath{"Resources", g.nodes()[start]},
                                  "Circular dependency between resources: " + text + ".");
    for (size_t i = 0; i < cycle.size(); ++i) {
      size_t from = cycle[i];
      size_t to = cycle[(i + 1) % cycle.size()];
      for (const GraphEdge& e : edges) {
        if (e.from == from && e.to == to) {
          if (d.range.begin.line == 0 && e.site != nullptr) {
            d.range = e.site->Source().range();
            d.path = e.path;
          }
          d.notes.push_back({e.site ? e.site->Source().range() : SourceRange{},
                             g.nodes()[from] + " depends on " + g.nodes()[to] + " through " +
                                 std::string(EdgeKindName(e.kind)) + " at " + e.path.ToString()});
          break;
        }
      }
    }
    diags.Report(std::move(d));
  }
  return any;
}

}  // namespace

std::vector<std::vector<size_t>> CyclesThroughResources(const DependencyGraph& graph) {
  std::vector<std::vector<size_t>> cycles;
  if (!graph.has_cycle()) {
    return cycles;
  }
  std::vector<int> component;
  int count = StrongComponents(graph, &component);
  std::vector<size_t> size(count, 0);
  for (int c : component) {
    ++size[c];
  }
  for (size_t v = 0; v < graph.nodes().size(); ++v) {
    const std::vector<size_t>& deps = graph.dependencies()[v];
    bool self_loop = std::binary_search(deps.begin(), deps.end(), v);
    if (size[component[v]] > 1 || self_loop) {
      cycles.push_back(ShortestCycle(graph, component, v));
    }
  }
  return cycles;
}

DependencyGraph BuildDependencyGraph(const Template& t, const GraphOptions& options,
                                     DiagnosticSink& diags) {
  DependencyGraph g;
  std::vector<const Resource*> included;
  for (const Resource& r : t.resources) {
    if (r.node == nullptr || (options.included && !options.included(r))) {
      continue;
    }
    if (g.index_.emplace(r.logical_id, g.nodes_.size()).second) {
      g.nodes_.push_back(r.logical_id);
      g.types_.push_back(r.type);
      included.push_back(&r);
    }
  }
  const size_t n = g.nodes_.size();
  g.deps_.resize(n);
  for (size_t from = 0; from < n; ++from) {
    for (Reference& ref : ResourceReferences(*included[from])) {
      auto it = g.index_.find(std::string(ref.target));
      if (it == g.index_.end()) {
        continue;  // a parameter, pseudo parameter, excluded or unknown resource
      }
      g.edges_.push_back({from, it->second, ref.kind, ref.site, std::move(ref.path)});
      g.deps_[from].push_back(it->second);
    }
    std::sort(g.deps_[from].begin(), g.deps_[from].end());
    g.deps_[from].erase(std::unique(g.deps_[from].begin(), g.deps_[from].end()),
                        g.deps_[from].end());
  }
  for (const Output& o : t.outputs) {
    ReferenceCollector c({"Outputs", o.name});
    c.Walk(o.value);
    for (const Reference& ref : c.refs()) {
      auto it = g.index_.find(std::string(ref.target));
      if (it != g.index_.end()) {
        g.output_edges_.push_back({o.name, it->second, ref.kind});
      }
    }
  }
  g.has_cycle_ = ReportCycles(g, g.edges_, diags);

  // Kahn's algorithm; the ready set is ordered by logical id.
  std::vector<std::vector<size_t>> dependents(n);
  std::vector<size_t> pending(n);
  for (size_t v = 0; v < n; ++v) {
    pending[v] = g.deps_[v].size();
    for (size_t d : g.deps_[v]) {
      dependents[d].push_back(v);
    }
  }
  auto later = [&](size_t a, size_t b) {
    return g.nodes_[a] > g.nodes_[b];
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> ready(later);
  for (size_t v = 0; v < n; ++v) {
    if (pending[v] == 0) {
      ready.push(v);
    }
  }
  g.wave_.assign(n, -1);
  while (!ready.empty()) {
    size_t v = ready.top();
    ready.pop();
    int w = 0;
    for (size_t d : g.deps_[v]) {
      w = std::max(w, g.wave_[d] + 1);
    }
    g.wave_[v] = w;
    g.order_.push_back(v);
    for (size_t u : dependents[v]) {
      if (--pending[u] == 0) {
        ready.push(u);
      }
    }
  }
  return g;
}

}  // namespace cfnx
