// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/macros/macro.h"

#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/ast/json_convert.h"
#include "engine/base/run_command.h"
#include "engine/base/sha1.h"

namespace cfnx {
namespace {

constexpr std::string_view kIncludeName = "AWS::Include";

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// Each template parameter's value as CloudFormation hands it to a macro: the value given, else
// the Default; list types as lists.
OrderedJson TemplateParameterValues(const Node* root, const TransformOptions& options) {
  OrderedJson values = OrderedJson::object();
  const auto* map = dyn_cast<MapNode>(root);
  const auto* params = map != nullptr ? dyn_cast<MapNode>(map->Get("Parameters")) : nullptr;
  if (params == nullptr)
    return values;
  for (const MapEntry& e : params->entries()) {
    const auto* decl = dyn_cast<MapNode>(e.value);
    if (decl == nullptr)
      continue;
    const std::string& name = e.key->value();
    std::string value;
    auto given = options.parameters.find(name);
    if (given != options.parameters.end()) {
      value = given->second;
    } else if (const Node* def = decl->Get("Default")) {
      OrderedJson d = ToJson(*def);
      value = d.is_string() ? d.get<std::string>() : d.dump();
    } else {
      continue;
    }
    const auto* type = dyn_cast<StringNode>(decl->Get("Type"));
    bool list = type != nullptr &&
                (type->value() == "CommaDelimitedList" || type->value().rfind("List<", 0) == 0);
    if (!list) {
      values[name] = value;
      continue;
    }
    OrderedJson items = OrderedJson::array();
    size_t start = 0;
    while (true) {
      size_t comma = value.find(',', start);
      items.push_back(value.substr(start, comma - start));
      if (comma == std::string::npos)
        break;
      start = comma + 1;
    }
    values[name] = items;
  }
  return values;
}

// A request id the macro must echo back: derived from the event, so runs are reproducible.
std::string RequestId(const OrderedJson& event) {
  std::string h = Sha1Hex(event.dump());
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

// One macro invocation at `site` (for diagnostics).
struct MacroCall {
  std::string name;
  OrderedJson params = OrderedJson::object();
};

class MacroRunner {
 public:
  MacroRunner(TransformContext& ctx, OrderedJson parameter_values)
      : ctx_(ctx), parameter_values_(std::move(parameter_values)) {}

  // Runs `call` on `fragment`; the answer's fragment, or nullopt after reporting why not.
  std::optional<OrderedJson> Run(const MacroCall& call, OrderedJson fragment, SourceRange site,
                                 const TemplatePath& path) {
    const std::string& command = ctx_.options.macros.at(call.name);
    OrderedJson event = OrderedJson::object();
    event["region"] = ctx_.options.region;
    event["accountId"] = ctx_.options.account_id;
    event["fragment"] = std::move(fragment);
    event["transformId"] = call.name;
    event["params"] = call.params;
    event["templateParameterValues"] = parameter_values_;
    std::string request_id = RequestId(event);
    event["requestId"] = request_id;
    int timeout = ctx_.options.macro_timeout_seconds;
    CommandRun run = RunCommand(command, event.dump() + "\n", timeout);
    std::string who = "the macro " + Quote(call.name) + " (" + command + ")";
    if (!run.ok()) {
      ctx_.diags.Report(DiagCode::kE9019, site, path, "Macro failed: " + run.Failure(who, timeout));
      return std::nullopt;
    }
    OrderedJson answer = OrderedJson::parse(run.out, nullptr, /*allow_exceptions=*/false);
    if (answer.is_discarded() || !answer.is_object()) {
      // Its first line, at most 80 bytes: enough to recognise, safe to print on one line.
      std::string first = run.out.substr(0, run.out.find('\n'));
      bool cut = first.size() > 80 || first.size() + 1 < run.out.size();
      first = first.substr(0, 80);
      Invalid(site, path,
              who + " did not answer with a JSON object" +
                  (run.out.empty() ? std::string(" (it printed nothing)")
                                   : ": it printed '" + first + (cut ? "...'" : "'")));
      return std::nullopt;
    }
    if (!answer.contains("requestId") || answer["requestId"] != request_id) {
      Invalid(site, path,
              who + " answered requestId " +
                  (answer.contains("requestId") ? answer["requestId"].dump() : "(none)") +
                  "; the response must carry the event's requestId \"" + request_id + "\".");
      return std::nullopt;
    }
    std::string status = answer.contains("status") && answer["status"].is_string()
                             ? answer["status"].get<std::string>()
                             : "";
    std::string lower = status;
    for (char& c : lower)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "success") {
      std::string message = answer.contains("errorMessage") && answer["errorMessage"].is_string()
                                ? answer["errorMessage"].get<std::string>()
                                : "";
      ctx_.diags.Report(DiagCode::kE9019, site, path,
                        "Macro failed: " + who + " answered status " +
                            (status.empty() ? std::string("(none)") : Quote(status)) +
                            (message.empty() ? " without an errorMessage." : ": " + message));
      return std::nullopt;
    }
    if (!answer.contains("fragment")) {
      Invalid(site, path, who + " answered success without a fragment.");
      return std::nullopt;
    }
    return std::move(answer["fragment"]);
  }

  void Invalid(SourceRange site, const TemplatePath& path, const std::string& message) {
    ctx_.diags.Report(DiagCode::kE9020, site, path, "Invalid macro response: " + message);
  }

 private:
  TransformContext& ctx_;
  OrderedJson parameter_values_;
};

bool IsFunctionObject(const OrderedJson& j) {
  FnKind fn;
  return j.is_object() && j.size() == 1 && FnFromName(j.begin().key(), &fn);
}

// Nodes for `j`, reusing `original`'s nodes wherever the macro gave back what it was given, so
// they keep their source positions; new nodes get `range` and `origin` (the macro's site).
const Node* Rebuild(const OrderedJson& j, const Node* original, SourceRange range,
                    const Node* origin, Document& doc) {
  if (original != nullptr && ToJson(*original) == j)
    return original;
  const auto* map = dyn_cast<MapNode>(original);
  if (map != nullptr && j.is_object() && !IsFunctionObject(j)) {
    std::vector<MapEntry> entries;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const MapEntry* old = map->Find(it.key());
      const StringNode* key = old != nullptr ? old->key : nullptr;
      if (key == nullptr) {
        auto* k = doc.New<StringNode>(range, it.key(), true);
        k->set_origin(origin);
        key = k;
      }
      const Node* value = old != nullptr ? old->value : nullptr;
      entries.push_back({key, Rebuild(it.value(), value, value != nullptr ? value->range() : range,
                                      origin, doc)});
    }
    auto* node = doc.New<MapNode>(original->range(), std::move(entries));
    node->set_origin(original->origin());
    return node;
  }
  const auto* list = dyn_cast<ListNode>(original);
  if (list != nullptr && j.is_array()) {
    std::vector<const Node*> items;
    for (size_t i = 0; i < j.size(); ++i) {
      const Node* old = i < list->size() ? list->items()[i] : nullptr;
      items.push_back(Rebuild(j[i], old, old != nullptr ? old->range() : range, origin, doc));
    }
    auto* node = doc.New<ListNode>(original->range(), std::move(items));
    node->set_origin(original->origin());
    return node;
  }
  return FromJson(j, doc, range, origin);
}

// The macros an Fn::Transform argument names, in order (a {Name, Parameters} map or a list of
// them); empty when any item is not of that shape.
std::vector<MacroCall> CallsOf(const Node* args) {
  std::vector<MacroCall> calls;
  std::vector<const Node*> items;
  if (const auto* list = dyn_cast<ListNode>(args))
    items.assign(list->items().begin(), list->items().end());
  else
    items.push_back(args);
  for (const Node* item : items) {
    const auto* m = dyn_cast<MapNode>(item);
    const auto* name = m != nullptr ? dyn_cast<StringNode>(m->Get("Name")) : nullptr;
    if (name == nullptr)
      return {};
    MacroCall call{name->value()};
    if (const Node* params = m->Get("Parameters"))
      call.params = ToJson(*params);
    calls.push_back(std::move(call));
  }
  return calls;
}

class SnippetExpander {
 public:
  SnippetExpander(TransformContext& ctx, const Node* root)
      : ctx_(ctx), runner_(ctx, TemplateParameterValues(root, ctx.options)) {}
  bool failed() const { return failed_; }

