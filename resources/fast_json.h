// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Parses the compact JSON of the schema registry into nlohmann::json about twice as fast as
// nlohmann's own parser (whose lexer copies every character it reads). The result is exactly
// what `nlohmann::json::parse(text, nullptr, false)` gives, number types included: text this
// reader is not sure about (non-ASCII bytes, control characters, numbers it does not read
// as nlohmann does, any error) is handed to nlohmann.

#ifndef CFNX_RESOURCES_FAST_JSON_H_
#define CFNX_RESOURCES_FAST_JSON_H_

#include <string_view>

#include <nlohmann/json.hpp>

namespace cfnx {

// `nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false)`, faster.
nlohmann::json ParseJsonFast(std::string_view text);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_FAST_JSON_H_
