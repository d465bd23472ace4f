// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Outputs:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
// Conditions:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html
// Which functions may nest inside which follows cfn-lint's schemas (cfnlint/data/schemas/other/
// functions/*.json), which record what CloudFormation accepts in practice.

#include "engine/eval/check_functions.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>
#include <tuple>
#include <vector>

#include "engine/validate/validate.h"

namespace cfnx {
namespace {

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool IsListParameterType(std::string_view type) {
  return type == "CommaDelimitedList" || type.substr(0, 5) == "List<" ||
         type.find("<List<") != std::string_view::npos;
}

// Forwards every diagnostic and remembers where each code was reported, so that the nesting
// check can hold back its generic "cannot be used inside" finding where the evaluator already
// said something more precise about the same argument (Fn::Join inside Fn::Select: "must be a
// list; got the string ...").
class RecordingSink : public DiagnosticSink {
 public:
  explicit RecordingSink(DiagnosticSink& out) : out_(out) {}
  using DiagnosticSink::Report;
  void Report(Diagnostic d) override {
    seen_.insert(Key(d));
    out_.Report(std::move(d));
  }
  // Nesting findings wait here until the other checks have run.
  void Defer(Diagnostic d) { deferred_.push_back(std::move(d)); }
  void FlushDeferred() {
    for (Diagnostic& d : deferred_) {
      if (seen_.count(Key(d)) == 0)
        Report(std::move(d));
    }
    deferred_.clear();
  }

 private:
  // Same code on the same line: the nesting finding sits at the key, the evaluator's at the
  // value, so columns may differ for one argument.
  static std::tuple<int, FileId, uint32_t> Key(const Diagnostic& d) {
    return {static_cast<int>(d.code), d.range.begin.file, d.range.begin.line};
  }
  DiagnosticSink& out_;
  std::set<std::tuple<int, FileId, uint32_t>> seen_;
  std::vector<Diagnostic> deferred_;
};

// A set of FnKinds.
class FnSet {
 public:
  FnSet(std::initializer_list<FnKind> kinds) {
    for (FnKind k : kinds)
      bits_ |= uint64_t{1} << static_cast<int>(k);
  }
  bool Has(FnKind k) const { return (bits_ >> static_cast<int>(k)) & 1; }

 private:
  uint64_t bits_ = 0;
};

class FunctionChecker {
 public:
  FunctionChecker(const Template& t, Evaluator& ev, RecordingSink& diags)
      : t_(t), ev_(ev), diags_(diags) {
    for (const std::string& name : t.transforms)
      lang_ext_ = lang_ext_ || name == "AWS::LanguageExtensions";
  }

  void Run() {
    for (const Resource& r : t_.resources) {
      TemplatePath path{"Resources", r.logical_id};
      for (const MapEntry& e : r.node->entries()) {
        const std::string& key = e.key->value();
        if (key == "Type" || key == "Condition" || key == "DependsOn")
          continue;
        TemplatePath child = path.Child(key);
        CheckNesting(e.value, child);
        if (key == "Properties" || key == "Metadata" || key == "UpdatePolicy" ||
            key == "CreationPolicy" || key == "DeletionPolicy" || key == "UpdateReplacePolicy")
          ev_.Evaluate(e.value, child);
      }
    }
    for (const Output& o : t_.outputs) {
      TemplatePath path{"Outputs", o.name};
      for (const MapEntry& e : o.node->entries()) {
        const std::string& key = e.key->value();
        if (key == "Condition")
          continue;
        CheckNesting(e.value, path.Child(key));
        ev_.Evaluate(e.value, path.Child(key));
      }
      if (o.value != nullptr)
        CheckOutputValue(o.value, path.Child("Value"));
    }
    ev_.CheckRules();
  }

