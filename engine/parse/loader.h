// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Loads a CloudFormation template (YAML in CloudFormation's YAML 1.1 dialect, or JSON) into an
// AST `Document`. One entry point for both formats: a file whose first significant character
// is `{` or `[` is read as JSON, anything else as YAML.
//
// Never throws and never crashes on bad input: every problem (invalid UTF-8, syntax errors,
// tabs in indentation, duplicate keys, unknown tags, an empty file, a root that is not a map,
// nesting deeper than `max_depth`, YAML aliases expanding past `max_expanded_nodes`) is an
// E0000 diagnostic with a position. The returned Document's root is nullptr when nothing usable
// could be built; with recoverable problems (duplicate keys) the root is still set.

#ifndef CFNX_ENGINE_PARSE_LOADER_H_
#define CFNX_ENGINE_PARSE_LOADER_H_

#include <cstddef>

#include "cfnx/diagnostic.h"
#include "cfnx/source.h"
#include "engine/ast/document.h"

namespace cfnx {

struct LoadOptions {
  // Deepest nesting of lists and maps accepted (CloudFormation templates rarely exceed 30).
  size_t max_depth = 500;
  // Upper bound on the number of nodes a YAML document expands to once aliases are followed.
  size_t max_expanded_nodes = 2'000'000;
  // Whether the root must be a map (a template); false for snippets such as parameter files.
  bool require_map_root = true;
};

// Loads the file `file` of `sources`. Diagnostics go to `diags`.
Document LoadTemplate(const SourceManager& sources, FileId file, DiagnosticSink& diags,
                      const LoadOptions& options = {});

}  // namespace cfnx

#endif  // CFNX_ENGINE_PARSE_LOADER_H_
