// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/stack_input_files.h"

#include <iostream>

#include "engine/api/pipeline.h"
#include "engine/ast/json_convert.h"
#include "engine/parse/loader.h"
#include "engine/plan/stack_policy.h"

namespace cfnx {

void AddStackInputFlags(CLI::App* app, std::string* stack_policy_during_update,
                        std::string* ssm_parameters) {
  app->add_option("--stack-policy-during-update", *stack_policy_during_update,
                  "a stack policy (JSON file) that replaces the stack's own for this update");
  app->add_option("--ssm-parameters", *ssm_parameters,
                  "values of the SSM parameters AWS::SSM::Parameter::Value parameters name (JSON "
                  "or YAML object, or `aws ssm get-parameters` output)");
}

std::optional<OrderedJson> ReadStackPolicyFile(const std::string& flag, const std::string& path,
                                               const CommonFlags& common) {
  ErrorOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) {
    CouldNotRun("cannot read " + flag + " file: " + text.error().message);
    return std::nullopt;
  }
  SourceManager sources;
  FileId file = sources.AddFile(path, std::move(*text));
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, file, diags);
  std::optional<OrderedJson> policy;
  if (diags.error_count() == 0) {
    policy = CheckStackPolicy(doc.root(), diags);
  }
  PrintDiagnostics(diags.diagnostics(), sources, common);
  if (!policy) {
    CouldNotRun(flag + " " + path + " is not a valid stack policy; nothing was done");
  }
  return policy;
}

ErrorOr<std::map<std::string, std::string>> ReadSsmParametersFile(const std::string& path) {
  ErrorOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) {
    return Error{"cannot read --ssm-parameters file: " + text.error().message};
  }
  SourceManager sources;
  FileId file = sources.AddFile(path, std::move(*text));
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, file, diags);
  std::string where = "--ssm-parameters " + path + ": ";
  if (diags.error_count() > 0 || doc.root() == nullptr) {
    return Error{where + "not valid JSON or YAML" +
                 (diags.diagnostics().empty() ? "" : ": " + diags.diagnostics().front().message)};
  }
  OrderedJson json = ToJson(*doc.root());
  auto text_of = [](const OrderedJson& v) -> std::optional<std::string> {
    if (v.is_string()) {
      return v.get<std::string>();
    }
    if (v.is_number() || v.is_boolean()) {
      return v.dump();
    }
    if (v.is_array()) {  // a StringList written as a list
      std::string joined;
      for (const OrderedJson& item : v) {
        if (!item.is_string() && !item.is_number()) {
          return std::nullopt;
        }
        joined += (joined.empty() ? "" : ",") +
                  (item.is_string() ? item.get<std::string>() : item.dump());
      }
      return joined;
    }
    return std::nullopt;
  };
  std::map<std::string, std::string> out;
  if (json.is_object() && json.size() == 1 && json.contains("Parameters") &&
      json["Parameters"].is_array()) {
    // aws ssm get-parameters(-by-path) output.
    for (const OrderedJson& p : json["Parameters"]) {
      if (!p.is_object() || !p.contains("Name") || !p["Name"].is_string() || !p.contains("Value")) {
        return Error{where + "each entry of Parameters needs a Name and a Value"};
      }
      std::optional<std::string> value = text_of(p["Value"]);
      if (!value) {
        return Error{where + "the Value of " + p["Name"].get<std::string>() + " must be a string"};
      }
      out[p["Name"].get<std::string>()] = *value;
    }
    return out;
  }
  if (!json.is_object()) {
    return Error{where +
                 "expected an object of parameter name -> value, or the output of `aws ssm "
                 "get-parameters` ({\"Parameters\": [{\"Name\": ..., \"Value\": ...}]})"};
  }
  for (auto it = json.begin(); it != json.end(); ++it) {
    std::optional<std::string> value = text_of(it.value());
    if (!value) {
      return Error{where + "the value of " + it.key() + " must be a string (or a list of them)"};
    }
    out[it.key()] = *value;
  }
  return out;
}

}  // namespace cfnx
