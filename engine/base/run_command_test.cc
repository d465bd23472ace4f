// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/base/run_command.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

TEST(RunCommandTest, PassesInputAndCollectsOutput) {
  CommandRun run = RunCommand("tr a-z A-Z; echo note >&2", "hello\n", 10);
  EXPECT_TRUE(run.ok());
  EXPECT_EQ(run.out, "HELLO\n");
  EXPECT_EQ(run.err, "note\n");
  EXPECT_EQ(run.Failure("x", 10), "");
}

TEST(RunCommandTest, ReportsExitStatusWithTheLastLineOfStderr) {
  CommandRun run = RunCommand("echo first >&2; echo 'it broke' >&2; exit 3", "", 10);
  EXPECT_FALSE(run.ok());
  EXPECT_TRUE(run.exited);
  EXPECT_EQ(run.exit_status, 3);
  EXPECT_EQ(run.Failure("the macro 'M'", 10), "the macro 'M' exited with status 3: it broke");
}

TEST(RunCommandTest, KillsACommandThatOutlivesItsTimeLimit) {
  CommandRun run = RunCommand("sleep 30", "", 1);
  EXPECT_TRUE(run.timed_out);
  EXPECT_EQ(run.Failure("the handler 'h'", 1), "the handler 'h' did not answer within 1 seconds");
}

TEST(RunCommandTest, ACommandThatDoesNotReadItsInputIsFine) {
  std::string big(1 << 20, 'x');
  CommandRun run = RunCommand("echo done", big, 10);
  EXPECT_TRUE(run.ok());
  EXPECT_EQ(run.out, "done\n");
}

}  // namespace
}  // namespace cfnx
