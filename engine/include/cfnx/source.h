// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/source.h
//
// Source positions and the `SourceManager` that owns the text of every file cfnx reads.
// Positions are 1-based lines and columns counted in bytes; line 0 means "unknown" (for
// example a node a transform synthesized without an origin). A `FileId` is an index into
// one `SourceManager`; id 0 is reserved for "no file".
//
//   cfnx::SourceManager sources;
//   cfnx::FileId id = sources.AddFile("t.yaml", "Resources: {}\n");
//   std::string_view line = sources.LineText(id, 1);   // "Resources: {}"

#ifndef CFNX_ENGINE_INCLUDE_CFNX_SOURCE_H_
#define CFNX_ENGINE_INCLUDE_CFNX_SOURCE_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace cfnx {

using FileId = uint32_t;

struct SourceLoc {
  FileId file = 0;
  uint32_t line = 0;    // 1-based; 0 = unknown
  uint32_t column = 0;  // 1-based byte column
  bool known() const { return line != 0; }
  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

// [begin, end): end is the position just after the last byte of the range.
struct SourceRange {
  SourceLoc begin;
  SourceLoc end;
  bool known() const { return begin.known(); }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// Owns file names and contents for the lifetime of a compilation. Stable: the text a
// string_view points into lives as long as the SourceManager.
class SourceManager {
 public:
  SourceManager();
  SourceManager(const SourceManager&) = delete;
  SourceManager& operator=(const SourceManager&) = delete;

  // Registers `contents` under `name` (as the user spelled the path) and returns its id.
  FileId AddFile(std::string name, std::string contents);

  const std::string& name(FileId id) const;
  std::string_view contents(FileId id) const;
  // The text of 1-based `line` without its line terminator; empty past the end.
  std::string_view LineText(FileId id, uint32_t line) const;
  // Converts a byte offset into a 1-based position.
  SourceLoc LocFromOffset(FileId id, size_t offset) const;
  // Converts a 1-based position back to a byte offset (clamped to the file).
  size_t OffsetFromLoc(const SourceLoc& loc) const;
  size_t file_count() const { return files_.size() - 1; }

 private:
  struct File {
    std::string name;
    std::string contents;
    std::vector<uint32_t> line_starts;  // byte offset of each line's first byte
  };
  std::deque<File> files_;  // deque: references stay valid as files are added
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_SOURCE_H_
