// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The one place that wires every stage together (engine/api): load, transforms, model,
// checks. Functions, resources and transforms plug in here explicitly.

#include "cfnx/compiler.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/api/lint_config.h"
#include "engine/api/pipeline.h"
#include "engine/api/schema_registry.h"
#include "engine/ast/json_convert.h"

namespace cfnx {

struct Compiler::Impl {
  CompileOptions options;
  SourceManager sources;
};

bool CompileResult::has_errors() const {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError)
      return true;
  }
  return false;
}

Compiler::Compiler(CompileOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

Compiler::~Compiler() = default;

const CompileOptions& Compiler::options() const {
  return impl_->options;
}
const SourceManager& Compiler::sources() const {
  return impl_->sources;
}
SourceManager& Compiler::mutable_sources() {
  return impl_->sources;
}

ErrorOr<FileId> Compiler::AddFile(const std::string& path) {
  CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  return impl_->sources.AddFile(path, std::move(text));
}

FileId Compiler::AddSource(std::string name, std::string text) {
  return impl_->sources.AddFile(std::move(name), std::move(text));
}

namespace {

// The regions `checks` names, ALL_REGIONS expanded, duplicates dropped; `fallback` if none.
std::vector<std::string> RegionsToCheck(const CheckOptions& checks, const std::string& fallback) {
  std::vector<std::string> out;
  for (const std::string& r : checks.regions) {
    if (r == "ALL_REGIONS") {
      for (const std::string& known : DefaultResourceTypeRegistry().regions()) {
        if (std::find(out.begin(), out.end(), known) == out.end())
          out.push_back(known);
      }
    } else if (std::find(out.begin(), out.end(), r) == out.end()) {
      out.push_back(r);
    }
  }
  if (out.empty())
    out.push_back(fallback);
  return out;
}

// One region's run: every finding, unfiltered, and what the template says about its checks.
struct RegionRun {
  std::vector<Diagnostic> findings;
  CheckOptions template_checks;
  std::map<std::string, std::vector<std::string>> resource_ignores;
  bool parsed = false;
};

RegionRun ValidateIn(SourceManager& sources, FileId file, CompileOptions options,
                     const std::string& region) {
  options.region = region;
  DiagnosticCollector diags;
  LoadedTemplate loaded = LoadAndBuild(sources, file, options, diags, LoadPurpose::kValidate);
  RegionRun run;
  if (loaded.model.root != nullptr) {
    run.parsed = true;
    RunChecks(loaded, options, diags);
    run.template_checks =
        TemplateCheckOptions(loaded.model.metadata, DefaultResourceTypeRegistry().regions(), diags);
    run.resource_ignores = ResourceIgnoredChecks(loaded.model, diags);
  }
  run.findings = diags.Take();
  return run;
}

}  // namespace

CompileResult Compiler::Validate(FileId file) {
  const CompileOptions& options = impl_->options;
  // The first region is known before the template is read; the template's own configuration
  // (its Metadata) can change the list, and is read from this first run.
  CheckOptions outside = LayerCheckOptions(options.checks, {}, options.checks_from_file);
  std::string first = RegionsToCheck(outside, options.region).front();
  RegionRun run = ValidateIn(impl_->sources, file, options, first);
  CheckOptions checks =
      LayerCheckOptions(options.checks, run.template_checks, options.checks_from_file);
  std::vector<std::string> regions = RegionsToCheck(checks, options.region);
  std::vector<Diagnostic> findings;
  if (std::find(regions.begin(), regions.end(), first) != regions.end())
    findings = std::move(run.findings);
  // Findings that do not depend on the region repeat in every run: keep the first of each.
  std::set<std::tuple<std::string, uint32_t, uint32_t, uint16_t, std::string, std::string>> seen;
  auto key = [&](const Diagnostic& d) {
    return std::make_tuple(
        d.range.begin.file == 0 ? std::string() : impl_->sources.name(d.range.begin.file),
        d.range.begin.line, d.range.begin.column, static_cast<uint16_t>(d.code), d.path.ToString(),
        d.message);
  };
  for (const Diagnostic& d : findings)
    seen.insert(key(d));
  for (const std::string& region : regions) {
    if (region == first)
      continue;
    for (Diagnostic& d : ValidateIn(impl_->sources, file, options, region).findings) {
      if (seen.insert(key(d)).second)
        findings.push_back(std::move(d));
    }
  }
  if (!run.parsed && checks.ignore_bad_template.value_or(false)) {
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [](const Diagnostic& d) { return d.code == DiagCode::kE0000; }),
                   findings.end());
  }
  SelectFindings(findings, checks, run.resource_ignores);
  DiagnosticCollector diags;
  for (Diagnostic& d : findings)
    diags.Report(std::move(d));
  diags.SortByLocation();
  return CompileResult{diags.Take()};
}

