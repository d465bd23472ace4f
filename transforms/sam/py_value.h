// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A Python value as the reference translator holds a REST API's Swagger document, so that the
// Deployment's logical id (a SHA-1 of `str(swagger)`) comes out bit for bit.
//
// When a template has an AWS::Serverless::Api (or an Api event), the reference converts the
// API's properties to its Python 2.7 emulation types (samtranslator/utils/py27hash_fix.py):
// dicts become `Py27Dict`, which iterate (and print) in CPython 2.7's hash-table order, and
// strings become `Py27UniStr`, which print as u'...' with unicode_escape. Dicts and strings the
// translator creates itself are either kind, depending on the code site. PyValue keeps that
// distinction per node: `py27` on a dict or string (and the Py27Keys slot table of a Py27Dict,
// whose order depends on the insertion and deletion history), and Repr() prints what Python's
// str() prints.

#ifndef CFNX_TRANSFORMS_SAM_PY_VALUE_H_
#define CFNX_TRANSFORMS_SAM_PY_VALUE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

// CPython 2.7's dict slot table as Py27Keys emulates it (dictobject.c: open addressing with
// perturbation, dummies for deleted keys, resize at 2/3 fill).
class Py27Keys {
 public:
  void Add(const std::string& key);
  void Remove(const std::string& key);
  // Keys in slot order: the Python 2.7 iteration order.
  std::vector<const std::string*> Order() const;
  // Merge: PyDict_Merge's pre-resize, then Add of each key.
  void Merge(const std::vector<std::string>& keys);
  size_t size() const { return size_; }

 private:
  struct Slot {
    bool dummy = false;
    std::string key;
  };
  uint64_t Index(const std::string& key, uint64_t hash) const;
  void Resize(uint64_t request);

  std::map<uint64_t, Slot> slots_;
  uint64_t size_ = 0;
  uint64_t fill_ = 0;
  uint64_t mask_ = 7;
};

// Python 2.7's string hash over the code points of a UTF-8 string, as py27hash computes it.
uint64_t Py27StringHash(std::string_view utf8);

class PyValue {
 public:
  enum class Kind : uint8_t { kNone, kBool, kInt, kFloat, kStr, kList, kDict };
  struct Key {
    std::string text;
    bool py27 = false;  // a Py27UniStr key
  };
  using Entry = std::pair<Key, PyValue>;

  PyValue() = default;
  static PyValue None() { return PyValue(); }
  static PyValue Bool(bool b);
  static PyValue Str(std::string s, bool py27 = false);
  static PyValue Dict(bool py27);
  static PyValue List();
  static PyValue Number(const Json& number);
  // The template value as _convert_to_py27_type makes it (py27 = true) or as plain Python
  // values (false).
  static PyValue FromJson(const Json& json, bool py27);

  Kind kind() const { return kind_; }
  bool is_dict() const { return kind_ == Kind::kDict; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_str() const { return kind_ == Kind::kStr; }
  bool is_none() const { return kind_ == Kind::kNone; }
  bool py27() const { return py27_; }
  const std::string& str() const { return str_; }
  bool boolean() const { return bool_; }
  const Json& number() const { return number_; }
  // Python truthiness.
  bool Truthy() const;

  // Lists.
  std::vector<PyValue>& items() { return list_; }
  const std::vector<PyValue>& items() const { return list_; }
  void Append(PyValue v) { list_.push_back(std::move(v)); }

  // Dicts. Set keeps an existing key's place; a new key goes through the Py27 table.
  const PyValue* Get(std::string_view key) const;
  PyValue* GetMut(std::string_view key);
  bool Contains(std::string_view key) const { return Get(key) != nullptr; }
  PyValue& Set(const Key& key, PyValue value);
  PyValue& Set(std::string_view key, PyValue value) {
    return Set(Key{std::string(key), false}, std::move(value));
  }
  // dict.setdefault(key, value).
  PyValue& SetDefault(const Key& key, PyValue value);
  void Erase(std::string_view key);
  // dict.update(other): a Py27Dict merges other's keys into its table first (PyDict_Merge).
  void Update(const PyValue& other);
  // Keys in iteration order (Python 2.7's for a Py27Dict, insertion order otherwise).
  std::vector<const Entry*> Entries() const;
  std::vector<Entry*> MutableEntries();
  size_t size() const { return kind_ == Kind::kDict ? entries_.size() : list_.size(); }

  // copy.deepcopy: a Py27Dict's keys are re-added in their Python 2.7 order.
  PyValue DeepCopy() const;
  // Py27Dict.copy(): values kept as they are, the key table merged from this one's order.
  PyValue ShallowCopy() const;
  // Py27Dict(other_dict): Merge of other's keys, then each set in other's order.
  static PyValue Py27DictFrom(const PyValue& other);

  Json ToJson() const;
  // Python's str() of the value (repr() for strings inside containers).
  std::string Str() const;
  std::string Repr() const;

 private:
  void AppendRepr(std::string& out) const;

  Kind kind_ = Kind::kNone;
  bool py27_ = false;
  bool bool_ = false;
  Json number_;
  std::string str_;
  std::vector<PyValue> list_;
  std::vector<Entry> entries_;  // insertion order
  Py27Keys keys_;               // Py27Dict only
};

// repr() of a Python 3 str and of a Py27UniStr.
void AppendPy3StrRepr(std::string& out, std::string_view utf8);
void AppendPy27UniStrRepr(std::string& out, std::string_view utf8);
// repr() of a Python float.
std::string PyFloatRepr(double d);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_PY_VALUE_H_
