// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The YAML reader: yaml-cpp's event parser drives a builder that creates AST nodes with source
// ranges. This is the one file that calls yaml-cpp; its exceptions stop here and become E0000
// diagnostics. yaml-cpp reports only where a node starts, so ends are found by scanning the
// source text from there.

#include <cstdio>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "engine/ast/dump.h"
#include "engine/base/edit_distance.h"
#include "engine/parse/fast_yaml.h"
#include "engine/parse/json_reader.h"
#include "engine/parse/parse_internal.h"

namespace cfnx::internal {
namespace {

// Thrown from the event handler to stop yaml-cpp when a limit is hit; caught in ReadYaml.
struct LimitExceeded {
  size_t offset;
  std::string message;
};

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

class Builder : public YAML::EventHandler {
 public:
  Builder(const SourceManager& sources, FileId file, Document& doc, DiagnosticSink& diags,
          const LoadOptions& options)
      : sources_(sources),
        file_(file),
        text_(sources.contents(file)),
        doc_(doc),
        diags_(diags),
        options_(options) {}

  const Node* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    size_t at = SkipTagAndAnchor(Offset(mark));
    // `~` or `null` spans its text; an empty value is an empty range where yaml-cpp saw it.
    size_t end = (at < text_.size() && (text_[at] == '~' || text_[at] == 'n' || text_[at] == 'N'))
                     ? ScalarEnd(at)
                     : at;
    const Node* node = doc_.New<NullNode>(Range(at, end), std::string(text_.substr(at, end - at)));
    Emit(node, 1, end, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw LimitExceeded{Offset(mark), "Alias refers to an anchor that is not defined."};
    }
    Emit(it->second.node, it->second.size, AliasEnd(Offset(mark)), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    size_t begin = Offset(mark);
    size_t value_begin = SkipTagAndAnchor(begin);
    size_t end = ScalarEnd(value_begin);
    if (end == text_.size() + 1) {
      // yaml-cpp accepts a quoted scalar that runs to the end of the file; YAML does not.
      throw LimitExceeded{value_begin, "Unterminated quoted string: the closing quote is missing."};
    }
    SourceRange range = Range(begin, end);
    const Node* node = nullptr;
    FnKind fn;
    if (tag == "?" || tag.empty()) {
      node = MakePlainScalar(doc_, range, value);
    } else if (tag == "!") {
      node = doc_.New<StringNode>(range, value, true);
    } else if (FnFromTag(tag, &fn)) {
      bool quoted =
          value_begin < text_.size() && (text_[value_begin] == '"' || text_[value_begin] == '\'');
      SourceRange value_range = Range(value_begin, end);
      const Node* args = doc_.New<StringNode>(value_range, value, quoted);
      if (fn == FnKind::kGetAtt) {
        args = SplitGetAtt(value, value_range, value_begin, quoted);
      }
      node =
          doc_.New<FnCallNode>(range, fn, args, FnForm::kShort, Range(begin, begin + tag.size()));
    } else {
      node = MakeStandardTagged(tag, value, range, begin);
    }
    Emit(node, 1, end, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Push(mark, tag, anchor, style, /*is_map=*/false);
  }
  void OnSequenceEnd() override { Pop(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Push(mark, tag, anchor, style, /*is_map=*/true);
  }
  void OnMapEnd() override { Pop(); }

 private:
  struct Frame {
    bool is_map = false;
    bool flow = false;
    size_t begin = 0;
    size_t end = 0;
    std::string tag;
    YAML::anchor_t anchor = 0;
    size_t size = 1;  // expanded node count, aliases followed
    std::vector<const Node*> items;
    std::vector<MapEntry> entries;
    const StringNode* pending_key = nullptr;
  };
  struct Anchored {
    const Node* node;
    size_t size;
  };

  size_t Offset(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) {
      return 0;
    }
    return std::min(static_cast<size_t>(mark.pos), text_.size());
  }
  SourceRange Range(size_t begin, size_t end) const {
    return {sources_.LocFromOffset(file_, begin), sources_.LocFromOffset(file_, end)};
  }
  bool InFlow() const { return !stack_.empty() && stack_.back().flow; }

  // yaml-cpp marks a node where its properties (tag, anchor) start; the value follows them.
  size_t SkipTagAndAnchor(size_t at) const {
    while (at < text_.size() && (text_[at] == '!' || text_[at] == '&')) {
      while (at < text_.size() && text_[at] != ' ' && text_[at] != '\n' && text_[at] != '\t') {
        ++at;
      }
      while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) {
        ++at;
      }
    }
    return at;
  }

