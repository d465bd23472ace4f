// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/source/file_roots.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

namespace cfnx {
namespace {
namespace fs = std::filesystem;

class FileRootsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cfnx_file_roots_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "repo" / "snippets");
    fs::create_directories(dir_ / "outside");
    Write(dir_ / "repo" / "snippets" / "a.yaml", "A: 1\n");
    Write(dir_ / "outside" / "secret.txt", "password\n");
    roots_.Add(dir_ / "repo");
  }
  void TearDown() override { fs::remove_all(dir_); }
  static void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  fs::path dir_;
  FileRoots roots_;
};

TEST_F(FileRootsTest, ReadsAFileInsideARoot) {
  ErrorOr<std::string> text = roots_.Read(dir_ / "repo" / "snippets" / "a.yaml");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "A: 1\n");
  EXPECT_TRUE(roots_.Read(dir_ / "repo" / "snippets" / ".." / "snippets" / "a.yaml").ok());
}

TEST_F(FileRootsTest, RefusesAbsolutePathsOutside) {
  EXPECT_FALSE(roots_.Contains("/etc/passwd"));
  ErrorOr<std::string> text = roots_.Read("/etc/passwd");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("outside the directories cfnx may read"), std::string::npos)
      << text.error().message;
  EXPECT_NE(text.error().message.find("--include-root"), std::string::npos);
}

TEST_F(FileRootsTest, RefusesDotDotEscapes) {
  fs::path escape = dir_ / "repo" / "snippets" / ".." / ".." / "outside" / "secret.txt";
  EXPECT_FALSE(roots_.Contains(escape));
  EXPECT_FALSE(roots_.Read(escape).ok());
  EXPECT_FALSE(roots_.Read(dir_ / "repo" / "../../../../../../etc/passwd").ok());
}

TEST_F(FileRootsTest, RefusesSymlinksThatLeadOutside) {
  fs::create_symlink(dir_ / "outside" / "secret.txt", dir_ / "repo" / "link.txt");
  fs::create_directory_symlink(dir_ / "outside", dir_ / "repo" / "linkdir");
  EXPECT_FALSE(roots_.Contains(dir_ / "repo" / "link.txt"));
  EXPECT_FALSE(roots_.Read(dir_ / "repo" / "link.txt").ok());
  EXPECT_FALSE(roots_.Read(dir_ / "repo" / "linkdir" / "secret.txt").ok());
}

TEST_F(FileRootsTest, FollowsSymlinksThatStayInside) {
  fs::create_symlink(dir_ / "repo" / "snippets" / "a.yaml", dir_ / "repo" / "b.yaml");
  ErrorOr<std::string> text = roots_.Read(dir_ / "repo" / "b.yaml");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "A: 1\n");
}

TEST_F(FileRootsTest, SymlinkLoopIsAnErrorNotAHang) {
  fs::create_symlink(dir_ / "repo" / "loop2", dir_ / "repo" / "loop1");
  fs::create_symlink(dir_ / "repo" / "loop1", dir_ / "repo" / "loop2");
  ErrorOr<std::string> text = roots_.Read(dir_ / "repo" / "loop1");
  ASSERT_FALSE(text.ok());
}

TEST_F(FileRootsTest, RefusesDirectoriesAndSiblingPrefixes) {
  EXPECT_FALSE(roots_.Read(dir_ / "repo" / "snippets").ok());
  fs::create_directories(dir_ / "repo-evil");
  Write(dir_ / "repo-evil" / "x.yaml", "X: 1\n");
  EXPECT_FALSE(roots_.Contains(dir_ / "repo-evil" / "x.yaml"));
}

TEST_F(FileRootsTest, NoRootsReadNothing) {
  FileRoots none;
  EXPECT_FALSE(none.Read(dir_ / "repo" / "snippets" / "a.yaml").ok());
}

TEST_F(FileRootsTest, AddedRootsWiden) {
  roots_.Add(dir_ / "outside");
  EXPECT_TRUE(roots_.Read(dir_ / "outside" / "secret.txt").ok());
}

}  // namespace
}  // namespace cfnx
