// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reference checks: every name a template uses must be declared.
// Ref:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html
// Fn::Sub:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html

#include <string>

#include "engine/ast/dump.h"
#include "engine/base/edit_distance.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

class ReferenceChecker {
 public:
  ReferenceChecker(const Template& t, DiagnosticSink& diags) : t_(t), diags_(diags) {
    for (const Parameter& p : t.parameters)
      refable_.push_back(p.name);
    for (const Resource& r : t.resources) {
      refable_.push_back(r.logical_id);
      resources_.push_back(r.logical_id);
    }
    for (std::string_view p : PseudoParameterNames())
      refable_.push_back(p);
    for (const Condition& c : t.conditions)
      conditions_.push_back(c.name);
  }

  void Run() {
    for (const Resource& r : t_.resources) {
      TemplatePath path{"Resources", r.logical_id};
      for (const MapEntry& e : r.node->entries()) {
        if (e.key->value() != "Type")
          Walk(e.value, path.Child(e.key->value()));
      }
      if (r.condition != nullptr)
        CheckConditionName(r.condition, path.Child("Condition"));
      CheckDependsOn(r, path.Child("DependsOn"));
    }
    for (const Output& o : t_.outputs) {
      TemplatePath path{"Outputs", o.name};
      for (const MapEntry& e : o.node->entries()) {
        if (e.key->value() != "Condition")
          Walk(e.value, path.Child(e.key->value()));
      }
      if (o.condition != nullptr)
        CheckConditionName(o.condition, path.Child("Condition"));
    }
    for (const Condition& c : t_.conditions)
      Walk(c.expr, TemplatePath{"Conditions", c.name});
  }