  size_t AliasEnd(size_t at) const {
    size_t i = at + 1;
    while (i < text_.size() && text_[i] != ' ' && text_[i] != '\n' && text_[i] != ',' &&
           text_[i] != ']' && text_[i] != '}' && text_[i] != '\r') {
      ++i;
    }
    return i;
  }

  size_t LineIndent(size_t at) const {
    size_t line_start = text_.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = (line_start == std::string_view::npos || at == 0) ? 0 : line_start + 1;
    size_t i = line_start;
    while (i < text_.size() && text_[i] == ' ')
      ++i;
    return i - line_start;
  }

  // The offset just past the scalar that starts at `at`; text_.size() + 1 for a quoted scalar
  // whose closing quote is missing.
  size_t ScalarEnd(size_t at) const {
    if (at >= text_.size())
      return at;
    char c = text_[at];
    if (c == '"' || c == '\'') {
      size_t i = at + 1;
      while (i < text_.size()) {
        if (c == '"' && text_[i] == '\\') {
          i += 2;
          continue;
        }
        if (text_[i] == c) {
          if (c == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
            i += 2;
            continue;
          }
          return i + 1;
        }
        ++i;
      }
      return text_.size() + 1;
    }
    if (c == '|' || c == '>') {
      return BlockScalarEnd(at);
    }
    bool flow = InFlow();
    size_t i = at;
    while (i < text_.size()) {
      char ch = text_[i];
      if (ch == '\n' || ch == '\r')
        break;
      if (ch == ':' &&
          (i + 1 >= text_.size() || text_[i + 1] == ' ' || text_[i + 1] == '\n' ||
           text_[i + 1] == '\r' ||
           (flow && (text_[i + 1] == ',' || text_[i + 1] == '}' || text_[i + 1] == ']')))) {
        break;
      }
      if (ch == '#' && i > at && (text_[i - 1] == ' ' || text_[i - 1] == '\t'))
        break;
      if (flow && (ch == ',' || ch == ']' || ch == '}'))
        break;
      ++i;
    }
    while (i > at && (text_[i - 1] == ' ' || text_[i - 1] == '\t'))
      --i;
    return i;
  }

  size_t BlockScalarEnd(size_t at) const {
    size_t indent = LineIndent(at);
    size_t line_end = text_.find('\n', at);
    size_t end = line_end == std::string_view::npos ? text_.size() : line_end;
    size_t i = end;
    while (i < text_.size()) {
      size_t next = i + 1;
      size_t j = next;
      while (j < text_.size() && text_[j] == ' ')
        ++j;
      size_t nl = text_.find('\n', next);
      size_t stop = nl == std::string_view::npos ? text_.size() : nl;
      bool blank = j >= stop || text_[j] == '\r';
      if (!blank && j - next <= indent)
        break;
      if (!blank)
        end = stop;
      if (nl == std::string_view::npos)
        break;
      i = nl;
    }
    while (end > at && text_[end - 1] == '\r')
      --end;
    return end;
  }

