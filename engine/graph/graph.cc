// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Dependency edges follow CloudFormation's rules:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html
// (Ref and Fn::GetAtt create implicit dependencies; Fn::Sub variables are Refs/GetAtts).

#include "engine/graph/graph.h"

#include <algorithm>
#include <bit>
#include <deque>
#include <queue>
#include <string>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "engine/ast/json_convert.h"
#include "engine/model/sub_variables.h"

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
  uint32_t v = index_.Find(logical_id, [this](uint32_t i) { return std::string_view(nodes_[i]); });
  if (v == IdIndex::kNone) {
    return std::nullopt;
  }
  return v;
}

bool DependencyGraph::AddNode(std::string_view id, std::string_view type) {
  auto v = static_cast<uint32_t>(nodes_.size());
  if (index_.Insert(id, v, [this](uint32_t i) { return std::string_view(nodes_[i]); }) != v) {
    return false;
  }
  nodes_.emplace_back(id);
  auto t = static_cast<uint32_t>(type_names_.size());
  t = type_index_.Insert(type, t, [this](uint32_t i) { return std::string_view(type_names_[i]); });
  if (t == type_names_.size()) {
    type_names_.emplace_back(type);
  }
  type_of_.push_back(t);
  return true;
}

void DependencyGraph::CloseDependencies(size_t from) {
  auto first = dep_list_.begin() + static_cast<std::ptrdiff_t>(dep_begin_[from]);
  std::sort(first, dep_list_.end());
  dep_list_.erase(std::unique(first, dep_list_.end()), dep_list_.end());
  dep_begin_.push_back(dep_list_.size());
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
  TemplatePath path;  // only when the collector tracks paths
};

// Collects the resource references under a node. With kTrackPath, the walk keeps the path as
// views (keys point into the template, list indexes into `indexes_`) and builds a TemplatePath
// for each reference found. Without, it reads no map keys at all: building the graph of a large
// template is then one pass over the value nodes, and most of its time is memory traffic.
template <bool kTrackPath>
class ReferenceCollector {
 public:
  void Push(std::string_view segment) {
    if constexpr (kTrackPath) {
      segments_.push_back(segment);
    }
  }
  void Pop() {
    if constexpr (kTrackPath) {
      segments_.pop_back();
    }
  }

  void Walk(const Node* node) {
    if (node == nullptr) {
      return;
    }
    switch (node->kind()) {
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(node);
        for (size_t i = 0; i < list->size(); ++i) {
          PushIndex(i);
          Walk(list->items()[i]);
          Pop();
        }
        break;
      }
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(node)->entries()) {
          if constexpr (kTrackPath) {
            segments_.push_back(e.key->value());
          }
          Walk(e.value);
          Pop();
        }
        break;
      case NodeKind::kFnCall:
        WalkFn(cast<FnCallNode>(node));
        break;
      default:
        break;
    }
  }

  void Add(std::string_view target, EdgeKind kind, const Node* site) {
    if constexpr (kTrackPath) {
      refs_.push_back({target, kind, site,
                       TemplatePath(std::vector<std::string>(segments_.begin(), segments_.end()))});
    } else {
      refs_.push_back({target, kind, site, {}});
    }
  }

  std::vector<Reference>& refs() { return refs_; }

 private:
  void PushIndex(size_t i) {
    if constexpr (kTrackPath) {
      while (indexes_.size() <= i) {
        indexes_.push_back(std::to_string(indexes_.size()));
      }
      segments_.push_back(indexes_[i]);
    }
  }

  void WalkFn(const FnCallNode* fn) {
    Push(FnName(fn->fn()));
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
    Pop();
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
        PushIndex(1);
        Walk(vars);
        Pop();
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

  std::vector<std::string_view> segments_;
  std::deque<std::string> indexes_;  // "0", "1", ...: stable addresses for the views
  std::vector<Reference> refs_;
};

