// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html

#include "transforms/language_extensions/language_extensions.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "transforms/language_extensions/static_resolver.h"

namespace cfnx {
namespace {

constexpr std::string_view kForEachPrefix = "Fn::ForEach::";

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool IsAlnum(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)))
      return false;
  }
  return true;
}

bool IsForEachKey(std::string_view key) {
  return key.rfind(kForEachPrefix, 0) == 0;
}

std::string StripNonAlnum(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += c;
  }
  return out;
}

class Expander {
 public:
  Expander(const MapNode& root, TransformContext& ctx)
      : root_(root), ctx_(ctx), resolver_(root, ctx.options, ctx.doc, ctx.diags) {}

  const Node* Run();

 private:
  struct Binding {
    std::string id;
    std::string value;
  };
  using Env = std::vector<Binding>;
  struct Output {
    std::vector<MapEntry> entries;
    std::map<std::string, const StringNode*> seen;
  };

  void Error(DiagCode code, const SourceRange& range, const TemplatePath& path, std::string message,
             std::vector<DiagnosticNote> notes = {}) {
    Diagnostic d = MakeDiagnostic(code, range, path, std::move(message));
    d.notes = std::move(notes);
    ctx_.diags.Report(std::move(d));
    failed_ = true;
  }

  std::string Substitute(const std::string& s, const Env& env) const;
  const Node* Rewrite(const Node* node, const Env& env, const TemplatePath& path, bool loops);
  const Node* RewriteFn(const FnCallNode& fn, const Env& env, const TemplatePath& path, bool loops);
  const Node* ResolveToString(const Node* node, const TemplatePath& path);
  void ExpandEntries(const MapNode& map, const Env& env, const TemplatePath& path, bool loops,
                     const StringNode* producer, Output& out);
  void ExpandLoop(const MapEntry& entry, const Env& env, const TemplatePath& path, Output& out);
  std::optional<std::vector<std::string>> ResolveCollection(const Node& node,
                                                            const std::string& loop,
                                                            const TemplatePath& path);
  void AddEntry(const StringNode* key, const Node* value, const StringNode* producer,
                const TemplatePath& path, Output& out);
  const Node* ResolvePolicies(const Node* resource, const TemplatePath& path);
  void CheckNoLoops(const Node* node, const TemplatePath& path, std::string_view section);
  void RecordLoopName(const StringNode& key, const TemplatePath& path);

  const MapNode& root_;
  TransformContext& ctx_;
  StaticResolver resolver_;
  bool failed_ = false;
  int substitute_only_ = 0;
  // Nodes Rewrite visited, against kMaxExpansionNodes; over_budget_ once it was exceeded.
  static constexpr size_t kMaxExpansionNodes = 2'000'000;
  size_t visited_ = 0;
  bool over_budget_ = false;  // > 0: Rewrite substitutes identifiers but resolves no functions
  std::map<std::string, const StringNode*> loop_names_;
};

std::string Expander::Substitute(const std::string& s, const Env& env) const {
  if (s.find("{") == std::string::npos)
    return s;
  std::string out = s;
  // Innermost loop first, so an inner identifier shadows an outer one of the same name.
  for (auto it = env.rbegin(); it != env.rend(); ++it) {
    for (char sigil : {'$', '&'}) {
      std::string pattern = std::string(1, sigil) + "{" + it->id + "}";
      std::string value = sigil == '$' ? it->value : StripNonAlnum(it->value);
      size_t at = 0;
      while ((at = out.find(pattern, at)) != std::string::npos) {
        out.replace(at, pattern.size(), value);
        at += value.size();
      }
    }
  }
  return out;
}

