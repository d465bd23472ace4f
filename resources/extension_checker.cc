// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/extension_checker.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/ast/document.h"
#include "engine/ast/dump.h"
#include "engine/ast/json_convert.h"
#include "engine/validate/condition_logic.h"
#include "resources/ecma_regex.h"
#include "resources/formats.h"
#include "resources/ignored_checks.h"
#include "resources/schema_types.h"

namespace cfnx {
namespace {

using Json = nlohmann::json;

// Three-valued: a value known only at deploy time can neither pass nor fail a schema.
enum class Verdict { kValid, kInvalid, kUnknown };

Verdict Worst(Verdict a, Verdict b) {
  if (a == Verdict::kInvalid || b == Verdict::kInvalid)
    return Verdict::kInvalid;
  if (a == Verdict::kUnknown || b == Verdict::kUnknown)
    return Verdict::kUnknown;
  return Verdict::kValid;
}

struct At {
  TemplatePath path;
  SourceRange range;
};

struct SchemaError {
  At at;
  std::string message;
};

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// cfn-lint's repr of a value in messages: strings quoted, everything else as written.
std::string Repr(const Node* v) {
  if (const auto* s = dyn_cast<StringNode>(v))
    return "'" + s->value() + "'";
  if (const auto* s = dyn_cast<ScalarNode>(v))
    return s->text();
  return isa<MapNode>(v) ? "{...}" : "[...]";
}

std::string Repr(const Json& j) {
  return j.is_string() ? "'" + j.get<std::string>() + "'" : j.dump();
}

std::optional<bool> BoolOf(const Json& j) {
  if (j.is_boolean())
    return j.get<bool>();
  if (j.is_string()) {
    std::string s = Lower(j.get<std::string>());
    if (s == "true" || s == "false")
      return s == "true";
  }
  return std::nullopt;
}

std::optional<DiagCode> CodeFor(std::string_view id) {
  static const std::map<std::string, DiagCode, std::less<>> codes = [] {
    std::map<std::string, DiagCode, std::less<>> m;
    const std::vector<DiagCodeInfo>& all = AllDiagCodes();
    for (size_t i = 0; i < all.size(); ++i)
      m.emplace(std::string(all[i].id), static_cast<DiagCode>(i));
    return m;
  }();
  auto it = codes.find(id);
  return it == codes.end() ? std::nullopt : std::optional<DiagCode>(it->second);
}

// One rule's schema applied under one condition scenario.
class Validation {
 public:
  Validation(const Json& root, std::string_view type, const std::map<std::string, bool>& scenario,
             const std::set<const Node*>& lowered)
      : root_(root), type_(type), scenario_(scenario), lowered_(lowered) {}

  // The value an Fn::If decided by the scenario takes; nullptr for `Ref: AWS::NoValue`.
  const Node* Resolve(const Node* v) const {
    for (int depth = 0; depth < 16 && v != nullptr; ++depth) {
      if (IsNoValue(v))
        return nullptr;
      const auto* fn = dyn_cast<FnCallNode>(v);
      const auto* args =
          fn != nullptr && fn->fn() == FnKind::kIf ? dyn_cast<ListNode>(fn->args()) : nullptr;
      const auto* name =
          args != nullptr && args->size() == 3 ? dyn_cast<StringNode>(args->items()[0]) : nullptr;
      auto it = name != nullptr ? scenario_.find(name->value()) : scenario_.end();
      if (it == scenario_.end())
        return v;
      v = args->items()[it->second ? 1 : 2];
    }
    return v;
  }

  // Validates `v` (not yet resolved) against `s`; errors go to `errors` when it is not null.
  Verdict Check(const Node* v, const Json& s, const At& at, std::vector<SchemaError>* errors) {
    if (++steps_ > kMaxSteps)
      return Verdict::kUnknown;
    v = Resolve(v);
    if (v == nullptr)
      return Verdict::kValid;
    if (s.is_boolean()) {
      if (s.get<bool>())
        return Verdict::kValid;
      Fail(errors, at, "False schema does not allow " + Repr(v));
      return Verdict::kInvalid;
    }
    if (!s.is_object() || s.empty())
      return Verdict::kValid;
    if (auto context = s.find("cfnContext"); context != s.end() && context->is_object())
      return Context(*context, v, at, errors);
    if (const auto* fn = dyn_cast<FnCallNode>(v))
      return plain_functions_ && fn->fn() != FnKind::kIf ? PlainFunction(fn, s, at, errors)
                                                         : Verdict::kUnknown;
    if (const auto* str = dyn_cast<StringNode>(v);
        str != nullptr && str->value().find("{{resolve:") != std::string::npos)
      return Verdict::kUnknown;
    Verdict verdict = Verdict::kValid;
    for (auto it = s.begin(); it != s.end(); ++it) {
      verdict = Worst(verdict, Keyword(it.key(), it.value(), v, s, at, errors));
      if (errors == nullptr && verdict == Verdict::kInvalid)
        break;  // only the verdict is wanted (an `if`, a `not`): it cannot change
    }
    return verdict;
  }

 private:
  static constexpr int kMaxSteps = 200000;

  // cfn-lint's cfnContext: its schema with the functions it names (`functions: []`: none, so a
  // Ref or Fn::GetAtt is a plain value compared as written).
  Verdict Context(const Json& context, const Node* v, const At& at,
                  std::vector<SchemaError>* errors) {
    auto inner = context.find("schema");
    if (inner == context.end())
      return Verdict::kValid;
    auto functions = context.find("functions");
    bool saved = plain_functions_;
    plain_functions_ = functions != context.end() && functions->is_array() && functions->empty();
    Verdict verdict = Check(v, *inner, at, errors);
    plain_functions_ = saved;
    return verdict;
  }