  const Node* Visit(const Node* node, const TemplatePath& path) {
    if (const auto* fn = dyn_cast<FnCallNode>(node))
      return VisitCall(fn, path);
    if (const auto* list = dyn_cast<ListNode>(node)) {
      std::vector<const Node*> items;
      bool changed = false;
      for (size_t i = 0; i < list->size(); ++i) {
        items.push_back(Visit(list->items()[i], path.Child(i)));
        changed |= items.back() != list->items()[i];
      }
      if (!changed)
        return node;
      auto* out = ctx_.doc.New<ListNode>(list->range(), std::move(items));
      out->set_origin(list->origin());
      return out;
    }
    if (const auto* map = dyn_cast<MapNode>(node))
      return VisitMap(map, path);
    return node;
  }

 private:
  // Whether the macros of one Fn::Transform can run here; reports a macro without a command.
  bool Runnable(const std::vector<MacroCall>& calls, SourceRange site, const TemplatePath& path) {
    if (calls.empty())
      return false;
    for (const MacroCall& c : calls) {
      if (c.name == kIncludeName)
        return false;  // AWS::Include's own transform expands it
    }
    for (const MacroCall& c : calls) {
      if (ctx_.options.macros.count(c.name) != 0)
        continue;
      if (reported_.insert(c.name).second)
        ctx_.diags.Report(DiagCode::kI5000, site, path,
                          "cfnx cannot run macro " + Quote(c.name) +
                              " offline without its command: pass --macro " + c.name +
                              "=COMMAND to run it locally; until then what it produces is "
                              "unknown and the snippet stays as written.");
      return false;
    }
    return true;
  }

