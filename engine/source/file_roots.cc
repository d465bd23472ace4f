// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/source/file_roots.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace cfnx {
namespace fs = std::filesystem;
namespace {

// Whether canonical `path` is `root` or lies below it (component-wise, so /a/bc is not below
// /a/b).
bool IsUnder(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty())  // a trailing separator
      continue;
    if (p == path.end() || *p != *r)
      return false;
  }
  return true;
}

std::string RootList(const std::vector<fs::path>& roots) {
  std::string out;
  for (const fs::path& r : roots)
    out += (out.empty() ? "'" : ", '") + r.generic_string() + "'";
  return out.empty() ? "(none)" : out;
}

}  // namespace

void FileRoots::Add(const fs::path& dir) {
  if (dir.empty())
    return;
  std::error_code ec;
  fs::path canonical = fs::canonical(fs::absolute(dir, ec), ec);
  if (ec || !fs::is_directory(canonical, ec))
    return;
  if (std::find(roots_.begin(), roots_.end(), canonical) == roots_.end())
    roots_.push_back(canonical);
}

void FileRoots::AddDirectoryOf(const fs::path& file) {
  if (file.empty())
    return;
  fs::path parent = file.parent_path();
  Add(parent.empty() ? fs::path(".") : parent);
}

bool FileRoots::Contains(const fs::path& path) const {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec)
    return false;
  fs::path resolved = fs::canonical(absolute, ec);
  if (ec)
    resolved = absolute.lexically_normal();
  return std::any_of(roots_.begin(), roots_.end(),
                     [&](const fs::path& root) { return IsUnder(resolved, root); });
}

ErrorOr<std::string> FileRoots::Resolve(const fs::path& path) const {
  std::string shown = path.generic_string();
  if (!Contains(path)) {
    // Checked before existence, so a probe for files outside the roots learns nothing about
    // what exists there.
    return Error{"'" + shown + "' is " + kOutsideMessage + " (roots: " + RootList(roots_) + ")"};
  }
  std::error_code ec;
  fs::path canonical = fs::canonical(fs::absolute(path, ec), ec);
  if (ec) {
    if (ec == std::errc::too_many_symbolic_link_levels)
      return Error{"cannot read '" + shown + "': a symlink loop"};
    return Error{"cannot read '" + shown + "': " + ec.message()};
  }
  if (!fs::is_regular_file(canonical, ec))
    return Error{"cannot read '" + shown + "': not a regular file"};
  return canonical.generic_string();
}

ErrorOr<std::string> FileRoots::Read(const fs::path& path) const {
  CFNX_ASSIGN_OR_RETURN(std::string file, Resolve(path));
  std::error_code ec;
  uintmax_t size = fs::file_size(file, ec);
  if (!ec && size > kMaxFileBytes) {
    return Error{"cannot read '" + path.generic_string() + "': " + std::to_string(size) +
                 " bytes, more than the " + std::to_string(kMaxFileBytes >> 20) + " MB limit"};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return Error{"cannot read '" + path.generic_string() + "': " + std::strerror(errno)};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace cfnx