  // A function call (not an Fn::If) as a plain value: only `const` and `enum` decide, by
  // comparing it as written; every other keyword is unknown.
  Verdict PlainFunction(const FnCallNode* fn, const Json& s, const At& at,
                        std::vector<SchemaError>* errors) {
    Json mine = Json::parse(ToJson(*fn).dump());
    Verdict verdict = Verdict::kUnknown;
    for (const char* k : {"const", "enum"}) {
      auto it = s.find(k);
      if (it == s.end())
        continue;
      bool found = k[0] == 'c'
                       ? *it == mine
                       : it->is_array() && std::find(it->begin(), it->end(), mine) != it->end();
      if (found) {
        verdict = verdict == Verdict::kInvalid ? verdict : Verdict::kValid;
        continue;
      }
      Fail(errors, at,
           (k[0] == 'c' ? Repr(*it) + " was expected"
                        : mine.dump() + " is not one of " + it->dump()));
      verdict = Verdict::kInvalid;
    }
    return verdict;
  }

  static void Fail(std::vector<SchemaError>* errors, const At& at, std::string message) {
    if (errors != nullptr)
      errors->push_back(SchemaError{at, std::move(message)});
  }

  Verdict Keyword(const std::string& k, const Json& arg, const Node* v, const Json& s, const At& at,
                  std::vector<SchemaError>* errors) {
    if (k == "$ref")
      return Ref(arg, v, at, errors);
    if (k == "type")
      return Type(arg, v, at, errors);
    if (k == "enum" || k == "const")
      return Enum(k == "const", arg, v, at, errors);
    if (k == "if")
      return If(arg, v, s, at, errors);
    if (k == "allOf" || k == "anyOf" || k == "oneOf")
      return Combinator(k, arg, v, at, errors);
    if (k == "not")
      return Not(arg, v, at, errors);
    if (const auto* map = dyn_cast<MapNode>(v))
      return ObjectKeyword(k, arg, map, s, at, errors);
    if (const auto* list = dyn_cast<ListNode>(v))
      return ArrayKeyword(k, arg, list, at, errors);
    if (const auto* scalar = dyn_cast<ScalarNode>(v))
      return ScalarKeyword(k, arg, scalar, at, errors);
    return Verdict::kValid;
  }

  Verdict Ref(const Json& arg, const Node* v, const At& at, std::vector<SchemaError>* errors) {
    if (!arg.is_string())
      return Verdict::kValid;
    const std::string& ref = arg.get_ref<const std::string&>();
    static constexpr std::string_view kPrefix = "#/definitions/";
    if (ref.compare(0, kPrefix.size(), kPrefix) != 0)
      return Verdict::kValid;
    auto defs = root_.find("definitions");
    if (defs == root_.end() || !defs->contains(ref.substr(kPrefix.size())))
      return Verdict::kValid;
    return Check(v, (*defs)[ref.substr(kPrefix.size())], at, errors);
  }

  Verdict Type(const Json& arg, const Node* v, const At& at, std::vector<SchemaError>* errors) {
    Json holder = Json::object();
    holder["type"] = arg;
    unsigned want = SchemaTypes(holder);
    if (want == 0 || (ValueTypes(v) & want) != 0)
      return Verdict::kValid;
    Fail(errors, at, Repr(v) + " is not of type " + TypeNames(want));
    return Verdict::kInvalid;
  }

  // cfn-lint's equality: booleans and "true"/"false" compare as booleans, anything against a
  // string compares as text, numbers as numbers.
  std::optional<bool> Equal(const Node* v, const Json& want) const {
    if (want.is_object() || want.is_array()) {
      if (!plain_functions_)
        return std::nullopt;
      return Json::parse(ToJson(*v).dump()) == want;  // a Ref against a value as written
    }
    const auto* scalar = dyn_cast<ScalarNode>(v);
    if (scalar == nullptr || isa<NullNode>(v))
      return false;
    std::string text = lowered_.count(v) != 0 ? Lower(scalar->text()) : scalar->text();
    bool is_bool = isa<BoolNode>(v);
    bool is_string = isa<StringNode>(v);
    std::optional<bool> mine = is_bool ? std::optional<bool>(cast<BoolNode>(v)->value())
                                       : (is_string ? BoolOf(Json(text)) : std::nullopt);
    std::optional<bool> theirs = BoolOf(want);
    if ((is_bool || is_string) && (want.is_boolean() || want.is_string()) &&
        (is_bool || want.is_boolean() || mine.has_value() || theirs.has_value()))
      return mine.has_value() && theirs.has_value() && *mine == *theirs;
    if (want.is_string())
      return text == want.get_ref<const std::string&>();
    if (is_string)
      return text == JsonScalarText(want);
    if (const auto* n = dyn_cast<NumberNode>(v); n != nullptr && want.is_number())
      return n->value() == want.get<double>();
    return false;
  }

