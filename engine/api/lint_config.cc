// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/lint_config.h"

#include <algorithm>
#include <string_view>

#include "engine/base/edit_distance.h"

namespace cfnx {
namespace {

// Keys cfn-lint reads from a template's Metadata config (cfnlint/config.py `TemplateArgs`).
constexpr std::string_view kTemplateKeys[] = {
    "append_rules",         "configure_rules", "custom_rules",
    "ignore_bad_template",  "ignore_checks",   "include_checks",
    "include_experimental", "override_spec",   "parameters",
    "parameter_files",      "regions"};

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// metadata["cfn-lint"]["config"] when both are maps.
const MapNode* ConfigOf(const Node* metadata) {
  const auto* map = dyn_cast<MapNode>(metadata);
  const auto* lint = map == nullptr ? nullptr : dyn_cast<MapNode>(map->Get("cfn-lint"));
  return lint == nullptr ? nullptr : dyn_cast<MapNode>(lint->Get("config"));
}

// A list of strings (a single string counts as a list of one, as cfn-lint's CLI splits it).
std::vector<std::string> StringList(const Node* node, const TemplatePath& path,
                                    DiagnosticSink& diags) {
  std::vector<std::string> out;
  if (const auto* s = dyn_cast<StringNode>(node)) {
    out.push_back(s->value());
    return out;
  }
  const auto* list = dyn_cast<ListNode>(node);
  if (list == nullptr) {
    diags.Report(DiagCode::kW4005, node->range(), path,
                 "cfn-lint config " + Quote(path.segments().back()) +
                     " must be a list of strings; it is ignored.");
    return out;
  }
  for (size_t i = 0; i < list->items().size(); ++i) {
    const Node* item = list->items()[i];
    if (const auto* scalar = dyn_cast<ScalarNode>(item)) {
      out.push_back(scalar->text());
    } else {
      diags.Report(DiagCode::kW4005, item->range(), path.Child(i),
                   "cfn-lint config " + Quote(path.segments().back()) +
                       " entries must be strings; this one is ignored.");
    }
  }
  return out;
}

}  // namespace

CheckOptions TemplateCheckOptions(const Node* metadata, const std::vector<std::string>& regions,
                                  DiagnosticSink& diags) {
  CheckOptions out;
  const MapNode* config = ConfigOf(metadata);
  if (config == nullptr)
    return out;
  TemplatePath base{"Metadata", "cfn-lint", "config"};
  std::vector<std::string_view> known(std::begin(kTemplateKeys), std::end(kTemplateKeys));
  for (const MapEntry& e : config->entries()) {
    std::string_view key = e.key->value();
    TemplatePath path = base.Child(key);
    if (key == "ignore_checks") {
      out.ignore_checks = StringList(e.value, path, diags);
    } else if (key == "include_checks") {
      out.include_checks = StringList(e.value, path, diags);
    } else if (key == "regions") {
      std::vector<std::string> listed = StringList(e.value, path, diags);
      for (size_t i = 0; i < listed.size(); ++i) {
        if (listed[i] == "ALL_REGIONS" ||
            std::find(regions.begin(), regions.end(), listed[i]) != regions.end()) {
          out.regions.push_back(listed[i]);
          continue;
        }
        std::vector<std::string_view> names(regions.begin(), regions.end());
        const auto* list = dyn_cast<ListNode>(e.value);
        const Node* at = list != nullptr && i < list->items().size() ? list->items()[i] : e.value;
        diags.Report(DiagCode::kW4005, at->range(), path.Child(i),
                     "Unknown region " + Quote(listed[i]) + "; it is ignored." +
                         DidYouMean(listed[i], names));
      }
    } else if (key == "ignore_bad_template") {
      if (const auto* b = dyn_cast<BoolNode>(e.value)) {
        out.ignore_bad_template = b->value();
      } else {
        diags.Report(DiagCode::kW4005, e.value->range(), path,
                     "cfn-lint config 'ignore_bad_template' must be true or false; it is "
                     "ignored.");
      }
    } else if (std::find(known.begin(), known.end(), key) == known.end()) {
      diags.Report(DiagCode::kW4005, e.key->range(), path,
                   "Unknown cfn-lint config key " + Quote(key) + "." + DidYouMean(key, known));
    }
  }
  return out;
}

std::map<std::string, std::vector<std::string>> ResourceIgnoredChecks(const Template& model,
                                                                      DiagnosticSink& diags) {
  std::map<std::string, std::vector<std::string>> out;
  for (const Resource& r : model.resources) {
    const MapNode* config = ConfigOf(r.metadata);
    if (config == nullptr)
      continue;
    if (const Node* ignore = config->Get("ignore_checks")) {
      TemplatePath path{"Resources", r.logical_id, "Metadata",
                        "cfn-lint",  "config",     "ignore_checks"};
      std::vector<std::string> ids = StringList(ignore, path, diags);
      if (!ids.empty())
        out[r.logical_id] = std::move(ids);
    }
  }
  return out;
}

void SelectFindings(std::vector<Diagnostic>& findings, const CheckOptions& checks,
                    const std::map<std::string, std::vector<std::string>>& resource_ignores) {
  auto dropped = [&](const Diagnostic& d) {
    std::string_view id = GetDiagCodeInfo(d.code).id;
    if (!CheckEnabled(id, checks))
      return true;
    const std::vector<std::string>& path = d.path.segments();
    if (path.size() < 2 || path[0] != "Resources")
      return false;
    auto it = resource_ignores.find(path[1]);
    if (it == resource_ignores.end() ||
        std::none_of(it->second.begin(), it->second.end(),
                     [&](const std::string& prefix) { return CheckIdMatches(id, prefix); }))
      return false;
    for (const std::string& mandatory : checks.mandatory_checks) {
      if (CheckIdMatches(id, mandatory))
        return false;
    }
    return true;
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), dropped), findings.end());
}

}  // namespace cfnx
