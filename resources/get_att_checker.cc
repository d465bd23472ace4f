// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/get_att_checker.h"

#include <string>
#include <vector>

#include "engine/base/edit_distance.h"
#include "engine/model/sub_variables.h"

namespace cfnx {
namespace {

std::string Q(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsCustomType(std::string_view type) {
  return StartsWith(type, "Custom::") || type == "AWS::CloudFormation::CustomResource";
}

class GetAttChecker {
 public:
  GetAttChecker(const Template& t, const ResourceTypeRegistry& registry, std::string_view region,
                DiagnosticSink& diags)
      : t_(t), registry_(registry), region_(region), diags_(diags) {}

  void Run() {
    for (const Resource& r : t_.resources) {
      WalkGetAtts(r.node, TemplatePath{"Resources", r.logical_id});
    }
    for (const Output& o : t_.outputs) {
      WalkGetAtts(o.node, TemplatePath{"Outputs", o.name});
    }
  }

 private:
  void WalkGetAtts(const Node* n, const TemplatePath& path) {
    if (n == nullptr) {
      return;
    }
    switch (n->kind()) {
      case NodeKind::kMap:
        for (const MapEntry& e : cast<MapNode>(n)->entries()) {
          WalkGetAtts(e.value, path.Child(e.key->value()));
        }
        return;
      case NodeKind::kList: {
        const auto* list = cast<ListNode>(n);
        for (size_t i = 0; i < list->size(); ++i) {
          WalkGetAtts(list->items()[i], path.Child(i));
        }
        return;
      }
      case NodeKind::kFnCall: {
        const auto* fn = cast<FnCallNode>(n);
        TemplatePath fn_path = path.Child(FnName(fn->fn()));
        if (fn->fn() == FnKind::kGetAtt) {
          CheckGetAtt(fn, fn_path);
        } else if (fn->fn() == FnKind::kSub) {
          CheckSubAttributes(fn, fn_path);
        }
        WalkGetAtts(fn->args(), fn_path);
        return;
      }
      default:
        return;
    }
  }

  void CheckGetAtt(const FnCallNode* fn, const TemplatePath& path) {
    std::string resource;
    std::string attribute;
    const Node* node = nullptr;
    if (GetAttNames(fn, &resource, &attribute, &node)) {
      CheckAttribute(resource, attribute, node->range(), path);
    }
  }

  void CheckSubAttributes(const FnCallNode* fn, const TemplatePath& path) {
    const StringNode* text = dyn_cast<StringNode>(fn->args());
    const MapNode* vars = nullptr;
    if (const auto* list = dyn_cast<ListNode>(fn->args()); list != nullptr && list->size() == 2) {
      text = dyn_cast<StringNode>(list->items()[0]);
      vars = dyn_cast<MapNode>(list->items()[1]);
    }
    if (text == nullptr) {
      return;
    }
    for (const SubVariable& v : ParseSubVariables(text->value())) {
      size_t dot = v.name.find('.');
      if (dot == std::string::npos || (vars != nullptr && vars->Get(v.name) != nullptr)) {
        continue;
      }
      CheckAttribute(v.name.substr(0, dot), v.name.substr(dot + 1), text->range(), path);
    }
  }

  void CheckAttribute(const std::string& resource, const std::string& attribute, SourceRange range,
                      const TemplatePath& path) {
    const Resource* target = t_.FindResource(resource);
    if (target == nullptr || target->type.empty() || IsCustomType(target->type) ||
        StartsWith(target->type, "AWS::Serverless::") || EndsWith(target->type, "::MODULE")) {
      return;
    }
    if (target->type == "AWS::CloudFormation::Stack" && StartsWith(attribute, "Outputs.")) {
      return;
    }
    if (!registry_.Contains(target->type)) {
      return;
    }
    const ResourceType* rt = registry_.Find(target->type, region_);
    if (rt == nullptr || rt->HasAttribute(attribute)) {
      return;
    }
    std::vector<std::string_view> names(rt->attributes().begin(), rt->attributes().end());
    std::string hint = DidYouMean(attribute, names);
    if (hint.empty() && !names.empty() && names.size() <= 8) {
      hint = " It has ";
      for (size_t i = 0; i < names.size(); ++i) {
        hint += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + Q(names[i]);
      }
      hint += ".";
    }
    diags_.Report(DiagCode::kE1010, range, path,
                  "Fn::GetAtt: " + Q(attribute) + " is not an attribute of " + target->type + " " +
                      Q(resource) + "." + hint);
  }

  const Template& t_;
  const ResourceTypeRegistry& registry_;
  std::string region_;
  DiagnosticSink& diags_;
};

}  // namespace

// The logical id and attribute of a GetAtt whose arguments are literal strings.
bool GetAttNames(const FnCallNode* fn, std::string* resource, std::string* attribute,
                 const Node** attribute_node) {
  if (const auto* list = dyn_cast<ListNode>(fn->args())) {
    if (list->size() != 2) {
      return false;
    }
    const auto* r = dyn_cast<StringNode>(list->items()[0]);
    const auto* a = dyn_cast<StringNode>(list->items()[1]);
    if (r == nullptr || a == nullptr) {
      return false;
    }
    *resource = r->value();
    *attribute = a->value();
    if (attribute_node != nullptr) {
      *attribute_node = a;
    }
    return true;
  }
  if (const auto* s = dyn_cast<StringNode>(fn->args())) {
    size_t dot = s->value().find('.');
    if (dot == std::string::npos) {
      return false;
    }
    *resource = s->value().substr(0, dot);
    *attribute = s->value().substr(dot + 1);
    if (attribute_node != nullptr) {
      *attribute_node = s;
    }
    return true;
  }
  return false;
}

void CheckGetAttAttributes(const Template& t, const ResourceTypeRegistry& registry,
                           std::string_view region, DiagnosticSink& diags) {
  GetAttChecker(t, registry, region, diags).Run();
}

}  // namespace cfnx
