// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Function event `HttpApi`, as the reference's HttpApi event source
// (samtranslator/model/eventsources/push.py): the permission for API Gateway to call the
// function, and the route's Lambda integration (with Auth, TimeoutInMillis, path parameters and
// PayloadFormatVersion) in the API's OpenAPI body. The API resource in the input template is
// edited in place; the API is translated after every function, as in the reference.

#include "transforms/sam/http_api.h"

#include <set>
#include <string>
#include <vector>

#include "transforms/sam/open_api.h"
#include "transforms/sam/rest_api.h"

namespace cfnx::sam {
namespace {

// re.findall("{(.*?)}", path)
std::vector<std::string> PathParameters(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t open = path.find('{', pos);
    if (open == std::string::npos)
      break;
    size_t close = path.find_first_of("}\n", open + 1);
    if (close == std::string::npos || path[close] == '\n') {
      pos = open + 1;
      continue;
    }
    out.push_back(path.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  return out;
}

// What the reference's OpenApiEditor wrote, in its Python types: dicts are Py27Dicts whose keys
// and strings print as '...' (the editor's constants), except the strings it copied from the
// template (`from_template`: the event's Path, Method, authorizer names and scopes, ...), which are
// Py27UniStrs and print as u'...'.
PyValue Written(const Json& value, const std::set<std::string>& from_template) {
  if (value.is_object()) {
    PyValue dict = PyValue::Dict(true);
    for (auto it = value.begin(); it != value.end(); ++it)
      dict.Set(PyValue::Key{it.key(), from_template.contains(it.key())},
               Written(it.value(), from_template));
    return dict;
  }
  if (value.is_array()) {
    PyValue list = PyValue::List();
    for (const Json& item : value)
      list.Append(Written(item, from_template));
    return list;
  }
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    return PyValue::Str(text, from_template.contains(text));
  }
  return PyValue::FromJson(value, false);
}

// `after` (the document the editor returned) in the Python types of `before` (the body as the
// reference held it): what was there keeps its types and its place in each dict's table, what
// the editor added is Written().
PyValue Retyped(const PyValue& before, const Json& after,
                const std::set<std::string>& from_template) {
  if (before.is_dict() && after.is_object()) {
    PyValue out = before;
    for (auto it = after.begin(); it != after.end(); ++it) {
      const PyValue* old = before.Get(it.key());
      if (old == nullptr) {
        out.Set(PyValue::Key{it.key(), from_template.contains(it.key())},
                Written(it.value(), from_template));
        continue;
      }
      PyValue::Key key{it.key(), false};
      for (const PyValue::Entry* e : before.Entries()) {
        if (e->first.text == it.key())
          key = e->first;
      }
      out.Set(key, Retyped(*old, it.value(), from_template));
    }
    return out;
  }
  if (before.is_list() && after.is_array()) {
    PyValue out = PyValue::List();
    for (size_t i = 0; i < after.size(); ++i) {
      out.Append(i < before.items().size() ? Retyped(before.items()[i], after[i], from_template)
                                           : Written(after[i], from_template));
    }
    return out;
  }
  if (before.is_str() && after.is_string() && before.str() == after.get_ref<const std::string&>())
    return before;
  if (!before.is_dict() && !before.is_list() && !before.is_str() && before.ToJson() == after &&
      after.is_primitive())
    return before;
  return Written(after, from_template);
}

struct HttpApiEvent {
  const EventSource& event;
  const FunctionInfo& fn;
  Context& ctx;
  std::string path;
  std::string method;  // lower-cased
  std::string api_id;  // the API's logical id
  Json api_ref;        // ApiId as written (or the implicit API's Ref)

  Json* ApiProperties() {
    Json& api = (*ctx.input)["Resources"][api_id];
    if (!api.contains("Properties"))
      api["Properties"] = Json::object();
    return &api["Properties"];
  }

