// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The backtracking fallback for the schema patterns RE2 cannot run (lookarounds,
// backreferences): PCRE2 with ECMAScript's spellings switched on (`\uXXXX` and `\u{...}`,
// `[^]`, `$` only at the very end). A match that backtracks past a fixed budget is not decided
// (nullopt), so a hostile pattern or value cannot stall validation.
//
// Compiled patterns are cached for the life of the process. Thread-safe.

#ifndef CFNX_RESOURCES_PCRE2_REGEX_H_
#define CFNX_RESOURCES_PCRE2_REGEX_H_

#include <optional>
#include <string>
#include <string_view>

namespace cfnx {

// JSON Schema `pattern` semantics (a match anywhere in `value`) for the ECMAScript `pattern`:
// true or false, or nullopt with the reason in `*why` when PCRE2 cannot compile the pattern or
// the match exceeds the budget.
std::optional<bool> Pcre2EcmaSearch(std::string_view pattern, std::string_view value,
                                    std::string* why);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_PCRE2_REGEX_H_
