// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/api_auth.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "re2/re2.h"

#include "transforms/sam/intrinsics.h"
#include "transforms/sam/rest_api.h"

namespace cfnx::sam {
namespace {

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    int len = 1;
    if (c >= 0xf0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xe0) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xc0) {
      len = 2;
      cp = c & 0x1f;
    }
    if (i + len > s.size()) {
      len = 1;
      cp = c;
    }
    for (int k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    i += len;
    char buf[16];
    switch (cp) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (cp >= 0x10000) {
          uint32_t v = cp - 0x10000;
          std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xd800 + (v >> 10),
                        0xdc00 + (v & 0x3ff));
          out += buf;
        } else if (cp < 0x20 || cp >= 0x7f) {
          std::snprintf(buf, sizeof buf, "\\u%04x", cp);
          out += buf;
        } else {
          out += static_cast<char>(cp);
        }
    }
  }
  out += '"';
}

void AppendJson(std::string& out, const PyValue& v) {
  switch (v.kind()) {
    case PyValue::Kind::kNone:
      out += "null";
      return;
    case PyValue::Kind::kBool:
      out += v.boolean() ? "true" : "false";
      return;
    case PyValue::Kind::kInt:
      out += v.number().dump();
      return;
    case PyValue::Kind::kFloat:
      out += PyFloatRepr(v.number().get<double>());
      return;
    case PyValue::Kind::kStr:
      AppendJsonString(out, v.str());
      return;
    case PyValue::Kind::kList: {
      out += '[';
      bool first = true;
      for (const PyValue& item : v.items()) {
        if (!first)
          out += ", ";
        first = false;
        AppendJson(out, item);
      }
      out += ']';
      return;
    }
    case PyValue::Kind::kDict: {
      out += '{';
      bool first = true;
      for (const PyValue::Entry* e : v.Entries()) {
        if (!first)
          out += ", ";
        first = false;
        AppendJsonString(out, e->first.text);
        out += ": ";
        AppendJson(out, e->second);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string PyJsonDumpsSpaced(const PyValue& value) {
  std::string out;
  AppendJson(out, value);
  return out;
}

Status MergeDefinitions(const std::string& api_id, const std::string& path,
                        const std::string& method, SwaggerEditor& editor, PyValue* body) {
  PyValue merged = body->ShallowCopy();
  PyValue* paths = merged.GetMut("paths");
  if (paths == nullptr || !paths->Truthy()) {
    *body = std::move(merged);
    return Ok();
  }
  PyValue path_method = PyValue::Dict(false);
  if (!paths->is_dict()) {
    return ResourceError(api_id, "Property 'DefinitionBody' is invalid: It should be a map");
  }
  if (const PyValue* item = paths->Get(path); item != nullptr && !item->is_none()) {
    if (!item->is_dict()) {
      return ResourceError(api_id, "Property 'DefinitionBody' is invalid: The value of '" + path +
                                       "' should be a map");
    }
    if (const PyValue* m = item->Get(method); m != nullptr && m->Truthy())
      path_method = *m;
  }
  if (!path_method.is_dict()) {
    return ResourceError(
        api_id, "Property 'DefinitionBody.paths." + path + "." + method + "' should be a map.");
  }
  PyValue generated_doc = editor.Swagger();
  std::string normalized = SwaggerEditor::NormalizeMethod(PyValue::Str(method, true)).str();
  const PyValue& generated = *generated_doc.Get("paths")->Get(path)->Get(normalized);
  PyValue combined = PyValue::Dict(false);
  for (const PyValue::Entry* e : path_method.Entries())
    combined.Set(e->first, e->second);
  for (const PyValue::Entry* e : generated.Entries())
    combined.Set(e->first, e->second);
  if (!paths->Contains(path)) {
    PyValue item = PyValue::Dict(false);
    item.Set(PyValue::Key{method, true}, combined);
    paths->Set(PyValue::Key{path, true}, std::move(item));
  }
  paths->GetMut(path)->Set(PyValue::Key{method, true}, std::move(combined));
  *body = std::move(merged);
  return Ok();
}

namespace {

bool IsStr(const PyValue* v, std::string_view text) {
  return v != nullptr && v->is_str() && v->str() == text;
}

const PyValue* Field(const PyValue& dict, std::string_view key) {
  const PyValue* v = dict.is_dict() ? dict.Get(key) : nullptr;
  return v != nullptr && !v->is_none() ? v : nullptr;
}

// ApiGatewayAuthorizer.
struct Authorizer {
  PyValue::Key name;
  bool iam = false;
  PyValue user_pool_arn, function_arn, identity, payload_type, invoke_role, scopes, no_perms;

  std::string Type() const {
    if (iam)
      return "AWS_IAM";
    return user_pool_arn.Truthy() ? "COGNITO_USER_POOLS" : "LAMBDA";
  }
  std::string PayloadType() const { return payload_type.Truthy() ? payload_type.Str() : "TOKEN"; }
};

Status MakeAuthorizer(const std::string& api_id, const PyValue::Key& name, const PyValue* cfg,
                      Authorizer* out) {
  out->name = name;
  if (cfg == nullptr) {
    out->iam = true;
    out->scopes = PyValue::List();
    out->no_perms = PyValue::Bool(false);
    return Ok();
  }
  auto get = [&](const char* key) {
    const PyValue* v = cfg->Get(key);
    return v != nullptr ? *v : PyValue::None();
  };
  out->user_pool_arn = get("UserPoolArn");
  out->function_arn = get("FunctionArn");
  out->identity = get("Identity");
  out->payload_type = get("FunctionPayloadType");
  out->invoke_role = get("FunctionInvokeRole");
  out->scopes = get("AuthorizationScopes");
  if (out->scopes.is_none())
    out->scopes = PyValue::List();
  out->no_perms = get("DisableFunctionDefaultPermissions");
  const std::string& n = name.text;
  const PyValue& pt = out->payload_type;
  if (!pt.is_none() && !IsStr(&pt, "TOKEN") && !IsStr(&pt, "REQUEST")) {
    return ResourceError(api_id,
                         n + " Authorizer has invalid 'FunctionPayloadType': " + pt.Str() + ".");
  }
  if (IsStr(&pt, "REQUEST")) {
    bool missing = true;
    const PyValue& id = out->identity;
    if (id.Truthy()) {
      if (!id.is_dict())
        return ResourceError(api_id, "Property 'Authorizer." + n + ".Identity' should be a map.");
      bool required_missing = true;
      for (const char* k : {"Headers", "QueryStrings", "StageVariables", "Context"}) {
        const PyValue* v = id.Get(k);
        if (v != nullptr && v->Truthy())
          required_missing = false;
      }
      const PyValue* ttl = id.Get("ReauthorizeEvery");
      missing = required_missing;
      if (ttl != nullptr && !ttl->is_none()) {
        std::optional<long long> value;
        if (ttl->kind() == PyValue::Kind::kInt) {
          value = ttl->number().get<long long>();
        } else if (ttl->kind() == PyValue::Kind::kBool) {
          value = ttl->boolean() ? 1 : 0;
        } else if (ttl->kind() == PyValue::Kind::kFloat) {
          value = static_cast<long long>(ttl->number().get<double>());
        } else if (ttl->is_str()) {
          std::string t = ttl->str();
          size_t b = t.find_first_not_of(" \t\n");
          size_t e = t.find_last_not_of(" \t\n");
          t = b == std::string::npos ? "" : t.substr(b, e - b + 1);
          bool digits = !t.empty();
          for (size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0; i < t.size(); ++i)
            digits = digits && std::isdigit(static_cast<unsigned char>(t[i]));
          if (digits && t != "-" && t != "+")
            value = std::stoll(t);
        }
        if (value.has_value())
          missing = *value > 0 && required_missing;
      }
    }
    if (missing) {
      return ResourceError(api_id, n + " Authorizer must specify Identity with at least one of "
                                       "Headers, QueryStrings, StageVariables, or Context.");
    }
  }
  if (!out->scopes.is_list()) {
    return ResourceError(api_id,
                         "Property 'Authorizers." + n + ".AuthorizationScopes' should be a list.");
  }
  if (!out->no_perms.is_none() && out->no_perms.kind() != PyValue::Kind::kBool) {
    return ResourceError(api_id, "Property 'Authorizers." + n +
                                     ".DisableFunctionDefaultPermissions' should be a boolean.");
  }
  return Ok();
}

// _get_authorizers: in the order the Py27Dict of authorizers iterates.
Status GetAuthorizers(const std::string& api_id, const PyValue* config,
                      const PyValue* default_authorizer, std::vector<Authorizer>* out) {
  out->clear();
  PyValue names = PyValue::Dict(true);  // the authorizers dict, for its key order
  std::map<std::string, Authorizer> by_name;
  if (IsStr(default_authorizer, "AWS_IAM")) {
    Authorizer a;
    SAM_TRY(
        MakeAuthorizer(api_id, PyValue::Key{"AWS_IAM", default_authorizer->py27()}, nullptr, &a));
    names.Set(a.name, PyValue::None());
    by_name["AWS_IAM"] = a;
  }
  if (config == nullptr || !config->Truthy()) {
    if (by_name.empty())
      return Ok();
  } else {
    if (!config->is_dict())
      return ResourceError(api_id, "Property 'Auth.Authorizers' should be a map.");
    for (const PyValue::Entry* e : config->Entries()) {
      if (!e->second.is_dict()) {
        return ResourceError(api_id,
                             "Property 'Auth.Authorizers." + e->first.text + "' should be a map.");
      }
      Authorizer a;
      SAM_TRY(MakeAuthorizer(api_id, e->first, &e->second, &a));
      names.Set(a.name, PyValue::None());
      by_name[e->first.text] = a;
    }
  }
  for (const PyValue::Entry* e : names.Entries())
    out->push_back(by_name[e->first.text]);
  return Ok();
}

Status AuthorizerSwagger(const std::string& api_id, const Authorizer& a,
                         const std::string& partition, PyValue* out) {
  const char kKey[] = "x-amazon-apigateway-authorizer";
  std::string type = a.Type();
  PyValue s = PyValue::Dict(true);
  s.Set("type", PyValue::Str("apiKey"));
  // _get_swagger_header_name.
  if (type == "LAMBDA" && a.PayloadType() == "REQUEST") {
    s.Set("name", PyValue::Str("Unused"));
  } else {
    if (a.identity.Truthy() && !a.identity.is_dict()) {
      return ResourceError(api_id,
                           "Auth.Authorizers.<Authorizer>.Identity must be a dict "
                           "(LambdaTokenAuthorizationIdentity, LambdaRequestAuthorizationIdentity "
                           "or CognitoAuthorizationIdentity).");
    }
    const PyValue* header = a.identity.Truthy() ? a.identity.Get("Header") : nullptr;
    s.Set("name", header != nullptr && header->Truthy() ? *header : PyValue::Str("Authorization"));
  }
  s.Set("in", PyValue::Str("header"));
  s.Set("x-amazon-apigateway-authtype",
        PyValue::Str(type == "AWS_IAM"              ? "awsSigv4"
                     : type == "COGNITO_USER_POOLS" ? "cognito_user_pools"
                                                    : "custom"));
  std::string payload = a.PayloadType();
  PyValue authorizer_type = type == "COGNITO_USER_POOLS" ? PyValue::Str("cognito_user_pools")
                            : payload == "REQUEST"       ? PyValue::Str("request")
                            : payload == "TOKEN"         ? PyValue::Str("token")
                                                         : PyValue::None();
  if (type == "COGNITO_USER_POOLS") {
    PyValue d = PyValue::Dict(true);
    d.Set("type", authorizer_type);
    PyValue arns = a.user_pool_arn;
    if (!arns.is_list()) {
      arns = PyValue::List();
      arns.Append(a.user_pool_arn);
    }
    d.Set("providerARNs", arns);
    s.Set(kKey, d);
  } else if (type == "LAMBDA") {
    PyValue t = PyValue::Dict(false);
    t.Set("type", authorizer_type);
    PyValue& d = s.Set(kKey, PyValue::Py27DictFrom(t));
    PyValue vars = PyValue::Dict(false);
    vars.Set("__FunctionArn__", a.function_arn);
    PyValue args = PyValue::List();
    args.Append(PyValue::Str("arn:" + partition +
                             ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                             "${__FunctionArn__}/invocations"));
    args.Append(vars);
    PyValue sub = PyValue::Dict(false);
    sub.Set("Fn::Sub", args);
    d.Set("authorizerUri", sub);
    if (a.identity.Truthy()) {
      if (const PyValue* ttl = a.identity.Get("ReauthorizeEvery");
          ttl != nullptr && !ttl->is_none())
        d.Set("authorizerResultTtlInSeconds", *ttl);
    }
    if (a.invoke_role.Truthy() && !IsStr(&a.invoke_role, "NONE"))
      d.Set("authorizerCredentials", a.invoke_role);
    if (payload == "REQUEST") {
      std::vector<std::pair<std::string, bool>> parts;
      const std::pair<const char*, const char*> kPrefixes[] = {
          {"Headers", "method.request.header."},
          {"QueryStrings", "method.request.querystring."},
          {"StageVariables", "stageVariables."},
          {"Context", "context."}};
      for (const auto& [key, prefix] : kPrefixes) {
        const PyValue* list = a.identity.Get(key);
        if (list == nullptr || !list->Truthy())
          continue;
        std::string path = std::string("Auth.Authorizers.") + a.name.text + ".Identity." + key;
        if (!list->is_list())
          return ResourceError(api_id, "Property '" + path + "' should be a list.");
        for (size_t i = 0; i < list->items().size(); ++i) {
          const PyValue& item = list->items()[i];
          if (!item.is_str()) {
            return ResourceError(
                api_id, "Property '" + path + "[" + std::to_string(i) + "]' should be a string.");
          }
          parts.emplace_back(prefix + item.str(), item.py27());
        }
      }
      std::string joined;
      bool any_py27 = false;
      for (const auto& [text, py27] : parts) {
        joined += (joined.empty() ? "" : ", ") + text;
        any_py27 = any_py27 || py27;
      }
      if (!joined.empty())
        d.Set("identitySource", PyValue::Str(joined, any_py27));
    }
  }
  bool lambda_token = type == "LAMBDA" && payload == "TOKEN";
  if (type == "COGNITO_USER_POOLS" || lambda_token) {
    const PyValue* expr = a.identity.Truthy() ? a.identity.Get("ValidationExpression") : nullptr;
    if (expr != nullptr && expr->Truthy())
      s.GetMut(kKey)->Set("identityValidationExpression", *expr);
  }
  *out = std::move(s);
  return Ok();
}

void AddAwsIamSecurityDefinition(SwaggerEditor& editor) {
  PyValue def = PyValue::Dict(true);
  PyValue& iam = def.Set("AWS_IAM", PyValue::Dict(true));
  iam.Set("x-amazon-apigateway-authtype", PyValue::Str("awsSigv4"));
  iam.Set("type", PyValue::Str("apiKey"));
  iam.Set("name", PyValue::Str("Authorization"));
  iam.Set("in", PyValue::Str("header"));
  if (!editor.security_definitions.Truthy())
    editor.security_definitions = PyValue::Dict(true);
  if (!editor.security_definitions.Contains("AWS_IAM"))
    editor.security_definitions.Update(def);
}

Status AddApiKeySecurityDefinition(SwaggerEditor& editor) {
  PyValue def = PyValue::Dict(true);
  PyValue& key = def.Set("api_key", PyValue::Dict(true));
  key.Set("type", PyValue::Str("apiKey"));
  key.Set("name", PyValue::Str("x-api-key"));
  key.Set("in", PyValue::Str("header"));
  if (!editor.security_definitions.Truthy())
    editor.security_definitions = PyValue::Dict(true);
  if (!editor.security_definitions.is_dict())
    return TemplateError("securityDefinitions must be a dictionary.");
  if (!editor.security_definitions.Contains("api_key"))
    editor.security_definitions.Update(def);
  return Ok();
}

Status ExistingSecurity(PyValue* method_def, const std::string& path, const std::string& method,
                        PyValue* out) {
  const PyValue* existing = method_def->Get("security");
  *out = existing != nullptr ? *existing : PyValue::List();
  if (!out->is_list()) {
    return DocumentError("Type of security for path " + path + " method " + method +
                         " must be a list");
  }
  return Ok();
}

bool SameSecurity(const PyValue& a, const PyValue& b) {
  return a.ToJson() == b.ToJson();
}

Status SetPathDefaultAuthorizer(SwaggerEditor& editor, const std::string& path,
                                const PyValue::Key& default_authorizer,
                                const std::vector<Authorizer>& authorizers, bool add_to_preflight) {
  std::vector<std::pair<std::string, PyValue*>> methods;
  SAM_TRY(editor.AllMethods(path, &methods));
  std::set<std::string> names = {"AWS_IAM"};
  for (const Authorizer& a : authorizers)
    names.insert(a.name.text);
  for (auto& [method_name, def] : methods) {
    if (!add_to_preflight && method_name == "options")
      continue;
    PyValue existing;
    SAM_TRY(ExistingSecurity(def, path, method_name, &existing));
    std::vector<PyValue> non_auth, auth;
    for (const PyValue& sec : existing.items()) {
      if (!sec.is_dict()) {
        return DocumentError(sec.Repr() + " in Security for path " + path + " method " +
                             method_name + " is not a valid dictionary.");
      }
      bool is_auth = false;
      for (const PyValue::Entry* e : sec.Entries())
        is_auth = is_auth || names.contains(e->first.text);
      (is_auth ? auth : non_auth).push_back(sec);
    }
    int none_idx = -1;
    for (size_t i = 0; i < non_auth.size(); ++i) {
      if (non_auth[i].Contains("NONE")) {
        none_idx = static_cast<int>(i);
        break;
      }
    }
    std::vector<PyValue> auth_security;
    if (none_idx > -1) {
      non_auth.erase(non_auth.begin() + none_idx);
    } else if (!auth.empty()) {
      auth_security = auth;
    } else {
      PyValue d = PyValue::Dict(true);
      PyValue scopes = PyValue::List();
      for (const Authorizer& a : authorizers) {
        if (a.name.text == default_authorizer.text && !a.scopes.is_none())
          scopes = a.scopes;
      }
      d.Set(default_authorizer, scopes);
      auth_security.push_back(std::move(d));
    }
    PyValue security = PyValue::List();
    for (PyValue& v : non_auth)
      security.Append(v);
    for (PyValue& v : auth_security)
      security.Append(v);
    if (security.Truthy()) {
      bool iam_first = security.items()[0].Contains("AWS_IAM");
      def->Set("security", std::move(security));
      if (iam_first)
        AddAwsIamSecurityDefinition(editor);
    }
  }
  return Ok();
}

Status SetPathDefaultApiKeyRequired(SwaggerEditor& editor, const std::string& path,
                                    bool options_required) {
  std::vector<std::pair<std::string, PyValue*>> methods;
  SAM_TRY(editor.AllMethods(path, &methods));
  for (auto& [method_name, def] : methods) {
    PyValue existing;
    SAM_TRY(ExistingSecurity(def, path, method_name, &existing));
    std::vector<PyValue> non_key, key;
    for (const PyValue& sec : existing.items()) {
      if (!sec.is_dict()) {
        return DocumentError(sec.Repr() + " in Security for path " + path + " method " +
                             method_name + " is not a valid dictionary.");
      }
      bool is_key = sec.Contains("api_key") || sec.Contains("api_key_false");
      (is_key ? key : non_key).push_back(sec);
    }
    int false_idx = -1;
    for (size_t i = 0; i < key.size(); ++i) {
      if (key[i].Contains("api_key_false")) {
        false_idx = static_cast<int>(i);
        break;
      }
    }
    std::vector<PyValue> key_security;
    if (false_idx > -1) {
      key.erase(key.begin() + false_idx);
    } else {
      PyValue d = PyValue::Dict(true);
      d.Set("api_key", PyValue::List());
      key_security.push_back(std::move(d));
    }
    PyValue security = PyValue::List();
    for (PyValue& v : non_key)
      security.Append(v);
    for (PyValue& v : key_security)
      security.Append(v);
    if (method_name == "options" && !options_required) {
      security = PyValue::List();
      for (PyValue& v : non_key)
        security.Append(v);
    }
    if (!SameSecurity(security, existing))
      def->Set("security", std::move(security));
  }
  return Ok();
}

PyValue SubWithStage(const std::string& text, bool py27, const PyValue& stage) {
  PyValue vars = PyValue::Dict(false);
  vars.Set("__Stage__", stage);
  PyValue args = PyValue::List();
  args.Append(PyValue::Str(text, py27));
  args.Append(vars);
  PyValue sub = PyValue::Dict(false);
  sub.Set("Fn::Sub", args);
  return sub;
}

Status MethodPathUriList(SwaggerEditor& editor, const std::string& path, bool path_py27,
                         const PyValue& stage, PyValue* out) {
  std::vector<PyValue*> items;
  SAM_TRY(ConditionalContents(editor.paths()->GetMut(path), &items));
  std::vector<PyValue::Key> methods;
  for (PyValue* item : items) {
    if (item == nullptr || !item->is_dict())
      return DocumentError("Value of '" + path +
                           "' path must be a dictionary according to Swagger spec.");
    for (const PyValue::Entry* e : item->Entries())
      methods.push_back(e->first);
  }
  std::string trimmed = SwaggerEditor::PathWithoutTrailingSlash(path);
  *out = PyValue::List();
  for (const PyValue::Key& m : methods) {
    std::string lower = m.text, upper = m.text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    bool any = lower == kXAnyMethod || lower == "any";
    std::string method = any ? "*" : upper;
    bool py27 = (!any && m.py27) || path_py27;
    out->Append(SubWithStage("execute-api:/${__Stage__}/" + method + trimmed, py27, stage));
  }
  return Ok();
}

bool ListContains(const PyValue& list, const PyValue& v) {
  Json j = v.ToJson();
  for (const PyValue& item : list.items()) {
    if (item.ToJson() == j)
      return true;
  }
  return false;
}

void AppendStatements(SwaggerEditor& editor, std::vector<PyValue> statements, bool dedupe) {
  PyValue& policy = editor.resource_policy;
  const PyValue* existing = policy.Get("Statement");
  if (existing == nullptr || existing->is_none()) {
    PyValue list = PyValue::List();
    for (PyValue& st : statements)
      list.Append(std::move(st));
    policy.Set("Statement", std::move(list));
    return;
  }
  PyValue list = *existing;
  if (!list.is_list()) {
    PyValue wrapped = PyValue::List();
    wrapped.Append(list);
    list = std::move(wrapped);
  }
  for (PyValue& st : statements) {
    if (!dedupe || !ListContains(list, st))
      list.Append(std::move(st));
  }
  policy.Set("Statement", std::move(list));
}

PyValue Statement(const char* effect, const PyValue& resources) {
  PyValue st = PyValue::Dict(true);
  st.Set("Effect", PyValue::Str(effect));
  st.Set("Action", PyValue::Str("execute-api:Invoke"));
  st.Set("Resource", resources);
  return st;
}

Status AddIamPolicy(SwaggerEditor& editor, const PyValue& accounts, const char* effect,
                    const PyValue& resources) {
  if (!accounts.Truthy())
    return Ok();
  if (!accounts.is_dict() && !accounts.is_list()) {
    return DocumentError("Type of '" + accounts.Str() + "' must be a list or dictionary");
  }
  PyValue list = accounts;
  if (!list.is_list()) {
    list = PyValue::List();
    list.Append(accounts);
  }
  editor.resource_policy.Set("Version", PyValue::Str("2012-10-17"));
  PyValue st = Statement(effect, resources);
  PyValue principal = PyValue::Dict(false);
  principal.Set("AWS", list);
  st.Set("Principal", PyValue::Py27DictFrom(principal));
  const PyValue* existing = editor.resource_policy.Get("Statement");
  if (existing == nullptr || existing->is_none()) {
    editor.resource_policy.Set("Statement", std::move(st));
  } else {
    std::vector<PyValue> one;
    one.push_back(std::move(st));
    AppendStatements(editor, std::move(one), false);
  }
  return Ok();
}

void AddConditionalPolicy(SwaggerEditor& editor, const PyValue& resources,
                          const std::string& conditional, PyValue condition_value) {
  editor.resource_policy.Set("Version", PyValue::Str("2012-10-17"));
  PyValue allow = Statement("Allow", resources);
  allow.Set("Principal", PyValue::Str("*"));
  PyValue deny = Statement("Deny", resources);
  deny.Set("Principal", PyValue::Str("*"));
  PyValue cond = PyValue::Dict(false);
  cond.Set(conditional, std::move(condition_value));
  deny.Set("Condition", std::move(cond));
  std::vector<PyValue> both;
  both.push_back(std::move(allow));
  both.push_back(std::move(deny));
  AppendStatements(editor, std::move(both), true);
}

Status AddIpPolicy(SwaggerEditor& editor, const PyValue& ips, const char* conditional,
                   const PyValue& resources) {
  if (!ips.Truthy())
    return Ok();
  PyValue list = ips;
  if (!list.is_list()) {
    list = PyValue::List();
    list.Append(ips);
  }
  PyValue source = PyValue::Dict(false);
  source.Set("aws:SourceIp", list);
  AddConditionalPolicy(editor, resources, conditional, std::move(source));
  return Ok();
}

void AddVpcPolicy(SwaggerEditor& editor, const PyValue* strings, const PyValue* vpcs,
                  const PyValue* vpces, const char* conditional, const PyValue& resources) {
  PyValue condition = PyValue::Dict(true);
  auto extend = [&](const char* key, const std::vector<PyValue>& items) {
    PyValue& list = condition.SetDefault(PyValue::Key{key, false}, PyValue::List());
    for (const PyValue& v : items)
      list.Append(v);
  };
  if (strings != nullptr) {
    std::vector<PyValue> vpc, vpce;
    for (const PyValue& e : strings->items()) {
      if (e.str().rfind("vpce-", 0) == 0)
        vpce.push_back(e);
      if (e.str().rfind("vpc-", 0) == 0)
        vpc.push_back(e);
    }
    if (!vpc.empty())
      extend("aws:SourceVpc", vpc);
    if (!vpce.empty())
      extend("aws:SourceVpce", vpce);
  }
  if (vpcs != nullptr)
    extend("aws:SourceVpc", vpcs->is_list() ? vpcs->items() : std::vector<PyValue>{});
  if (vpces != nullptr)
    extend("aws:SourceVpce", vpces->is_list() ? vpces->items() : std::vector<PyValue>{});
  const PyValue* a = condition.Get("aws:SourceVpc");
  const PyValue* b = condition.Get("aws:SourceVpce");
  if ((a == nullptr || !a->Truthy()) && (b == nullptr || !b->Truthy()))
    return;
  AddConditionalPolicy(editor, resources, conditional, std::move(condition));
}

bool AllStrings(const PyValue* list) {
  if (list == nullptr)
    return true;
  if (!list->is_list())
    return false;
  for (const PyValue& v : list->items()) {
    if (!v.is_str())
      return false;
  }
  return true;
}

// SwaggerEditor.add_resource_policy for one path.
Status AddResourcePolicy(SwaggerEditor& editor, const PyValue& policy, const std::string& path,
                         bool path_py27, const PyValue& stage) {
  if (!policy.is_dict())
    return DocumentError("Resource Policy is not a valid dictionary.");
  auto get = [&](const char* k) {
    return Field(policy, k);
  };
  PyValue resources;
  if (const PyValue* v = get("AwsAccountWhitelist")) {
    SAM_TRY(MethodPathUriList(editor, path, path_py27, stage, &resources));
    SAM_TRY(AddIamPolicy(editor, *v, "Allow", resources));
  }
  if (const PyValue* v = get("AwsAccountBlacklist")) {
    SAM_TRY(MethodPathUriList(editor, path, path_py27, stage, &resources));
    SAM_TRY(AddIamPolicy(editor, *v, "Deny", resources));
  }
  if (const PyValue* v = get("IpRangeWhitelist")) {
    SAM_TRY(MethodPathUriList(editor, path, path_py27, stage, &resources));
    SAM_TRY(AddIpPolicy(editor, *v, "NotIpAddress", resources));
  }
  if (const PyValue* v = get("IpRangeBlacklist")) {
    SAM_TRY(MethodPathUriList(editor, path, path_py27, stage, &resources));
    SAM_TRY(AddIpPolicy(editor, *v, "IpAddress", resources));
  }
  if (!AllStrings(get("SourceVpcBlacklist"))) {
    return DocumentError(
        "SourceVpcBlacklist must be a list of strings. Use IntrinsicVpcBlacklist instead for "
        "values that use Intrinsic Functions");
  }
  SAM_TRY(MethodPathUriList(editor, path, path_py27, stage, &resources));
  AddVpcPolicy(editor, get("SourceVpcBlacklist"), get("IntrinsicVpcBlacklist"),
               get("IntrinsicVpceBlacklist"), "StringEquals", resources);
  if (!AllStrings(get("SourceVpcWhitelist"))) {
    return DocumentError(
        "SourceVpcWhitelist must be a list of strings. Use IntrinsicVpcWhitelist instead for "
        "values that use Intrinsic Functions");
  }
  AddVpcPolicy(editor, get("SourceVpcWhitelist"), get("IntrinsicVpcWhitelist"),
               get("IntrinsicVpceWhitelist"), "StringNotEquals", resources);
  editor.doc().Set("x-amazon-apigateway-policy", editor.resource_policy);
  return Ok();
}

void AddCustomStatements(SwaggerEditor& editor, const PyValue& statements) {
  editor.resource_policy.Set("Version", PyValue::Str("2012-10-17"));
  const PyValue* existing = editor.resource_policy.Get("Statement");
  if (existing == nullptr || existing->is_none()) {
    editor.resource_policy.Set("Statement", statements);
  } else {
    std::vector<PyValue> items =
        statements.is_list() ? statements.items() : std::vector<PyValue>{statements};
    AppendStatements(editor, std::move(items), true);
  }
  editor.doc().Set("x-amazon-apigateway-policy", editor.resource_policy);
}

}  // namespace

Status AddApiAuth(const std::string& api_id, const Json& auth_json, const PyValue& stage_name,
                  Context& ctx, PyValue* body, ApiAuthResult* out) {
  if (!Truthy(auth_json))
    return Ok();
  if (!body->Truthy()) {
    return ResourceError(api_id,
                         "Auth works only with inline Swagger specified in 'DefinitionBody' "
                         "property.");
  }
  static const std::set<std::string> kFields = {"Authorizers",
                                                "DefaultAuthorizer",
                                                "InvokeRole",
                                                "AddDefaultAuthorizerToCorsPreflight",
                                                "AddApiKeyRequiredToCorsPreflight",
                                                "ApiKeyRequired",
                                                "ResourcePolicy",
                                                "UsagePlan"};
  // An intrinsic (`Auth: !Ref AWS::Region`) reaches here resolved; the reference checks the
  // dict's keys ("Ref" is not a field) and gives the same error (found by the sam fuzzer).
  if (!auth_json.is_object())
    return ResourceError(api_id, "Invalid value for 'Auth' property");
  for (auto it = auth_json.begin(); it != auth_json.end(); ++it) {
    if (!kFields.contains(it.key()))
      return ResourceError(api_id, "Invalid value for 'Auth' property");
  }
  if (!SwaggerEditor::IsValid(body)) {
    return ResourceError(api_id,
                         "Unable to add Auth configuration because 'DefinitionBody' does not "
                         "contain a valid Swagger definition.");
  }
  SwaggerEditor editor;
  SAM_TRY(SwaggerEditor::Create(body, &editor));
  PyValue auth = PyValue::FromJson(auth_json, true);
  const PyValue* default_authorizer = Field(auth, "DefaultAuthorizer");
  std::vector<Authorizer> authorizers;
  SAM_TRY(GetAuthorizers(api_id, Field(auth, "Authorizers"), default_authorizer, &authorizers));
  if (!authorizers.empty()) {
    if (!editor.security_definitions.Truthy())
      editor.security_definitions = PyValue::Dict(true);
    for (const Authorizer& a : authorizers) {
      PyValue swagger;
      SAM_TRY(AuthorizerSwagger(api_id, a, ctx.partition, &swagger));
      editor.security_definitions.Set(a.name, std::move(swagger));
    }
    if (default_authorizer != nullptr && default_authorizer->Truthy()) {
      if (!default_authorizer->is_str())
        return ResourceError(api_id, "DefaultAuthorizer is not a string.");
      bool known = default_authorizer->str() == "AWS_IAM";
      for (const Authorizer& a : authorizers)
        known = known || a.name.text == default_authorizer->str();
      if (!known) {
        return ResourceError(api_id, "Unable to set DefaultAuthorizer because '" +
                                         default_authorizer->str() +
                                         "' was not defined in 'Authorizers'.");
      }
      const PyValue* preflight = auth.Get("AddDefaultAuthorizerToCorsPreflight");
      bool add_preflight = preflight == nullptr || preflight->Truthy();
      for (const PyValue::Key& path : editor.Paths()) {
        SAM_TRY(SetPathDefaultAuthorizer(
            editor, path.text, PyValue::Key{default_authorizer->str(), default_authorizer->py27()},
            authorizers, add_preflight));
      }
    }
  }
  if (const PyValue* required = auth.Get("ApiKeyRequired");
      required != nullptr && required->Truthy()) {
    SAM_TRY(AddApiKeySecurityDefinition(editor));
    const PyValue* preflight = auth.Get("AddApiKeyRequiredToCorsPreflight");
    bool options_required = preflight == nullptr || preflight->Truthy();
    for (const PyValue::Key& path : editor.Paths())
      SAM_TRY(SetPathDefaultApiKeyRequired(editor, path.text, options_required));
  }
  if (const PyValue* policy = auth.Get("ResourcePolicy"); policy != nullptr && policy->Truthy()) {
    if (!policy->is_dict())
      return DocumentError("ResourcePolicy must be a map (ResourcePolicyStatement).");
    for (const PyValue::Key& path : editor.Paths())
      SAM_TRY(AddResourcePolicy(editor, *policy, path.text, path.py27, stage_name));
    if (const PyValue* custom = policy->Get("CustomStatements");
        custom != nullptr && custom->Truthy())
      AddCustomStatements(editor, *custom);
  }
  *body = editor.Swagger();
  for (const Authorizer& a : authorizers) {
    if (a.iam)
      continue;
    out->authorizers.push_back(RestAuthorizer{a.name.text, a.function_arn.ToJson(),
                                              a.function_arn.Truthy() && !a.no_perms.Truthy()});
  }
  return Ok();
}

Status AddGatewayResponses(const std::string& api_id, const Json* responses_json, PyValue* body) {
  if (!Truthy(responses_json))
    return Ok();
  if (!body->Truthy()) {
    return ResourceError(api_id,
                         "GatewayResponses works only with inline Swagger specified in "
                         "'DefinitionBody' property.");
  }
  PyValue responses = PyValue::FromJson(*responses_json, true);
  for (const PyValue::Entry* e : responses.Entries()) {
    const PyValue& v = e->second;
    if (v.is_dict() && v.size() == 1) {
      const std::string& k = v.Entries()[0]->first.text;
      if (k == "Ref" || k == "Condition" || k.rfind("Fn::", 0) == 0) {
        return ResourceError(api_id,
                             "Unable to set GatewayResponses attribute because intrinsic "
                             "functions are not supported for this field.");
      }
    }
    if (!v.is_dict()) {
      return ResourceError(api_id, "Invalid property type '" + PyTypeName(v.ToJson()) +
                                       "' for GatewayResponses. Expected an object of type "
                                       "'GatewayResponse'.");
    }
    for (const PyValue::Entry* k : v.Entries()) {
      if (k->first.text != "ResponseParameters" && k->first.text != "ResponseTemplates" &&
          k->first.text != "StatusCode") {
        return ResourceError(api_id, "Invalid property '" + k->first.text +
                                         "' in 'GatewayResponses' property '" + e->first.text +
                                         "'.");
      }
    }
  }
  if (!SwaggerEditor::IsValid(body)) {
    return ResourceError(api_id,
                         "Unable to add Auth configuration because 'DefinitionBody' does not "
                         "contain a valid Swagger definition.");
  }
  SwaggerEditor editor;
  SAM_TRY(SwaggerEditor::Create(body, &editor));
  std::vector<std::pair<PyValue::Key, PyValue>> generated;
  for (const PyValue::Entry* e : responses.Entries()) {
    const PyValue& v = e->second;
    const PyValue* params = v.Get("ResponseParameters");
    const PyValue* templates = v.Get("ResponseTemplates");
    if (params != nullptr && params->Truthy() && !params->is_dict()) {
      return ResourceError(api_id, "Property 'GatewayResponses." + e->first.text +
                                       ".ResponseParameters' should be a map.");
    }
    if (params != nullptr && params->Truthy()) {
      for (const PyValue::Entry* k : params->Entries()) {
        if (k->first.text != "Headers" && k->first.text != "Paths" &&
            k->first.text != "QueryStrings") {
          return ResourceError(api_id,
                               "Invalid gateway response parameter '" + k->first.text + "'");
        }
      }
    }
    const PyValue* status = Field(v, "StatusCode");
    std::string status_text;
    if (status != nullptr) {
      status_text = status->Str();
      if (status->Truthy()) {
        if (!re2::RE2::PartialMatch(status_text, "^[0-9]{1,3}$"))
          return ResourceError(api_id, "Property 'StatusCode' must be numeric");
      }
    }
    PyValue swagger = PyValue::Dict(true);
    PyValue prefixed = PyValue::Dict(true);
    const std::pair<const char*, const char*> kPrefixes[] = {
        {"Headers", "header."}, {"Paths", "path."}, {"QueryStrings", "querystring."}};
    PyValue empty = PyValue::Dict(true);
    const PyValue& param_dict = params != nullptr && params->Truthy() ? *params : empty;
    for (const auto& [name, prefix] : kPrefixes) {
      const PyValue* group = param_dict.Get(name);
      if (group == nullptr)
        continue;
      if (!group->is_dict())
        return ResourceError(
            api_id, std::string("Property 'ResponseParameters.") + name + "' should be a map.");
      for (const PyValue::Entry* k : group->Entries()) {
        prefixed.Set(
            PyValue::Key{std::string("gatewayresponse.") + prefix + k->first.text, k->first.py27},
            k->second);
      }
    }
    swagger.Set("responseParameters", prefixed);
    swagger.Set("responseTemplates",
                templates != nullptr && templates->Truthy() ? *templates : PyValue::Dict(true));
    if (!status_text.empty())
      swagger.Set("statusCode", PyValue::Str(status_text));
    generated.emplace_back(e->first, std::move(swagger));
  }
  if (!generated.empty()) {
    if (!editor.gateway_responses.Truthy())
      editor.gateway_responses = PyValue::Dict(true);
    for (auto& [k, v] : generated)
      editor.gateway_responses.Set(k, std::move(v));
  }
  *body = editor.Swagger();
  return Ok();
}

Status AuthorizerPermissions(const SamResource& api, Context& ctx, const ApiAuthResult& auth,
                             GeneratedList* out) {
  for (const RestAuthorizer& a : auth.authorizers) {
    if (!a.is_lambda)
      continue;
    Json perm = NewResource("AWS::Lambda::Permission", api.PassthroughAttributes());
    Json& p = perm["Properties"];
    p["Action"] = "lambda:InvokeFunction";
    p["FunctionName"] = a.function_arn;
    p["Principal"] = "apigateway.amazonaws.com";
    p["SourceArn"] = Json{
        {"Fn::Sub", Json::array({"arn:" + ctx.partition +
                                     ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/"
                                     "authorizers/*",
                                 Json{{"__ApiId__", Ref(api.logical_id)}}})}};
    out->push_back(Generated{api.logical_id + a.name + "AuthorizerPermission", std::move(perm)});
  }
  return Ok();
}

namespace {

// SharedApiUsagePlan.get_combined_resource_attributes.
Status SharedAttributes(const SamResource& api, Context& ctx, Json* out) {
  RestApiState::SharedUsagePlan& shared = RestApis(ctx).shared_usage_plan;
  const Json* dict = api.dict;
  const Json* deletion = Get(*dict, "DeletionPolicy");
  if (Truthy(deletion) && deletion->is_string()) {
    if (shared.deletion_policy.empty() || *deletion == "Retain")
      shared.deletion_policy = deletion->get<std::string>();
  }
  const Json* replace = Get(*dict, "UpdateReplacePolicy");
  if (Truthy(replace) && replace->is_string()) {
    std::string v = replace->get<std::string>();
    if (shared.update_replace_policy.empty() || v == "Retain" ||
        (v == "Snapshot" && shared.update_replace_policy == "Delete"))
      shared.update_replace_policy = v;
  }
  const char kName[] = "SharedUsagePlanCondition";
  const Json* condition = Get(*dict, "Condition");
  Json* conditions =
      ctx.template_json != nullptr ? GetMut(*ctx.template_json, "Conditions") : nullptr;
  if (!shared.any_api_without_condition) {
    if (Truthy(condition) && condition->is_string() &&
        !shared.conditions.contains(condition->get<std::string>())) {
      if (conditions == nullptr) {
        return TemplateError(
            "Can't have condition without having 'Conditions' section in the "
            "template");
      }
      if (!conditions->is_object()) {
        // The reference fails here with a TypeError (item assignment on a str); say why.
        return TemplateError(
            "The 'Conditions' section must be a map: the shared usage plan's condition "
            "(SharedUsagePlanCondition) is added to it");
      }
      bool first = shared.conditions.empty();
      shared.conditions.insert(condition->get<std::string>());
      if (first) {
        (*conditions)[kName] = *condition;
      } else {
        Json ors = Json::array();
        for (const std::string& c : shared.conditions)
          ors.push_back(Json{{"Condition", c}});
        (*conditions)[kName] = Json{{"Fn::Or", std::move(ors)}};
      }
    } else if (condition == nullptr || condition->is_null()) {
      shared.any_api_without_condition = true;
      // (A Conditions section that is not a map holds no such key: the reference's `in` test.)
      if (conditions != nullptr && conditions->is_object() && Truthy(*conditions))
        conditions->erase(kName);
    }
  }
  Json attrs = Json::object();
  if (!shared.deletion_policy.empty())
    attrs["DeletionPolicy"] = shared.deletion_policy;
  if (!shared.update_replace_policy.empty())
    attrs["UpdateReplacePolicy"] = shared.update_replace_policy;
  if (!shared.conditions.empty() && !shared.any_api_without_condition)
    attrs["Condition"] = kName;
  *out = std::move(attrs);
  return Ok();
}

}  // namespace

Status ConstructUsagePlan(const SamResource& api, Context& ctx, const Json& auth,
                          const std::string& stage_id, GeneratedList* out) {
  const Json* plan = Truthy(auth) ? Get(auth, "UsagePlan") : nullptr;
  if (plan == nullptr || plan->is_null())
    return Ok();
  const std::string& id = api.logical_id;
  if (!plan->is_object())
    return ResourceError(id, "'UsagePlan' must be a dictionary");
  static const std::set<std::string> kFields = {"CreateUsagePlan", "Description",  "Quota", "Tags",
                                                "Throttle",        "UsagePlanName"};
  for (auto it = plan->begin(); it != plan->end(); ++it) {
    if (!kFields.contains(it.key()))
      return ResourceError(id, "Invalid property for 'UsagePlan'");
  }
  const Json* create = Get(*plan, "CreateUsagePlan");
  if (create == nullptr || create->is_null())
    return ResourceError(id, "'CreateUsagePlan' is a required field for UsagePlan.");
  if (*create != "SHARED" && *create != "PER_API" && *create != "NONE") {
    return ResourceError(id, "'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].");
  }
  if (*create == "NONE")
    return Ok();
  Json api_stage = {{"ApiId", Ref(id)}, {"Stage", Ref(stage_id)}};
  Json stage_key = {{"RestApiId", Ref(id)}, {"StageName", Ref(stage_id)}};
  Json usage_plan;
  Json api_key;
  Json plan_key;
  std::string plan_id, key_id, plan_key_id;
  if (*create == "PER_API") {
    plan_id = id + "UsagePlan";
    key_id = id + "ApiKey";
    plan_key_id = id + "UsagePlanKey";
    Json attrs = api.PassthroughAttributes();
    usage_plan = NewResource("AWS::ApiGateway::UsagePlan", attrs);
    usage_plan["DependsOn"] = Json::array({id});
    usage_plan["Properties"]["ApiStages"] = Json::array({api_stage});
    api_key = NewResource("AWS::ApiGateway::ApiKey", attrs);
    api_key["DependsOn"] = Json::array({plan_id});
    api_key["Properties"]["Enabled"] = true;
    api_key["Properties"]["StageKeys"] = Json::array({stage_key});
    plan_key = NewResource("AWS::ApiGateway::UsagePlanKey", attrs);
  } else {
    plan_id = "ServerlessUsagePlan";
    key_id = "ServerlessApiKey";
    plan_key_id = "ServerlessUsagePlanKey";
    RestApiState::SharedUsagePlan& shared = RestApis(ctx).shared_usage_plan;
    if (std::find(shared.depends_on.begin(), shared.depends_on.end(), Json(id)) ==
        shared.depends_on.end())
      shared.depends_on.push_back(id);
    Json attrs;
    SAM_TRY(SharedAttributes(api, ctx, &attrs));
    usage_plan = NewResource("AWS::ApiGateway::UsagePlan", attrs);
    usage_plan["DependsOn"] = shared.depends_on;
    if (std::find(shared.api_stages.begin(), shared.api_stages.end(), api_stage) ==
        shared.api_stages.end())
      shared.api_stages.push_back(api_stage);
    usage_plan["Properties"]["ApiStages"] = shared.api_stages;
    SAM_TRY(SharedAttributes(api, ctx, &attrs));
    api_key = NewResource("AWS::ApiGateway::ApiKey", attrs);
    api_key["DependsOn"] = Json::array({plan_id});
    api_key["Properties"]["Enabled"] = true;
    if (std::find(shared.stage_keys.begin(), shared.stage_keys.end(), stage_key) ==
        shared.stage_keys.end())
      shared.stage_keys.push_back(stage_key);
    api_key["Properties"]["StageKeys"] = shared.stage_keys;
    SAM_TRY(SharedAttributes(api, ctx, &attrs));
    plan_key = NewResource("AWS::ApiGateway::UsagePlanKey", attrs);
  }
  plan_key["DependsOn"] = Json::array({key_id});
  plan_key["Properties"]["KeyId"] = Ref(key_id);
  plan_key["Properties"]["KeyType"] = "API_KEY";
  plan_key["Properties"]["UsagePlanId"] = Ref(plan_id);
  for (const char* name : {"UsagePlanName", "Description", "Quota", "Tags", "Throttle"}) {
    if (const Json* v = Get(*plan, name); Truthy(v))
      usage_plan["Properties"][name] = *v;
  }
  (void)ctx;
  out->push_back(Generated{plan_id, std::move(usage_plan)});
  out->push_back(Generated{key_id, std::move(api_key)});
  out->push_back(Generated{plan_key_id, std::move(plan_key)});
  return Ok();
}

Status ConstructApiDomain(const SamResource& api, Context& ctx, PyValue* domain, GeneratedList* out,
                          GeneratedList* late) {
  const std::string& id = api.logical_id;
  if (domain->is_none())
    return Ok();
  if (!domain->is_dict())
    return ResourceError(id, "Property 'Domain' should be a map.");
  // Copies: Set() on `domain` below may move its entries.
  std::optional<PyValue> endpoint_value;
  if (const PyValue* v = Field(*domain, "EndpointConfiguration"))
    endpoint_value = *v;
  const PyValue* endpoint_in = endpoint_value.has_value() ? &*endpoint_value : nullptr;
  const bool v2 = IsStr(endpoint_in, "PRIVATE");
  if (Field(*domain, "DomainName") == nullptr)
    return ResourceError(id, "Property 'Domain.DomainName' is required.");
  const PyValue domain_name_value = *Field(*domain, "DomainName");
  const PyValue* domain_name = &domain_name_value;
  if (Field(*domain, "CertificateArn") == nullptr)
    return ResourceError(id, "Property 'Domain.CertificateArn' is required.");
  const PyValue cert_value = *Field(*domain, "CertificateArn");
  const PyValue* cert = &cert_value;
  Json name_json = domain_name->ToJson();
  std::string domain_id =
      (v2 ? "ApiGatewayDomainNameV2" : "ApiGatewayDomainName") + GenerateLogicalId("", &name_json);
  if (!v2)
    domain->Set("ApiDomainName", PyValue::Str(domain_id));
  Json attrs = api.PassthroughAttributes();
  Json res =
      NewResource(v2 ? "AWS::ApiGateway::DomainNameV2" : "AWS::ApiGateway::DomainName", attrs);
  Json& props = res["Properties"];
  props["DomainName"] = name_json;
  std::string endpoint;
  if (endpoint_in == nullptr) {
    endpoint = "REGIONAL";
    domain->Set("EndpointConfiguration", PyValue::Str("REGIONAL"));
  } else if (IsStr(endpoint_in, "EDGE") || IsStr(endpoint_in, "REGIONAL") || v2) {
    endpoint = endpoint_in->str();
  } else {
    return ResourceError(id,
                         "EndpointConfiguration for Custom Domains must be one of ['EDGE', "
                         "'REGIONAL', 'PRIVATE'].");
  }
  props[endpoint == "REGIONAL" && !v2 ? "RegionalCertificateArn" : "CertificateArn"] =
      cert->ToJson();
  props["EndpointConfiguration"] = Json{{"Types", Json::array({endpoint})}};
  if (const PyValue* ip = Field(*domain, "IpAddressType"); ip != nullptr && ip->Truthy())
    props["EndpointConfiguration"]["IpAddressType"] = ip->ToJson();
  if (const PyValue* mtls = Field(*domain, "MutualTlsAuthentication");
      !v2 && mtls != nullptr && mtls->Truthy()) {
    if (!mtls->is_dict())
      return ResourceError(id, "Property 'Domain.MutualTlsAuthentication' should be a map.");
    for (const PyValue::Entry* e : mtls->Entries()) {
      if (e->first.text != "TruststoreUri" && e->first.text != "TruststoreVersion") {
        return ResourceError(id,
                             "Available Domain.MutualTlsAuthentication fields are "
                             "['TruststoreUri', 'TruststoreVersion'].");
      }
    }
    Json m = Json::object();
    for (const char* k : {"TruststoreUri", "TruststoreVersion"}) {
      if (const PyValue* v = mtls->Get(k); v != nullptr && v->Truthy())
        m[k] = v->ToJson();
    }
    props["MutualTlsAuthentication"] = std::move(m);
  }
  for (const char* k :
       {"SecurityPolicy", "EndpointAccessMode", "Policy", "OwnershipVerificationCertificateArn"}) {
    if (const PyValue* v = Field(*domain, k); v != nullptr && v->Truthy())
      props[k] = v->ToJson();
  }
  out->push_back(Generated{domain_id, std::move(res)});

  // Base path mappings.
  auto mapping = [&](const std::string& logical_id, const PyValue* base_path) {
    Json m = NewResource(
        v2 ? "AWS::ApiGateway::BasePathMappingV2" : "AWS::ApiGateway::BasePathMapping", attrs);
    m["Properties"][v2 ? "DomainNameArn" : "DomainName"] = Ref(domain_id);
    m["Properties"]["RestApiId"] = Ref(id);
    m["Properties"]["Stage"] = Ref(id + ".Stage");
    if (base_path != nullptr)
      m["Properties"]["BasePath"] = base_path->ToJson();
    out->push_back(Generated{logical_id, std::move(m)});
  };
  const PyValue* base = Field(*domain, "BasePath");
  std::vector<PyValue> base_paths;
  bool have_list = false;
  if (base != nullptr && base->Truthy() && base->is_str()) {
    base_paths.push_back(*base);
    have_list = true;
  } else if (base != nullptr && base->Truthy() && base->is_list()) {
    base_paths = base->items();
    have_list = true;
  }
  const PyValue* normalize = domain->Get("NormalizeBasePath");
  bool normalize_base = normalize == nullptr || normalize->Truthy();
  if (!have_list) {
    mapping(id + "BasePathMapping", nullptr);
  } else {
    for (size_t i = 0; i < base_paths.size(); ++i) {
      if (!base_paths[i].is_str()) {
        return ResourceError(
            id, "Property 'Domain.BasePath[" + std::to_string(i) + "]' should be a string.");
      }
    }
    for (const PyValue& bp : base_paths) {
      std::string path;
      for (unsigned char c : bp.str()) {
        if (std::isalnum(c) || c >= 0x80)
          path += static_cast<char>(c);
      }
      PyValue mapped = normalize_base ? PyValue::Str(path) : bp;
      mapping(id + path + "BasePathMapping", &mapped);
    }
  }

  if (const PyValue* assoc = domain->Get("AccessAssociation");
      v2 && assoc != nullptr && !assoc->is_none()) {
    Json vpce = assoc->is_dict() && assoc->Get("VpcEndpointId") != nullptr
                    ? assoc->Get("VpcEndpointId")->ToJson()
                    : Json();
    Json key = Json::array({vpce, domain_id});
    Json a = NewResource("AWS::ApiGateway::DomainNameAccessAssociation", attrs);
    a["Properties"]["DomainNameArn"] = Ref(domain_id);
    a["Properties"]["AccessAssociationSourceType"] = "VPCE";
    a["Properties"]["AccessAssociationSource"] = vpce;
    // Generated after the usage plan, as the reference lists it last.
    late->push_back(
        Generated{GenerateLogicalId("DomainNameAccessAssociation", &key), std::move(a)});
  }

  // Route53.
  PyValue* route53 = domain->GetMut("Route53");
  if (route53 == nullptr || route53->is_none())
    return Ok();
  if (!route53->is_dict())
    return ResourceError(id, "Property 'Domain.Route53' should be a map.");
  std::optional<PyValue> zone_id_value, zone_name_value;
  if (const PyValue* v = Field(*route53, "HostedZoneId"))
    zone_id_value = *v;
  if (const PyValue* v = Field(*route53, "HostedZoneName"))
    zone_name_value = *v;
  const PyValue* zone_id = zone_id_value.has_value() ? &*zone_id_value : nullptr;
  const PyValue* zone_name = zone_name_value.has_value() ? &*zone_name_value : nullptr;
  if (zone_id == nullptr && zone_name == nullptr) {
    return ResourceError(id,
                         "HostedZoneId or HostedZoneName is required to enable Route53 support "
                         "on Custom Domains.");
  }
  auto record_sets = [&]() {
    Json alias = Json::object();
    if (const PyValue* h = Field(*route53, "EvaluateTargetHealth"))
      alias["EvaluateTargetHealth"] = h->ToJson();
    const PyValue* ec = domain->Get("EndpointConfiguration");
    if (v2) {
      ec = nullptr;  // PRIVATE: the VPC endpoint's zone and name
    }
    if (IsStr(ec, "REGIONAL")) {
      alias["HostedZoneId"] = GetAtt(domain_id, "RegionalHostedZoneId");
      alias["DNSName"] = GetAtt(domain_id, "RegionalDomainName");
    } else if (IsStr(ec, "EDGE")) {
      if (Field(*route53, "DistributionDomainName") == nullptr) {
        PyValue getatt = PyValue::Dict(false);
        PyValue args = PyValue::List();
        args.Append(PyValue::Str(domain_id));
        args.Append(PyValue::Str("DistributionDomainName"));
        getatt.Set("Fn::GetAtt", args);
        route53->Set("DistributionDomainName", getatt);
      }
      alias["HostedZoneId"] = "Z2FDTNDATAQYW2";
      alias["DNSName"] = route53->Get("DistributionDomainName")->ToJson();
    } else {
      const PyValue* h = Field(*route53, "VpcEndpointHostedZoneId");
      const PyValue* d = Field(*route53, "VpcEndpointDomainName");
      alias["HostedZoneId"] = h != nullptr ? h->ToJson() : Json();
      alias["DNSName"] = d != nullptr ? d->ToJson() : Json();
    }
    Json list = Json::array();
    auto one = [&](const char* type) {
      Json rs = {
          {"Name", domain->Get("DomainName")->ToJson()}, {"Type", type}, {"AliasTarget", alias}};
      if (const PyValue* r = Field(*route53, "Region"))
        rs["Region"] = r->ToJson();
      if (const PyValue* si = Field(*route53, "SetIdentifier"))
        rs["SetIdentifier"] = si->ToJson();
      list.push_back(std::move(rs));
    };
    one("A");
    const PyValue* v6 = route53->Get("IpV6");
    if (v6 != nullptr && v6->kind() == PyValue::Kind::kBool && v6->boolean())
      one("AAAA");
    return list;
  };
  Json zone = (zone_id != nullptr && zone_id->Truthy() ? *zone_id : *zone_name).ToJson();
  std::string group_id = "RecordSetGroup" + GenerateLogicalId("", &zone);
  if (const PyValue* separate = Field(*route53, "SeparateRecordSetGroup");
      separate != nullptr && separate->Truthy()) {
    if (separate->kind() != PyValue::Kind::kBool) {
      return ResourceError(id,
                           "Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean.");
    }
    Json key = Json::array({zone, domain->Get("DomainName")->ToJson()});
    std::string single_id = GenerateLogicalId("RecordSetGroup", &key);
    Json group = NewResource("AWS::Route53::RecordSetGroup", attrs);
    if (zone_id != nullptr && zone_id->Truthy())
      group["Properties"]["HostedZoneId"] = zone_id->ToJson();
    if (zone_name != nullptr && zone_name->Truthy())
      group["Properties"]["HostedZoneName"] = zone_name->ToJson();
    group["Properties"]["RecordSets"] = record_sets();
    out->push_back(Generated{single_id, std::move(group)});
    return Ok();
  }
  // One group per hosted zone, shared with the other APIs (REST and HTTP) of the template: each
  // adds its record sets and returns the group, as the reference's route53_record_set_groups.
  auto [group, created] = ctx.route53_record_set_groups.try_emplace(group_id);
  if (created) {
    group->second = NewResource("AWS::Route53::RecordSetGroup", attrs);
    if (route53->Contains("HostedZoneId"))
      group->second["Properties"]["HostedZoneId"] = route53->Get("HostedZoneId")->ToJson();
    if (route53->Contains("HostedZoneName"))
      group->second["Properties"]["HostedZoneName"] = route53->Get("HostedZoneName")->ToJson();
    group->second["Properties"]["RecordSets"] = Json::array();
  }
  for (Json& rs : record_sets())
    group->second["Properties"]["RecordSets"].push_back(std::move(rs));
  out->push_back(Generated{group_id, group->second});
  return Ok();
}

Status AddEventAuthToSwagger(const EventSource& event, const Json& event_auth_json,
                             const Json& api_props, const std::string& api_id,
                             const std::string& method, const std::string& path,
                             const PyValue& stage, Context& ctx, SwaggerEditor& editor) {
  PyValue event_auth = PyValue::FromJson(event_auth_json, true);
  const PyValue* method_authorizer = Field(event_auth, "Authorizer");
  Json api_auth_json;
  if (const Json* a = Get(api_props, "Auth"))
    api_auth_json = ResolveParameterRefs(*a, ctx.parameters);
  PyValue api_auth = PyValue::FromJson(api_auth_json, true);
  std::string m = method, p = path;
  auto prefix = [&](const PyValue* authorizer) {
    return "Unable to set Authorizer [" + PyStr(authorizer->ToJson()) + "] on API method [" + m +
           "] for path [" + p + "] because ";
  };
  auto check_types = [&](const PyValue* api_authorizers) -> Status {
    if (IsStr(method_authorizer, "NONE"))
      return Ok();
    if (!method_authorizer->is_str() || api_authorizers == nullptr || !api_authorizers->is_dict()) {
      return EventError(event.id, "Unable to set Authorizer [" +
                                      PyStr(method_authorizer->ToJson()) + "] on API method [" + m +
                                      "] for path [" + p +
                                      "]. The method authorizer must be a string with a "
                                      "corresponding dict entry in the api authorizer.");
    }
    return Ok();
  };
  if (method_authorizer != nullptr && method_authorizer->Truthy()) {
    const PyValue* api_authorizers = api_auth.Truthy() ? Field(api_auth, "Authorizers") : nullptr;
    if (api_authorizers != nullptr && api_authorizers->Truthy() && !api_authorizers->is_dict())
      return ResourceError(api_id, "Property 'Auth.Authorizers' should be a map.");
    if (!IsStr(method_authorizer, "AWS_IAM")) {
      if (!IsStr(method_authorizer, "NONE")) {
        if (api_authorizers == nullptr || !api_authorizers->Truthy()) {
          return EventError(event.id, prefix(method_authorizer) +
                                          "the related API does not define any Authorizers.");
        }
        SAM_TRY(check_types(api_authorizers));
        const PyValue* found = api_authorizers->Get(method_authorizer->str());
        if (found == nullptr || !found->Truthy()) {
          return EventError(
              event.id, prefix(method_authorizer) + "it wasn't defined in the API's Authorizers.");
        }
      } else {
        SAM_TRY(check_types(api_authorizers));
        const PyValue* def = api_auth.Truthy() ? Field(api_auth, "DefaultAuthorizer") : nullptr;
        if (def == nullptr || !def->Truthy()) {
          return EventError(event.id,
                            "Unable to set Authorizer on API method [" + m + "] for path [" + p +
                                "] because 'NONE' is only a valid value when a DefaultAuthorizer "
                                "on the API is specified.");
        }
      }
    }
  }
  const PyValue* scopes = Field(event_auth, "AuthorizationScopes");
  if (scopes != nullptr && scopes->Truthy()) {
    if (!scopes->is_list())
      return EventError(event.id, "Property 'Auth.AuthorizationScopes' should be a list.");
    if (method_authorizer == nullptr || !method_authorizer->Truthy())
      return EventError(event.id, "AuthorizationScopes works only when Authorizer is set");
  }
  const PyValue* apikey = event_auth.Get("ApiKeyRequired");
  bool apikey_false = apikey != nullptr && !apikey->is_none() && !apikey->Truthy();
  if (apikey_false) {
    const PyValue* api_required = api_auth.Truthy() ? api_auth.Get("ApiKeyRequired") : nullptr;
    if (api_required == nullptr || !api_required->Truthy()) {
      return EventError(event.id, "Unable to set ApiKeyRequired [False] on API method [" + m +
                                      "] for path [" + p +
                                      "] because the related API does not specify any "
                                      "ApiKeyRequired.");
    }
  }
  if ((method_authorizer != nullptr && method_authorizer->Truthy()) ||
      (apikey != nullptr && !apikey->is_none())) {
    // editor.add_auth_to_method with the API's raw Auth.
    PyValue raw_api_auth;
    if (const Json* a = Get(api_props, "Auth"))
      raw_api_auth = PyValue::FromJson(*a, true);
    const PyValue* authorizers = raw_api_auth.Truthy() ? raw_api_auth.Get("Authorizers") : nullptr;
    PyValue method_scopes_value;
    const PyValue* method_scopes = event_auth.Get("AuthorizationScopes");
    if (method_authorizer != nullptr && method_authorizer->Truthy()) {
      std::vector<PyValue*> defs;
      SAM_TRY(editor.MethodDefinitions(path, PyValue::Str(method, true), true, &defs));
      for (PyValue* d : defs) {
        PyValue security_dict = PyValue::Dict(true);
        PyValue::Key name{method_authorizer->Str(), method_authorizer->py27()};
        security_dict.Set(name, PyValue::List());
        PyValue existing;
        SAM_TRY(ExistingSecurity(d, path, method, &existing));
        if (!IsStr(method_authorizer, "NONE") && authorizers != nullptr && authorizers->Truthy()) {
          const PyValue* authorizer = authorizers->Get(name.text);
          if (authorizer != nullptr && !authorizer->is_dict()) {
            return DocumentError("Type of authorizer '" + name.text + "' must be a dictionary");
          }
          const PyValue* auth_scopes =
              authorizer != nullptr ? authorizer->Get("AuthorizationScopes") : nullptr;
          if (method_scopes != nullptr)
            auth_scopes = method_scopes;
          if (authorizer != nullptr && !authorizer->is_none() && auth_scopes != nullptr &&
              !auth_scopes->is_none())
            security_dict.Set(name, *auth_scopes);
        }
        PyValue security = existing;
        security.Append(std::move(security_dict));
        bool iam_first = security.items()[0].is_dict() && security.items()[0].Contains("AWS_IAM");
        d->Set("security", std::move(security));
        if (iam_first)
          AddAwsIamSecurityDefinition(editor);
      }
    }
    (void)method_scopes_value;
    if (apikey != nullptr && !apikey->is_none()) {
      std::vector<PyValue*> defs;
      SAM_TRY(editor.MethodDefinitions(path, PyValue::Str(method, true), true, &defs));
      for (PyValue* d : defs) {
        PyValue security_dict = PyValue::Dict(true);
        if (apikey->Truthy()) {
          security_dict.Set("api_key", PyValue::List());
          Status st = AddApiKeySecurityDefinition(editor);
          if (!st.ok())
            return DocumentError(st.error().detail);
        } else {
          security_dict.Set("api_key_false", PyValue::List());
        }
        PyValue existing;
        SAM_TRY(ExistingSecurity(d, path, method, &existing));
        PyValue security = existing;
        security.Append(std::move(security_dict));
        d->Set("security", std::move(security));
      }
    }
  }
  const PyValue* policy = Field(event_auth, "ResourcePolicy");
  if (policy != nullptr && policy->Truthy()) {
    if (!policy->is_dict())
      return ResourceError(event.id, "Property 'Auth.ResourcePolicy' should be a map.");
    SAM_TRY(AddResourcePolicy(editor, *policy, path, true, stage));
    if (const PyValue* custom = policy->Get("CustomStatements");
        custom != nullptr && custom->Truthy())
      AddCustomStatements(editor, *custom);
  }
  return Ok();
}

}  // namespace cfnx::sam