const Node* Expander::Rewrite(const Node* node, const Env& env, const TemplatePath& path,
                              bool loops) {
  // Every node of a loop body is visited once per item, so nested loops multiply: the budget
  // bounds time and memory for `Fn::ForEach` over huge or nested collections.
  if (++visited_ > kMaxExpansionNodes) {
    if (!over_budget_) {
      over_budget_ = true;
      Error(DiagCode::kE1032, node->range(), path,
            "Fn::ForEach expands to more than " + std::to_string(kMaxExpansionNodes) +
                " template nodes, cfnx's limit (CloudFormation rejects a processed template "
                "over 1 MB or with more than 500 resources); expansion stopped here.");
    }
    return node;
  }
  switch (node->kind()) {
    case NodeKind::kString: {
      const auto* s = cast<StringNode>(node);
      std::string value = Substitute(s->value(), env);
      if (value == s->value())
        return node;
      auto* out = ctx_.doc.New<StringNode>(s->range(), std::move(value), s->quoted());
      out->set_origin(node);
      return out;
    }
    case NodeKind::kList: {
      const auto* list = cast<ListNode>(node);
      std::vector<const Node*> items;
      bool changed = false;
      for (size_t i = 0; i < list->size(); ++i) {
        items.push_back(Rewrite(list->items()[i], env, path.Child(i), loops));
        changed |= items.back() != list->items()[i];
      }
      if (!changed)
        return node;
      auto* out = ctx_.doc.New<ListNode>(node->range(), std::move(items));
      out->set_origin(node);
      return out;
    }
    case NodeKind::kMap: {
      const auto* map = cast<MapNode>(node);
      Output out;
      ExpandEntries(*map, env, path, loops, nullptr, out);
      bool changed = out.entries.size() != map->size();
      for (size_t i = 0; !changed && i < out.entries.size(); ++i) {
        changed = out.entries[i].key != map->entries()[i].key ||
                  out.entries[i].value != map->entries()[i].value;
      }
      if (!changed)
        return node;
      auto* result = ctx_.doc.New<MapNode>(node->range(), std::move(out.entries));
      result->set_origin(node);
      return result;
    }
    case NodeKind::kFnCall:
      return RewriteFn(*cast<FnCallNode>(node), env, path, loops);
    default:
      return node;
  }
}

const Node* Expander::ResolveToString(const Node* node, const TemplatePath& path) {
  if (!isa<FnCallNode>(node))
    return node;
  Resolved r = resolver_.Resolve(*node, path);
  std::string text;
  if (!r.known() || !StaticResolver::ScalarText(*r.value, &text))
    return node;
  auto* s = ctx_.doc.New<StringNode>(node->range(), text, true);
  s->set_origin(node);
  return s;
}

const Node* Expander::RewriteFn(const FnCallNode& fn, const Env& env, const TemplatePath& path,
                                bool loops) {
  TemplatePath args_path = path.Child(std::string(FnName(fn.fn())));
  // `Ref: Identifier` inside a loop is the current collection item.
  if (fn.fn() == FnKind::kRef) {
    if (const auto* name = dyn_cast<StringNode>(fn.args())) {
      for (auto it = env.rbegin(); it != env.rend(); ++it) {
        if (it->id == name->value()) {
          auto* s = ctx_.doc.New<StringNode>(fn.range(), it->value, true);
          s->set_origin(&fn);
          return s;
        }
      }
    }
  }
  const Node* args = Rewrite(fn.args(), env, args_path, loops);
  auto rebuild = [&](const Node* new_args) -> const Node* {
    if (new_args == fn.args())
      return &fn;
    auto* out = ctx_.doc.New<FnCallNode>(fn.range(), fn.fn(), new_args, fn.form(), fn.name_range());
    out->set_origin(&fn);
    return out;
  };
  const FnCallNode* current = cast<FnCallNode>(rebuild(args));
  if (substitute_only_ > 0)
    return current;
  switch (fn.fn()) {
    case FnKind::kRef:
      return rebuild(ResolveToString(args, args_path));
    case FnKind::kGetAtt: {
      const auto* list = dyn_cast<ListNode>(args);
      if (list == nullptr)
        return current;
      std::vector<const Node*> items;
      bool changed = false;
      for (size_t i = 0; i < list->size(); ++i) {
        items.push_back(ResolveToString(list->items()[i], args_path.Child(i)));
        changed |= items.back() != list->items()[i];
      }
      if (!changed)
        return current;
      auto* new_list = ctx_.doc.New<ListNode>(list->range(), std::move(items));
      new_list->set_origin(list);
      return rebuild(new_list);
    }
    case FnKind::kFindInMap: {
      // Plain FindInMap is CloudFormation's own; the transform resolves the enhanced forms.
      const auto* list = dyn_cast<ListNode>(args);
      bool enhanced = list == nullptr || list->size() != 3;
      for (size_t i = 0; list != nullptr && i < list->size() && i < 3; ++i)
        enhanced |= isa<FnCallNode>(list->items()[i]);
      if (!enhanced)
        return current;
      Resolved r = resolver_.Resolve(*current, path);
      if (r.state == Resolved::State::kError)
        failed_ = true;
      return r.known() ? r.value : current;
    }
    case FnKind::kLength:
    case FnKind::kToJsonString: {
      Resolved r = resolver_.Resolve(*current, path);
      if (r.state == Resolved::State::kError)
        failed_ = true;
      return r.known() ? r.value : current;
    }
    default:
      return current;
  }
}