// The references of resource `r` (appended to `c.refs()`): its Properties, Metadata,
// CreationPolicy and UpdatePolicy in that order, then DependsOn. The model already holds those
// values, so the resource's own keys are not read.
template <bool kTrackPath>
void ResourceReferences(const Resource& r, ReferenceCollector<kTrackPath>& c) {
  c.Push("Resources");
  c.Push(r.logical_id);
  const std::pair<std::string_view, const Node*> parts[] = {
      {"Properties", r.properties},
      {"Metadata", r.metadata},
      {"CreationPolicy", r.creation_policy},
      {"UpdatePolicy", r.update_policy},
  };
  for (const auto& [key, value] : parts) {
    if (value != nullptr) {
      c.Push(key);
      c.Walk(value);
      c.Pop();
    }
  }
  c.Pop();
  c.Pop();
  for (size_t i = 0; i < r.depends_on.size(); ++i) {
    TemplatePath path;
    if constexpr (kTrackPath) {
      path = TemplatePath{"Resources", r.logical_id, "DependsOn"};
      if (isa<ListNode>(r.depends_on_node)) {
        path = path.Child(i);
      }
    }
    c.refs().push_back(
        {r.depends_on[i]->value(), EdgeKind::kDependsOn, r.depends_on[i], std::move(path)});
  }
}

// Where the reference `site` of resource `r` is (for a cycle report): found again by walking
// `r` with paths tracked.
TemplatePath SitePath(const Resource& r, const Node* site, EdgeKind kind) {
  ReferenceCollector<true> c;
  ResourceReferences(r, c);
  for (Reference& ref : c.refs()) {
    if (ref.site == site && ref.kind == kind) {
      return std::move(ref.path);
    }
  }
  return TemplatePath{"Resources", r.logical_id};
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
    for (size_t d : g.dependencies(at)) {
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

// Lists `cycle` (a full cycle, starting with its resource) by its ends when it is long.
CycleThrough Shorten(std::vector<size_t> cycle) {
  CycleThrough out;
  if (cycle.size() <= kCycleShown) {
    out.head = std::move(cycle);
    return out;
  }
  size_t ends = kCycleShown / 2;
  out.head.assign(cycle.begin(), cycle.begin() + static_cast<std::ptrdiff_t>(ends));
  out.tail.assign(cycle.end() - static_cast<std::ptrdiff_t>(ends), cycle.end());
  out.omitted = cycle.size() - 2 * ends;
  return out;
}

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The strongly connected component of each node; returns the number of components.
int StrongComponents(const DependencyGraph& g, std::vector<int>* component) {
  const size_t n = g.nodes().size();
  BoostGraph bg(n);
  for (size_t from = 0; from < n; ++from) {
    for (size_t to : g.dependencies(from)) {
      boost::add_edge(from, to, bg);
    }
  }
  component->assign(n, 0);
  return n == 0 ? 0 : boost::strong_components(bg, component->data());
}

// Reports each non-trivial strongly connected component as one E3004.
// `resources[v]` is node v's resource (for the references' paths).
bool ReportCycles(const DependencyGraph& g, const std::vector<GraphEdge>& edges,
                  const std::vector<const Resource*>& resources, DiagnosticSink& diags) {
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
    bool self_loop = std::ranges::binary_search(g.dependencies(start), start);
    if (comp.size() < 2 && !self_loop) {
      continue;
    }
    any = true;
    std::vector<size_t> cycle = ShortestCycle(g, component, start);
    std::string text = CycleText(g, Shorten(cycle));
    // The first edge of each step of the cycle, found in one pass over the edges (a search per
    // step would cost the cycle's length times the edge count).
    std::unordered_map<uint64_t, const GraphEdge*> step_edge;
    for (size_t i = 0; i < cycle.size(); ++i) {
      step_edge.emplace(uint64_t{cycle[i]} * n + cycle[(i + 1) % cycle.size()], nullptr);
    }
    for (const GraphEdge& e : edges) {
      auto it = step_edge.find(uint64_t{e.from} * n + e.to);
      if (it != step_edge.end() && it->second == nullptr) {
        it->second = &e;
      }
    }
    Diagnostic d = MakeDiagnostic(DiagCode::kE3004, {}, TemplatePath{"Resources", g.nodes()[start]},
                                  "Circular dependency between resources: " + text + ".");
    for (size_t i = 0; i < cycle.size(); ++i) {
      size_t from = cycle[i];
      size_t to = cycle[(i + 1) % cycle.size()];
      const GraphEdge* found = step_edge[uint64_t{from} * n + to];
      if (found != nullptr) {
        const GraphEdge& e = *found;
        TemplatePath path = e.path.empty() ? SitePath(*resources[from], e.site, e.kind) : e.path;
        if (d.range.begin.line == 0 && e.site != nullptr) {
          d.range = e.site->Source().range();
          d.path = path;
        }
        d.notes.push_back({e.site ? e.site->Source().range() : SourceRange{},
                           g.nodes()[from] + " depends on " + g.nodes()[to] + " through " +
                               std::string(EdgeKindName(e.kind)) + " at " + path.ToString()});
      }
    }
    diags.Report(std::move(d));
  }
  return any;
}

}  // namespace

