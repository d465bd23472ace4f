// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The plugins that shape REST APIs before Globals are merged: DefaultDefinitionBodyPlugin gives an
// AWS::Serverless::Api without DefinitionBody/DefinitionUri a SAM-managed skeleton, and
// ImplicitRestApiPlugin builds `ServerlessRestApi` from the Api events of functions that name
// no RestApiId, adding every event's path and method to the managed Swagger.

#include <set>

#include "transforms/sam/rest_api.h"
#include "transforms/sam/swagger_editor.h"

namespace cfnx::sam {
namespace {

const char kApiType[] = "AWS::Serverless::Api";

bool IsType(const Json& resource, std::string_view type) {
  const Json* t = Get(resource, "Type");
  return t != nullptr && t->is_string() && *t == type;
}

// _template_has_api_resource.
bool HasRestApi(const Json& resources) {
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    const Json& r = it.value();
    if (!r.is_object())
      continue;
    if (IsType(r, kApiType))
      return true;
    if (IsType(r, "AWS::Serverless::Function") || IsType(r, "AWS::Serverless::StateMachine")) {
      const Json* props = Get(r, "Properties");
      const Json* events = props != nullptr ? Get(*props, "Events") : nullptr;
      if (events == nullptr || !events->is_object())
        continue;
      for (auto e = events->begin(); e != events->end(); ++e) {
        if (Truthy(e.value()) && e.value().is_object() && IsType(e.value(), "Api"))
          return true;
      }
    }
  }
  return false;
}

// Keys of a template dict in the order a Py27Dict built from it iterates.
std::vector<std::string> Py27Order(const Json& dict) {
  Py27Keys keys;
  for (auto it = dict.begin(); it != dict.end(); ++it)
    keys.Add(it.key());
  std::vector<std::string> out;
  for (const std::string* k : keys.Order())
    out.push_back(*k);
  return out;
}

// Condition names by path and method, per API (the plugin's api_conditions).
using MethodConditions = std::map<std::string, std::optional<std::string>>;

struct Plugin {
  Context& ctx;
  Json& resources;
  std::map<std::string, std::map<std::string, MethodConditions>> api_conditions;

  static std::optional<std::string> Attr(const Json& resource, const char* name) {
    const Json* v = Get(resource, name);
    if (v != nullptr && v->is_string())
      return v->get<std::string>();
    return std::nullopt;
  }

  void AddTags(const Json& props, const Json& function, const Json& input) {
    if (props.contains("RestApiId"))
      return;
    Json* implicit = GetMut(resources, kImplicitRestApiId);
    if (implicit == nullptr)
      return;
    const Json* globals = Get(input, "Globals");
    const Json* fn_globals = nullptr;
    if (globals != nullptr && globals->is_object()) {
      const Json* type = Get(function, "Type");
      std::string name = type != nullptr && type->is_string() ? type->get<std::string>() : "";
      name = name.substr(name.rfind(':') + 1);
      fn_globals = Get(*globals, name);
    }
    const Json* fn_props = Get(function, "Properties");
    auto pick = [&](const char* key) -> const Json* {
      const Json* own = fn_props != nullptr ? Get(*fn_props, key) : nullptr;
      if (Truthy(own))
        return own;
      return fn_globals != nullptr && fn_globals->is_object() ? Get(*fn_globals, key) : nullptr;
    };
    const Json* propagate = pick("PropagateTags");
    const Json* tags = pick("Tags");
    if (!Truthy(tags) || !Truthy(propagate) || !tags->is_object())
      return;
    Json& iprops = (*implicit)["Properties"];
    if (!iprops.contains("Tags"))
      iprops["Tags"] = Json::object();
    for (auto it = tags->begin(); it != tags->end(); ++it)
      iprops["Tags"][it.key()] = it.value();
    iprops["PropagateTags"] = true;
  }

  Status ProcessEvent(const std::string& event_id, Json& event, const Json& function,
                      const Json& input) {
    Json* props = GetMut(event, "Properties");
    if (props == nullptr || !Truthy(*props))
      return Ok();
    if (!props->is_object())
      return EventError(event_id, "Properties should be a map.");
    AddTags(*props, function, input);
    if (!props->contains("RestApiId"))
      (*props)["RestApiId"] = Ref(kImplicitRestApiId);
    Json api_id = (*props)["RestApiId"];
    if (api_id.is_object() && api_id.contains("Ref"))
      api_id = api_id["Ref"];
    const Json* path = Get(*props, "Path");
    const Json* method = Get(*props, "Method");
    if (path == nullptr || path->is_null())
      return EventError(event_id, "Property 'Path' is required.");
    if (method == nullptr || method->is_null())
      return EventError(event_id, "Property 'Method' is required.");
    if (!api_id.is_string())
      return EventError(event_id, "Property 'RestApiId' should be a string.");
    if (!path->is_string())
      return EventError(event_id, "Property 'Path' should be a string.");
    if (!method->is_string())
      return EventError(event_id, "Property 'Method' should be a string.");
    std::string id = api_id.get<std::string>();
    std::string p = path->get<std::string>();
    api_conditions[id][p][method->get<std::string>()] = Attr(function, "Condition");
    deletion_policies_for[id].push_back(Attr(function, "DeletionPolicy"));
    update_replace_for[id].push_back(Attr(function, "UpdateReplacePolicy"));

    const Json* api = Get(resources, id);
    if (api == nullptr || IsType(*api, "AWS::Serverless::HttpApi")) {
      return EventError(event_id,
                        "RestApiId must be a valid reference to an 'AWS::Serverless::Api' "
                        "resource in same template.");
    }
    const Json* api_props = Get(*api, "Properties");
    if (api_props == nullptr || !api_props->is_object())
      return Ok();
    PyValue* body = RestApiBody(ctx, id);
    if (!SwaggerEditor::IsValid(body))
      return Ok();
    if (!Truthy(Get(*api_props, "__MANAGE_SWAGGER")))
      return Ok();
    SwaggerEditor editor;
    SAM_TRY(SwaggerEditor::Create(body, &editor));
    SAM_TRY(editor.AddPath(PyValue::Key{p, true}, PyValue::Str(method->get<std::string>(), true)));
    *body = editor.Swagger();
    return Ok();
  }

