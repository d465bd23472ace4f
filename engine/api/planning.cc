// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/planning.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "engine/api/local_backend.h"
#include "engine/api/nested_templates.h"
#include "engine/api/pipeline.h"
#include "engine/api/schema_registry.h"
#include "engine/graph/graph.h"
#include "engine/parse/loader.h"
#include "engine/plan/nested_stacks.h"
#include "functions/register.h"

namespace cfnx {
namespace {

class RegistrySchemaFacts : public SchemaFacts {
 public:
  TypeFacts Find(std::string_view type) const override {
    TypeFacts facts;
    const ResourceType* t = DefaultResourceTypeRegistry().Find(type);
    if (t == nullptr) {
      return facts;
    }
    facts.known = true;
    facts.create_only = t->create_only_properties();
    facts.conditional_create_only = t->conditional_create_only_properties();
    facts.primary_identifier = t->primary_identifier();
    facts.read_only = t->read_only_properties();
    facts.replacement_strategy = t->replacement_strategy();
    return facts;
  }
};

// Counts errors while forwarding, so callers can tell whether loading failed.
class CountingSink : public DiagnosticSink {
 public:
  explicit CountingSink(DiagnosticSink& next) : next_(next) {}
  void Report(Diagnostic d) override {
    errors_ += d.severity == Severity::kError;
    next_.Report(std::move(d));
  }
  int errors() const { return errors_; }

 private:
  DiagnosticSink& next_;
  int errors_ = 0;
};

// The Transform section as written (before expansion), for CAPABILITY_AUTO_EXPAND.
std::vector<std::string> DeclaredTransforms(const SourceManager& sources, FileId file) {
  DiagnosticCollector ignored;
  Document doc = LoadTemplate(sources, file, ignored);
  if (doc.root() == nullptr) {
    return {};
  }
  return BuildModel(doc, ignored).transforms;
}

// Calls `f` with each parameter of the Parameters section as written (before expansion).
template <typename F>
void ForEachDeclaredParameter(const SourceManager& sources, FileId file, F f) {
  DiagnosticCollector ignored;
  Document doc = LoadTemplate(sources, file, ignored);
  if (doc.root() == nullptr) {
    return;
  }
  for (const Parameter& p : BuildModel(doc, ignored).parameters) {
    f(p);
  }
}

// The Parameters section's names as written.
std::vector<std::string> DeclaredParameters(const SourceManager& sources, FileId file) {
  std::vector<std::string> names;
  ForEachDeclaredParameter(sources, file, [&](const Parameter& p) { names.push_back(p.name); });
  return names;
}

}  // namespace

bool IsSqliteFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof(header));
  return in && std::string(header, sizeof(header)) == std::string("SQLite format 3\0", 16);
}

const SchemaFacts& DefaultSchemaFacts() {
  static const RegistrySchemaFacts facts;
  return facts;
}

std::optional<std::string> GraphTemplate(SourceManager& sources, FileId file,
                                         const CompileOptions& options, std::string_view format,
                                         DiagnosticSink& diags) {
  CountingSink sink(diags);
  LoadedTemplate loaded = LoadAndBuild(sources, file, options, sink);
  if (loaded.model.root == nullptr || loaded.transform_failed) {
    return std::nullopt;
  }
  GraphOptions graph_options;
  graph_options.edge_paths = true;  // the JSON form lists each edge's path
  DependencyGraph graph = BuildDependencyGraph(loaded.model, graph_options, sink);
  return RenderGraph(graph, format);
}

std::vector<std::string> SsmParameterNames(const SourceManager& sources, FileId file,
                                           const CompileOptions& options, const StackState& state) {
  // One read of the template: a given value, else the deployed one (as WithDeployedParameters
  // chooses), else the Default.
  std::vector<std::string> names;
  ForEachDeclaredParameter(sources, file, [&](const Parameter& p) {
    if (p.type.rfind("AWS::SSM::Parameter::Value<", 0) != 0) {
      return;
    }
    std::string name;
    const StackParameter* deployed = nullptr;
    for (const StackParameter& sp : state.parameters) {
      if (state.exists() && sp.key == p.name) {
        deployed = &sp;
      }
    }
    if (auto it = options.parameters.find(p.name); it != options.parameters.end()) {
      name = it->second;
    } else if (deployed != nullptr) {
      name = deployed->value;
    } else if (p.default_value != nullptr && !isa<NullNode>(p.default_value)) {
      if (const auto* scalar = dyn_cast<ScalarNode>(p.default_value)) {
        name = scalar->text();
      }
    }
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  });
  return names;
}

Status ResolveSsmParameters(const SourceManager& sources, FileId file,
                            const CompileOptions& options, const StackState& state,
                            const SsmFetcher& fetch, PlanOptions& plan_options) {
  if (plan_options.ssm_parameters) {
    return {};
  }
  std::vector<std::string> names = SsmParameterNames(sources, file, options, state);
  if (names.empty()) {
    return {};
  }
  ErrorOr<std::map<std::string, std::string>> values = fetch(names);
  if (!values.ok()) {
    return values.error();
  }
  plan_options.ssm_parameters = std::move(*values);
  return {};
}

CompileOptions WithDeployedParameters(const SourceManager& sources, FileId file,
                                      const CompileOptions& options, const StackState& state) {
  CompileOptions out = options;
  if (!state.exists()) {
    return out;
  }
  for (const std::string& name : DeclaredParameters(sources, file)) {
    for (const StackParameter& p : state.parameters) {
      if (p.key == name) {
        out.parameters.emplace(p.key, p.value);  // a given value wins
      }
    }
  }
  return out;
}

