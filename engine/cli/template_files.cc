// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/template_files.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>
#include <thread>

namespace cfnx {
namespace fs = std::filesystem;
namespace {

bool IsTemplateName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

}  // namespace

ErrorOr<std::vector<std::string>> ExpandTemplateArgs(const std::vector<std::string>& args) {
  ErrorOr<std::vector<TemplateArg>> named = ExpandTemplateArgsWithNames(args);
  if (!named.ok())
    return named.error();
  std::vector<std::string> out;
  out.reserve(named->size());
  for (TemplateArg& t : *named)
    out.push_back(std::move(t.path));
  return out;
}

ErrorOr<std::vector<TemplateArg>> ExpandTemplateArgsWithNames(
    const std::vector<std::string>& args) {
  std::vector<TemplateArg> out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_directory(arg, ec)) {
      // A file (its absence is reported when it is read).
      out.push_back({arg, arg == "-" ? arg : fs::path(arg).filename().generic_string()});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    if (ec)
      return Error{"cannot read directory '" + arg + "': " + ec.message()};
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec)
        return Error{"cannot read directory '" + arg + "': " + ec.message()};
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec))
          it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && IsTemplateName(p))
        found.push_back(p.generic_string());
    }
    if (found.empty())
      return Error{"directory '" + arg + "' holds no template (*.yaml, *.yml, *.json, *.template)"};
    std::sort(found.begin(), found.end());
    for (const std::string& f : found)
      out.push_back({f, fs::path(f).lexically_relative(arg).generic_string()});
  }
  return out;
}

void RunInParallel(size_t count, int jobs, const std::function<void(size_t)>& job) {
  size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(jobs, 1)));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i)
      job(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < count; i = next++)
      job(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool)
    t.join();
}

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace cfnx