  // Runs `calls` in order on `fragment`; the last answer, or nullopt after a failure.
  std::optional<OrderedJson> RunAll(const std::vector<MacroCall>& calls, OrderedJson fragment,
                                    SourceRange site, const TemplatePath& path) {
    for (const MacroCall& c : calls) {
      std::optional<OrderedJson> next = runner_.Run(c, std::move(fragment), site, path);
      if (!next) {
        failed_ = true;
        return std::nullopt;
      }
      fragment = std::move(*next);
    }
    return fragment;
  }

  const Node* VisitCall(const FnCallNode* fn, const TemplatePath& path) {
    TemplatePath child = path.Child(std::string(FnName(fn->fn())));
    if (fn->fn() != FnKind::kTransform) {
      const Node* args = Visit(fn->args(), child);
      if (args == fn->args())
        return fn;
      auto* out =
          ctx_.doc.New<FnCallNode>(fn->range(), fn->fn(), args, fn->form(), fn->name_range());
      out->set_origin(fn->origin());
      return out;
    }
    std::vector<MacroCall> calls = CallsOf(fn->args());
    if (!Runnable(calls, fn->name_range(), child))
      return fn;
    std::optional<OrderedJson> result =
        RunAll(calls, OrderedJson::object(), fn->name_range(), child);
    if (!result)
      return fn;
    return FromJson(*result, ctx_.doc, fn->range(), fn);
  }