Compiler::TransformOutput Compiler::TransformTemplate(FileId file) {
  DiagnosticCollector diags;
  LoadedTemplate loaded =
      LoadAndBuild(impl_->sources, file, impl_->options, diags, LoadPurpose::kTransformOnly);
  TransformOutput out;
  // Only the template's own top-level shape matters here; the model's structure checks (a
  // resource without Type, ...) are validate's, as they are not the transform's.
  if (!loaded.transform_failed && isa<MapNode>(loaded.document.root()) &&
      diags.error_count() == 0) {
    out.json = ToJsonText(ProcessedTemplateJson(loaded));
  }
  // A failed transform reports its errors in the order the transform defines (SAM: the
  // reference translator's order); everything else prints by location.
  if (!loaded.transform_failed)
    diags.SortByLocation();
  out.result.diagnostics = diags.Take();
  return out;
}

Compiler::TransformOutput Compiler::Render(FileId file) {
  DiagnosticCollector diags;
  LoadedTemplate loaded = LoadAndBuild(impl_->sources, file, impl_->options, diags);
  TransformOutput out;
  // Render whatever could be loaded and processed, even with structural errors (reported
  // alongside); without a processed template (parse or transform failure) there is nothing.
  if (loaded.model.root != nullptr)
    out.json = ToJsonText(RenderLoaded(loaded, impl_->options, diags));
  diags.SortByLocation();
  out.result.diagnostics = diags.Take();
  return out;
}

ErrorOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot read '" + path + "': " + std::strerror(errno)};
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    return Error{"cannot read '" + path + "': read error"};
  }
  return ss.str();
}

ErrorOr<std::map<std::string, std::string>> ReadParametersFile(const std::string& path) {
  CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return Error{"parameters file '" + path + "' is not valid JSON"};
  }
  auto as_string = [](const nlohmann::json& v) -> std::string {
    if (v.is_string())
      return v.get<std::string>();
    if (v.is_array()) {
      std::string joined;
      for (const auto& item : v) {
        if (!joined.empty())
          joined += ",";
        joined += item.is_string() ? item.get<std::string>() : item.dump();
      }
      return joined;
    }
    return v.dump();
  };
  std::map<std::string, std::string> out;
  if (json.is_array()) {
    for (const auto& item : json) {
      if (!item.is_object() || !item.contains("ParameterKey") ||
          !item["ParameterKey"].is_string()) {
        return Error{"parameters file '" + path +
                     "': each item must be {\"ParameterKey\": ..., \"ParameterValue\": ...}"};
      }
      if (item.contains("ParameterValue")) {
        out[item["ParameterKey"].get<std::string>()] = as_string(item["ParameterValue"]);
      }
    }
    return out;
  }
  if (json.is_object() && json.contains("Parameters") && json["Parameters"].is_object()) {
    for (const auto& [key, value] : json["Parameters"].items()) {
      out[key] = as_string(value);
    }
    return out;
  }
  return Error{"parameters file '" + path +
               "' must be a list of {ParameterKey, ParameterValue} or {\"Parameters\": {...}}"};
}

}  // namespace cfnx

namespace cfnx {

ErrorOr<std::map<std::string, std::string>> ReadExportsFile(const std::string& path) {
  CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    return Error{"exports file '" + path + "' is not a JSON object"};
  std::map<std::string, std::string> out;
  if (json.contains("Exports") && json["Exports"].is_array()) {
    for (const auto& item : json["Exports"]) {
      if (!item.is_object() || !item.contains("Name") || !item["Name"].is_string() ||
          !item.contains("Value") || !item["Value"].is_string()) {
        return Error{"exports file '" + path + "': each export must be {\"Name\", \"Value\"}"};
      }
      out[item["Name"].get<std::string>()] = item["Value"].get<std::string>();
    }
    return out;
  }
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string())
      return Error{"exports file '" + path + "': the value of '" + key + "' is not a string"};
    out[key] = value.get<std::string>();
  }
  return out;
}

}  // namespace cfnx
