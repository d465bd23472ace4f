// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The executor's records in the state database as JSON: resource rows and stacks written into
// operation records (`prior`, journal `data`), and typed reads of those records. The database
// is outside input (a hand edit, a damaged file), so every read takes a value of the wrong type
// as its fallback instead of throwing.

#ifndef CFNX_ENGINE_EXEC_RECORDS_H_
#define CFNX_ENGINE_EXEC_RECORDS_H_

#include <cstdint>
#include <map>
#include <string>

#include "engine/backend/local/state_store.h"
#include "engine/exec/resolve.h"

namespace cfnx {

// Whether `a` and `b` are the same JSON value, whatever the order of their keys.
bool SameJson(const ExecJson& a, const ExecJson& b);

ExecJson RowToJson(const StoredResource& r);
// The inverse of RowToJson; fields missing or of the wrong type read as empty.
StoredResource RowFromJson(const ExecJson& j);
ExecJson StackToJson(const StoredStack& s);

// j[key] when `j` is an object holding a value of that type there, else `fallback`.
std::string StringField(const ExecJson& j, const char* key, const std::string& fallback = "");
int64_t IntField(const ExecJson& j, const char* key, int64_t fallback = 0);
ExecJson ObjectField(const ExecJson& j, const char* key);  // fallback: {}
ExecJson Field(const ExecJson& j, const char* key);        // any type; fallback: null

// A parameter value as DescribeStacks shows it: lists comma-joined.
std::string ParameterText(const ExecJson& v);

// Logical id -> first position in `sequence` (a JSON list of ids).
std::map<std::string, size_t> Positions(const ExecJson& sequence);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EXEC_RECORDS_H_
