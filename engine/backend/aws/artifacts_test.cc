// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/artifacts.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "engine/backend/aws/digest.h"
#include "resources/zip_reader.h"

namespace cfnx {
namespace {

namespace fs = std::filesystem;

class ArtifactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cfnx-artifacts-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    top_ = pattern;
    dir_ = top_ / "app";
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(top_); }

  void Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  // Packages dir_/template.yaml; the diagnostics' ids and messages go to `diags_`.
  std::optional<PackagedTemplate> Package(const std::string& text) {
    Write("template.yaml", text);
    FileId file = sources_.AddFile((dir_ / "template.yaml").string(), text);
    FileRoots roots;
    roots.AddDirectoryOf(dir_ / "template.yaml");
    collector_ = DiagnosticCollector();
    return PackageLocalArtifacts(sources_, file, roots, {"bkt", "pre/", "eu-west-1"}, collector_);
  }

  std::string Diags() {
    std::string out;
    for (const Diagnostic& d : collector_.diagnostics()) {
      out += std::string(GetDiagCodeInfo(d.code).id) + " " + std::to_string(d.range.begin.line) +
             " " + d.path.ToString() + ": " + d.message + "\n";
    }
    return out;
  }

  fs::path top_;
  fs::path dir_;
  SourceManager sources_;
  DiagnosticCollector collector_;
};

TEST_F(ArtifactsTest, ReplacesLocalPathsInPlaceWithContentAddressedKeys) {
  Write("src/app.py", "def handler(e, c):\n  return 1\n");
  Write("src/lib/util.py", "X = 1\n");
  Write("api.yaml", "openapi: 3.0.1\n");
  const std::string text = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src   # comment kept
      Handler: app.handler
  Same:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: "src"
  Raw:
    Type: AWS::Lambda::Function
    Properties:
      Code: src
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: 'api.yaml'
  Remote:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://elsewhere/code.zip
  Computed:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: !Sub "s3://${AWS::Region}-bucket/code.zip"
)";
  std::optional<PackagedTemplate> p = Package(text);
  ASSERT_TRUE(p) << Diags();
  EXPECT_EQ(Diags(), "");
  // One zip for the three references to src/, one file for the API.
  ASSERT_EQ(p->artifacts.size(), 2u);
  const PackagedArtifact& zip = p->artifacts[0];
  EXPECT_EQ(zip.key, "pre/" + Sha256Hex(zip.body) + ".zip");
  EXPECT_EQ(zip.source, "/Resources/Fn/Properties/CodeUri ./src");
  ErrorOr<std::vector<ZipFileEntry>> files = ReadZipArchive(zip.body);
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 2u);
  EXPECT_EQ((*files)[0].name, "app.py");
  EXPECT_EQ((*files)[1].name, "lib/util.py");
  EXPECT_EQ(p->artifacts[1].key, "pre/" + Sha256Hex("openapi: 3.0.1\n") + ".yaml");

  std::string expected = text;
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = expected.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    expected.replace(at, from.size(), to);
  };
  replace("./src", "\"s3://bkt/" + zip.key + "\"");
  replace("\"src\"", "\"s3://bkt/" + zip.key + "\"");
  replace("Code: src", "Code: {\"S3Bucket\": \"bkt\", \"S3Key\": \"" + zip.key + "\"}");
  replace("'api.yaml'", "{\"Bucket\": \"bkt\", \"Key\": \"" + p->artifacts[1].key + "\"}");
  EXPECT_EQ(p->text, expected);
}

