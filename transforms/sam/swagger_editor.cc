// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/swagger_editor.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <set>

#include "re2/re2.h"

namespace cfnx::sam {
namespace {

const char kOptions[] = "options";

bool IsNoValuePy(const PyValue& v) {
  if (!v.is_dict() || v.size() != 1)
    return false;
  const PyValue* ref = v.Get("Ref");
  return ref != nullptr && ref->is_str() && ref->str() == "AWS::NoValue";
}

std::string MethodText(const PyValue& method) {
  return method.is_str() ? method.str() : method.Str();
}

Error PathNotDict(const std::string& path) {
  return DocumentError("Value of '" + path +
                       "' path must be a dictionary according to Swagger spec.");
}

PyValue TypeString(const char* type) {
  PyValue v = PyValue::Dict(false);
  v.Set("type", PyValue::Str(type));
  return v;
}

}  // namespace

PyValue PyRef(const std::string& name) {
  PyValue v = PyValue::Dict(false);
  v.Set("Ref", PyValue::Str(name));
  return v;
}

PyValue MakeConditional(const PyValue& condition, PyValue data) {
  PyValue args = PyValue::List();
  args.Append(condition);
  args.Append(std::move(data));
  args.Append(PyRef("AWS::NoValue"));
  PyValue v = PyValue::Dict(false);
  v.Set("Fn::If", std::move(args));
  return v;
}

Status ConditionalContents(PyValue* item, std::vector<PyValue*>* out) {
  out->clear();
  if (item != nullptr && item->is_dict()) {
    if (PyValue* args = item->GetMut("Fn::If")) {
      if (!args->is_list())
        return DocumentError("Value of Fn::If must be a list.");
      for (size_t i = 1; i < args->items().size(); ++i) {
        if (!IsNoValuePy(args->items()[i]))
          out->push_back(&args->items()[i]);
      }
      return Ok();
    }
  }
  out->push_back(item);
  return Ok();
}

bool SwaggerEditor::IsOpenApi3(const PyValue& version) {
  static const re2::RE2 kRe(R"(3(\.\d)(\.\d)?)");
  std::string text = version.Str();
  return re2::RE2::FullMatch(text, kRe);
}

bool SwaggerEditor::IsValid(const PyValue* doc) {
  if (doc == nullptr || !doc->is_dict() || !doc->Truthy())
    return false;
  const PyValue* paths = doc->Get("paths");
  if (paths == nullptr || !paths->is_dict())
    return false;
  if (const PyValue* s = doc->Get("swagger"); s != nullptr && s->Truthy())
    return true;
  if (const PyValue* o = doc->Get("openapi"); o != nullptr && o->Truthy())
    return IsOpenApi3(*o);
  return false;
}

PyValue SwaggerEditor::Skeleton() {
  PyValue s = PyValue::Dict(true);
  s.Set("swagger", PyValue::Str("2.0"));
  PyValue& info = s.Set("info", PyValue::Dict(true));
  info.Set("version", PyValue::Str("1.0"));
  info.Set("title", PyRef("AWS::StackName"));
  s.Set("paths", PyValue::Dict(true));
  return s;
}

PyValue SwaggerEditor::NormalizeMethod(const PyValue& method) {
  if (!method.is_str() || method.str().empty())
    return method;
  std::string lower = method.str();
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "any")
    return PyValue::Str(kXAnyMethod);
  return PyValue::Str(lower, method.py27());
}

std::string SwaggerEditor::PathWithoutTrailingSlash(const std::string& path) {
  static const re2::RE2 kRe(R"(\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\})");
  std::string out = path;
  re2::RE2::GlobalReplace(&out, kRe, "*");
  return out;
}

