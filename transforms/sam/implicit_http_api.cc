// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The template-level step before Globals for HTTP APIs, as the reference's
// DefaultDefinitionBodyPlugin (its HttpApi part) and ImplicitHttpApiPlugin
// (samtranslator/plugins/api/). It edits the input template in place:
//   * an explicit HttpApi without DefinitionBody/DefinitionUri gets the OpenAPI skeleton and is
//     marked as managed by SAM (__MANAGE_SWAGGER), so events may add paths to it;
//   * ServerlessHttpApi is added for events without ApiId (and removed again, or the user's own
//     resource of that name restored, when no event uses it);
//   * each HttpApi event gets ApiId/Path/Method defaults; its path goes into the managed API's
//     body and its RouteSettings into the API's RouteSettings;
//   * the implicit API gets the functions' Condition (or an Fn::Or of them), DeletionPolicy and
//     UpdateReplacePolicy; managed paths used only by conditional functions become conditional.

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "transforms/sam/http_api.h"
#include "transforms/sam/open_api.h"
#include "transforms/sam/rest_api.h"

namespace cfnx::sam {
namespace {

constexpr const char* kHttpApiType = "AWS::Serverless::HttpApi";
constexpr const char* kImplicitId = "ServerlessHttpApi";
constexpr const char* kImplicitCondition = "ServerlessHttpApiCondition";
constexpr const char* kManage = "__MANAGE_SWAGGER";

// The condition (null for none) of each path+method of each API, in the reference's nesting.
using MethodConditions = std::map<std::string, Json>;
using PathConditions = std::map<std::string, MethodConditions>;

struct Plugin {
  Json& input;
  Context& ctx;
  std::map<std::string, PathConditions> conditions;
  std::map<std::string, std::vector<Json>> deletion_policies;
  std::map<std::string, std::vector<Json>> update_replace_policies;

  Json& Resources() { return input["Resources"]; }
  Json* Resource(const std::string& id) { return GetMut(Resources(), id); }
  Status ProcessEvents(const std::string& function_id, const std::string& type_name);
  Status ProcessEvent(const std::string& function_id, const std::string& type_name,
                      const std::string& event_id, Json& event);
  Status AddApiToSwagger(const std::string& event_id, const Json& props);
  Status AddRouteSettings(const std::string& event_id, const Json& props, const Json& condition);
  void AddTagsToImplicitApi(const Json& props, const std::string& function_id,
                            const std::string& type_name);
  void AddConditionToImplicitApi();
  void AddPoliciesToImplicitApi();
  Status AddConditionsToPaths();
};

bool IsValidSamResource(const Json& resource) {
  static const char* const kTypes[] = {"AWS::Serverless::Api",
                                       "AWS::Serverless::Function",
                                       "AWS::Serverless::SimpleTable",
                                       "AWS::Serverless::Application",
                                       "AWS::Serverless::LayerVersion",
                                       "AWS::Serverless::HttpApi",
                                       "AWS::Serverless::WebSocketApi",
                                       "AWS::Serverless::StateMachine",
                                       "AWS::Serverless::CapacityProvider"};
  const Json* type = Get(resource, "Type");
  if (type == nullptr || !type->is_string())
    return false;
  return std::any_of(std::begin(kTypes), std::end(kTypes),
                     [&](const char* t) { return *type == t; });
}

// SamResource.valid(): a resource's Condition must be a string.
Status CheckConditions(const Json& resources) {
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    const Json* condition = Get(it.value(), "Condition");
    if (Truthy(condition) && !condition->is_string())
      return DocumentError("Every Condition member must be a string.");
  }
  return Ok();
}

// make_combined_condition(sorted(conditions), name) into the template's Conditions.
void AddCombinedCondition(Json& input, const std::string& name, std::set<std::string> set) {
  std::vector<std::string> pending(set.begin(), set.end());
  if (!input.contains("Conditions") || !input["Conditions"].is_object())
    input["Conditions"] = Json::object();
  size_t groups = 1 + (pending.size() - 2) / 9;
  int suffix = static_cast<int>(groups) - 1;
  while (pending.size() > 1) {
    std::string condition = name;
    if (suffix > 0)
      condition += std::to_string(suffix--);
    Json ors = Json::array();
    size_t take = std::min<size_t>(10, pending.size());
    for (size_t i = 0; i < take; ++i)
      ors.push_back(Json{{"Condition", pending[i]}});
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(take));
    pending.push_back(condition);
    input["Conditions"][condition] = Json{{"Fn::Or", std::move(ors)}};
  }
}

