// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// JSON Schema types as cfnx's resource checks see them: the `type` keyword as a bitmask, which
// of those a value written in a template satisfies (CloudFormation converts scalars), and the
// small text helpers their messages share. Internal to resources/.

#ifndef CFNX_RESOURCES_SCHEMA_TYPES_H_
#define CFNX_RESOURCES_SCHEMA_TYPES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/ast/node.h"

namespace cfnx {

// JSON Schema types as a bitmask.
enum TypeBit : unsigned {
  kTString = 1,
  kTInteger = 2,
  kTNumber = 4,
  kTBoolean = 8,
  kTObject = 16,
  kTArray = 32,
  kTNull = 64,
};
constexpr unsigned kScalarTypes = kTString | kTInteger | kTNumber | kTBoolean;

// The bit of a JSON Schema type name ("string", ...); 0 for an unknown name.
unsigned TypeBitFor(std::string_view name);
// The bits of a schema's `type` (a name or a list of names); 0 when it has none.
unsigned SchemaTypes(const nlohmann::json& s);
// "a string or an integer" for the bits set.
std::string TypeNames(unsigned bits);
// A whole-string finite number (no leading space).
bool ParseNumber(const std::string& text, double* out);
// An optional sign and digits.
bool IsIntegerText(const std::string& text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Which schema types a written value satisfies. CloudFormation (and cfn-lint) convert scalars:
// a number or boolean is accepted where a string is expected, and a string that spells a
// number or boolean where those are.
unsigned ValueTypes(const Node* v);
// "an object", "a list", ... for a written value.
std::string_view KindNoun(const Node* v);
// Length in code points.
size_t Utf8Length(std::string_view s);
// A JSON scalar as text (strings unquoted).
std::string JsonScalarText(const nlohmann::json& j);
// A number without a trailing ".0" when it is whole.
std::string NumberText(double d);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_SCHEMA_TYPES_H_
