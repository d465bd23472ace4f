// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/parse/loader.h"

#include <gtest/gtest.h>

#include "engine/ast/dump.h"
#include "engine/diag/render.h"
#include "tests/testing/golden.h"

namespace cfnx {
namespace {

struct Loaded {
  std::string dump;
  std::string diags;
};

Loaded Load(const std::string& name, const std::string& text, bool ranges = false) {
  SourceManager sources;
  FileId id = sources.AddFile(name, text);
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, id, diags);
  diags.SortByLocation();
  return {doc.root() != nullptr ? Dump(*doc.root(), ranges) : "<none>",
          RenderDiagnostics(diags.diagnostics(), sources, DiagnosticFormat::kParseable)};
}

struct Case {
  const char* name;
  const char* input;
  const char* want;
};

class ShortFormTest : public ::testing::TestWithParam<Case> {};

// Every short-form tag yields the same node as its long form.
TEST_P(ShortFormTest, MatchesLongForm) {
  const Case& c = GetParam();
  Loaded yaml = Load("t.yaml", std::string("V: ") + c.input + "\n");
  Loaded json = Load("t.json", std::string("{\"V\": ") + c.want + "}");
  EXPECT_EQ(yaml.diags, "");
  EXPECT_EQ(json.diags, "");
  // The short form prints a leading '!'; otherwise the trees are identical.
  std::string short_dump = yaml.dump;
  std::string::size_type bang;
  while ((bang = short_dump.find('!')) != std::string::npos)
    short_dump.erase(bang, 1);
  EXPECT_EQ(short_dump, json.dump) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Tags, ShortFormTest,
    ::testing::Values(
        Case{"Ref", "!Ref P", R"({"Ref": "P"})"},
        Case{"Condition", "!Condition C", R"({"Condition": "C"})"},
        Case{"GetAttDotted", "!GetAtt R.A.B", R"({"Fn::GetAtt": ["R", "A.B"]})"},
        Case{"GetAttList", "!GetAtt [R, A]", R"({"Fn::GetAtt": ["R", "A"]})"},
        Case{"Sub", "!Sub 'a-${P}'", R"({"Fn::Sub": "a-${P}"})"},
        Case{"SubList", "!Sub ['${X}', {X: 1}]", R"({"Fn::Sub": ["${X}", {"X": 1}]})"},
        Case{"Join", "!Join ['', [a, b]]", R"({"Fn::Join": ["", ["a", "b"]]})"},
        Case{"Select", "!Select [0, [a]]", R"({"Fn::Select": [0, ["a"]]})"},
        Case{"Split", "!Split [',', 'a,b']", R"({"Fn::Split": [",", "a,b"]})"},
        Case{"FindInMap", "!FindInMap [M, K, V]", R"({"Fn::FindInMap": ["M", "K", "V"]})"},
        Case{"Base64", "!Base64 x", R"({"Fn::Base64": "x"})"},
        Case{"Cidr", "!Cidr ['10.0.0.0/16', 2, 8]", R"({"Fn::Cidr": ["10.0.0.0/16", 2, 8]})"},
        Case{"GetAZs", "!GetAZs ''", R"({"Fn::GetAZs": ""})"},
        Case{"ImportValue", "!ImportValue E", R"({"Fn::ImportValue": "E"})"},
        Case{"If", "!If [C, a, b]", R"({"Fn::If": ["C", "a", "b"]})"},
        Case{"Equals", "!Equals [a, b]", R"({"Fn::Equals": ["a", "b"]})"},
        Case{"And", "!And [!Condition A, !Condition B]",
             R"({"Fn::And": [{"Condition": "A"}, {"Condition": "B"}]})"},
        Case{"Or", "!Or [!Equals [a, b], !Condition B]",
             R"({"Fn::Or": [{"Fn::Equals": ["a", "b"]}, {"Condition": "B"}]})"},
        Case{"Not", "!Not [!Condition A]", R"({"Fn::Not": [{"Condition": "A"}]})"},
        Case{"Transform", "!Transform {Name: X}", R"({"Fn::Transform": {"Name": "X"}})"},
        Case{"GetStackOutput", "!GetStackOutput {StackName: s, OutputName: o}",
             R"({"Fn::GetStackOutput": {"StackName": "s", "OutputName": "o"}})"}),
    [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

TEST(LoaderTest, Yaml11Scalars) {
  Loaded l =
      Load("t.yaml",
           "A: [yes, No, on, OFF, true, 'yes', 3.0, 010, 0x1F, 1e3, 2010-09-09, ~, null, '', "
           "1_000, .inf, y, n, 1.5e+3]\n");
  EXPECT_EQ(l.diags, "");
  EXPECT_EQ(l.dump,
            "map{A:list{true false true false true \"yes\" 3.0 010 0x1F \"1e3\" \"2010-09-09\" "
            "null null \"\" 1_000 .inf \"y\" \"n\" 1.5e+3}}");
}

TEST(LoaderTest, RangesAreOneBasedWithEnds) {
  Loaded l = Load("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n", true);
  EXPECT_EQ(l.dump,
            "map{Resources@1:1-1:10:map{B@2:3-2:4:map{Type@3:5-3:9:\"AWS::S3::Bucket\"@3:11-3:26}"
            "@3:5-3:26}@2:3-3:26}@1:1-3:26");
}

TEST(LoaderTest, JsonRanges) {
  Loaded l = Load("t.json", "{\n  \"A\": [1, \"x\"]\n}\n", true);
  EXPECT_EQ(l.dump, "map{A@2:3-2:6:list{1@2:9-2:10 \"x\"@2:12-2:15}@2:8-2:16}@1:1-3:2");
}

TEST(LoaderTest, DeepNestingIsRefusedNotACrash) {
  struct Deep {
    const char* file;
    const char* prefix;
    const char* open;
  };
  for (const Deep& d :
       {Deep{"deep.json", "{\"A\": ", "["}, Deep{"deep.json", "{\"A\": ", "{\"a\":"},
        Deep{"deep.yaml", "A: ", "["}, Deep{"deep.yaml", "A: ", "{a: "}}) {
    std::string text = d.prefix;
    for (int i = 0; i < 100000; ++i)
      text += d.open;
    Loaded l = Load(d.file, text);
    EXPECT_NE(l.diags.find("E0000:Template nesting is too deep (more than 500 levels)"),
              std::string::npos)
        << d.file << " " << d.open << ": " << l.diags;
  }
}

TEST(LoaderTest, AliasBombIsRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 0; k < 9; ++k)
      text += ", " + prev;
    text += "]\n";
  }
  Loaded l = Load("bomb.yaml", text);
  EXPECT_NE(l.diags.find("alias bomb"), std::string::npos) << l.diags;
}

// Found by the json_reader fuzzer: a raw control character (here NUL) inside a JSON string was
// read into the value; RFC 8259 and cfn-lint refuse it.
TEST(LoaderTest, JsonRawControlCharacterInStringIsRefused) {
  const char kNul[] = "{\"A\": \"x\0y\"}";
  Loaded l = Load("t.json", std::string(kNul, sizeof kNul - 1));
  EXPECT_EQ(l.dump, "<none>");
  EXPECT_NE(l.diags.find("Control character 0x00"), std::string::npos) << l.diags;
  // Tab and CR are allowed in the file (CheckUtf8) but not raw in a JSON string.
  l = Load("t.json", "{\"B\": \"t\tab\"}");
  EXPECT_NE(l.diags.find("Invalid control character U+0009"), std::string::npos) << l.diags;
  EXPECT_EQ(Load("t.json", R"({"A": "x\u0000y\t"})").diags, "");
}

// Found by the json_reader fuzzer: `[00]` was read as the number 0; RFC 8259 (and
// CloudFormation's parser) refuse a leading zero. `0`, `-0`, `0.5` and `0e1` stay valid.
TEST(LoaderTest, JsonLeadingZeroIsRefused) {
  for (const char* text : {R"({"A": 00})", R"({"A": -012})", R"({"A": 01.5})", R"([00])"}) {
    Loaded l = Load("t.json", text);
    EXPECT_EQ(l.dump, "<none>") << text;
    EXPECT_NE(l.diags.find("leading zero"), std::string::npos) << l.diags;
  }
  for (const char* text :
       {R"({"A": 0})", R"({"A": -0})", R"({"A": 0.5})", R"({"A": 0e1})", R"({"A": 10})"}) {
    Loaded l = Load("t.json", text);
    EXPECT_EQ(l.diags, "") << text;
    EXPECT_NE(l.dump, "<none>") << text;
  }
}

// Found by the json_reader fuzzer: LoadTemplate looked past a byte order mark to choose the
// JSON reader, which then refused the mark ("Unexpected ...").
TEST(LoaderTest, JsonAfterAByteOrderMark) {
  Loaded l = Load("t.json",
                  "\xEF\xBB\xBF"
                  R"({"A": [1]})");
  EXPECT_EQ(l.diags, "");
  EXPECT_EQ(l.dump, Load("t.json", R"({"A": [1]})").dump);
}

// A \u escape of a lone surrogate has no UTF-8 form: it used to become invalid UTF-8 in the
// value, which JSON output then could not print.
TEST(LoaderTest, JsonLoneSurrogateEscapeIsRefused) {
  for (const char* text :
       {R"({"A": "\ud800"})", R"({"A": "\udc00x"})", R"({"A": "\ud83d\u0041"})"}) {
    Loaded l = Load("t.json", text);
    EXPECT_EQ(l.dump, "<none>") << text;
    EXPECT_NE(l.diags.find("lone surrogate"), std::string::npos) << l.diags;
  }
  Loaded pair = Load("t.json", R"({"A": "\ud83d\ude00"})");
  EXPECT_EQ(pair.diags, "");
  EXPECT_NE(pair.dump, "<none>");
}

// Found by the yaml_reader fuzzer: a byte order mark before a file of only comments made the
// first comment count as content, so the file loaded as nothing with no error.
TEST(LoaderTest, ByteOrderMarkAndOnlyCommentsIsAnEmptyTemplate) {
  for (const char* text : {"\xEF\xBB\xBF# a comment\n", "\xEF\xBB\xBF#\n# two\n",
                           "\xEF\xBB\xBF%YAML 1.2\n---\n# c\n"}) {
    Loaded l = Load("t.yaml", text);
    EXPECT_EQ(l.dump, "<none>") << text;
    EXPECT_NE(l.diags.find("The template is empty"), std::string::npos) << text << l.diags;
  }
  EXPECT_EQ(Load("t.yaml",
                 "\xEF\xBB\xBF"
                 "A: 1 # c\n")
                .diags,
            "");
}

// Found by the yaml_reader fuzzer: yaml-cpp stops at a NUL byte, so a NUL in a comment made
// the rest of the template vanish with no error at all. YAML allows printable characters only.
TEST(LoaderTest, YamlControlCharactersAreRefused) {
  for (std::string bad :
       {std::string("#\0 comment\nA: 1\n", 16), std::string("A: \x01\n"), std::string("A: x\x7F\n"),
        std::string("A: \xC2\x80\n"), std::string("A: \xEF\xBF\xBF\n")}) {
    Loaded l = Load("t.yaml", bad);
    EXPECT_EQ(l.dump, "<none>") << bad;
    EXPECT_NE(l.diags.find(":E0000:"), std::string::npos) << l.diags;
  }
  EXPECT_NE(Load("t.yaml", std::string("#\0\nA: 1\n", 8)).diags.find("t.yaml:1:2:"),
            std::string::npos);
  EXPECT_NE(Load("t.yaml", "A: \xC2\x9F\n").diags.find("Unacceptable character #x009F"),
            std::string::npos);
  // Tabs, CR LF, NEL and other non-ASCII text stay acceptable.
  EXPECT_EQ(Load("t.yaml", "A: \"a\tb\"\r\nB: \xC2\x85\xC3\xA9\n").diags, "");
}

// Found by the yaml_reader fuzzer: a file of YAML directives and comments (no document) loaded
// as nothing, with no error, so validate reported a clean template.
TEST(LoaderTest, DirectivesWithoutADocumentAreAnEmptyTemplate) {
  Loaded l = Load("t.yaml", "%TAG ! tag:example.com,2000:\n# a comment\n");
  EXPECT_EQ(l.dump, "<none>");
  EXPECT_NE(l.diags.find("holds only YAML directives and comments"), std::string::npos) << l.diags;
}

TEST(LoaderTest, SmallAliasesExpand) {
  Loaded l = Load("t.yaml", "A: &x {k: 1}\nB: *x\n");
  EXPECT_EQ(l.diags, "");
  EXPECT_EQ(l.dump, "map{A:map{k:1} B:map{k:1}}");
}

// One golden file per input under tests/golden/parse/: the AST dump with ranges and the
// diagnostics, in parseable format.
class ParseGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ParseGoldenTest, MatchesExpected) {
  const std::string& rel = GetParam();
  std::string text = testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel));
  Loaded l = Load(rel, text, true);
  std::string actual = "# ast\n" + l.dump + "\n# diagnostics\n" + l.diags;
  std::string expected_path = "tests/golden/" + rel.substr(0, rel.rfind('.')) + ".expected.txt";
  EXPECT_TRUE(testing::CompareGolden(expected_path, actual));
  if (rel.find("/error_") != std::string::npos) {
    EXPECT_NE(l.diags, "") << "error_ cases must produce a diagnostic";
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, ParseGoldenTest,
                         ::testing::ValuesIn(testing::ListGoldenCases("parse", {".yaml", ".json"})),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

}  // namespace
}  // namespace cfnx