 private:
  // Output values must be strings: literal lists and maps, and functions that give lists, are
  // rejected by CloudFormation.
  void CheckOutputValue(const Node* node, const TemplatePath& path) {
    std::string what;
    if (isa<ListNode>(node) || isa<MapNode>(node)) {
      what = std::string("a ") + std::string(NodeKindName(node->kind()));
    } else if (const auto* call = dyn_cast<FnCallNode>(node)) {
      switch (call->fn()) {
        case FnKind::kGetAZs:
        case FnKind::kSplit:
        case FnKind::kCidr:
          what = "a list (" + std::string(FnName(call->fn())) + ")";
          break;
        case FnKind::kRef: {
          const auto* name = dyn_cast<StringNode>(call->args());
          const Parameter* p = name != nullptr ? t_.FindParameter(name->value()) : nullptr;
          if (p != nullptr && IsListParameterType(p->type))
            what = "a list (parameter " + Quote(p->name) + " of type " + p->type + ")";
          else if (name != nullptr && name->value() == "AWS::NotificationARNs")
            what = "a list (AWS::NotificationARNs)";
          break;
        }
        case FnKind::kIf:
          if (const auto* list = dyn_cast<ListNode>(call->args())) {
            for (size_t i = 1; i < list->size() && i < 3; ++i)
              CheckOutputValue(list->items()[i], path.Child("Fn::If").Child(i));
          }
          return;
        default:
          return;
      }
    } else {
      return;
    }
    if (what.empty())
      return;
    diags_.Report(DiagCode::kE6003, node->range(), path,
                  "An output's Value must be a string; this is " + what + ".");
  }

  // Functions allowed directly inside another function's arguments, per cfn-lint's schemas.
  void CheckNesting(const Node* node, const TemplatePath& path) {
    switch (node->kind()) {
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(node);
        for (size_t i = 0; i < list->size(); ++i)
          CheckNesting(list->items()[i], path.Child(i));
        return;
      }
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(node)->entries())
          CheckNesting(e.value, path.Child(e.key->value()));
        return;
      case NodeKind::kFnCall:
        break;
      default:
        return;
    }
    const auto* call = cast<FnCallNode>(node);
    TemplatePath args_path = path.Child(FnName(call->fn()));
    CheckArguments(call, args_path);
    CheckNesting(call->args(), args_path);
  }

  // Reports `arg` when it is a function `outer` does not accept there. The finding sits where
  // cfn-lint puts it: at the key that holds the argument (`at`), else at the inner function.
  void Disallow(const Node* arg, const FnCallNode* outer, const FnSet& allowed,
                const TemplatePath& path, DiagCode code, const SourceRange* at = nullptr) {
    const auto* inner = dyn_cast<FnCallNode>(arg);
    if (inner == nullptr || allowed.Has(inner->fn()))
      return;
    // Left in place by the offline expansion (a value known only at deployment), these are
    // evaluated by the AWS::LanguageExtensions transform before the rest of the template.
    if (lang_ext_ && (inner->fn() == FnKind::kLength || inner->fn() == FnKind::kToJsonString))
      return;
    diags_.Defer(MakeDiagnostic(code, at != nullptr ? *at : inner->name_range(), path,
                                std::string(FnName(inner->fn())) + " cannot be used inside " +
                                    std::string(FnName(outer->fn())) + " here."));
  }