  // `!GetAtt Res.Attr.More` is the list [Res, Attr.More]: split at the first dot.
  const Node* SplitGetAtt(const std::string& value, SourceRange whole, size_t value_begin,
                          bool quoted) {
    size_t dot = value.find('.');
    if (dot == std::string::npos) {
      return doc_.New<StringNode>(whole, value, quoted);
    }
    size_t base = value_begin + (quoted ? 1 : 0);
    const Node* res = doc_.New<StringNode>(Range(base, base + dot), value.substr(0, dot), quoted);
    const Node* attr = doc_.New<StringNode>(Range(base + dot + 1, base + value.size()),
                                            value.substr(dot + 1), quoted);
    return doc_.New<ListNode>(whole, std::vector<const Node*>{res, attr});
  }

  const Node* MakeStandardTagged(const std::string& tag, const std::string& value,
                                 SourceRange range, size_t begin) {
    if (tag.compare(0, kYamlTagPrefix.size(), kYamlTagPrefix) == 0) {
      std::string_view kind = std::string_view(tag).substr(kYamlTagPrefix.size());
      if (kind == "str")
        return doc_.New<StringNode>(range, value, true);
      if (kind == "int" || kind == "float" || kind == "bool" || kind == "null") {
        const Node* typed = MakePlainScalar(doc_, range, value);
        bool matches = (kind == "null" && isa<NullNode>(typed)) ||
                       (kind == "bool" && isa<BoolNode>(typed)) ||
                       ((kind == "int" || kind == "float") && isa<NumberNode>(typed));
        if (matches)
          return typed;
        ReportAt(begin,
                 "Value " + QuoteString(value) + " is not a valid !!" + std::string(kind) + ".");
        return doc_.New<StringNode>(range, value, true);
      }
    }
    ReportUnknownTag(tag, begin);
    return WrapUnknownTag(tag, MakePlainScalar(doc_, range, value), range, begin);
  }

  // After an unknown local tag (`!Rain::S3 {...}`), the value reads as cfn-lint reads it: a map
  // {"Fn::Rain::S3": value} whose key is the tag, so later checks see a function they do not
  // know rather than the tagged value's own keys.
  const Node* WrapUnknownTag(const std::string& tag, const Node* value, SourceRange range,
                             size_t begin) {
    if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!')
      return value;
    const StringNode* key =
        doc_.New<StringNode>(Range(begin, begin + tag.size()), "Fn::" + tag.substr(1), false);
    return doc_.New<MapNode>(range, std::vector<MapEntry>{MapEntry{key, value}});
  }

  void ReportAt(size_t at, std::string message) {
    diags_.Report(DiagCode::kE0000, Range(at, at + 1), TemplatePath(), std::move(message));
  }

  void ReportUnknownTag(const std::string& tag, size_t begin) {
    static const std::vector<std::string_view> known = {"!Ref",
                                                        "!Condition",
                                                        "!GetAtt",
                                                        "!Sub",
                                                        "!Join",
                                                        "!Select",
                                                        "!Split",
                                                        "!FindInMap",
                                                        "!Base64",
                                                        "!Cidr",
                                                        "!GetAZs",
                                                        "!ImportValue",
                                                        "!If",
                                                        "!Equals",
                                                        "!And",
                                                        "!Or",
                                                        "!Not",
                                                        "!Transform",
                                                        "!GetStackOutput",
                                                        "!Contains",
                                                        "!EachMemberEquals",
                                                        "!EachMemberIn",
                                                        "!RefAll",
                                                        "!ValueOf",
                                                        "!ValueOfAll"};
    std::string shown = tag.compare(0, kYamlTagPrefix.size(), kYamlTagPrefix) == 0
                            ? "!!" + tag.substr(kYamlTagPrefix.size())
                            : tag;
    diags_.Report(DiagCode::kE0000,
                  Range(begin, begin + std::min(shown.size(), text_.size() - begin)),
                  TemplatePath(),
                  "Unknown tag '" + shown +
                      "': CloudFormation accepts only the short forms of "
                      "intrinsic functions." +
                      DidYouMean(shown, known));
  }

