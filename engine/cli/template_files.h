// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Which templates a command line names, and running a per-template job over them on several
// threads with results in command-line order.
//
// `cfnx validate a.yaml stacks/ -` checks a.yaml, every template under stacks/ (recursively,
// files ending in .yaml, .yml, .json or .template, as cfn-lint's default globs pick them; hidden
// directories skipped; sorted by path so the order never depends on the file system) and the
// template read from standard input. A quoted glob is expanded as cfn-lint expands its template
// arguments (Python's glob with recursive=True): `cfnx validate 'stacks/**/*.yaml'` checks
// every .yaml file in stacks/ and below, hidden ones aside, sorted by path.

#ifndef CFNX_ENGINE_CLI_TEMPLATE_FILES_H_
#define CFNX_ENGINE_CLI_TEMPLATE_FILES_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "cfnx/error_or.h"

namespace cfnx {

// The template files `args` name, in order: a file as given, a directory's templates sorted by
// path, a glob's matches sorted by path, "-" for standard input. An Error names an argument
// that does not exist, a directory that holds no template or a glob that matches no file.
ErrorOr<std::vector<std::string>> ExpandTemplateArgs(const std::vector<std::string>& args);

// One template a command line names, with the name it has under its argument: the file name
// for a file given as such ("stacks/app.yaml" -> "app.yaml"), the path below the directory for
// a file found in one ("stacks/" -> "web/app.yaml") or below a glob's literal leading
// directories ("stacks/**/*.yaml" -> "web/app.yaml"), "-" for standard input. `transform
// --output-dir` names its outputs by it.
struct TemplateArg {
  std::string path;
  std::string relative;
};
ErrorOr<std::vector<TemplateArg>> ExpandTemplateArgsWithNames(const std::vector<std::string>& args);

// Runs `job(i)` for every i in [0, count) on `jobs` threads (at least 1; at most `count`).
// Each index runs exactly once; the caller stores results by index, so output order is the
// input order whatever the scheduling.
void RunInParallel(size_t count, int jobs, const std::function<void(size_t)>& job);

// The default for `-j`: the machine's hardware threads (1 when unknown).
int DefaultJobs();

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_TEMPLATE_FILES_H_
