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

Compiled Compile(std::string_view pattern) {
  Compiled out;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  int error = 0;
  PCRE2_SIZE offset = 0;
  out.code.reset(pcre2_compile(
      reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
      PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_DOLLAR_ENDONLY |
          PCRE2_MATCH_INVALID_UTF,
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
