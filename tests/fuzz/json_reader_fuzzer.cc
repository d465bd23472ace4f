// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The JSON template reader (RFC 8259 with exact ranges), checked against nlohmann::json: what
// cfnx's reader accepts is JSON, and JSON within the depth limit is accepted.

#include <nlohmann/json.hpp>

#include "engine/ast/dump.h"
#include "engine/ast/json_convert.h"
#include "engine/parse/loader.h"
#include "tests/fuzz/fuzz_target.h"

namespace {

// Whether LoadTemplate reads `text` as JSON (its first significant character after a BOM).
bool LooksLikeJson(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// Records why nlohmann's parser stopped; accepts every value.
struct Verdict : nlohmann::json::json_sax_t {
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string& token,
                   const nlohmann::json::exception& e) override {
    position = at;
    last_token = token;
    id = e.id;
    return false;
  }
  std::size_t position = 0;
  std::string last_token;
  int id = 0;
};

// Whether `text` is JSON (RFC 8259). nlohmann refuses a number beyond a double's range
// (out_of_range.406: `3e333`) that the grammar allows and cfnx reads (keeping its text): such a
// number is replaced by a spaced 0 and the text asked again, so only the grammar decides.
bool IsJson(std::string text) {
  for (;;) {
    Verdict verdict;
    if (nlohmann::json::sax_parse(text, &verdict))
      return true;
    if (verdict.id != 406 || verdict.last_token.empty())
      return false;
    size_t begin = text.rfind(verdict.last_token, verdict.position);
    if (begin == std::string::npos)
      return false;
    // (Not text.replace(..., "0"): GCC 12 warns -Wrestrict on it, a false positive.)
    // Spaced, so the 0 cannot join what follows: `1e9999.1` stays invalid, not `0.1`.
    text = text.substr(0, begin) + " 0 " + text.substr(begin + verdict.last_token.size());
  }
}

}  // namespace

CFNX_FUZZ_TARGET(json_reader) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  if (!LooksLikeJson(text))
    return -1;
  cfnx::SourceManager sources;
  cfnx::FileId file = sources.AddFile("fuzz.json", std::string(text));
  cfnx::DiagnosticCollector diags;
  cfnx::LoadOptions options;
  options.require_map_root = false;
  cfnx::Document doc = cfnx::LoadTemplate(sources, file, diags, options);
  bool too_deep = false;
  for (const cfnx::Diagnostic& d : diags.diagnostics()) {
    too_deep = too_deep || d.message.find("too deep") != std::string::npos;
  }
  // nlohmann's lexer ends the input at a NUL byte (a C string's end); JSON has no NUL outside
  // strings, and none raw inside them.
  bool valid = text.find('\0') == std::string_view::npos && IsJson(std::string(text));
  if (doc.root() != nullptr) {
    cfnx::fuzz::Check(valid, "cfnx reads as JSON what is not JSON", text);
    cfnx::Dump(*doc.root(), /*with_ranges=*/true);
    cfnx::ToJsonText(cfnx::ToJson(*doc.root()));
  } else {
    cfnx::fuzz::Check(diags.error_count() > 0, "no root and no error", text);
    cfnx::fuzz::Check(!valid || too_deep, "cfnx refuses valid JSON", text);
  }
  return 0;
}