// Globals.Function.CodeUri is packaged as SAM CLI packages it (apply_global_values): its S3
// location then reaches every function without a CodeUri through the transform. An escape
// from the template's tree there is refused like any other.
TEST_F(ArtifactsTest, GlobalFunctionCodeUriIsPackaged) {
  Write("src/app.py", "def handler(e, c):\n  return 1\n");
  const std::string text = R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    CodeUri: src/
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
)";
  std::optional<PackagedTemplate> p = Package(text);
  ASSERT_TRUE(p) << Diags();
  ASSERT_EQ(p->artifacts.size(), 1u);
  EXPECT_EQ(p->artifacts[0].source, "/Globals/Function/CodeUri src/");
  std::string expected = text;
  expected.replace(expected.find("src/"), 4, "\"s3://bkt/" + p->artifacts[0].key + "\"");
  EXPECT_EQ(p->text, expected);

  std::optional<PackagedTemplate> escape =
      Package("Globals:\n  Function:\n    CodeUri: ../../etc\nResources: {}\n");
  EXPECT_FALSE(escape);
  EXPECT_NE(Diags().find("E5002 3 /Globals/Function/CodeUri: Local artifact '../../etc' of "
                         "Globals.Function"),
            std::string::npos)
      << Diags();
}

// AWS::Include snippets anywhere in the template (aws-cli's GLOBAL_EXPORT_DICT: every
// Fn::Transform named AWS::Include, long or short form, inside lists too) and the Serverless
// Application Repository's README and licence are uploaded as they are; S3 locations and
// other transforms are left alone, and a missing snippet is refused.
TEST_F(ArtifactsTest, IncludeLocationsAndRepositoryMetadataArePackaged) {
  Write("snippets/bucket.yaml", "Type: AWS::S3::Bucket\n");
  Write("snippets/tags.yaml", "- {Key: team, Value: web}\n");
  Write("README.md", "# app\n");
  Write("LICENSE.txt", "MIT\n");
  Write("snippets/more.yaml", "Topic: {Type: AWS::SNS::Topic}\n");
  const std::string text = R"(Metadata:
  AWS::ServerlessRepo::Application:
    Name: app
    ReadmeUrl: README.md
    LicenseUrl: LICENSE.txt
Resources:
  Bucket:
    Fn::Transform:
      Name: AWS::Include
      Parameters:
        Location: snippets/bucket.yaml
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags:
        - !Transform {Name: AWS::Include, Parameters: {Location: ./snippets/tags.yaml}}
  Remote:
    Fn::Transform:
      Name: AWS::Include
      Parameters:
        Location: s3://bucket/snippet.yaml
  Other:
    Fn::Transform:
      Name: MyMacro
      Parameters:
        Location: snippets/bucket.yaml
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: snippets/more.yaml
)";
  std::optional<PackagedTemplate> p = Package(text);
  ASSERT_TRUE(p) << Diags();
  EXPECT_EQ(Diags(), "");
  ASSERT_EQ(p->artifacts.size(), 5u);
  EXPECT_EQ(p->artifacts[0].source,
            "/Metadata/AWS::ServerlessRepo::Application/ReadmeUrl README.md");
  EXPECT_EQ(p->artifacts[0].key, "pre/" + Sha256Hex("# app\n") + ".md");
  EXPECT_EQ(p->artifacts[1].key, "pre/" + Sha256Hex("MIT\n") + ".txt");
  EXPECT_EQ(p->artifacts[2].source,
            "/Resources/Bucket/Fn::Transform/Parameters/Location snippets/bucket.yaml");
  EXPECT_EQ(p->artifacts[2].body, "Type: AWS::S3::Bucket\n");
  EXPECT_EQ(p->artifacts[3].source,
            "/Resources/Queue/Properties/Tags/0/Fn::Transform/Parameters/Location "
            "./snippets/tags.yaml");
  std::string expected = text;
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = expected.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    expected.replace(at, from.size(), to);
  };
  replace("README.md", "\"s3://bkt/" + p->artifacts[0].key + "\"");
  replace("LICENSE.txt", "\"s3://bkt/" + p->artifacts[1].key + "\"");
  replace("Location: snippets/bucket.yaml", "Location: \"s3://bkt/" + p->artifacts[2].key + "\"");
  replace("./snippets/tags.yaml", "\"s3://bkt/" + p->artifacts[3].key + "\"");
  replace("snippets/more.yaml", "\"s3://bkt/" + p->artifacts[4].key + "\"");
  EXPECT_EQ(p->text, expected);
  EXPECT_EQ(p->artifacts[4].source,
            "/Resources/Fn::Transform/Parameters/Location snippets/more.yaml");
  ASSERT_EQ(p->include_files.size(), 3u);
  EXPECT_EQ(p->include_files.at("s3://bkt/" + p->artifacts[4].key),
            (dir_ / "snippets/more.yaml").string());

  // A value written with an escape cannot be replaced in place: the template is rewritten as
  // JSON, list indices included.
  std::optional<PackagedTemplate> escaped = Package(
      "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n"
      "        - !Transform {Name: AWS::Include, Parameters: {Location: "
      "\"snippets/t\\x61gs.yaml\"}}\n");
  ASSERT_TRUE(escaped) << Diags();
  ASSERT_EQ(escaped->artifacts.size(), 1u);
  EXPECT_NE(escaped->text.find("\"Location\": \"s3://bkt/" + escaped->artifacts[0].key + "\""),
            std::string::npos)
      << escaped->text;

  std::optional<PackagedTemplate> missing = Package(
      "Resources:\n  B:\n    Fn::Transform:\n      Name: AWS::Include\n      Parameters:\n"
      "        Location: nowhere.yaml\n");
  EXPECT_FALSE(missing);
  EXPECT_NE(Diags().find("E9013 6 /Resources/B/Fn::Transform/Parameters/Location: Local artifact "
                         "'nowhere.yaml' of the AWS::Include transform cannot be packaged"),
            std::string::npos)
      << Diags();
}

