// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/aws_include/aws_include.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfnx/error_or.h"
#include "engine/parse/loader.h"

namespace cfnx {
namespace {

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

ErrorOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{"cannot read '" + path + "': " + std::strerror(errno)};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The Fn::Transform argument map when it names AWS::Include, else nullptr.
const MapNode* IncludeArgs(const Node* args) {
  const auto* map = dyn_cast<MapNode>(args);
  const auto* name = map != nullptr ? dyn_cast<StringNode>(map->Get("Name")) : nullptr;
  return name != nullptr && name->value() == kAwsIncludeName ? map : nullptr;
}

// Whether `node` holds an Fn::Transform that names AWS::Include.
bool HasIncludeSnippet(const Node* node) {
  if (const auto* fn = dyn_cast<FnCallNode>(node)) {
    return (fn->fn() == FnKind::kTransform && IncludeArgs(fn->args()) != nullptr) ||
           HasIncludeSnippet(fn->args());
  }
  if (const auto* list = dyn_cast<ListNode>(node)) {
    for (const Node* item : list->items()) {
      if (HasIncludeSnippet(item))
        return true;
    }
  }
  if (const auto* map = dyn_cast<MapNode>(node)) {
    for (const MapEntry& e : map->entries()) {
      if ((e.key->value() == "Fn::Transform" && IncludeArgs(e.value) != nullptr) ||
          HasIncludeSnippet(e.value))
        return true;
    }
  }
  return false;
}

// Adds an "included from here" note to every diagnostic reported through it.
class IncludeSiteSink : public DiagnosticSink {
 public:
  IncludeSiteSink(DiagnosticSink& inner, SourceRange site) : inner_(inner), site_(site) {}
  using DiagnosticSink::Report;
  void Report(Diagnostic d) override {
    d.notes.push_back({site_, "included from here"});
    inner_.Report(std::move(d));
  }

 private:
  DiagnosticSink& inner_;
  SourceRange site_;
};

class Includer {
 public:
  Includer(const MapNode& root, TransformContext& ctx) : root_(root), ctx_(ctx) {}

  const Node* Run();

 private:
  void Fail(const SourceRange& range, const TemplatePath& path, std::string message) {
    ctx_.diags.Report(DiagCode::kE0001, range, path, std::move(message));
    failed_ = true;
  }
  const Node* Walk(const Node* node, const TemplatePath& path, bool in_parameters);
  const Node* WalkMap(const MapNode& map, const TemplatePath& path, bool in_parameters);
  const Node* Load(const MapNode& args, const Node& at, const TemplatePath& path);
  std::optional<std::string> ResolveLocation(const Node& location, const TemplatePath& path);
  std::optional<std::string> LookUpS3(const std::string& uri, const Node& at,
                                      const TemplatePath& path);
  void CheckSnippet(const Node* node, const TemplatePath& path, IncludeSiteSink& sink);
  bool Merge(std::vector<MapEntry>& into, const MapNode& snippet, const TemplatePath& path,
             bool sections, const SourceRange& site);

