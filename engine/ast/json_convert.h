// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Conversions between the AST and nlohmann::ordered_json, for output (`cfnx transform`,
// `cfnx render`, stack state) and for building trees from data (transform output, saved
// templates). Functions are written in their long form (`{"Fn::Sub": ...}`, `{"Ref": ...}`);
// map order is kept. Numbers keep their lexeme when it is valid JSON (3.0 stays 3.0); YAML-only
// spellings (010, 0x1F, .inf) become their value.

#ifndef CFNX_ENGINE_AST_JSON_CONVERT_H_
#define CFNX_ENGINE_AST_JSON_CONVERT_H_

#include <nlohmann/json.hpp>

#include "engine/ast/document.h"

namespace cfnx {

using OrderedJson = nlohmann::ordered_json;

OrderedJson ToJson(const Node& node);

// Builds nodes for `json` in `doc`. Every node gets `range` (for example the range of the node
// the data stands for) and `origin` as its origin. Single-key objects naming an intrinsic
// function become FnCallNodes, as the loader does.
const Node* FromJson(const OrderedJson& json, Document& doc, SourceRange range = {},
                     const Node* origin = nullptr);

// Pretty JSON text as cfnx prints templates: 2-space indent, UTF-8 kept, trailing newline.
std::string ToJsonText(const OrderedJson& json);

}  // namespace cfnx

#endif  // CFNX_ENGINE_AST_JSON_CONVERT_H_
