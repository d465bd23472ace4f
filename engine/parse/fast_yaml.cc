// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The fast YAML reader (see fast_yaml.h). Every function returns false as soon as the text
// leaves the known subset; the caller then parses the whole text with yaml-cpp. "Column" is
// the byte offset from the start of the line (the subset has no tabs).

#include "engine/parse/fast_yaml.h"

namespace cfnx::internal {
namespace {

constexpr int kMaxDepth = 200;  // deeper nesting goes to yaml-cpp (and its limits)
// An implicit key and its ':' are at most 1024 characters apart (YAML 1.2, 7.4.2); yaml-cpp
// refuses a longer key ("illegal map value"), so longer ones go to yaml-cpp.
constexpr size_t kMaxImplicitKey = 1024;

bool IsNullString(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

class FastYaml {
 public:
  FastYaml(std::string_view text, std::vector<YamlEvent>* out) : t_(text), out_(out) {}

  bool Run() {
    for (size_t i = 0; i < t_.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(t_[i]);
      if ((c < 0x20 && c != '\n') || c == 0x7f) {
        return false;  // tabs, CR, control characters
      }
    }
    if (t_.substr(0, 3) == "\xEF\xBB\xBF" || t_.substr(0, 1) == "%" ||
        t_.find("\n%") != std::string_view::npos) {
      return false;  // byte order mark, directives
    }
    size_t p = SkipToContent(0);
    if (t_.substr(p, 3) == "---" && Column(p) == 0) {
      size_t q = p + 3;
      if (q < t_.size() && t_[q] != '\n' && t_[q] != ' ') {
        return false;
      }
      if (!RestOfLineEmpty(q)) {
        return false;  // content after "---" on its line
      }
      p = SkipToContent(q);
    }
    // Any other document marker: several documents, or an end marker.
    for (size_t at = t_.find('\n', p); at != std::string_view::npos; at = t_.find('\n', at + 1)) {
      std::string_view head = t_.substr(at + 1, 3);
      if (head == "---" || head == "...") {
        return false;
      }
    }
    if (p >= t_.size()) {
      return false;  // no document
    }
    size_t next = 0;
    if (!BlockNode(p, -1, {}, 0, &next)) {
      return false;
    }
    return next >= t_.size();
  }

 private:
  // --- Positions ------------------------------------------------------------------------------

  size_t LineStart(size_t p) const {
    size_t nl = p == 0 ? std::string_view::npos : t_.rfind('\n', p - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  }
  int Column(size_t p) const { return static_cast<int>(p - LineStart(p)); }
  size_t LineEnd(size_t p) const {
    size_t nl = t_.find('\n', p);
    return nl == std::string_view::npos ? t_.size() : nl;
  }
  char At(size_t p) const { return p < t_.size() ? t_[p] : '\0'; }
  bool SpaceOrEnd(size_t p) const { return p >= t_.size() || t_[p] == ' ' || t_[p] == '\n'; }

  // From `p`, past spaces, line breaks and comments: the next content (or the end).
  size_t SkipToContent(size_t p) const {
    while (p < t_.size()) {
      char c = t_[p];
      if (c == ' ' || c == '\n') {
        ++p;
      } else if (c == '#' && (p == 0 || t_[p - 1] == ' ' || t_[p - 1] == '\n')) {
        p = LineEnd(p);
      } else {
        break;
      }
    }
    return p;
  }
  // Whether only spaces and a comment follow `p` on its line.
  bool RestOfLineEmpty(size_t p) const {
    size_t q = p;
    while (q < t_.size() && t_[q] == ' ') {
      ++q;
    }
    if (q >= t_.size() || t_[q] == '\n') {
      return true;
    }
    return t_[q] == '#' && (q > p || (q > 0 && (t_[q - 1] == ' ' || t_[q - 1] == '\n')));
  }
  bool IsSeqEntry(size_t p) const { return At(p) == '-' && SpaceOrEnd(p + 1); }

  // --- Events ---------------------------------------------------------------------------------

  void Emit(YamlEvent::Kind kind, size_t pos, std::string tag = {}, bool flow = false,
            std::string value = {}) {
    YamlEvent e;
    e.kind = kind;
    e.pos = pos;
    e.tag = std::move(tag);
    e.flow = flow;
    e.value = std::move(value);
    out_->push_back(std::move(e));
  }
  void EmitPlain(size_t pos, std::string value) {
    if (IsNullString(value)) {
      Emit(YamlEvent::Kind::kNull, pos);
    } else {
      Emit(YamlEvent::Kind::kScalar, pos, "?", false, std::move(value));
    }
  }

  // --- Scalars --------------------------------------------------------------------------------

  // A quoted scalar on one line starting at `p`; `*end` just past the closing quote.
  bool Quoted(size_t p, std::string* value, size_t* end) const {
    char q = t_[p];
    size_t i = p + 1;
    while (i < t_.size()) {
      char c = t_[i];
      if (c == '\n') {
        return false;  // multi-line: folding rules, left to yaml-cpp
      }
      if (c == q) {
        if (q == '\'' && At(i + 1) == '\'') {
          value->push_back('\'');
          i += 2;
          continue;
        }
        *end = i + 1;
        return true;
      }
      if (c == '\\' && q == '"') {
        char e = At(i + 1);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            value->push_back(e);
            break;
          case 'n':
            value->push_back('\n');
            break;
          case 't':
            value->push_back('\t');
            break;
          default:
            return false;  // other escapes: left to yaml-cpp
        }
        i += 2;
        continue;
      }
      value->push_back(c);
      ++i;
    }
    return false;
  }

  // A local tag `!Name` at `p`; `*end` just past it.
  bool Tag(size_t p, std::string* tag, size_t* end) const {
    size_t i = p + 1;
    while (i < t_.size()) {
      char c = t_[i];
      bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == ':' || c == '.' || c == '_' || c == '-';
      if (!ok) {
        break;
      }
      ++i;
    }
    if (i == p + 1 || !SpaceOrEnd(i)) {
      return false;  // `!`, `!!x`, `!<...>`, a tag glued to what follows
    }
    *tag = std::string(t_.substr(p, i - p));
    *end = i;
    return true;
  }

  // A plain scalar cannot start with these, nor with "- ", "? " or ": ".
  static bool IsIndicator(char c) {
    switch (c) {
      case ',':
      case '[':
      case ']':
      case '{':
      case '}':
      case '#':
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '\'':
      case '"':
      case '%':
      case '@':
      case '`':
        return true;
      default:
        return false;
    }
  }
  bool PlainStart(size_t p) const {
    char c = At(p);
    if (c == '\0' || c == ' ' || c == '\n' || IsIndicator(c)) {
      return false;
    }
    return (c != '-' && c != '?' && c != ':') || !SpaceOrEnd(p + 1);
  }

  // A block-context plain scalar on one line from `p`: `*end` just past its last non-space
  // character; `*colon` tells whether it stopped at ": " (or ':' at the line's end).
  void BlockPlain(size_t p, size_t* end, bool* colon) const {
    size_t i = p;
    *colon = false;
    while (i < t_.size() && t_[i] != '\n') {
      if (t_[i] == ':' && SpaceOrEnd(i + 1)) {
        *colon = true;
        break;
      }
      if (t_[i] == '#' && t_[i - 1] == ' ') {
        break;
      }
      ++i;
    }
    while (i > p && t_[i - 1] == ' ') {
      --i;
    }
    *end = i;
  }

  // --- Block collections ----------------------------------------------------------------------

  // A map key at `p` (plain or quoted, on one line, followed by ':'): emits it and sets `*after`
  // past the ':'. With `emit` false only says whether there is one.
  bool Key(size_t p, bool emit, size_t* after) {
    size_t end = 0;
    if (At(p) == '"' || At(p) == '\'') {
      std::string value;
      if (!Quoted(p, &value, &end)) {
        return false;
      }
      size_t q = end;
      while (At(q) == ' ') {
        ++q;
      }
      if (At(q) != ':' || !SpaceOrEnd(q + 1) || q - p >= kMaxImplicitKey) {
        return false;
      }
      if (emit) {
        Emit(YamlEvent::Kind::kScalar, p, "!", false, std::move(value));
      }
      *after = q + 1;
      return true;
    }
    if (!PlainStart(p) || At(p) == ':' || At(p) == '?') {
      return false;
    }
    bool colon = false;
    BlockPlain(p, &end, &colon);
    if (!colon) {
      return false;
    }
    size_t q = end;
    while (At(q) == ' ') {
      ++q;
    }
    if (q - p >= kMaxImplicitKey) {
      return false;
    }
    if (emit) {
      EmitPlain(p, std::string(t_.substr(p, end - p)));
    }
    *after = q + 1;
    return true;
  }

  // The block node whose first content is at `p` (a "- " entry or a "key:"), inside a block
  // collection indented `parent`; `tag` (at `tag_pos`) was read before it. `*next`: the next
  // content after the node.
  bool BlockNode(size_t p, int parent, const std::string& tag, size_t tag_pos, size_t* next) {
    if (++depth_ > kMaxDepth) {
      return false;
    }
    bool ok = false;
    if (IsSeqEntry(p)) {
      ok = BlockSeq(p, tag, tag_pos, next);
    } else {
      size_t after = 0;
      ok = Column(p) > parent && Key(p, false, &after) && BlockMap(p, tag, tag_pos, next);
    }
    --depth_;
    return ok;
  }

  bool BlockMap(size_t p, const std::string& tag, size_t tag_pos, size_t* next) {
    int col = Column(p);
    Emit(YamlEvent::Kind::kMapStart, tag.empty() ? p : tag_pos, tag.empty() ? "?" : tag);
    while (true) {
      size_t after = 0;
      if (!Key(p, true, &after)) {
        return false;
      }
      size_t r = 0;
      if (!Value(after, col, /*map_value=*/true, &r)) {
        return false;
      }
      if (r >= t_.size() || Column(r) < col) {
        *next = r;
        break;
      }
      if (Column(r) > col || IsSeqEntry(r)) {
        return false;
      }
      p = r;
    }
    Emit(YamlEvent::Kind::kMapEnd, 0);
    return true;
  }

  bool BlockSeq(size_t p, const std::string& tag, size_t tag_pos, size_t* next) {
    int col = Column(p);
    Emit(YamlEvent::Kind::kSequenceStart, tag.empty() ? p : tag_pos, tag.empty() ? "?" : tag);
    while (true) {
      size_t q = p + 1;
      while (At(q) == ' ') {
        ++q;
      }
      size_t r = 0;
      size_t after = 0;
      if (RestOfLineEmpty(p + 1)) {
        r = SkipToContent(p + 1);
        if (r < t_.size() && Column(r) > col) {
          if (!BlockNode(r, col, {}, 0, &r)) {
            return false;
          }
        } else {
          Emit(YamlEvent::Kind::kNull, r);
        }
      } else if (IsSeqEntry(q)) {  // "- - x": a sequence in a sequence
        if (++depth_ > kMaxDepth || !BlockSeq(q, {}, 0, &r)) {
          return false;
        }
        --depth_;
      } else if (Key(q, false, &after)) {
        if (++depth_ > kMaxDepth || !BlockMap(q, {}, 0, &r)) {
          return false;
        }
        --depth_;
      } else if (!Value(q, col, /*map_value=*/false, &r)) {
        return false;
      }
      if (r >= t_.size() || Column(r) < col ||
          (Column(r) == col && !IsSeqEntry(r))) {  // the next key of a map at this column
        *next = r;
        break;
      }
      if (Column(r) > col) {
        return false;
      }
      p = r;
    }
    Emit(YamlEvent::Kind::kSequenceEnd, 0);
    return true;
  }

  // The value after "key:" or "- " at `p` (spaces before it allowed), in a block collection
  // indented `col`. `*next`: the next content after it.
  bool Value(size_t p, int col, bool map_value, size_t* next) {
    std::string tag;
    size_t tag_pos = 0;
    while (At(p) == ' ') {
      ++p;
    }
    if (RestOfLineEmpty(p)) {
      size_t r = SkipToContent(p);
      if (r < t_.size() && (Column(r) > col || (map_value && Column(r) == col && IsSeqEntry(r)))) {
        return BlockNode(r, map_value && Column(r) == col ? col - 1 : col, {}, 0, next);
      }
      Emit(YamlEvent::Kind::kNull, r);
      *next = r;
      return true;
    }
    if (At(p) == '!') {
      size_t end = 0;
      if (!Tag(p, &tag, &end)) {
        return false;
      }
      tag_pos = p;
      p = end;
      while (At(p) == ' ') {
        ++p;
      }
      if (RestOfLineEmpty(p)) {
        size_t r = SkipToContent(p);
        if (r < t_.size() &&
            (Column(r) > col || (map_value && Column(r) == col && IsSeqEntry(r)))) {
          return BlockNode(r, map_value && Column(r) == col ? col - 1 : col, tag, tag_pos, next);
        }
        Emit(YamlEvent::Kind::kScalar, tag_pos, tag);  // an empty tagged scalar
        *next = r;
        return true;
      }
    }
    size_t mark = tag.empty() ? p : tag_pos;
    char c = At(p);
    size_t end = 0;
    if (c == '"' || c == '\'') {
      std::string value;
      if (!Quoted(p, &value, &end) || !RestOfLineEmpty(end)) {
        return false;
      }
      Emit(YamlEvent::Kind::kScalar, mark, tag.empty() ? "!" : tag, false, std::move(value));
    } else if (c == '[' || c == '{') {
      if (!Flow(p, tag, mark, &end) || !RestOfLineEmpty(end)) {
        return false;
      }
    } else if (c == '|' || c == '>') {
      return BlockScalar(p, col, tag, mark, next);
    } else if (PlainStart(p)) {
      bool colon = false;
      BlockPlain(p, &end, &colon);
      if (colon) {
        return false;  // "a: b: c", or a map in a sequence entry handled by the caller
      }
      std::string value(t_.substr(p, end - p));
      if (tag.empty()) {
        EmitPlain(mark, std::move(value));
      } else {
        Emit(YamlEvent::Kind::kScalar, mark, tag, false, std::move(value));
      }
    } else {
      return false;
    }
    size_t r = SkipToContent(end);
    if (r < t_.size() && Column(r) > col) {
      return false;  // a plain scalar continued on the next line, or an error
    }
    *next = r;
    return true;
  }

  // A literal (|) or folded (>) block scalar whose header is at `p`, in a block collection
  // indented `col`.
  bool BlockScalar(size_t p, int col, const std::string& tag, size_t mark, size_t* next) {
    bool literal = t_[p] == '|';
    char chomp = ' ';
    size_t h = p + 1;
    if (At(h) == '-' || At(h) == '+') {
      chomp = t_[h++];
    }
    if (!SpaceOrEnd(h) || !RestOfLineEmpty(h)) {
      return false;  // indentation indicators, or text after the header
    }
    size_t line = LineEnd(h);
    if (line >= t_.size()) {
      return false;
    }
    ++line;  // the first line of content
    // Lines: content lines indented at least `indent`, and empty lines.
    int indent = -1;
    std::vector<std::string_view> lines;  // content without the indentation; "" for empty
    size_t last_content = 0;              // lines.size() after the last content line
    size_t stop = line;
    while (line < t_.size()) {
      size_t end = LineEnd(line);
      std::string_view text = t_.substr(line, end - line);
      size_t spaces = text.find_first_not_of(' ');
      if (spaces == std::string_view::npos) {
        if (!text.empty()) {
          return false;  // a line of only spaces: its meaning depends on the indentation
        }
        lines.emplace_back();
      } else {
        if (indent < 0) {
          if (static_cast<int>(spaces) <= col || !lines.empty()) {
            return false;  // empty scalar, or leading empty lines
          }
          indent = static_cast<int>(spaces);
        }
        if (static_cast<int>(spaces) < indent) {
          break;
        }
        lines.push_back(text.substr(indent));
        last_content = lines.size();
      }
      if (end >= t_.size()) {
        return false;  // no line break at the end of the file
      }
      line = end + 1;
      stop = line;
    }
    if (indent < 0) {
      return false;
    }
    // Literal: lines joined by line breaks. Folded: the break between two lines of text is a
    // space, or, with empty lines between them, those lines' breaks only; around a
    // more-indented line (one that starts with a space) every break is kept.
    std::string value;
    size_t empties = 0;
    bool previous_more = false;
    for (size_t i = 0; i < last_content; ++i) {
      if (lines[i].empty()) {
        ++empties;
        continue;
      }
      bool more = lines[i][0] == ' ';
      if (i > 0) {
        if (!literal && !previous_more && !more) {
          if (empties == 0) {
            value.push_back(' ');
          } else {
            value.append(empties, '\n');
          }
        } else {
          value.append(empties + 1, '\n');
        }
      }
      value.append(lines[i]);
      empties = 0;
      previous_more = more;
    }
    if (chomp != '-') {
      value.push_back('\n');
    }
    if (chomp == '+') {
      value.append(lines.size() - last_content, '\n');
    }
    Emit(YamlEvent::Kind::kScalar, mark, tag.empty() ? "!" : tag, false, std::move(value));
    size_t r = SkipToContent(stop);
    if (r < t_.size() && Column(r) > col) {
      return false;
    }
    *next = r;
    return true;
  }

  // --- Flow collections -----------------------------------------------------------------------

  // Past spaces, line breaks and comments inside a flow collection.
  size_t FlowSkip(size_t p) const { return SkipToContent(p); }

  bool Flow(size_t p, const std::string& tag, size_t mark, size_t* end) {
    if (++depth_ > kMaxDepth) {
      return false;
    }
    bool map = t_[p] == '{';
    char close = map ? '}' : ']';
    Emit(map ? YamlEvent::Kind::kMapStart : YamlEvent::Kind::kSequenceStart, mark,
         tag.empty() ? "?" : tag, true);
    size_t q = FlowSkip(p + 1);
    if (At(q) == close) {
      q += 1;
    } else {
      while (true) {
        size_t key_start = q;
        if (!FlowNode(q, map, &q)) {
          return false;
        }
        if (map) {
          while (At(q) == ' ') {
            ++q;
          }
          if (At(q) != ':' || q - key_start >= kMaxImplicitKey) {
            return false;  // (an implicit key and its ':' are on one line, close together)
          }
          q = FlowSkip(q + 1);
          if (At(q) == ',' || At(q) == close || !FlowNode(q, false, &q)) {
            return false;
          }
          q = FlowSkip(q);
        } else {
          q = FlowSkip(q);
          if (At(q) == ':') {
            return false;  // a pair in a sequence
          }
        }
        if (At(q) == ',') {
          q = FlowSkip(q + 1);
          if (At(q) == close || At(q) == ',') {
            return false;  // a trailing or doubled comma
          }
          continue;
        }
        if (At(q) != close) {
          return false;
        }
        q += 1;
        break;
      }
    }
    Emit(map ? YamlEvent::Kind::kMapEnd : YamlEvent::Kind::kSequenceEnd, 0);
    *end = q;
    --depth_;
    return true;
  }

  // One node inside a flow collection at `p`; `*end` just past it. `key`: a map key (scalars
  // only).
  bool FlowNode(size_t p, bool key, size_t* end) {
    std::string tag;
    size_t mark = p;
    if (At(p) == '!') {
      if (key || !Tag(p, &tag, &p)) {
        return false;
      }
      while (At(p) == ' ') {
        ++p;
      }
    }
    char c = At(p);
    if (c == '"' || c == '\'') {
      std::string value;
      if (!Quoted(p, &value, end)) {
        return false;
      }
      Emit(YamlEvent::Kind::kScalar, mark, tag.empty() ? "!" : tag, false, std::move(value));
      return true;
    }
    if (c == '[' || c == '{') {
      return !key && Flow(p, tag, mark, end);
    }
    if (!PlainStart(p)) {
      return false;
    }
    size_t i = p;
    while (i < t_.size()) {
      char d = t_[i];
      if (d == '\n' || d == ',' || d == '[' || d == ']' || d == '{' || d == '}') {
        break;
      }
      // As yaml-cpp: ':' ends a flow scalar before a space or the end of an item ("a:[b]"
      // reads "a:", then refuses the '[').
      if (d == ':' &&
          (SpaceOrEnd(i + 1) || At(i + 1) == ',' || At(i + 1) == ']' || At(i + 1) == '}')) {
        break;
      }
      if (d == '#' && t_[i - 1] == ' ') {
        break;
      }
      if (d == '?') {
        return false;  // yaml-cpp refuses '?' in flow scalars
      }
      ++i;
    }
    size_t stop = i;
    while (i > p && t_[i - 1] == ' ') {
      --i;
    }
    if (At(stop) == '\n' || At(stop) == '#') {
      // Only an end of item may follow on a later line; anything else continues the scalar.
      char after = At(FlowSkip(stop));
      if (after != ',' && after != ']' && after != '}') {
        return false;
      }
    }
    std::string value(t_.substr(p, i - p));
    if (tag.empty()) {
      EmitPlain(mark, std::move(value));
    } else {
      Emit(YamlEvent::Kind::kScalar, mark, tag, false, std::move(value));
    }
    *end = i;
    return true;
  }

  std::string_view t_;
  std::vector<YamlEvent>* out_;
  int depth_ = 0;
};

}  // namespace

bool ReadYamlEventsFast(std::string_view text, std::vector<YamlEvent>* events) {
  events->clear();
  return FastYaml(text, events).Run();
}

}  // namespace cfnx::internal