namespace {

// Breadth-first distances and parents from `root` inside `root`'s component, over dependencies
// (`reverse` false: parent[v] is v's predecessor on a shortest root -> v path) or over
// dependents (`reverse` true: parent[v] is v's successor on a shortest v -> root path).
void ComponentBfs(const DependencyGraph& g, const std::vector<int>& component,
                  const std::vector<std::vector<size_t>>& dependents, size_t root, bool reverse,
                  std::vector<size_t>& parent, std::vector<size_t>& dist) {
  const size_t n = g.nodes().size();
  parent.assign(n, n);
  dist.assign(n, 0);
  std::queue<size_t> queue;
  queue.push(root);
  parent[root] = root;
  while (!queue.empty()) {
    size_t at = queue.front();
    queue.pop();
    auto visit = [&](size_t d) {
      if (component[d] == component[root] && parent[d] == n) {
        parent[d] = at;
        dist[d] = dist[at] + 1;
        queue.push(d);
      }
    };
    if (reverse) {
      for (size_t d : dependents[at])
        visit(d);
    } else {
      for (size_t d : g.dependencies(at))
        visit(d);
    }
  }
}

// The cycles through every member of a large component, linear in its size: for member v,
// v -> ... -> root along shortest paths to the root, then root -> ... -> v.
void LargeComponentCycles(const DependencyGraph& g, const std::vector<int>& component,
                          const std::vector<size_t>& members, std::vector<CycleThrough>& out) {
  const size_t n = g.nodes().size();
  std::vector<std::vector<size_t>> dependents(n);
  for (size_t v : members) {
    for (size_t d : g.dependencies(v)) {
      if (component[d] == component[v])
        dependents[d].push_back(v);
    }
  }
  size_t root = members[0];
  std::vector<size_t> to_root, to_root_dist, from_root, from_root_dist;
  ComponentBfs(g, component, dependents, root, /*reverse=*/true, to_root, to_root_dist);
  ComponentBfs(g, component, dependents, root, /*reverse=*/false, from_root, from_root_dist);
  const size_t ends = kCycleShown / 2;
  for (size_t v : members) {
    if (v == root) {
      out.push_back(Shorten(ShortestCycle(g, component, root)));
      continue;
    }
    // v -> ... -> root has to_root_dist[v] edges, root -> ... -> v from_root_dist[v].
    size_t length = to_root_dist[v] + from_root_dist[v];
    CycleThrough c;
    if (length <= kCycleShown) {
      for (size_t at = v; at != root; at = to_root[at])
        c.head.push_back(at);
      std::vector<size_t> back;
      for (size_t at = from_root[v]; at != root; at = from_root[at])
        back.push_back(at);
      c.head.push_back(root);
      c.head.insert(c.head.end(), back.rbegin(), back.rend());
      out.push_back(std::move(c));
      continue;
    }
    // The first `ends` nodes from v toward the root (the root included if reached) and the
    // last `ends` nodes before v; the rest is counted.
    for (size_t at = v; c.head.size() < ends; at = to_root[at]) {
      c.head.push_back(at);
      if (at == root)
        break;
    }
    bool head_has_root = c.head.back() == root;
    size_t tail_room = std::min(ends, from_root_dist[v] - (head_has_root ? 1 : 0));
    for (size_t at = from_root[v]; c.tail.size() < tail_room; at = from_root[at])
      c.tail.push_back(at);
    std::reverse(c.tail.begin(), c.tail.end());
    c.omitted = length - c.head.size() - c.tail.size();
    out.push_back(std::move(c));
  }
}

}  // namespace

