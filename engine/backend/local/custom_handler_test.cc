// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/custom_handler.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

CustomRequest Request(const std::string& type = "Create") {
  CustomRequest r;
  r.request_type = type;
  r.stack_id = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1";
  r.request_id = "req-1";
  r.resource_type = "Custom::Db";
  r.logical_id = "Db";
  r.physical_id = type == "Create" ? "" : "db-1";
  r.properties = {{"ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:f"},
                  {"Name", "one"}};
  if (type == "Update") {
    r.old_properties = {{"ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:f"},
                        {"Name", "zero"}};
  }
  return r;
}

TEST(CustomHandlerTest, TheRequestHasCloudFormationsShape) {
  StoreJson create = CustomRequestJson(Request());
  EXPECT_EQ(create["RequestType"], "Create");
  EXPECT_EQ(create["LogicalResourceId"], "Db");
  EXPECT_EQ(create["ResourceType"], "Custom::Db");
  EXPECT_EQ(create["ServiceToken"], "arn:aws:lambda:us-east-1:123456789012:function:f");
  EXPECT_EQ(create["ResourceProperties"]["Name"], "one");
  EXPECT_FALSE(create.contains("PhysicalResourceId"));
  EXPECT_FALSE(create.contains("OldResourceProperties"));
  StoreJson update = CustomRequestJson(Request("Update"));
  EXPECT_EQ(update["PhysicalResourceId"], "db-1");
  EXPECT_EQ(update["OldResourceProperties"]["Name"], "zero");
}

TEST(CustomHandlerTest, ASuccessGivesThePhysicalIdAndData) {
  // The handler echoes a property it read from its input, so the request really reached it.
  CustomResponse r = RunCustomHandler(
      "python3 -c 'import json,sys; q=json.load(sys.stdin); "
      "print(json.dumps({\"Status\": \"SUCCESS\", \"PhysicalResourceId\": \"db-\" + "
      "q[\"ResourceProperties\"][\"Name\"], \"Data\": {\"Port\": \"5432\"}, \"NoEcho\": True}))'",
      Request(), 30);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.physical_id, "db-one");
  EXPECT_EQ(r.data["Port"], "5432");
  EXPECT_TRUE(r.no_echo);
}

TEST(CustomHandlerTest, AnUpdateWithoutAPhysicalIdKeepsTheOldOne) {
  CustomResponse r =
      RunCustomHandler("cat >/dev/null; echo '{\"Status\": \"SUCCESS\"}'", Request("Update"), 30);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.physical_id, "db-1");
}

TEST(CustomHandlerTest, FailuresSayWhy) {
  CustomResponse failed = RunCustomHandler(
      "echo '{\"Status\": \"FAILED\", \"Reason\": \"quota reached\"}'", Request(), 30);
  EXPECT_FALSE(failed.ok);
  EXPECT_EQ(failed.reason, "quota reached");

  CustomResponse no_id = RunCustomHandler("echo '{\"Status\": \"SUCCESS\"}'", Request(), 30);
  EXPECT_FALSE(no_id.ok);
  EXPECT_NE(no_id.reason.find("Invalid PhysicalResourceId"), std::string::npos) << no_id.reason;

  CustomResponse garbage = RunCustomHandler("echo hello", Request(), 30);
  EXPECT_FALSE(garbage.ok);
  EXPECT_NE(garbage.reason.find("not a JSON response"), std::string::npos) << garbage.reason;

  CustomResponse status = RunCustomHandler("echo '{\"Status\": \"OK\"}'", Request(), 30);
  EXPECT_FALSE(status.ok);
  EXPECT_NE(status.reason.find("Status 'OK'"), std::string::npos) << status.reason;

  CustomResponse exit_code = RunCustomHandler("echo 'boom' >&2; exit 3", Request(), 30);
  EXPECT_FALSE(exit_code.ok);
  EXPECT_NE(exit_code.reason.find("exited with status 3: boom"), std::string::npos)
      << exit_code.reason;

  CustomResponse data = RunCustomHandler(
      "echo '{\"Status\": \"SUCCESS\", \"PhysicalResourceId\": \"x\", \"Data\": [1]}'", Request(),
      30);
  EXPECT_FALSE(data.ok);
  EXPECT_NE(data.reason.find("Data must be an object"), std::string::npos) << data.reason;
}

TEST(CustomHandlerTest, AHandlerThatHangsIsStoppedAtTheTimeout) {
  CustomResponse r = RunCustomHandler("sleep 30", Request(), 1);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.reason.find("did not answer within 1 seconds"), std::string::npos) << r.reason;
}

TEST(CustomHandlerTest, AHandlerThatIgnoresItsInputDoesNotKillCfnx) {
  // A request far larger than a pipe's buffer, to a handler that exits without reading it:
  // writing it must not raise SIGPIPE in this process.
  CustomRequest big = Request();
  big.properties["Blob"] = std::string(1 << 20, 'x');
  CustomResponse r =
      RunCustomHandler("echo '{\"Status\": \"SUCCESS\", \"PhysicalResourceId\": \"p\"}'", big, 30);
  ASSERT_TRUE(r.ok) << r.reason;
  EXPECT_EQ(r.physical_id, "p");
}

}  // namespace
}  // namespace cfnx
