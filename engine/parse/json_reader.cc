// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A JSON reader that keeps exact source ranges for every key and value. nlohmann::json (our
// JSON library elsewhere) reports no positions for values, and diagnostics need them, so the
// template reader is our own: RFC 8259 with precise messages for the mistakes people make
// (trailing commas, comments, single quotes, unterminated strings). Recursion is bounded by
// LoadOptions::max_depth.

#include "engine/parse/json_reader.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/ast/dump.h"
#include "engine/parse/parse_internal.h"

namespace cfnx::internal {
namespace {

class JsonReader {
 public:
  JsonReader(const SourceManager& sources, FileId file, Document& doc, DiagnosticSink& diags,
             const LoadOptions& options)
      : sources_(sources),
        file_(file),
        text_(sources.contents(file)),
        doc_(doc),
        diags_(diags),
        options_(options) {}

  const Node* Read() {
    // A UTF-8 byte order mark, which LoadTemplate looks past to choose this reader (RFC 8259
    // allows ignoring it). It used to be an "Unexpected" error; found by the json_reader fuzzer.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
      pos_ = 3;
    }
    SkipSpace();
    const Node* root = ParseValue(0);
    if (root == nullptr) {
      return nullptr;
    }
    SkipSpace();
    if (pos_ < text_.size()) {
      Fail(pos_, "Unexpected " + Describe(pos_) + " after the end of the JSON document.");
      return nullptr;
    }
    return root;
  }

 private:
  SourceLoc Loc(size_t offset) const { return sources_.LocFromOffset(file_, offset); }
  SourceRange Range(size_t begin, size_t end) const { return {Loc(begin), Loc(end)}; }

  void Fail(size_t at, const std::string& message) {
    if (!failed_) {
      diags_.Report(DiagCode::kE0000, Range(at, std::min(at + 1, text_.size())), TemplatePath(),
                    message);
    }
    failed_ = true;
  }

  std::string Describe(size_t at) const {
    if (at >= text_.size()) {
      return "end of file";
    }
    char c = text_[at];
    if (static_cast<unsigned char>(c) < 0x20) {
      return "control character";
    }
    return std::string("'") + c + "'";
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  const Node* ParseValue(size_t depth) {
    if (depth > options_.max_depth) {
      Fail(pos_, "Template nesting is too deep (more than " + std::to_string(options_.max_depth) +
                     " levels); refusing to read further.");
      return nullptr;
    }
    if (pos_ >= text_.size()) {
      Fail(pos_, "Unexpected end of file: expected a JSON value.");
      return nullptr;
    }
    char c = text_[pos_];
    switch (c) {
      case '{':
        return ParseObject(depth);
      case '[':
        return ParseArray(depth);
      case '"': {
        size_t begin = pos_;
        std::string value;
        if (!ParseString(&value))
          return nullptr;
        return doc_.New<StringNode>(Range(begin, pos_), std::move(value), true);
      }
      case 't':
      case 'f':
      case 'n':
        return ParseLiteral();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return ParseNumber();
        }
        if (c == '/') {
          Fail(pos_, "Comments are not allowed in JSON templates.");
        } else if (c == '\'') {
          Fail(pos_, "Strings in JSON must use double quotes, not single quotes.");
        } else {
          Fail(pos_, "Unexpected " + Describe(pos_) + ": expected a JSON value.");
        }
        return nullptr;
    }
  }

  const Node* ParseLiteral() {
    size_t begin = pos_;
    auto match = [&](std::string_view word) {
      return text_.compare(pos_, word.size(), word) == 0;
    };
    if (match("true")) {
      pos_ += 4;
      return doc_.New<BoolNode>(Range(begin, pos_), "true", true);
    }
    if (match("false")) {
      pos_ += 5;
      return doc_.New<BoolNode>(Range(begin, pos_), "false", false);
    }
    if (match("null")) {
      pos_ += 4;
      return doc_.New<NullNode>(Range(begin, pos_), "null");
    }
    Fail(pos_, "Unexpected " + Describe(pos_) + ": expected a JSON value.");
    return nullptr;
  }

