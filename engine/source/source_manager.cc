// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <algorithm>
#include <cstring>

#include "cfnx/source.h"

namespace cfnx {

SourceManager::SourceManager() {
  files_.emplace_back();
}  // id 0: no file

FileId SourceManager::AddFile(std::string name, std::string contents) {
  File file;
  file.name = std::move(name);
  file.contents = std::move(contents);
  file.line_starts.push_back(0);
  const std::string& text = file.contents;
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    ++p;
    file.line_starts.push_back(static_cast<uint32_t>(p - begin));
  }
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

const std::string& SourceManager::name(FileId id) const {
  return files_.at(id).name;
}

std::string_view SourceManager::contents(FileId id) const {
  return files_.at(id).contents;
}

std::string_view SourceManager::LineText(FileId id, uint32_t line) const {
  const File& file = files_.at(id);
  if (line == 0 || line > file.line_starts.size()) {
    return {};
  }
  size_t begin = file.line_starts[line - 1];
  size_t end = line < file.line_starts.size() ? file.line_starts[line] : file.contents.size();
  std::string_view text(file.contents.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

SourceLoc SourceManager::LocFromOffset(FileId id, size_t offset) const {
  const File& file = files_.at(id);
  offset = std::min(offset, file.contents.size());
  auto it = std::upper_bound(file.line_starts.begin(), file.line_starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - file.line_starts.begin());
  uint32_t column = static_cast<uint32_t>(offset - file.line_starts[line - 1]) + 1;
  return SourceLoc{id, line, column};
}

size_t SourceManager::OffsetFromLoc(const SourceLoc& loc) const {
  const File& file = files_.at(loc.file);
  if (loc.line == 0 || loc.line > file.line_starts.size()) {
    return file.contents.size();
  }
  return std::min<size_t>(file.line_starts[loc.line - 1] + loc.column - 1, file.contents.size());
}

}  // namespace cfnx