  Verdict Enum(bool is_const, const Json& arg, const Node* v, const At& at,
               std::vector<SchemaError>* errors) {
    std::vector<Json> values = is_const ? std::vector<Json>{arg} : std::vector<Json>();
    if (!is_const) {
      if (!arg.is_array())
        return Verdict::kValid;
      values.assign(arg.begin(), arg.end());
    }
    bool unknown = false;
    for (const Json& want : values) {
      std::optional<bool> eq = Equal(v, want);
      if (eq.has_value() && *eq)
        return Verdict::kValid;
      unknown = unknown || !eq.has_value();
    }
    if (unknown)
      return Verdict::kUnknown;
    if (is_const) {
      Fail(errors, at, Repr(arg) + " was expected");
    } else {
      std::string list;
      for (size_t i = 0; i < values.size() && i < 12; ++i)
        list += (i == 0 ? "" : ", ") + Repr(values[i]);
      Fail(errors, at,
           Repr(v) + " is not one of [" + list + (values.size() > 12 ? ", ..." : "") + "]");
    }
    return Verdict::kInvalid;
  }

  Verdict If(const Json& arg, const Node* v, const Json& s, const At& at,
             std::vector<SchemaError>* errors) {
    Verdict condition = Check(v, arg, at, nullptr);
    if (condition == Verdict::kUnknown)
      return Verdict::kUnknown;
    auto branch = s.find(condition == Verdict::kValid ? "then" : "else");
    return branch == s.end() ? Verdict::kValid : Check(v, *branch, at, errors);
  }

  Verdict Not(const Json& arg, const Node* v, const At& at, std::vector<SchemaError>* errors) {
    Verdict inner = Check(v, arg, at, nullptr);
    if (inner == Verdict::kValid) {
      Fail(errors, at, Repr(v) + " should not be valid under the given schema");
      return Verdict::kInvalid;
    }
    return inner == Verdict::kInvalid ? Verdict::kValid : Verdict::kUnknown;
  }

  Verdict Combinator(const std::string& k, const Json& arg, const Node* v, const At& at,
                     std::vector<SchemaError>* errors) {
    if (!arg.is_array() || arg.empty())
      return Verdict::kValid;
    if (k == "allOf") {
      Verdict verdict = Verdict::kValid;
      for (const Json& sub : arg)
        verdict = Worst(verdict, Check(v, sub, at, errors));
      return verdict;
    }
    size_t valid = 0;
    size_t unknown = 0;
    for (const Json& sub : arg) {
      Verdict each = Check(v, sub, at, nullptr);
      valid += each == Verdict::kValid;
      unknown += each == Verdict::kUnknown;
    }
    if (k == "anyOf") {
      if (valid > 0)
        return Verdict::kValid;
      if (unknown > 0)
        return Verdict::kUnknown;
      Fail(errors, at, Repr(v) + " is not valid under any of the given schemas");
      return Verdict::kInvalid;
    }
    if (unknown > 0)
      return Verdict::kUnknown;
    if (valid == 1)
      return Verdict::kValid;
    Fail(errors, at,
         Repr(v) + (valid == 0 ? " is not valid under any of the given schemas"
                               : " is valid under each of " + std::to_string(valid) +
                                     " of the given schemas"));
    return Verdict::kInvalid;
  }

  // --- objects -------------------------------------------------------------------------------

  const MapEntry* Present(const MapNode* map, const std::string& name) const {
    const MapEntry* e = map->Find(name);
    return e != nullptr && Resolve(e->value) != nullptr ? e : nullptr;
  }

  At Child(const At& at, const MapEntry& e) const {
    return At{at.path.Child(e.key->value()), e.key->range()};
  }

  Verdict ObjectKeyword(const std::string& k, const Json& arg, const MapNode* map, const Json& s,
                        const At& at, std::vector<SchemaError>* errors) {
    Verdict verdict = Verdict::kValid;
    if (k == "required" && arg.is_array()) {
      for (const Json& name : arg) {
        if (name.is_string() && Present(map, name.get<std::string>()) == nullptr) {
          Fail(errors, at, Repr(name) + " is a required property");
          verdict = Verdict::kInvalid;
        }
      }
    } else if (k == "properties" && arg.is_object()) {
      for (const MapEntry& e : map->entries()) {
        auto sub = arg.find(e.key->value());
        if (sub != arg.end())
          verdict = Worst(verdict, Check(e.value, *sub, Child(at, e), errors));
        if (errors == nullptr && verdict == Verdict::kInvalid)
          break;
      }
    } else if (k == "patternProperties" && arg.is_object()) {
      for (const MapEntry& e : map->entries()) {
        for (auto it = arg.begin(); it != arg.end(); ++it) {
          if (Matches(it.key(), e.key->value()) == Verdict::kValid)
            verdict = Worst(verdict, Check(e.value, it.value(), Child(at, e), errors));
        }
      }
    } else if (k == "additionalProperties") {
      verdict = Additional(arg, map, s, at, errors);
    } else if (k == "propertyNames") {
      for (const MapEntry& e : map->entries()) {
        if (Resolve(e.value) != nullptr)
          verdict = Worst(verdict, Check(e.key, arg, Child(at, e), errors));
      }
    } else if ((k == "dependentRequired" || k == "dependentExcluded") && arg.is_object()) {
      bool excluded = k == "dependentExcluded";
      for (auto it = arg.begin(); it != arg.end(); ++it) {
        if (Present(map, it.key()) == nullptr || !it.value().is_array())
          continue;
        for (const Json& other : it.value()) {
          if (!other.is_string())
            continue;
          const MapEntry* e = Present(map, other.get<std::string>());
          if (excluded && e != nullptr) {
            Fail(errors, Child(at, *e),
                 Repr(other) + " should not be included with '" + it.key() + "'");
            verdict = Verdict::kInvalid;
          } else if (!excluded && e == nullptr) {
            Fail(errors, at, Repr(other) + " is a dependency of '" + it.key() + "'");
            verdict = Verdict::kInvalid;
          }
        }
      }
    }
    return verdict;
  }