  void CheckArguments(const FnCallNode* call, const TemplatePath& path) {
    using K = FnKind;
    const auto* list = dyn_cast<ListNode>(call->args());
    auto item = [&](size_t i) -> const Node* {
      return list != nullptr && i < list->size() ? list->items()[i] : nullptr;
    };
    switch (call->fn()) {
      case K::kImportValue:
        Disallow(call->args(), call,
                 {K::kBase64, K::kFindInMap, K::kIf, K::kJoin, K::kSelect, K::kSub, K::kRef}, path,
                 DiagCode::kE1016, &call->name_range());
        break;
      case K::kGetAZs:
        Disallow(call->args(), call, {K::kRef}, path, DiagCode::kE1015, &call->name_range());
        break;
      case K::kSplit:
        if (item(1) != nullptr) {
          Disallow(item(1), call,
                   {K::kBase64, K::kFindInMap, K::kGetAtt, K::kGetAZs, K::kIf, K::kImportValue,
                    K::kJoin, K::kSelect, K::kSub, K::kRef},
                   path.Child(1), DiagCode::kE1018);
        }
        break;
      case K::kJoin:
        if (item(1) != nullptr) {
          Disallow(item(1), call,
                   {K::kCidr, K::kFindInMap, K::kGetAtt, K::kGetAZs, K::kIf, K::kImportValue,
                    K::kSplit, K::kRef, K::kSelect},
                   path.Child(1), DiagCode::kE1022);
        }
        break;
      case K::kSelect:
        if (item(0) != nullptr) {
          Disallow(
              item(0), call,
              lang_ext_ ? FnSet{K::kRef, K::kFindInMap, K::kLength} : FnSet{K::kRef, K::kFindInMap},
              path.Child(size_t{0}), DiagCode::kE1017);
        }
        if (item(1) != nullptr) {
          Disallow(item(1), call,
                   {K::kFindInMap, K::kGetAtt, K::kGetAZs, K::kIf, K::kSplit, K::kCidr, K::kRef},
                   path.Child(1), DiagCode::kE1017);
          if (const auto* items = dyn_cast<ListNode>(item(1))) {
            for (size_t i = 0; i < items->size(); ++i) {
              Disallow(items->items()[i], call,
                       {K::kFindInMap, K::kGetAtt, K::kGetStackOutput, K::kIf, K::kRef},
                       path.Child(1).Child(i), DiagCode::kE1017);
            }
          }
        }
        break;
      case K::kSub:
        if (const auto* vars = dyn_cast<MapNode>(item(1))) {
          for (const MapEntry& e : vars->entries()) {
            Disallow(e.value, call,
                     {K::kBase64, K::kFindInMap, K::kGetAtt, K::kGetAZs, K::kIf, K::kImportValue,
                      K::kJoin, K::kSelect, K::kSub, K::kToJsonString, K::kTransform, K::kRef},
                     path.Child(1).Child(e.key->value()), DiagCode::kE1019, &e.key->range());
          }
        }
        break;
      case K::kFindInMap:
        for (size_t i = 0; i < 3; ++i) {
          if (item(i) != nullptr) {
            Disallow(item(i), call,
                     lang_ext_ ? FnSet{K::kFindInMap, K::kJoin, K::kSub, K::kIf, K::kSelect,
                                       K::kLength, K::kToJsonString, K::kRef}
                               : FnSet{K::kFindInMap, K::kRef},
                     path.Child(i), DiagCode::kE1011);
          }
        }
        break;
      case K::kBase64:
        Disallow(
            call->args(), call,
            {K::kBase64, K::kCidr, K::kContains, K::kFindInMap, K::kGetAtt, K::kIf, K::kImportValue,
             K::kJoin, K::kLength, K::kSelect, K::kSub, K::kToJsonString, K::kTransform, K::kRef},
            path, DiagCode::kE1021, &call->name_range());
        break;
      case K::kCidr:
        for (size_t i = 0; i < 3; ++i) {
          if (item(i) != nullptr) {
            Disallow(
                item(i), call,
                {K::kFindInMap, K::kGetAtt, K::kIf, K::kImportValue, K::kSelect, K::kSub, K::kRef},
                path.Child(i), DiagCode::kE1024);
          }
        }
        break;
      case K::kGetAtt:
        for (size_t i = 0; i < 2; ++i) {
          if (item(i) != nullptr) {
            Disallow(item(i), call,
                     lang_ext_ ? FnSet{K::kRef, K::kBase64, K::kFindInMap, K::kSub, K::kIf,
                                       K::kJoin, K::kToJsonString}
                     : i == 0  ? FnSet{}
                               : FnSet{K::kRef},
                     path.Child(i), DiagCode::kE1010);
          }
        }
        break;
      case K::kEquals:
        for (size_t i = 0; i < 2; ++i) {
          if (item(i) != nullptr) {
            Disallow(item(i), call,
                     {K::kRef, K::kFindInMap, K::kSub, K::kJoin, K::kSelect, K::kSplit, K::kLength,
                      K::kToJsonString, K::kIf, K::kImportValue, K::kBase64, K::kGetAZs, K::kGetAtt,
                      K::kContains, K::kValueOf, K::kValueOfAll, K::kRefAll, K::kEachMemberEquals,
                      K::kEachMemberIn},
                     path.Child(i), DiagCode::kE8003);
          }
        }
        break;
      default:
        break;
    }
  }

  const Template& t_;
  Evaluator& ev_;
  RecordingSink& diags_;
  bool lang_ext_ = false;  // AWS::LanguageExtensions widens what Ref, GetAtt and others take
};

// Collects the resources a node refers to (Ref, GetAtt, Sub variables), noting the Fn::If
// conditions that guard each reference (true branch).
struct Reference {
  std::string target;
  const Node* at;
  TemplatePath path;
  std::vector<std::string> guards;  // conditions known true where the reference is
};

