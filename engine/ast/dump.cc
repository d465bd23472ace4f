// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/ast/dump.h"

#include <cstdio>

namespace cfnx {
namespace {

void AppendRange(const Node& node, std::string* out) {
  const SourceRange& r = node.range();
  *out += "@" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" +
          std::to_string(r.end.line) + ":" + std::to_string(r.end.column);
}

void DumpInto(const Node& node, bool with_ranges, std::string* out) {
  switch (node.kind()) {
    case NodeKind::kNull:
      *out += "null";
      break;
    case NodeKind::kBool:
      *out += cast<BoolNode>(&node)->value() ? "true" : "false";
      break;
    case NodeKind::kNumber:
      *out += cast<NumberNode>(&node)->text();
      break;
    case NodeKind::kString:
      *out += QuoteString(cast<StringNode>(&node)->value());
      break;
    case NodeKind::kList: {
      *out += "list{";
      const char* sep = "";
      for (const Node* item : cast<ListNode>(&node)->items()) {
        *out += sep;
        DumpInto(*item, with_ranges, out);
        sep = " ";
      }
      *out += "}";
      break;
    }
    case NodeKind::kMap: {
      *out += "map{";
      const char* sep = "";
      for (const MapEntry& e : cast<MapNode>(&node)->entries()) {
        *out += sep;
        *out += e.key->value();
        if (with_ranges) {
          AppendRange(*e.key, out);
        }
        *out += ":";
        DumpInto(*e.value, with_ranges, out);
        sep = " ";
      }
      *out += "}";
      break;
    }
    case NodeKind::kFnCall: {
      const auto* fn = cast<FnCallNode>(&node);
      std::string_view name = FnName(fn->fn());
      if (name.substr(0, 4) == "Fn::") {
        name.remove_prefix(4);
      }
      if (fn->form() == FnForm::kShort) {
        *out += "!";
      }
      *out += name;
      *out += "(";
      DumpInto(*fn->args(), with_ranges, out);
      *out += ")";
      break;
    }
  }
  if (with_ranges) {
    AppendRange(node, out);
  }
}

}  // namespace

std::string QuoteString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += "\"";
  return out;
}

std::string Dump(const Node& node, bool with_ranges) {
  std::string out;
  DumpInto(node, with_ranges, &out);
  return out;
}

}  // namespace cfnx