  Verdict Additional(const Json& arg, const MapNode* map, const Json& s, const At& at,
                     std::vector<SchemaError>* errors) {
    if (arg.is_boolean() && arg.get<bool>())
      return Verdict::kValid;
    auto props = s.find("properties");
    auto patterns = s.find("patternProperties");
    Verdict verdict = Verdict::kValid;
    for (const MapEntry& e : map->entries()) {
      const std::string& key = e.key->value();
      if (Resolve(e.value) == nullptr || (props != s.end() && props->contains(key)))
        continue;
      bool matched = false;
      if (patterns != s.end() && patterns->is_object()) {
        for (auto it = patterns->begin(); it != patterns->end() && !matched; ++it)
          matched = Matches(it.key(), key) != Verdict::kInvalid;
      }
      if (matched)
        continue;
      if (arg.is_boolean()) {
        Fail(errors, Child(at, e),
             "Additional properties are not allowed ('" + key + "' was unexpected)");
        verdict = Verdict::kInvalid;
      } else {
        verdict = Worst(verdict, Check(e.value, arg, Child(at, e), errors));
      }
    }
    return verdict;
  }

  // --- arrays --------------------------------------------------------------------------------

  Verdict ArrayKeyword(const std::string& k, const Json& arg, const ListNode* list, const At& at,
                       std::vector<SchemaError>* errors) {
    std::vector<std::pair<const Node*, size_t>> items;
    bool undecided = false;
    for (size_t i = 0; i < list->size(); ++i) {
      const Node* item = Resolve(list->items()[i]);
      if (item == nullptr)
        continue;
      const auto* fn = dyn_cast<FnCallNode>(item);
      undecided = undecided || (fn != nullptr && fn->fn() == FnKind::kIf);
      items.emplace_back(item, i);
    }
    if (k == "items" && arg.is_object()) {
      Verdict verdict = Verdict::kValid;
      for (const auto& [item, i] : items)
        verdict = Worst(verdict, Check(item, arg, At{at.path.Child(i), item->range()}, errors));
      return verdict;
    }
    if ((k == "minItems" || k == "maxItems") && arg.is_number()) {
      if (undecided)
        return Verdict::kUnknown;
      bool min = k == "minItems";
      double n = static_cast<double>(items.size());
      if (min ? n >= arg.get<double>() : n <= arg.get<double>())
        return Verdict::kValid;
      Fail(errors, at,
           std::string("expected ") + (min ? "at least " : "at most ") + JsonScalarText(arg) +
               " item(s), found " + std::to_string(items.size()));
      return Verdict::kInvalid;
    }
    if (k == "uniqueKeys" && arg.is_array())
      return UniqueKeys(arg, list, at, errors);
    if (k == "contains") {
      bool unknown = undecided;
      for (const auto& [item, i] : items) {
        Verdict each = Check(item, arg, at, nullptr);
        if (each == Verdict::kValid)
          return Verdict::kValid;
        unknown = unknown || each == Verdict::kUnknown;
      }
      if (unknown)
        return Verdict::kUnknown;
      Fail(errors, at, "None of the items are valid under the given schema");
      return Verdict::kInvalid;
    }
    return Verdict::kValid;
  }

  // cfn-lint's uniqueKeys: no two items (maps) have the same values for all of `keys`. Values
  // compare as written (the same Ref is the same key); items are not resolved by scenario.
  Verdict UniqueKeys(const Json& keys, const ListNode* list, const At& at,
                     std::vector<SchemaError>* errors) {
    std::set<std::vector<std::string>> seen;
    for (const Node* item : list->items()) {
      const auto* map = dyn_cast<MapNode>(item);
      if (map == nullptr)
        continue;
      std::vector<std::string> values;
      for (const Json& key : keys) {
        const Node* v = key.is_string() ? map->Get(key.get<std::string>()) : nullptr;
        if (v == nullptr)
          break;
        values.push_back(Dump(*v));
      }
      if (values.size() != keys.size() || seen.insert(values).second)
        continue;
      std::string names;
      for (const Json& key : keys)
        names += (names.empty() ? "" : ", ") + Repr(key);
      Fail(errors, at, "array items are not unique for keys [" + names + "]");
      return Verdict::kInvalid;
    }
    return Verdict::kValid;
  }

  // The formats cfnx knows (resources/formats.h); others pass.
  Verdict Format(const std::string& format, const StringNode* v, const At& at,
                 std::vector<SchemaError>* errors) {
    const std::vector<std::string>& segments = at.path.segments();
    std::string property;
    for (size_t i = 3; i < segments.size(); ++i)
      property += (i == 3 ? "" : "/") + segments[i];
    std::optional<FormatViolation> bad = CheckFormat(format, v->value(), type_, property);
    if (!bad.has_value())
      return Verdict::kValid;
    Fail(errors, at, bad->message);
    return Verdict::kInvalid;
  }

  // --- scalars -------------------------------------------------------------------------------

  Verdict Matches(const std::string& pattern, const std::string& text) const {
    bool supported = true;
    std::string why;
    bool found = EcmaRegexSearch(pattern, text, &supported, &why);
    if (!supported)
      return Verdict::kUnknown;
    return found ? Verdict::kValid : Verdict::kInvalid;
  }

