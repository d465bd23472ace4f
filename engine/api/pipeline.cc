// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/pipeline.h"

#include "engine/api/schema_registry.h"
#include "engine/api/stackset_templates.h"
#include "engine/eval/check_functions.h"
#include "engine/eval/render.h"
#include "engine/parse/loader.h"
#include "engine/validate/validate.h"
#include "functions/register.h"
#include "resources/extension_checker.h"
#include "resources/property_checker.h"
#include "resources/service_rules.h"
#include "transforms/transform.h"

namespace cfnx {

FileRoots TemplateFileRoots(const std::string& template_path, const CompileOptions& options) {
  FileRoots roots;
  if (!template_path.empty() && template_path != "-")
    roots.AddDirectoryOf(template_path);
  for (const std::string& dir : options.include_roots)
    roots.Add(dir);
  roots.Add(options.s3_root);
  if (!options.include_map.empty())
    roots.AddDirectoryOf(options.include_map);
  return roots;
}

namespace {

const TransformRegistry& BuiltinTransforms() {
  static const TransformRegistry* registry = [] {
    auto* r = new TransformRegistry();
    RegisterBuiltinTransforms(*r);
    return r;
  }();
  return *registry;
}

TransformOptions ToTransformOptions(const CompileOptions& options) {
  TransformOptions t;
  t.region = options.region;
  t.partition = options.partition;
  t.account_id = options.account_id;
  t.stack_name = options.stack_name;
  t.parameters = options.parameters;
  t.s3_root = options.s3_root;
  t.include_map = options.include_map;
  t.include_files = options.include_files;
  t.managed_policies = options.managed_policies;
  t.sar_mock = options.sar_mock;
  t.macros = options.macros;
  return t;
}

// Where to point a diagnostic about the Transform section.
SourceRange TransformRange(const Node* root) {
  if (const auto* map = dyn_cast<MapNode>(root)) {
    if (const MapEntry* e = map->Find("Transform"))
      return e->value->range();
  }
  return root->range();
}

// Adds an "included from here" note to diagnostics inside AWS::Include snippets, so a problem
// in a snippet also points at the include site.
class IncludeNoteSink : public DiagnosticSink {
 public:
  IncludeNoteSink(DiagnosticSink& inner, const std::vector<IncludedFile>& included)
      : inner_(inner), included_(included) {}
  using DiagnosticSink::Report;
  void Report(Diagnostic d) override {
    for (const IncludedFile& f : included_) {
      if (d.range.begin.file == f.file) {
        d.notes.push_back({f.site, "included from here"});
        break;
      }
    }
    inner_.Report(std::move(d));
  }

 private:
  DiagnosticSink& inner_;
  const std::vector<IncludedFile>& included_;
};

}  // namespace

LoadedTemplate LoadAndBuild(SourceManager& sources, FileId file, const CompileOptions& options,
                            DiagnosticSink& diags, LoadPurpose purpose) {
  LoadedTemplate loaded;
  loaded.file = file;
  loaded.bytes = sources.contents(file).size();
  loaded.path = sources.name(file);
  loaded.document = LoadTemplate(sources, file, diags);
  const Node* root = loaded.document.root();
  if (root == nullptr) {
    return loaded;
  }
  TransformOptions transform_options = ToTransformOptions(options);
  transform_options.placeholder_artifacts = purpose == LoadPurpose::kValidate;
  transform_options.file_roots = TemplateFileRoots(loaded.path, options);
  TransformContext ctx{sources, transform_options, diags, loaded.document};
  ExpandResult expanded = ExpandTransforms(root, BuiltinTransforms(), ctx);
  loaded.included = ctx.included;
  if (expanded.failed) {
    loaded.transform_failed = true;
    return loaded;
  }
  for (const std::string& name : expanded.unexpanded) {
    loaded.unexpanded_transform = true;
    if (BuiltinTransforms().Find(name) == nullptr) {
      diags.Report(DiagCode::kI5000, TransformRange(root), TemplatePath{"Transform"},
                   "cfnx cannot expand transform '" + name + "' offline (a macro): pass --macro " +
                       name +
                       "=COMMAND to run it locally; without it the transform stays in place, "
                       "and validate checks the template as written.");
      continue;
    }
    loaded.declined_transform = true;
    diags.Report(DiagCode::kI5000, TransformRange(root), TemplatePath{"Transform"},
                 "cfnx cannot expand transform '" + name +
                     "' offline; checks that need the expanded template (references, resource "
                     "properties) were skipped.");
  }
  loaded.document.set_root(expanded.root);
  if (purpose == LoadPurpose::kTransformOnly)
    return loaded;
  IncludeNoteSink model_diags(diags, loaded.included);
  loaded.model = BuildModel(loaded.document, model_diags);
  return loaded;
}

OrderedJson ProcessedTemplateJson(const LoadedTemplate& loaded) {
  OrderedJson json = ToJson(*loaded.document.root());
  if (!loaded.unexpanded_transform) {
    json.erase("Transform");
  }
  return json;
}

void RunChecks(const LoadedTemplate& loaded, const CompileOptions& options, DiagnosticSink& sink) {
  IncludeNoteSink diags(sink, loaded.included);
  const Template& t = loaded.model;
  StructureOptions structure;
  structure.template_bytes = loaded.bytes;
  CheckStructure(t, structure, diags);
  CheckLambdaRuntimes(t, ResourceCheckOptions{.region = options.region, .today = ""}, diags);
  if (!loaded.declined_transform) {
    CheckReferences(t, diags);
    CheckDynamicReferences(t, diags);
    CheckCycles(t, diags);
    CheckFunctions(t, BuiltinFunctions(), ToEvalOptions(options), diags);
    CheckResources(
        t, DefaultResourceTypeRegistry(),
        ResourceCheckOptions{
            .region = options.region, .today = "", .attributes = &DefaultAttributeSchemas()},
        diags);
    const ResourceTypeRegistry& registry = DefaultResourceTypeRegistry();
    CheckExtensionSchemas(
        t, DefaultExtensionSchemas(), options.region,
        [&](std::string_view type) {
          const ResourceType* rt = registry.Find(type, options.region);
          if (rt == nullptr)
            return false;
          auto tagging = rt->schema().find("tagging");
          return tagging != rt->schema().end() && tagging->is_object() &&
                 tagging->contains("taggable") && (*tagging)["taggable"] == true;
        },
        diags);
    CheckServiceRules(t, diags);
    CheckNestedStackParameters(t, TemplateFileRoots(loaded.path, options), loaded.path, diags);
    CheckStackSetTemplates(loaded, options, diags);
  }
}

}  // namespace cfnx

namespace cfnx {

EvalOptions ToEvalOptions(const CompileOptions& options) {
  EvalOptions e;
  e.region = options.region;
  e.partition = options.partition;
  e.account_id = options.account_id;
  e.stack_name = options.stack_name;
  e.parameters = options.parameters;
  e.exports = options.exports;
  return e;
}

OrderedJson RenderLoaded(const LoadedTemplate& loaded, const CompileOptions& options,
                         DiagnosticSink& diags) {
  Evaluator ev(loaded.model, BuiltinFunctions(), ToEvalOptions(options), diags);
  ev.CheckRules();
  OrderedJson json = RenderTemplate(ev);
  if (loaded.unexpanded_transform && loaded.model.transform != nullptr)
    json["Transform"] = ToJson(*loaded.model.transform);
  return json;
}

}  // namespace cfnx
