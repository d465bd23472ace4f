// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Nested stacks whose TemplateURL is a local file (before `aws cloudformation package` uploads
// it, or a SAM Application's local Location): the Parameters the parent passes must be
// parameters of the nested template, and every nested parameter without a Default must be
// passed, or the nested stack's create fails. When Parameters is an Fn::If, each branch is
// checked on its own and the finding names the conditions that select it. cfn-lint's E3043.

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/edit_distance.h"
#include "engine/parse/loader.h"
#include "engine/validate/condition_logic.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

struct NestedParameters {
  std::set<std::string> all;
  std::vector<std::string> names;     // in declaration order
  std::vector<std::string> required;  // in declaration order
};

// The nested template's parameters, or nullopt when it cannot be read or parsed cleanly (then
// nothing is checked: the file is not what CloudFormation will get anyway).
std::optional<NestedParameters> ReadNestedParameters(const std::filesystem::path& file,
                                                     std::string text) {
  SourceManager sources;
  FileId id = sources.AddFile(file.generic_string(), std::move(text));
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, id, diags);
  const auto* root = dyn_cast<MapNode>(doc.root());
  if (root == nullptr || diags.error_count() > 0)
    return std::nullopt;
  NestedParameters out;
  const auto* params = dyn_cast<MapNode>(root->Get("Parameters"));
  if (params == nullptr)
    return out;
  for (const MapEntry& e : params->entries()) {
    out.all.insert(e.key->value());
    out.names.push_back(e.key->value());
    const auto* decl = dyn_cast<MapNode>(e.value);
    const Node* default_value = decl != nullptr ? decl->Get("Default") : nullptr;
    if (default_value == nullptr || isa<NullNode>(default_value))
      out.required.push_back(e.key->value());
  }
  return out;
}

std::string ScenarioText(const std::vector<ConditionAssumption>& conditions) {
  std::string text;
  for (const auto& [name, value] : conditions) {
    text += (text.empty() ? " when condition \"" : " and condition \"") + name + "\" is " +
            (value ? "True" : "False");
  }
  return text;
}

bool IsLocalPath(std::string_view url) {
  return !url.empty() && url.find("://") == std::string_view::npos &&
         url.find("{{resolve:") == std::string_view::npos;
}

}  // namespace

void CheckNestedStackParameters(const Template& t, const FileRoots& roots,
                                std::string_view template_path, DiagnosticSink& diags) {
  if (template_path.empty() || template_path == "-")
    return;
  std::filesystem::path base = std::filesystem::path(template_path).parent_path();
  for (const Resource& r : t.resources) {
    if (r.type != "AWS::CloudFormation::Stack")
      continue;
    const auto* props = dyn_cast<MapNode>(r.properties);
    if (props == nullptr)
      continue;
    const auto* url = dyn_cast<StringNode>(props->Get("TemplateURL"));
    const MapEntry* parameters = props->Find("Parameters");
    if (url == nullptr || !IsLocalPath(url->value()))
      continue;
    std::filesystem::path file(url->value());
    if (file.is_relative())
      file = base / file;
    if (!roots.Contains(file)) {
      // Refused, so a template cannot make cfnx read a file the user did not give it.
      diags.Report(
          DiagCode::kE5002, url->range(),
          TemplatePath{"Resources", r.logical_id, "Properties", "TemplateURL"},
          "Nested stack TemplateURL '" + url->value() + "' is " + FileRoots::kOutsideMessage + ".");
      continue;
    }
    // A missing or unreadable file is not checked: it may be packaged later.
    ErrorOr<std::string> text = roots.Read(file);
    if (!text.ok())
      continue;
    std::optional<NestedParameters> nested = ReadNestedParameters(file, std::move(*text));
    if (!nested)
      continue;
    if (parameters == nullptr) {
      // No Parameters at all: every parameter without a Default is missing.
      for (const std::string& name : nested->required) {
        diags.Report(DiagCode::kE3043, url->range(),
                     TemplatePath{"Resources", r.logical_id, "Properties"},
                     "Nested stack template " + url->value() + " needs parameter \"" + name +
                         "\" (it has no Default), and the nested stack passes no Parameters.");
      }
      continue;
    }
    TemplatePath path{"Resources", r.logical_id, "Properties", "Parameters"};
    // A stack the SAM transform generated (AWS::Serverless::Application) has a Parameters map of
    // its making: findings about the map as a whole point at the application, as cfn-lint's do.
    bool generated = r.key->origin() != nullptr || r.node->origin() != nullptr ||
                     (r.type_node != nullptr && r.type_node->origin() != nullptr);
    SourceRange whole = generated ? r.key->Source().range() : parameters->key->range();
    for (const IfAlternative& branch : IfAlternatives(parameters->value)) {
      const auto* map = dyn_cast<MapNode>(branch.value);
      if (map == nullptr)
        continue;
      std::string when = ScenarioText(branch.when);
      for (const MapEntry& e : map->entries()) {
        if (nested->all.count(e.key->value()) != 0)
          continue;
        bool plain = branch.when.empty();
        std::vector<std::string_view> candidates(nested->names.begin(), nested->names.end());
        diags.Report(DiagCode::kE3043, plain ? e.key->range() : whole,
                     plain ? path.Child(e.key->value()) : path,
                     "Parameter \"" + e.key->value() + "\" is not a parameter of the nested " +
                         "stack template " + url->value() + when + "." +
                         DidYouMean(e.key->value(), candidates));
      }
      for (const std::string& name : nested->required) {
        if (map->Find(name) != nullptr)
          continue;
        diags.Report(DiagCode::kE3043, whole, path,
                     "Nested stack template " + url->value() + " needs parameter \"" + name +
                         "\" (it has no Default), and it is not passed" + when + ".");
      }
    }
  }
}

}  // namespace cfnx
