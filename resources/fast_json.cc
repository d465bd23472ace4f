// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/fast_json.h"

#include <charconv>
#include <cstdlib>
#include <string>

namespace cfnx {
namespace {

using Json = nlohmann::json;

constexpr int kMaxDepth = 256;

class Reader {
 public:
  explicit Reader(std::string_view text) : t_(text) {}

  // False when the text is not in the subset read here (the caller uses nlohmann).
  bool Document(Json* out) {
    if (!Value(out, 0)) {
      return false;
    }
    Space();
    return i_ == t_.size();
  }

 private:
  void Space() {
    while (i_ < t_.size() &&
           (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) {
      ++i_;
    }
  }

  bool Value(Json* out, int depth) {
    Space();
    if (i_ >= t_.size() || depth > kMaxDepth) {
      return false;
    }
    switch (t_[i_]) {
      case '{':
        return Object(out, depth);
      case '[':
        return Array(out, depth);
      case '"': {
        std::string s;
        if (!String(&s)) {
          return false;
        }
        *out = std::move(s);
        return true;
      }
      case 't':
        return Literal("true", Json(true), out);
      case 'f':
        return Literal("false", Json(false), out);
      case 'n':
        return Literal("null", Json(nullptr), out);
      default:
        return Number(out);
    }
  }

  bool Literal(std::string_view word, Json value, Json* out) {
    if (t_.substr(i_, word.size()) != word) {
      return false;
    }
    i_ += word.size();
    *out = std::move(value);
    return true;
  }

  bool Object(Json* out, int depth) {
    ++i_;
    *out = Json::object();
    Json::object_t& object = out->get_ref<Json::object_t&>();
    Space();
    if (i_ < t_.size() && t_[i_] == '}') {
      ++i_;
      return true;
    }
    while (true) {
      Space();
      std::string key;
      if (i_ >= t_.size() || t_[i_] != '"' || !String(&key)) {
        return false;
      }
      Space();
      if (i_ >= t_.size() || t_[i_] != ':') {
        return false;
      }
      ++i_;
      Json value;
      if (!Value(&value, depth + 1)) {
        return false;
      }
      object.insert_or_assign(std::move(key), std::move(value));  // the last one wins
      Space();
      if (i_ >= t_.size()) {
        return false;
      }
      if (t_[i_] == ',') {
        ++i_;
        continue;
      }
      if (t_[i_] == '}') {
        ++i_;
        return true;
      }
      return false;
    }
  }

  bool Array(Json* out, int depth) {
    ++i_;
    *out = Json::array();
    Json::array_t& array = out->get_ref<Json::array_t&>();
    Space();
    if (i_ < t_.size() && t_[i_] == ']') {
      ++i_;
      return true;
    }
    while (true) {
      Json value;
      if (!Value(&value, depth + 1)) {
        return false;
      }
      array.push_back(std::move(value));
      Space();
      if (i_ >= t_.size()) {
        return false;
      }
      if (t_[i_] == ',') {
        ++i_;
        continue;
      }
      if (t_[i_] == ']') {
        ++i_;
        return true;
      }
      return false;
    }
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  }

  bool Hex4(unsigned* out) {
    if (i_ + 4 > t_.size()) {
      return false;
    }
    unsigned v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int h = Hex(t_[i_ + k]);
      if (h < 0) {
        return false;
      }
      v = v * 16 + static_cast<unsigned>(h);
    }
    i_ += 4;
    *out = v;
    return true;
  }

  static void AppendUtf8(unsigned cp, std::string* s) {
    if (cp < 0x80) {
      s->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // At '"': the string's value.
  bool String(std::string* s) {
    ++i_;
    size_t run = i_;
    while (i_ < t_.size()) {
      unsigned char c = static_cast<unsigned char>(t_[i_]);
      if (c == '"') {
        s->append(t_.substr(run, i_ - run));
        ++i_;
        return true;
      }
      if (c < 0x20 || c >= 0x80) {
        return false;  // control characters (errors) and UTF-8 (checked by nlohmann)
      }
      if (c != '\\') {
        ++i_;
        continue;
      }
      s->append(t_.substr(run, i_ - run));
      if (i_ + 1 >= t_.size()) {
        return false;
      }
      char e = t_[i_ + 1];
      i_ += 2;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          s->push_back(e);
          break;
        case 'b':
          s->push_back('\b');
          break;
        case 'f':
          s->push_back('\f');
          break;
        case 'n':
          s->push_back('\n');
          break;
        case 'r':
          s->push_back('\r');
          break;
        case 't':
          s->push_back('\t');
          break;
        case 'u': {
          unsigned cp = 0;
          if (!Hex4(&cp)) {
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (t_.substr(i_, 2) != "\\u") {
              return false;
            }
            i_ += 2;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          AppendUtf8(cp, s);
          break;
        }
        default:
          return false;
      }
      run = i_;
    }
    return false;
  }

  // Integers that fit nlohmann's types; anything else (fractions, exponents, overflow) is left
  // to nlohmann.
  bool Number(Json* out) {
    size_t start = i_;
    bool negative = i_ < t_.size() && t_[i_] == '-';
    if (negative) {
      ++i_;
    }
    size_t digits = i_;
    while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') {
      ++i_;
    }
    if (i_ == digits || (t_[digits] == '0' && i_ - digits > 1)) {
      return false;
    }
    if (i_ < t_.size() && (t_[i_] == '.' || t_[i_] == 'e' || t_[i_] == 'E')) {
      return false;
    }
    const char* first = t_.data() + start;
    const char* last = t_.data() + i_;
    if (negative) {
      Json::number_integer_t v = 0;
      auto [ptr, ec] = std::from_chars(first, last, v);
      if (ec != std::errc() || ptr != last) {
        return false;
      }
      *out = v;
    } else {
      Json::number_unsigned_t v = 0;
      auto [ptr, ec] = std::from_chars(first, last, v);
      if (ec != std::errc() || ptr != last) {
        return false;
      }
      *out = v;
    }
    return true;
  }

  std::string_view t_;
  size_t i_ = 0;
};

}  // namespace

nlohmann::json ParseJsonFast(std::string_view text) {
  Json out;
  if (Reader(text).Document(&out)) {
    return out;
  }
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace cfnx