Status SwaggerEditor::Create(const PyValue* doc, SwaggerEditor* out) {
  if (!IsValid(doc)) {
    return DocumentError(
        "Invalid Swagger document or the Swagger document is not explicitly defined in "
        "'DefinitionBody'.");
  }
  out->doc_ = doc->DeepCopy();
  auto or_new = [&](const char* key) {
    const PyValue* v = out->doc_.Get(key);
    return (v != nullptr && v->Truthy()) ? *v : PyValue::Dict(true);
  };
  out->security_definitions = or_new("securityDefinitions");
  out->gateway_responses = or_new("x-amazon-apigateway-gateway-responses");
  out->resource_policy = or_new("x-amazon-apigateway-policy");
  const PyValue* defs = out->doc_.Get("definitions");
  out->definitions = defs != nullptr ? *defs : PyValue::Dict(true);
  for (const PyValue::Key& path : out->Paths()) {
    std::vector<PyValue*> items;
    SAM_TRY(ConditionalContents(out->paths()->GetMut(path.text), &items));
    for (PyValue* item : items) {
      if (item == nullptr || !item->is_dict())
        return PathNotDict(path.text);
    }
  }
  return Ok();
}

PyValue SwaggerEditor::Swagger() {
  if (security_definitions.Truthy())
    doc_.Set(PyValue::Key{"securityDefinitions", false}, security_definitions);
  if (gateway_responses.Truthy())
    doc_.Set(PyValue::Key{"x-amazon-apigateway-gateway-responses", false}, gateway_responses);
  if (definitions.Truthy())
    doc_.Set(PyValue::Key{"definitions", false}, definitions);
  return doc_.DeepCopy();
}

std::vector<PyValue::Key> SwaggerEditor::Paths() const {
  std::vector<PyValue::Key> out;
  const PyValue* paths = doc_.Get("paths");
  if (paths == nullptr)
    return out;
  for (const PyValue::Entry* e : paths->Entries())
    out.push_back(e->first);
  return out;
}

bool SwaggerEditor::HasPath(const std::string& path, const PyValue& method) const {
  auto* self = const_cast<SwaggerEditor*>(this);
  PyValue* item = self->paths()->GetMut(path);
  if (item == nullptr)
    return false;
  PyValue m = NormalizeMethod(method);
  if (m.Truthy()) {
    std::vector<PyValue*> items;
    if (!ConditionalContents(item, &items).ok())
      return false;
    for (PyValue* it : items) {
      if (!it->is_dict() || !it->Contains(MethodText(m)))
        return false;
    }
  }
  return true;
}

Status SwaggerEditor::HasIntegration(const std::string& path, const PyValue& method,
                                     bool* has) const {
  *has = false;
  PyValue m = NormalizeMethod(method);
  if (!HasPath(path, m))
    return Ok();
  auto* self = const_cast<SwaggerEditor*>(this);
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(self->paths()->GetMut(path), &items));
  for (PyValue* item : items) {
    if (!item->is_dict())
      return PathNotDict(path);
    PyValue* def = item->GetMut(MethodText(m));
    if (def == nullptr || !def->is_dict())
      return Ok();
    std::vector<PyValue*> defs;
    SAM_TRY(ConditionalContents(def, &defs));
    bool any = false;
    for (PyValue* d : defs) {
      if (!d->is_dict()) {
        return DocumentError("Definition of method '" + MethodText(m) + "' for path '" + path +
                             "' should be a map.");
      }
      const PyValue* integ = d->Get(kXIntegration);
      if (integ != nullptr && integ->Truthy()) {
        any = true;
        break;
      }
    }
    if (!any)
      return Ok();
  }
  *has = true;
  return Ok();
}

Status SwaggerEditor::AddPath(const PyValue::Key& path, const PyValue& method) {
  PyValue m = NormalizeMethod(method);
  PyValue& path_dict = paths()->SetDefault(path, PyValue::Dict(true));
  if (!path_dict.is_dict())
    return PathNotDict(path.text);
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(&path_dict, &items));
  for (PyValue* item : items) {
    if (!item->is_dict())
      return PathNotDict(path.text);
    item->SetDefault(PyValue::Key{MethodText(m), m.py27()}, PyValue::Dict(true));
  }
  return Ok();
}