void Expander::RecordLoopName(const StringNode& key, const TemplatePath& path) {
  std::string name = key.value().substr(kForEachPrefix.size());
  if (!IsAlnum(name)) {
    Error(DiagCode::kE1032, key.range(), path,
          "Fn::ForEach loop name " + Quote(name) +
              " must be non-empty and alphanumeric (Fn::ForEach::LoopName).");
    return;
  }
  auto [it, inserted] = loop_names_.emplace(name, &key);
  if (!inserted && it->second != &key && it->second->range() != key.range()) {
    Error(DiagCode::kE1032, key.range(), path,
          "Fn::ForEach loop name " + Quote(name) + " is used twice; loop names must be unique.",
          {{it->second->range(), "first used here"}});
  }
}

void Expander::ExpandEntries(const MapNode& map, const Env& env, const TemplatePath& path,
                             bool loops, const StringNode* producer, Output& out) {
  for (const MapEntry& e : map.entries()) {
    const std::string& key = e.key->value();
    TemplatePath child = path.Child(key);
    if (IsForEachKey(key)) {
      if (!loops) {
        Error(DiagCode::kE1032, e.key->range(), child,
              "Fn::ForEach can only be used in the Conditions, Resources and Outputs sections.");
        continue;
      }
      ExpandLoop(e, env, child, out);
      continue;
    }
    std::string new_key = Substitute(key, env);
    const StringNode* key_node = e.key;
    if (new_key != key) {
      auto* k = ctx_.doc.New<StringNode>(e.key->range(), new_key, e.key->quoted());
      k->set_origin(producer != nullptr ? static_cast<const Node*>(producer) : e.key);
      key_node = k;
    }
    AddEntry(key_node, Rewrite(e.value, env, child, loops), producer, child, out);
  }
}

void Expander::AddEntry(const StringNode* key, const Node* value, const StringNode* producer,
                        const TemplatePath& path, Output& out) {
  auto [it, inserted] = out.seen.emplace(key->value(), key);
  if (!inserted) {
    std::string who =
        producer != nullptr
            ? "Fn::ForEach loop " + Quote(producer->value().substr(kForEachPrefix.size()))
            : "The template";
    Error(DiagCode::kE1032, key->range(), path,
          who + " produces the key " + Quote(key->value()) +
              ", which is already defined; output keys must be unique (use the identifier in "
              "the key).",
          {{it->second->range(), "already defined here"}});
    return;
  }
  out.entries.push_back({key, value});
}

