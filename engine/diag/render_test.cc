// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/diag/render.h"

#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cfnx {
namespace {

class RenderTest : public ::testing::Test {
 protected:
  RenderTest() {
    file_ = sources_.AddFile("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Buckt\n");
    Diagnostic d = MakeDiagnostic(DiagCode::kE3006, {{file_, 3, 11}, {file_, 3, 25}},
                                  TemplatePath{"Resources", "B", "Type"}, "Bad type.");
    d.notes.push_back({{{file_, 2, 3}, {file_, 2, 4}}, "resource declared here"});
    diags_.push_back(d);
  }
  SourceManager sources_;
  FileId file_;
  std::vector<Diagnostic> diags_;
};

TEST_F(RenderTest, Text) {
  EXPECT_EQ(RenderDiagnostics(diags_, sources_, DiagnosticFormat::kText),
            "t.yaml:3:11: error E3006: Bad type.\n"
            " 3 |     Type: AWS::S3::Buckt\n"
            "   |           ^~~~~~~~~~~~~~\n"
            "   at /Resources/B/Type\n"
            "t.yaml:2:3: note: resource declared here\n"
            " 2 |   B:\n"
            "   |   ^\n");
}

TEST_F(RenderTest, Parseable) {
  EXPECT_EQ(RenderDiagnostics(diags_, sources_, DiagnosticFormat::kParseable),
            "t.yaml:3:11:3:25:E3006:Bad type.\n");
}

TEST_F(RenderTest, JsonUsesCfnLintFieldNames) {
  std::string json = RenderDiagnostics(diags_, sources_, DiagnosticFormat::kJson);
  for (const char* field : {"\"Filename\": \"t.yaml\"", "\"Level\": \"Error\"", "\"LineNumber\": 3",
                            "\"ColumnNumber\": 11", "\"Id\": \"E3006\"", "\"Path\": [",
                            "\"ShortDescription\"", "\"Source\"", "\"Message\": \"Bad type.\""}) {
    EXPECT_NE(json.find(field), std::string::npos) << field << "\n" << json;
  }
}

TEST_F(RenderTest, SarifAndJunit) {
  std::string sarif = RenderDiagnostics(diags_, sources_, DiagnosticFormat::kSarif, {}, {file_});
  EXPECT_NE(sarif.find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(sarif.find("\"ruleId\": \"E3006\""), std::string::npos);
  EXPECT_NE(sarif.find("\"startLine\": 3"), std::string::npos);
  std::string junit = RenderDiagnostics(diags_, sources_, DiagnosticFormat::kJunit, {}, {file_});
  EXPECT_NE(junit.find("<failure type=\"Bad type.\" message=\"Bad type. at t.yaml:3:11\"/>"),
            std::string::npos)
      << junit;
  EXPECT_NE(junit.find("failures=\"1\""), std::string::npos);
}

// cfn-lint 1.x's Id and ParentId: a name-based UUID of the finding, the same in every run,
// different for another finding; ParentId null.
TEST_F(RenderTest, JsonFindingsHaveStableIds) {
  auto render = [this](const std::vector<Diagnostic>& diags) {
    return nlohmann::json::parse(RenderDiagnostics(diags, sources_, DiagnosticFormat::kJson));
  };
  nlohmann::json first = render(diags_);
  std::string id = first[0]["Id"].get<std::string>();
  EXPECT_TRUE(std::regex_match(
      id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << id;
  EXPECT_TRUE(first[0]["ParentId"].is_null());
  EXPECT_EQ(render(diags_)[0]["Id"], id);
  std::vector<Diagnostic> other = diags_;
  other[0].message = "Another message.";
  EXPECT_NE(render(other)[0]["Id"], id);
}

// SARIF for code scanning: a fingerprint that follows the finding when lines above it move,
// and relative file names based on where cfnx ran (EXECUTIONROOT, as cfn-lint says).
TEST_F(RenderTest, SarifFingerprintsIgnoreLineMovesAndNameTheUriBase) {
  auto result = [this](const std::vector<Diagnostic>& diags) {
    nlohmann::json sarif = nlohmann::json::parse(
        RenderDiagnostics(diags, sources_, DiagnosticFormat::kSarif, {}, {file_}));
    return sarif["runs"][0];
  };
  nlohmann::json run = result(diags_);
  const nlohmann::json& r = run["results"][0];
  std::string print = r["partialFingerprints"]["cfnxFinding/v1"].get<std::string>();
  EXPECT_EQ(print.size(), 32u);
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "EXECUTIONROOT");
  EXPECT_TRUE(run["originalUriBaseIds"].contains("EXECUTIONROOT"));
  std::vector<Diagnostic> moved = diags_;
  moved[0].range.begin.line += 5;
  moved[0].range.end.line += 5;
  EXPECT_EQ(result(moved)["results"][0]["partialFingerprints"]["cfnxFinding/v1"], print);
  std::vector<Diagnostic> other = diags_;
  other[0].path = TemplatePath{"Resources", "C", "Type"};
  EXPECT_NE(result(other)["results"][0]["partialFingerprints"]["cfnxFinding/v1"], print);

  SourceManager absolute;
  FileId f = absolute.AddFile("/abs/t.yaml", "Resources: {}\n");
  std::vector<Diagnostic> diags = {
      MakeDiagnostic(DiagCode::kE3006, {{f, 1, 1}, {f, 1, 2}}, TemplatePath{}, "x")};
  nlohmann::json sarif =
      nlohmann::json::parse(RenderDiagnostics(diags, absolute, DiagnosticFormat::kSarif, {}, {f}));
  EXPECT_FALSE(
      sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
          .contains("uriBaseId"));
}

TEST(ExitCodeTest, Bitmask) {
  Diagnostic e = MakeDiagnostic(DiagCode::kE0000, {}, {}, "");
  Diagnostic w = MakeDiagnostic(DiagCode::kW1002, {}, {}, "");
  EXPECT_EQ(ExitCodeFor({}), 0);
  EXPECT_EQ(ExitCodeFor({e}), 2);
  EXPECT_EQ(ExitCodeFor({w}), 4);
  EXPECT_EQ(ExitCodeFor({e, w}), 6);
}

// cfn-lint's JUnit report: one test case per rule (every registered code), failed once per
// finding of that rule whatever its level, and skipped as "Ignored rule" when the run's check
// options leave the rule out.
TEST_F(RenderTest, JunitHasOneTestCasePerRuleWithWarningsAndNotes) {
  diags_.push_back(MakeDiagnostic(DiagCode::kW1001, {{file_, 1, 1}, {file_, 1, 2}}, TemplatePath{},
                                  "Unused parameter."));
  diags_.push_back(MakeDiagnostic(DiagCode::kI5000, {{file_, 1, 1}, {file_, 1, 2}}, TemplatePath{},
                                  "Not expanded."));
  diags_.push_back(MakeDiagnostic(DiagCode::kE3006, {{file_, 4, 1}, {file_, 4, 2}}, TemplatePath{},
                                  "Also bad <type>."));
  RenderOptions options;
  options.checks = CheckOptions{};
  options.checks->ignore_checks = {"E3012"};
  options.checks->include_checks = {"I"};
  std::string junit =
      RenderDiagnostics(diags_, sources_, DiagnosticFormat::kJunit, options, {file_});
  auto test_case = [&](DiagCode code) {
    const DiagCodeInfo& info = GetDiagCodeInfo(code);
    size_t begin = junit.find("<testcase name=\"" + std::string(info.id) + " ");
    EXPECT_NE(begin, std::string::npos) << info.id;
    size_t end = junit.find("<testcase ", begin + 1);
    return junit.substr(begin, end - begin);
  };
  std::string e3006 = test_case(DiagCode::kE3006);
  EXPECT_NE(e3006.find("url=\"" + std::string(GetDiagCodeInfo(DiagCode::kE3006).url) + "\""),
            std::string::npos);
  EXPECT_NE(e3006.find("message=\"Also bad &lt;type&gt;. at t.yaml:4:1\"/>"), std::string::npos)
      << e3006;
  EXPECT_NE(test_case(DiagCode::kW1001)
                .find("<failure type=\"Unused parameter.\" message=\"Unused parameter. at "
                      "t.yaml:1:1\"/>"),
            std::string::npos);
  EXPECT_NE(test_case(DiagCode::kI5000).find("<failure type=\"Not expanded.\""), std::string::npos);
  EXPECT_NE(
      test_case(DiagCode::kE3012).find("<skipped type=\"skipped\" message=\"Ignored rule\"/>"),
      std::string::npos);
  EXPECT_EQ(test_case(DiagCode::kE1001).find("<failure"), std::string::npos);
  EXPECT_EQ(test_case(DiagCode::kE1001).find("<skipped"), std::string::npos);
  std::string tests = "tests=\"" + std::to_string(AllDiagCodes().size()) + "\"";
  EXPECT_NE(junit.find("<testsuite disabled=\"0\" errors=\"0\" failures=\"3\" "
                       "name=\"CloudFormation Lint\" skipped=\"1\" " +
                       tests),
            std::string::npos)
      << junit.substr(0, 300);
  // Without the run's options no rule is skipped.
  EXPECT_EQ(RenderDiagnostics(diags_, sources_, DiagnosticFormat::kJunit).find("<skipped"),
            std::string::npos);
}

// GitLab's code-quality report: the Code Climate fields GitLab reads, the fingerprint stable
// when lines move (SARIF's).
TEST_F(RenderTest, CodeClimateForGitLab) {
  diags_.push_back(MakeDiagnostic(DiagCode::kW1001, {{file_, 1, 1}, {file_, 1, 2}}, TemplatePath{},
                                  "Unused parameter."));
  nlohmann::json issues =
      nlohmann::json::parse(RenderDiagnostics(diags_, sources_, DiagnosticFormat::kCodeClimate));
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0]["check_name"], "E3006");
  EXPECT_EQ(issues[0]["description"], "E3006: Bad type.");
  EXPECT_EQ(issues[0]["severity"], "major");
  EXPECT_EQ(issues[0]["location"]["path"], "t.yaml");
  EXPECT_EQ(issues[0]["location"]["lines"]["begin"], 3);
  EXPECT_EQ(issues[1]["severity"], "minor");
  std::string print = issues[0]["fingerprint"].get<std::string>();
  EXPECT_EQ(print.size(), 32u);
  std::vector<Diagnostic> moved = diags_;
  moved[0].range.begin.line += 5;
  nlohmann::json again =
      nlohmann::json::parse(RenderDiagnostics(moved, sources_, DiagnosticFormat::kCodeClimate));
  EXPECT_EQ(again[0]["fingerprint"], print);
  EXPECT_EQ(again[0]["location"]["lines"]["begin"], 8);
  EXPECT_NE(issues[1]["fingerprint"], print);
  DiagnosticFormat format;
  ASSERT_TRUE(ParseDiagnosticFormat("code-climate", &format));
  EXPECT_EQ(format, DiagnosticFormat::kCodeClimate);
}

// Bytes a terminal would act on (ESC starts colour, title and cursor sequences) are shown, not
// sent, wherever template text reaches text output.
TEST_F(RenderTest, TextEscapesTerminalControlCharacters) {
  FileId f = sources_.AddFile("e.yaml", "A: \"\x1b]0;title\x07\x1b[31mred\xc2\x9b\"\n");
  std::vector<Diagnostic> diags = {MakeDiagnostic(DiagCode::kE3006, {{f, 1, 4}, {f, 1, 10}},
                                                  TemplatePath{"A"}, "Value \x1b[2J here.")};
  std::string text = RenderDiagnostics(diags, sources_, DiagnosticFormat::kText);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
  EXPECT_NE(text.find("Value \\x1b[2J here."), std::string::npos) << text;
  EXPECT_NE(text.find("\\x1b]0;title\\x07\\x1b[31mred\\x9b"), std::string::npos) << text;
  std::string parseable = RenderDiagnostics(diags, sources_, DiagnosticFormat::kParseable);
  EXPECT_EQ(parseable.find('\x1b'), std::string::npos) << parseable;
}

// Invalid UTF-8 in a message never makes JSON or SARIF output throw or be invalid.
TEST_F(RenderTest, JsonAndSarifSurviveInvalidUtf8) {
  std::vector<Diagnostic> diags = {MakeDiagnostic(
      DiagCode::kE3006, {{file_, 3, 11}, {file_, 3, 25}}, TemplatePath{"B"}, "bad \xff\xfe bytes")};
  std::string json = RenderDiagnostics(diags, sources_, DiagnosticFormat::kJson);
  EXPECT_NE(json.find("bad \xef\xbf\xbd\xef\xbf\xbd bytes"), std::string::npos) << json;
  std::string sarif = RenderDiagnostics(diags, sources_, DiagnosticFormat::kSarif, {}, {file_});
  EXPECT_NE(sarif.find("\"ruleId\": \"E3006\""), std::string::npos);
}

}  // namespace
}  // namespace cfnx