std::vector<CycleThrough> CyclesThroughResources(const DependencyGraph& graph) {
  std::vector<CycleThrough> cycles;
  if (!graph.has_cycle()) {
    return cycles;
  }
  std::vector<int> component;
  int count = StrongComponents(graph, &component);
  std::vector<std::vector<size_t>> members(count);
  for (size_t v = 0; v < graph.nodes().size(); ++v) {
    members[component[v]].push_back(v);
  }
  // Cycles through the members of large components, computed once per component.
  std::vector<std::vector<CycleThrough>> large(count);
  std::vector<size_t> next(count, 0);
  for (int c = 0; c < count; ++c) {
    if (members[c].size() > kExactCycleComponent)
      LargeComponentCycles(graph, component, members[c], large[c]);
  }
  for (size_t v = 0; v < graph.nodes().size(); ++v) {
    int c = component[v];
    if (members[c].size() > kExactCycleComponent) {
      cycles.push_back(std::move(large[c][next[c]++]));
      continue;
    }
    bool self_loop = std::ranges::binary_search(graph.dependencies(v), v);
    if (members[c].size() > 1 || self_loop) {
      cycles.push_back(Shorten(ShortestCycle(graph, component, v)));
    }
  }
  return cycles;
}

std::string CycleText(const DependencyGraph& graph, const CycleThrough& cycle) {
  std::string text;
  for (size_t v : cycle.head) {
    text += graph.nodes()[v] + " -> ";
  }
  if (cycle.omitted > 0) {
    text += "... (" + std::to_string(cycle.omitted) + " more) -> ";
  }
  for (size_t v : cycle.tail) {
    text += graph.nodes()[v] + " -> ";
  }
  return text + graph.nodes()[cycle.head[0]];
}

namespace {

// The ready set of Kahn's algorithm: integers in [0, n) (ranks), each inserted at most once,
// taken smallest first. A bit per integer, plus a bit per non-empty word on each level above,
// so inserting sets a bit per level and taking the smallest is a count-trailing-zeros per level:
// constant time for any n a template can have, where a binary heap costs log n per operation
// (and scattered reads over its array). 50,000 ranks take 6 KiB.
class RankSet {
 public:
  explicit RankSet(size_t n) {
    size_t words = n;
    do {
      words = std::max<size_t>(1, (words + 63) / 64);
      levels_.emplace_back(words, 0);
    } while (words > 1);
  }
  bool empty() const { return levels_.back()[0] == 0; }
  void Insert(size_t v) {
    for (std::vector<uint64_t>& level : levels_) {
      level[v / 64] |= uint64_t{1} << (v % 64);
      v /= 64;
    }
  }
  // Removes and returns the smallest member; the set must not be empty.
  size_t TakeMin() {
    size_t v = 0;
    for (size_t l = levels_.size(); l-- > 0;) {
      v = v * 64 + static_cast<size_t>(std::countr_zero(levels_[l][v]));
    }
    size_t u = v;
    for (std::vector<uint64_t>& level : levels_) {
      uint64_t& word = level[u / 64];
      word &= ~(uint64_t{1} << (u % 64));
      if (word != 0) {
        break;  // the levels above still see this word as non-empty
      }
      u /= 64;
    }
    return v;
  }