void Expander::ExpandLoop(const MapEntry& entry, const Env& env, const TemplatePath& path,
                          Output& out) {
  RecordLoopName(*entry.key, path);
  std::string loop = entry.key->value().substr(kForEachPrefix.size());
  const auto* args = dyn_cast<ListNode>(entry.value);
  if (args == nullptr || args->size() != 3) {
    Error(DiagCode::kE1032, entry.value->range(), path,
          "Fn::ForEach::" + loop +
              " takes a list of three items: [Identifier, Collection, {OutputKey: OutputValue}].");
    return;
  }
  const auto* id = dyn_cast<StringNode>(args->items()[0]);
  if (id == nullptr || !IsAlnum(id->value())) {
    Error(DiagCode::kE1032, args->items()[0]->range(), path.Child(size_t{0}),
          "The identifier of Fn::ForEach::" + loop + " must be an alphanumeric string.");
    return;
  }
  const auto* body = dyn_cast<MapNode>(args->items()[2]);
  if (body == nullptr) {
    Error(DiagCode::kE1032, args->items()[2]->range(), path.Child(2),
          "The output of Fn::ForEach::" + loop + " must be a map {OutputKey: OutputValue}.");
    return;
  }
  bool keys_ok = true;
  for (const MapEntry& e : body->entries()) {
    const std::string& k = e.key->value();
    if (!IsForEachKey(k) && k.find("${" + id->value() + "}") == std::string::npos &&
        k.find("&{" + id->value() + "}") == std::string::npos) {
      Error(DiagCode::kE1032, e.key->range(), path.Child(2).Child(k),
            "The output key " + Quote(k) + " of Fn::ForEach::" + loop + " must contain ${" +
                id->value() + "} or &{" + id->value() + "} so each item gets its own key.");
      keys_ok = false;
    }
  }
  // Only substitute enclosing identifiers here; ResolveCollection evaluates the functions (and
  // reports their errors once).
  ++substitute_only_;
  const Node* collection = Rewrite(args->items()[1], env, path.Child(1), false);
  --substitute_only_;
  std::optional<std::vector<std::string>> items =
      ResolveCollection(*collection, loop, path.Child(1));
  if (!items || !keys_ok)
    return;
  for (const std::string& item : *items) {
    if (over_budget_)
      return;
    Env inner = env;
    inner.push_back({id->value(), item});
    ExpandEntries(*body, inner, path.Child(2), true, entry.key, out);
  }
}

std::optional<std::vector<std::string>> Expander::ResolveCollection(const Node& node,
                                                                    const std::string& loop,
                                                                    const TemplatePath& path) {
  Resolved r = resolver_.Resolve(node, path);
  if (r.state == Resolved::State::kError) {
    failed_ = true;
    return std::nullopt;
  }
  if (!r.known()) {
    Error(DiagCode::kE1032, node.range(), path,
          "The collection of Fn::ForEach::" + loop + " cannot be resolved offline: " + r.reason +
              ".");
    return std::nullopt;
  }
  const auto* list = dyn_cast<ListNode>(r.value);
  if (list == nullptr) {
    Error(DiagCode::kE1032, node.range(), path,
          "The collection of Fn::ForEach::" + loop + " must be a list, but it is a " +
              std::string(NodeKindName(r.value->kind())) + ".");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const Node* item : list->items()) {
    std::string text;
    if (!StaticResolver::ScalarText(*item, &text)) {
      Error(DiagCode::kE1032, node.range(), path,
            "The collection of Fn::ForEach::" + loop + " must hold strings, but one item is a " +
                std::string(NodeKindName(item->kind())) + ".");
      return std::nullopt;
    }
    items.push_back(std::move(text));
  }
  return items;
}

const Node* Expander::ResolvePolicies(const Node* resource, const TemplatePath& path) {
  const auto* map = dyn_cast<MapNode>(resource);
  if (map == nullptr)
    return resource;
  std::vector<MapEntry> entries(map->entries().begin(), map->entries().end());
  bool changed = false;
  for (MapEntry& e : entries) {
    if (e.key->value() != "DeletionPolicy" && e.key->value() != "UpdateReplacePolicy")
      continue;
    if (!isa<FnCallNode>(e.value))
      continue;
    Resolved r = resolver_.Resolve(*e.value, path.Child(e.key->value()));
    std::string text;
    if (r.state == Resolved::State::kError)
      failed_ = true;
    if (!r.known() || !StaticResolver::ScalarText(*r.value, &text))
      continue;
    auto* s = ctx_.doc.New<StringNode>(e.value->range(), text, true);
    s->set_origin(e.value);
    e.value = s;
    changed = true;
  }
  if (!changed)
    return resource;
  auto* out = ctx_.doc.New<MapNode>(map->range(), std::move(entries));
  out->set_origin(map);
  return out;
}

