// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Function `Api` event (the reference's push.Api): the Lambda permission for API Gateway,
// and, on a SAM-managed Swagger (implicit API, DefinitionBody-less API, MergeDefinitions), the
// aws_proxy integration with the event's Auth, TimeoutInMillis, RequestModel and
// RequestParameters.

#include <algorithm>
#include <cctype>

#include "re2/re2.h"

#include "transforms/sam/api_auth.h"
#include "transforms/sam/rest_api.h"
#include "engine/base/sha1.h"
#include "transforms/sam/swagger_editor.h"

namespace cfnx::sam {

Json RestApiIdString(const Json* raw) {
  if (raw == nullptr)
    return Json();
  if (raw->is_object() && raw->contains("Ref"))
    return (*raw)["Ref"];
  return *raw;
}

namespace {

const Json* ApiProperties(Context& ctx, const std::string& api_id) {
  const Json* resources = Get(*ctx.input, "Resources");
  const Json* api = resources != nullptr ? Get(*resources, api_id) : nullptr;
  return api != nullptr ? Get(*api, "Properties") : nullptr;
}

// The stage suffix resources_to_link_for_rest_api finds (a template string or a literal).
PyValue StageSuffix(const EventSource& event, Context& ctx) {
  Json api_id = RestApiIdString(Get(event.properties, "RestApiId"));
  if (!api_id.is_string())
    return PyValue::Str("AllStages");
  const std::string id = api_id.get<std::string>();
  const Json* props = ApiProperties(ctx, id);
  const Json* stage = props != nullptr ? Get(*props, "StageName") : nullptr;
  if (stage != nullptr && stage->is_string()) {
    bool from_template = !(id == kImplicitRestApiId && RestApis(ctx).implicit_created);
    return PyValue::Str(stage->get<std::string>(), from_template);
  }
  return PyValue::Str("Stage");
}

Status CheckRequestParameters(const EventSource& event, const Json& params,
                              std::vector<PyValue>* out) {
  static const re2::RE2 kRe(R"(method\.request\.(querystring|path|header)\.)");
  const std::string kFormat =
      "Invalid value for 'RequestParameters' property. Keys must be in the format "
      "'method.request.[querystring|path|header].{value}', e.g "
      "'method.request.header.Authorization'.";
  for (const Json& p : params) {
    PyValue settings = PyValue::Dict(false);
    settings.Set("Required", PyValue::Bool(false));
    settings.Set("Caching", PyValue::Bool(false));
    if (p.is_object() && !p.empty()) {
      const std::string& name = p.begin().key();
      const Json& value = p.begin().value();
      if (!re2::RE2::PartialMatch(name, "^" + kRe.pattern()))
        return EventError(event.id, kFormat);
      bool ok = value.is_object();
      if (ok) {
        for (auto it = value.begin(); it != value.end(); ++it) {
          if (it.key() != "Required" && it.key() != "Caching")
            ok = false;
        }
      }
      if (!ok) {
        return EventError(event.id,
                          "Invalid value for 'RequestParameters' property. Values must be an "
                          "object, e.g { Required: true, Caching: false }");
      }
      PyValue v = PyValue::FromJson(value, true);
      for (const PyValue::Entry* e : v.Entries())
        settings.Set(e->first.text, e->second);
      settings.Set("Name", PyValue::Str(name, true));
    } else if (p.is_string()) {
      if (!re2::RE2::PartialMatch(p.get<std::string>(), "^" + kRe.pattern()))
        return EventError(event.id, kFormat);
      settings.Set("Name", PyValue::Str(p.get<std::string>(), true));
    } else {
      return EventError(event.id,
                        "Invalid value for 'RequestParameters' property. Property must be either "
                        "a string or an object");
    }
    out->push_back(std::move(settings));
  }
  return Ok();
}

Status AddRequestModel(const EventSource& event, const Json& api_props, const Json& model_json,
                       const std::string& method, const std::string& path, SwaggerEditor& editor) {
  if (!model_json.is_object())
    return EventError(event.id, "Property 'RequestModel' should be a map.");
  const Json* model = Get(model_json, "Model");
  if (!Truthy(model))
    return Ok();
  std::string shown = PyStr(*model);
  std::string prefix = "Unable to set RequestModel [" + shown + "] on API method [" + method +
                       "] for path [" + path + "] because ";
  const Json* models = Get(api_props, "Models");
  if (!Truthy(models))
    return EventError(event.id, prefix + "the related API does not define any Models.");
  if (!IsIntrinsic(*models) && !models->is_object())
    return EventError(event.id, prefix + "the related API Models defined is of invalid type.");
  if (!model->is_string())
    return EventError(event.id, prefix + "the related API does not contain valid Models.");
  if (!Truthy(Get(*models, model->get<std::string>())))
    return EventError(event.id, prefix + "it wasn't defined in the API's Models.");
  SAM_TRY(editor.AddRequestModel(path, PyValue::Str(method, true),
                                 PyValue::FromJson(model_json, true)));
  const Json* body = Get(model_json, "ValidateBody");
  const Json* params = Get(model_json, "ValidateParameters");
  if ((body != nullptr && !body->is_null()) || (params != nullptr && !params->is_null())) {
    Json b = body != nullptr && !body->is_null() ? *body : Json(false);
    Json p = params != nullptr && !params->is_null() ? *params : Json(false);
    if (!b.is_boolean() || !p.is_boolean()) {
      return EventError(event.id,
                        "Unable to set Validator to RequestModel [" + shown + "] on API method [" +
                            method + "] for path [" + path +
                            "] ValidateBody and ValidateParameters must be a boolean type, "
                            "strings or intrinsics are not supported.");
    }
    SAM_TRY(
        editor.AddRequestValidator(path, PyValue::Str(method, true), b.get<bool>(), p.get<bool>()));
  }
  return Ok();
}

}  // namespace

std::vector<PropertySpec> ApiEventSpecs(const std::string&) {
  return {{"Path", PropType::kString, true},
          {"Method", PropType::kString, true},
          {"RestApiId", PropType::kString, true},
          {"Stage", PropType::kString},
          {"Auth", PropType::kDict},
          {"RequestModel", PropType::kDict},
          {"RequestParameters", PropType::kList},
          {"TimeoutInMillis", PropType::kInt},
          {"ResponseTransferMode", PropType::kString}};
}

Status LinkApi(const EventSource& event, Context& ctx) {
  Json api_id = RestApiIdString(Get(event.properties, "RestApiId"));
  if (!api_id.is_string())
    return Ok();
  const std::string id = api_id.get<std::string>();
  const Json* resources = Get(*ctx.input, "Resources");
  const Json* api = resources != nullptr ? Get(*resources, id) : nullptr;
  if (api == nullptr || !api->is_object()) {
    return EventError(event.id,
                      "RestApiId property of Api event must reference a valid resource in the "
                      "same template.");
  }
  const Json* props = Get(*api, "Properties");
  if (props != nullptr && !props->is_object())
    return ResourceError(id, "Attribute 'Properties' should be a map.");
  const Json* stage = props != nullptr ? Get(*props, "StageName") : nullptr;
  if (stage != nullptr && stage->is_string() && stage->get<std::string>().empty())
    return ResourceError(id, "StageName cannot be empty.");
  return Ok();
}

Status TranslateApiEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                         GeneratedList* out) {
  const Json& p = event.properties;
  std::string path = p["Path"].get<std::string>();
  std::string method = p["Method"].get<std::string>();
  std::transform(method.begin(), method.end(), method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

  // _get_permissions.
  PyValue stage_value = StageSuffix(event, ctx);
  const std::string& stage = stage_value.str();
  {
    std::string perm_path = path;
    if (perm_path.size() > 1 && perm_path.back() == '/')
      perm_path.pop_back();
    perm_path = SwaggerEditor::PathWithoutTrailingSlash(perm_path);
    std::string upper = method;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string m = method == "any" ? "*" : upper;
    Json source_arn = {
        {"Fn::Sub", Json::array({"arn:" + ctx.partition +
                                     ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/"
                                     "${__Stage__}/" +
                                     m + perm_path,
                                 Json{{"__ApiId__", p["RestApiId"]}, {"__Stage__", "*"}}})}};
    // _construct_permission: a suffix that is not alphanumeric is hashed.
    bool alnum = !stage.empty();
    for (unsigned char c : stage)
      alnum = alnum && (std::isalnum(c) || c >= 0x80);
    std::string suffix = alnum || stage.empty() ? stage : Sha1Hex(stage).substr(0, 10);
    out->push_back(
        MakePermission(event, fn, suffix, Json("apigateway.amazonaws.com"), &source_arn));
  }

  Json api_id_json = RestApiIdString(Get(p, "RestApiId"));
  if (!api_id_json.is_string())
    return Ok();
  std::string api_id = api_id_json.get<std::string>();
  const Json* api_props = ApiProperties(ctx, api_id);
  if (api_props == nullptr)
    return Ok();
  bool managed = Truthy(Get(*api_props, "__MANAGE_SWAGGER"));
  bool merge = Truthy(Get(*api_props, "MergeDefinitions"));
  const Json* auth = Get(p, "Auth");
  if (managed || merge) {
    PyValue* body = RestApiBody(ctx, api_id);
    if (body != nullptr) {
      PyValue skeleton = merge ? SwaggerEditor::Skeleton() : *body;
      bool stream = false;
      if (const Json* mode = Get(p, "ResponseTransferMode");
          mode != nullptr && *mode == "RESPONSE_STREAM")
        stream = true;
      std::string arn_ref = fn.alias_id.empty() ? fn.logical_id + ".Arn" : fn.alias_id;
      std::string arn = "arn:" + ctx.partition + ":apigateway:${AWS::Region}:lambda:path/" +
                        (stream ? "2021-11-15" : "2015-03-31") + "/functions/${" + arn_ref + "}" +
                        (stream ? "/response-streaming-invocations" : "/invocations");
      PyValue sub = PyValue::Dict(false);
      sub.Set("Fn::Sub", PyValue::Str(arn, fn.alias_id.empty()));
      PyValue uri = PyValue::Py27DictFrom(sub);

      SwaggerEditor editor;
      SAM_TRY(SwaggerEditor::Create(&skeleton, &editor));
      bool has = false;
      SAM_TRY(editor.HasIntegration(path, PyValue::Str(method, true), &has));
      if (has) {
        return EventError(event.id, "API method \"" + method +
                                        "\" defined multiple times for path \"" + path + "\".");
      }
      std::optional<PyValue> condition;
      if (const Json* c = Get(*fn.function->dict, "Condition"); c != nullptr)
        condition = PyValue::FromJson(*c, true);
      PyValue method_auth = PyValue::Dict(true);
      if (Truthy(auth)) {
        if (!auth->is_object())
          return EventError(event.id, "Property 'Auth' should be a map.");
        method_auth = PyValue::FromJson(*auth, true);
      }
      PyValue api_auth = PyValue::Dict(true);
      if (const Json* a = Get(*api_props, "Auth"); Truthy(a)) {
        if (!a->is_object())
          return ResourceError(api_id, "Property 'Auth' should be a map.");
        api_auth = PyValue::FromJson(*a, true);
      }
      SAM_TRY(editor.AddLambdaIntegration(
          PyValue::Key{path, true}, PyValue::Str(method, true), uri, method_auth, api_auth,
          condition.has_value() ? &*condition : nullptr, ctx.partition, stream));
      if (Truthy(auth)) {
        SAM_TRY(AddEventAuthToSwagger(event, *auth, *api_props, api_id, method, path, stage_value,
                                      ctx, editor));
      }
      if (const Json* timeout = Get(p, "TimeoutInMillis"); Truthy(timeout))
        SAM_TRY(
            editor.AddTimeout(path, PyValue::Str(method, true), PyValue::FromJson(*timeout, true)));
      if (const Json* model = Get(p, "RequestModel"); Truthy(model))
        SAM_TRY(AddRequestModel(event, *api_props, *model, method, path, editor));
      if (const Json* params = Get(p, "RequestParameters"); Truthy(params)) {
        std::vector<PyValue> parameters;
        SAM_TRY(CheckRequestParameters(event, *params, &parameters));
        SAM_TRY(editor.AddRequestParameters(path, PyValue::Str(method, true), parameters));
      }
      if (merge) {
        SAM_TRY(MergeDefinitions(api_id, path, method, editor, body));
      } else {
        *body = editor.Swagger();
      }
    }
  }
  const Json* body_json = Get(*api_props, "DefinitionBody");
  if (Truthy(body_json) && Truthy(auth) && auth->is_object() &&
      Truthy(Get(*auth, "OverrideApiAuth"))) {
    if (!Truthy(Get(*auth, "Authorizer")) && !Truthy(Get(*auth, "ApiKeyRequired")) &&
        !Truthy(Get(*auth, "ResourcePolicy"))) {
      return EventError(event.id,
                        "Must define one of: Authorizer, ApiKeyRequired or ResourcePolicy when "
                        "using the OverrideApiAuth property.");
    }
    PyValue* body = RestApiBody(ctx, api_id);
    SwaggerEditor editor;
    SAM_TRY(SwaggerEditor::Create(body, &editor));
    SAM_TRY(AddEventAuthToSwagger(event, *auth, *api_props, api_id, method, path, stage_value, ctx,
                                  editor));
    *body = editor.Swagger();
  }
  return Ok();
}

}  // namespace cfnx::sam