// The conditions of a set of path/methods: nullopt when one has none (or there are none).
std::optional<std::set<std::string>> AllConditional(const std::vector<const Json*>& conditions) {
  if (conditions.empty())
    return std::nullopt;
  std::set<std::string> out;
  for (const Json* c : conditions) {
    if (c->is_null() || !c->is_string())
      return std::nullopt;
    out.insert(c->get<std::string>());
  }
  return out;
}

void Plugin::AddTagsToImplicitApi(const Json& props, const std::string& function_id,
                                  const std::string& type_name) {
  if (props.contains("ApiId"))
    return;
  Json* implicit = Resource(kImplicitId);
  const Json* globals = Get(input, "Globals");
  const Json* section = Truthy(globals) ? Get(*globals, type_name) : nullptr;
  Json empty = Json::object();
  if (!Truthy(section) || !section->is_object())
    section = &empty;
  const Json& fn_props = Resources()[function_id]["Properties"];
  const Json* propagate = Get(fn_props, "PropagateTags");
  if (!Truthy(propagate))
    propagate = Get(*section, "PropagateTags");
  const Json* tags = Get(fn_props, "Tags");
  if (!Truthy(tags))
    tags = Get(*section, "Tags");
  if (implicit == nullptr || !Truthy(tags) || !Truthy(propagate) || !tags->is_object())
    return;
  Json tag_copy = *tags;
  Json& api_props = (*implicit)["Properties"];
  if (!api_props.contains("Tags"))
    api_props["Tags"] = Json::object();
  for (auto it = tag_copy.begin(); it != tag_copy.end(); ++it)
    api_props["Tags"][it.key()] = it.value();
  api_props["PropagateTags"] = true;
}

Status Plugin::AddApiToSwagger(const std::string& event_id, const Json& props) {
  const Json& api_ref = props["ApiId"];
  Json api_id = IsIntrinsic(api_ref, "Ref") ? api_ref["Ref"] : api_ref;
  Json* api = api_id.is_string() ? Resource(api_id.get<std::string>()) : nullptr;
  if (api == nullptr) {
    return EventError(event_id,
                      "ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource "
                      "in same template.");
  }
  Json* api_props = GetMut(*api, "Properties");
  if (api_props == nullptr || !api_props->is_object() ||
      !OpenApiEditor::IsValid(Get(*api_props, "DefinitionBody")))
    return Ok();
  if (!Truthy(Get(*api_props, kManage)))
    return Ok();
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(Get(*api_props, "DefinitionBody"), &editor));
  SAM_TRY(editor.AddPath(props["Path"].get<std::string>(), props["Method"].get<std::string>()));
  (*api_props)["DefinitionBody"] = editor.Document();
  return Ok();
}

Status Plugin::AddRouteSettings(const std::string& event_id, const Json& props,
                                const Json& condition) {
  const Json& api_ref = props["ApiId"];
  std::string api_id = (IsIntrinsic(api_ref, "Ref") ? api_ref["Ref"] : api_ref).get<std::string>();
  Json& api = Resources()[api_id];
  if (!api.contains("Properties"))
    api["Properties"] = Json::object();
  Json& api_props = api["Properties"];
  const std::string& path = props["Path"].get_ref<const std::string&>();
  const std::string& method = props["Method"].get_ref<const std::string&>();
  std::string route = path;
  if (method != OpenApiEditor::kAnyMethod) {
    std::string upper = method;
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    }
    route = upper + " " + path;
  }
  Json settings = api_props.contains("RouteSettings") ? api_props["RouteSettings"] : Json::object();
  if (!settings.is_object())
    return ResourceError(api_id, "Property 'RouteSettings' should be a map.");
  Json event_settings = props.contains("RouteSettings") ? props["RouteSettings"] : Json::object();
  if (!condition.is_null())
    event_settings = MakeConditional(condition.get<std::string>(), std::move(event_settings));
  if (!event_settings.is_object())
    return EventError(event_id, "Property 'RouteSettings' should be a map.");
  if (!settings.contains(route))
    settings[route] = Json::object();
  if (settings[route].is_object()) {
    for (auto it = event_settings.begin(); it != event_settings.end(); ++it)
      settings[route][it.key()] = it.value();
  }
  api_props["RouteSettings"] = std::move(settings);
  return Ok();
}

