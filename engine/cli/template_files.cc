// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/template_files.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fnmatch.h>
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

bool HasWildcard(std::string_view s) {
  return s.find_first_of("*?[") != std::string_view::npos;
}

bool Hidden(const std::string& name) {
  return !name.empty() && name[0] == '.';
}

// Python's glob.glob(pattern, recursive=True), which cfn-lint expands its template arguments
// and `templates:` entries with: `*`, `?` and `[...]` within one path component, `**` for zero
// or more directories (or, last, every file below), names starting with "." matched only by a
// component that starts with "." too. `base` is the path so far ("", "/" or ending in "/");
// `parts` the pattern's components. Only regular files are templates.
void Glob(const std::string& base, const std::vector<std::string>& parts, size_t i,
          std::vector<std::string>* out) {
  std::error_code ec;
  const std::string& part = parts[i];
  bool last = i + 1 == parts.size();
  fs::path dir = base.empty() ? fs::path(".") : fs::path(base);
  auto each_entry =
      [&](const std::function<void(const std::string&, const fs::directory_entry&)>& visit) {
        fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec))
          visit(it->path().filename().string(), *it);
      };
  if (part == "**") {
    if (!last)
      Glob(base, parts, i + 1, out);  // zero directories
    each_entry([&](const std::string& name, const fs::directory_entry& e) {
      if (Hidden(name))
        return;
      std::error_code ec2;
      if (last && e.is_regular_file(ec2))
        out->push_back(base + name);
      else if (e.is_directory(ec2) && !e.is_symlink(ec2))  // no loops through symlinks
        Glob(base + name + "/", parts, i, out);
    });
    return;
  }
  if (!HasWildcard(part)) {
    std::string path = base + part;
    if (last && fs::is_regular_file(path, ec))
      out->push_back(path);
    else if (!last && fs::is_directory(path, ec))
      Glob(path + "/", parts, i + 1, out);
    return;
  }
  each_entry([&](const std::string& name, const fs::directory_entry& e) {
    if (Hidden(name) && part[0] != '.')
      return;
    if (fnmatch(part.c_str(), name.c_str(), 0) != 0)
      return;
    std::error_code ec2;
    if (last && e.is_regular_file(ec2))
      out->push_back(base + name);
    else if (!last && e.is_directory(ec2))
      Glob(base + name + "/", parts, i + 1, out);
  });
}

// The files `pattern` matches, sorted, each with its path below the pattern's literal leading
// directories ("stacks/**/*.yaml": below "stacks").
std::vector<TemplateArg> ExpandGlob(const std::string& pattern) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : pattern) {
    if (c == '/') {
      if (!part.empty())
        parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty())
    parts.push_back(part);
  std::string base = !pattern.empty() && pattern[0] == '/' ? "/" : "";
  std::string literal = base;
  for (size_t i = 0; i + 1 < parts.size() && !HasWildcard(parts[i]); ++i)
    literal += parts[i] + "/";
  std::vector<std::string> found;
  if (!parts.empty())
    Glob(base, parts, 0, &found);
  for (std::string& f : found)
    f = fs::path(f).lexically_normal().generic_string();
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<TemplateArg> out;
  fs::path root = literal.empty() ? fs::path(".") : fs::path(literal);
  for (const std::string& f : found)
    out.push_back({f, fs::path(f).lexically_relative(root.lexically_normal()).generic_string()});
  return out;
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
    // A quoted glob the shell left alone (or a .cfnlintrc `templates:` entry), unless a file
    // has that very name.
    if (arg != "-" && HasWildcard(arg) && !fs::exists(arg, ec)) {
      std::vector<TemplateArg> matched = ExpandGlob(arg);
      if (matched.empty())
        return Error{"no template matches '" + arg + "'"};
      out.insert(out.end(), matched.begin(), matched.end());
      continue;
    }
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
