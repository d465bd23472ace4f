// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/eval/render.h"

#include "engine/eval/value_json.h"

namespace cfnx {
namespace {

// Renders one resource or output: nullopt-included entries keep their Condition.
OrderedJson RenderElement(Evaluator& ev, const MapNode* node, const StringNode* condition,
                          const TemplatePath& path, bool* include) {
  std::optional<bool> included = ev.IsIncluded(condition);
  *include = included != false;
  OrderedJson out = OrderedJson::object();
  if (!*include)
    return out;
  for (const MapEntry& e : node->entries()) {
    const std::string& key = e.key->value();
    if (key == "Condition") {
      if (!included.has_value())
        out[key] = ToJson(*e.value);
      continue;
    }
    if (key == "Type" || key == "DependsOn") {
      out[key] = ToJson(*e.value);
      continue;
    }
    Value v = ev.Evaluate(e.value, path.Child(key));
    if (!v.is_no_value())
      out[key] = ValueToJson(v);
  }
  return out;
}

// Parameters as declared, with the Default of NoEcho parameters masked.
OrderedJson RenderParameters(const Evaluator& ev, const Node* section) {
  OrderedJson out = ToJson(*section);
  for (const ParameterValue& p : ev.parameters()) {
    if (p.no_echo && out.contains(p.name) && out[p.name].is_object() &&
        out[p.name].contains("Default")) {
      out[p.name]["Default"] = kMaskedValue;
    }
  }
  return out;
}

OrderedJson RenderConditions(const Evaluator& ev) {
  OrderedJson out = OrderedJson::object();
  for (const Condition& c : ev.tmpl().conditions) {
    const Value* v = ev.ConditionValue(c.name);
    if (v != nullptr && !v->is_bool() && c.expr != nullptr)
      out[c.name] = ToJson(*c.expr);
  }
  return out;
}

}  // namespace

OrderedJson RenderTemplate(Evaluator& ev) {
  const Template& t = ev.tmpl();
  OrderedJson out = OrderedJson::object();
  if (t.root == nullptr)
    return out;
  for (const MapEntry& section : t.root->entries()) {
    const std::string& name = section.key->value();
    if (name == "Conditions") {
      OrderedJson conditions = RenderConditions(ev);
      if (!conditions.empty())
        out[name] = std::move(conditions);
    } else if (name == "Parameters") {
      out[name] = RenderParameters(ev, section.value);
    } else if (name == "Resources") {
      OrderedJson resources = OrderedJson::object();
      for (const Resource& r : t.resources) {
        bool include = true;
        OrderedJson json = RenderElement(ev, r.node, r.condition,
                                         TemplatePath{"Resources", r.logical_id}, &include);
        if (include)
          resources[r.logical_id] = std::move(json);
      }
      out[name] = std::move(resources);
    } else if (name == "Outputs") {
      OrderedJson outputs = OrderedJson::object();
      for (const Output& o : t.outputs) {
        bool include = true;
        OrderedJson json =
            RenderElement(ev, o.node, o.condition, TemplatePath{"Outputs", o.name}, &include);
        if (include)
          outputs[o.name] = std::move(json);
      }
      out[name] = std::move(outputs);
    } else {
      out[name] = ToJson(*section.value);
    }
  }
  return out;
}

}  // namespace cfnx
