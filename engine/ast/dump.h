// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A compact s-expression dump of an AST, for tests and `--dump-ast`:
//   map{Type:"AWS::S3::Bucket" Properties:map{BucketName:Sub("${AWS::StackName}-b")}}
// Scalars: null, true/false, numbers as written, strings quoted with C escapes. Functions
// print as Name(args) with the long-form name minus "Fn::" (Ref, GetAtt, Sub, ...), and a
// leading `!` when written in short form. With `with_ranges`, every node is followed by
// @line:col-line:col.

#ifndef CFNX_ENGINE_AST_DUMP_H_
#define CFNX_ENGINE_AST_DUMP_H_

#include <string>

#include "engine/ast/node.h"

namespace cfnx {

std::string Dump(const Node& node, bool with_ranges = false);

// Escapes `s` as a double-quoted JSON string (ASCII-safe control characters).
std::string QuoteString(std::string_view s);

}  // namespace cfnx

#endif  // CFNX_ENGINE_AST_DUMP_H_