Status SwaggerEditor::AddLambdaIntegration(const PyValue::Key& path, const PyValue& method,
                                           const PyValue& uri, const PyValue& method_auth,
                                           const PyValue& api_auth, const PyValue* condition,
                                           const std::string& partition, bool stream) {
  PyValue m = NormalizeMethod(method);
  std::string mt = MethodText(m);
  bool has = false;
  SAM_TRY(HasIntegration(path.text, m, &has));
  if (has) {
    return DocumentError("Lambda integration already exists on Path=" + path.text +
                         ", Method=" + mt);
  }
  SAM_TRY(AddPath(path, m));
  PyValue integration_uri = condition != nullptr ? MakeConditional(*condition, uri) : uri;
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(paths()->GetMut(path.text), &items));
  for (PyValue* item : items) {
    if (!item->is_dict())
      return PathNotDict(path.text);
    PyValue* def = item->GetMut(mt);
    PyValue& integ = def->Set(kXIntegration, PyValue::Dict(true));
    integ.Set("type", PyValue::Str("aws_proxy"));
    integ.Set("httpMethod", PyValue::Str("POST"));
    integ.Set("uri", integration_uri);
    if (stream)
      integ.Set("responseTransferMode", PyValue::Str("STREAM"));
    const PyValue* m_authorizer = method_auth.Get("Authorizer");
    const PyValue* a_default = api_auth.Get("DefaultAuthorizer");
    bool m_iam =
        m_authorizer != nullptr && m_authorizer->is_str() && m_authorizer->str() == "AWS_IAM";
    bool a_iam = a_default != nullptr && a_default->is_str() && a_default->str() == "AWS_IAM";
    if (m_iam || (a_iam && !method_auth.Truthy())) {
      auto invoke_role = [](const PyValue& auth) -> std::optional<PyValue> {
        const PyValue* role = auth.Get("InvokeRole");
        if (role != nullptr && role->Truthy())
          return *role;
        if (role != nullptr)
          return PyValue::Str("NONE");
        return std::nullopt;
      };
      std::optional<PyValue> role = invoke_role(method_auth);
      if (!role.has_value())
        role = invoke_role(api_auth);
      PyValue credentials;
      if (role.has_value() && !(role->is_str() && role->str() == "CALLER_CREDENTIALS"))
        credentials = *role;
      else
        credentials = PyValue::Str("arn:" + partition + ":iam::*:user/*");
      if (credentials.Truthy() && !(credentials.is_str() && credentials.str() == "NONE"))
        integ.Set("credentials", credentials);
    }
    def->SetDefault(PyValue::Key{"responses", false}, PyValue::Dict(true));
    if (condition != nullptr) {
      PyValue wrapped = MakeConditional(*condition, *def);
      *def = std::move(wrapped);
    }
  }
  return Ok();
}

