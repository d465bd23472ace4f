// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A small checked reader for the JSON forms of stack states and plans: each accessor reads one
// field of an object if present, and the first type mismatch is remembered (with its JSON
// pointer) so a caller reads every field and then asks `ok()` once. Never throws.

#ifndef CFNX_ENGINE_PLAN_JSON_FIELDS_H_
#define CFNX_ENGINE_PLAN_JSON_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "cfnx/stack_state.h"

namespace cfnx::internal {

class JsonReader {
 public:
  // Reads fields of `json` (which must be an object and outlive the reader), reporting errors
  // at `pointer`.
  JsonReader(OrderedJson&&, std::string) = delete;
  JsonReader(const OrderedJson& json, std::string pointer)
      : json_(json), pointer_(std::move(pointer)) {
    if (!json_.is_object()) {
      Fail("", "an object");
    }
  }

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Optional fields: left unchanged when absent.
  void String(std::string_view key, std::string* out) {
    if (const OrderedJson* v = Field(key)) {
      if (v->is_string()) {
        *out = v->get<std::string>();
      } else if (!v->is_null()) {
        Fail(key, "a string");
      }
    }
  }
  void RequiredString(std::string_view key, std::string* out) {
    if (ok() && Field(key) == nullptr) {
      Fail(key, "present");
      return;
    }
    String(key, out);
  }
  void Bool(std::string_view key, bool* out) {
    if (const OrderedJson* v = Field(key)) {
      if (v->is_boolean()) {
        *out = v->get<bool>();
      } else {
        Fail(key, "a boolean");
      }
    }
  }
  void Int(std::string_view key, int* out) {
    if (const OrderedJson* v = Field(key)) {
      if (v->is_number_integer()) {
        *out = v->get<int>();
      } else {
        Fail(key, "an integer");
      }
    }
  }
  void Object(std::string_view key, OrderedJson* out) {
    if (const OrderedJson* v = Field(key)) {
      if (v->is_object()) {
        *out = *v;
      } else if (!v->is_null()) {
        Fail(key, "an object");
      }
    }
  }
  void Any(std::string_view key, OrderedJson* out) {
    if (const OrderedJson* v = Field(key)) {
      *out = *v;
    }
  }
  void StringList(std::string_view key, std::vector<std::string>* out) {
    const OrderedJson* v = Field(key);
    if (v == nullptr || v->is_null()) {
      return;
    }
    if (!v->is_array()) {
      Fail(key, "a list of strings");
      return;
    }
    for (const OrderedJson& item : *v) {
      if (!item.is_string()) {
        Fail(key, "a list of strings");
        return;
      }
      out->push_back(item.get<std::string>());
    }
  }
  // A list of objects, each read by `read(JsonReader&, T*)`.
  template <typename T, typename ReadFn>
  void List(std::string_view key, std::vector<T>* out, ReadFn read) {
    const OrderedJson* v = Field(key);
    if (v == nullptr || v->is_null()) {
      return;
    }
    if (!v->is_array()) {
      Fail(key, "a list");
      return;
    }
    for (size_t i = 0; i < v->size() && ok(); ++i) {
      JsonReader item((*v)[i], pointer_ + "/" + std::string(key) + "/" + std::to_string(i));
      T value;
      if (item.ok()) {
        read(item, &value);
      }
      if (!item.ok()) {
        error_ = item.error();
        return;
      }
      out->push_back(std::move(value));
    }
  }

  // Records an error at `key` ("" = this object) unless one is already recorded.
  void Fail(std::string_view key, std::string_view expected) {
    if (!ok()) {
      return;
    }
    std::string where = pointer_ + (key.empty() ? "" : "/" + std::string(key));
    error_ =
        "'" + (where.empty() ? std::string("/") : where) + "' must be " + std::string(expected);
  }

 private:
  const OrderedJson* Field(std::string_view key) const {
    if (!ok() || !json_.is_object()) {
      return nullptr;
    }
    auto it = json_.find(std::string(key));
    return it == json_.end() ? nullptr : &*it;
  }

  const OrderedJson& json_;
  std::string pointer_;
  std::string error_;
};

}  // namespace cfnx::internal

#endif  // CFNX_ENGINE_PLAN_JSON_FIELDS_H_
