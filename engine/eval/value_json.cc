// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/eval/value_json.h"

#include <cmath>

namespace cfnx {
namespace {

OrderedJson NumberJson(const Value& v) {
  // Keep the lexeme when it is a JSON number as written (3.0 stays 3.0).
  OrderedJson parsed = OrderedJson::parse(v.as_string(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_number())
    return parsed;
  double d = v.as_number();
  if (!std::isfinite(d))
    return OrderedJson(v.as_string());
  if (d == std::floor(d) && std::fabs(d) < 9e15)
    return OrderedJson(static_cast<int64_t>(d));
  return OrderedJson(d);
}

}  // namespace

OrderedJson ValueToJson(const Value& v, bool mask_sensitive) {
  if (mask_sensitive && v.sensitive() && v.is_scalar())
    return OrderedJson(kMaskedValue);
  switch (v.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kNoValue:
    case Value::Kind::kError:
      return OrderedJson(nullptr);
    case Value::Kind::kBool:
      return OrderedJson(v.as_bool());
    case Value::Kind::kNumber:
      return NumberJson(v);
    case Value::Kind::kString:
      return OrderedJson(v.as_string());
    case Value::Kind::kList: {
      OrderedJson out = OrderedJson::array();
      for (const Value& item : v.list()) {
        if (!item.is_no_value())
          out.push_back(ValueToJson(item, mask_sensitive));
      }
      return out;
    }
    case Value::Kind::kMap: {
      OrderedJson out = OrderedJson::object();
      for (const ValueEntry& e : v.map()) {
        if (!e.value.is_no_value())
          out[e.key] = ValueToJson(e.value, mask_sensitive);
      }
      return out;
    }
    case Value::Kind::kUnknown: {
      OrderedJson out = OrderedJson::object();
      out[std::string(FnName(v.unknown_fn()))] = ValueToJson(v.unknown_args(), mask_sensitive);
      return out;
    }
  }
  return OrderedJson(nullptr);
}

Value LiteralValue(const Node* node) {
  if (node == nullptr)
    return Value::Null();
  switch (node->kind()) {
    case NodeKind::kNull:
      return Value::Null();
    case NodeKind::kBool:
      return Value::Bool(cast<BoolNode>(node)->value());
    case NodeKind::kNumber: {
      const auto* n = cast<NumberNode>(node);
      return Value::Number(n->value(), n->text());
    }
    case NodeKind::kString:
      return Value::String(cast<StringNode>(node)->value());
    case NodeKind::kList: {
      Value::List items;
      items.reserve(cast<ListNode>(node)->size());
      for (const Node* item : cast<ListNode>(node)->items())
        items.push_back(LiteralValue(item));
      return Value::MakeList(std::move(items));
    }
    case NodeKind::kMap: {
      Value::Map entries;
      entries.reserve(cast<MapNode>(node)->size());
      for (const MapEntry& e : cast<MapNode>(node)->entries())
        entries.push_back({e.key->value(), LiteralValue(e.value)});
      return Value::MakeMap(std::move(entries));
    }
    case NodeKind::kFnCall: {
      const auto* call = cast<FnCallNode>(node);
      return Value::Unknown(call->fn(), LiteralValue(call->args()), {});
    }
  }
  return Value::Null();
}

const Node* ValueToNode(const Value& value, Document& doc, SourceRange range, const Node* origin,
                        bool mask_sensitive) {
  return FromJson(ValueToJson(value, mask_sensitive), doc, range, origin);
}

}  // namespace cfnx
