// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The two format readers behind LoadTemplate. Each returns the root node, or nullptr after
// reporting an E0000 diagnostic. Internal to engine/parse.

#ifndef CFNX_ENGINE_PARSE_JSON_READER_H_
#define CFNX_ENGINE_PARSE_JSON_READER_H_

#include "engine/parse/loader.h"

namespace cfnx::internal {

const Node* ReadJson(const SourceManager& sources, FileId file, Document& doc,
                     DiagnosticSink& diags, const LoadOptions& options);

// `use_fast_reader` false skips the fast reader (fast_yaml.h) and reads with yaml-cpp alone: the
// differential fuzzer (tests/fuzz/) checks both paths build the same AST.
const Node* ReadYaml(const SourceManager& sources, FileId file, Document& doc,
                     DiagnosticSink& diags, const LoadOptions& options,
                     bool use_fast_reader = true);

}  // namespace cfnx::internal

#endif  // CFNX_ENGINE_PARSE_JSON_READER_H_
