// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Limit checks need templates too big for golden files; they are generated here.

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "engine/diag/render.h"
#include "engine/parse/loader.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

std::string Check(const std::string& text) {
  SourceManager sources;
  FileId file = sources.AddFile("t.yaml", text);
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, file, diags);
  Template t = BuildModel(doc, diags);
  StructureOptions options;
  options.template_bytes = text.size();
  CheckStructure(t, options, diags);
  CheckReferences(t, diags);
  return RenderDiagnostics(diags.diagnostics(), sources, DiagnosticFormat::kParseable);
}

// Names start with the section's initial: a parameter may not share a resource's name (E3007).
std::string Repeat(const std::string& section, int n, const std::string& body) {
  std::string out = section + ":\n";
  for (int i = 0; i < n; ++i)
    out += "  " + section.substr(0, 1) + std::to_string(i) + ": " + body + "\n";
  return out;
}

TEST(StructureLimitsTest, AtTheLimitIsClean) {
  std::string text = Repeat("Resources", 500, "{Type: AWS::SNS::Topic}") +
                     Repeat("Parameters", 200, "{Type: String}") +
                     Repeat("Outputs", 200, "{Value: x}") + Repeat("Mappings", 200, "{a: {b: c}}");
  EXPECT_EQ(Check(text), "");
}

TEST(StructureLimitsTest, OverTheLimitIsAnErrorAtTheSection) {
  std::string text = Repeat("Resources", 501, "{Type: AWS::SNS::Topic}") +
                     Repeat("Parameters", 201, "{Type: String}") +
                     Repeat("Outputs", 201, "{Value: x}") + Repeat("Mappings", 201, "{a: {b: c}}");
  std::string out = Check(text);
  EXPECT_NE(
      out.find(":E3010:The template declares 501 resources; CloudFormation allows at most 500."),
      std::string::npos)
      << out;
  EXPECT_NE(out.find(":E2010:The template declares 201 parameters"), std::string::npos);
  EXPECT_NE(out.find(":E6010:The template declares 201 outputs"), std::string::npos);
  EXPECT_NE(out.find(":E7010:The template declares 201 mappings"), std::string::npos);
}

TEST(StructureLimitsTest, OverInlineSizeIsAWarning) {
  std::string text = "Resources: {T: {Type: AWS::SNS::Topic}}\nMetadata:\n  Pad: \"" +
                     std::string(60'000, 'x') + "\"\n";
  std::string out = Check(text);
  EXPECT_NE(out.find("t.yaml:1:1:1:1:W1002:The template is 60060 bytes"), std::string::npos) << out;
  EXPECT_EQ(out.find(":E"), std::string::npos);
}

TEST(StructureLimitsTest, MappingAttributesAndTemplateSize) {
  std::string mapping = "Resources: {T: {Type: AWS::SNS::Topic}}\nMappings:\n  M:\n";
  for (int i = 0; i < 201; ++i)
    mapping += "    k" + std::to_string(i) + ": {a: b}\n";
  EXPECT_NE(Check(mapping).find(":E7011:Mapping 'M' has 201 top-level keys"), std::string::npos);

  std::string huge =
      "Resources: {T: {Type: AWS::SNS::Topic}}\nDescription: x\nMetadata:\n  Pad: \"" +
      std::string(1'100'000, 'x') + "\"\n";
  std::string out = Check(huge);
  EXPECT_NE(out.find("t.yaml:1:1:1:1:E1002:"), std::string::npos) << out.substr(0, 300);
  EXPECT_EQ(out.find(":W1002:"), std::string::npos);
}

TEST(StructureTest, LongNamesAndDescriptions) {
  std::string long_id(256, 'A');
  std::string out = Check("Description: \"" + std::string(1025, 'd') + "\"\nResources:\n  " +
                          long_id + ": {Type: AWS::SNS::Topic}\n");
  EXPECT_NE(out.find(":E1003:Description is 1025 bytes; the limit is 1,024."), std::string::npos);
  EXPECT_NE(out.find(":E3011:Logical id name is 256 characters; the limit is 255."),
            std::string::npos);
}

TEST(StructureTest, TransformShapes) {
  EXPECT_EQ(Check("Transform: [AWS::Serverless-2016-10-31, {Name: AWS::Include, Parameters: "
                  "{Location: s3://b/k}}]\nResources: {T: {Type: AWS::SNS::Topic}}\n"),
            "");
  std::string out = Check(
      "Transform: [1, {Parameters: []}, {Name: X, Extra: 1}]\nResources: {T: {Type: "
      "AWS::SNS::Topic}}\n");
  EXPECT_NE(out.find(":E1005:A transform must be a name or {Name, Parameters}, not a number."),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":E1005:A transform given as a mapping needs a Name (a string)."),
            std::string::npos);
  EXPECT_NE(out.find(":E1005:A transform's Parameters must be a mapping."), std::string::npos);
  EXPECT_NE(out.find(":E1005:Unknown key 'Extra' in a transform"), std::string::npos);
}

