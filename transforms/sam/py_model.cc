// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/py_model.h"

#include <algorithm>
#include <utility>

namespace cfnx::sam {
namespace {

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The first code point of a UTF-8 string, and the rest.
std::pair<std::string, std::string> SplitFirst(const std::string& s) {
  size_t i = 1;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
    ++i;
  return {s.substr(0, i), s.substr(i)};
}

// A hashable Python value used as a dict key, as a JSON object key: strings as they are,
// numbers and booleans as str() prints them. null, lists and dicts fail.
bool KeyOf(const Json& v, std::string* key) {
  if (v.is_string()) {
    *key = v.get<std::string>();
    return true;
  }
  if (v.is_number() || v.is_boolean()) {
    *key = PyStr(v);
    return true;
  }
  return false;
}

// Python's dict(value), which pydantic v1 tries for a value that is not a dict: a list of
// pairs (2-item lists, 2-character strings, 2-key dicts) or an empty string.
bool ToDict(const Json& value, Json* out) {
  if (value.is_object()) {
    *out = value;
    return true;
  }
  *out = Json::object();
  if (value.is_string())
    return value.get_ref<const std::string&>().empty();
  if (!value.is_array())
    return false;
  for (const Json& item : value) {
    std::string key;
    Json item_value;
    if (item.is_array() && item.size() == 2) {
      if (!KeyOf(item[0], &key))
        return false;
      item_value = item[1];
    } else if (item.is_string() && CodePoints(item.get<std::string>()) == 2) {
      auto [first, second] = SplitFirst(item.get<std::string>());
      key = first;
      item_value = second;
    } else if (item.is_object() && item.size() == 2) {
      auto it = item.begin();
      key = it.key();
      item_value = (++it).key();
    } else {
      return false;
    }
    (*out)[key] = std::move(item_value);
  }
  return true;
}

// pydantic.validators.bool_validator.
bool ToBool(const Json& value, bool* out) {
  if (value.is_boolean()) {
    *out = value.get<bool>();
    return true;
  }
  if (value.is_string()) {
    std::string s = value.get<std::string>();
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
      return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    for (const char* t : {"1", "on", "t", "true", "y", "yes"}) {
      if (s == t) {
        *out = true;
        return true;
      }
    }
    for (const char* f : {"0", "off", "f", "false", "n", "no"}) {
      if (s == f) {
        *out = false;
        return true;
      }
    }
    return false;
  }
  if (value.is_number()) {
    double d = value.get<double>();
    if (d == 1 || d == 0) {
      *out = d == 1;
      return true;
    }
  }
  return false;
}

class Validator {
 public:
  explicit Validator(std::vector<std::string>* loc) : loc_(loc) {}

  bool Validate(const Json& value, const PyType& type, Json* out) {
    if (value.is_null()) {
      *out = nullptr;
      return type.nullable || Fail();
    }
    switch (type.kind) {
      case PyType::Kind::kAny:
        *out = value;
        return true;
      case PyType::Kind::kStr:
        if (value.is_string()) {
          *out = value;
          return true;
        }
        if (value.is_number() || value.is_boolean()) {
          *out = PyStr(value);
          return true;
        }
        return Fail();
      case PyType::Kind::kBool: {
        bool b = false;
        if (!ToBool(value, &b))
          return Fail();
        *out = b;
        return true;
      }
      case PyType::Kind::kLiteral:
        if (value.is_string() && std::find(type.literals.begin(), type.literals.end(),
                                           value.get<std::string>()) != type.literals.end()) {
          *out = value;
          return true;
        }
        return Fail();
      case PyType::Kind::kModel:
        return ValidateModel(value, *type.model, out);
      case PyType::Kind::kDict: {
        Json dict;
        if (!ToDict(value, &dict))
          return Fail();
        *out = Json::object();
        for (auto it = dict.begin(); it != dict.end(); ++it) {
          Json item;
          if (!Nested(it.key(), it.value(), type.args[0], &item))
            return false;
          (*out)[it.key()] = std::move(item);
        }
        return true;
      }
      case PyType::Kind::kList: {
        if (!value.is_array())
          return Fail();
        *out = Json::array();
        for (size_t i = 0; i < value.size(); ++i) {
          Json item;
          if (!Nested(std::to_string(i), value[i], type.args[0], &item))
            return false;
          out->push_back(std::move(item));
        }
        return true;
      }
      case PyType::Kind::kUnion: {
        // Every member is tried; the errors are reported in member order, so the first
        // member's first error is the one that surfaces.
        std::vector<std::string> first_error;
        for (size_t i = 0; i < type.args.size(); ++i) {
          std::vector<std::string> loc = *loc_;
          Validator member(&loc);
          if (member.Validate(value, type.args[i], out))
            return true;
          if (i == 0)
            first_error = std::move(loc);
        }
        *loc_ = std::move(first_error);
        return false;
      }
    }
    return Fail();
  }

