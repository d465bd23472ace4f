// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/graph/graph.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "engine/ast/json_convert.h"
#include "engine/parse/loader.h"

namespace cfnx {
namespace {

struct Built {
  SourceManager sources;
  Document doc;
  Template model;
  DiagnosticCollector diags;
  DependencyGraph graph;
};

std::unique_ptr<Built> Build(const std::string& yaml, GraphOptions options = {}) {
  auto b = std::make_unique<Built>();
  FileId file = b->sources.AddFile("t.yaml", yaml);
  b->doc = LoadTemplate(b->sources, file, b->diags);
  b->model = BuildModel(b->doc, b->diags);
  b->graph = BuildDependencyGraph(b->model, options, b->diags);
  return b;
}

std::string Names(const DependencyGraph& g, const std::vector<size_t>& ids) {
  std::string out;
  for (size_t v : ids) {
    out += (out.empty() ? "" : " ") + g.nodes()[v];
  }
  return out;
}

TEST(GraphTest, EdgesFromEveryReferenceKind) {
  auto b = Build(R"(
Resources:
  Topic: {Type: AWS::SNS::Topic}
  Queue: {Type: AWS::SQS::Queue}
  Bucket:
    Type: AWS::S3::Bucket
    DependsOn: Topic
    Metadata: {q: !GetAtt Queue.Arn}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      Doc: !Sub "${Bucket.Arn}/${AWS::Region}/${Mine}"
      Other: !Sub ["${X}", {X: !Ref Queue}]
Outputs:
  Name: {Value: !Ref Bucket}
)",
                 GraphOptions{.included = nullptr, .edge_paths = true});
  ASSERT_EQ(b->diags.error_count(), 0);
  const DependencyGraph& g = b->graph;
  EXPECT_EQ(Names(g, g.order()), "Queue Topic Bucket Policy");
  auto waves = g.Waves();
  ASSERT_EQ(waves.size(), 3u);
  EXPECT_EQ(Names(g, waves[0]), "Queue Topic");
  EXPECT_EQ(Names(g, waves[1]), "Bucket");
  EXPECT_EQ(Names(g, waves[2]), "Policy");
  std::string edges;
  for (const GraphEdge& e : g.edges()) {
    edges += g.nodes()[e.from] + "->" + g.nodes()[e.to] + ":" + std::string(EdgeKindName(e.kind)) +
             "@" + e.path.ToString() + "\n";
  }
  EXPECT_EQ(edges,
            "Bucket->Queue:Fn::GetAtt@/Resources/Bucket/Metadata/q/Fn::GetAtt\n"
            "Bucket->Topic:DependsOn@/Resources/Bucket/DependsOn\n"
            "Policy->Bucket:Ref@/Resources/Policy/Properties/Bucket/Ref\n"
            "Policy->Bucket:Fn::Sub@/Resources/Policy/Properties/Doc/Fn::Sub\n"
            "Policy->Queue:Ref@/Resources/Policy/Properties/Other/Fn::Sub/1/X/Ref\n");
  ASSERT_EQ(g.output_edges().size(), 1u);
  EXPECT_EQ(g.output_edges()[0].output, "Name");
}

TEST(GraphTest, TiesAreOrderedByTheWholeLogicalId) {
  // Ids sharing their first 8 bytes (the sort's integer prefix) and a prefix of another id.
  auto b = Build(R"(
Resources:
  ResourceB: {Type: AWS::SNS::Topic}
  ResourceA2: {Type: AWS::SNS::Topic}
  Resource: {Type: AWS::SNS::Topic}
  ResourceA10: {Type: AWS::SNS::Topic, DependsOn: Resourc}
  Resourc: {Type: AWS::SNS::Topic}
  Z: {Type: AWS::SNS::Topic}
  Q: {Type: AWS::SNS::Topic}
)");
  EXPECT_EQ(Names(b->graph, b->graph.order()),
            "Q Resourc Resource ResourceA10 ResourceA2 ResourceB Z");
}

// The order is the smallest topological order by logical id, also past 4,096 nodes (the ready
// set's third level): checked against a plain Kahn's algorithm over a std::set of ids.
TEST(GraphTest, LargeGraphOrderIsTheSmallestTopologicalOrder) {
  const int n = 5000;
  std::string yaml = "Resources:\n";
  std::map<std::string, std::vector<std::string>> deps;
  for (int i = 0; i < n; ++i) {
    int k = (i * 7919) % n;  // template order differs from name order
    std::string id = "T" + std::to_string(k);
    yaml += "  " + id + ": {Type: AWS::SNS::Topic";
    deps[id];
    if (k % 3 == 0 && k + 7 < n) {
      std::string on = "T" + std::to_string(k + 7);
      yaml += ", DependsOn: " + on;
      deps[id].push_back(on);
    }
    yaml += "}\n";
  }
  auto b = Build(yaml);
  ASSERT_EQ(b->diags.error_count(), 0);
  std::map<std::string, int> pending;
  std::map<std::string, std::vector<std::string>> dependents;
  std::set<std::string> ready;
  for (const auto& [id, on] : deps) {
    pending[id] = static_cast<int>(on.size());
    for (const std::string& d : on) {
      dependents[d].push_back(id);
    }
    if (on.empty()) {
      ready.insert(id);
    }
  }
  std::vector<std::string> expected;
  while (!ready.empty()) {
    std::string id = *ready.begin();
    ready.erase(ready.begin());
    expected.push_back(id);
    for (const std::string& u : dependents[id]) {
      if (--pending[u] == 0) {
        ready.insert(u);
      }
    }
  }
  std::vector<std::string> order;
  for (size_t v : b->graph.order()) {
    order.push_back(b->graph.nodes()[v]);
  }
  ASSERT_EQ(order.size(), static_cast<size_t>(n));
  EXPECT_EQ(order, expected);
}

TEST(GraphTest, ExcludedResourcesMakeNoEdges) {
  auto b = Build(R"(
Resources:
  A: {Type: AWS::SNS::Topic, Condition: Off}
  B: {Type: AWS::SNS::Topic, Properties: {X: !Ref A}}
)",
                 GraphOptions{[](const Resource& r) {
                   return r.logical_id != "A";
                 }});
  EXPECT_EQ(Names(b->graph, b->graph.order()), "B");
  EXPECT_TRUE(b->graph.edges().empty());
}