std::string DeployInputsFingerprint(const DeployInputs& inputs) {
  OrderedJson head = OrderedJson::object();
  head["StackName"] = inputs.stack_name;
  head["Region"] = inputs.region;
  head["AccountId"] = inputs.account_id;
  head["Partition"] = inputs.partition;
  head["OnFailure"] = inputs.on_failure;
  OrderedJson parameters = OrderedJson::object();
  for (const auto& [key, value] : inputs.parameters) {  // sorted: std::map
    parameters[key] = value;
  }
  head["Parameters"] = std::move(parameters);
  uint64_t hash = 1469598103934665603ULL;
  auto feed = [&hash](std::string_view text) {
    for (char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  };
  // dump() escapes newlines, so the separator cannot occur in the head.
  feed(head.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
  feed("\n");
  feed(inputs.processed_template);
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

std::optional<Plan> PlanTemplate(SourceManager& sources, FileId file, const CompileOptions& options,
                                 const StackState& state, PlanOptions plan_options,
                                 DiagnosticSink& diags) {
  CountingSink sink(diags);
  // Parameters not given keep their deployed value (PlanOptions::parameters); the transforms
  // expand the template with those values too.
  CompileOptions deployed = WithDeployedParameters(sources, file, options, state);
  LoadedTemplate loaded = LoadAndBuild(sources, file, deployed, sink);
  if (loaded.model.root == nullptr || loaded.transform_failed || sink.errors() > 0) {
    return std::nullopt;
  }
  if (loaded.unexpanded_transform) {
    return std::nullopt;  // I5000 already says which transform could not be expanded
  }
  // Every check `cfnx validate` makes, first: a misspelt type or property is an error here too,
  // not a clean plan that fails at deploy.
  RunChecks(loaded, deployed, sink);
  if (sink.errors() > 0) {
    return std::nullopt;
  }
  // Nested stacks with a local template are stacks of their own: a missing or broken child
  // is an error now, not a failed deployment later.
  OrderedJson nested = LoadNestedTemplates(sources, loaded, deployed, sink);
  if (sink.errors() > 0) {
    return std::nullopt;
  }
  plan_options.stack_name = options.stack_name;
  plan_options.region = options.region;
  plan_options.account_id = options.account_id;
  plan_options.partition = options.partition.empty()
                               ? (options.region.rfind("cn-", 0) == 0       ? "aws-cn"
                                  : options.region.rfind("us-gov-", 0) == 0 ? "aws-us-gov"
                                                                            : "aws")
                               : options.partition;
  plan_options.parameters = options.parameters;
  plan_options.declared_transforms = DeclaredTransforms(sources, file);
  Plan plan = ComputePlan(state, loaded.model, BuiltinFunctions(), DefaultSchemaFacts(),
                          plan_options, sink);
  if (sink.errors() > 0) {
    return std::nullopt;
  }
  PlanNestedStacks(nested, state, BuiltinFunctions(), DefaultSchemaFacts(), plan_options,
                   plan_options.nested_state, plan, sink);
  if (sink.errors() > 0) {
    return std::nullopt;
  }
  // What `cfnx deploy --plan` checks it is given again (DeployInputs).
  DeployInputs inputs;
  inputs.processed_template =
      WithNestedTemplates(ToJsonText(ProcessedTemplateJson(loaded)), nested);
  inputs.parameters = std::move(deployed.parameters);
  inputs.stack_name = plan_options.stack_name;
  inputs.region = plan_options.region;
  inputs.account_id = plan_options.account_id;
  inputs.partition = plan_options.partition;
  inputs.on_failure = std::string(Name(plan_options.on_failure));
  plan.inputs_fingerprint = DeployInputsFingerprint(inputs);
  return plan;
}

ErrorOr<StackState> ReadStackStateFile(const std::string& path) {
  CFNX_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  ErrorOr<StackState> state = StackStateFromJsonText(text);
  if (!state.ok()) {
    return Error{path + ": " + state.error().message};
  }
  return state;
}

ErrorOr<StackState> ReadStackState(const std::string& path, const std::string& stack_name) {
  if (!IsSqliteFile(path)) {
    return ReadStackStateFile(path);
  }
  LocalBackendOptions backend_options;
  backend_options.state_path = path;
  CFNX_ASSIGN_OR_RETURN(std::unique_ptr<LocalBackend> backend, LocalBackend::Open(backend_options));
  return backend->DescribeStack(stack_name);
}

PlanOutput PlanStack(Compiler& compiler, FileId file, const StackState& state,
                     const PlanOptions& options) {
  DiagnosticCollector diags;
  PlanOutput out;
  out.plan =
      PlanTemplate(compiler.mutable_sources(), file, compiler.options(), state, options, diags);
  diags.SortByLocation();
  out.result.diagnostics = diags.Take();
  return out;
}

GraphOutput RenderDependencyGraph(Compiler& compiler, FileId file, std::string_view format) {
  DiagnosticCollector diags;
  GraphOutput out;
  std::optional<std::string> text =
      GraphTemplate(compiler.mutable_sources(), file, compiler.options(), format, diags);
  diags.SortByLocation();
  out.text = text.value_or("");
  out.result.diagnostics = diags.Take();
  return out;
}

}  // namespace cfnx