  Verdict ScalarKeyword(const std::string& k, const Json& arg, const ScalarNode* v, const At& at,
                        std::vector<SchemaError>* errors) {
    if (isa<NullNode>(v))
      return Verdict::kValid;
    const auto* str = dyn_cast<StringNode>(v);
    if (k == "pattern" && str != nullptr && arg.is_string()) {
      std::string text = lowered_.count(v) != 0 ? Lower(str->value()) : str->value();
      Verdict m = Matches(arg.get<std::string>(), text);
      if (m == Verdict::kInvalid)
        Fail(errors, at, Repr(v) + " does not match '" + arg.get<std::string>() + "'");
      return m;
    }
    if (k == "format" && str != nullptr && arg.is_string())
      return Format(arg.get<std::string>(), str, at, errors);
    if ((k == "minLength" || k == "maxLength") && str != nullptr && arg.is_number()) {
      double n = static_cast<double>(Utf8Length(str->value()));
      bool min = k == "minLength";
      if (min ? n >= arg.get<double>() : n <= arg.get<double>())
        return Verdict::kValid;
      Fail(errors, at,
           Repr(v) + (min ? " is shorter than " : " is longer than ") + JsonScalarText(arg));
      return Verdict::kInvalid;
    }
    double number = 0;
    bool numeric = isa<NumberNode>(v) ? (number = cast<NumberNode>(v)->value(), true)
                                      : (str != nullptr && ParseNumber(str->value(), &number));
    if (!numeric || !arg.is_number())
      return Verdict::kValid;
    double limit = arg.get<double>();
    const char* what = nullptr;
    if (k == "minimum" && number < limit)
      what = " is less than the minimum of ";
    else if (k == "maximum" && number > limit)
      what = " is greater than the maximum of ";
    else if (k == "exclusiveMinimum" && number <= limit)
      what = " is less than or equal to the minimum of ";
    else if (k == "exclusiveMaximum" && number >= limit)
      what = " is greater than or equal to the maximum of ";
    else if (k == "multipleOf" && limit > 0 && std::fmod(number, limit) != 0)
      what = " is not a multiple of ";
    if (what == nullptr)
      return Verdict::kValid;
    Fail(errors, at, Repr(v) + what + NumberText(limit));
    return Verdict::kInvalid;
  }

  const Json& root_;
  std::string_view type_;  // the resource type, for cfnx's format checks
  const std::map<std::string, bool>& scenario_;
  const std::set<const Node*>& lowered_;
  int steps_ = 0;
  bool plain_functions_ = false;  // inside a cfnContext without functions
};

// --- the walk over resources -----------------------------------------------------------------

// The condition names of the Fn::Ifs inside `v` that the template declares.
void CollectConditions(const Template& t, const Node* v, std::set<std::string>* out, int depth) {
  if (v == nullptr || depth > 64)
    return;
  if (const auto* fn = dyn_cast<FnCallNode>(v)) {
    const auto* args = dyn_cast<ListNode>(fn->args());
    if (fn->fn() == FnKind::kIf && args != nullptr && args->size() == 3) {
      if (const auto* name = dyn_cast<StringNode>(args->items()[0]);
          name != nullptr && t.FindCondition(name->value()) != nullptr)
        out->insert(name->value());
    }
    CollectConditions(t, fn->args(), out, depth + 1);
  } else if (const auto* map = dyn_cast<MapNode>(v)) {
    for (const MapEntry& e : map->entries())
      CollectConditions(t, e.value, out, depth + 1);
  } else if (const auto* list = dyn_cast<ListNode>(v)) {
    for (const Node* item : list->items())
      CollectConditions(t, item, out, depth + 1);
  }
}

// The nodes of the properties `names` directly in `v` (both branches of an Fn::If).
void CollectLowered(const Node* v, const std::vector<std::string>& names,
                    std::set<const Node*>* out) {
  for (const IfAlternative& alt : IfAlternatives(v)) {
    const auto* map = dyn_cast<MapNode>(alt.value);
    for (const std::string& name : names) {
      const MapEntry* e = map != nullptr ? map->Find(name) : nullptr;
      if (e == nullptr)
        continue;
      for (const IfAlternative& value : IfAlternatives(e->value))
        out->insert(value.value);
    }
  }
}

class ExtensionRun {
 public:
  ExtensionRun(const Template& t, std::string_view region, const TaggablePredicate& taggable,
               DiagnosticSink& diags)
      : t_(t), region_(region), taggable_(taggable), diags_(diags), logic_(t) {}

  void Resource(const cfnx::Resource& r, const ExtensionSchemas& schemas) {
    if (r.node == nullptr || r.type.empty())
      return;
    std::vector<const ExtensionRule*> rules = schemas.For(r.type, region_);
    if (rules.empty())
      return;
    IgnoringSink sink(diags_, IgnoredChecks(r));
    for (const ExtensionRule* rule : rules) {
      std::optional<DiagCode> code = CodeFor(rule->rule);
      if (!code.has_value())
        continue;
      if (rule->taggable_only && (!taggable_ || !taggable_(r.type)))
        continue;
      for (const ExtensionRule::Path& path : rule->paths) {
        if (path.type != r.type && path.type != "*")
          continue;
        std::vector<std::pair<const Node*, At>> instances;
        Descend(r.node, At{TemplatePath{"Resources", r.logical_id}, r.key->range()}, path.segments,
                0, &instances);
        for (const auto& [node, at] : instances)
          Apply(r, *rule, *code, node, at, sink);
      }
    }
  }

 private:
  static constexpr size_t kMaxScenarioConditions = 5;

