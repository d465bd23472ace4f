// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/ecma_regex.h"

#include <cctype>
#include <map>
#include <memory>
#include <mutex>

#include <re2/re2.h>

namespace cfnx {
namespace {

constexpr int kMaxRepeat = 1000;  // RE2's limit on counted repetition

bool IsHex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// Parses a counted repetition "{m}", "{m,}" or "{m,n}" at `at`; returns its length or 0.
size_t ParseRepetition(std::string_view p, size_t at, long* lo, long* hi) {
  size_t i = at + 1;
  auto number = [&](long* out) {
    size_t start = i;
    long v = 0;
    while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i]))) {
      v = std::min(v * 10 + (p[i] - '0'), 1000000L);
      ++i;
    }
    *out = v;
    return i > start;
  };
  if (!number(lo)) {
    return 0;
  }
  *hi = *lo;
  if (i < p.size() && p[i] == ',') {
    ++i;
    if (!number(hi)) {
      *hi = -1;
    }
  }
  if (i >= p.size() || p[i] != '}') {
    return 0;
  }
  return i - at + 1;
}

}  // namespace

std::optional<std::string> TranslateEcmaRegex(std::string_view p, std::string* why) {
  std::string out;
  out.reserve(p.size() + 8);
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) {
        *why = "the pattern ends with a backslash";
        return std::nullopt;
      }
      char n = p[++i];
      switch (n) {
        case 'd':
        case 'D':
        case 'w':
        case 'W':
        case 's':
        case 'S':
        case 'f':
        case 'n':
        case 'r':
        case 't':
        case 'v':
          out += '\\';
          out += n;
          break;
        case 'b':
        case 'B':
          if (in_class) {
            out += n == 'b' ? "\\x08" : "B";
          } else {
            out += '\\';
            out += n;
          }
          break;
        case 'u':
          if (i + 4 < p.size() && IsHex(p[i + 1]) && IsHex(p[i + 2]) && IsHex(p[i + 3]) &&
              IsHex(p[i + 4])) {
            out += "\\x{" + std::string(p.substr(i + 1, 4)) + "}";
            i += 4;
          } else if (i + 1 < p.size() && p[i + 1] == '{') {
            size_t close = p.find('}', i);
            if (close == std::string_view::npos) {
              *why = "unterminated \\u{...} escape";
              return std::nullopt;
            }
            out += "\\x" + std::string(p.substr(i + 1, close - i));
            i = close;
          } else {
            out += 'u';
          }
          break;
        case 'x':
          if (i + 2 < p.size() && IsHex(p[i + 1]) && IsHex(p[i + 2])) {
            out += "\\x" + std::string(p.substr(i + 1, 2));
            i += 2;
          } else {
            out += 'x';
          }
          break;
        case 'c':
          if (i + 1 < p.size() && std::isalpha(static_cast<unsigned char>(p[i + 1]))) {
            char hex[8];
            std::snprintf(hex, sizeof(hex), "\\x%02x", p[i + 1] % 32);
            out += hex;
            ++i;
          } else {
            out += "\\\\c";
          }
          break;
        case '0':
          out += "\\x00";
          break;
        case 'p':
        case 'P':
          out += '\\';
          out += n;
          break;
        case 'k':
          *why = "named backreferences are not supported by RE2";
          return std::nullopt;
        default:
          if (n >= '1' && n <= '9') {
            if (in_class) {
              out += "\\x0";
              out += n;
              break;
            }
            *why = "backreferences are not supported by RE2";
            return std::nullopt;
          }
          if (n == 'Z' || n == 'A') {
            // Python's end and start of input: some AWS patterns were written for Python.
            out += n == 'Z' ? "\\z" : "\\A";
          } else if (std::isalnum(static_cast<unsigned char>(n)) || n == '_') {
            out += n;  // identity escape: ECMAScript reads \a as a
          } else if (static_cast<unsigned char>(n) >= 0x80) {
            out += n;
          } else {
            out += '\\';
            out += n;
          }
      }
      continue;
    }
    if (in_class) {
      if (c == ']') {
        in_class = false;
      } else if (c == '[') {
        out += "\\[";  // literal in ECMAScript, a POSIX class opener in RE2
        continue;
      }
      out += c;
      continue;
    }
    switch (c) {
      case '[':
        if (p.substr(i, 3) == "[^]") {
          out += "[\\s\\S]";
          i += 2;
        } else if (p.substr(i, 2) == "[]") {
          out += "[^\\s\\S]";
          i += 1;
        } else {
          in_class = true;
          out += c;
          if (i + 1 < p.size() && p[i + 1] == '^') {
            out += '^';
            ++i;
          }
          if (i + 1 < p.size() && p[i + 1] == ']') {
            out += "\\]";  // a leading ] is literal in RE2 too, but be explicit
            ++i;
          }
        }
        break;
      case '(':
        if (p.substr(i, 3) == "(?=" || p.substr(i, 3) == "(?!" || p.substr(i, 4) == "(?<=" ||
            p.substr(i, 4) == "(?<!") {
          *why = "lookaround assertions are not supported by RE2";
          return std::nullopt;
        }
        if (p.substr(i, 3) == "(?<") {
          out += "(?P<";
          i += 2;
        } else {
          out += c;
        }
        break;
      case '{': {
        long lo = 0;
        long hi = 0;
        size_t len = ParseRepetition(p, i, &lo, &hi);
        if (len == 0) {
          out += "\\{";  // a literal brace in ECMAScript
          break;
        }
        if (lo > kMaxRepeat) {
          out += "{" + std::to_string(kMaxRepeat) + ",}";
        } else if (hi > kMaxRepeat || hi < 0) {
          out += "{" + std::to_string(lo) + ",}";
        } else {
          out += std::string(p.substr(i, len));
        }
        i += len - 1;
        break;
      }
      case '}':
        out += "\\}";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const re2::RE2* CompiledEcmaRegex(std::string_view pattern, std::string* why) {
  struct Entry {
    std::unique_ptr<re2::RE2> re;
    std::string why;
  };
  static std::mutex mutex;
  static auto* cache = new std::map<std::string, Entry, std::less<>>();
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache->find(pattern);
  if (it == cache->end()) {
    Entry entry;
    std::optional<std::string> translated = TranslateEcmaRegex(pattern, &entry.why);
    if (translated) {
      re2::RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_unique<re2::RE2>(*translated, options);
      if (re->ok()) {
        entry.re = std::move(re);
      } else {
        entry.why = "RE2 cannot compile it (" + re->error() + ")";
      }
    }
    it = cache->emplace(std::string(pattern), std::move(entry)).first;
  }
  *why = it->second.why;
  return it->second.re.get();
}

bool EcmaRegexSearch(std::string_view pattern, std::string_view value, bool* supported,
                     std::string* why) {
  const re2::RE2* re = CompiledEcmaRegex(pattern, why);
  *supported = re != nullptr;
  if (re == nullptr) {
    return true;
  }
  return re2::RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *re);
}

}  // namespace cfnx
