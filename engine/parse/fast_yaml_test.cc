// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The fast YAML reader must give exactly yaml-cpp's events whenever it accepts a text, and
// accept the YAML templates are usually written in. Checked on hand-written cases and on
// every YAML file of the repository, of ../shared (the public corpus, when present) and of the
// directories in $CFNX_YAML_CORPUS (a colon-separated list), when set.

#include "engine/parse/fast_yaml.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "tests/testing/paths.h"

namespace cfnx::internal {
namespace {

class Recorder : public YAML::EventHandler {
 public:
  explicit Recorder(std::vector<YamlEvent>* out) : out_(out) {}
  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Add(YamlEvent::Kind::kNull, mark, "", false, "");
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { aliases = true; }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    Add(YamlEvent::Kind::kScalar, mark, tag, false, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    Add(YamlEvent::Kind::kSequenceStart, mark, tag, style == YAML::EmitterStyle::Flow, "");
  }
  void OnSequenceEnd() override { Add(YamlEvent::Kind::kSequenceEnd, YAML::Mark(), "", false, ""); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    Add(YamlEvent::Kind::kMapStart, mark, tag, style == YAML::EmitterStyle::Flow, "");
  }
  void OnMapEnd() override { Add(YamlEvent::Kind::kMapEnd, YAML::Mark(), "", false, ""); }