  void Descend(const Node* v, const At& at, const std::vector<std::string>& segments, size_t i,
               std::vector<std::pair<const Node*, At>>* out) const {
    if (i == segments.size()) {
      out->emplace_back(v, at);
      return;
    }
    for (const IfAlternative& alt : IfAlternatives(v)) {
      if (segments[i] == "*") {
        const auto* list = dyn_cast<ListNode>(alt.value);
        for (size_t k = 0; list != nullptr && k < list->size(); ++k) {
          for (const IfAlternative& item : IfAlternatives(list->items()[k]))
            Descend(item.value, At{at.path.Child(k), item.value->range()}, segments, i + 1, out);
        }
      } else if (const auto* map = dyn_cast<MapNode>(alt.value)) {
        if (const MapEntry* e = map->Find(segments[i]); e != nullptr && !IsNoValue(e->value))
          Descend(e->value, At{at.path.Child(segments[i]), e->key->range()}, segments, i + 1, out);
      }
    }
  }

  void Apply(const cfnx::Resource& r, const ExtensionRule& rule, DiagCode code, const Node* v,
             const At& at, DiagnosticSink& sink) {
    if (auto gather = rule.schema().find("cfnGather"); gather != rule.schema().end()) {
      std::vector<SchemaError> errors = Gather(*gather, v, at);
      ReportErrors(rule, code, std::move(errors), sink);
      return;
    }
    std::set<std::string> names;
    CollectConditions(t_, v, &names, 0);
    std::vector<std::string> conditions(names.begin(), names.end());
    if (conditions.size() > kMaxScenarioConditions || !rule.scenarios)
      conditions.clear();  // too many to enumerate, or not for this rule: Fn::Ifs stay unknown
    std::set<const Node*> lowered;
    CollectLowered(v, rule.lowercase, &lowered);
    std::vector<SchemaError> errors;
    std::set<std::pair<std::string, std::string>> seen;
    for (size_t bits = 0; bits < (size_t{1} << conditions.size()); ++bits) {
      std::map<std::string, bool> scenario;
      std::vector<ConditionAssumption> assumptions;
      for (size_t c = 0; c < conditions.size(); ++c) {
        scenario[conditions[c]] = ((bits >> c) & 1) != 0;
        assumptions.emplace_back(conditions[c], scenario[conditions[c]]);
      }
      if (r.condition != nullptr)
        assumptions.emplace_back(r.condition->value(), true);
      if (!conditions.empty() && !logic_.Satisfiable(assumptions))
        continue;
      std::vector<SchemaError> found;
      Validation(rule.schema(), r.type, scenario, lowered).Check(v, rule.schema(), at, &found);
      for (SchemaError& e : found) {
        if (seen.insert({e.at.path.ToString(), e.message}).second)
          errors.push_back(std::move(e));
      }
    }
    ReportErrors(rule, code, std::move(errors), sink);
  }

  void ReportErrors(const ExtensionRule& rule, DiagCode code, std::vector<SchemaError> errors,
                    DiagnosticSink& sink) {
    if (errors.empty())
      return;
    if (!rule.all_matches) {
      // cfn-lint's best_match: the error highest up in the value, the first of those.
      size_t best = 0;
      for (size_t i = 1; i < errors.size(); ++i) {
        if (errors[i].at.path.segments().size() < errors[best].at.path.segments().size())
          best = i;
      }
      errors = {errors[best]};
    }
    for (SchemaError& e : errors) {
      std::string message = rule.message.empty() ? e.message : rule.message + ": " + e.message;
      sink.Report(code, e.at.range, e.at.path, std::move(message));
    }
  }

  // --- cfnGather -------------------------------------------------------------------------------
  //
  // cfn-lint's cfnGather keyword (cfnlint/jsonschema/_keywords_cfn.py): the values a rule needs
  // from this resource ("local" entries) and from the resources it references ("remote" entries,
  // followed through a Ref or Fn::GetAtt at the entry's `reference` path and kept when the target
  // has the entry's `filter` type) are gathered into one object {entry: {name: value}}, and the
  // rule's schema validates that object, its `$data` pointers and `$lookup` tables resolved
  // against it. The first remote entry (in name order, as cfn-lint's data files list them) drives
  // the iteration: one validation per reference it finds. Errors are reported where the gathered
  // value came from: in this resource, or in the referenced one.

  struct GatherSource {
    const cfnx::Resource* resource = nullptr;  // nullptr: this resource's value at `at`
    TemplatePath base;                         // where the entry's property paths start
    SourceRange range;                         // where errors about the entry as a whole point
  };

  static std::vector<std::string> PointerSegments(const std::string& pointer) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= pointer.size()) {
      size_t end = pointer.find('/', start);
      std::string part = pointer.substr(start, end == std::string::npos ? end : end - start);
      if (!part.empty() && part != ".")
        out.push_back(part);
      if (end == std::string::npos)
        break;
      start = end + 1;
    }
    return out;
  }

  // The resource a Ref or Fn::GetAtt names; "" for anything else.
  static std::string ReferencedName(const Node* v) {
    const auto* fn = dyn_cast<FnCallNode>(v);
    if (fn == nullptr)
      return "";
    if (fn->fn() == FnKind::kRef) {
      const auto* name = dyn_cast<StringNode>(fn->args());
      return name != nullptr ? name->value() : "";
    }
    if (fn->fn() != FnKind::kGetAtt)
      return "";
    if (const auto* list = dyn_cast<ListNode>(fn->args()); list != nullptr && list->size() > 0) {
      const auto* name = dyn_cast<StringNode>(list->items()[0]);
      return name != nullptr ? name->value() : "";
    }
    const auto* name = dyn_cast<StringNode>(fn->args());
    return name != nullptr ? name->value().substr(0, name->value().find('.')) : "";
  }

