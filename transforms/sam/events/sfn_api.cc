// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The StateMachine `Api` event (the reference's stepfunctions.events.Api): a role API Gateway
// assumes to call StartExecution, and, on a SAM-managed Swagger (the implicit
// ServerlessRestApi, an AWS::Serverless::Api without DefinitionBody), the path and method with
// an `aws` integration to states:StartExecution whose request template passes the request as
// the execution input, plus the event's Auth.

#include <algorithm>

#include "transforms/sam/api_auth.h"
#include "transforms/sam/events/sfn_event.h"
#include "transforms/sam/rest_api.h"
#include "transforms/sam/swagger_editor.h"

namespace cfnx::sam {
namespace {

PyValue PlainSub(const std::string& text) {
  PyValue sub = PyValue::Dict(false);
  sub.Set("Fn::Sub", PyValue::Str(text));
  return sub;
}

PyValue PlainGetAtt(const std::string& logical_id, const std::string& attribute) {
  PyValue args = PyValue::List();
  args.Append(PyValue::Str(logical_id));
  args.Append(PyValue::Str(attribute));
  PyValue get_att = PyValue::Dict(false);
  get_att.Set("Fn::GetAtt", std::move(args));
  return get_att;
}

// _generate_request_template / _generate_request_template_unescaped.
PyValue RequestTemplate(const std::string& target_id, bool unescape) {
  std::string text;
  if (unescape) {
    // escapeJavaScript escapes single quotes, which JSON does not allow: undo it.
    text = R"js({"input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\'","'")", )js"
           R"js("stateMachineArn": "${)js" +
           target_id + R"js(}"})js";
  } else {
    // json.dumps of {"input": ..., "stateMachineArn": ...}
    text = R"js({"input": "$util.escapeJavaScript($input.json('$'))", "stateMachineArn": "${)js" +
           target_id + R"js(}"})js";
  }
  PyValue templates = PyValue::Dict(false);
  templates.Set("application/json", PlainSub(text));
  return templates;
}

// SwaggerEditor.add_state_machine_integration.
Status AddStateMachineIntegration(SwaggerEditor& editor, const std::string& path,
                                  const PyValue& method, const PyValue& uri,
                                  const PyValue& credentials, const PyValue& request_templates,
                                  const PyValue* condition) {
  PyValue m = SwaggerEditor::NormalizeMethod(method);
  const std::string mt = m.str();
  bool has = false;
  SAM_TRY(editor.HasIntegration(path, m, &has));
  if (has)
    return DocumentError("Integration already exists on Path=" + path + ", Method=" + mt);
  SAM_TRY(editor.AddPath(PyValue::Key{path, true}, m));
  PyValue integration_uri = condition != nullptr ? MakeConditional(*condition, uri) : uri;
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(editor.paths()->GetMut(path), &items));
  for (PyValue* item : items) {
    if (!item->is_dict()) {
      return DocumentError("Value of '" + path +
                           "' path must be a dictionary according to Swagger spec.");
    }
    PyValue* def = item->GetMut(mt);
    PyValue responses = PyValue::Dict(true);
    for (const char* code : {"200", "400"}) {
      PyValue status = PyValue::Dict(true);
      status.Set("statusCode", PyValue::Str(code));
      responses.Set(code, std::move(status));
    }
    PyValue method_responses = PyValue::Dict(true);
    for (auto [code, description] : {std::pair{"200", "OK"}, std::pair{"400", "Bad Request"}}) {
      PyValue entry = PyValue::Dict(true);
      entry.Set("description", PyValue::Str(description));
      method_responses.Set(code, std::move(entry));
    }
    PyValue& integ = def->Set(kXIntegration, PyValue::Dict(true));
    integ.Set("type", PyValue::Str("aws"));
    integ.Set("httpMethod", PyValue::Str("POST"));
    integ.Set("uri", integration_uri);
    integ.Set("responses", std::move(responses));
    integ.Set("credentials", credentials);
    if (request_templates.Truthy())
      integ.Set("requestTemplates", request_templates);
    // (`integ` may move once the method gets another key.)
    def->SetDefault(PyValue::Key{"responses", false}, std::move(method_responses));
    if (condition != nullptr) {
      PyValue wrapped = MakeConditional(*condition, *def);
      *def = std::move(wrapped);
    }
  }
  return Ok();
}

}  // namespace

Status TranslateStateMachineApi(const EventSource& event, const StateMachineTarget& target,
                                Context& ctx, GeneratedList* out) {
  const Json& p = event.properties;
  std::string method = p["Method"].is_string() ? p["Method"].get<std::string>() : "";
  std::transform(method.begin(), method.end(), method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

  // _construct_role(resource, permissions_boundary, prefix=None).
  std::string role_id = event.logical_id + "Role";
  Json role = NewResource("AWS::IAM::Role", target.state_machine->PassthroughAttributes());
  Json& rp = role["Properties"];
  rp["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("apigateway.amazonaws.com");
  rp["Policies"] = Json::array({Json{
      {"PolicyName", role_id + "StartExecutionPolicy"},
      {"PolicyDocument", Json{{"Statement", Json::array({Json{{"Action", "states:StartExecution"},
                                                              {"Effect", "Allow"},
                                                              {"Resource", target.Arn()}}})}}}}});
  if (Truthy(target.permissions_boundary))
    rp["PermissionsBoundary"] = *target.permissions_boundary;
  out->push_back(Generated{role_id, std::move(role)});

  Json api_id_json = RestApiIdString(Get(p, "RestApiId"));
  if (!api_id_json.is_string())
    return Ok();
  const std::string api_id = api_id_json.get<std::string>();
  const Json* resources = Get(*ctx.input, "Resources");
  const Json* api = resources != nullptr ? Get(*resources, api_id) : nullptr;
  const Json* api_props = api != nullptr ? Get(*api, "Properties") : nullptr;
  if (api_props == nullptr || !Truthy(Get(*api_props, "__MANAGE_SWAGGER")))
    return Ok();
  PyValue* body = RestApiBody(ctx, api_id);
  if (body == nullptr)
    return Ok();

  const std::string path = p["Path"].get<std::string>();
  SwaggerEditor editor;
  SAM_TRY(SwaggerEditor::Create(body, &editor));
  bool has = false;
  SAM_TRY(editor.HasIntegration(path, PyValue::Str(method, true), &has));
  if (has) {
    return EventError(event.id, "API method \"" + method + "\" defined multiple times for path \"" +
                                    path + "\".");
  }
  std::optional<PyValue> condition;
  if (const Json* c = Get(*target.state_machine->dict, "Condition"); c != nullptr)
    condition = PyValue::FromJson(*c, true);
  PyValue uri =
      PlainSub("arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution");
  SAM_TRY(AddStateMachineIntegration(
      editor, path, PyValue::Str(method, true), uri, PlainGetAtt(role_id, "Arn"),
      RequestTemplate(target.target_id, Truthy(Get(p, "UnescapeMappingTemplate"))),
      condition.has_value() && condition->Truthy() ? &*condition : nullptr));
  if (const Json* auth = Get(p, "Auth"); Truthy(auth)) {
    const Json* stage = Get(p, "Stage");
    PyValue stage_value = stage != nullptr && stage->is_string()
                              ? PyValue::Str(stage->get<std::string>(), true)
                              : PyValue::None();
    SAM_TRY(AddEventAuthToSwagger(event, *auth, *api_props, api_id, method, path, stage_value, ctx,
                                  editor));
  }
  *body = editor.Swagger();
  return Ok();
}

}  // namespace cfnx::sam