  const MapNode& root_;
  TransformContext& ctx_;
  bool failed_ = false;
  std::optional<std::map<std::string, std::string>> include_map_;
};

std::optional<std::string> Includer::LookUpS3(const std::string& uri, const Node& at,
                                              const TemplatePath& path) {
  const TransformOptions& options = ctx_.options;
  if (auto packaged = options.include_files.find(uri); packaged != options.include_files.end())
    return packaged->second;
  if (!options.include_map.empty()) {
    if (!include_map_) {
      include_map_.emplace();
      ErrorOr<std::string> text = ReadFile(options.include_map);
      nlohmann::json json =
          text.ok() ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
      if (!json.is_object()) {
        Fail(at.range(), path,
             "--include-map " + Quote(options.include_map) +
                 (text.ok() ? " is not a JSON object of s3:// URIs to local paths."
                            : ": " + text.error().message + "."));
        return std::nullopt;
      }
      std::filesystem::path base = std::filesystem::path(options.include_map).parent_path();
      for (const auto& [k, v] : json.items()) {
        if (v.is_string())
          (*include_map_)[k] = (base / v.get<std::string>()).lexically_normal().generic_string();
      }
    }
    auto it = include_map_->find(uri);
    if (it != include_map_->end())
      return it->second;
  }
  if (!options.s3_root.empty()) {
    std::string rest = uri.substr(5);  // bucket/key
    return (std::filesystem::path(options.s3_root) / rest).lexically_normal().generic_string();
  }
  Fail(at.range(), path,
       "AWS::Include location " + Quote(uri) +
           " cannot be fetched offline; pass --s3-root DIR (s3://bucket/key is read from "
           "DIR/bucket/key) or --include-map FILE.");
  return std::nullopt;
}

std::optional<std::string> Includer::ResolveLocation(const Node& location,
                                                     const TemplatePath& path) {
  const auto* s = dyn_cast<StringNode>(&location);
  if (s == nullptr) {
    Fail(location.range(), path,
         "AWS::Include Location must be a string (an s3:// URI); cfnx does not evaluate "
         "functions in it offline.");
    return std::nullopt;
  }
  const std::string& uri = s->value();
  if (uri.rfind("s3://", 0) == 0) {
    if (uri.find('/', 5) == std::string::npos) {
      Fail(location.range(), path,
           "AWS::Include location " + Quote(uri) + " must be s3://bucket/key.");
      return std::nullopt;
    }
    return LookUpS3(uri, location, path);
  }
  if (uri.find("://") != std::string::npos) {
    Fail(location.range(), path,
         "AWS::Include location " + Quote(uri) +
             " is not supported offline; use an s3:// URI with --s3-root or --include-map.");
    return std::nullopt;
  }
  std::filesystem::path p(uri);
  if (p.is_relative()) {
    std::filesystem::path from(ctx_.sources.name(location.range().begin.file));
    p = from.parent_path() / p;
  }
  if (ctx_.options.file_roots.Contains(p)) {  // else Load refuses it (E5002)
    ctx_.diags.Report(DiagCode::kI5001, location.range(), path,
                      "AWS::Include location " + Quote(uri) +
                          " is a local path: cfnx reads it, but CloudFormation only accepts "
                          "s3:// locations.");
  }
  return p.lexically_normal().generic_string();
}

void Includer::CheckSnippet(const Node* node, const TemplatePath& path, IncludeSiteSink& sink) {
  if (const auto* fn = dyn_cast<FnCallNode>(node)) {
    TemplatePath child = path.Child(std::string(FnName(fn->fn())));
    if (fn->form() == FnForm::kShort) {
      sink.Report(DiagCode::kE0001, fn->name_range(), child,
                  "Short-form tag " + Quote(FnTag(fn->fn())) +
                      " in an AWS::Include snippet; CloudFormation accepts only the long form "
                      "here ({\"" +
                      std::string(FnName(fn->fn())) + "\": ...}).");
      failed_ = true;
    }
    if (fn->fn() == FnKind::kTransform && IncludeArgs(fn->args()) != nullptr) {
      sink.Report(DiagCode::kE0001, fn->name_range(), child,
                  "An AWS::Include snippet cannot include another snippet (nested includes are "
                  "not supported).");
      failed_ = true;
      return;
    }
    CheckSnippet(fn->args(), child, sink);
  } else if (const auto* list = dyn_cast<ListNode>(node)) {
    for (size_t i = 0; i < list->size(); ++i)
      CheckSnippet(list->items()[i], path.Child(i), sink);
  } else if (const auto* map = dyn_cast<MapNode>(node)) {
    for (const MapEntry& e : map->entries()) {
      if (e.key->value() == "Fn::Transform" && IncludeArgs(e.value) != nullptr) {
        sink.Report(DiagCode::kE0001, e.key->range(), path.Child(e.key->value()),
                    "An AWS::Include snippet cannot include another snippet (nested includes "
                    "are not supported).");
        failed_ = true;
        continue;
      }
      CheckSnippet(e.value, path.Child(e.key->value()), sink);
    }
  }
}

const Node* Includer::Load(const MapNode& args, const Node& at, const TemplatePath& path) {
  const auto* params = dyn_cast<MapNode>(args.Get("Parameters"));
  const Node* location = params != nullptr ? params->Get("Location") : nullptr;
  if (location == nullptr) {
    Fail(at.range(), path, "AWS::Include needs Parameters: {Location: s3://bucket/key}.");
    return nullptr;
  }
  TemplatePath location_path = path.Child("Parameters").Child("Location");
  std::optional<std::string> file = ResolveLocation(*location, location_path);
  if (!file)
    return nullptr;
  const FileRoots& roots = ctx_.options.file_roots;
  if (!roots.Contains(*file)) {
    // Refused before it is opened: its lines would be printed in diagnostics, so a template
    // could otherwise make cfnx disclose any file the user can read.
    ctx_.diags.Report(DiagCode::kE5002, location->range(), location_path,
                      "AWS::Include location " + Quote(cast<StringNode>(location)->value()) +
                          " is " + FileRoots::kOutsideMessage + ".");
    failed_ = true;
    return nullptr;
  }
  ErrorOr<std::string> text = roots.Read(*file);
  if (!text.ok()) {
    Fail(location->range(), location_path,
         "AWS::Include snippet not found: " + text.error().message + ".");
    return nullptr;
  }
  FileId id = ctx_.sources.AddFile(*file, std::move(*text));
  ctx_.included.push_back({id, location->range()});
  IncludeSiteSink sink(ctx_.diags, location->range());
  LoadOptions options;
  options.require_map_root = false;
  Document snippet = LoadTemplate(ctx_.sources, id, sink, options);
  const Node* root = snippet.root();
  ctx_.doc.Adopt(std::move(snippet));
  if (root == nullptr) {
    failed_ = true;
    return nullptr;
  }
  bool before = failed_;
  failed_ = false;
  CheckSnippet(root, TemplatePath{}, sink);
  bool bad = failed_;
  failed_ = before || bad;
  return bad ? nullptr : root;
}

bool Includer::Merge(std::vector<MapEntry>& into, const MapNode& snippet, const TemplatePath& path,
                     bool sections, const SourceRange& site) {
  bool ok = true;
  for (const MapEntry& e : snippet.entries()) {
    auto existing = std::find_if(into.begin(), into.end(), [&](const MapEntry& x) {
      return x.key->value() == e.key->value();
    });
    if (existing == into.end()) {
      into.push_back(e);
      continue;
    }
    const auto* a = dyn_cast<MapNode>(existing->value);
    const auto* b = dyn_cast<MapNode>(e.value);
    if (sections && a != nullptr && b != nullptr) {
      std::vector<MapEntry> merged(a->entries().begin(), a->entries().end());
      if (Merge(merged, *b, path.Child(e.key->value()), false, site)) {
        auto* m = ctx_.doc.New<MapNode>(a->range(), std::move(merged));
        m->set_origin(a);
        existing->value = m;
        continue;
      }
      ok = false;
      continue;
    }
    Diagnostic d = MakeDiagnostic(DiagCode::kE0001, e.key->range(), path.Child(e.key->value()),
                                  "The AWS::Include snippet defines " + Quote(e.key->value()) +
                                      ", which the template already defines.");
    d.notes.push_back({existing->key->range(), "already defined here"});
    d.notes.push_back({site, "included from here"});
    ctx_.diags.Report(std::move(d));
    failed_ = true;
    ok = false;
  }
  return ok;
}

const Node* Includer::WalkMap(const MapNode& map, const TemplatePath& path, bool in_parameters) {
  std::vector<MapEntry> entries;
  bool changed = false;
  for (const MapEntry& e : map.entries()) {
    TemplatePath child = path.Child(e.key->value());
    const MapNode* args = e.key->value() == "Fn::Transform" ? IncludeArgs(e.value) : nullptr;
    if (args == nullptr) {
      const Node* value = Walk(e.value, child, in_parameters);
      changed |= value != e.value;
      entries.push_back({e.key, value});
      continue;
    }
    changed = true;
    if (in_parameters) {
      Fail(e.key->range(), child, "Fn::Transform cannot be used in the Parameters section.");
      continue;
    }
    const Node* snippet = Load(*args, *e.key, child);
    if (snippet == nullptr)
      continue;
    if (const auto* snippet_map = dyn_cast<MapNode>(snippet)) {
      Merge(entries, *snippet_map, path, false, ctx_.included.back().site);
    } else {
      Fail(snippet->range(), child,
           "This AWS::Include snippet sits among other keys, so it must be a map, not a " +
               std::string(NodeKindName(snippet->kind())) + ".");
    }
  }
  if (!changed)
    return &map;
  auto* out = ctx_.doc.New<MapNode>(map.range(), std::move(entries));
  out->set_origin(&map);
  return out;
}

const Node* Includer::Walk(const Node* node, const TemplatePath& path, bool in_parameters) {
  if (const auto* fn = dyn_cast<FnCallNode>(node)) {
    TemplatePath child = path.Child(std::string(FnName(fn->fn())));
    if (fn->fn() == FnKind::kTransform) {
      const MapNode* args = IncludeArgs(fn->args());
      if (args == nullptr)
        return node;  // another macro: not expanded offline
      if (in_parameters) {
        Fail(fn->name_range(), child, "Fn::Transform cannot be used in the Parameters section.");
        return node;
      }
      const Node* snippet = Load(*args, *fn, child);
      return snippet != nullptr ? snippet : node;
    }
    const Node* args = Walk(fn->args(), child, in_parameters);
    if (args == fn->args())
      return node;
    auto* out = ctx_.doc.New<FnCallNode>(fn->range(), fn->fn(), args, fn->form(), fn->name_range());
    out->set_origin(fn);
    return out;
  }
  if (const auto* list = dyn_cast<ListNode>(node)) {
    std::vector<const Node*> items;
    bool changed = false;
    for (size_t i = 0; i < list->size(); ++i) {
      items.push_back(Walk(list->items()[i], path.Child(i), in_parameters));
      changed |= items.back() != list->items()[i];
    }
    if (!changed)
      return node;
    auto* out = ctx_.doc.New<ListNode>(list->range(), std::move(items));
    out->set_origin(list);
    return out;
  }
  if (const auto* map = dyn_cast<MapNode>(node))
    return WalkMap(*map, path, in_parameters);
  return node;
}

const Node* Includer::Run() {
  std::vector<MapEntry> entries;
  for (const MapEntry& e : root_.entries()) {
    if (e.key->value() == "Transform") {
      entries.push_back(e);
      continue;
    }
    const Node* value = Walk(e.value, TemplatePath{e.key->value()}, e.key->value() == "Parameters");
    entries.push_back({e.key, value});
  }
  // Top-level includes named in the Transform section: merge the snippet's sections.
  const Node* section = root_.Get("Transform");
  std::vector<const Node*> declared;
  if (const auto* list = dyn_cast<ListNode>(section)) {
    declared.assign(list->items().begin(), list->items().end());
  } else if (section != nullptr) {
    declared.push_back(section);
  }
  for (size_t i = 0; i < declared.size(); ++i) {
    const MapNode* args = IncludeArgs(declared[i]);
    if (args == nullptr)
      continue;
    TemplatePath path =
        isa<ListNode>(section) ? TemplatePath{"Transform"}.Child(i) : TemplatePath{"Transform"};
    const Node* snippet = Load(*args, *declared[i], path);
    if (snippet == nullptr)
      continue;
    const auto* snippet_map = dyn_cast<MapNode>(snippet);
    if (snippet_map == nullptr) {
      Fail(snippet->range(), path,
           "A top-level AWS::Include snippet must be a map of template sections, not a " +
               std::string(NodeKindName(snippet->kind())) + ".");
      continue;
    }
    Merge(entries, *snippet_map, TemplatePath{}, true, ctx_.included.back().site);
  }
  if (failed_)
    return nullptr;
  auto* root = ctx_.doc.New<MapNode>(root_.range(), std::move(entries));
  root->set_origin(&root_);
  return root;
}

class AwsIncludeTransform : public Transform {
 public:
  std::string_view name() const override { return kAwsIncludeName; }
  const Node* Apply(const MapNode& root, TransformContext& ctx) const override {
    Includer includer(root, ctx);
    return includer.Run();
  }
  bool AppliesWithoutDeclaration(const MapNode& root) const override {
    for (const MapEntry& e : root.entries()) {
      if (e.key->value() != "Transform" && HasIncludeSnippet(e.value))
        return true;
    }
    return false;
  }
};

}  // namespace

std::unique_ptr<Transform> MakeAwsIncludeTransform() {
  return std::make_unique<AwsIncludeTransform>();
}

}  // namespace cfnx
