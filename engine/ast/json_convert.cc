// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/ast/json_convert.h"

#include <cmath>
#include <string_view>

#include "engine/base/id_index.h"

namespace cfnx {
namespace {

// A JSON number literal: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(const std::string& s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-')
    ++i;
  if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
    return false;
  if (s[i] == '0' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    return false;
  }
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++digits;
    if (digits == 0)
      return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    size_t digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++digits;
    if (digits == 0)
      return false;
  }
  return i == s.size();
}

OrderedJson NumberToJson(const NumberNode& n) {
  const std::string& text = n.text();
  if (IsJsonNumber(text)) {
    if (n.is_integer() && text.size() < 19) {
      return OrderedJson(static_cast<int64_t>(std::llround(n.value())));
    }
    // Keep the lexeme (3.0 stays 3.0) by round-tripping through nlohmann's parser. A number
    // beyond a double's range (2e+308) has no JSON value there: it stays its text, as .inf does
    // (it used to become a discarded value, printed as `<discarded>`: found by the render and
    // language_extensions fuzzers).
    OrderedJson parsed = OrderedJson::parse(text, nullptr, false);
    if (parsed.is_discarded() || (parsed.is_number_float() && !std::isfinite(parsed.get<double>())))
      return OrderedJson(text);
    return parsed;
  }
  double v = n.value();
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) {
    return OrderedJson(static_cast<int64_t>(v));
  }
  if (!std::isfinite(v))
    return OrderedJson(text);  // .inf/.nan have no JSON form
  return OrderedJson(v);
}

}  // namespace

OrderedJson ToJson(const Node& node) {
  switch (node.kind()) {
    case NodeKind::kNull:
      return nullptr;
    case NodeKind::kBool:
      return cast<BoolNode>(&node)->value();
    case NodeKind::kNumber:
      return NumberToJson(*cast<NumberNode>(&node));
    case NodeKind::kString:
      return cast<StringNode>(&node)->value();
    case NodeKind::kList: {
      OrderedJson out = OrderedJson::array();
      for (const Node* item : cast<ListNode>(&node)->items())
        out.push_back(ToJson(*item));
      return out;
    }
    case NodeKind::kMap: {
      // ordered_json finds keys by linear search, so inserting with operator[] is quadratic in
      // the size of the map (Resources of a large template). Append to the underlying vector
      // instead, keeping operator[]'s meaning for a duplicated key: the later value replaces
      // the earlier one in the earlier one's position. Duplicates are found by a scan in
      // small maps and an IdIndex in large ones (a hash map per map costs an allocation per
      // key, and templates have many small maps).
      const auto& entries = cast<MapNode>(&node)->entries();
      OrderedJson out = OrderedJson::object();
      auto& object = out.get_ref<OrderedJson::object_t&>();
      object.reserve(entries.size());
      constexpr size_t kScanLimit = 16;
      IdIndex position;
      auto key_of = [&object](uint32_t i) {
        return std::string_view((object.begin() + static_cast<std::ptrdiff_t>(i))->first);
      };
      if (entries.size() > kScanLimit) {
        position.Reserve(entries.size());
      }
      for (const MapEntry& e : entries) {
        std::string_view key = e.key->value();
        auto fresh = static_cast<uint32_t>(object.size());
        uint32_t at = fresh;
        if (entries.size() > kScanLimit) {
          at = position.Insert(key, fresh, key_of);
        } else {
          for (uint32_t i = 0; i < fresh; ++i) {
            if (key_of(i) == key) {
              at = i;
              break;
            }
          }
        }
        if (at == fresh) {
          object.emplace_back(e.key->value(), ToJson(*e.value));
        } else {
          (object.begin() + static_cast<std::ptrdiff_t>(at))->second = ToJson(*e.value);
        }
      }
      return out;
    }
    case NodeKind::kFnCall: {
      const auto* fn = cast<FnCallNode>(&node);
      OrderedJson out = OrderedJson::object();
      out[std::string(FnName(fn->fn()))] = ToJson(*fn->args());
      return out;
    }
  }
  return nullptr;
}

const Node* FromJson(const OrderedJson& json, Document& doc, SourceRange range,
                     const Node* origin) {
  Node* node = nullptr;
  switch (json.type()) {
    case OrderedJson::value_t::null:
    case OrderedJson::value_t::discarded:
      node = doc.New<NullNode>(range, "null");
      break;
    case OrderedJson::value_t::boolean:
      node = doc.New<BoolNode>(range, json.get<bool>() ? "true" : "false", json.get<bool>());
      break;
    case OrderedJson::value_t::number_integer:
    case OrderedJson::value_t::number_unsigned:
    case OrderedJson::value_t::number_float:
      node = doc.New<NumberNode>(range, json.dump(), json.get<double>(), !json.is_number_float());
      break;
    case OrderedJson::value_t::string:
      node = doc.New<StringNode>(range, json.get<std::string>(), true);
      break;
    case OrderedJson::value_t::array: {
      std::vector<const Node*> items;
      items.reserve(json.size());
      for (const auto& item : json)
        items.push_back(FromJson(item, doc, range, origin));
      node = doc.New<ListNode>(range, std::move(items));
      break;
    }
    case OrderedJson::value_t::object: {
      if (json.size() == 1) {
        FnKind fn;
        auto it = json.begin();
        if (FnFromName(it.key(), &fn) && (fn != FnKind::kCondition || it.value().is_string())) {
          node = doc.New<FnCallNode>(range, fn, FromJson(it.value(), doc, range, origin),
                                     FnForm::kLong, range);
          break;
        }
      }
      std::vector<MapEntry> entries;
      entries.reserve(json.size());
      for (auto it = json.begin(); it != json.end(); ++it) {
        auto* key = doc.New<StringNode>(range, it.key(), true);
        key->set_origin(origin);
        entries.push_back({key, FromJson(it.value(), doc, range, origin)});
      }
      node = doc.New<MapNode>(range, std::move(entries));
      break;
    }
    case OrderedJson::value_t::binary:
      node = doc.New<NullNode>(range, "null");
      break;
  }
  node->set_origin(origin);
  return node;
}

std::string ToJsonText(const OrderedJson& json) {
  return json.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

}  // namespace cfnx