void CollectReferences(const Template& t, const Node* node, const TemplatePath& path,
                       std::vector<std::string>& guards, std::vector<Reference>& out) {
  switch (node->kind()) {
    case NodeKind::kList: {
      const auto* list = cast<ListNode>(node);
      for (size_t i = 0; i < list->size(); ++i)
        CollectReferences(t, list->items()[i], path.Child(i), guards, out);
      return;
    }
    case NodeKind::kMap:
      for (const MapEntry& e : cast<MapNode>(node)->entries())
        CollectReferences(t, e.value, path.Child(e.key->value()), guards, out);
      return;
    case NodeKind::kFnCall:
      break;
    default:
      return;
  }
  const auto* call = cast<FnCallNode>(node);
  TemplatePath args_path = path.Child(FnName(call->fn()));
  const Node* args = call->args();
  switch (call->fn()) {
    case FnKind::kRef:
      if (const auto* s = dyn_cast<StringNode>(args)) {
        if (t.FindResource(s->value()) != nullptr)
          out.push_back({s->value(), s, args_path, guards});
      }
      return;
    case FnKind::kGetAtt: {
      const StringNode* s = dyn_cast<StringNode>(args);
      std::string name;
      if (s != nullptr) {
        name = s->value().substr(0, s->value().find('.'));
      } else if (const auto* list = dyn_cast<ListNode>(args); list && list->size() > 0) {
        s = dyn_cast<StringNode>(list->items()[0]);
        if (s != nullptr)
          name = s->value();
      }
      if (s != nullptr && t.FindResource(name) != nullptr)
        out.push_back({name, s, args_path, guards});
      return;
    }
    case FnKind::kSub: {
      const Node* text = args;
      if (const auto* list = dyn_cast<ListNode>(args); list && list->size() == 2) {
        text = list->items()[0];
        CollectReferences(t, list->items()[1], args_path.Child(1), guards, out);
      }
      if (const auto* s = dyn_cast<StringNode>(text)) {
        for (const SubVariable& v : ParseSubVariables(s->value())) {
          std::string name = v.name.substr(0, v.name.find('.'));
          if (t.FindResource(name) != nullptr)
            out.push_back({name, s, args_path, guards});
        }
      }
      return;
    }
    case FnKind::kIf: {
      const auto* list = dyn_cast<ListNode>(args);
      const auto* name =
          list && list->size() == 3 ? dyn_cast<StringNode>(list->items()[0]) : nullptr;
      if (name == nullptr)
        break;
      guards.push_back(name->value());
      CollectReferences(t, list->items()[1], args_path.Child(1), guards, out);
      guards.pop_back();
      CollectReferences(t, list->items()[2], args_path.Child(2), guards, out);
      return;
    }
    default:
      break;
  }
  CollectReferences(t, args, args_path, guards, out);
}

// W1001: a reference to a resource with a Condition from somewhere that exists without it.
// Implication is decided by name (the referrer's own Condition or a guarding Fn::If), and by
// the evaluated conditions when both are known.
class ConditionalReferenceChecker {
 public:
  ConditionalReferenceChecker(const Template& t, const Evaluator& ev, DiagnosticSink& diags)
      : t_(t), ev_(ev), diags_(diags) {}

  void Run() {
    for (const Resource& r : t_.resources) {
      std::string own = r.condition != nullptr ? r.condition->value() : "";
      std::vector<Reference> refs;
      std::vector<std::string> guards;
      TemplatePath path{"Resources", r.logical_id};
      for (const MapEntry& e : r.node->entries()) {
        const std::string& key = e.key->value();
        if (key != "Type" && key != "Condition" && key != "DependsOn")
          CollectReferences(t_, e.value, path.Child(key), guards, refs);
      }
      for (size_t i = 0; i < r.depends_on.size(); ++i) {
        const StringNode* d = r.depends_on[i];
        TemplatePath at = isa<ListNode>(r.depends_on_node) ? path.Child("DependsOn").Child(i)
                                                           : path.Child("DependsOn");
        refs.push_back({d->value(), d, at, {}});
      }
      Report(own, refs, "resource " + Quote(r.logical_id));
    }
    for (const Output& o : t_.outputs) {
      std::string own = o.condition != nullptr ? o.condition->value() : "";
      std::vector<Reference> refs;
      std::vector<std::string> guards;
      TemplatePath path{"Outputs", o.name};
      for (const MapEntry& e : o.node->entries()) {
        if (e.key->value() != "Condition")
          CollectReferences(t_, e.value, path.Child(e.key->value()), guards, refs);
      }
      Report(own, refs, "output " + Quote(o.name));
    }
  }