Status SwaggerEditor::AddCors(const std::string& path, const PyValue& allowed_origins,
                              const PyValue& allowed_headers, PyValue allowed_methods,
                              const PyValue& max_age, bool allow_credentials) {
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(paths()->GetMut(path), &items));
  for (PyValue* item : items) {
    if (!item->is_dict())
      return PathNotDict(path);
    if (item->Contains(kOptions))
      continue;
    if (!allowed_origins.Truthy())
      return TemplateError("Invalid input. Value for AllowedOrigins is required");
    PyValue methods = allowed_methods;
    if (!methods.Truthy()) {
      std::set<std::string> upper;
      bool any = item->Contains(kXAnyMethod);
      if (any) {
        for (const char* m : {"OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"})
          upper.insert(m);
      } else {
        std::vector<std::string> names;
        for (const PyValue::Entry* e : item->Entries())
          names.push_back(e->first.text);
        names.push_back(kOptions);
        for (std::string n : names) {
          std::transform(n.begin(), n.end(), n.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
          upper.insert(n);
        }
      }
      std::string joined;
      for (const std::string& m : upper)
        joined += (joined.empty() ? "" : ",") + m;
      methods = PyValue::Str("'" + joined + "'");
    }
    const std::string kOrigin = "Access-Control-Allow-Origin";
    auto header_key = [](const std::string& h) {
      return "method.response.header." + h;
    };
    PyValue params = PyValue::Dict(true);
    params.Set(header_key(kOrigin), allowed_origins);
    PyValue headers = PyValue::Dict(true);
    headers.Set(kOrigin, TypeString("string"));
    if (allowed_headers.Truthy()) {
      params.Set(header_key("Access-Control-Allow-Headers"), allowed_headers);
      headers.Set("Access-Control-Allow-Headers", TypeString("string"));
    }
    if (methods.Truthy()) {
      params.Set(header_key("Access-Control-Allow-Methods"), methods);
      headers.Set("Access-Control-Allow-Methods", TypeString("string"));
    }
    if (!max_age.is_none()) {
      params.Set(header_key("Access-Control-Max-Age"), max_age);
      headers.Set("Access-Control-Max-Age", TypeString("integer"));
    }
    if (allow_credentials) {
      params.Set(header_key("Access-Control-Allow-Credentials"), PyValue::Str("'true'"));
      headers.Set("Access-Control-Allow-Credentials", TypeString("string"));
    }
    PyValue r = PyValue::Dict(true);
    r.Set("summary", PyValue::Str("CORS support"));
    PyValue json_list = PyValue::List();
    json_list.Append(PyValue::Str("application/json"));
    r.Set("consumes", json_list);
    r.Set("produces", json_list);
    PyValue& integ = r.Set(kXIntegration, PyValue::Dict(true));
    integ.Set("type", PyValue::Str("mock"));
    PyValue req = PyValue::Dict(false);
    req.Set("application/json", PyValue::Str("{\n  \"statusCode\" : 200\n}\n"));
    integ.Set("requestTemplates", req);
    PyValue& responses = integ.Set("responses", PyValue::Dict(true));
    PyValue& def = responses.Set("default", PyValue::Dict(true));
    def.Set("statusCode", PyValue::Str("200"));
    def.Set("responseParameters", params);
    PyValue tmpl = PyValue::Dict(false);
    tmpl.Set("application/json", PyValue::Str("{}\n"));
    def.Set("responseTemplates", tmpl);
    PyValue& rs = r.Set("responses", PyValue::Dict(true));
    PyValue& ok = rs.Set("200", PyValue::Dict(true));
    ok.Set("description", PyValue::Str("Default response for CORS method"));
    ok.Set("headers", headers);
    item->Set(kOptions, std::move(r));
  }
  return Ok();
}

void SwaggerEditor::AddBinaryMediaTypes(const PyValue& types) {
  std::function<PyValue(const PyValue&)> replace = [&](const PyValue& v) -> PyValue {
    auto fix = [](std::string s) {
      size_t pos = 0;
      while ((pos = s.find("~1", pos)) != std::string::npos) {
        s.replace(pos, 2, "/");
        pos += 1;
      }
      return s;
    };
    if (v.is_dict()) {
      PyValue out = PyValue::Dict(true);
      for (const PyValue::Entry* e : v.Entries())
        out.Set(PyValue::Key{fix(e->first.text), true}, replace(e->second));
      return out;
    }
    if (v.is_list()) {
      PyValue out = PyValue::List();
      for (const PyValue& item : v.items())
        out.Append(replace(item));
      return out;
    }
    if (v.is_str())
      return PyValue::Str(fix(v.str()), true);
    return v;
  };
  doc_.Set("x-amazon-apigateway-binary-media-types", replace(types));
}

Status SwaggerEditor::AddDisableExecuteApiEndpoint(const PyValue& value) {
  auto deep_set = [&](PyValue& target, const std::string& where) -> Status {
    if (!target.is_dict())
      return DocumentError("Invalid OpenAPI definition" + where + ": It should be a map.");
    PyValue& ext = target.SetDefault(
        PyValue::Key{"x-amazon-apigateway-endpoint-configuration", false}, PyValue::Dict(false));
    if (!ext.is_dict()) {
      return DocumentError("Invalid OpenAPI definition" + where +
                           ": The value of 'x-amazon-apigateway-endpoint-configuration' should "
                           "be a map.");
    }
    ext.Set("disableExecuteApiEndpoint", value);
    return Ok();
  };
  const PyValue* openapi = doc_.Get("openapi");
  if (openapi != nullptr && openapi->Truthy() && IsOpenApi3(*openapi)) {
    PyValue servers;
    if (const PyValue* s = doc_.Get("servers")) {
      servers = *s;
    } else {
      servers = PyValue::List();
      servers.Append(PyValue::Dict(true));
    }
    for (size_t i = 0; i < servers.items().size(); ++i)
      SAM_TRY(deep_set(servers.items()[i], " of 'servers[" + std::to_string(i) + "]'"));
    doc_.Set("servers", servers);
    return Ok();
  }
  return deep_set(doc_, "");
}

