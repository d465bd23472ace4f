// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/credentials.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

AwsConfigFiles Files(const std::string& credentials, const std::string& config) {
  ErrorOr<AwsConfigFiles> files = ParseAwsConfigFiles(credentials, config);
  EXPECT_TRUE(files.ok()) << files.error().message;
  files->credentials_path = "~/.aws/credentials";
  files->config_path = "~/.aws/config";
  return *files;
}

// Records AssumeRole calls and answers with keys derived from the role.
struct FakeSts {
  std::vector<std::string> calls;
  AssumeRoleFunction Function() {
    return [this](const AwsCredentials& source,
                  const AssumeRoleRequest& r) -> ErrorOr<AwsCredentials> {
      calls.push_back(source.access_key_id + " -> " + r.role_arn + " (" + r.session_name + "," +
                      r.external_id + "," + r.region + ")");
      if (r.role_arn.find("denied") != std::string::npos) {
        return Error{"AccessDenied"};
      }
      return AwsCredentials{"ASIA" + r.role_arn.substr(r.role_arn.rfind('/') + 1), "secret",
                            "token", "", ""};
    };
  }
};

TEST(CredentialsTest, EnvironmentFirst) {
  CredentialOptions o{Env({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                           {"AWS_SECRET_ACCESS_KEY", "s"},
                           {"AWS_SESSION_TOKEN", "t"}}),
                      "", nullptr};
  ErrorOr<AwsCredentials> c = ResolveCredentials(o, Files("[default]\naws_access_key_id=AKIDFILE\n"
                                                          "aws_secret_access_key=x\n",
                                                          ""));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIDENV");
  EXPECT_EQ(c->session_token, "t");
}

TEST(CredentialsTest, ExplicitProfileSkipsTheEnvironment) {
  CredentialOptions o{Env({{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", "s"}}),
                      "dev", nullptr};
  ErrorOr<AwsCredentials> c = ResolveCredentials(
      o, Files("[dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=x\n", ""));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIDDEV");
  EXPECT_EQ(c->source, "profile dev (credentials file)");
}

TEST(CredentialsTest, AwsProfileVariableChoosesTheProfile) {
  CredentialOptions o{Env({{"AWS_PROFILE", "ci"}}), "", nullptr};
  ErrorOr<AwsCredentials> c = ResolveCredentials(
      o, Files("", "[profile ci]\naws_access_key_id=AKIDCI\naws_secret_access_key=x\n"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIDCI");
  EXPECT_EQ(c->source, "profile ci (config file)");
}

TEST(CredentialsTest, CredentialProcess) {
  CredentialOptions o{Env({}), "", nullptr};
  ErrorOr<AwsCredentials> c = ResolveCredentials(
      o, Files("",
               "[default]\ncredential_process = printf '{\"Version\": 1, \"AccessKeyId\": "
               "\"AKIDPROC\", \"SecretAccessKey\": \"p\", \"Expiration\": "
               "\"2030-01-01T00:00:00Z\"}'\n"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "AKIDPROC");
  EXPECT_EQ(c->expiration, "2030-01-01T00:00:00Z");

  ErrorOr<AwsCredentials> failed = ResolveCredentials(
      o, Files("", "[default]\ncredential_process = sh -c 'echo $0; exit 3' SECRETOUT\n"));
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("exit status 3"), std::string::npos);
  EXPECT_EQ(failed.error().message.find("SECRETOUT"), std::string::npos);
  EXPECT_FALSE(ParseProcessCredentials("{\"Version\": 2}", "p").ok());
  EXPECT_FALSE(ParseProcessCredentials("not json", "p").ok());
}

TEST(CredentialsTest, RoleProfilesAssumeThroughSourceProfiles) {
  FakeSts sts;
  CredentialOptions o{Env({}), "deploy", sts.Function()};
  AwsConfigFiles files =
      Files("[base]\naws_access_key_id=AKIDBASE\naws_secret_access_key=x\n",
            "[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\nsource_profile = mid\n"
            "region = eu-west-2\nexternal_id = ext\nrole_session_name = me\n"
            "[profile mid]\nrole_arn = arn:aws:iam::1:role/mid\nsource_profile = base\n");
  ErrorOr<AwsCredentials> c = ResolveCredentials(o, files);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIAdeploy");
  ASSERT_EQ(sts.calls.size(), 2u);
  EXPECT_EQ(sts.calls[1], "ASIAmid -> arn:aws:iam::1:role/deploy (me,ext,eu-west-2)");
  EXPECT_NE(c->source.find("role_arn arn:aws:iam::1:role/deploy"), std::string::npos);
}

TEST(CredentialsTest, RoleProblemsAreErrors) {
  FakeSts sts;
  auto resolve = [&](const std::string& config, const std::string& profile = "r") {
    ErrorOr<AwsCredentials> c =
        ResolveCredentials({Env({}), profile, sts.Function()}, Files("", config));
    return c.ok() ? std::string("ok") : c.error().message;
  };
  EXPECT_EQ(resolve("[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = r\n"),
            "profile r (role_arn arn:aws:iam::1:role/r): source_profile r has no credentials");
  EXPECT_EQ(resolve("[profile r]\nrole_arn = arn:x/a\nsource_profile = s\n"
                    "[profile s]\nrole_arn = arn:x/b\nsource_profile = r\n"),
            "profile r (role_arn arn:x/a): source_profile chain loops back to profile r");
  EXPECT_EQ(
      resolve("[profile r]\nrole_arn = arn:x/denied\nsource_profile = r\n"
              "aws_access_key_id = AKIDSELF12\naws_secret_access_key = x\n"),
      "profile r (role_arn arn:x/denied): AssumeRole with key AKID...LF12 from profile r (config "
      "file) failed: AccessDenied");
  EXPECT_EQ(resolve("[profile r]\nrole_arn = arn:x/a\ncredential_source = Ec2InstanceMetadata\n"),
            "profile r (role_arn arn:x/a): credential_source Ec2InstanceMetadata is not supported "
            "by cfnx (only Environment)");
}

TEST(CredentialsTest, NothingFoundListsWhatWasTried) {
  ErrorOr<AwsCredentials> c = ResolveCredentials({Env({}), "", nullptr}, Files("", ""));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "no AWS credentials found; tried:\n"
            "  - environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY not set\n"
            "  - profile default: not in ~/.aws/credentials or ~/.aws/config\n"
            "  set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile (aws "
            "configure) and pass --profile NAME or set AWS_PROFILE");
  c = ResolveCredentials({Env({}), "", nullptr}, Files("", "[default]\nregion = us-east-1\n"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("profile default: no credential_process"), std::string::npos);
}

TEST(CredentialsTest, DescribeHidesTheSecret) {
  AwsCredentials c{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "tok", "", "environment"};
  EXPECT_EQ(c.Describe(), "key AKIA...MPLE from environment");
}

}  // namespace
}  // namespace cfnx