  // The resource `ref` names when it has the type `spec`'s filter asks for.
  const cfnx::Resource* Target(const Node* ref, const Json& spec) const {
    std::string name = ReferencedName(ref);
    const cfnx::Resource* target = name.empty() ? nullptr : t_.FindResource(name);
    if (target == nullptr)
      return nullptr;
    auto filter = spec.find("filter");
    if (filter != spec.end() && filter->is_object() && filter->contains("type") &&
        (*filter)["type"] != Json(target->type))
      return nullptr;
    return target;
  }

  // The value at `path` below `v` (maps only; an Fn::If on the way is a value known only per
  // scenario, kept as it is), or nullptr.
  static const Node* ValueAt(const Node* v, const std::vector<std::string>& path,
                             const StringNode** key) {
    for (const std::string& segment : path) {
      const auto* map = v != nullptr ? dyn_cast<MapNode>(v) : nullptr;
      const MapEntry* e = map != nullptr ? map->Find(segment) : nullptr;
      if (e == nullptr || IsNoValue(e->value))
        return nullptr;
      *key = e->key;
      v = e->value;
    }
    return v;
  }

  const Node* DefaultNode(const Json& value, SourceRange range) {
    if (value.is_boolean())
      return scratch_.New<BoolNode>(range, value.dump(), value.get<bool>());
    if (value.is_number())
      return scratch_.New<NumberNode>(range, value.dump(), value.get<double>(),
                                      value.is_number_integer());
    if (value.is_string())
      return scratch_.New<StringNode>(range, value.get<std::string>(), false);
    return scratch_.New<NullNode>(range, "null");
  }

  // One entry's {name: value} object; `paths` gets each name's property path.
  const MapNode* GatherEntry(const Json& spec, const Node* instance, const GatherSource& source,
                             std::map<std::string, std::vector<std::string>>* paths) {
    std::vector<MapEntry> entries;
    auto props = spec.find("properties");
    for (auto it = props != spec.end() && props->is_object() ? props->begin() : spec.end();
         props != spec.end() && props->is_object() && it != props->end(); ++it) {
      const Json& prop = it.value();
      if (prop.is_string() && prop.get<std::string>() == "$type") {
        if (source.resource != nullptr)
          entries.push_back({scratch_.New<StringNode>(source.range, it.key(), false),
                             scratch_.New<StringNode>(source.range, source.resource->type, false)});
        continue;
      }
      std::string pointer =
          prop.is_string() ? prop.get<std::string>() : prop.value("path", std::string());
      std::vector<std::string> path = PointerSegments(pointer);
      (*paths)[it.key()] = path;
      const StringNode* key = nullptr;
      const Node* value = ValueAt(instance, path, &key);
      if (value == nullptr) {
        if (!prop.is_object() || !prop.contains("default"))
          continue;
        value = DefaultNode(prop["default"], source.range);
      }
      SourceRange range = key != nullptr ? key->range() : source.range;
      entries.push_back({scratch_.New<StringNode>(range, it.key(), false), value});
    }
    return scratch_.New<MapNode>(source.range, entries);
  }

  // `schema` with every `$data` pointer and `$lookup` table resolved against `gathered`;
  // a keyword whose pointer finds nothing is dropped (cfn-lint keeps the pointer object, which
  // can match nothing; cfnx says nothing rather than guess).
  static Json ResolveData(const Json& schema, const Json& gathered) {
    if (schema.is_array()) {
      Json out = Json::array();
      for (const Json& item : schema)
        out.push_back(ResolveData(item, gathered));
      return out;
    }
    if (!schema.is_object())
      return schema;
    Json out = Json::object();
    for (auto it = schema.begin(); it != schema.end(); ++it) {
      const Json& v = it.value();
      if (!v.is_object() || (!v.contains("$data") && !v.contains("$lookup"))) {
        out[it.key()] = ResolveData(v, gathered);
        continue;
      }
      std::optional<Json> resolved = DataValue(v, gathered);
      if (!resolved.has_value())
        continue;
      const std::string& k = it.key();
      if (k == "minimum" || k == "maximum" || k == "exclusiveMinimum" || k == "exclusiveMaximum") {
        double number = 0;
        if (resolved->is_number())
          number = resolved->get<double>();
        else if (!resolved->is_string() || !ParseNumber(resolved->get<std::string>(), &number))
          continue;
        resolved = Json(number);
      } else if (k == "pattern" && !resolved->is_string()) {
        continue;
      }
      out[k] = *resolved;
    }
    return out;
  }

  static std::optional<Json> DataValue(const Json& v, const Json& gathered) {
    if (auto lookup = v.find("$lookup"); lookup != v.end()) {
      if (!lookup->is_object() || !lookup->contains("key"))
        return std::nullopt;
      std::optional<Json> key = DataValue((*lookup)["key"], gathered);
      auto map = lookup->find("map");
      if (!key.has_value() || !key->is_string() || map == lookup->end() || !map->is_object() ||
          !map->contains(key->get<std::string>()))
        return std::nullopt;
      return (*map)[key->get<std::string>()];
    }
    auto pointer = v.find("$data");
    if (pointer == v.end() || !pointer->is_string())
      return std::nullopt;
    const Json* current = &gathered;
    for (const std::string& part : PointerSegments(pointer->get<std::string>())) {
      if (!current->is_object() || !current->contains(part))
        return std::nullopt;
      current = &(*current)[part];
    }
    return *current;
  }