TEST_F(ArtifactsTest, TheSameTreeGivesTheSameKeyWhateverTheFileTimes) {
  Write("src/a.py", "a = 1\n");
  Write("src/b.py", "b = 2\n");
  const std::string text =
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      CodeUri: src\n";
  std::optional<PackagedTemplate> first = Package(text);
  ASSERT_TRUE(first) << Diags();
  fs::last_write_time(dir_ / "src/a.py", fs::file_time_type::clock::now() - std::chrono::hours(5));
  std::optional<PackagedTemplate> second = Package(text);
  ASSERT_TRUE(second) << Diags();
  EXPECT_EQ(first->artifacts[0].key, second->artifacts[0].key);
  Write("src/b.py", "b = 3\n");
  std::optional<PackagedTemplate> changed = Package(text);
  ASSERT_TRUE(changed) << Diags();
  EXPECT_NE(first->artifacts[0].key, changed->artifacts[0].key);
}

TEST_F(ArtifactsTest, NestedTemplatesArePackagedWithTheirOwnArtifacts) {
  Write("nested/child.json", R"({"Resources": {"Fn": {"Type": "AWS::Lambda::Function",
    "Properties": {"Code": "code"}}}})");
  Write("nested/code/index.js", "exports.handler = async () => 1;\n");
  std::optional<PackagedTemplate> p = Package(
      "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
      "      TemplateURL: nested/child.json\n");
  ASSERT_TRUE(p) << Diags();
  ASSERT_EQ(p->artifacts.size(), 2u);
  const PackagedArtifact& code = p->artifacts[0];
  const PackagedArtifact& child = p->artifacts[1];
  EXPECT_NE(child.body.find("\"Code\": {\"S3Bucket\": \"bkt\", \"S3Key\": \"" + code.key + "\"}"),
            std::string::npos)
      << child.body;
  EXPECT_EQ(child.key, "pre/" + Sha256Hex(child.body) + ".template");
  EXPECT_NE(
      p->text.find("TemplateURL: \"https://s3.eu-west-1.amazonaws.com/bkt/" + child.key + "\""),
      std::string::npos)
      << p->text;
}