Status SwaggerEditor::MethodDefinitions(const std::string& path, const PyValue& method,
                                        bool with_integration, std::vector<PyValue*>* out) {
  out->clear();
  PyValue m = NormalizeMethod(method);
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(paths()->GetMut(path), &items));
  for (PyValue* item : items) {
    if (item == nullptr || !item->is_dict())
      return PathNotDict(path);
    std::vector<PyValue*> defs;
    SAM_TRY(ConditionalContents(item->GetMut(MethodText(m)), &defs));
    for (PyValue* d : defs) {
      if (d == nullptr || !d->is_dict()) {
        return DocumentError("Definition of method '" + MethodText(method) + "' for path '" + path +
                             "' should be a map.");
      }
      const PyValue* integ = d->Get(kXIntegration);
      if (with_integration && (integ == nullptr || !integ->Truthy()))
        continue;
      out->push_back(d);
    }
  }
  return Ok();
}

Status SwaggerEditor::AllMethods(const std::string& path,
                                 std::vector<std::pair<std::string, PyValue*>>* out) {
  out->clear();
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(paths()->GetMut(path), &items));
  for (PyValue* item : items) {
    if (item == nullptr || !item->is_dict())
      return PathNotDict(path);
    for (PyValue::Entry* e : item->MutableEntries()) {
      const std::string& name = e->first.text;
      if (name == "summary" || name == "description" || name == "parameters")
        continue;
      std::vector<PyValue*> defs;
      SAM_TRY(ConditionalContents(&e->second, &defs));
      for (PyValue* d : defs) {
        if (d == nullptr || !d->is_dict()) {
          return DocumentError("Definition of method '" + name + "' for path '" + path +
                               "' should be a map.");
        }
        const PyValue* integ = d->Get(kXIntegration);
        if (integ == nullptr || !integ->Truthy())
          continue;
        out->emplace_back(MethodText(NormalizeMethod(PyValue::Str(name))), d);
      }
    }
  }
  return Ok();
}

Status SwaggerEditor::AddTimeout(const std::string& path, const PyValue& method,
                                 const PyValue& timeout) {
  std::vector<PyValue*> defs;
  SAM_TRY(MethodDefinitions(path, method, true, &defs));
  for (PyValue* d : defs)
    d->GetMut(kXIntegration)->Set("timeoutInMillis", timeout);
  return Ok();
}

Status SwaggerEditor::AddRequestParameters(const std::string& path, const PyValue& method,
                                           const std::vector<PyValue>& parameters) {
  std::vector<PyValue*> defs;
  SAM_TRY(MethodDefinitions(path, method, true, &defs));
  for (PyValue* d : defs) {
    PyValue existing = d->Contains("parameters") ? *d->Get("parameters") : PyValue::List();
    for (const PyValue& p : parameters) {
      const PyValue& name = *p.Get("Name");
      std::string location_name = name.str();
      if (location_name.rfind("method.request.", 0) == 0)
        location_name = location_name.substr(15);
      size_t dot = location_name.find('.');
      std::string location = location_name.substr(0, dot);
      std::string rest = dot == std::string::npos ? "" : location_name.substr(dot + 1);
      if (location == "querystring")
        location = "query";
      PyValue param = PyValue::Dict(true);
      // "querystring" becomes the literal "query"; other locations are split off the name.
      param.Set("in", PyValue::Str(location, name.py27() && location != "query"));
      param.Set("name", PyValue::Str(rest, name.py27()));
      param.Set("required", *p.Get("Required"));
      param.Set("type", PyValue::Str("string"));
      existing.Append(std::move(param));
      if (p.Get("Caching")->Truthy()) {
        PyValue* integ = d->GetMut(kXIntegration);
        PyValue cache = integ->Contains("cacheKeyParameters") ? *integ->Get("cacheKeyParameters")
                                                              : PyValue::List();
        cache.Append(name);
        integ->Set("cacheKeyParameters", cache);
      }
    }
    d->Set("parameters", existing);
  }
  return Ok();
}

