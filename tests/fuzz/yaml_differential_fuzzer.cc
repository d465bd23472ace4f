// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Differential: the fast YAML reader (engine/parse/fast_yaml.h) against yaml-cpp. The fast
// reader knows a subset of YAML and refuses the rest, so that the loader falls back to
// yaml-cpp; whenever it accepts a text:
//   - yaml-cpp accepts it too, as exactly one document, with the same events (kinds, marks,
//     tags, styles, values);
//   - ReadYaml through the fast reader and through yaml-cpp alone build the same AST (every
//     node, value and source range) and report the same diagnostics.
// A text the fast reader refuses goes to yaml-cpp alone, which the yaml_reader harness covers.

#include <optional>
#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "engine/ast/dump.h"
#include "engine/parse/fast_yaml.h"
#include "engine/parse/json_reader.h"
#include "engine/parse/parse_internal.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

using cfnx::internal::YamlEvent;

class Recorder : public YAML::EventHandler {
 public:
  explicit Recorder(std::vector<YamlEvent>* out) : out_(out) {}
  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Add(YamlEvent::Kind::kNull, mark, "", false, "");
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { aliases = true; }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    anchors = anchors || anchor != YAML::NullAnchor;
    Add(YamlEvent::Kind::kScalar, mark, tag, false, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    anchors = anchors || anchor != YAML::NullAnchor;
    Add(YamlEvent::Kind::kSequenceStart, mark, tag, style == YAML::EmitterStyle::Flow, "");
  }
  void OnSequenceEnd() override { Add(YamlEvent::Kind::kSequenceEnd, YAML::Mark(), "", false, ""); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    anchors = anchors || anchor != YAML::NullAnchor;
    Add(YamlEvent::Kind::kMapStart, mark, tag, style == YAML::EmitterStyle::Flow, "");
  }
  void OnMapEnd() override { Add(YamlEvent::Kind::kMapEnd, YAML::Mark(), "", false, ""); }

  int documents = 0;
  bool aliases = false;
  bool anchors = false;

 private:
  void Add(YamlEvent::Kind kind, const YAML::Mark& mark, const std::string& tag, bool flow,
           const std::string& value) {
    YamlEvent e;
    e.kind = kind;
    e.pos = mark.pos < 0 ? 0 : static_cast<size_t>(mark.pos);  // ends have no mark
    e.tag = tag;
    e.flow = flow;
    e.value = value;
    out_->push_back(std::move(e));
  }
  std::vector<YamlEvent>* out_;
};

std::string Describe(const std::vector<YamlEvent>& events) {
  std::ostringstream out;
  for (const YamlEvent& e : events) {
    out << static_cast<int>(e.kind) << " @" << e.pos << " " << e.tag << (e.flow ? " flow" : "")
        << " [" << e.value << "]\n";
  }
  return out.str();
}

// The AST ReadYaml builds (dumped with ranges) and its diagnostics, one per line.
std::string ReadAndDescribe(std::string_view text, bool use_fast_reader) {
  cfnx::SourceManager sources;
  cfnx::FileId file = sources.AddFile("fuzz.yaml", std::string(text));
  cfnx::DiagnosticCollector diags;
  cfnx::Document doc;
  doc.set_file(file);
  cfnx::LoadOptions options;
  options.require_map_root = false;
  const cfnx::Node* root =
      cfnx::internal::ReadYaml(sources, file, doc, diags, options, use_fast_reader);
  std::string out = root != nullptr ? cfnx::Dump(*root, /*with_ranges=*/true) : "(no root)";
  for (const cfnx::Diagnostic& d : diags.diagnostics()) {
    out += "\n" + std::string(cfnx::GetDiagCodeInfo(d.code).id) + " " +
           std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + " " +
           d.path.ToString() + " " + d.message;
  }
  return out;
}

}  // namespace

CFNX_FUZZ_TARGET(yaml_differential) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  std::vector<YamlEvent> fast;
  if (!cfnx::internal::ReadYamlEventsFast(text, &fast))
    return 0;

  std::vector<YamlEvent> slow;
  Recorder recorder(&slow);
  std::istringstream in{std::string(text)};
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(recorder)) {
    }
  } catch (const YAML::Exception& e) {
    cfnx::fuzz::Fail("the fast reader accepts what yaml-cpp refuses: " + e.msg, text);
  }
  cfnx::fuzz::Check(recorder.documents == 1, "yaml-cpp sees other than one document", text);
  cfnx::fuzz::Check(!recorder.aliases && !recorder.anchors, "the fast reader accepted anchors",
                    text);
  std::string fast_events = Describe(fast);
  std::string slow_events = Describe(slow);
  if (fast_events != slow_events) {
    cfnx::fuzz::Fail("events differ\nfast:\n" + fast_events + "yaml-cpp:\n" + slow_events, text);
  }

  // The loader's two paths, from UTF-8 checking (done by LoadTemplate first) on.
  {
    cfnx::SourceManager sources;
    cfnx::FileId file = sources.AddFile("fuzz.yaml", std::string(text));
    cfnx::DiagnosticCollector diags;
    if (!cfnx::internal::CheckUtf8(sources, file, diags))
      return 0;
  }
  std::string via_fast = ReadAndDescribe(text, /*use_fast_reader=*/true);
  std::string via_yaml_cpp = ReadAndDescribe(text, /*use_fast_reader=*/false);
  if (via_fast != via_yaml_cpp) {
    cfnx::fuzz::Fail("ASTs differ\nfast:\n" + via_fast + "\nyaml-cpp:\n" + via_yaml_cpp, text);
  }
  return 0;
}