  void Push(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, bool is_map) {
    if (stack_.size() >= options_.max_depth) {
      throw LimitExceeded{Offset(mark), "Template nesting is too deep (more than " +
                                            std::to_string(options_.max_depth) +
                                            " levels); refusing to read further."};
    }
    size_t begin = Offset(mark);
    Frame frame;
    frame.is_map = is_map;
    frame.flow = style == YAML::EmitterStyle::Flow;
    frame.begin = begin;
    frame.end = begin;
    frame.tag = tag;
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void Pop() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    size_t value_begin = SkipTagAndAnchor(frame.begin);
    size_t end = frame.end;
    if (frame.flow) {
      // The closing bracket follows the last item (or the opening bracket).
      char close = frame.is_map ? '}' : ']';
      size_t from = std::max(end, value_begin + 1);
      size_t found = text_.find(close, from);
      end = found == std::string_view::npos ? text_.size() : found + 1;
    }
    SourceRange range = Range(frame.begin, end);
    SourceRange value_range = Range(value_begin, end);
    const Node* node = nullptr;
    if (frame.is_map) {
      if (frame.pending_key != nullptr) {  // a key without value cannot happen in events
        frame.entries.push_back(
            {frame.pending_key, doc_.New<NullNode>(frame.pending_key->range(), "")});
      }
      node = FinishMap(doc_, value_range, std::move(frame.entries), diags_);
    } else {
      node = doc_.New<ListNode>(value_range, std::move(frame.items));
    }
    FnKind fn;
    if (frame.tag.empty() || frame.tag == "?" || frame.tag == "!") {
      // untagged
    } else if (FnFromTag(frame.tag, &fn)) {
      node = doc_.New<FnCallNode>(range, fn, node, FnForm::kShort,
                                  Range(frame.begin, frame.begin + frame.tag.size()));
    } else if (frame.tag == std::string(kYamlTagPrefix) + "map" ||
               frame.tag == std::string(kYamlTagPrefix) + "seq") {
      // explicit standard collection tags change nothing
    } else {
      ReportUnknownTag(frame.tag, frame.begin);
      node = WrapUnknownTag(frame.tag, node, range, frame.begin);
    }
    Emit(node, frame.size, end, frame.anchor);
  }

  void Emit(const Node* node, size_t size, size_t end, YAML::anchor_t anchor) {
    if (anchor != 0) {
      anchors_[anchor] = Anchored{node, size};
    }
    if (stack_.empty()) {
      if (root_ == nullptr)
        root_ = node;
      return;
    }
    Frame& top = stack_.back();
    top.end = std::max(top.end, end);
    top.size += size;
    if (top.size > options_.max_expanded_nodes) {
      throw LimitExceeded{top.begin, "YAML aliases expand this document to more than " +
                                         std::to_string(options_.max_expanded_nodes) +
                                         " nodes (an alias bomb?); refusing to expand it."};
    }
    if (!top.is_map) {
      top.items.push_back(node);
      return;
    }
    if (top.pending_key == nullptr) {
      top.pending_key = AsKey(node);
      return;
    }
    top.entries.push_back({top.pending_key, node});
    top.pending_key = nullptr;
  }

  const StringNode* AsKey(const Node* node) {
    if (const auto* s = dyn_cast<StringNode>(node)) {
      return s;
    }
    if (const auto* scalar = dyn_cast<ScalarNode>(node)) {
      return doc_.New<StringNode>(node->range(), scalar->text(), scalar->quoted());
    }
    // PyYAML (and so CloudFormation's tooling) cannot read such a key; neither do we.
    throw LimitExceeded{sources_.OffsetFromLoc(node->range().begin),
                        "A mapping key must be a scalar, not a " +
                            std::string(NodeKindName(node->kind())) +
                            " (is a ':' missing, or a value not indented?)."};
  }

