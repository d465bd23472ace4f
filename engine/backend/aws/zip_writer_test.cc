// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/zip_writer.h"

#include <gtest/gtest.h>

#include "resources/zip_reader.h"

namespace cfnx {
namespace {

uint16_t At16(const std::string& zip, size_t offset) {
  return static_cast<uint16_t>(static_cast<unsigned char>(zip[offset]) |
                               static_cast<unsigned char>(zip[offset + 1]) << 8);
}

TEST(ZipWriterTest, RoundTripsThroughAReader) {
  std::string big(100000, 'a');
  ErrorOr<std::string> zip = WriteZip({{"b/handler.py", "def handler(e, c):\n  return 1\n", false},
                                       {"a.txt", big, false},
                                       {"empty", "", false},
                                       {"bin/run", "#!/bin/sh\n", true}});
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  EXPECT_LT(zip->size(), big.size() / 10) << "deflated";
  ErrorOr<std::vector<ZipFileEntry>> read = ReadZipArchive(*zip);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->size(), 4u);
  // In name order, whatever order they were given in.
  EXPECT_EQ((*read)[0].name, "a.txt");
  EXPECT_EQ((*read)[0].data, big);
  EXPECT_EQ((*read)[1].name, "b/handler.py");
  EXPECT_EQ((*read)[1].data, "def handler(e, c):\n  return 1\n");
  EXPECT_EQ((*read)[2].name, "bin/run");
  EXPECT_EQ((*read)[3].name, "empty");
  EXPECT_EQ((*read)[3].data, "");
}

TEST(ZipWriterTest, SameFilesSameBytesWhateverTheOrder) {
  ErrorOr<std::string> one = WriteZip({{"x", "1", false}, {"y", "2", true}});
  ErrorOr<std::string> two = WriteZip({{"y", "2", true}, {"x", "1", false}});
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(*one, *two);
  ErrorOr<std::string> other = WriteZip({{"x", "1", false}, {"y", "2", false}});
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*one, *other) << "the execute bit is part of the archive";
}

TEST(ZipWriterTest, FixedTimestampAndUnixModes) {
  ErrorOr<std::string> zip = WriteZip({{"run", "x", true}, {"data", "y", false}});
  ASSERT_TRUE(zip.ok());
  // Local header of the first entry ("data"): time 00:00, date 1980-01-01.
  EXPECT_EQ(At16(*zip, 10), 0);
  EXPECT_EQ(At16(*zip, 12), (1 << 5) | 1);
  // Central directory entries carry the Unix mode in the high half of the external attributes.
  size_t first = zip->find(std::string("PK\x01\x02", 4));
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(At16(*zip, first + 40), 0100644);
  size_t second = zip->find(std::string("PK\x01\x02", 4), first + 4);
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(At16(*zip, second + 40), 0100755);
}

TEST(ZipWriterTest, RefusesWhatZipCannotHoldWithoutZip64) {
  std::vector<ZipEntry> many(70000);
  for (size_t i = 0; i < many.size(); ++i) {
    many[i].name = "f" + std::to_string(i);
  }
  ErrorOr<std::string> zip = WriteZip(std::move(many));
  ASSERT_FALSE(zip.ok());
  EXPECT_NE(zip.error().message.find("65,535"), std::string::npos);
  EXPECT_FALSE(WriteZip({{"", "x", false}}).ok());
}

}  // namespace
}  // namespace cfnx