  std::map<std::string, std::vector<std::optional<std::string>>> deletion_policies_for;
  std::map<std::string, std::vector<std::optional<std::string>>> update_replace_for;
};

// make_combined_condition over sorted names: Fn::Or groups of at most 10.
void AddCombinedCondition(Context& ctx, const std::string& name,
                          const std::set<std::string>& conditions) {
  std::vector<std::string> pending(conditions.begin(), conditions.end());
  size_t groups = pending.size() <= 1 ? 1 : 1 + (pending.size() - 2) / 9;
  int suffix = static_cast<int>(groups) - 1;
  while (pending.size() > 1) {
    std::string cname = name;
    if (suffix > 0)
      cname += std::to_string(suffix--);
    Json ors = Json::array();
    size_t take = std::min<size_t>(10, pending.size());
    for (size_t i = 0; i < take; ++i)
      ors.push_back(Json{{"Condition", pending[i]}});
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(take));
    pending.push_back(cname);
    ctx.Conditions()[cname] = Json{{"Fn::Or", std::move(ors)}};
  }
}

void ApplyPolicy(Json& api, const char* attr, const std::vector<std::optional<std::string>>& all,
                 std::initializer_list<const char*> preference) {
  bool any = false;
  std::set<std::string> seen;
  for (const auto& p : all) {
    if (p.has_value() && !p->empty()) {
      any = true;
      seen.insert(*p);
    }
  }
  if (!any)
    return;
  for (const char* v : preference) {
    if (seen.contains(v)) {
      api[attr] = v;
      return;
    }
  }
}

}  // namespace