  const SourceManager& sources_;
  FileId file_;
  std::string_view text_;
  Document& doc_;
  DiagnosticSink& diags_;
  const LoadOptions& options_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  const Node* root_ = nullptr;
};

// YAML allows only printable characters (YAML 1.1 section 5.1, PyYAML's reader as cfn-lint uses
// it). CheckUtf8 has refused C0 controls already (a NUL made yaml-cpp stop reading, so the rest
// of the template vanished without an error: found by the yaml_reader fuzzer); this refuses
// the rest PyYAML refuses: DEL, C1 controls but NEL, U+FFFE and U+FFFF.
bool CheckCharacters(const SourceManager& sources, FileId file, DiagnosticSink& diags) {
  std::string_view text = sources.contents(file);
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    uint32_t cp = 0;
    size_t length = 0;  // of the unacceptable character, when there is one
    if (c == 0x7F) {
      cp = c;
      length = 1;
    } else if (c == 0xC2 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F && next != 0x85) {
        cp = next;
        length = 2;
      }
    } else if (c == 0xEF && text.substr(i + 1, 1) == "\xBF" && i + 2 < text.size() &&
               (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      cp = text[i + 2] == '\xBE' ? 0xFFFE : 0xFFFF;
      length = 3;
    }
    if (length != 0) {
      char name[16];
      std::snprintf(name, sizeof name, "#x%04X", cp);
      SourceLoc at = sources.LocFromOffset(file, i);
      diags.Report(DiagCode::kE0000, SourceRange{at, sources.LocFromOffset(file, i + length)},
                   TemplatePath(),
                   std::string("Unacceptable character ") + name +
                       " in YAML: control and special characters are not allowed (write it as "
                       "an escape in a double-quoted string).");
      return false;
    }
  }
  return true;
}

// YAML forbids tabs in indentation; yaml-cpp accepts some of them. Report the first one outside
// block scalars, as CloudFormation's parser rejects the template.
bool CheckTabs(const SourceManager& sources, FileId file, DiagnosticSink& diags) {
  std::string_view text = sources.contents(file);
  size_t pos = 0;
  long block_indent = -1;  // indentation of the line that opened a block scalar
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    size_t spaces = 0;
    while (spaces < line.size() && line[spaces] == ' ')
      ++spaces;
    size_t ws = line.find_first_not_of(" \t\r");
    bool blank = ws == std::string_view::npos;
    if (block_indent >= 0 && (blank || static_cast<long>(spaces) > block_indent)) {
      // inside a block scalar: tabs are content
    } else {
      block_indent = -1;
      if (!blank && line.substr(0, ws).find('\t') != std::string_view::npos && line[ws] != '#') {
        size_t tab = pos + line.find('\t');
        SourceLoc at = sources.LocFromOffset(file, tab);
        diags.Report(DiagCode::kE0000, SourceRange{at, sources.LocFromOffset(file, tab + 1)},
                     TemplatePath(),
                     "Tab character in indentation: YAML indentation must use spaces.");
        return false;
      }
      // Does this line open a block scalar (`key: |`, `- >-`)?
      size_t last = line.find_last_not_of(" \t\r");
      if (last != std::string_view::npos) {
        size_t k = last;
        while (k > 0 && (line[k] == '-' || line[k] == '+' || (line[k] >= '0' && line[k] <= '9')))
          --k;
        if ((line[k] == '|' || line[k] == '>') && (k == 0 || line[k - 1] == ' ')) {
          block_indent = static_cast<long>(spaces);
        }
      }
    }
    if (nl == std::string_view::npos)
      break;
    pos = nl + 1;
  }
  return true;
}

