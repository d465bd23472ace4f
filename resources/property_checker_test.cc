// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden tests over tests/golden/resources/: each `<case>.yaml|json` is loaded, modelled and
// checked with CheckResources against the embedded registry, then with the extension schemas
// (resources/extension_checker.h) and the service rules (resources/service_rules.h); the text
// rendering of what it
// reports is compared with `<case>.expected.diag`. A first line `# region: R` sets the region.
// Cases named `error_*` must report at least one error, others none. CFNX_UPDATE_GOLDENS=1
// rewrites the expectations.

#include "resources/property_checker.h"

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/diag/render.h"
#include "engine/parse/loader.h"
#include "resources/ecma_regex.h"
#include "resources/embedded_schemas.h"
#include "resources/extension_checker.h"
#include "resources/service_rules.h"
#include "tests/testing/golden.h"

namespace cfnx {
namespace {

const ResourceTypeRegistry& Registry() {
  static const ResourceTypeRegistry* registry =
      ResourceTypeRegistry::FromData(EmbeddedSchemaIndex(), EmbeddedSchemaBlob()).value().release();
  return *registry;
}

const AttributeSchemas& Attributes() {
  static const AttributeSchemas* schemas =
      AttributeSchemas::FromJsonLines(EmbeddedAttributeSchemas()).value().release();
  return *schemas;
}

// The embedded attribute schemas parse, and hold what scripts/gen_attribute_schemas.py writes.
TEST(AttributeSchemasTest, EmbeddedSchemasParse) {
  auto parsed = AttributeSchemas::FromJsonLines(EmbeddedAttributeSchemas());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_NE((*parsed)->Find("UpdatePolicy", "AWS::AutoScaling::AutoScalingGroup"), nullptr);
  EXPECT_NE((*parsed)->Find("CreationPolicy", "AWS::CloudFormation::WaitCondition"), nullptr);
  EXPECT_EQ((*parsed)->Find("UpdatePolicy", "AWS::S3::Bucket"), nullptr);
  EXPECT_EQ((*parsed)->TypesWith("UpdatePolicy").size(), 6u);
  EXPECT_FALSE(AttributeSchemas::FromJsonLines("{\"typeName\": \"x\"}\n").ok());
}

const ExtensionSchemas& Extensions() {
  static const ExtensionSchemas* schemas =
      ExtensionSchemas::FromJsonLines(EmbeddedExtensionSchemas()).value().release();
  return *schemas;
}

bool Taggable(std::string_view type) {
  const ResourceType* rt = Registry().Find(type);
  auto tagging = rt != nullptr ? rt->schema().find("tagging") : nlohmann::json::const_iterator();
  return rt != nullptr && tagging != rt->schema().end() && tagging->is_object() &&
         tagging->contains("taggable") && (*tagging)["taggable"] == true;
}

// Every line of the embedded extension schemas parses, names a registered code, and applies
// where and in the regions its header says.
TEST(ExtensionSchemasTest, EmbeddedSchemasParse) {
  auto parsed = ExtensionSchemas::FromJsonLines(EmbeddedExtensionSchemas());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_GT((*parsed)->size(), 100u);
  std::set<std::string> ids;
  for (const DiagCodeInfo& info : AllDiagCodes())
    ids.insert(std::string(info.id));
  std::vector<const ExtensionRule*> lambda = (*parsed)->For("AWS::Lambda::Function", "us-east-1");
  std::set<std::string> lambda_rules;
  for (const ExtensionRule* rule : lambda) {
    lambda_rules.insert(rule->rule);
    EXPECT_TRUE(rule->schema().is_object()) << rule->rule;
    EXPECT_EQ(ids.count(rule->rule), 1u) << rule->rule;
  }
  EXPECT_EQ(lambda_rules.count("E3678"), 1u);
  EXPECT_EQ(lambda_rules.count("E3024"), 1u);  // every type, when taggable
  // Regional rules: exactly one variant per region.
  size_t instance_types = 0;
  for (const ExtensionRule* rule : (*parsed)->For("AWS::EC2::Instance", "eu-west-3"))
    instance_types += rule->rule == "E3628";
  EXPECT_EQ(instance_types, 1u);
  EXPECT_TRUE((*parsed)->For("AWS::EC2::Instance", "nowhere-1").size() <
              (*parsed)->For("AWS::EC2::Instance", "us-east-1").size());
  EXPECT_FALSE(ExtensionSchemas::FromJsonLines("{\"rule\": \"E1\"}\n").ok());
}

struct Checked {
  std::vector<Diagnostic> diagnostics;
  std::string rendered;
};

Checked Check(const std::string& name, const std::string& text) {
  SourceManager sources;
  FileId file = sources.AddFile(name, text);
  DiagnosticCollector load_diags;
  Document doc = LoadTemplate(sources, file, load_diags);
  Template t = BuildModel(doc, load_diags);
  ResourceCheckOptions options;
  options.today = "2026-11-23";  // fixed, for the Lambda runtime dates
  options.attributes = &Attributes();
  // Leading comment lines may set the region ("# region: eu-west-1") and the date the Lambda
  // runtime lifecycle is read at ("# today: 2026-12-20").
  std::string today;
  std::string_view all = text;
  for (size_t at = 0; at < all.size() && all[at] == '#';) {
    size_t end = all.find('\n', at);
    std::string_view line = all.substr(at, end == std::string_view::npos ? end : end - at);
    for (auto [prefix, out] :
         {std::pair<std::string_view, std::string*>{"# region: ", &options.region},
          std::pair<std::string_view, std::string*>{"# today: ", &today}}) {
      if (line.compare(0, prefix.size(), prefix) == 0)
        *out = std::string(line.substr(prefix.size()));
    }
    if (end == std::string_view::npos)
      break;
    at = end + 1;
  }
  if (!today.empty())
    options.today = today;
  DiagnosticCollector diags;
  CheckResources(t, Registry(), options, diags);
  CheckLambdaRuntimes(t, options, diags);
  CheckExtensionSchemas(t, Extensions(), options.region, Taggable, diags);
  CheckServiceRules(t, diags);
  diags.SortByLocation();
  Checked out;
  out.diagnostics = diags.Take();
  out.rendered = RenderDiagnostics(out.diagnostics, sources, DiagnosticFormat::kText);
  return out;
}

class ResourcesGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ResourcesGoldenTest, MatchesExpected) {
  const std::string& rel = GetParam();
  Checked checked =
      Check(rel, testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel)));
  std::string stem = rel.substr(0, rel.rfind('.'));
  EXPECT_TRUE(testing::CompareGolden("tests/golden/" + stem + ".expected.diag", checked.rendered));
  bool error_case = rel.find("/error_") != std::string::npos;
  bool has_errors = false;
  for (const Diagnostic& d : checked.diagnostics) {
    has_errors |= d.severity == Severity::kError;
  }
  EXPECT_EQ(has_errors, error_case)
      << (error_case ? "error_ cases must report an error" : "non-error cases must be clean");
}

