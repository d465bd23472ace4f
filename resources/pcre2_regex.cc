// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/pcre2_regex.h"

#include <map>
#include <memory>
#include <mutex>

#include <pcre2.h>

namespace cfnx {
namespace {

// Backtracking budget per match: far beyond what any schema pattern needs on a template value.
constexpr uint32_t kMatchLimit = 1'000'000;
constexpr uint32_t kDepthLimit = 10'000;

struct CodeDeleter {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};

struct Compiled {
  std::unique_ptr<pcre2_code, CodeDeleter> code;
  std::string why;
};

std::string ErrorText(int code) {
  PCRE2_UCHAR buffer[256];
  int n = pcre2_get_error_message(code, buffer, sizeof(buffer));
  return n < 0 ? "PCRE2 error " + std::to_string(code)
               : std::string(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
}

bool IsSurrogate(unsigned v) {
  return v >= 0xD800 && v <= 0xDFFF;
}

std::string U4(unsigned v) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "\\u";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += kHex[(v >> shift) & 0xF];
  return out;
}

// The ECMAScript spellings PCRE2 reads differently, rewritten (cfn-lint reads the same patterns
// with Python's `regex`, which accepts them):
//   * \p{Graph} and \p{Print} (not PCRE2 properties): their Unicode sets, L M N P S (+ Zs);
//   * a '-' right after a class escape inside [...] is a literal, as in ECMAScript;
//   * UTF-16 surrogates (\uD800-\uDFFF) cannot occur in UTF-8 text: dropped from classes
//     (ranges clamped), never matching outside them.
std::string ForPcre2(std::string_view p) {
  auto hex4 = [&](size_t i, unsigned* v) {
    if (i + 6 > p.size() || p[i] != '\\' || p[i + 1] != 'u')
      return false;
    unsigned value = 0;
    for (size_t k = i + 2; k < i + 6; ++k) {
      char c = p[k];
      unsigned digit = c >= '0' && c <= '9'   ? c - '0'
                       : c >= 'a' && c <= 'f' ? c - 'a' + 10
                       : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : 16;
      if (digit == 16)
        return false;
      value = value * 16 + digit;
    }
    *v = value;
    return true;
  };
  std::string out;
  bool in_class = false;
  size_t i = 0;
  while (i < p.size()) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      unsigned v = 0;
      if (hex4(i, &v)) {
        unsigned hi = 0;
        if (in_class && i + 6 < p.size() && p[i + 6] == '-' && hex4(i + 7, &hi)) {
          i += 13;
          if (IsSurrogate(v) && IsSurrogate(hi))
            continue;
          if (IsSurrogate(hi))
            hi = 0xD7FF;
          if (IsSurrogate(v))
            v = 0xE000;
          if (v <= hi)
            out += U4(v) + "-" + U4(hi);
          continue;
        }
        i += 6;
        if (IsSurrogate(v)) {
          if (!in_class)
            out += "(?!)";
          continue;
        }
        out += U4(v);
        continue;
      }
      std::string_view rest = p.substr(i);
      bool graph = rest.substr(0, 9) == "\\p{Graph}";
      bool print = rest.substr(0, 9) == "\\p{Print}";
      size_t len = 2;
      std::string text;
      if (graph || print) {
        len = 9;
        std::string set = std::string("\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}") + (print ? "\\p{Zs}" : "");
        text = in_class ? set : "[" + set + "]";
      } else {
        if ((p[i + 1] == 'p' || p[i + 1] == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
          size_t close = p.find('}', i);
          if (close != std::string_view::npos)
            len = close - i + 1;
        }
        text = std::string(p.substr(i, len));
      }
      bool class_escape = std::string_view("pPdDwWsS").find(p[i + 1]) != std::string_view::npos;
      out += text;
      i += len;
      if (in_class && class_escape && i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
        out += "\\-";
        ++i;
      }
      continue;
    }
    if (!in_class && c == '[') {
      in_class = true;
    } else if (in_class && c == ']') {
      in_class = false;
    }
    out += c;
    ++i;
  }
  return out;
}

Compiled Compile(std::string_view ecma) {
  std::string pattern = ForPcre2(ecma);
  Compiled out;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  int error = 0;
  PCRE2_SIZE offset = 0;
  out.code.reset(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                               PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS |
                                   PCRE2_DOLLAR_ENDONLY | PCRE2_MATCH_INVALID_UTF,
                               &error, &offset, context));
  pcre2_compile_context_free(context);
  if (out.code == nullptr)
    out.why = "PCRE2 cannot compile it (" + ErrorText(error) + ")";
  return out;
}

}  // namespace

std::optional<bool> Pcre2EcmaSearch(std::string_view pattern, std::string_view value,
                                    std::string* why) {
  static std::mutex mutex;
  static auto* cache = new std::map<std::string, Compiled, std::less<>>();
  const pcre2_code* code = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache->find(pattern);
    if (it == cache->end())
      it = cache->emplace(std::string(pattern), Compile(pattern)).first;
    if (it->second.code == nullptr) {
      *why = it->second.why;
      return std::nullopt;
    }
    code = it->second.code.get();
  }
  // A compiled pattern is read-only while matching: several threads may use it at once.
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(context, kMatchLimit);
  pcre2_set_depth_limit(context, kDepthLimit);
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code, nullptr);
  int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(value.data()), value.size(), 0, 0, data,
                       context);
  pcre2_match_data_free(data);
  pcre2_match_context_free(context);
  if (rc >= 0)
    return true;
  if (rc == PCRE2_ERROR_NOMATCH)
    return false;
  *why = "PCRE2 could not decide the match (" + ErrorText(rc) + ")";
  return std::nullopt;
}

}  // namespace cfnx