TEST(GraphTest, CycleIsOneErrorWithANoteForEachEdge) {
  auto b = Build(R"(
Resources:
  A: {Type: AWS::SNS::Topic, Properties: {X: !Ref B}}
  B: {Type: AWS::SNS::Topic, Properties: {X: !GetAtt C.Arn}}
  C: {Type: AWS::SNS::Topic, DependsOn: [A]}
  D: {Type: AWS::SNS::Topic, Properties: {X: !Ref A}}
  E: {Type: AWS::SNS::Topic}
)");
  ASSERT_EQ(b->diags.diagnostics().size(), 1u);
  const Diagnostic& d = b->diags.diagnostics()[0];
  EXPECT_EQ(d.code, DiagCode::kE3004);
  EXPECT_EQ(d.message, "Circular dependency between resources: A -> B -> C -> A.");
  EXPECT_EQ(d.range.begin.line, 3u);
  // Edge paths are not kept by default; the report finds each edge's reference again.
  EXPECT_EQ(d.path.ToString(), "/Resources/A/Properties/X/Ref");
  ASSERT_EQ(d.notes.size(), 3u);
  EXPECT_EQ(d.notes[0].message, "A depends on B through Ref at /Resources/A/Properties/X/Ref");
  EXPECT_EQ(d.notes[1].message,
            "B depends on C through Fn::GetAtt at /Resources/B/Properties/X/Fn::GetAtt");
  EXPECT_EQ(d.notes[2].message, "C depends on A through DependsOn at /Resources/C/DependsOn/0");
  for (const GraphEdge& e : b->graph.edges()) {
    EXPECT_TRUE(e.path.empty());
  }
  EXPECT_TRUE(b->graph.has_cycle());
  EXPECT_EQ(Names(b->graph, b->graph.order()), "E");
}

TEST(GraphTest, SelfReferenceIsACycle) {
  auto b = Build("Resources:\n  A: {Type: AWS::SNS::Topic, Properties: {X: !Ref A}}\n");
  ASSERT_EQ(b->diags.error_count(), 1);
  EXPECT_EQ(b->diags.diagnostics()[0].message, "Circular dependency between resources: A -> A.");
}