  const Node* ParseNumber() {
    size_t begin = pos_;
    bool integer = true;
    if (text_[pos_] == '-')
      ++pos_;
    auto digits = [&] {
      size_t n = 0;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        ++pos_;
        ++n;
      }
      return n;
    };
    size_t int_begin = pos_;
    size_t int_digits = digits();
    if (int_digits == 0) {
      Fail(pos_, "Invalid number: expected a digit.");
      return nullptr;
    }
    // RFC 8259: an integer part of more than one digit does not start with 0.
    if (int_digits > 1 && text_[int_begin] == '0') {
      Fail(int_begin, "Invalid number: a leading zero is not allowed.");
      return nullptr;
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      integer = false;
      if (digits() == 0) {
        Fail(pos_, "Invalid number: expected a digit after '.'.");
        return nullptr;
      }
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      integer = false;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-'))
        ++pos_;
      if (digits() == 0) {
        Fail(pos_, "Invalid number: expected a digit in the exponent.");
        return nullptr;
      }
    }
    std::string lexeme(text_.substr(begin, pos_ - begin));
    double value = std::strtod(lexeme.c_str(), nullptr);
    return doc_.New<NumberNode>(Range(begin, pos_), std::move(lexeme), value, integer);
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool ParseHex4(uint32_t* cp) {
    if (pos_ + 4 > text_.size())
      return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_ + i];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= c - '0';
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        v |= (c | 0x20) - 'a' + 10;
      } else {
        return false;
      }
    }
    pos_ += 4;
    *cp = v;
    return true;
  }

  // Precondition: text_[pos_] == '"'. Leaves pos_ after the closing quote.
  bool ParseString(std::string* out) {
    size_t open = pos_++;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\n') {
        Fail(open, "Unterminated string: the closing '\"' is missing before the end of the line.");
        return false;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        // RFC 8259 (and cfn-lint's strict decoder): control characters must be escaped.
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
        Fail(pos_, std::string("Invalid control character U+") + hex +
                       " in a JSON string; write it as \\u" + hex + ".");
        return false;
      }
      if (c != '\\') {
        *out += c;
        ++pos_;
        continue;
      }
      size_t escape_at = pos_++;
      if (pos_ >= text_.size())
        break;
      char e = text_[pos_++];
      switch (e) {
        case '"':
          *out += '"';
          break;
        case '\\':
          *out += '\\';
          break;
        case '/':
          *out += '/';
          break;
        case 'b':
          *out += '\b';
          break;
        case 'f':
          *out += '\f';
          break;
        case 'n':
          *out += '\n';
          break;
        case 'r':
          *out += '\r';
          break;
        case 't':
          *out += '\t';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!ParseHex4(&cp)) {
            Fail(escape_at, "Invalid \\u escape: expected four hexadecimal digits.");
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF && text_.compare(pos_, 2, "\\u") == 0) {
            size_t save = pos_;
            pos_ += 2;
            uint32_t low = 0;
            if (ParseHex4(&low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) {
            // A surrogate not in a high-low pair encodes no character, and has no UTF-8 form.
            Fail(escape_at, "Invalid \\u escape: a lone surrogate (\\u" +
                                std::string(text_.substr(escape_at + 2, 4)) +
                                ") is not a character; surrogates come in high-low pairs.");
            return false;
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          Fail(escape_at, std::string("Invalid escape '\\") + e + "' in a JSON string.");
          return false;
      }
    }
    Fail(open, "Unterminated string: the closing '\"' is missing.");
    return false;
  }

  const Node* ParseArray(size_t depth) {
    size_t begin = pos_++;
    std::vector<const Node*> items;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return doc_.New<ListNode>(Range(begin, pos_), std::move(items));
    }
    while (true) {
      SkipSpace();
      const Node* item = ParseValue(depth + 1);
      if (item == nullptr)
        return nullptr;
      items.push_back(item);
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        size_t comma = pos_++;
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
          Fail(comma,
               "Trailing comma before ']': JSON does not allow a comma after the last item.");
          return nullptr;
        }
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return doc_.New<ListNode>(Range(begin, pos_), std::move(items));
      }
      Fail(pos_, "Expected ',' or ']' after a list item, found " + Describe(pos_) + ".");
      return nullptr;
    }
  }

  const Node* ParseObject(size_t depth) {
    size_t begin = pos_++;
    std::vector<MapEntry> entries;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return FinishMap(doc_, Range(begin, pos_), std::move(entries), diags_);
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        if (pos_ < text_.size() && text_[pos_] == '\'') {
          Fail(pos_, "Property names in JSON must use double quotes, not single quotes.");
        } else {
          Fail(pos_, "Expected a property name in double quotes, found " + Describe(pos_) + ".");
        }
        return nullptr;
      }
      size_t key_begin = pos_;
      std::string key;
      if (!ParseString(&key))
        return nullptr;
      const auto* key_node = doc_.New<StringNode>(Range(key_begin, pos_), std::move(key), true);
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        Fail(pos_, "Expected ':' after property name " + QuoteString(key_node->value()) +
                       ", found " + Describe(pos_) + ".");
        return nullptr;
      }
      ++pos_;
      SkipSpace();
      const Node* value = ParseValue(depth + 1);
      if (value == nullptr)
        return nullptr;
      entries.push_back({key_node, value});
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        size_t comma = pos_++;
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
          Fail(comma,
               "Trailing comma before '}': JSON does not allow a comma after the last property.");
          return nullptr;
        }
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return FinishMap(doc_, Range(begin, pos_), std::move(entries), diags_);
      }
      Fail(pos_, "Expected ',' or '}' after a property value, found " + Describe(pos_) + ".");
      return nullptr;
    }
  }

  const SourceManager& sources_;
  FileId file_;
  std::string_view text_;
  Document& doc_;
  DiagnosticSink& diags_;
  const LoadOptions& options_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace

const Node* ReadJson(const SourceManager& sources, FileId file, Document& doc,
                     DiagnosticSink& diags, const LoadOptions& options) {
  JsonReader reader(sources, file, doc, diags, options);
  return reader.Read();
}

}  // namespace cfnx::internal
