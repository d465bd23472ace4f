// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/eval/value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cfnx {

struct Value::Shared {
  List list;
  Map map;
  Value args;  // Unknown: residual arguments
  std::vector<Dependency> deps;
};

namespace {

const Value::List& EmptyList() {
  static const Value::List* empty = new Value::List();
  return *empty;
}
const Value::Map& EmptyMap() {
  static const Value::Map* empty = new Value::Map();
  return *empty;
}

std::string FormatNumber(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.0f", d);
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.17g", d);
  return buf;
}

}  // namespace

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  v.text_ = b ? "true" : "false";
  return v;
}

Value Value::Number(double number, std::string text) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.number_ = number;
  v.text_ = text.empty() ? FormatNumber(number) : std::move(text);
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.kind_ = Kind::kString;
  v.text_ = std::move(s);
  return v;
}

Value Value::MakeList(List items) {
  Value v;
  v.kind_ = Kind::kList;
  auto shared = std::make_shared<Shared>();
  for (const Value& item : items) {
    v.has_unknown_ |= item.has_unknown_;
    v.has_error_ |= item.has_error_;
    v.sensitive_ |= item.sensitive_;
  }
  shared->list = std::move(items);
  v.shared_ = std::move(shared);
  return v;
}

Value Value::MakeMap(Map entries) {
  Value v;
  v.kind_ = Kind::kMap;
  auto shared = std::make_shared<Shared>();
  for (const ValueEntry& e : entries) {
    v.has_unknown_ |= e.value.has_unknown_;
    v.has_error_ |= e.value.has_error_;
    v.sensitive_ |= e.value.sensitive_;
  }
  shared->map = std::move(entries);
  v.shared_ = std::move(shared);
  return v;
}

Value Value::Unknown(FnKind fn, Value args, std::vector<Dependency> deps) {
  Value v;
  v.kind_ = Kind::kUnknown;
  v.fn_ = fn;
  v.has_unknown_ = true;
  v.has_error_ = args.has_error_;
  v.sensitive_ = args.sensitive_;
  std::sort(deps.begin(), deps.end());
  deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
  auto shared = std::make_shared<Shared>();
  shared->args = std::move(args);
  shared->deps = std::move(deps);
  v.shared_ = std::move(shared);
  return v;
}

Value Value::NoValue() {
  Value v;
  v.kind_ = Kind::kNoValue;
  return v;
}

Value Value::Error() {
  Value v;
  v.kind_ = Kind::kError;
  v.has_error_ = true;
  return v;
}

const Value::List& Value::list() const {
  return kind_ == Kind::kList ? shared_->list : EmptyList();
}

const Value::Map& Value::map() const {
  return kind_ == Kind::kMap ? shared_->map : EmptyMap();
}

const Value* Value::Get(std::string_view key) const {
  for (const ValueEntry& e : map()) {
    if (e.key == key)
      return &e.value;
  }
  return nullptr;
}

const Value& Value::unknown_args() const {
  static const Value* null = new Value();
  return kind_ == Kind::kUnknown ? shared_->args : *null;
}

namespace {

void CollectDeps(const Value& v, std::vector<Dependency>& out) {
  if (!v.has_unknown())
    return;
  switch (v.kind()) {
    case Value::Kind::kUnknown: {
      std::vector<Dependency> own = v.Dependencies();
      out.insert(out.end(), own.begin(), own.end());
      break;
    }
    case Value::Kind::kList:
      for (const Value& item : v.list())
        CollectDeps(item, out);
      break;
    case Value::Kind::kMap:
      for (const ValueEntry& e : v.map())
        CollectDeps(e.value, out);
      break;
    default:
      break;
  }
}

}  // namespace

std::vector<Dependency> Value::Dependencies() const {
  std::vector<Dependency> out;
  if (kind_ == Kind::kUnknown) {
    out = shared_->deps;
    CollectDeps(shared_->args, out);
  } else {
    CollectDeps(*this, out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Value Value::WithSensitive(bool sensitive) const {
  Value v = *this;
  v.sensitive_ = sensitive;
  return v;
}

std::string_view Value::TypeName() const {
  switch (kind_) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "boolean";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kList:
      return "list";
    case Kind::kMap:
      return "map";
    case Kind::kUnknown:
      return "value known after deployment";
    case Kind::kNoValue:
      return "AWS::NoValue";
    case Kind::kError:
      return "error";
  }
  return "value";
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind() != b.kind())
    return false;
  switch (a.kind()) {
    case Value::Kind::kNull:
    case Value::Kind::kNoValue:
    case Value::Kind::kError:
      return true;
    case Value::Kind::kBool:
      return a.as_bool() == b.as_bool();
    case Value::Kind::kNumber:
      return a.as_number() == b.as_number();
    case Value::Kind::kString:
      return a.as_string() == b.as_string();
    case Value::Kind::kList:
      return a.list().size() == b.list().size() &&
             std::equal(a.list().begin(), a.list().end(), b.list().begin());
    case Value::Kind::kMap: {
      if (a.map().size() != b.map().size())
        return false;
      for (const ValueEntry& e : a.map()) {
        const Value* other = b.Get(e.key);
        if (other == nullptr || !(*other == e.value))
          return false;
      }
      return true;
    }
    case Value::Kind::kUnknown:
      return a.unknown_fn() == b.unknown_fn() && a.unknown_args() == b.unknown_args();
  }
  return false;
}

}  // namespace cfnx