Status SwaggerEditor::AddRequestModel(const std::string& path, const PyValue& method,
                                      const PyValue& request_model) {
  const PyValue* model = request_model.Get("Model");
  std::string name = model->str();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const PyValue* required = request_model.Get("Required");
  std::vector<PyValue*> defs;
  SAM_TRY(MethodDefinitions(path, method, true, &defs));
  for (PyValue* d : defs) {
    const PyValue* swagger = doc_.Get("swagger");
    const PyValue* openapi = doc_.Get("openapi");
    if (swagger != nullptr && !swagger->is_none()) {
      PyValue existing = d->Contains("parameters") ? *d->Get("parameters") : PyValue::List();
      PyValue param = PyValue::Dict(true);
      param.Set("in", PyValue::Str("body"));
      param.Set("name", PyValue::Str(name, model->py27()));
      PyValue schema = PyValue::Dict(false);
      schema.Set("$ref", PyValue::Str("#/definitions/" + name));
      param.Set("schema", schema);
      if (required != nullptr && !required->is_none())
        param.Set("required", *required);
      existing.Append(std::move(param));
      d->Set("parameters", existing);
    } else if (openapi != nullptr && openapi->Truthy() && IsOpenApi3(*openapi)) {
      PyValue schema = PyValue::Dict(false);
      schema.Set("$ref", PyValue::Str("#/components/schemas/" + name));
      PyValue json = PyValue::Dict(false);
      json.Set("schema", schema);
      PyValue content = PyValue::Dict(false);
      content.Set("application/json", json);
      PyValue body = PyValue::Dict(false);
      body.Set("content", content);
      if (required != nullptr && !required->is_none())
        body.Set("required", *required);
      d->Set("requestBody", body);
    }
  }
  return Ok();
}

Status SwaggerEditor::AddRequestValidator(const std::string& path, const PyValue& method, bool body,
                                          bool parameters) {
  std::string name = body && parameters ? "body-and-params"
                     : body             ? "body-only"
                     : parameters       ? "params-only"
                                        : "no-validation";
  const char kValidators[] = "x-amazon-apigateway-request-validators";
  PyValue* validators = doc_.GetMut(kValidators);
  if (validators == nullptr || !validators->Truthy())
    validators = &doc_.Set(kValidators, PyValue::Dict(true));
  const PyValue* existing = validators->Get(name);
  if (existing == nullptr || !existing->Truthy()) {
    PyValue def = PyValue::Dict(true);
    def.Set("validateRequestBody", PyValue::Bool(body));
    def.Set("validateRequestParameters", PyValue::Bool(parameters));
    PyValue definition = PyValue::Dict(true);
    definition.Set(name, def);
    validators->Update(definition);
  }
  std::vector<PyValue*> defs;
  SAM_TRY(MethodDefinitions(path, method, true, &defs));
  for (PyValue* d : defs) {
    PyValue set = PyValue::Dict(true);
    set.Set("x-amazon-apigateway-request-validator", PyValue::Str(name));
    d->Update(PyValue::Py27DictFrom(set));
  }
  return Ok();
}

void SwaggerEditor::MakePathConditional(const std::string& path, const PyValue& condition) {
  PyValue* item = paths()->GetMut(path);
  PyValue wrapped = MakeConditional(condition, *item);
  *item = std::move(wrapped);
}

Status SwaggerEditor::AddModels(const PyValue& models) {
  if (!definitions.Truthy())
    definitions = PyValue::Dict(true);
  for (const PyValue::Entry* e : models.Entries()) {
    const PyValue* type = e->second.is_dict() ? e->second.Get("type") : nullptr;
    if (type == nullptr || !type->Truthy())
      return DocumentError("'Models' schema is missing 'type'.");
    std::string name = e->first.text;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    definitions.Set(PyValue::Key{name, e->first.py27}, e->second);
  }
  return Ok();
}

}  // namespace cfnx::sam
