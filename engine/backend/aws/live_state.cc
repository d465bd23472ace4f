// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/live_state.h"

#include "cfnx/diagnostic.h"
#include "engine/ast/json_convert.h"
#include "engine/parse/loader.h"

namespace cfnx {

ErrorOr<OrderedJson> TemplateBodyToJson(const std::string& body, const std::string& name) {
  SourceManager sources;
  FileId file = sources.AddFile(name, body);
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, file, diags);
  for (const Diagnostic& d : diags.diagnostics()) {
    if (d.severity == Severity::kError) {
      return Error{name + ": the deployed template does not parse: " + d.message};
    }
  }
  if (doc.root() == nullptr) {
    return Error{name + ": the deployed template is empty"};
  }
  return ToJson(*doc.root());
}

ErrorOr<LiveStack> ReadLiveStack(CloudFormationClient& cfn, const std::string& stack) {
  LiveStack out;
  out.state.stack_name = stack;
  ErrorOr<std::optional<AwsStack>> described = cfn.DescribeStack(stack);
  if (!described.ok()) {
    return described.error();
  }
  ErrorOr<std::vector<StackExport>> exports = cfn.ListExports();
  if (!exports.ok()) {
    return exports.error();
  }
  if (*described) {
    out.described = **described;
    out.state = out.described.state;
    out.state.termination_protection = out.described.termination_protection;
  }
  if (out.state.exists()) {
    ErrorOr<std::string> body = cfn.GetTemplate(stack, "Processed");
    if (!body.ok()) {
      return body.error();
    }
    ErrorOr<OrderedJson> json = TemplateBodyToJson(*body, "stack " + stack + " (GetTemplate)");
    if (!json.ok()) {
      return json.error();
    }
    out.state.template_body = std::move(*json);
    ErrorOr<std::vector<StackResource>> resources = cfn.ListStackResources(stack);
    if (!resources.ok()) {
      return resources.error();
    }
    // In template order, as StackState keeps them.
    const OrderedJson* declared = out.state.template_body.contains("Resources")
                                      ? &out.state.template_body["Resources"]
                                      : nullptr;
    if (declared != nullptr && declared->is_object()) {
      for (auto it = declared->begin(); it != declared->end(); ++it) {
        for (StackResource& r : *resources) {
          if (r.logical_id == it.key() && !r.type.empty()) {
            out.state.resources.push_back(std::move(r));
            r.type.clear();  // moved
          }
        }
      }
    }
    for (StackResource& r : *resources) {
      if (!r.type.empty()) {
        out.state.resources.push_back(std::move(r));
      }
    }
    for (const StackParameter& p : out.state.parameters) {
      if (p.value == "****") {
        out.masked_parameters.push_back(p.key);
      }
    }
  }
  for (StackExport& e : *exports) {
    if (!out.state.stack_id.empty() && e.exporting_stack_id == out.state.stack_id) {
      ErrorOr<std::vector<std::string>> imports = cfn.ListImports(e.name);
      if (!imports.ok()) {
        return imports.error();
      }
      e.importing_stacks = std::move(*imports);
    }
  }
  out.state.exports = std::move(*exports);
  return out;
}

}  // namespace cfnx