TEST(StructureTest, ParameterTypes) {
  for (const char* ok :
       {"String", "Number", "List<Number>", "CommaDelimitedList", "AWS::EC2::KeyPair::KeyName",
        "List<AWS::EC2::Subnet::Id>", "AWS::SSM::Parameter::Name",
        "AWS::SSM::Parameter::Value<String>", "AWS::SSM::Parameter::Value<List<String>>",
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        "AWS::SSM::Parameter::Value<List<AWS::EC2::VPC::Id>>"}) {
    EXPECT_TRUE(IsValidParameterType(ok)) << ok;
  }
  for (const char* bad : {"string", "List<Strng>", "AWS::SSM::Parameter::Value<Test>", "List<>",
                          "AWS::EC2::Foo::Id", ""}) {
    EXPECT_FALSE(IsValidParameterType(bad)) << bad;
  }
}

// The resource type shape check (E3006) is hand-written; it must agree with the regexes it
// replaced, on the tricky names as on the ordinary ones.
TEST(StructureTest, ResourceTypeShapeAgreesWithTheRegexes) {
  const RE2 provider(R"([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?)");
  const RE2 custom(R"(Custom::[A-Za-z0-9_@-]{1,60})");
  const std::vector<std::string> names = {"AWS::S3::Bucket",
                                          "AWS::S3::Bucket::MODULE",
                                          "A::MODULE::C::MODULE",
                                          "MODULE::B::C",
                                          "A::B::C::MODULE::MODULE",
                                          "A::B::C::D",
                                          "A::B",
                                          "A::B::",
                                          "::A::B",
                                          "A:::B::C",
                                          "A::B::C::",
                                          "A::B::C::module",
                                          "AWS_S3_Bucket",
                                          "AWS::S3::Bucket-1",
                                          "Custom::X",
                                          "Custom::",
                                          "Custom::a_b@c-d9",
                                          "Custom::a.b",
                                          "Custom::A::B",
                                          "Custom::" + std::string(60, 'x'),
                                          "Custom::" + std::string(61, 'x'),
                                          "custom::X",
                                          "A::B::C\xc3\xa9",
                                          "Alexa::ASK::Skill"};
  for (const std::string& name : names) {
    bool expected = RE2::FullMatch(name, provider) || RE2::FullMatch(name, custom);
    std::string text = "Resources:\n  R:\n    Type: '" + name + "'\n";
    bool reported = Check(text).find("E3006") != std::string::npos;
    EXPECT_EQ(reported, !expected) << name;
  }
}

TEST(SubVariablesTest, ParsesNamesEscapesAndSpaces) {
  size_t unterminated = 0;
  auto vars =
      ParseSubVariables("a-${X}-${!Lit}-${ Res.Attr }-${AWS::Region}-${open", &unterminated);
  ASSERT_EQ(vars.size(), 3u);
  EXPECT_EQ(vars[0].name, "X");
  EXPECT_EQ(vars[1].name, "Res.Attr");
  EXPECT_EQ(vars[2].name, "AWS::Region");
  EXPECT_EQ(unterminated, std::string("a-${X}-${!Lit}-${ Res.Attr }-${AWS::Region}-").size());
}

}  // namespace
}  // namespace cfnx