 private:
  void Walk(const Node* node, const TemplatePath& path) {
    switch (node->kind()) {
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(node);
        for (size_t i = 0; i < list->size(); ++i)
          Walk(list->items()[i], path.Child(i));
        break;
      }
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(node)->entries()) {
          Walk(e.value, path.Child(e.key->value()));
        }
        break;
      case NodeKind::kFnCall:
        CheckCall(cast<FnCallNode>(node), path);
        break;
      default:
        break;
    }
  }

  void CheckCall(const FnCallNode* fn, const TemplatePath& path) {
    TemplatePath args_path = path.Child(FnName(fn->fn()));
    switch (fn->fn()) {
      case FnKind::kRef:
        if (const auto* name = dyn_cast<StringNode>(fn->args())) {
          CheckRef(name, args_path);
          return;
        }
        break;
      case FnKind::kGetAtt:
        CheckGetAtt(fn, args_path);
        break;
      case FnKind::kSub:
        CheckSub(fn, args_path);
        break;
      case FnKind::kCondition:
        if (const auto* name = dyn_cast<StringNode>(fn->args())) {
          CheckConditionName(name, args_path);
          return;
        }
        break;
      case FnKind::kIf:
        if (const auto* list = dyn_cast<ListNode>(fn->args())) {
          if (!list->items().empty()) {
            if (const auto* name = dyn_cast<StringNode>(list->items()[0])) {
              CheckConditionName(name, args_path.Child(size_t{0}));
              // Which branch applies is unknowable; as cfn-lint does, the branches of an
              // Fn::If on an undeclared condition are not checked further.
              if (t_.FindCondition(name->value()) == nullptr)
                return;
            }
          }
        }
        break;
      case FnKind::kFindInMap:
        CheckFindInMap(fn, args_path);
        break;
      default:
        break;
    }
    Walk(fn->args(), args_path);
  }

  void CheckRef(const StringNode* name, const TemplatePath& path) {
    const std::string& target = name->value();
    if (t_.FindParameter(target) != nullptr || t_.FindResource(target) != nullptr ||
        IsPseudoParameter(target)) {
      return;
    }
    diags_.Report(DiagCode::kE1020, name->range(), path,
                  "Ref to " + Quote(target) +
                      ", which is not a parameter, a resource or a pseudo parameter." +
                      DidYouMean(target, refable_));
  }

  void CheckGetAtt(const FnCallNode* fn, const TemplatePath& path) {
    const StringNode* resource = nullptr;
    if (const auto* list = dyn_cast<ListNode>(fn->args())) {
      if (list->size() != 2) {
        diags_.Report(DiagCode::kE1010, fn->name_range(), path,
                      "Fn::GetAtt takes two arguments, a logical id and an attribute name; got " +
                          std::to_string(list->size()) + ".");
        return;
      }
      resource = dyn_cast<StringNode>(list->items()[0]);
    } else if (const auto* s = dyn_cast<StringNode>(fn->args())) {
      // Long form "Res.Attr": CloudFormation accepts it as a string too.
      if (s->value().find('.') == std::string::npos) {
        diags_.Report(DiagCode::kE1010, s->range(), path,
                      "Fn::GetAtt needs an attribute: write 'Resource.Attribute'.");
        return;
      }
      std::string name = s->value().substr(0, s->value().find('.'));
      CheckGetAttResource(name, s->range(), path);
      return;
    } else {
      diags_.Report(DiagCode::kE1010, fn->name_range(), path,
                    "Fn::GetAtt takes a list [logical id, attribute name].");
      return;
    }
    if (resource != nullptr)
      CheckGetAttResource(resource->value(), resource->range(), path.Child(size_t{0}));
  }

  void CheckGetAttResource(const std::string& name, SourceRange range, const TemplatePath& path) {
    if (t_.FindResource(name) != nullptr)
      return;
    std::string why = t_.FindParameter(name) != nullptr ? " (it is a parameter: use Ref)" : "";
    diags_.Report(DiagCode::kE1010, range, path,
                  "Fn::GetAtt of " + Quote(name) + ", which is not a resource of the template" +
                      why + "." + (why.empty() ? DidYouMean(name, resources_) : ""));
  }

  void CheckSub(const FnCallNode* fn, const TemplatePath& path) {
    const StringNode* text = dyn_cast<StringNode>(fn->args());
    const MapNode* vars = nullptr;
    TemplatePath text_path = path;
    if (const auto* list = dyn_cast<ListNode>(fn->args())) {
      if (list->size() != 2) {
        diags_.Report(DiagCode::kE1019, fn->name_range(), path,
                      "Fn::Sub takes a string or a list [string, {variables}]; got a list of " +
                          std::to_string(list->size()) + ".");
        return;
      }
      text = dyn_cast<StringNode>(list->items()[0]);
      vars = dyn_cast<MapNode>(list->items()[1]);
      text_path = path.Child(size_t{0});
      if (vars == nullptr && !isa<FnCallNode>(list->items()[1])) {
        diags_.Report(DiagCode::kE1019, list->items()[1]->range(), path.Child(1),
                      "The second argument of Fn::Sub must be a mapping of variables.");
      }
    }
    if (text == nullptr)
      return;  // a function producing the string: checked at evaluation
    // A broken variable value (a Ref to an unknown name, reported by the walk) leaves the
    // variables in doubt; as cfn-lint does, the string is then not checked against them.
    if (vars != nullptr && HasUnresolvedRef(vars))
      return;
    size_t unterminated = std::string::npos;
    for (const SubVariable& v : ParseSubVariables(text->value(), &unterminated)) {
      if (vars != nullptr && vars->Find(v.name) != nullptr)
        continue;
      CheckSubVariable(v.name, text, text_path);
    }
  }

  bool HasUnresolvedRef(const Node* node) const {
    if (const auto* list = dyn_cast<ListNode>(node)) {
      for (const Node* item : list->items()) {
        if (HasUnresolvedRef(item))
          return true;
      }
    } else if (const auto* map = dyn_cast<MapNode>(node)) {
      for (const MapEntry& e : map->entries()) {
        if (HasUnresolvedRef(e.value))
          return true;
      }
    } else if (const auto* call = dyn_cast<FnCallNode>(node)) {
      const auto* name = dyn_cast<StringNode>(call->args());
      if (call->fn() == FnKind::kRef && name != nullptr)
        return t_.FindParameter(name->value()) == nullptr &&
               t_.FindResource(name->value()) == nullptr && !IsPseudoParameter(name->value());
      return HasUnresolvedRef(call->args());
    }
    return false;
  }

  void CheckSubVariable(const std::string& name, const StringNode* text, const TemplatePath& path) {
    if (t_.FindParameter(name) != nullptr || t_.FindResource(name) != nullptr ||
        IsPseudoParameter(name)) {
      return;
    }
    size_t dot = name.find('.');
    if (dot != std::string::npos) {
      std::string resource = name.substr(0, dot);
      if (t_.FindResource(resource) != nullptr)
        return;
      diags_.Report(DiagCode::kE1019, text->range(), path,
                    "Fn::Sub variable ${" + name + "} refers to " + Quote(resource) +
                        ", which is not a resource of the template." +
                        DidYouMean(resource, resources_));
      return;
    }
    diags_.Report(DiagCode::kE1019, text->range(), path,
                  "Fn::Sub variable ${" + name +
                      "} is not a parameter, a resource, a pseudo parameter or a variable of "
                      "this Fn::Sub." +
                      DidYouMean(name, refable_));
  }

  void CheckConditionName(const StringNode* name, const TemplatePath& path) {
    if (t_.FindCondition(name->value()) != nullptr)
      return;
    diags_.Report(DiagCode::kE8002, name->range(), path,
                  "Condition " + Quote(name->value()) + " is not declared in Conditions." +
                      DidYouMean(name->value(), conditions_));
  }

  void CheckDependsOn(const Resource& r, const TemplatePath& path) {
    for (size_t i = 0; i < r.depends_on.size(); ++i) {
      const StringNode* target = r.depends_on[i];
      TemplatePath at = isa<ListNode>(r.depends_on_node) ? path.Child(i) : path;
      if (target->value() == r.logical_id) {
        diags_.Report(DiagCode::kE3005, target->range(), at,
                      "Resource " + Quote(r.logical_id) + " depends on itself.");
      } else if (t_.FindResource(target->value()) == nullptr) {
        diags_.Report(DiagCode::kE3005, target->range(), at,
                      "DependsOn names " + Quote(target->value()) +
                          ", which is not a resource of the template." +
                          DidYouMean(target->value(), resources_));
      }
    }
  }

  // Static keys only: a key written as a function is checked when it is evaluated.
  void CheckFindInMap(const FnCallNode* fn, const TemplatePath& path) {
    const auto* list = dyn_cast<ListNode>(fn->args());
    if (list == nullptr || list->size() < 3) {
      diags_.Report(DiagCode::kE1011, fn->args()->range(), path,
                    "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey].");
      return;
    }
    const auto* map_name = dyn_cast<StringNode>(list->items()[0]);
    if (map_name == nullptr)
      return;
    const Mapping* mapping = t_.FindMapping(map_name->value());
    if (mapping == nullptr) {
      std::vector<std::string_view> names;
      for (const Mapping& m : t_.mappings)
        names.push_back(m.name);
      diags_.Report(DiagCode::kE1011, map_name->range(), path.Child(size_t{0}),
                    "Fn::FindInMap names mapping " + Quote(map_name->value()) +
                        ", which is not declared in Mappings." +
                        DidYouMean(map_name->value(), names));
      return;
    }
    bool has_default = list->size() == 4;  // AWS::LanguageExtensions DefaultValue
    const auto* top_map = dyn_cast<MapNode>(mapping->node);
    const auto* top_key = dyn_cast<ScalarNode>(list->items()[1]);
    if (top_map == nullptr || top_key == nullptr || has_default)
      return;
    const Node* second = top_map->Get(top_key->text());
    if (second == nullptr) {
      std::vector<std::string_view> keys;
      for (const MapEntry& e : top_map->entries())
        keys.push_back(e.key->value());
      diags_.Report(DiagCode::kE1011, top_key->range(), path.Child(1),
                    "Mapping " + Quote(mapping->name) + " has no key " + Quote(top_key->text()) +
                        "." + DidYouMean(top_key->text(), keys));
      return;
    }
    const auto* second_map = dyn_cast<MapNode>(second);
    const auto* second_key = dyn_cast<ScalarNode>(list->items()[2]);
    if (second_map == nullptr || second_key == nullptr)
      return;
    if (second_map->Get(second_key->text()) == nullptr) {
      std::vector<std::string_view> keys;
      for (const MapEntry& e : second_map->entries())
        keys.push_back(e.key->value());
      diags_.Report(DiagCode::kE1011, second_key->range(), path.Child(2),
                    "Mapping " + Quote(mapping->name) + " key " + Quote(top_key->text()) +
                        " has no second-level key " + Quote(second_key->text()) + "." +
                        DidYouMean(second_key->text(), keys));
    }
  }

  const Template& t_;
  DiagnosticSink& diags_;
  std::vector<std::string_view> refable_;
  std::vector<std::string_view> resources_;
  std::vector<std::string_view> conditions_;
};

}  // namespace

void CheckReferences(const Template& t, DiagnosticSink& diags) {
  if (t.root == nullptr)
    return;
  ReferenceChecker(t, diags).Run();
}

}  // namespace cfnx