 private:
  std::vector<std::vector<uint64_t>> levels_;  // levels_[0]: a bit per integer
};

// Orders `g` (its nodes and dependencies): a topological order by Kahn's algorithm whose ready
// set is ordered by logical id, and waves. Nodes on (or after) a cycle are left out, so the
// graph has a cycle exactly when the order misses a node.
void OrderGraph(const DependencyGraph& g, std::vector<size_t>& order, std::vector<int>& wave) {
  const std::vector<std::string>& nodes = g.nodes();
  const size_t n = nodes.size();
  // Rank of each node by logical id: the ready queue compares integers, not strings.
  // Sorted by the ids' first 16 bytes as two big-endian integers (the order of std::string's
  // comparison on them) and only on a tie by the whole ids: ids of up to 16 bytes, and ids
  // that differ early (most), are ordered without reading a string. (Generated ids share long
  // prefixes, "Bucket10000".."Bucket12499": 8 bytes made most comparisons read both strings.)
  struct Key {
    uint64_t high;
    uint64_t low;
    size_t node;
  };
  auto bytes = [](const std::string& id, size_t from) {
    uint64_t v = 0;
    for (size_t i = from; i < from + 8; ++i) {
      v = (v << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0);
    }
    return v;
  };
  std::vector<Key> keys(n);
  for (size_t v = 0; v < n; ++v) {
    keys[v] = {bytes(nodes[v], 0), bytes(nodes[v], 8), v};
  }
  std::sort(keys.begin(), keys.end(), [&nodes](const Key& a, const Key& b) {
    if (a.high != b.high) {
      return a.high < b.high;
    }
    if (a.low != b.low) {
      return a.low < b.low;
    }
    return nodes[a.node] < nodes[b.node];
  });
  std::vector<size_t> by_name(n), rank(n);
  for (size_t i = 0; i < n; ++i) {
    by_name[i] = keys[i].node;
    rank[keys[i].node] = i;
  }
  // Dependents as one flat array (CSR), like the dependencies.
  std::vector<size_t> pending(n), first(n + 1, 0);
  for (size_t v = 0; v < n; ++v) {
    pending[v] = g.dependencies(v).size();
    for (size_t d : g.dependencies(v)) {
      ++first[d + 1];
    }
  }
  for (size_t v = 0; v < n; ++v) {
    first[v + 1] += first[v];
  }
  std::vector<size_t> dependents(first[n]), fill(first.begin(), first.end() - 1);
  for (size_t v = 0; v < n; ++v) {
    for (size_t d : g.dependencies(v)) {
      dependents[fill[d]++] = v;
    }
  }
  RankSet ready(n);  // ranks of the nodes whose dependencies are all ordered
  for (size_t v = 0; v < n; ++v) {
    if (pending[v] == 0) {
      ready.Insert(rank[v]);
    }
  }
  wave.assign(n, -1);
  order.clear();
  order.reserve(n);
  while (!ready.empty()) {
    size_t v = by_name[ready.TakeMin()];
    int w = 0;
    for (size_t d : g.dependencies(v)) {
      w = std::max(w, wave[d] + 1);
    }
    wave[v] = w;
    order.push_back(v);
    for (size_t i = first[v]; i < first[v + 1]; ++i) {
      size_t u = dependents[i];
      if (--pending[u] == 0) {
        ready.Insert(rank[u]);
      }
    }
  }
}

}  // namespace

DependencyGraph BuildDependencyGraph(const Template& t, const GraphOptions& options,
                                     DiagnosticSink& diags) {
  DependencyGraph g;
  std::vector<const Resource*> included;
  included.reserve(t.resources.size());
  g.nodes_.reserve(t.resources.size());
  g.type_of_.reserve(t.resources.size());
  g.index_.Reserve(t.resources.size());
  for (const Resource& r : t.resources) {
    if (r.node == nullptr || (options.included && !options.included(r))) {
      continue;
    }
    if (g.AddNode(r.logical_id, r.type)) {
      included.push_back(&r);
    }
  }
  const size_t n = g.nodes_.size();
  g.dep_begin_.reserve(n + 1);
  // The edges of every node and its sorted dependencies.
  auto add_edges = [&g, &included](auto& collector) {
    for (size_t from = 0; from < included.size(); ++from) {
      collector.refs().clear();
      ResourceReferences(*included[from], collector);
      for (Reference& ref : collector.refs()) {
        std::optional<size_t> to = g.Find(ref.target);
        if (!to) {
          continue;  // a parameter, pseudo parameter, excluded or unknown resource
        }
        g.edges_.push_back({from, *to, ref.kind, ref.site, std::move(ref.path)});
        g.dep_list_.push_back(*to);
      }
      g.CloseDependencies(from);
    }
  };
  if (options.edge_paths) {
    ReferenceCollector<true> collector;
    add_edges(collector);
  } else {
    ReferenceCollector<false> collector;
    add_edges(collector);
  }
  for (const Output& o : t.outputs) {
    ReferenceCollector<false> oc;
    oc.Walk(o.value);
    for (const Reference& ref : oc.refs()) {
      if (std::optional<size_t> to = g.Find(ref.target)) {
        g.output_edges_.push_back({o.name, *to, ref.kind});
      }
    }
  }
  OrderGraph(g, g.order_, g.wave_);
  // Only a graph whose order misses a node has a cycle: then find and report each one.
  g.has_cycle_ = g.order_.size() < n && ReportCycles(g, g.edges_, included, diags);
  return g;
}