void Expander::CheckNoLoops(const Node* node, const TemplatePath& path, std::string_view section) {
  if (const auto* map = dyn_cast<MapNode>(node)) {
    for (const MapEntry& e : map->entries()) {
      if (IsForEachKey(e.key->value())) {
        Error(DiagCode::kE1032, e.key->range(), path.Child(e.key->value()),
              "Fn::ForEach cannot be used in the " + std::string(section) +
                  " section; only in Conditions, Resources and Outputs.");
      }
      CheckNoLoops(e.value, path.Child(e.key->value()), section);
    }
  } else if (const auto* list = dyn_cast<ListNode>(node)) {
    for (size_t i = 0; i < list->size(); ++i)
      CheckNoLoops(list->items()[i], path.Child(i), section);
  } else if (const auto* fn = dyn_cast<FnCallNode>(node)) {
    CheckNoLoops(fn->args(), path.Child(std::string(FnName(fn->fn()))), section);
  }
}

const Node* Expander::Run() {
  std::map<std::string, const Node*> rewritten;
  // Conditions first: Fn::If collections and values evaluate the expanded conditions.
  if (const Node* conditions = root_.Get("Conditions")) {
    rewritten["Conditions"] = Rewrite(conditions, {}, TemplatePath{"Conditions"}, true);
    resolver_.set_conditions(dyn_cast<MapNode>(rewritten["Conditions"]));
  }
  for (const char* section : {"Resources", "Outputs"}) {
    const Node* node = root_.Get(section);
    if (node == nullptr)
      continue;
    const Node* out = Rewrite(node, {}, TemplatePath{section}, true);
    if (std::string_view(section) == "Resources") {
      if (const auto* resources = dyn_cast<MapNode>(out)) {
        std::vector<MapEntry> entries;
        bool changed = false;
        for (const MapEntry& e : resources->entries()) {
          const Node* value = ResolvePolicies(e.value, TemplatePath{"Resources", e.key->value()});
          changed |= value != e.value;
          entries.push_back({e.key, value});
          auto loop = loop_names_.find(e.key->value());
          if (loop != loop_names_.end()) {
            Error(DiagCode::kE1032, loop->second->range(), TemplatePath{"Resources"},
                  "Fn::ForEach loop name " + Quote(e.key->value()) +
                      " is also a resource's logical id; loop names must not clash with them.",
                  {{e.key->range(), "the resource"}});
          }
        }
        if (changed) {
          auto* map = ctx_.doc.New<MapNode>(resources->range(), std::move(entries));
          map->set_origin(resources);
          out = map;
        }
      }
    }
    rewritten[section] = out;
  }
  std::vector<MapEntry> entries;
  for (const MapEntry& e : root_.entries()) {
    auto it = rewritten.find(e.key->value());
    if (it != rewritten.end()) {
      entries.push_back({e.key, it->second});
      continue;
    }
    CheckNoLoops(e.value, TemplatePath{e.key->value()}, e.key->value());
    entries.push_back(e);
  }
  if (failed_)
    return nullptr;
  auto* root = ctx_.doc.New<MapNode>(root_.range(), std::move(entries));
  root->set_origin(&root_);
  return root;
}

class LanguageExtensionsTransform : public Transform {
 public:
  std::string_view name() const override { return kLanguageExtensionsName; }
  const Node* Apply(const MapNode& root, TransformContext& ctx) const override {
    Expander expander(root, ctx);
    return expander.Run();
  }
};

}  // namespace

std::unique_ptr<Transform> MakeLanguageExtensionsTransform() {
  return std::make_unique<LanguageExtensionsTransform>();
}

}  // namespace cfnx