std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string ExplainYamlError(const std::string& msg) {
  struct Known {
    std::string_view yaml_cpp;
    std::string_view explanation;
  };
  // yaml-cpp's terse messages, said the way a template author thinks about them.
  static constexpr Known kKnown[] = {
      {"end of string not found", "Unterminated quoted string: the closing quote is missing."},
      {"end of map not found",
       "YAML syntax error: expected a 'key: value' line here; check this line's indentation."},
      {"end of sequence not found",
       "YAML syntax error: expected a '- item' line here; check this line's indentation."},
      {"end of map flow not found", "YAML syntax error: a '{' is not closed by a '}'."},
      {"end of sequence flow not found", "YAML syntax error: a '[' is not closed by a ']'."},
      {"illegal map value",
       "YAML syntax error: a ':' is not allowed here (quote a value that contains ': ')."},
      {"unknown escape character",
       "YAML syntax error: unknown escape sequence in a quoted string."},
  };
  for (const Known& k : kKnown) {
    if (msg.find(k.yaml_cpp) != std::string::npos)
      return std::string(k.explanation);
  }
  return "YAML syntax error: " + Capitalize(msg) + ".";
}

// Feeds events read by the fast reader to `handler`, as yaml-cpp's parser would.
void Replay(const std::vector<YamlEvent>& events, YAML::EventHandler& handler) {
  YAML::Mark mark;
  mark.line = 0;
  mark.column = 0;
  mark.pos = 0;
  handler.OnDocumentStart(mark);
  for (const YamlEvent& e : events) {
    mark.pos = static_cast<int>(e.pos);
    YAML::EmitterStyle::value style = e.flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
    switch (e.kind) {
      case YamlEvent::Kind::kNull:
        handler.OnNull(mark, YAML::NullAnchor);
        break;
      case YamlEvent::Kind::kScalar:
        handler.OnScalar(mark, e.tag, YAML::NullAnchor, e.value);
        break;
      case YamlEvent::Kind::kSequenceStart:
        handler.OnSequenceStart(mark, e.tag, YAML::NullAnchor, style);
        break;
      case YamlEvent::Kind::kSequenceEnd:
        handler.OnSequenceEnd();
        break;
      case YamlEvent::Kind::kMapStart:
        handler.OnMapStart(mark, e.tag, YAML::NullAnchor, style);
        break;
      case YamlEvent::Kind::kMapEnd:
        handler.OnMapEnd();
        break;
    }
  }
  handler.OnDocumentEnd();
}

}  // namespace

const Node* ReadYaml(const SourceManager& sources, FileId file, Document& doc,
                     DiagnosticSink& diags, const LoadOptions& options, bool use_fast_reader) {
  if (!CheckCharacters(sources, file, diags) || !CheckTabs(sources, file, diags)) {
    return nullptr;
  }
  Builder builder(sources, file, doc, diags, options);
  auto report = [&](size_t offset, const std::string& message) {
    SourceLoc at = sources.LocFromOffset(file, offset);
    diags.Report(DiagCode::kE0000, SourceRange{at, sources.LocFromOffset(file, offset + 1)},
                 TemplatePath(), message);
  };
  try {
    std::vector<YamlEvent> events;
    if (use_fast_reader && ReadYamlEventsFast(sources.contents(file), &events)) {
      Replay(events, builder);
      return builder.root();
    }
    std::istringstream stream{std::string(sources.contents(file))};
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      return nullptr;  // no document: LoadTemplate reports the empty file
    }
    if (parser.HandleNextDocument(builder)) {
      report(sources.contents(file).size(),
             "The file holds more than one YAML document; "
             "a template is exactly one.");
      return nullptr;
    }
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own recursion guard can fire before ours; report it the same way.
    report(e.mark.pos < 0 ? 0 : e.mark.pos, "Template nesting is too deep (more than " +
                                                std::to_string(options.max_depth) +
                                                " levels); refusing to read further.");
    return nullptr;
  } catch (const YAML::Exception& e) {
    report(e.mark.pos < 0 ? 0 : e.mark.pos, ExplainYamlError(e.msg));
    return nullptr;
  } catch (const LimitExceeded& e) {
    report(e.offset, e.message);
    return nullptr;
  }
  return builder.root();
}

}  // namespace cfnx::internal