// The planner builds the deployed template's graph from its JSON: it must be the graph the
// parsed template gives (nodes, dependencies, order, waves, cycles), whatever the references.
TEST(GraphTest, GraphFromJsonIsTheGraphOfTheParsedTemplate) {
  const char* kTemplates[] = {
      R"(
Resources:
  Topic: {Type: AWS::SNS::Topic}
  Queue: {Type: AWS::SQS::Queue, Properties: {Name: !Sub ["x-${Bucket}", {Bucket: !GetAtt Topic.TopicName}]}}
  Bucket:
    Type: AWS::S3::Bucket
    DependsOn: [Topic, Queue]
    Metadata: {q: !GetAtt [Queue, Arn], r: {"Fn::GetAtt": "Topic.Arn"}}
    CreationPolicy: {x: !Ref Queue}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      Doc: !Sub "${Bucket.Arn}/${AWS::Region}/${Mine}/${!Literal}"
      Other: !Sub ["${X}-${Topic}", {X: !Ref Queue}]
      Joined: !Join ["", [!Ref Alarm, !If [C, !Ref Topic, !Ref "AWS::NoValue"]]]
      NotAFunction: {Condition: [Alarm]}
    UpdatePolicy: {y: !Select [0, [!Ref Alarm]]}
  Alarm: {Type: AWS::CloudWatch::Alarm, DeletionPolicy: Retain, Properties: {X: {Fn::Unknown: !Ref Topic}}}
  NotAResource: plain
)",
      R"(
Resources:
  A: {Type: AWS::SNS::Topic, Properties: {X: !Ref B}}
  B: {Type: AWS::SNS::Topic, Properties: {X: !GetAtt C.Arn}}
  C: {Type: AWS::SNS::Topic, DependsOn: A}
  D: {Type: AWS::SNS::Topic, Properties: {X: !Ref D}}
  E: {Type: AWS::SNS::Topic, Properties: {X: !Ref Z}}
  Z: {Type: AWS::SNS::Topic, Condition: Off}
)",
  };
  for (const char* yaml : kTemplates) {
    SCOPED_TRACE(yaml);
    auto b = Build(yaml, GraphOptions{[&](const Resource& r) {
                     return r.logical_id != "Z";
                   }});
    OrderedJson json = ToJson(*b->doc.root());
    // `included` gets each resource's position in Resources and its logical id.
    DependencyGraph j = BuildDependencyGraphFromJson(json, [&json](size_t position,
                                                                   std::string_view id) {
      EXPECT_EQ(std::next(json["Resources"].begin(), static_cast<std::ptrdiff_t>(position)).key(),
                id);
      return id != "Z";
    });
    const DependencyGraph& g = b->graph;
    EXPECT_EQ(j.nodes(), g.nodes());
    ASSERT_EQ(j.nodes().size(), g.nodes().size());
    for (size_t v = 0; v < g.nodes().size(); ++v) {
      EXPECT_EQ(j.type(v), g.type(v));
      EXPECT_TRUE(std::ranges::equal(j.dependencies(v), g.dependencies(v))) << g.nodes()[v];
    }
    EXPECT_EQ(j.order(), g.order());
    EXPECT_EQ(j.wave_of(), g.wave_of());
    EXPECT_EQ(j.has_cycle(), g.has_cycle());
    EXPECT_TRUE(j.edges().empty());
    for (size_t v = 0; v < g.nodes().size(); ++v) {
      EXPECT_EQ(j.Find(g.nodes()[v]), v);
    }
    EXPECT_EQ(j.Find("Z"), std::nullopt);
  }
}

TEST(GraphTest, RendersDotMermaidAndJson) {
  auto b = Build(R"(
Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref Bucket}}
)");
  EXPECT_EQ(RenderGraph(b->graph, "mermaid"),
            "flowchart BT\n"
            "  Bucket[\"Bucket<br/>AWS::S3::Bucket\"]\n"
            "  Policy[\"Policy<br/>AWS::S3::BucketPolicy\"]\n"
            "  Policy -->|Ref| Bucket\n");
  EXPECT_NE(RenderGraph(b->graph, "dot").find("\"Policy\" -> \"Bucket\" [label=\"Ref\"];"),
            std::string::npos);
  EXPECT_NE(RenderGraph(b->graph, "json").find("\"Waves\": [\n    [\n      \"Bucket\""),
            std::string::npos);
  EXPECT_EQ(RenderGraph(b->graph, "svg"), "");
}

std::string Ring(size_t n) {
  std::string yaml = "Resources:\n";
  for (size_t i = 0; i < n; ++i) {
    yaml += "  R" + std::to_string(i) + ": {Type: AWS::SQS::Queue, DependsOn: R" +
            std::to_string((i + 1) % n) + "}\n";
  }
  return yaml;
}

TEST(GraphTest, CyclesThroughResourcesOfASmallRingAreWhole) {
  auto b = Build(Ring(5));
  std::vector<CycleThrough> cycles = CyclesThroughResources(b->graph);
  ASSERT_EQ(cycles.size(), 5u);
  EXPECT_EQ(CycleText(b->graph, cycles[0]), "R0 -> R1 -> R2 -> R3 -> R4 -> R0");
  EXPECT_EQ(cycles[0].omitted, 0u);
}

// A component larger than kExactCycleComponent: every member gets a cycle through it, listed
// by its ends, in time linear in the ring (an exact BFS per member would be quadratic).
TEST(GraphTest, CyclesThroughALargeRingAreListedByTheirEnds) {
  const size_t n = 3000;
  auto b = Build(Ring(n));
  std::vector<CycleThrough> cycles = CyclesThroughResources(b->graph);
  ASSERT_EQ(cycles.size(), n);
  for (const CycleThrough& c : cycles) {
    EXPECT_EQ(c.head.size() + c.omitted + c.tail.size(), n);
    EXPECT_LE(c.head.size() + c.tail.size(), kCycleShown);
  }
  // Node order follows the template: R0 is the first node, R1 the second.
  size_t r1 = *b->graph.Find("R1");
  std::string text = CycleText(b->graph, cycles[r1]);
  EXPECT_EQ(text.rfind("R1 -> R2 -> R3 -> ", 0), 0u) << text;
  // R1's way back to R1 passes R0, the component's root, just before R1.
  std::string end = "R10 -> ... (" + std::to_string(n - 11) + " more) -> R0 -> R1";
  EXPECT_EQ(text.substr(text.size() - end.size()), end) << text;
  // BuildDependencyGraph reported the ring once, with a note per step.
  ASSERT_EQ(b->diags.diagnostics().size(), 1u);
  EXPECT_EQ(b->diags.diagnostics()[0].notes.size(), n);
}

}  // namespace
}  // namespace cfnx
