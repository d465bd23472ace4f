// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/cfnlintrc.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "cfnx/source.h"
#include "engine/api/pipeline.h"
#include "engine/ast/document.h"
#include "engine/base/edit_distance.h"
#include "engine/parse/loader.h"

namespace cfnx {
namespace {

constexpr std::string_view kFileNames[] = {".cfnlintrc", ".cfnlintrc.yaml", ".cfnlintrc.yml"};

// cfn-lint's config schema: every key and whether it is a list, a string, a bool or an object.
enum class Kind { kList, kString, kBool, kObject };
struct Key {
  std::string_view name;
  Kind kind;
};
constexpr Key kKeys[] = {
    {"append_rules", Kind::kList},
    {"configure_rules", Kind::kObject},
    {"custom_rules", Kind::kString},
    {"debug", Kind::kBool},
    {"deployment_files", Kind::kList},
    {"format", Kind::kString},
    {"ignore_bad_template", Kind::kBool},
    {"ignore_checks", Kind::kList},
    {"ignore_templates", Kind::kList},
    {"include_checks", Kind::kList},
    {"include_experimental", Kind::kBool},
    {"mandatory_checks", Kind::kList},
    {"merge_configs", Kind::kBool},
    {"non_zero_exit_code", Kind::kString},
    {"output_file", Kind::kString},
    {"override_spec", Kind::kString},
    {"parameter_files", Kind::kList},
    {"parameters", Kind::kList},
    {"regions", Kind::kList},
    {"registry_schemas", Kind::kList},
    {"template_parameters", Kind::kList},
    {"templates", Kind::kList},
};

std::string Where(const std::string& path, const Node* node) {
  return path + ":" + std::to_string(node->range().begin.line) + ":" +
         std::to_string(node->range().begin.column) + ": ";
}

}  // namespace

ErrorOr<CfnLintConfigFile> ReadCfnLintConfig(const std::string& path) {
  CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  CfnLintConfigFile out;
  out.path = path;
  SourceManager sources;
  FileId file = sources.AddFile(path, std::move(text));
  DiagnosticCollector diags;
  LoadOptions load;
  load.require_map_root = false;
  Document doc = LoadTemplate(sources, file, diags, load);
  for (const Diagnostic& d : diags.diagnostics()) {
    if (d.severity == Severity::kError) {
      return Error{path + ":" + std::to_string(d.range.begin.line) + ":" +
                   std::to_string(d.range.begin.column) + ": " + d.message};
    }
  }
  const Node* root = doc.root();
  if (root == nullptr || isa<NullNode>(root))
    return out;  // an empty file configures nothing, as in cfn-lint
  const auto* map = dyn_cast<MapNode>(root);
  if (map == nullptr)
    return Error{Where(path, root) + "a cfn-lint configuration must be a mapping"};
  std::vector<std::string_view> names;
  for (const Key& k : kKeys)
    names.push_back(k.name);
  for (const MapEntry& e : map->entries()) {
    std::string_view name = e.key->value();
    const Key* key = nullptr;
    for (const Key& k : kKeys) {
      if (k.name == name)
        key = &k;
    }
    if (key == nullptr) {
      return Error{Where(path, e.key) + "unknown cfn-lint configuration key '" + std::string(name) +
                   "'." + DidYouMean(name, names)};
    }
    std::vector<std::string> list;
    switch (key->kind) {
      case Kind::kList: {
        const auto* items = dyn_cast<ListNode>(e.value);
        if (items == nullptr)
          return Error{Where(path, e.value) + "'" + std::string(name) + "' must be a list"};
        for (const Node* item : items->items()) {
          const auto* scalar = dyn_cast<ScalarNode>(item);
          if (scalar == nullptr || isa<NullNode>(item))
            return Error{Where(path, item) + "'" + std::string(name) + "' entries must be strings"};
          list.push_back(scalar->text());
        }
        break;
      }
      case Kind::kString:
        if (!isa<StringNode>(e.value))
          return Error{Where(path, e.value) + "'" + std::string(name) + "' must be a string"};
        break;
      case Kind::kBool:
        if (!isa<BoolNode>(e.value))
          return Error{Where(path, e.value) + "'" + std::string(name) + "' must be true or false"};
        break;
      case Kind::kObject:
        if (!isa<MapNode>(e.value))
          return Error{Where(path, e.value) + "'" + std::string(name) + "' must be a mapping"};
        break;
    }
    if (name == "ignore_checks") {
      out.checks.ignore_checks = list;
    } else if (name == "include_checks") {
      out.checks.include_checks = list;
    } else if (name == "mandatory_checks") {
      out.checks.mandatory_checks = list;
    } else if (name == "regions") {
      out.checks.regions = list;
    } else if (name == "templates") {
      out.templates = list;
    } else if (name == "ignore_bad_template") {
      out.checks.ignore_bad_template = cast<BoolNode>(e.value)->value();
    } else if (name == "non_zero_exit_code") {
      std::string level = cast<StringNode>(e.value)->value();
      constexpr std::string_view kLevels[] = {"informational", "warning", "error", "none"};
      if (std::find(std::begin(kLevels), std::end(kLevels), level) == std::end(kLevels)) {
        return Error{Where(path, e.value) +
                     "'non_zero_exit_code' must be informational, warning, error or none" +
                     DidYouMean(level, {std::begin(kLevels), std::end(kLevels)})};
      }
      out.non_zero_exit_code = level;
    }
  }
  return out;
}

std::string FindCfnLintConfig(const std::string& start_dir, const std::string& home_dir) {
  namespace fs = std::filesystem;
  auto first_in = [](const fs::path& dir) -> std::string {
    for (std::string_view name : kFileNames) {
      fs::path candidate = dir / name;
      std::error_code missing;  // not found is not an error here
      if (fs::is_regular_file(candidate, missing))
        return candidate.string();
    }
    return "";
  };
  std::error_code ec;
  fs::path dir = fs::absolute(start_dir, ec).lexically_normal();
  if (!dir.empty() && !dir.has_filename())
    dir = dir.parent_path();  // "/a/b/" -> "/a/b"
  while (!ec && !dir.empty()) {
    if (std::string found = first_in(dir); !found.empty())
      return found;
    if (dir == dir.root_path() || dir.parent_path() == dir)
      break;
    dir = dir.parent_path();
  }
  if (!home_dir.empty())
    return first_in(home_dir);
  return "";
}

}  // namespace cfnx
