// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/ecma_regex.h"

#include <bitset>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>

#include <re2/re2.h>

#include "resources/pcre2_regex.h"

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

// One character of a class as RE2 reads the translation: `*code` (-1 for a code point past
// ASCII, which no ASCII value holds) or, for a set escape, the members in `*set`. False when
// the item is one this matcher leaves to RE2.
bool ClassAtom(std::string_view p, size_t* i, int* code, std::bitset<128>* set) {
  *code = -2;
  char c = p[*i];
  if (static_cast<unsigned char>(c) >= 0x80) {
    return false;
  }
  if (c != '\\') {
    if (c == '[' && *i + 1 < p.size() && p[*i + 1] == ':') {
      return false;  // RE2 would read a POSIX class here
    }
    *code = c;
    ++*i;
    return true;
  }
  if (*i + 1 >= p.size()) {
    return false;
  }
  char n = p[*i + 1];
  *i += 2;
  auto add_range = [&](char lo, char hi) {
    for (char x = lo; x <= hi; ++x) {
      set->set(static_cast<size_t>(x));
    }
  };
  switch (n) {
    case 'p': {
      // \p{L}, \p{N}, \p{Z}: on ASCII, letters, digits and the space.
      if (p.substr(*i, 3) == "{L}") {
        add_range('A', 'Z');
        add_range('a', 'z');
      } else if (p.substr(*i, 3) == "{N}") {
        add_range('0', '9');
      } else if (p.substr(*i, 3) == "{Z}") {
        set->set(' ');
      } else {
        return false;
      }
      *i += 3;
      return true;
    }
    case 'w':
      add_range('A', 'Z');
      add_range('a', 'z');
      add_range('0', '9');
      set->set('_');
      return true;
    case 'd':
      add_range('0', '9');
      return true;
    case 's':  // RE2's \s
      for (char x : {'\t', '\n', '\f', '\r', ' '}) {
        set->set(static_cast<size_t>(x));
      }
      return true;
    case 't':
      *code = '\t';
      return true;
    case 'n':
      *code = '\n';
      return true;
    case 'r':
      *code = '\r';
      return true;
    case 'f':
      *code = '\f';
      return true;
    case 'v':
      *code = '\v';
      return true;
    case 'u': {
      if (*i + 4 > p.size()) {
        return false;
      }
      int value = 0;
      for (size_t k = 0; k < 4; ++k) {
        char h = p[*i + k];
        if (!IsHex(h)) {
          return false;
        }
        value = value * 16 + (std::isdigit(static_cast<unsigned char>(h)) != 0
                                  ? h - '0'
                                  : std::tolower(static_cast<unsigned char>(h)) - 'a' + 10);
      }
      *i += 4;
      *code = value < 0x80 ? value : -1;
      return true;
    }
    default:
      if (std::isalnum(static_cast<unsigned char>(n)) || static_cast<unsigned char>(n) >= 0x80) {
        return false;  // other escapes: left to RE2
      }
      *code = n;  // escaped punctuation is itself
      return true;
  }
}

// A pattern of the shape most AWS patterns have, `^[CLASS]Q$` or `^([CLASS])Q$` (Q being +, *,
// {m}, {m,} or {m,n}), for ASCII values: matched by hand, without compiling anything. RE2
// builds large automata for classes such as \p{L} (millions of instructions per pattern, the
// largest cost of validating some templates). Non-ASCII values still go to RE2.
struct SimplePattern {
  std::bitset<128> chars;
  long min = 1;
  long max = 1;  // -1: no limit
};

// `out` with the quantifier `q` ("", "+", "*", "{m}", "{m,}", "{m,n}") applied; nullopt for
// anything else.
std::optional<SimplePattern> ApplyQuantifier(std::string_view q, SimplePattern out) {
  if (q.empty()) {
    return out;
  }
  if (q == "+" || q == "*") {
    out.min = q == "+" ? 1 : 0;
    out.max = -1;
    return out;
  }
  long lo = 0;
  long hi = 0;
  size_t len = q[0] == '{' ? ParseRepetition(q, 0, &lo, &hi) : 0;
  if (len == 0 || len != q.size() || (hi >= 0 && hi < lo)) {
    return std::nullopt;
  }
  // As the translation tells RE2 (counts over its limit become open-ended).
  if (lo > kMaxRepeat) {
    lo = kMaxRepeat;
    hi = -1;
  } else if (hi > kMaxRepeat) {
    hi = -1;
  }
  out.min = lo;
  out.max = hi;
  return out;
}