  Status Permission(GeneratedList* out);
  Status Integration();
  Status AddAuth(OpenApiEditor& editor, Json& auth);
  std::set<std::string> TemplateStrings(const Json& auth) const;
};

// The strings HttpApi.to_cloudformation copies from the template into the document it edits
// (Py27UniStrs once the template has REST APIs): the event's Path and Method (unless the
// ImplicitHttpApi plugin supplied `$default` and the ANY method, or the editor normalized "any"),
// the integration URI's Fn::Sub text (built from the function's logical id; not for an alias),
// the authorizer's name and scopes, the payload format version and the path parameter names.
std::set<std::string> HttpApiEvent::TemplateStrings(const Json& auth) const {
  std::set<std::string> out;
  const Json& props = event.properties;
  if (!ctx.default_http_routes.contains({fn.logical_id, event.id})) {
    out.insert(path);
    if (method != "any")
      out.insert(method);
  }
  if (fn.alias_id.empty()) {
    out.insert(
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/"
        "functions/${" +
        fn.logical_id + ".Arn}/invocations");
  }
  if (const Json* name = Get(auth, "Authorizer"); name != nullptr && name->is_string())
    out.insert(name->get<std::string>());
  if (const Json* scopes = Get(auth, "AuthorizationScopes");
      scopes != nullptr && scopes->is_array()) {
    for (const Json& scope : *scopes) {
      if (scope.is_string())
        out.insert(scope.get<std::string>());
    }
  }
  if (const Json* version = Get(props, "PayloadFormatVersion");
      version != nullptr && version->is_string())
    out.insert(version->get<std::string>());
  for (const std::string& p : PathParameters(path))
    out.insert(p);
  return out;
}

Status HttpApiEvent::Permission(GeneratedList* out) {
  std::string p = path;
  if (p.size() > 1 && p.back() == '/')
    p.pop_back();
  const Json* body = Get(*ApiProperties(), "DefinitionBody");
  OpenApiEditor editor;
  bool have_editor = false;
  if (Truthy(body)) {
    Status st = OpenApiEditor::Open(body, &editor);
    if (!st.ok()) {
      std::string id = IsIntrinsic(api_ref, "Ref") ? PyStr(api_ref["Ref"]) : PyStr(api_ref);
      return ResourceError(id, st.error().Message());
    }
    have_editor = true;
  }
  if (p == OpenApiEditor::kDefaultPath) {
    p = "";
  } else if (have_editor) {
    bool covered = false;
    SAM_TRY(editor.IntegrationFunctionMatches(OpenApiEditor::kDefaultPath,
                                              OpenApiEditor::kAnyMethod, fn.TargetId(), &covered));
    if (covered)
      return Ok();
  }
  p = OpenApiEditor::PathWithoutParameters(p);
  std::string m = method == "any" || method == OpenApiEditor::kAnyMethod ? "*" : method;
  if (m != "*") {
    for (char& c : m) {
      if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    }
  }
  std::string resource = "${__ApiId__}/${__Stage__}";
  if (method == "any" && p == "/$default")
    resource += p;
  else
    resource += "/" + m + p;
  Json source_arn =
      Json{{"Fn::Sub",
            Json::array(
                {"arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:" + resource,
                 Json{{"__ApiId__", api_ref}, {"__Stage__", "*"}}})}};
  out->push_back(MakePermission(event, fn, "", "apigateway.amazonaws.com", &source_arn));
  return Ok();
}

Status HttpApiEvent::AddAuth(OpenApiEditor& editor, Json& auth) {
  const Json* api_props = ApiProperties();
  Json api_auth = api_props->contains("Auth") ? (*api_props)["Auth"] : Json::object();
  if (!api_auth.is_object())
    return ResourceError(api_id, "Property 'Auth' should be a map.");
  Json authorizer = auth.contains("Authorizer") ? auth["Authorizer"] : Json();
  if (!Truthy(authorizer)) {
    const Json* def = Get(api_auth, "DefaultAuthorizer");
    if (!Truthy(def)) {
      return EventError(event.id,
                        "'Auth' section requires either an explicit 'Authorizer' set or a "
                        "'DefaultAuthorizer' configured on the HttpApi.");
    }
    auth["Authorizer"] = *def;
    authorizer = *def;
  }
  // `api_auth and ...`: an empty Auth leaves both falsy.
  const Json* authorizers = Truthy(api_auth) ? Get(api_auth, "Authorizers") : nullptr;
  const Json* iam = Truthy(api_auth) ? Get(api_auth, "EnableIamAuthorizer") : nullptr;
  bool iam_enabled = iam != nullptr && *iam == true;
  Json empty_authorizers = Json::object();
  if (!Truthy(api_auth))
    authorizers = &empty_authorizers;  // the falsy {} itself
  const std::string where = "on API method [" + method + "] for path [" + path + "]";
  const std::string name = PyStr(authorizer);
  bool is_none = authorizer == "NONE";
  bool is_iam = authorizer == "AWS_IAM";
  // _check_valid_authorizer_types
  if (!is_none && !(is_iam && iam_enabled)) {
    if (!authorizer.is_string() || authorizers == nullptr || !authorizers->is_object()) {
      return EventError(event.id,
                        "Unable to set Authorizer [" + name + "] " + where +
                            ". The method authorizer must be a string with a corresponding dict "
                            "entry in the api authorizer.");
    }
  }
  if (is_none) {
    if (!Truthy(Get(api_auth, "DefaultAuthorizer"))) {
      return EventError(event.id, "Unable to set Authorizer " + where +
                                      " because 'NONE' is only a valid value when a "
                                      "DefaultAuthorizer on the API is specified.");
    }
  } else if (!is_iam || !iam_enabled) {
    if (!Truthy(authorizers)) {
      return EventError(event.id, "Unable to set Authorizer [" + name + "] " + where +
                                      " because the related API does not define any "
                                      "Authorizers.");
    }
    if (!Truthy(Get(*authorizers, name))) {
      return EventError(event.id, "Unable to set Authorizer [" + name + "] " + where +
                                      " because it wasn't defined in the API's Authorizers.");
    }
  }
  const Json* scopes = Get(auth, "AuthorizationScopes");
  if (Truthy(scopes) && !scopes->is_array()) {
    return EventError(event.id, "Unable to set Authorizer " + where +
                                    " because 'AuthorizationScopes' must be a list of strings.");
  }
  const Json* raw_auth = Get(*api_props, "Auth");
  const Json* raw_authorizers =
      Truthy(raw_auth) && raw_auth->is_object() ? Get(*raw_auth, "Authorizers") : nullptr;
  return editor.AddAuthToMethod(path, method, auth, raw_authorizers);
}

Status HttpApiEvent::Integration() {
  Json* api_props = ApiProperties();
  const Json* body = Get(*api_props, "DefinitionBody");
  if (body == nullptr || body->is_null())
    return Ok();
  bool manage = Truthy(Get(*api_props, "__MANAGE_SWAGGER"));
  std::string target = fn.alias_id.empty() ? fn.logical_id + ".Arn" : fn.alias_id;
  Json uri =
      Sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/"
          "functions/${" +
          target + "}/invocations");
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(body, &editor));
  if (manage) {
    bool has = false;
    SAM_TRY(editor.HasIntegration(path, method, &has));
    if (has) {
      return EventError(
          event.id, "API method '" + method + "' defined multiple times for path '" + path + "'.");
    }
  }
  const Json* condition = Get(*fn.function->dict, "Condition");
  SAM_TRY(editor.AddLambdaIntegration(
      path, method, uri,
      Truthy(condition) && condition->is_string() ? condition->get<std::string>() : std::string()));
  const Json& props = event.properties;
  Json auth;
  if (Truthy(Get(props, "Auth"))) {
    // The event's Auth as the reference holds it: a DefaultAuthorizer fills in Authorizer.
    auth = props["Auth"];
    SAM_TRY(AddAuth(editor, auth));
  }
  if (const Json* timeout = Get(props, "TimeoutInMillis"); Truthy(timeout))
    SAM_TRY(editor.AddTimeout(path, method, *timeout));
  std::vector<std::string> parameters = PathParameters(path);
  if (!parameters.empty())
    SAM_TRY(editor.AddPathParameters(path, method, parameters));
  if (const Json* version = Get(props, "PayloadFormatVersion"); Truthy(version))
    SAM_TRY(editor.AddPayloadFormatVersion(path, method, *version));
  // On a REST API (AWS::Serverless::Api) the document is also the one whose Python str() the
  // Deployment's logical id hashes: keep the body the REST API is translated from in the types
  // the reference's editor gave each part (OpenApiEditor deep-copies the document on the way in
  // and on the way out).
  const Json* api_type = Get((*ctx.input)["Resources"][api_id], "Type");
  if (api_type != nullptr && *api_type == "AWS::Serverless::Api") {
    if (PyValue* stored = RestApiBody(ctx, api_id); stored != nullptr)
      *stored = Retyped(stored->DeepCopy(), editor.Document(), TemplateStrings(auth)).DeepCopy();
  }
  api_props = ApiProperties();
  (*api_props)["DefinitionBody"] = editor.Document();
  return Ok();
}

}  // namespace

