// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `Value` is what evaluating a template node gives: plain data (null, bool, number, string,
// list, map), `Unknown` (known only after deployment: the physical id of a resource not yet
// created, a GetAtt, an ImportValue without an exports snapshot, a parameter without a value
// during validation), `NoValue` (`Ref: AWS::NoValue`, which removes the enclosing property or
// list item) or `Error` (a problem already diagnosed; consumers stay quiet about it, so one
// mistake gives one message).
//
// An Unknown keeps a residual expression, the function call with every argument that could be
// evaluated replaced by its value, so it converts back to JSON as the original function
// (`{"Fn::GetAtt": ["Bucket", "Arn"]}`), and the list of what it depends on.
//
// Values are immutable and cheap to copy (lists and maps are shared). A value derived from a
// `NoEcho` parameter is `sensitive()`; printers show it as "****" (see value_json.h).
//
//   Value v = Value::List({Value::String("a"), Value::Number(2)});
//   if (v.is_list()) for (const Value& item : v.list()) { ... }

#ifndef CFNX_ENGINE_EVAL_VALUE_H_
#define CFNX_ENGINE_EVAL_VALUE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ast/node.h"

namespace cfnx {

// What an Unknown value waits for.
struct Dependency {
  enum class Kind : uint8_t {
    kResource,     // a resource's physical id (`attribute` empty) or attribute
    kParameter,    // a parameter with no value (validation without --parameters)
    kImport,       // Fn::ImportValue of `name` with no exports snapshot
    kStackOutput,  // Fn::GetStackOutput
    kAccount,      // data only a live account has (rules' Fn::ValueOf, ...)
    kPseudo,       // a pseudo parameter known only once the stack exists (AWS::StackId)
  };
  Kind kind = Kind::kResource;
  std::string name;       // logical id, parameter name, export name
  std::string attribute;  // GetAtt attribute, or ""
  friend bool operator==(const Dependency&, const Dependency&) = default;
  friend auto operator<=>(const Dependency&, const Dependency&) = default;
};

class Value;
struct ValueEntry;

class Value {
 public:
  enum class Kind : uint8_t {
    kNull,
    kBool,
    kNumber,
    kString,
    kList,
    kMap,
    kUnknown,
    kNoValue,
    kError
  };
  using List = std::vector<Value>;
  using Map = std::vector<ValueEntry>;

  Value() = default;  // null

  static Value Null() { return Value(); }
  static Value Bool(bool b);
  // `text` is the number as it should print ("3", "0.5"); empty = formatted from `number`.
  static Value Number(double number, std::string text = "");
  static Value String(std::string s);
  static Value MakeList(List items);
  static Value MakeMap(Map entries);
  // An Unknown whose residual is the call `fn(args)`; `deps` are sorted and deduplicated.
  static Value Unknown(FnKind fn, Value args, std::vector<Dependency> deps);
  static Value NoValue();
  static Value Error();

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_number() const { return kind_ == Kind::kNumber; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_map() const { return kind_ == Kind::kMap; }
  bool is_unknown() const { return kind_ == Kind::kUnknown; }
  bool is_no_value() const { return kind_ == Kind::kNoValue; }
  bool is_error() const { return kind_ == Kind::kError; }
  // Neither Unknown nor Error anywhere inside (NoValue inside containers is allowed).
  bool is_known() const { return !has_unknown_ && !has_error_; }
  // Some Unknown inside (or this is one); no Error.
  bool has_unknown() const { return has_unknown_; }
  bool has_error() const { return has_error_; }

  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  // The string of a String, or the printed form of a Number or Bool ("3", "true").
  const std::string& as_string() const { return text_; }
  // Items of a List (empty for other kinds).
  const List& list() const;
  // Entries of a Map in document order (empty for other kinds).
  const Map& map() const;
  // The entry of a Map named `key`, or nullptr.
  const Value* Get(std::string_view key) const;

  // For Unknown: the residual function and its (partly evaluated) arguments.
  FnKind unknown_fn() const { return fn_; }
  const Value& unknown_args() const;
  // What this value (or anything inside it) waits for, sorted.
  std::vector<Dependency> Dependencies() const;

  // Derived from a NoEcho parameter (or contains such a value).
  bool sensitive() const { return sensitive_; }
  Value WithSensitive(bool sensitive) const;

  // True for a String, Number or Bool: what CloudFormation accepts where a string is expected.
  bool is_scalar() const {
    return kind_ == Kind::kString || kind_ == Kind::kNumber || kind_ == Kind::kBool;
  }
  // "string", "list", "unknown", ...: for messages.
  std::string_view TypeName() const;

  // Structural equality of known values (numbers by value, maps ignoring order).
  friend bool operator==(const Value& a, const Value& b);

 private:
  struct Shared;

  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  bool sensitive_ = false;
  bool has_unknown_ = false;
  bool has_error_ = false;
  FnKind fn_ = FnKind::kRef;
  double number_ = 0;
  std::string text_;
  std::shared_ptr<const Shared> shared_;  // list items, map entries, unknown args + deps
};

struct ValueEntry {
  std::string key;
  Value value;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_VALUE_H_
