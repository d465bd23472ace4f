// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// FileRoots: the directories a template may make cfnx read from.
//
// A template names files of its own: AWS::Include locations, nested-stack TemplateURLs, SAM
// CodeUri/DefinitionUri/SchemaUri, the targets of an --include-map. Templates arrive in pull
// requests and run in CI, so such a name must never reach a file the user did not vouch for
// (`/etc/passwd`, `../../.aws/credentials`): cfnx would print its lines in diagnostics or copy it
// into output. FileRoots resolves a name the way the operating system will open it (`..` folded,
// every symlink followed) and accepts it only when the result is a regular file inside one of
// the roots: the template's own directory tree and the directories the user named on the
// command line (`--include-root`, `--s3-root`, the folder of `--include-map`).
//
//   FileRoots roots;
//   roots.Add("/repo/stacks");                  // the template's directory
//   ErrorOr<std::string> text = roots.Read("/repo/stacks/snippets/a.yaml");
//   if (!text.ok()) report(text.error().message);  // says why, names the roots
//
// Never throws; problems are Errors whose message can be shown to the user as is.

#ifndef CFNX_ENGINE_SOURCE_FILE_ROOTS_H_
#define CFNX_ENGINE_SOURCE_FILE_ROOTS_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "cfnx/error_or.h"

namespace cfnx {

class FileRoots {
 public:
  // Largest file Read() returns: CloudFormation's own template limit through S3 is 1 MB; a
  // snippet or nested template 50 times that is certainly not one.
  static constexpr size_t kMaxFileBytes = 50u << 20;

  // Adds `dir` (made absolute and canonical; a directory that does not exist is ignored, as it
  // can hold nothing). The empty string is ignored too.
  void Add(const std::filesystem::path& dir);
  // Adds the directory holding `file` (a template or a map file).
  void AddDirectoryOf(const std::filesystem::path& file);

  // Whether `path` (absolute, or relative to the working directory) lies inside a root once `..`
  // and symlinks are resolved; a path that does not exist is judged by its lexical form.
  // Callers report a path outside the roots as E5002.
  bool Contains(const std::filesystem::path& path) const;
  // What to tell the user after "<location> is ": names the kinds of roots, not their absolute
  // paths, so messages are the same on every machine.
  static constexpr const char* kOutsideMessage =
      "outside the directories cfnx may read (the template's own directory tree, "
      "--include-root, --s3-root and the --include-map file's directory); pass "
      "--include-root DIR to allow another directory";

  // The canonical path of `path` when it is an existing regular file inside a root; otherwise
  // an Error saying which (missing, not a regular file, outside the roots, a symlink loop).
  ErrorOr<std::string> Resolve(const std::filesystem::path& path) const;
  // Resolve(), then the file's bytes (at most kMaxFileBytes).
  ErrorOr<std::string> Read(const std::filesystem::path& path) const;

  bool empty() const { return roots_.empty(); }
  const std::vector<std::filesystem::path>& roots() const { return roots_; }

 private:
  std::vector<std::filesystem::path> roots_;  // canonical, without duplicates
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_SOURCE_FILE_ROOTS_H_