  const Node* VisitMap(const MapNode* map, const TemplatePath& path) {
    std::vector<MapEntry> entries;
    const MapEntry* transform = nullptr;
    bool changed = false;
    for (const MapEntry& e : map->entries()) {
      if (e.key->value() == "Fn::Transform") {
        transform = &e;
        continue;
      }
      const Node* value = Visit(e.value, path.Child(e.key->value()));
      changed |= value != e.value;
      entries.push_back({e.key, value});
    }
    std::vector<MacroCall> calls =
        transform != nullptr ? CallsOf(transform->value) : std::vector<MacroCall>{};
    TemplatePath site_path = path.Child("Fn::Transform");
    if (transform == nullptr || !Runnable(calls, transform->key->range(), site_path)) {
      if (!changed)
        return map;
      std::vector<MapEntry> all;
      size_t next = 0;
      for (const MapEntry& e : map->entries())
        all.push_back(&e == transform ? e : entries[next++]);
      auto* out = ctx_.doc.New<MapNode>(map->range(), std::move(all));
      out->set_origin(map->origin());
      return out;
    }
    auto* siblings = ctx_.doc.New<MapNode>(map->range(), entries);
    siblings->set_origin(map->origin());
    std::optional<OrderedJson> result =
        RunAll(calls, ToJson(*siblings), transform->key->range(), site_path);
    if (!result)
      return map;
    return Rebuild(*result, siblings, transform->key->range(), transform->key, ctx_.doc);
  }

  TransformContext& ctx_;
  MacroRunner runner_;
  bool failed_ = false;
  std::set<std::string> reported_;
};

}  // namespace

const Node* ExpandMacroSnippets(const Node* root, TransformContext& ctx) {
  SnippetExpander expander(ctx, root);
  const Node* out = expander.Visit(root, TemplatePath{});
  return expander.failed() ? nullptr : out;
}

const Node* ApplyTemplateMacro(std::string_view name, const MapNode& root, TransformContext& ctx) {
  const MapEntry* section = root.Find("Transform");
  SourceRange site = section != nullptr ? section->value->range() : root.range();
  TemplatePath path{"Transform"};
  MacroCall call{std::string(name)};
  // The item of the Transform section naming this macro, for its position and Parameters.
  if (section != nullptr) {
    std::vector<const Node*> items;
    if (const auto* list = dyn_cast<ListNode>(section->value))
      items.assign(list->items().begin(), list->items().end());
    else
      items.push_back(section->value);
    for (size_t i = 0; i < items.size(); ++i) {
      const auto* s = dyn_cast<StringNode>(items[i]);
      const auto* m = dyn_cast<MapNode>(items[i]);
      const auto* n = m != nullptr ? dyn_cast<StringNode>(m->Get("Name")) : nullptr;
      if ((s != nullptr && s->value() == name) || (n != nullptr && n->value() == name)) {
        site = items[i]->range();
        if (isa<ListNode>(section->value))
          path = path.Child(i);
        if (m != nullptr && m->Get("Parameters") != nullptr)
          call.params = ToJson(*m->Get("Parameters"));
        break;
      }
    }
  }
  std::vector<MapEntry> rest;
  for (const MapEntry& e : root.entries()) {
    if (&e != section)
      rest.push_back(e);
  }
  auto* without = ctx.doc.New<MapNode>(root.range(), rest);
  without->set_origin(root.origin());
  MacroRunner runner(ctx, TemplateParameterValues(&root, ctx.options));
  std::optional<OrderedJson> result = runner.Run(call, ToJson(*without), site, path);
  if (!result)
    return nullptr;
  if (!result->is_object()) {
    runner.Invalid(site, path,
                   "the macro " + Quote(name) +
                       " answered a fragment that is not a template object (a " +
                       result->type_name() +
                       "); a Transform-section macro returns the whole "
                       "processed template.");
    return nullptr;
  }
  const Node* origin = section != nullptr ? section->value : &root;
  const auto* rebuilt = dyn_cast<MapNode>(Rebuild(*result, without, site, origin, ctx.doc));
  if (rebuilt == nullptr) {
    runner.Invalid(site, path,
                   "the macro " + Quote(name) +
                       " answered an intrinsic function call instead of a template object.");
    return nullptr;
  }
  if (section == nullptr || rebuilt->Get("Transform") != nullptr)
    return rebuilt;
  // Later transforms of the list (and the model) still see the Transform section.
  std::vector<MapEntry> entries{*section};
  entries.insert(entries.end(), rebuilt->entries().begin(), rebuilt->entries().end());
  auto* out = ctx.doc.New<MapNode>(rebuilt->range(), std::move(entries));
  out->set_origin(rebuilt->origin());
  return out;
}

}  // namespace cfnx
