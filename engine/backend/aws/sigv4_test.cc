// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfnx's SigV4 signer against botocore's SigV4Auth/S3SigV4Auth: tests/golden/aws/
// sigv4_vectors.json holds requests botocore signed at a fixed clock (sigv4_vectors.py wrote
// it), and, where python3 and botocore are installed, the script is run again to check the
// committed vectors are still what botocore computes.

#include "engine/backend/aws/sigv4.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/backend/aws/digest.h"
#include "tests/testing/paths.h"

namespace cfnx {
namespace {

const std::string kVectors = cfnx::testing::SourceDir() + "/tests/golden/aws/sigv4_vectors.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

AwsCredentials TestCredentials(const nlohmann::json& c) {
  AwsCredentials creds;
  creds.access_key_id = "AKIDEXAMPLE12345678";
  creds.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  if (c.contains("token") && c["token"].is_string()) {
    creds.session_token = c["token"].get<std::string>();
  }
  return creds;
}

TEST(SigV4Test, DigestsMatchKnownValues) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // RFC 4231 test case 2.
  EXPECT_EQ(HexDigest(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(SigV4Test, MatchesBotocoreVectors) {
  nlohmann::json vectors = nlohmann::json::parse(ReadFile(kVectors));
  ASSERT_GE(vectors.size(), 8u);
  for (const nlohmann::json& c : vectors) {
    SCOPED_TRACE(c["name"].get<std::string>());
    HttpRequest request;
    request.method = c["method"];
    request.url = c["url"];
    request.body = c["body"];
    for (const nlohmann::json& h : c["headers"]) {
      request.headers.emplace_back(h[0], h[1]);
    }
    ErrorOr<SigV4Result> signed_request = SignV4(
        request, TestCredentials(c), {c["service"], c["region"]}, c["amz_date"].get<std::string>());
    ASSERT_TRUE(signed_request.ok()) << signed_request.error().message;
    EXPECT_EQ(signed_request->canonical_request, c["canonical_request"].get<std::string>());
    EXPECT_EQ(signed_request->string_to_sign, c["string_to_sign"].get<std::string>());
    HttpHeaders want;
    for (const nlohmann::json& h : c["signed_headers"]) {
      want.emplace_back(h[0], h[1]);
    }
    // The same headers and values (repeated names kept), whatever their order.
    auto normalized = [](HttpHeaders headers) {
      for (auto& [name, value] : headers) {
        for (char& ch : name) {
          ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
      }
      std::sort(headers.begin(), headers.end());
      return headers;
    };
    EXPECT_EQ(normalized(request.headers), normalized(want));
  }
}

TEST(SigV4Test, VectorsAreWhatBotocoreComputesNow) {
  std::string script = cfnx::testing::SourceDir() + "/tests/golden/aws/sigv4_vectors.py";
  if (std::system("python3 -c 'import botocore' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with botocore is not installed";
  }
  FILE* pipe = popen(("python3 " + script).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    out.append(buffer, n);
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(ReadFile(kVectors)));
}

TEST(SigV4Test, ResigningReplacesTheOldSignature) {
  HttpRequest request{"POST", "https://sts.amazonaws.com/", {}, "Action=GetCallerIdentity"};
  AwsCredentials creds{"AKIDEXAMPLE12345678", "secret", "", "", "test"};
  ASSERT_TRUE(SignV4(request, creds, {"sts", "us-east-1"}, "20260101T000000Z").ok());
  ErrorOr<SigV4Result> again = SignV4(request, creds, {"sts", "us-east-1"}, "20260101T000001Z");
  ASSERT_TRUE(again.ok());
  int authorizations = 0;
  for (const auto& h : request.headers) {
    authorizations += h.first == "Authorization" ? 1 : 0;
  }
  EXPECT_EQ(authorizations, 1);
  EXPECT_EQ(*FindHeader(request.headers, "x-amz-date"), "20260101T000001Z");
  EXPECT_EQ(again->canonical_request.find("authorization"), std::string::npos);
}

TEST(SigV4Test, AmzDateIsUtc) {
  EXPECT_EQ(AmzDate(std::chrono::system_clock::from_time_t(1772600767)), "20260304T050607Z");
}

}  // namespace
}  // namespace cfnx