Status PrepareRestApis(Json& input, Context& ctx, std::vector<Error>* errors) {
  RestApiState& state = RestApis(ctx);
  Json* resources_ptr = GetMut(input, "Resources");
  if (resources_ptr == nullptr || !resources_ptr->is_object())
    return Ok();
  Json& resources = *resources_ptr;
  state.py27 = HasRestApi(resources);
  // Conditions the plugin adds go to the input (the output is copied from it).
  Json* saved_template = ctx.template_json;
  ctx.template_json = &input;

  // DefaultDefinitionBodyPlugin.
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (!it.value().is_object() || !IsType(it.value(), kApiType))
      continue;
    Json* props = GetMut(it.value(), "Properties");
    if (props == nullptr || !props->is_object())
      continue;
    if (Truthy(Get(*props, "DefinitionBody")) || Truthy(Get(*props, "DefinitionUri")))
      continue;
    PyValue skeleton = SwaggerEditor::Skeleton();
    (*props)["DefinitionBody"] = skeleton.ToJson();
    (*props)["__MANAGE_SWAGGER"] = true;
    state.bodies[it.key()] = std::move(skeleton);
  }

  // ImplicitRestApiPlugin.
  std::optional<Json> existing;
  if (const Json* e = Get(resources, kImplicitRestApiId))
    existing = *e;
  Py27Keys order;
  for (auto it = resources.begin(); it != resources.end(); ++it)
    order.Add(it.key());
  order.Add(kImplicitRestApiId);
  {
    PyValue skeleton = SwaggerEditor::Skeleton();
    Json implicit = {{"Type", kApiType},
                     {"Properties",
                      {{"StageName", "Prod"},
                       {"DefinitionBody", skeleton.ToJson()},
                       {"__MANAGE_SWAGGER", true}}}};
    resources[kImplicitRestApiId] = std::move(implicit);
    state.bodies[kImplicitRestApiId] = std::move(skeleton);
    state.implicit_created = true;
  }

  Plugin plugin{ctx, resources, {}, {}, {}};
  std::vector<std::string> ids;
  for (const std::string* k : order.Order())
    ids.push_back(*k);
  for (const std::string& id : ids) {
    Json* resource = GetMut(resources, id);
    if (resource == nullptr || !resource->is_object())
      continue;
    if (!IsType(*resource, "AWS::Serverless::Function") &&
        !IsType(*resource, "AWS::Serverless::StateMachine"))
      continue;
    Json* props = GetMut(*resource, "Properties");
    Json* events = props != nullptr && props->is_object() ? GetMut(*props, "Events") : nullptr;
    if (events == nullptr || !events->is_object())
      continue;
    // _get_api_events copies the Api events into a new Py27Dict (in the order the function's
    // Events iterate) and the plugin iterates that dict: its own Python 2.7 order.
    Py27Keys api_events;
    for (const std::string& event_id : Py27Order(*events)) {
      const Json& event = (*events)[event_id];
      if (Truthy(event) && event.is_object() && IsType(event, "Api"))
        api_events.Add(event_id);
    }
    std::vector<std::string> api_event_ids;
    for (const std::string* k : api_events.Order())
      api_event_ids.push_back(*k);
    for (const std::string& event_id : api_event_ids) {
      Json& event = (*events)[event_id];
      Status st = plugin.ProcessEvent(event_id, event, *resource, input);
      if (!st.ok()) {
        if (st.error().fatal) {
          ctx.template_json = saved_template;
          return st;
        }
        errors->push_back(WrapInResource(id, st.error()));
        break;
      }
    }
  }

  // Conditions and policies of the implicit API.
  Json& implicit = resources[kImplicitRestApiId];
  if (auto it = plugin.api_conditions.find(kImplicitRestApiId);
      it != plugin.api_conditions.end() && !it->second.empty()) {
    std::set<std::string> all;
    bool any_none = false;
    for (const auto& [path, methods] : it->second) {
      for (const auto& [method, cond] : methods) {
        if (cond.has_value())
          all.insert(*cond);
        else
          any_none = true;
      }
    }
    if (!any_none && !all.empty()) {
      if (all.size() == 1) {
        implicit["Condition"] = *all.begin();
      } else {
        implicit["Condition"] = "ServerlessRestApiCondition";
        AddCombinedCondition(ctx, "ServerlessRestApiCondition", all);
      }
    }
  }
  ApplyPolicy(implicit, "DeletionPolicy", plugin.deletion_policies_for[kImplicitRestApiId],
              {"Retain", "Delete"});
  ApplyPolicy(implicit, "UpdateReplacePolicy", plugin.update_replace_for[kImplicitRestApiId],
              {"Retain", "Snapshot", "Delete"});

  // Conditional paths of every managed API.
  for (const std::string* k : order.Order()) {
    const std::string& api_id = *k;
    Json* api = GetMut(resources, api_id);
    if (api == nullptr || !api->is_object() || !IsType(*api, kApiType))
      continue;
    const Json* props = Get(*api, "Properties");
    if (props == nullptr || !Truthy(Get(*props, "__MANAGE_SWAGGER")))
      continue;
    PyValue* body = RestApiBody(ctx, api_id);
    SwaggerEditor editor;
    if (Status st = SwaggerEditor::Create(body, &editor); !st.ok()) {
      ctx.template_json = saved_template;
      return st;
    }
    for (const PyValue::Key& path : editor.Paths()) {
      const MethodConditions& methods = plugin.api_conditions[api_id][path.text];
      std::set<std::string> all;
      bool any_none = false;
      for (const auto& [method, cond] : methods) {
        if (cond.has_value())
          all.insert(*cond);
        else
          any_none = true;
      }
      if (methods.empty() || any_none)
        continue;
      if (all.size() == 1) {
        editor.MakePathConditional(path.text, PyValue::Str(*all.begin(), true));
      } else {
        std::string name = path.text;
        auto replace = [&](const std::string& from, const std::string& to) {
          size_t pos = 0;
          while ((pos = name.find(from, pos)) != std::string::npos) {
            name.replace(pos, from.size(), to);
            pos += to.size();
          }
        };
        replace("/", "SLASH");
        replace("{", "OB");
        replace("}", "CB");
        name = api_id + name + "PathCondition";
        AddCombinedCondition(ctx, name, all);
        editor.MakePathConditional(path.text, PyValue::Str(name));
      }
    }
    *body = editor.Swagger();
  }

  // _maybe_remove_implicit_api.
  const PyValue* implicit_body = RestApiBody(ctx, kImplicitRestApiId);
  const PyValue* implicit_paths = implicit_body != nullptr ? implicit_body->Get("paths") : nullptr;
  if (implicit_paths != nullptr && implicit_paths->size() == 0) {
    state.bodies.erase(kImplicitRestApiId);
    state.implicit_created = false;
    if (existing.has_value() && Truthy(*existing)) {
      resources[kImplicitRestApiId] = *existing;
    } else {
      resources.erase(kImplicitRestApiId);
      order.Remove(kImplicitRestApiId);
    }
  }
  if (state.py27) {
    for (const std::string* k : order.Order())
      ctx.resource_order.push_back(*k);
    state.resource_keys = std::move(order);
  }
  ctx.template_json = saved_template;
  return Ok();
}

}  // namespace cfnx::sam