std::vector<PropertySpec> HttpApiEventSpecs(const std::string& /*type*/) {
  return {{"Path", PropType::kString},        {"Method", PropType::kString},
          {"ApiId", PropType::kString},       {"Stage", PropType::kString},
          {"Auth", PropType::kDict},          {"TimeoutInMillis", PropType::kInt},
          {"RouteSettings", PropType::kDict}, {"PayloadFormatVersion", PropType::kString}};
}

Status TranslateHttpApiEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                             GeneratedList* out) {
  const Json& props = event.properties;
  HttpApiEvent e{event, fn, ctx, "", "", "", Json()};
  e.path = PyStr(props.contains("Path") ? props["Path"] : Json());
  e.method = PyStr(props.contains("Method") ? props["Method"] : Json());
  for (char& c : e.method) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  e.api_ref = props.contains("ApiId") ? props["ApiId"] : Json();
  Json id = IsIntrinsic(e.api_ref, "Ref") ? e.api_ref["Ref"] : e.api_ref;
  e.api_id = PyStr(id);
  if (!id.is_string() || !Get((*ctx.input)["Resources"], e.api_id)) {
    return EventError(event.id,
                      "ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource "
                      "in same template.");
  }
  SAM_TRY(e.Permission(out));
  return e.Integration();
}

}  // namespace cfnx::sam