std::optional<SimplePattern> ParseSimplePattern(std::string_view p) {
  SimplePattern out;
  size_t i = 0;
  if (p.substr(0, 1) != "^") {
    return std::nullopt;
  }
  i = 1;
  bool group = p.substr(i, 1) == "(";
  if (group) {
    ++i;
  }
  if (p.substr(i, 1) != "[" || p.substr(i + 1, 1) == "^" || p.substr(i + 1, 1) == "]") {
    return std::nullopt;
  }
  ++i;
  size_t first = i;
  while (true) {
    if (i >= p.size()) {
      return std::nullopt;
    }
    if (p[i] == ']') {
      ++i;
      break;
    }
    if (p[i] == '-' && i != first && p.substr(i + 1, 1) != "]") {
      return std::nullopt;  // a '-' after a range or set escape: left to RE2
    }
    int lo = 0;
    if (!ClassAtom(p, &i, &lo, &out.chars)) {
      return std::nullopt;
    }
    if (lo == -2) {
      continue;  // a set escape
    }
    if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      ++i;
      int hi = 0;
      std::bitset<128> unused;
      if (!ClassAtom(p, &i, &hi, &unused) || hi == -2) {
        return std::nullopt;  // a range with a set escape: left to RE2
      }
      int from = lo < 0 ? 0x80 : lo;
      int to = hi < 0 ? 0x7f : hi;
      if (lo >= 0 && hi >= 0 && lo > hi) {
        return std::nullopt;  // RE2 refuses it
      }
      for (int x = from; x <= to && x < 0x80; ++x) {
        out.chars.set(static_cast<size_t>(x));
      }
      if (lo < 0 && hi >= 0) {
        return std::nullopt;  // from past ASCII down to ASCII: RE2 refuses it
      }
      continue;
    }
    if (lo >= 0) {
      out.chars.set(static_cast<size_t>(lo));
    }
  }
  // The quantifier, inside or after the group ("^([a-z]*)$", "^([a-z])*$").
  std::string_view rest = p.substr(i);
  if (group) {
    size_t close = rest.find(')');
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    if (close > 0) {
      if (rest.substr(close) != ")$") {
        return std::nullopt;
      }
      return ApplyQuantifier(rest.substr(0, close), out);
    }
    rest = rest.substr(1);
  }
  if (rest.empty() || rest.back() != '$') {
    return std::nullopt;
  }
  return ApplyQuantifier(rest.substr(0, rest.size() - 1), out);
}

// The result of matching `value` against a simple pattern; nullopt when RE2 has to decide
// (the pattern is not simple, or the value is not ASCII).
std::optional<bool> SimpleMatch(std::string_view pattern, std::string_view value) {
  for (char c : value) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return std::nullopt;
    }
  }
  std::optional<SimplePattern> simple = ParseSimplePattern(pattern);
  if (!simple.has_value()) {
    return std::nullopt;
  }
  long n = static_cast<long>(value.size());
  if (n < simple->min || (simple->max >= 0 && n > simple->max)) {
    return false;
  }
  for (char c : value) {
    if (!simple->chars.test(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
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

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80)
      return false;
  }
  return true;
}

// The compiled, cached pattern in UTF-8 or, for `latin1`, Latin-1. RE2 turns every Unicode
// class of a UTF-8 pattern into a byte automaton (\p{L}, [^x] or \S cost it hundreds of
// thousands of instructions); in Latin-1 a class is at most 256 bytes. The two read an ASCII
// pattern the same way and decide the same on an ASCII value: an ASCII value holds no character
// past 0x7F, where alone the two encodings differ. A pattern that Latin-1 cannot express
// (an escape past \xFF) fails to compile there, and the caller uses UTF-8.
const re2::RE2* CompiledIn(std::string_view pattern, bool latin1, std::string* why) {
  struct Entry {
    std::unique_ptr<re2::RE2> re;
    std::string why;
  };
  using Cache = std::map<std::string, Entry, std::less<>>;
  static std::mutex mutex;
  static auto* caches = new Cache[2];
  std::lock_guard<std::mutex> lock(mutex);
  Cache& cache = caches[latin1 ? 1 : 0];
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    Entry entry;
    std::optional<std::string> translated = TranslateEcmaRegex(pattern, &entry.why);
    if (translated) {
      re2::RE2::Options options;
      options.set_log_errors(false);
      if (latin1)
        options.set_encoding(re2::RE2::Options::EncodingLatin1);
      auto re = std::make_unique<re2::RE2>(*translated, options);
      if (re->ok()) {
        entry.re = std::move(re);
      } else {
        entry.why = "RE2 cannot compile it (" + re->error() + ")";
      }
    }
    it = cache.emplace(std::string(pattern), std::move(entry)).first;
  }
  *why = it->second.why;
  return it->second.re.get();
}

}  // namespace

const re2::RE2* CompiledEcmaRegex(std::string_view pattern, std::string* why) {
  return CompiledIn(pattern, /*latin1=*/false, why);
}

bool EcmaRegexSearch(std::string_view pattern, std::string_view value, bool* supported,
                     std::string* why) {
  if (std::optional<bool> simple = SimpleMatch(pattern, value)) {
    *supported = true;
    why->clear();
    return *simple;
  }
  const re2::RE2* re = nullptr;
  if (IsAscii(pattern) && IsAscii(value))
    re = CompiledIn(pattern, /*latin1=*/true, why);
  if (re == nullptr)
    re = CompiledEcmaRegex(pattern, why);
  if (re == nullptr) {
    // Lookarounds and backreferences: PCRE2 backtracks where RE2 cannot.
    std::string pcre2_why;
    std::optional<bool> matched = Pcre2EcmaSearch(pattern, value, &pcre2_why);
    *supported = matched.has_value();
    if (matched) {
      why->clear();
      return *matched;
    }
    *why += "; " + pcre2_why;
    return true;
  }
  *supported = true;
  return re2::RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *re);
}

}  // namespace cfnx