Status Plugin::ProcessEvent(const std::string& function_id, const std::string& type_name,
                            const std::string& event_id, Json& event) {
  if (event.contains("Properties") && !event["Properties"].is_object())
    return EventError(event_id, "Properties should be a map.");
  if (!event.contains("Properties") || event["Properties"].empty())
    event["Properties"] = Json::object();
  AddTagsToImplicitApi(event["Properties"], function_id, type_name);
  Json& props = event["Properties"];
  if (!props.contains("ApiId"))
    props["ApiId"] = Ref(kImplicitId);
  const Json* path = Get(props, "Path");
  const Json* method = Get(props, "Method");
  if (!Truthy(path) && !Truthy(method)) {
    props["Path"] = OpenApiEditor::kDefaultPath;
    props["Method"] = OpenApiEditor::kAnyMethod;
    ctx.default_http_routes.emplace(function_id, event_id);
  }
  // _validate_api_event
  const Json& api_ref = props["ApiId"];
  Json api_id = IsIntrinsic(api_ref, "Ref") ? api_ref["Ref"] : api_ref;
  path = Get(props, "Path");
  method = Get(props, "Method");
  if (path == nullptr || path->is_null())
    return EventError(event_id, "Property 'Path' is required.");
  if (method == nullptr || method->is_null())
    return EventError(event_id, "Property 'Method' is required.");
  if (!api_id.is_string())
    return EventError(event_id, "Property 'ApiId' should be a string.");
  if (!path->is_string())
    return EventError(event_id, "Property 'Path' should be a string.");
  if (!method->is_string())
    return EventError(event_id, "Property 'Method' should be a string.");

  const Json& fn = Resources()[function_id];
  auto attribute = [&](const char* name) {
    const Json* v = Get(fn, name);
    return v != nullptr ? *v : Json();
  };
  Json condition = attribute("Condition");
  std::string api = api_id.get<std::string>();
  conditions[api][path->get<std::string>()][method->get<std::string>()] = condition;
  deletion_policies[api].push_back(attribute("DeletionPolicy"));
  update_replace_policies[api].push_back(attribute("UpdateReplacePolicy"));

  Json props_copy = props;
  SAM_TRY(AddApiToSwagger(event_id, props_copy));
  if (props_copy.contains("RouteSettings"))
    SAM_TRY(AddRouteSettings(event_id, props_copy, Truthy(condition) ? condition : Json()));
  return Ok();
}

Status Plugin::ProcessEvents(const std::string& function_id, const std::string& type_name) {
  Json& fn = Resources()[function_id];
  Json* props = GetMut(fn, "Properties");
  if (props == nullptr || !props->is_object())
    return Ok();
  Json* events = GetMut(*props, "Events");
  if (events == nullptr || !events->is_object())
    return Ok();
  std::vector<std::string> ids;
  for (auto it = events->begin(); it != events->end(); ++it) {
    const Json* type = Get(it.value(), "Type");
    if (Truthy(it.value()) && it.value().is_object() && type != nullptr && *type == "HttpApi")
      ids.push_back(it.key());
  }
  for (const std::string& id : ids) {
    // Re-find: earlier events may have grown the template (ordered maps move on insert).
    Json& event = Resources()[function_id]["Properties"]["Events"][id];
    SAM_TRY(ProcessEvent(function_id, type_name, id, event));
  }
  return Ok();
}

void Plugin::AddConditionToImplicitApi() {
  auto found = conditions.find(kImplicitId);
  if (found == conditions.end() || found->second.empty())
    return;
  std::vector<const Json*> all;
  for (const auto& [path, methods] : found->second) {
    for (const auto& [method, condition] : methods)
      all.push_back(&condition);
  }
  std::optional<std::set<std::string>> set = AllConditional(all);
  if (!set.has_value())
    return;
  Json* api = Resource(kImplicitId);
  if (api == nullptr)
    return;
  if (set->size() == 1) {
    (*api)["Condition"] = *set->begin();
  } else {
    (*api)["Condition"] = kImplicitCondition;
    AddCombinedCondition(input, kImplicitCondition, *set);
  }
}

void Plugin::AddPoliciesToImplicitApi() {
  auto pick = [&](const std::vector<Json>& policies,
                  std::initializer_list<const char*> preference) -> std::string {
    bool any = false;
    std::set<std::string> seen;
    for (const Json& p : policies) {
      if (Truthy(p)) {
        any = true;
        if (p.is_string())
          seen.insert(p.get<std::string>());
      }
    }
    if (!any)
      return "";
    for (const char* value : preference) {
      if (seen.count(value) > 0)
        return value;
    }
    return "";
  };
  if (auto it = deletion_policies.find(kImplicitId); it != deletion_policies.end()) {
    std::string policy = pick(it->second, {"Retain", "Delete"});
    if (!policy.empty() && Resource(kImplicitId) != nullptr)
      (*Resource(kImplicitId))["DeletionPolicy"] = policy;
  }
  if (auto it = update_replace_policies.find(kImplicitId); it != update_replace_policies.end()) {
    std::string policy = pick(it->second, {"Retain", "Snapshot", "Delete"});
    if (!policy.empty() && Resource(kImplicitId) != nullptr)
      (*Resource(kImplicitId))["UpdateReplacePolicy"] = policy;
  }
}

