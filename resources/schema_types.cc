// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/schema_types.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace cfnx {

using Json = nlohmann::json;

unsigned TypeBitFor(std::string_view name) {
  if (name == "string")
    return kTString;
  if (name == "integer")
    return kTInteger;
  if (name == "number")
    return kTNumber;
  if (name == "boolean")
    return kTBoolean;
  if (name == "object")
    return kTObject;
  if (name == "array")
    return kTArray;
  if (name == "null")
    return kTNull;
  return 0;
}

unsigned SchemaTypes(const Json& s) {
  auto it = s.find("type");
  if (it == s.end()) {
    return 0;
  }
  unsigned bits = 0;
  if (it->is_string()) {
    bits = TypeBitFor(it->get_ref<const std::string&>());
  } else if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string()) {
        bits |= TypeBitFor(t.get_ref<const std::string&>());
      }
    }
  }
  return bits;
}

std::string TypeNames(unsigned bits) {
  static const std::pair<unsigned, const char*> kNames[] = {
      {kTString, "a string"},   {kTInteger, "an integer"}, {kTNumber, "a number"},
      {kTBoolean, "a boolean"}, {kTObject, "an object"},   {kTArray, "a list"},
      {kTNull, "null"}};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (bits & bit) {
      out += out.empty() ? "" : " or ";
      out += name;
    }
  }
  return out;
}

bool ParseNumber(const std::string& text, double* out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) {
    return false;
  }
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(*out);
}

bool IsIntegerText(const std::string& text) {
  size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (i >= text.size()) {
    return false;
  }
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return false;
    }
  }
  return true;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

unsigned ValueTypes(const Node* v) {
  switch (v->kind()) {
    case NodeKind::kMap:
      return kTObject;
    case NodeKind::kList:
      return kTArray;
    case NodeKind::kBool:
      return kTBoolean | kTString;
    case NodeKind::kNumber: {
      const auto* n = cast<NumberNode>(v);
      unsigned bits = kTNumber | kTString;
      if (n->is_integer() || n->value() == std::floor(n->value())) {
        bits |= kTInteger;
      }
      return bits;
    }
    case NodeKind::kString: {
      const std::string& s = cast<StringNode>(v)->value();
      unsigned bits = kTString;
      double d = 0;
      if (ParseNumber(s, &d)) {
        bits |= kTNumber;
        if (IsIntegerText(s)) {
          bits |= kTInteger;
        }
      }
      if (EqualsIgnoreCase(s, "true") || EqualsIgnoreCase(s, "false")) {
        bits |= kTBoolean;
      }
      return bits;
    }
    case NodeKind::kNull:
      return ~0u;  // left to CloudFormation: an empty value is usually a mistake, not a type
    case NodeKind::kFnCall:
      return 0;
  }
  return 0;
}

std::string_view KindNoun(const Node* v) {
  switch (v->kind()) {
    case NodeKind::kMap:
      return "an object";
    case NodeKind::kList:
      return "a list";
    case NodeKind::kBool:
      return "a boolean";
    case NodeKind::kNumber:
      return "a number";
    case NodeKind::kString:
      return "a string";
    default:
      return "a value";
  }
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  return n;
}

std::string JsonScalarText(const Json& j) {
  if (j.is_string()) {
    return j.get<std::string>();
  }
  return j.dump();
}

std::string NumberText(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<long long>(d));
  }
  return Json(d).dump();
}

}  // namespace cfnx
