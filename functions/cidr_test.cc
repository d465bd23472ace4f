// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Cidr against vectors computed once by Python's ipaddress (scripts/gen_cidr_vectors.py,
// committed as functions/testdata/cidr_vectors.tsv), plus the AWS documentation examples.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"
#include "functions/functions.h"
#include "tests/testing/golden.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v)
    out += (out.empty() ? "" : ",") + s;
  return out;
}

TEST(CidrTest, MatchesPythonIpaddress) {
  std::ifstream in(testing::SourcePath("functions/testdata/cidr_vectors.tsv"));
  ASSERT_TRUE(in) << "missing functions/testdata/cidr_vectors.tsv";
  std::string line;
  int cases = 0, v6 = 0, errors = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream fields(line);
    std::string block, count, bits, want;
    std::getline(fields, block, '\t');
    std::getline(fields, count, '\t');
    std::getline(fields, bits, '\t');
    std::getline(fields, want, '\t');
    std::vector<std::string> got;
    std::string error;
    bool ok = ComputeCidr(block, std::stoi(count), std::stoi(bits), &got, &error);
    if (want == "ERROR") {
      EXPECT_FALSE(ok) << block << " " << count << " " << bits;
      ++errors;
    } else {
      EXPECT_TRUE(ok) << block << " " << count << " " << bits << ": " << error;
      EXPECT_EQ(Joined(got), want) << block << " " << count << " " << bits;
    }
    v6 += block.find(':') != std::string::npos;
    ++cases;
  }
  EXPECT_GE(cases, 1000);
  EXPECT_GE(v6, 400);
  EXPECT_GE(errors, 50);
}

// AWS examples from the Fn::Cidr documentation.
TEST(CidrTest, DocumentationExamples) {
  EXPECT_EQ(EvalExpr("!Cidr [\"192.168.0.0/24\", 6, 5]").json,
            "[\"192.168.0.0/27\",\"192.168.0.32/27\",\"192.168.0.64/27\",\"192.168.0.96/27\","
            "\"192.168.0.128/27\",\"192.168.0.160/27\"]");
  EXPECT_EQ(EvalExpr("!Select [0, !Cidr [\"2001:db8::/56\", 2, 64]]").json, "\"2001:db8::/64\"");
  EXPECT_EQ(EvalExpr("!Cidr [\"2001:db8::/56\", 2, 64]").json,
            "[\"2001:db8::/64\",\"2001:db8:0:1::/64\"]");
}

TEST(CidrTest, UnknownBlockStaysAFunction) {
  EXPECT_EQ(EvalExpr("!Cidr [!GetAtt Bucket.CidrBlock, 2, 8]").json,
            "{\"Fn::Cidr\":[{\"Fn::GetAtt\":[\"Bucket\",\"CidrBlock\"]},2,8]}");
}

TEST(CidrTest, Errors) {
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.0.0/24\", 300, 2]").codes, "E1024");
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.0.0/24\", 3, 9]").codes, "E1024");
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.0.0/24\", 3, 8]").codes, "E1024") << "only one /24 fits";
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.0.0\", 3, 8]").codes, "E1024");
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.300.0/16\", 3, 8]").codes, "E1024");
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.0.0/16\", x, 8]").codes, "E1024");
  EXPECT_EQ(EvalExpr("!Cidr [\"10.0.0.0/16\", 3]").codes, "E1024");
}

}  // namespace
}  // namespace cfnx
