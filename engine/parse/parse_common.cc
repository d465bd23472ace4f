// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "engine/ast/dump.h"
#include "engine/parse/parse_internal.h"

namespace cfnx::internal {
namespace {

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s == o) {
      return true;
    }
  }
  return false;
}

bool AllDigits(std::string_view s, std::string_view allowed) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (allowed.find(c) == std::string_view::npos && c != '_') {
      return false;
    }
  }
  return true;
}

std::string WithoutUnderscores(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') {
      out += c;
    }
  }
  return out;
}

// YAML 1.1 int: [-+]?(0b[01_]+ | 0[0-7_]+ | 0x[0-9a-fA-F_]+ | 0|[1-9][0-9_]*).
bool ParseYamlInt(std::string_view text, double* value) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return false;
  }
  int base = 10;
  std::string_view digits = s;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    digits = s.substr(2);
    if (!AllDigits(digits, "0123456789abcdefABCDEF"))
      return false;
  } else if (s.size() > 2 && s[0] == '0' && s[1] == 'b') {
    base = 2;
    digits = s.substr(2);
    if (!AllDigits(digits, "01"))
      return false;
  } else if (s.size() > 2 && s[0] == '0' && s[1] == 'o') {
    base = 8;
    digits = s.substr(2);
    if (!AllDigits(digits, "01234567"))
      return false;
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
    digits = s.substr(1);
    if (!AllDigits(digits, "01234567"))
      return false;
  } else {
    if (!AllDigits(s, "0123456789") || s[0] == '_')
      return false;
  }
  std::string clean = WithoutUnderscores(digits);
  if (clean.empty()) {
    return false;
  }
  double v = 0;
  for (char c : clean) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c | 0x20) - 'a' + 10;
    v = v * base + d;
  }
  *value = negative ? -v : v;
  return true;
}

// YAML 1.1 float as PyYAML (and so CloudFormation's tooling) resolves it:
// [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)? | [-+]?\.inf | \.nan.
// A dot is required and an exponent needs its sign, so `1e3` stays a string.
bool ParseYamlFloat(std::string_view text, double* value) {
  std::string_view s = text;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    body.remove_prefix(1);
  }
  if (IsOneOf(body, {".inf", ".Inf", ".INF"})) {
    *value = (s[0] == '-') ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (IsOneOf(s, {".nan", ".NaN", ".NAN"})) {
    *value = NAN;
    return true;
  }
  size_t i = 0;
  size_t int_digits = 0;
  while (i < body.size() && ((body[i] >= '0' && body[i] <= '9') || (body[i] == '_' && i > 0))) {
    ++i;
    ++int_digits;
  }
  bool dot = false;
  size_t frac_digits = 0;
  if (i < body.size() && body[i] == '.') {
    dot = true;
    ++i;
    while (i < body.size() && ((body[i] >= '0' && body[i] <= '9') || body[i] == '_')) {
      ++i;
      ++frac_digits;
    }
  }
  if (int_digits == 0 && frac_digits == 0) {
    return false;
  }
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    size_t j = i + 1;
    if (j >= body.size() || (body[j] != '-' && body[j] != '+'))
      return false;
    ++j;
    size_t exp_digits = 0;
    while (j < body.size() && body[j] >= '0' && body[j] <= '9') {
      ++j;
      ++exp_digits;
    }
    if (exp_digits == 0)
      return false;
    i = j;
  }
  if (i != body.size() || !dot) {
    return false;
  }
  std::string clean = WithoutUnderscores(s);
  *value = std::strtod(clean.c_str(), nullptr);
  return true;
}

void ReportDuplicate(const MapEntry& first, const StringNode* again, DiagnosticSink& diags) {
  Diagnostic d = MakeDiagnostic(DiagCode::kE0000, again->range(), TemplatePath(),
                                "Duplicate key " + QuoteString(again->value()) +
                                    " in a mapping; the first occurrence is used.");
  d.notes.push_back({first.key->range(), "first defined here"});
  diags.Report(std::move(d));
}

}  // namespace