TEST_F(ArtifactsTest, PathsOutsideTheTemplatesTreeAreRefused) {
  std::ofstream(top_ / "secret.txt") << "secret\n";
  Write("src/ok.py", "x = 1\n");
  fs::create_symlink(top_ / "secret.txt", dir_ / "src" / "link.txt");
  std::optional<PackagedTemplate> p = Package(
      "Resources:\n"
      "  Up:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      CodeUri: ../secret.txt\n"
      "  Linked:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      CodeUri: src\n"
      "  Missing:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
      "      DefinitionUri: nowhere.asl.json\n");
  EXPECT_FALSE(p);
  std::string diags = Diags();
  EXPECT_NE(diags.find("E5002 5 /Resources/Up/Properties/CodeUri: Local artifact '../secret.txt' "
                       "of Up (AWS::Serverless::Function) is outside the directories"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("E5002 9 /Resources/Linked/Properties/CodeUri: Local artifact 'src' of "
                       "Linked (AWS::Serverless::Function) 'link.txt' (in the artifact "
                       "directory) leads outside"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("E9013 13 /Resources/Missing/Properties/DefinitionUri: Local artifact "
                       "'nowhere.asl.json' of Missing (AWS::Serverless::StateMachine) cannot be "
                       "packaged: "),
            std::string::npos)
      << diags;
  EXPECT_EQ(diags.find("secret\n"), std::string::npos);
}

TEST_F(ArtifactsTest, ImagesOutsideEcrAreRefusedWithWhatToDo) {
  const std::string ecr = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1";
  std::optional<PackagedTemplate> p = Package(
      "Transform: AWS::Serverless-2016-10-31\n"
      "Globals:\n  Function:\n    ImageUri: base:latest\n"
      "Resources:\n"
      "  Local:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      PackageType: Image\n      ImageUri: myapp:latest\n"
      "  Raw:\n    Type: AWS::Lambda::Function\n    Properties:\n"
      "      PackageType: Image\n      Code:\n        ImageUri: docker.io/library/app:2\n"
      "  InEcr:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      PackageType: Image\n      ImageUri: " +
      ecr +
      "\n"
      "  Computed:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      PackageType: Image\n      ImageUri: !Sub '${AWS::AccountId}.dkr.ecr.x/app'\n");
  EXPECT_FALSE(p);
  std::string diags = Diags();
  EXPECT_NE(diags.find("E9013 10 /Resources/Local/Properties/ImageUri: Container image "
                       "'myapp:latest' of Local (AWS::Serverless::Function) cannot be packaged: "
                       "it is not an Amazon ECR image URI"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("E9013 16 /Resources/Raw/Properties/Code/ImageUri: Container image "
                       "'docker.io/library/app:2' of Raw (AWS::Lambda::Function)"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("E9013 4 /Globals/Function/ImageUri: Container image 'base:latest' of "
                       "Globals.Function"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("Push it to ECR first"), std::string::npos) << diags;
  EXPECT_EQ(diags.find("InEcr"), std::string::npos) << diags;
  EXPECT_EQ(diags.find("Computed"), std::string::npos) << diags;
  EXPECT_EQ(collector_.diagnostics().size(), 3u) << diags;

  // Only ECR images: packaged, left as they are.
  std::optional<PackagedTemplate> ok = Package(
      "Resources:\n  InEcr:\n    Type: AWS::Serverless::Function\n    Properties:\n"
      "      PackageType: Image\n      ImageUri: " +
      ecr + "\n");
  ASSERT_TRUE(ok) << Diags();
  EXPECT_TRUE(ok->artifacts.empty());
}

TEST_F(ArtifactsTest, ATemplateNestingItselfIsRefused) {
  std::optional<PackagedTemplate> p = Package(
      "Resources:\n  Me:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
      "      TemplateURL: template.yaml\n");
  EXPECT_FALSE(p);
  EXPECT_NE(Diags().find("nests the template that contains it"), std::string::npos) << Diags();
}

TEST_F(ArtifactsTest, WithoutLocalArtifactsTheTextIsUnchanged) {
  const std::string text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n";
  std::optional<PackagedTemplate> p = Package(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->text, text);
  EXPECT_TRUE(p->artifacts.empty());
  // Not a template: returned as is, compiling it reports the problem.
  std::optional<PackagedTemplate> broken = Package("Resources: [\n");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->text, "Resources: [\n");
}

}  // namespace
}  // namespace cfnx
