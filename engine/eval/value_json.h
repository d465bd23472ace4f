// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Conversions between Values and JSON / AST nodes. An Unknown converts to its residual
// function call (`{"Fn::GetAtt": ["Bucket", "Arn"]}`), NoValue entries of maps and lists are
// dropped (a top-level NoValue is null), and an Error converts to null (it has already been
// diagnosed). Values derived from NoEcho parameters print as "****" unless asked otherwise.

#ifndef CFNX_ENGINE_EVAL_VALUE_JSON_H_
#define CFNX_ENGINE_EVAL_VALUE_JSON_H_

#include "engine/ast/document.h"
#include "engine/ast/json_convert.h"
#include "engine/eval/value.h"

namespace cfnx {

inline constexpr const char* kMaskedValue = "****";

// JSON for `value`; sensitive scalars become "****" when `mask_sensitive`.
OrderedJson ValueToJson(const Value& value, bool mask_sensitive = true);

// The literal value of a node, without evaluating functions: a FnCall becomes an Unknown whose
// residual is the call as written. For data sections (Mappings) and tests.
Value LiteralValue(const Node* node);

// Builds nodes for `value` in `doc` (long-form functions for Unknowns); every node gets
// `range` and `origin`. For transforms that want evaluated values back as a tree.
const Node* ValueToNode(const Value& value, Document& doc, SourceRange range = {},
                        const Node* origin = nullptr, bool mask_sensitive = false);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_VALUE_JSON_H_
