// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/extension_schemas.h"

#include <algorithm>
#include <mutex>

namespace cfnx {
namespace {

using Json = nlohmann::json;

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = text.find(sep, start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos)
      return out;
    start = end + 1;
  }
}

std::vector<std::string> Strings(const Json& head, const char* key) {
  std::vector<std::string> out;
  auto it = head.find(key);
  if (it != head.end() && it->is_array()) {
    for (const Json& s : *it) {
      if (s.is_string())
        out.push_back(s.get<std::string>());
    }
  }
  return out;
}

}  // namespace

const Json& ExtensionRule::schema() const {
  // Once, whatever the number of threads validating templates at the same time (`validate -j`):
  // a second parse would free the schema another thread is reading.
  std::call_once(schema_once_, [this] {
    // Checked when the data is built (resources_tests parses every line); a line that does not
    // parse is an empty schema, which accepts everything.
    Json parsed = Json::parse(schema_text_, nullptr, /*allow_exceptions=*/false);
    schema_ = std::make_unique<Json>(parsed.is_discarded() ? Json::object() : std::move(parsed));
  });
  return *schema_;
}

ErrorOr<std::unique_ptr<ExtensionSchemas>> ExtensionSchemas::FromJsonLines(std::string_view jsonl) {
  std::unique_ptr<ExtensionSchemas> out(new ExtensionSchemas());
  size_t line_number = 0;
  static constexpr std::string_view kSchemaKey = ",\"schema\":";
  while (!jsonl.empty()) {
    size_t end = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, end);
    jsonl.remove_prefix(end == std::string_view::npos ? jsonl.size() : end + 1);
    ++line_number;
    if (line.empty())
      continue;
    std::string where = "extension schemas line " + std::to_string(line_number);
    // Keys are sorted, so "schema" comes last: the header is everything before it.
    size_t split = line.find(kSchemaKey);
    if (split == std::string_view::npos || line.back() != '}')
      return Error{where + ": no trailing \"schema\""};
    Json head = Json::parse(std::string(line.substr(0, split)) + "}", nullptr, false);
    if (!head.is_object() || !head.contains("rule") || !head["rule"].is_string() ||
        !head.contains("paths") || !head["paths"].is_array()) {
      return Error{where + ": not an object with 'rule' and 'paths'"};
    }
    auto rule = std::make_unique<ExtensionRule>();
    rule->rule = head["rule"].get<std::string>();
    rule->all_matches = head.value("all", false);
    rule->message = head.value("message", "");
    rule->lowercase = Strings(head, "lowercase");
    rule->regions = Strings(head, "regions");
    rule->taggable_only = head.value("taggable", false);
    rule->scenarios = head.value("scenarios", true);
    size_t schema_start = split + kSchemaKey.size();
    rule->schema_text_ = line.substr(schema_start, line.size() - 1 - schema_start);
    std::vector<std::string> paths = Strings(head, "paths");
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());  // cfn-lint lists some twice
    for (const std::string& path : paths) {
      std::vector<std::string> parts = Split(path, '/');
      std::string type = parts.front();
      parts.erase(parts.begin());
      rule->paths.push_back(ExtensionRule::Path{type, std::move(parts)});
      std::vector<const ExtensionRule*>& list = out->by_type_[type];
      if (std::find(list.begin(), list.end(), rule.get()) == list.end())
        list.push_back(rule.get());
    }
    out->rules_.push_back(std::move(rule));
  }
  return out;
}

std::vector<const ExtensionRule*> ExtensionSchemas::For(std::string_view type,
                                                        std::string_view region) const {
  std::vector<const ExtensionRule*> out;
  for (std::string_view key : {type, std::string_view("*")}) {
    auto it = by_type_.find(key);
    if (it == by_type_.end())
      continue;
    for (const ExtensionRule* rule : it->second) {
      if (rule->regions.empty() ||
          std::find(rule->regions.begin(), rule->regions.end(), region) != rule->regions.end())
        out.push_back(rule);
    }
  }
  return out;
}

}  // namespace cfnx