const Node* FinishMap(Document& doc, SourceRange range, std::vector<MapEntry> entries,
                      DiagnosticSink& diags) {
  // Duplicate keys: quadratic scan for small maps, a hash index for large ones.
  std::vector<MapEntry> unique;
  unique.reserve(entries.size());
  if (entries.size() <= 16) {
    for (const MapEntry& e : entries) {
      const MapEntry* first = nullptr;
      for (const MapEntry& u : unique) {
        if (u.key->value() == e.key->value()) {
          first = &u;
          break;
        }
      }
      if (first != nullptr) {
        ReportDuplicate(*first, e.key, diags);
      } else {
        unique.push_back(e);
      }
    }
  } else {
    std::unordered_map<std::string_view, size_t> index;
    for (const MapEntry& e : entries) {
      auto [it, inserted] = index.emplace(e.key->value(), unique.size());
      if (!inserted) {
        ReportDuplicate(unique[it->second], e.key, diags);
      } else {
        unique.push_back(e);
      }
    }
  }
  if (unique.size() == 1) {
    const MapEntry& only = unique[0];
    FnKind fn;
    if (FnFromName(only.key->value(), &fn) &&
        (fn != FnKind::kCondition || isa<StringNode>(only.value))) {
      return doc.New<FnCallNode>(range, fn, only.value, FnForm::kLong, only.key->range());
    }
  }
  return doc.New<MapNode>(range, std::move(unique));
}

const Node* MakePlainScalar(Document& doc, SourceRange range, const std::string& text) {
  if (IsOneOf(text, {"", "~", "null", "Null", "NULL"})) {
    return doc.New<NullNode>(range, text);
  }
  if (IsOneOf(text, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})) {
    return doc.New<BoolNode>(range, text, true);
  }
  if (IsOneOf(text, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})) {
    return doc.New<BoolNode>(range, text, false);
  }
  char c = text[0];
  if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
    double value = 0;
    if (ParseYamlInt(text, &value)) {
      return doc.New<NumberNode>(range, text, value, true);
    }
    if (ParseYamlFloat(text, &value)) {
      return doc.New<NumberNode>(range, text, value, false);
    }
  }
  return doc.New<StringNode>(range, text, false);
}

bool CheckUtf8(const SourceManager& sources, FileId file, DiagnosticSink& diags) {
  std::string_view s = sources.contents(file);
  size_t i = 0;
  while (i < s.size()) {
    // Eight printable ASCII bytes at a time: none has its high bit set or is below 0x20.
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      constexpr uint64_t kHigh = 0x8080808080808080u;
      constexpr uint64_t kSpace = 0x2020202020202020u;
      if (((w | (w - kSpace)) & kHigh) != 0)
        break;
      i += 8;
    }
    if (i >= s.size())
      break;
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80           ? 1
                 : (b >> 5) == 0x6  ? 2
                 : (b >> 4) == 0xE  ? 3
                 : (b >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok && len == 2)
      ok = b >= 0xC2;  // no overlong encodings
    if (ok && len == 3) {
      auto b1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(b == 0xE0 && b1 < 0xA0) && !(b == 0xED && b1 >= 0xA0);  // overlong, surrogates
    }
    if (ok && len == 4) {
      auto b1 = static_cast<unsigned char>(s[i + 1]);
      ok = b <= 0xF4 && !(b == 0xF0 && b1 < 0x90) && !(b == 0xF4 && b1 >= 0x90);
    }
    bool control = ok && len == 1 && b < 0x20 && b != '\t' && b != '\n' && b != '\r';
    if (!ok || control) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", b);
      // YAML allows only printable characters in a stream, and JSON no raw control characters
      // (PyYAML, and so cfn-lint and the SAM translator, refuse them).
      std::string message =
          control ? std::string("Control character ") + hex +
                        " is not allowed in a template; write it as an escape in a quoted "
                        "string (\"\\x" +
                        (hex + 2) + "\") if it is meant."
                  : std::string("Invalid UTF-8: byte ") + hex +
                        " does not start a valid sequence; templates must be UTF-8 encoded.";
      diags.Report(DiagCode::kE0000,
                   SourceRange{sources.LocFromOffset(file, i), sources.LocFromOffset(file, i + 1)},
                   TemplatePath(), std::move(message));
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace cfnx::internal