  int documents = 0;
  bool aliases = false;

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

// yaml-cpp's events, or nullopt when it fails or the text is not exactly one document.
std::optional<std::vector<YamlEvent>> YamlCppEvents(const std::string& text) {
  std::vector<YamlEvent> events;
  Recorder recorder(&events);
  std::istringstream in(text);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(recorder)) {
    }
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (recorder.documents != 1 || recorder.aliases) {
    return std::nullopt;
  }
  return events;
}

std::string Describe(const std::vector<YamlEvent>& events) {
  std::ostringstream out;
  for (const YamlEvent& e : events) {
    out << static_cast<int>(e.kind) << " @" << e.pos << " " << e.tag << (e.flow ? " flow" : "")
        << " [" << e.value << "]\n";
  }
  return out.str();
}

// Whether the fast reader accepts `text`; when it does, its events must be yaml-cpp's.
bool AgreesWhenAccepted(const std::string& text, const std::string& what) {
  std::vector<YamlEvent> fast;
  if (!ReadYamlEventsFast(text, &fast)) {
    return false;
  }
  std::optional<std::vector<YamlEvent>> slow = YamlCppEvents(text);
  EXPECT_TRUE(slow.has_value()) << what << ": the fast reader accepts what yaml-cpp refuses";
  if (slow.has_value()) {
    EXPECT_EQ(Describe(fast), Describe(*slow)) << what;
  }
  return true;
}

TEST(FastYamlTest, AcceptsTheUsualTemplateYamlWithYamlCppsEvents) {
  const char* cases[] = {
      "A: 1\nB:\nC:\n  D: x\n  E:\nF:\n- a\n-\n- b\nG: !If\n  - c\nJ:\n",
      "# c\n---\nA:   x y  # c\nB:\n# c\n\nC: [a, !Ref b, \"c\", {d: e}]\n"
      "D: !Sub \"x${y}\"\nE:\n  - k: v\n    k2: v2\n  - !GetAtt A.B\nF: {a: [1, 2],\n  b: c}\n"
      "G: 'it''s'\nH: null\nI: ~\n\"J\": ''\nK: \"a\\\"b\\\\c\\/\\n\"\nL:\n\n# end\n\n",
      "A: |\n  a\n\n   b\n  c\n\n\nB: |+\n  k\n\nC: >\n  f\n  g\n\n  h\nD: x\n",
      "A: >-\n  p\n  q\n\n\n  r\nB: |-\n  s\n",
      "A: >\n  a\n\n   b\n  c\nB: >\n  a\n   b\n\n  c\n\n\n   d\n  e\n  f\n",
      "A:\n  - a\n  -\n\nB: x\n",
      "A: [a:b, http://x]\nB: \xC3\xA9 x\nC: y\n",
      "Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n"
      "        - Key: k\n          Value: !Join\n            - ''\n            - - a\n"
      "              - !Ref AWS::Region\n",
      "A: [\n  a,\n  # comment\n  b\n]\nB: {}\nC: []\n",
      "A: -1\nB: '#x'\nC: a#b\nD: \"x\" # c\n",
      "A:\n  - :iot\n  - ?x\n  - -x\n  - !GetAZs\nB: !GetAZs\nC: x\nD: [:a, -b]\n",
  };
  for (const char* text : cases) {
    EXPECT_TRUE(AgreesWhenAccepted(text, text)) << "refused:\n" << text;
  }
}

TEST(FastYamlTest, RefusesWhatItDoesNotKnow) {
  const char* cases[] = {
      "A: &a x\nB: *a\n",      // anchors and aliases
      "A: x\n  y\n",           // a plain scalar on two lines
      "A: \"x\n  y\"\n",       // a quoted scalar on two lines
      "A: !!str 1\n",          // standard tags
      "A: 1\n---\nB: 2\n",     // two documents
      "A:\tx\n",               // tabs
      "A: 1\r\nB: 2\r\n",      // CRLF
      "A: |2\n   x\n",         // indentation indicator
      "A: b: c\n",             // an error
      "A: [a, b\n",            // an error
      "A:\n  - a\n   - b\n",   // an error
      "? a\n: b\n",            // complex keys
      "A: [a, ]\n",            // a trailing comma
      "A: [?a]\n",             // yaml-cpp refuses it
      "A: {a:[b]}\n",          // yaml-cpp refuses it ("a:" then '[')
      "A: {a: {b:{c: d}}}\n",  // yaml-cpp refuses it
      "A: {a:}\n",             // a key without a value
      "A: {\"a\"\n : 1}\n",    // a key and its ':' on two lines
      "A: >-\n   x\n  y\n",    // an error
      "A: |\n  x\n  \n  y\n",  // a line of spaces in a block scalar
      "A: \"\\x41\"\n",        // escapes it does not decode
      "just a scalar\n",       // not a collection
      "",                      // no document
  };
  for (const char* text : cases) {
    std::vector<YamlEvent> events;
    EXPECT_FALSE(ReadYamlEventsFast(text, &events)) << text;
  }
}

// Found by the yaml_differential fuzzer: yaml-cpp refuses an implicit key more than 1024
// characters before its ':' ("illegal map value"), which the fast reader read. Such keys now go
// to yaml-cpp; shorter ones stay fast and agree with it.
TEST(FastYamlTest, LongImplicitKeysGoToYamlCpp) {
  std::string key(1100, 'k');
  for (const std::string& text :
       {key + ": v\n", "\"" + key + "\": v\n", "A: {" + key + ": v}\n", "A:\n  " + key + ": v\n"}) {
    std::vector<YamlEvent> events;
    EXPECT_FALSE(ReadYamlEventsFast(text, &events)) << text.substr(0, 8);
  }
  std::string short_key(1000, 'k');
  for (const std::string& text : {short_key + ": v\n", "A: {" + short_key + ": v}\n"}) {
    EXPECT_TRUE(AgreesWhenAccepted(text, "short key")) << "refused: " << text.substr(0, 8);
  }
}

// Every YAML file in the repository (templates, golden inputs, SAM cases): whatever the fast
// reader accepts it reads exactly as yaml-cpp does.
TEST(FastYamlTest, AgreesWithYamlCppOnEveryYamlFile) {
  namespace fs = std::filesystem;
  // The shared corpus (public templates and the SAM reference's cases) sits beside the
  // repository on development and CI machines: check against it whenever it is there.
  std::vector<fs::path> roots = {
      fs::path(cfnx::testing::SourceDir()) / "tests",
      fs::path(cfnx::testing::SourceDir()) / "examples",
      fs::path(cfnx::testing::SourceDir()) / ".." / "shared" / "corpus",
      fs::path(cfnx::testing::SourceDir()) / ".." / "shared" / "conformance"};
  if (const char* extra = std::getenv("CFNX_YAML_CORPUS"); extra != nullptr) {
    std::stringstream list(extra);
    std::string dir;
    while (std::getline(list, dir, ':')) {
      roots.emplace_back(dir);
    }
  }
  size_t files = 0;
  size_t accepted = 0;
  for (const fs::path& root : roots) {
    if (!fs::exists(root)) {
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".template")) {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      ++files;
      if (AgreesWhenAccepted(text.str(), entry.path().string())) {
        ++accepted;
      }
    }
  }
  std::cout << "fast YAML reader: accepted " << accepted << " of " << files << " files\n";
  EXPECT_GT(files, 50u);
  EXPECT_GT(accepted * 2, files);  // most of them
}

// Broken and odd YAML comes from edits: whatever the fast reader accepts of the repository's
// YAML files with a few random characters inserted, deleted or replaced, it reads exactly as
// yaml-cpp does (and it refuses what yaml-cpp refuses).
TEST(FastYamlTest, AgreesWithYamlCppOnMutatedFiles) {
  namespace fs = std::filesystem;
  std::mt19937 rng(20261202);
  const std::string alphabet = " :-#\n\"'[]{},!|>&*?%@`\\abc0";
  size_t tried = 0;
  size_t accepted = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(cfnx::testing::SourceDir()) / "tests")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string base = buffer.str();
    if (base.empty()) {
      continue;
    }
    for (int k = 0; k < 20; ++k) {
      std::string text = base;
      for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0 && !text.empty(); --edits) {
        size_t at = rng() % text.size();
        char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0:
            text.erase(at, 1);
            break;
          case 1:
            text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
            break;
          default:
            text[at] = c;
        }
      }
      ++tried;
      if (AgreesWhenAccepted(text, entry.path().string() + " mutated:\n" + text)) {
        ++accepted;
      }
    }
  }
  std::cout << "fast YAML reader: accepted " << accepted << " of " << tried << " mutants\n";
  EXPECT_GT(tried, 1000u);
  EXPECT_GT(accepted, tried / 4);
}

}  // namespace
}  // namespace cfnx::internal