namespace {

// The logical ids a JSON value references, under the same rules as ReferenceCollector (a
// one-key object is a function call when the parser would make it one).
void JsonReferences(const OrderedJson& j, std::vector<std::string_view>& out) {
  if (j.is_array()) {
    for (const OrderedJson& item : j) {
      JsonReferences(item, out);
    }
    return;
  }
  if (!j.is_object()) {
    return;
  }
  FnKind fn;
  if (j.size() == 1 && FnFromName(j.begin().key(), &fn) &&
      (fn != FnKind::kCondition || j.begin().value().is_string())) {
    const OrderedJson& args = j.begin().value();
    switch (fn) {
      case FnKind::kRef:
        if (args.is_string()) {
          out.push_back(args.get_ref<const std::string&>());
        }
        return;
      case FnKind::kGetAtt:
        if (args.is_array()) {
          if (!args.empty() && args[0].is_string()) {
            out.push_back(args[0].get_ref<const std::string&>());
          }
          if (args.size() >= 2) {
            JsonReferences(args[1], out);
          }
        } else if (args.is_string()) {
          std::string_view v = args.get_ref<const std::string&>();
          out.push_back(v.substr(0, v.find('.')));
        }
        return;
      case FnKind::kSub: {
        const OrderedJson* text = args.is_string() ? &args : nullptr;
        const OrderedJson* vars = nullptr;
        if (args.is_array()) {
          if (!args.empty() && args[0].is_string()) {
            text = &args[0];
          }
          if (args.size() >= 2) {
            vars = args[1].is_object() ? &args[1] : nullptr;
            if (vars != nullptr) {
              JsonReferences(*vars, out);
            }
          }
        }
        if (text == nullptr) {
          return;
        }
        std::string_view s = text->get_ref<const std::string&>();
        for (const SubVariable& v : ParseSubVariables(s)) {
          std::string_view name = v.name;
          if (vars != nullptr && vars->contains(v.name)) {
            continue;
          }
          name = name.substr(0, name.find('.'));
          size_t at = s.find(name, v.offset);
          if (at != std::string_view::npos) {
            out.push_back(s.substr(at, name.size()));
          }
        }
        return;
      }
      default:
        JsonReferences(args, out);
        return;
    }
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    JsonReferences(it.value(), out);
  }
}

}  // namespace

DependencyGraph BuildDependencyGraphFromJson(
    const OrderedJson& root,
    const std::function<bool(size_t position, std::string_view id)>& included) {
  DependencyGraph g;
  auto resources = root.find("Resources");
  if (!root.is_object() || resources == root.end() || !resources->is_object()) {
    return g;
  }
  std::vector<const OrderedJson*> nodes;
  nodes.reserve(resources->size());
  g.nodes_.reserve(resources->size());
  g.type_of_.reserve(resources->size());
  g.index_.Reserve(resources->size());
  size_t position = 0;
  for (auto it = resources->begin(); it != resources->end(); ++it, ++position) {
    if (!it->is_object() || (included && !included(position, it.key()))) {
      continue;
    }
    auto type = it->find("Type");
    g.AddNode(it.key(), type != it->end() && type->is_string()
                            ? std::string_view(type->get_ref<const std::string&>())
                            : std::string_view());
    nodes.push_back(&it.value());
  }
  const size_t n = g.nodes_.size();
  g.dep_begin_.reserve(n + 1);
  std::vector<std::string_view> refs;
  for (size_t from = 0; from < n; ++from) {
    refs.clear();
    const OrderedJson& r = *nodes[from];
    for (const char* key : {"Properties", "Metadata", "CreationPolicy", "UpdatePolicy"}) {
      if (auto it = r.find(key); it != r.end()) {
        JsonReferences(*it, refs);
      }
    }
    if (auto it = r.find("DependsOn"); it != r.end()) {
      if (it->is_string()) {
        refs.push_back(it->get_ref<const std::string&>());
      } else if (it->is_array()) {
        for (const OrderedJson& d : *it) {
          if (d.is_string()) {
            refs.push_back(d.get_ref<const std::string&>());
          }
        }
      }
    }
    for (std::string_view target : refs) {
      if (std::optional<size_t> to = g.Find(target)) {
        g.dep_list_.push_back(*to);
      }
    }
    g.CloseDependencies(from);
  }
  OrderGraph(g, g.order_, g.wave_);
  g.has_cycle_ = g.order_.size() < n;
  return g;
}

}  // namespace cfnx
