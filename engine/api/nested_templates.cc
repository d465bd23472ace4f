// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/nested_templates.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "engine/parse/loader.h"

namespace cfnx {
namespace {

namespace fs = std::filesystem;

constexpr char kStackType[] = "AWS::CloudFormation::Stack";

// Counts errors while forwarding, and notes on each where the parent names the nested
// template (the compiler's "included from here").
class ErrorCounter : public DiagnosticSink {
 public:
  ErrorCounter(DiagnosticSink& next, SourceRange site) : next_(next), site_(site) {}
  void Report(Diagnostic d) override {
    errors_ += d.severity == Severity::kError;
    d.notes.push_back({site_, "in the nested stack template named here"});
    next_.Report(std::move(d));
  }
  int errors() const { return errors_; }

 private:
  DiagnosticSink& next_;
  SourceRange site_;
  int errors_ = 0;
};

struct Loader {
  SourceManager& sources;
  DiagnosticSink& diags;
  FileRoots roots;              // the root template's: children read only inside them
  std::string root_dir;         // the root template's directory
  std::vector<fs::path> chain;  // canonical paths from the root template down
  OrderedJson Load(const LoadedTemplate& loaded, const CompileOptions& options);
  void Fail(const StringNode& url, const std::string& logical_id, const std::string& message) {
    diags.Report(DiagCode::kE9018, url.range(),
                 TemplatePath{"Resources", logical_id, "Properties", "TemplateURL"}, message);
  }
};

// The literal string parameters a parent passes, for expanding the child's transforms.
std::map<std::string, std::string> LiteralParameters(const MapNode& props) {
  std::map<std::string, std::string> out;
  const auto* params = dyn_cast<MapNode>(props.Get("Parameters"));
  if (params == nullptr)
    return out;
  for (const MapEntry& e : params->entries()) {
    if (const auto* s = dyn_cast<StringNode>(e.value))
      out[e.key->value()] = s->value();
  }
  return out;
}

OrderedJson Loader::Load(const LoadedTemplate& loaded, const CompileOptions& options) {
  OrderedJson out = OrderedJson::object();
  fs::path base = fs::path(loaded.path).parent_path();
  for (const Resource& r : loaded.model.resources) {
    const auto* props = dyn_cast<MapNode>(r.properties);
    if (r.type != kStackType || props == nullptr)
      continue;
    const auto* url = dyn_cast<StringNode>(props->Get("TemplateURL"));
    if (url == nullptr)
      continue;  // computed: CloudFormation fetches it, cfnx cannot
    const std::string& text = url->value();
    fs::path file;
    if (text.rfind("s3://", 0) == 0) {
      if (options.s3_root.empty()) {
        Fail(*url, r.logical_id,
             "Nested stack TemplateURL '" + text +
                 "' cannot be read offline; pass --s3-root DIR (s3://bucket/key is read from "
                 "DIR/bucket/key).");
        continue;
      }
      file = (fs::path(options.s3_root) / text.substr(5)).lexically_normal();
    } else if (text.find("://") != std::string::npos ||
               text.find("{{resolve:") != std::string::npos) {
      continue;  // https://: a simulated resource on the local backend
    } else {
      file = fs::path(text);
      if (file.is_relative())
        file = base / file;
    }
    if (!roots.Contains(file)) {
      if (text.rfind("s3://", 0) != 0)
        continue;  // a local path: CheckNestedStackParameters (validate) reported it already
      diags.Report(
          DiagCode::kE5002, url->range(),
          TemplatePath{"Resources", r.logical_id, "Properties", "TemplateURL"},
          "Nested stack TemplateURL '" + text + "' is " + FileRoots::kOutsideMessage + ".");
      continue;
    }
    ErrorOr<std::string> body = roots.Read(file);
    if (!body.ok()) {
      Fail(*url, r.logical_id,
           "Nested stack template '" + text + "' cannot be read: " + body.error().message);
      continue;
    }
    std::error_code ec;
    fs::path canonical = fs::canonical(file, ec);
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
      Fail(*url, r.logical_id,
           "Nested stack template '" + text + "' nests the template that contains it.");
      continue;
    }
    if (chain.size() > static_cast<size_t>(kMaxNestedDepth)) {
      Fail(*url, r.logical_id,
           "Nested stack template '" + text + "' nests stacks more than " +
               std::to_string(kMaxNestedDepth) + " levels deep.");
      continue;
    }
    CompileOptions child_options = options;
    child_options.parameters = LiteralParameters(*props);
    child_options.include_roots.push_back(root_dir);
    FileId id = sources.AddFile(file.generic_string(), std::move(*body));
    ErrorCounter counter(diags, url->range());
    LoadedTemplate child = LoadAndBuild(sources, id, child_options, counter);
    if (child.model.root != nullptr && !child.transform_failed && !child.unexpanded_transform)
      RunChecks(child, child_options, counter);
    if (child.model.root == nullptr || child.transform_failed || child.unexpanded_transform ||
        counter.errors() > 0) {
      Fail(*url, r.logical_id,
           "Nested stack template '" + text + "' " +
               (child.unexpanded_transform && counter.errors() == 0
                    ? "declares a transform cfnx cannot expand offline."
                    : "has errors (reported at their own lines).") +
               " CloudFormation would fail to create nested stack '" + r.logical_id + "'.");
      continue;
    }
    chain.push_back(canonical);
    OrderedJson nested = Load(child, child_options);
    chain.pop_back();
    out[r.logical_id] = OrderedJson{{"TemplateURL", text},
                                    {"File", file.generic_string()},
                                    {"Template", ProcessedTemplateJson(child)},
                                    {"Nested", std::move(nested)}};
  }
  return out;
}

}  // namespace

OrderedJson LoadNestedTemplates(SourceManager& sources, const LoadedTemplate& loaded,
                                const CompileOptions& options, DiagnosticSink& diags) {
  if (loaded.model.root == nullptr)
    return OrderedJson::object();
  Loader loader{sources, diags, TemplateFileRoots(loaded.path, options), "", {}};
  if (!loaded.path.empty() && loaded.path != "-") {
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(loaded.path), ec).parent_path();
    loader.root_dir = dir.generic_string();
    fs::path canonical = fs::canonical(fs::path(loaded.path), ec);
    if (!ec)
      loader.chain.push_back(canonical);
  }
  return loader.Load(loaded, options);
}

std::string WithNestedTemplates(std::string processed, const OrderedJson& nested) {
  if (!nested.is_object() || nested.empty())
    return processed;
  return processed + "\n" + nested.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

}  // namespace cfnx
