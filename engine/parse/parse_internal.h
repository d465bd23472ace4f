// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Pieces shared by the YAML and JSON readers: building maps (duplicate-key checks and
// long-form function normalization) and YAML 1.1 scalar typing.

#ifndef CFNX_ENGINE_PARSE_PARSE_INTERNAL_H_
#define CFNX_ENGINE_PARSE_PARSE_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "engine/ast/document.h"

namespace cfnx::internal {

// Builds a MapNode from `entries`, reporting duplicate keys (keeping the first), and turns a
// single-key map `{"Ref": x}`, `{"Fn::Name": x}` or `{"Condition": "name"}` into a long-form
// FnCallNode.
const Node* FinishMap(Document& doc, SourceRange range, std::vector<MapEntry> entries,
                      DiagnosticSink& diags);

// Types a plain (unquoted, untagged) YAML scalar the way CloudFormation's YAML 1.1 reader does:
// null (~, null, empty), booleans (true/false/yes/no/on/off in their three casings), integers
// (decimal, 0x hex, 0o/leading-0 octal, 0b binary), floats (incl. .inf and .nan); anything else,
// dates such as 2010-09-09 included, is a string.
const Node* MakePlainScalar(Document& doc, SourceRange range, const std::string& text);

// Reports E0000 for the first invalid UTF-8 sequence; returns false if there was one.
bool CheckUtf8(const SourceManager& sources, FileId file, DiagnosticSink& diags);

}  // namespace cfnx::internal

#endif  // CFNX_ENGINE_PARSE_PARSE_INTERNAL_H_