  // Validates the gathered object and maps each error back to where its value came from.
  void ValidateGathered(const std::vector<std::pair<std::string, GatherSource>>& sources,
                        const std::vector<const MapNode*>& objects,
                        const std::vector<std::map<std::string, std::vector<std::string>>>& paths,
                        const Json& schema, const At& at, std::vector<SchemaError>* out) {
    std::vector<MapEntry> entries;
    Json gathered = Json::object();
    for (size_t i = 0; i < sources.size(); ++i) {
      entries.push_back(
          {scratch_.New<StringNode>(sources[i].second.range, sources[i].first, false), objects[i]});
      gathered[sources[i].first] = Json::parse(ToJson(*objects[i]).dump());
    }
    const auto* root = scratch_.New<MapNode>(at.range, entries);
    Json resolved = ResolveData(schema, gathered);
    static const std::map<std::string, bool> kNoScenario;
    static const std::set<const Node*> kNothingLowered;
    std::vector<SchemaError> errors;
    Validation(resolved, "", kNoScenario, kNothingLowered)
        .Check(root, resolved, At{TemplatePath{}, at.range}, &errors);
    for (SchemaError& e : errors) {
      std::vector<std::string> segments = e.at.path.segments();
      TemplatePath path = at.path;
      for (size_t i = 0; !segments.empty() && i < sources.size(); ++i) {
        if (sources[i].first != segments[0])
          continue;
        path = sources[i].second.base;
        auto prop = segments.size() > 1 ? paths[i].find(segments[1]) : paths[i].end();
        size_t rest = 1;
        if (prop != paths[i].end()) {
          for (const std::string& p : prop->second)
            path = path.Child(p);
          rest = 2;
        }
        for (size_t k = rest; k < segments.size(); ++k)
          path = path.Child(segments[k]);
      }
      out->push_back(SchemaError{At{path, e.at.range}, std::move(e.message)});
    }
  }

  std::vector<SchemaError> Gather(const Json& gather, const Node* v, const At& at) {
    std::vector<SchemaError> errors;
    auto spec = gather.find("gather");
    auto schema = gather.find("schema");
    if (spec == gather.end() || !spec->is_object() || schema == gather.end())
      return errors;
    std::vector<std::string> locals;
    std::vector<std::string> remotes;
    for (auto it = spec->begin(); it != spec->end(); ++it)
      (it.value().contains("reference") ? remotes : locals).push_back(it.key());
    GatherSource here{nullptr, at.path, at.range};
    // One validation: the local entries, and the remote ones whose resources `targets` gives.
    auto validate = [&](const std::map<std::string, const cfnx::Resource*>& targets) {
      std::vector<std::pair<std::string, GatherSource>> sources;
      std::vector<const MapNode*> objects;
      std::vector<std::map<std::string, std::vector<std::string>>> paths;
      for (auto it = spec->begin(); it != spec->end(); ++it) {
        GatherSource source = here;
        const Node* instance = v;
        if (it.value().contains("reference")) {
          auto target = targets.find(it.key());
          if (target == targets.end())
            continue;
          const cfnx::Resource* other = target->second;
          const MapEntry* props = other->node->Find("Properties");
          source = GatherSource{other, TemplatePath{"Resources", other->logical_id, "Properties"},
                                props != nullptr ? props->key->range() : other->key->range()};
          instance = other->properties;
        }
        paths.emplace_back();
        objects.push_back(GatherEntry(it.value(), instance, source, &paths.back()));
        sources.emplace_back(it.key(), source);
      }
      ValidateGathered(sources, objects, paths, *schema, at, &errors);
    };
    if (remotes.empty()) {
      validate({});
      return errors;
    }
    const Json& primary = (*spec)[remotes[0]];
    std::vector<std::pair<const Node*, At>> refs;
    Descend(v, at, PointerSegments(primary["reference"].get<std::string>()), 0, &refs);
    for (const auto& [ref, ref_at] : refs) {
      if (ref == nullptr || isa<NullNode>(ref))
        continue;
      if (ReferencedName(ref).empty()) {
        if (!isa<FnCallNode>(ref) && !isa<MapNode>(ref))
          validate({});  // a value written out: the local entries alone
        continue;
      }
      const cfnx::Resource* target = Target(ref, primary);
      if (target == nullptr || target->node == nullptr)
        continue;
      std::map<std::string, const cfnx::Resource*> targets{{remotes[0], target}};
      for (size_t i = 1; i < remotes.size(); ++i) {
        const Json& other = (*spec)[remotes[i]];
        std::vector<std::pair<const Node*, At>> found;
        Descend(v, at, PointerSegments(other["reference"].get<std::string>()), 0, &found);
        for (const auto& candidate : found) {
          const cfnx::Resource* resource = Target(candidate.first, other);
          if (resource != nullptr && resource->node != nullptr) {
            targets.emplace(remotes[i], resource);
            break;
          }
        }
      }
      validate(targets);
    }
    return errors;
  }

  const Template& t_;
  std::string_view region_;
  const TaggablePredicate& taggable_;
  DiagnosticSink& diags_;
  ConditionLogic logic_;
  Document scratch_;  // the gathered objects of cfnGather rules
};

}  // namespace

void CheckExtensionSchemas(const Template& t, const ExtensionSchemas& schemas,
                           std::string_view region, const TaggablePredicate& taggable,
                           DiagnosticSink& diags) {
  ExtensionRun run(t, region, taggable, diags);
  for (const Resource& r : t.resources)
    run.Resource(r, schemas);
}

}  // namespace cfnx
