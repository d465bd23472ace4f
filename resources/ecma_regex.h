// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Runs the ECMAScript regular expressions of AWS's schemas (`pattern`) with RE2. Most AWS
// patterns are already valid RE2; the translation rewrites what RE2 spells differently
// (`\uXXXX`, `(?<name>`, `[^]`, `\0`, `\cX`, identity escapes such as `\_`) and relaxes what
// RE2 refuses (repetition counts over 1,000 become open-ended, so no value is wrongly
// rejected). Lookarounds and backreferences cannot run on RE2: `EcmaRegexSearch` runs those on
// PCRE2 (resources/pcre2_regex.h), and reports a pattern as unsupported (the caller skips it)
// only when neither engine can decide.
//
// Compiled patterns are cached for the life of the process (a pattern is compiled once however
// many templates use it). Thread-safe.

#ifndef CFNX_RESOURCES_ECMA_REGEX_H_
#define CFNX_RESOURCES_ECMA_REGEX_H_

#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}  // namespace re2

namespace cfnx {

// The RE2 spelling of an ECMAScript pattern, or nullopt with the reason in `*why` when RE2
// cannot express it.
std::optional<std::string> TranslateEcmaRegex(std::string_view pattern, std::string* why);

// The compiled, cached pattern; nullptr (with `*why`) when it cannot run on RE2.
const re2::RE2* CompiledEcmaRegex(std::string_view pattern, std::string* why);

// JSON Schema `pattern` semantics: true when the pattern matches somewhere in `value`.
// `*supported` is set to false (and true is returned) when neither RE2 nor PCRE2 can run it. Patterns of
// the usual shape `^[CLASS]+$` (or *, {m,n}) are matched by hand on ASCII values, without
// compiling them: RE2 needs millions of instructions for classes such as \p{L}.
bool EcmaRegexSearch(std::string_view pattern, std::string_view value, bool* supported,
                     std::string* why);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_ECMA_REGEX_H_