Status Plugin::AddConditionsToPaths() {
  std::vector<std::string> apis;
  for (auto it = Resources().begin(); it != Resources().end(); ++it) {
    const Json* type = Get(it.value(), "Type");
    if (IsValidSamResource(it.value()) && *type == kHttpApiType)
      apis.push_back(it.key());
  }
  for (const std::string& api_id : apis) {
    Json* props = GetMut(Resources()[api_id], "Properties");
    if (props == nullptr || !Truthy(Get(*props, kManage)))
      continue;
    OpenApiEditor editor;
    SAM_TRY(OpenApiEditor::Open(Get(*props, "DefinitionBody"), &editor));
    for (const std::string& path : editor.Paths()) {
      std::vector<const Json*> all;
      for (const auto& [method, condition] : conditions[api_id][path])
        all.push_back(&condition);
      std::optional<std::set<std::string>> set = AllConditional(all);
      if (!set.has_value())
        continue;
      if (set->size() == 1) {
        editor.MakePathConditional(path, *set->begin());
      } else {
        std::string name = api_id;
        for (char c : path) {
          if (c == '/')
            name += "SLASH";
          else if (c == '{')
            name += "OB";
          else if (c == '}')
            name += "CB";
          else
            name += c;
        }
        name += "PathCondition";
        AddCombinedCondition(input, name, *set);
        editor.MakePathConditional(path, name);
      }
    }
    props = GetMut(Resources()[api_id], "Properties");
    (*props)["DefinitionBody"] = editor.Document();
  }
  return Ok();
}

// DefaultDefinitionBodyPlugin, HttpApi part.
void AddDefaultDefinitionBodies(Json& resources) {
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    Json& resource = it.value();
    if (!IsValidSamResource(resource) || resource["Type"] != kHttpApiType)
      continue;
    if (!resource.contains("Properties"))
      resource["Properties"] = Json::object();
    Json& props = resource["Properties"];
    if (!props.is_object() || Truthy(Get(props, "DefinitionBody")) ||
        Truthy(Get(props, "DefinitionUri")))
      continue;
    props["DefinitionBody"] = OpenApiEditor::Skeleton();
    props[kManage] = true;
  }
}

}  // namespace

Status PrepareHttpApis(Json& input, Context& ctx, std::vector<Error>* errors) {
  SAM_TRY(CheckConditions(input["Resources"]));
  AddDefaultDefinitionBodies(input["Resources"]);

  Plugin plugin{input, ctx, {}, {}, {}};
  Json& resources = input["Resources"];
  std::optional<Json> existing;
  if (const Json* r = Get(resources, kImplicitId))
    existing = *r;
  Json implicit = Json::object();
  implicit["Type"] = kHttpApiType;
  implicit["Properties"] = Json{{"DefinitionBody", OpenApiEditor::Skeleton()}, {kManage, true}};
  resources[kImplicitId] = std::move(implicit);

  std::vector<std::pair<std::string, std::string>> functions;
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (!IsValidSamResource(it.value()))
      continue;
    const Json& type = it.value()["Type"];
    if (type == "AWS::Serverless::Function")
      functions.emplace_back(it.key(), "Function");
    else if (type == "AWS::Serverless::StateMachine")
      functions.emplace_back(it.key(), "StateMachine");
  }
  for (const auto& [id, type_name] : functions) {
    Status st = plugin.ProcessEvents(id, type_name);
    if (st.ok())
      continue;
    if (st.error().kind != ErrorKind::kEvent)
      return st;
    errors->push_back(
        ResourceError(id, st.error().Message(), {"Properties", "Events", st.error().id}));
  }
  plugin.AddConditionToImplicitApi();
  plugin.AddPoliciesToImplicitApi();
  SAM_TRY(plugin.AddConditionsToPaths());

  const Json& body = input["Resources"][kImplicitId]["Properties"]["DefinitionBody"];
  bool removed = false;
  if (body["paths"].empty()) {
    if (existing.has_value()) {
      input["Resources"][kImplicitId] = std::move(*existing);
    } else {
      input["Resources"].erase(kImplicitId);
      removed = true;
    }
  }
  // With a REST API the reference iterates Resources as a Python 2.7 dict, which now holds
  // ServerlessHttpApi too (unless it was taken out again).
  if (ctx.rest_apis != nullptr && ctx.rest_apis->py27 && !ctx.resource_order.empty()) {
    Py27Keys& keys = ctx.rest_apis->resource_keys;
    keys.Add(kImplicitId);
    if (removed)
      keys.Remove(kImplicitId);
    ctx.resource_order.clear();
    for (const std::string* k : keys.Order())
      ctx.resource_order.push_back(*k);
  }
  return Ok();
}

}  // namespace cfnx::sam