 private:
  void Report(const std::string& own, const std::vector<Reference>& refs,
              const std::string& referrer) {
    for (const Reference& ref : refs) {
      const Resource* target = t_.FindResource(ref.target);
      if (target == nullptr || target->condition == nullptr)
        continue;
      const std::string& needed = target->condition->value();
      if (needed == own ||
          std::find(ref.guards.begin(), ref.guards.end(), needed) != ref.guards.end())
        continue;
      if (ev_.IsConditionTrue(needed) == true)
        continue;
      diags_.Report(DiagCode::kW1001, ref.at->range(), ref.path,
                    "The " + referrer + " refers to " + Quote(ref.target) +
                        ", which exists only when condition " + Quote(needed) + " is true" +
                        (own.empty() ? "" : " (the referrer's condition is " + Quote(own) + ")") +
                        ". Guard the reference with Fn::If [" + needed + ", ...].");
    }
  }

  const Template& t_;
  const Evaluator& ev_;
  DiagnosticSink& diags_;
};

// E1029: a string outside Fn::Sub holding `${Name}` where Name is a parameter, resource, pseudo
// parameter or Resource.Attribute: CloudFormation would keep the text literally.
class SubNeededChecker {
 public:
  SubNeededChecker(const Template& t, DiagnosticSink& diags) : t_(t), diags_(diags) {}

  void Run() {
    for (const MapEntry& e : t_.root->entries())
      Walk(e.value, TemplatePath{e.key->value()}, e.key->value(), nullptr);
  }

 private:
  void Walk(const Node* node, const TemplatePath& path, std::string_view key,
            const MapNode* substitutions) {
    switch (node->kind()) {
      case NodeKind::kString:
        if (key != "TemplateBody")
          CheckString(cast<StringNode>(node), path, substitutions);
        return;
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(node);
        for (size_t i = 0; i < list->size(); ++i)
          Walk(list->items()[i], path.Child(i), key, substitutions);
        return;
      }
      case NodeKind::kMap: {
        const auto* map = cast<MapNode>(node);
        // Step Functions' DefinitionSubstitutions make ${Name} legal in the definition.
        const auto* subs = dyn_cast<MapNode>(map->Get("DefinitionSubstitutions"));
        for (const MapEntry& e : map->entries()) {
          bool definition = e.key->value() == "DefinitionString" || e.key->value() == "Definition";
          Walk(e.value, path.Child(e.key->value()), e.key->value(),
               definition ? subs : substitutions);
        }
        return;
      }
      case NodeKind::kFnCall: {
        const auto* call = cast<FnCallNode>(node);
        if (call->fn() == FnKind::kSub)
          return;
        Walk(call->args(), path.Child(FnName(call->fn())), key, substitutions);
        return;
      }
      default:
        return;
    }
  }

  bool Resolves(std::string_view name) const {
    std::string n(name);
    if (t_.FindParameter(n) != nullptr || t_.FindResource(n) != nullptr || IsPseudoParameter(n))
      return true;
    size_t dot = n.find('.');
    return dot != std::string::npos && t_.FindResource(n.substr(0, dot)) != nullptr;
  }

  void CheckString(const StringNode* s, const TemplatePath& path, const MapNode* substitutions) {
    const std::string& text = s->value();
    size_t i = 0;
    while ((i = text.find("${", i)) != std::string::npos) {
      size_t close = text.find('}', i + 2);
      if (close == std::string::npos)
        return;
      std::string_view name = std::string_view(text).substr(i + 2, close - i - 2);
      i = close + 1;
      bool plain =
          !name.empty() && name[0] != '!' && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '.';
          });
      if (!plain || !Resolves(name))
        continue;
      if (substitutions != nullptr && substitutions->Get(name) != nullptr)
        continue;
      diags_.Report(DiagCode::kE1029, s->range(), path,
                    "'${" + std::string(name) +
                        "}' is written outside Fn::Sub, so CloudFormation keeps it as text; "
                        "wrap the string in Fn::Sub.");
      return;  // one finding per string
    }
  }

  const Template& t_;
  DiagnosticSink& diags_;
};

}  // namespace

void CheckFunctions(const Template& t, const FunctionRegistry& functions, EvalOptions options,
                    DiagnosticSink& diags) {
  if (t.root == nullptr)
    return;
  options.symbolic = true;
  options.require_parameter_values = false;
  options.diagnose_unresolved_names = false;
  RecordingSink recording(diags);
  Evaluator ev(t, functions, std::move(options), recording);
  FunctionChecker(t, ev, recording).Run();
  ConditionalReferenceChecker(t, ev, recording).Run();
  SubNeededChecker(t, recording).Run();
  recording.FlushDeferred();
}

}  // namespace cfnx