INSTANTIATE_TEST_SUITE_P(Golden, ResourcesGoldenTest,
                         ::testing::ValuesIn(testing::ListGoldenCases("resources",
                                                                      {".yaml", ".json"})),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

// Every diagnostic points into the file at a property key or value, never at the resource line,
// except missing required properties (which point at `Properties`).
TEST(PropertyCheckerTest, PointsAtKeysWithFullPaths) {
  Checked c = Check("t.yaml",
                    "Resources:\n"
                    "  Q:\n"
                    "    Type: AWS::SQS::Queue\n"
                    "    Properties:\n"
                    "      DelaySeconds: 901\n"
                    "      Nope: 1\n");
  ASSERT_EQ(c.diagnostics.size(), 2u) << c.rendered;
  EXPECT_EQ(c.diagnostics[0].code, DiagCode::kE3034);
  EXPECT_EQ(c.diagnostics[0].range.begin.line, 5u);
  EXPECT_EQ(c.diagnostics[0].range.begin.column, 7u);
  EXPECT_EQ(c.diagnostics[0].path.ToString(), "/Resources/Q/Properties/DelaySeconds");
  EXPECT_EQ(c.diagnostics[1].code, DiagCode::kE3002);
  EXPECT_EQ(c.diagnostics[1].path.ToString(), "/Resources/Q/Properties/Nope");
}

TEST(PropertyCheckerTest, RegionDecidesAvailability) {
  std::string text = "Resources:\n  W:\n    Type: AWS::APS::Workspace\n";
  EXPECT_TRUE(Check("t.yaml", text).diagnostics.empty());
  Checked cn = Check("t.yaml", "# region: cn-north-1\n" + text);
  ASSERT_EQ(cn.diagnostics.size(), 1u);
  EXPECT_EQ(cn.diagnostics[0].code, DiagCode::kE3006);
}

// --- ECMAScript patterns on RE2 --------------------------------------------------------------

TEST(EcmaRegexTest, Translates) {
  struct Case {
    const char* ecma;
    const char* re2;
  };
  const Case cases[] = {
      {R"(^[a-z]+$)", R"(^[a-z]+$)"},
      {R"(^[\u0009\u000A\u0020-\u00FF]+$)", R"(^[\x{0009}\x{000A}\x{0020}-\x{00FF}]+$)"},
      {R"((?<year>\d{4}))", R"((?P<year>\d{4}))"},
      {R"(^.{1,2048}$)", R"(^.{1,}$)"},
      {R"(^.{2000,3000}$)", R"(^.{1000,}$)"},
      {R"(a[^]b)", R"(a[\s\S]b)"},
      {R"(\_x\0)", R"(_x\x00)"},
      {R"(^[a-z]{1,512}\Z)", R"(^[a-z]{1,512}\z)"},
      {R"([[a])", R"([\[a])"},
      {R"(^{)", R"(^\{)"},
  };
  for (const Case& c : cases) {
    std::string why;
    std::optional<std::string> got = TranslateEcmaRegex(c.ecma, &why);
    ASSERT_TRUE(got.has_value()) << c.ecma << ": " << why;
    EXPECT_EQ(*got, c.re2) << c.ecma;
  }
}

// What RE2 cannot run goes to PCRE2; only what neither can run is reported as unsupported.
TEST(EcmaRegexTest, ReportsWhatRe2CannotRun) {
  struct Case {
    const char* pattern;
    bool supported;  // by PCRE2
    bool matches;    // "anything"
  };
  for (const Case& c : {Case{R"(^(?!aws:).*$)", true, true}, Case{R"((a)\1)", true, false},
                        Case{R"((?<=x)y)", true, false}, Case{R"(\k<n>)", false, true}}) {
    std::string why;
    EXPECT_FALSE(TranslateEcmaRegex(c.pattern, &why).has_value()) << c.pattern;
    EXPECT_FALSE(why.empty());
    bool supported = !c.supported;
    EXPECT_EQ(EcmaRegexSearch(c.pattern, "anything", &supported, &why), c.matches) << c.pattern;
    EXPECT_EQ(supported, c.supported) << c.pattern << ": " << why;
    if (!c.supported) {
      EXPECT_NE(why.find("PCRE2"), std::string::npos) << why;
    }
  }
}

TEST(EcmaRegexTest, SearchesLikeJsonSchema) {
  bool supported = false;
  std::string why;
  EXPECT_TRUE(EcmaRegexSearch("[0-9]", "abc1", &supported, &why));  // unanchored: a search
  EXPECT_TRUE(supported);
  EXPECT_FALSE(EcmaRegexSearch("^[0-9]+$", "12a", &supported, &why));
  EXPECT_TRUE(EcmaRegexSearch("^[\\u0041-\\u005A]+$", "ABC", &supported, &why));
  EXPECT_FALSE(EcmaRegexSearch("^[\\u0041-\\u005A]+$", "abc", &supported, &why));
  // The same compiled program is reused.
  EXPECT_EQ(CompiledEcmaRegex("^[0-9]+$", &why), CompiledEcmaRegex("^[0-9]+$", &why));
}

}  // namespace
}  // namespace cfnx