 private:
  bool Fail() { return false; }

  bool Nested(const std::string& segment, const Json& value, const PyType& type, Json* out) {
    loc_->push_back(segment);
    if (!Validate(value, type, out))
      return false;
    loc_->pop_back();
    return true;
  }

  bool ValidateModel(const Json& value, const PyModel& model, Json* out) {
    Json dict;
    if (!ToDict(value, &dict))
      return Fail();
    *out = Json::object();
    for (const PyField& field : model.fields) {
      const Json* given = Get(dict, field.name);
      if (given == nullptr) {
        if (!field.type.nullable) {  // "field required"
          loc_->push_back(field.name);
          return false;
        }
        (*out)[field.name] = nullptr;
        continue;
      }
      Json item;
      if (!Nested(field.name, *given, field.type, &item))
        return false;
      (*out)[field.name] = std::move(item);
    }
    // extra = forbid: the unknown keys, sorted.
    std::vector<std::string> extra;
    for (auto it = dict.begin(); it != dict.end(); ++it) {
      bool known = std::any_of(model.fields.begin(), model.fields.end(),
                               [&](const PyField& f) { return f.name == it.key(); });
      if (!known)
        extra.push_back(it.key());
    }
    if (!extra.empty()) {
      loc_->push_back(*std::min_element(extra.begin(), extra.end()));
      return false;
    }
    return true;
  }

  std::vector<std::string>* loc_;
};

}  // namespace

PyType PyAny() {
  return PyType{};
}

PyType PyStr() {
  PyType t;
  t.kind = PyType::Kind::kStr;
  return t;
}

PyType PyBool() {
  PyType t;
  t.kind = PyType::Kind::kBool;
  return t;
}

PyType PyLiteral(std::vector<std::string> values) {
  PyType t;
  t.kind = PyType::Kind::kLiteral;
  t.literals = std::move(values);
  return t;
}

PyType PyOf(const PyModel& model) {
  PyType t;
  t.kind = PyType::Kind::kModel;
  t.model = &model;
  return t;
}

PyType PyDictOf(PyType value) {
  PyType t;
  t.kind = PyType::Kind::kDict;
  t.args.push_back(std::move(value));
  return t;
}

PyType PyListOf(PyType item) {
  PyType t;
  t.kind = PyType::Kind::kList;
  t.args.push_back(std::move(item));
  return t;
}

PyType PyUnion(std::vector<PyType> members) {
  PyType t;
  t.kind = PyType::Kind::kUnion;
  t.args = std::move(members);
  return t;
}

PyType PyOptional(PyType type) {
  type.nullable = true;
  return type;
}

PyType PyDictStrAny() {
  return PyDictOf(PyOptional(PyAny()));
}

bool PyValidate(const Json& value, const PyType& type, Json* out,
                std::vector<std::string>* error_loc) {
  error_loc->clear();
  Validator validator(error_loc);
  return validator.Validate(value, type, out);
}

std::string PyLocString(const std::vector<std::string>& loc) {
  std::string s;
  for (const std::string& segment : loc)
    s += (s.empty() ? "" : ".") + segment;
  return s;
}

}  // namespace cfnx::sam
