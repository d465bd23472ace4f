// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/open_api.h"

namespace cfnx::sam {
namespace {

constexpr const char* kCors = "x-amazon-apigateway-cors";
constexpr const char* kEndpointConfig = "x-amazon-apigateway-endpoint-configuration";
constexpr const char* kTagValue = "x-amazon-apigateway-tag-value";

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

Status PathItemIsDict(const Json* item, const std::string& path) {
  if (item == nullptr || !item->is_object())
    return DocumentError("Value of '" + path +
                         "' path must be a dictionary according to Swagger spec.");
  return Ok();
}

Status MethodIsDict(const Json* def, const std::string& path, const std::string& method) {
  if (def == nullptr || !def->is_object())
    return DocumentError("Definition of method '" + method + "' for path '" + path +
                         "' should be a map.");
  return Ok();
}

bool HasIntegrationKey(const Json& def) {
  return Truthy(Get(def, OpenApiEditor::kIntegration));
}

// dict_deep_get(doc, "a.b"): nullptr when a level is missing or null; an error when a level
// on the way is not a map.
Status DeepGet(const Json& doc, std::initializer_list<const char*> path, const Json** out) {
  const Json* d = &doc;
  std::string relative;
  for (const char* key : path) {
    if (d == nullptr || d->is_null()) {
      *out = nullptr;
      return Ok();
    }
    if (!d->is_object()) {
      return DocumentError("Invalid OpenApi document: " +
                           (relative.empty() ? std::string("It should be a map")
                                             : "The value of '" + relative + "' should be a map"));
    }
    d = Get(*d, key);
    relative += relative.empty() ? key : std::string(".") + key;
  }
  *out = d;
  return Ok();
}

// The first "<alnum>+.Arn" in `text` (re.findall(r"([A-Za-z0-9]+\.Arn)")[0]) without ".Arn".
bool FirstArnReference(const std::string& text, std::string* name) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAlnum(text[j]))
      ++j;
    if (text.compare(j, 4, ".Arn") == 0) {
      *name = text.substr(i, j - i);
      return true;
    }
    i = j;
  }
  return false;
}

}  // namespace

Error DocumentError(std::string detail) {
  Error e = TemplateError(std::move(detail));
  e.fatal = true;
  return e;
}

Json MakeConditional(const std::string& condition, Json value) {
  return Json{{"Fn::If", Json::array({condition, std::move(value), Ref("AWS::NoValue")})}};
}

bool OpenApiEditor::IsValid(const Json* doc) {
  if (!Truthy(doc) || !doc->is_object())
    return false;
  const Json* paths = Get(*doc, "paths");
  const Json* version = Get(*doc, "openapi");
  if (paths == nullptr || !paths->is_object() || !Truthy(version))
    return false;
  // re.match(r"\A3(\.\d)(\.\d)?$", str(version)); `$` also matches before a final newline.
  std::string v = PyStr(*version);
  if (!v.empty() && v.back() == '\n')
    v.pop_back();
  auto digit = [](char c) {
    return c >= '0' && c <= '9';
  };
  if (v.size() != 3 && v.size() != 5)
    return false;
  if (v[0] != '3' || v[1] != '.' || !digit(v[2]))
    return false;
  return v.size() == 3 || (v[3] == '.' && digit(v[4]));
}

Status OpenApiEditor::Open(const Json* doc, OpenApiEditor* out) {
  if (!IsValid(doc)) {
    return DocumentError(
        "Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in "
        "'DefinitionBody'.");
  }
  out->doc_ = *doc;
  const Json* v = nullptr;
  SAM_TRY(DeepGet(*doc, {"components", "securitySchemes"}, &v));
  out->security_schemes_ = Truthy(v) ? *v : Json::object();
  const Json* tags = Get(*doc, "tags");
  out->tags_ = Truthy(tags) ? *tags : Json::array();
  const Json* info = Get(*doc, "info");
  out->info_ = Truthy(info) ? *info : Json::object();
  return Ok();
}

Json OpenApiEditor::Skeleton() {
  Json s = Json::object();
  s["openapi"] = "3.0.1";
  s["info"] = Json{{"version", "1.0"}, {"title", Ref("AWS::StackName")}};
  s["paths"] = Json::object();
  return s;
}

std::string OpenApiEditor::NormalizeMethod(const std::string& method) {
  std::string m = method;
  for (char& c : m) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return m == "any" ? kAnyMethod : m;
}

std::string OpenApiEditor::PathWithoutParameters(const std::string& path) {
  auto in_class = [](char c) {
    return IsAlnum(c) || c == '.' || c == '_' || c == '-';
  };
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '{') {
      size_t j = i + 1;
      while (j < path.size() && in_class(path[j]))
        ++j;
      if (j > i + 1 && j < path.size() && path[j] == '}') {
        out += '*';
        i = j + 1;
        continue;
      }
      if (path.compare(i + 1, 7, "proxy+}") == 0) {
        out += '*';
        i += 8;
        continue;
      }
    }
    out += path[i++];
  }
  return out;
}

Status OpenApiEditor::ConditionalContents(Json* item, std::vector<Json*>* out) {
  out->clear();
  if (item != nullptr && item->is_object() && item->contains("Fn::If")) {
    Json& params = (*item)["Fn::If"];
    if (!params.is_array())
      return DocumentError("Value of Fn::If must be a list.");
    for (size_t i = 1; i < params.size(); ++i) {
      if (!IsNoValue(params[i]))
        out->push_back(&params[i]);
    }
    return Ok();
  }
  out->push_back(item);
  return Ok();
}

Json OpenApiEditor::Document() const {
  Json doc = doc_;
  if (Truthy(tags_))
    doc["tags"] = tags_;
  if (Truthy(security_schemes_)) {
    if (!doc.contains("components") || !Truthy(doc["components"]))
      doc["components"] = Json::object();
    doc["components"]["securitySchemes"] = security_schemes_;
  }
  if (Truthy(info_))
    doc["info"] = info_;
  return doc;
}

std::vector<std::string> OpenApiEditor::Paths() const {
  std::vector<std::string> out;
  for (auto it = paths().begin(); it != paths().end(); ++it)
    out.push_back(it.key());
  return out;
}

bool OpenApiEditor::HasPath(const std::string& path, const std::string& method) const {
  const Json* item = Get(paths(), path);
  if (item == nullptr)
    return false;
  std::string m = NormalizeMethod(method);
  if (m.empty())
    return true;
  std::vector<Json*> contents;
  if (!ConditionalContents(const_cast<Json*>(item), &contents).ok())
    return false;
  for (const Json* p : contents) {
    if (p == nullptr || !p->is_object() || !p->contains(m))
      return false;
  }
  return true;
}

Status OpenApiEditor::HasIntegration(const std::string& path, const std::string& method,
                                     bool* out) {
  *out = false;
  std::string m = NormalizeMethod(method);
  Json* item = GetMut(paths(), path);
  if (item != nullptr && item->is_object() && item->contains("Fn::If") &&
      !(*item)["Fn::If"].is_array())
    return DocumentError("Value of Fn::If must be a list.");
  if (!HasPath(path, m))
    return Ok();
  std::vector<Json*> contents;
  SAM_TRY(ConditionalContents(item, &contents));
  for (Json* p : contents) {
    SAM_TRY(PathItemIsDict(p, path));
    Json* def = GetMut(*p, m);
    if (def == nullptr || !def->is_object())
      return Ok();
    std::vector<Json*> defs;
    SAM_TRY(ConditionalContents(def, &defs));
    bool any = false;
    for (Json* d : defs) {
      SAM_TRY(MethodIsDict(d, path, m));
      if (HasIntegrationKey(*d)) {
        any = true;
        break;
      }
    }
    if (!any)
      return Ok();
  }
  *out = true;
  return Ok();
}

Status OpenApiEditor::AddPath(const std::string& path, const std::string& method) {
  std::string m = NormalizeMethod(method);
  if (!paths().contains(path))
    paths()[path] = Json::object();
  Json& item = paths()[path];
  if (!item.is_object())
    return DocumentError("Value of '" + path +
                         "' path must be a dictionary according to Swagger spec.");
  std::vector<Json*> contents;
  SAM_TRY(ConditionalContents(&item, &contents));
  for (Json* p : contents) {
    if (p != nullptr && p->is_object() && !p->contains(m))
      (*p)[m] = Json::object();
  }
  return Ok();
}

void OpenApiEditor::MakePathConditional(const std::string& path, const std::string& condition) {
  Json& item = paths()[path];
  item = MakeConditional(condition, std::move(item));
}

Status OpenApiEditor::AddLambdaIntegration(const std::string& path, const std::string& method,
                                           const Json& uri, const std::string& condition) {
  std::string m = NormalizeMethod(method);
  bool has = false;
  SAM_TRY(HasIntegration(path, m, &has));
  if (has)
    return Ok();
  SAM_TRY(AddPath(path, m));
  Json integration_uri = condition.empty() ? uri : MakeConditional(condition, uri);
  std::vector<Json*> contents;
  SAM_TRY(ConditionalContents(GetMut(paths(), path), &contents));
  for (Json* p : contents) {
    SAM_TRY(PathItemIsDict(p, path));
    Json& def = (*p)[m];
    if (def.is_null())
      def = Json::object();
    if (!def.is_object())
      continue;
    Json integration = Json::object();
    integration["type"] = "aws_proxy";
    integration["httpMethod"] = "POST";
    integration["payloadFormatVersion"] = "2.0";
    integration["uri"] = integration_uri;
    def[kIntegration] = std::move(integration);
    if (path == kDefaultPath && m == kAnyMethod)
      def["isDefaultRoute"] = true;
    if (!def.contains("responses"))
      def["responses"] = Json::object();
    if (!condition.empty())
      def = MakeConditional(condition, std::move(def));
  }
  return Ok();
}

Status OpenApiEditor::MethodDefinitions(const std::string& path, const std::string& method,
                                        std::vector<Json*>* out) {
  out->clear();
  std::string m = NormalizeMethod(method);
  std::vector<Json*> items;
  SAM_TRY(ConditionalContents(GetMut(paths(), path), &items));
  for (Json* p : items) {
    SAM_TRY(PathItemIsDict(p, path));
    std::vector<Json*> defs;
    SAM_TRY(ConditionalContents(GetMut(*p, m), &defs));
    for (Json* d : defs) {
      SAM_TRY(MethodIsDict(d, path, method));
      if (HasIntegrationKey(*d))
        out->push_back(d);
    }
  }
  return Ok();
}

Status OpenApiEditor::IntegrationFunctionMatches(const std::string& path, const std::string& method,
                                                 const std::string& logical_id, bool* out) {
  *out = false;
  bool has = false;
  SAM_TRY(HasIntegration(path, method, &has));
  if (!has)
    return Ok();
  std::string m = NormalizeMethod(method);
  std::vector<Json*> items;
  SAM_TRY(ConditionalContents(GetMut(paths(), path), &items));
  for (Json* p : items) {
    SAM_TRY(PathItemIsDict(p, path));
    std::vector<Json*> defs;
    SAM_TRY(ConditionalContents(GetMut(*p, m), &defs));
    for (Json* d : defs) {
      SAM_TRY(MethodIsDict(d, path, m));
      const Json* integration = Get(*d, kIntegration);
      if (integration != nullptr && !integration->is_object()) {
        return DocumentError(std::string("Value of '") + kIntegration +
                             "' must be a dictionary according to Swagger spec.");
      }
      Json* uri = integration != nullptr ? GetMut(const_cast<Json&>(*integration), "uri") : nullptr;
      if (uri == nullptr || !uri->is_object())
        return Ok();
      std::vector<Json*> uris;
      SAM_TRY(ConditionalContents(uri, &uris));
      for (const Json* u : uris) {
        const Json* arn = u != nullptr ? Get(*u, "Fn::Sub") : nullptr;
        std::string name;
        if (arn == nullptr || !arn->is_string() ||
            !FirstArnReference(arn->get<std::string>(), &name) || name != logical_id)
          return Ok();
      }
    }
  }
  *out = true;
  return Ok();
}

Status OpenApiEditor::AddPathParameters(const std::string& path, const std::string& method,
                                        const std::vector<std::string>& parameters) {
  std::vector<Json*> defs;
  SAM_TRY(MethodDefinitions(path, method, &defs));
  for (Json* d : defs) {
    if (!d->contains("parameters"))
      (*d)["parameters"] = Json::array();
    Json& list = (*d)["parameters"];
    if (!list.is_array())
      continue;
    for (const std::string& param : parameters) {
      Json* existing = nullptr;
      for (Json& p : list) {
        if (p.is_object() && Get(p, "name") != nullptr && p["name"] == param) {
          existing = &p;
          break;
        }
      }
      if (existing != nullptr) {
        (*existing)["in"] = "path";
        (*existing)["required"] = true;
      } else {
        list.push_back(Json{{"name", param}, {"in", "path"}, {"required", true}});
      }
    }
  }
  return Ok();
}

Status OpenApiEditor::AddPayloadFormatVersion(const std::string& path, const std::string& method,
                                              const Json& version) {
  std::vector<Json*> defs;
  SAM_TRY(MethodDefinitions(path, method, &defs));
  for (Json* d : defs)
    (*d)[kIntegration]["payloadFormatVersion"] = version;
  return Ok();
}

Status OpenApiEditor::AddTimeout(const std::string& path, const std::string& method,
                                 const Json& timeout) {
  std::vector<Json*> defs;
  SAM_TRY(MethodDefinitions(path, method, &defs));
  for (Json* d : defs)
    (*d)[kIntegration]["timeoutInMillis"] = timeout;
  return Ok();
}

Status OpenApiEditor::AddAuthorizerSecuritySchemes(const AuthorizerList& authorizers,
                                                   const std::string& partition) {
  if (!security_schemes_.is_object())
    security_schemes_ = Json::object();
  for (const auto& [name, authorizer] : authorizers) {
    Json scheme;
    SAM_TRY(authorizer.GenerateOpenApi(partition, &scheme));
    security_schemes_[name] = std::move(scheme);
  }
  return Ok();
}

Status OpenApiEditor::SetPathDefaultAuthorizer(const std::string& path, const std::string& name,
                                               const AuthorizerList& authorizers) {
  std::vector<Json*> items;
  SAM_TRY(ConditionalContents(GetMut(paths(), path), &items));
  for (Json* p : items) {
    SAM_TRY(PathItemIsDict(p, path));
    for (auto it = p->begin(); it != p->end(); ++it) {
      std::string m = NormalizeMethod(it.key());
      if (m == "parameters" || m == "options")
        continue;
      if (!p->contains(m)) {
        return DocumentError("Could not find " + m + " in " + path + " within DefinitionBody.");
      }
      std::vector<Json*> defs;
      SAM_TRY(ConditionalContents(&it.value(), &defs));
      for (Json* d : defs) {
        SAM_TRY(MethodIsDict(d, path, it.key()));
        if (!HasIntegrationKey(*d) || Truthy(Get(*d, "security")))
          continue;
        const HttpAuthorizer* a = FindAuthorizer(authorizers, name);
        Json scopes = a != nullptr && !a->authorization_scopes.is_null() ? a->authorization_scopes
                                                                         : Json::array();
        (*d)["security"] = Json::array({Json{{name, std::move(scopes)}}});
      }
    }
  }
  return Ok();
}

Status OpenApiEditor::AddAuthToMethod(const std::string& path, const std::string& method,
                                      const Json& auth, const Json* api_authorizers) {
  const Json* authorizer = Get(auth, "Authorizer");
  if (!Truthy(authorizer))
    return Ok();
  const std::string name = PyStr(*authorizer);
  const Json* event_scopes = Get(auth, "AuthorizationScopes");
  std::vector<Json*> defs;
  SAM_TRY(MethodDefinitions(path, method, &defs));
  for (Json* d : defs) {
    Json security = Json{{name, Json::array()}};
    if (name != "NONE" && name != "AWS_IAM") {
      const Json* config = api_authorizers != nullptr ? Get(*api_authorizers, name) : nullptr;
      if (config != nullptr && !config->is_object())
        return DocumentError("Type of authorizer '" + name + "' must be a dictionary");
      const Json* scopes = config != nullptr ? Get(*config, "AuthorizationScopes") : nullptr;
      if (Truthy(event_scopes))
        scopes = event_scopes;
      if (Truthy(config) && Truthy(scopes))
        security[name] = *scopes;
    }
    const Json* existing = Get(*d, "security");
    if (existing != nullptr && !existing->is_array()) {
      return DocumentError("Type of security for path " + path + " method " + method +
                           " must be a list");
    }
    Json list = existing != nullptr ? *existing : Json::array();
    list.push_back(std::move(security));
    (*d)["security"] = std::move(list);
  }
  return Ok();
}

Status OpenApiEditor::AddTags(const Json& tags) {
  if (!tags.is_object())
    return Ok();
  for (auto it = tags.begin(); it != tags.end(); ++it) {
    if (!tags_.is_array()) {
      return DocumentError("Tags in OpenApi DefinitionBody needs to be a list. " + PyStr(tags_) +
                           " is a " + PyTypeName(tags_) + " not a list.");
    }
    Json* existing = nullptr;
    for (Json& t : tags_) {
      const Json* n = Get(t, "name");
      if (n != nullptr && *n == it.key()) {
        existing = &t;
        break;
      }
    }
    if (existing != nullptr) {
      (*existing)[kTagValue] = it.value();
    } else {
      Json tag = Json::object();
      tag["name"] = it.key();
      tag[kTagValue] = it.value();
      tags_.push_back(std::move(tag));
    }
  }
  return Ok();
}

Status OpenApiEditor::AddEndpointConfig(const Json& disable_execute_api_endpoint) {
  Json servers = doc_.contains("servers") ? doc_["servers"] : Json::array({Json::object()});
  if (servers.is_array()) {
    for (Json& config : servers) {
      if (!config.is_object()) {
        return DocumentError(
            "Value of 'servers' item must be a dictionary according to Swagger spec.");
      }
      Json endpoint = config.contains(kEndpointConfig) ? config[kEndpointConfig] : Json::object();
      if (endpoint.is_object())
        endpoint["disableExecuteApiEndpoint"] = disable_execute_api_endpoint;
      config[kEndpointConfig] = std::move(endpoint);
    }
  } else if (Truthy(servers)) {
    return DocumentError("Value of 'servers' item must be a dictionary according to Swagger spec.");
  }
  doc_["servers"] = std::move(servers);
  return Ok();
}

Status OpenApiEditor::AddCors(const Json* allow_origins, const Json* allow_headers,
                              const Json* allow_methods, const Json* expose_headers,
                              const Json* max_age, const Json* allow_credentials) {
  Json cors = doc_.contains(kCors) ? doc_[kCors] : Json::object();
  if (!cors.is_object()) {
    return DocumentError(std::string("Value of '") + kCors +
                         "' must be a dictionary according to Swagger spec.");
  }
  if (Truthy(allow_origins) && IsIntrinsic(*allow_origins)) {
    // The reference renames the capitalized keys anywhere in the intrinsic's JSON text.
    std::string text = allow_origins->dump();
    for (const char* header : {"allowOrigins", "allowHeaders", "allowMethods", "exposeHeaders",
                               "maxAge", "allowCredentials"}) {
      std::string lower = header;
      std::string upper = lower;
      upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
      for (size_t pos = text.find(upper); pos != std::string::npos;
           pos = text.find(upper, pos + lower.size()))
        text.replace(pos, upper.size(), lower);
    }
    Json parsed = Json::parse(text);
    for (auto it = parsed.begin(); it != parsed.end(); ++it)
      cors[it.key()] = it.value();
  } else {
    if (Truthy(allow_origins))
      cors["allowOrigins"] = *allow_origins;
    if (Truthy(allow_headers))
      cors["allowHeaders"] = *allow_headers;
    if (Truthy(allow_methods))
      cors["allowMethods"] = *allow_methods;
    if (Truthy(expose_headers))
      cors["exposeHeaders"] = *expose_headers;
    if (max_age != nullptr && !max_age->is_null())
      cors["maxAge"] = *max_age;
    if (allow_credentials != nullptr && allow_credentials->is_boolean() &&
        allow_credentials->get<bool>())
      cors["allowCredentials"] = true;
  }
  doc_[kCors] = std::move(cors);
  return Ok();
}

void OpenApiEditor::AddDescription(const Json& description) {
  if (!info_.is_object() || Truthy(Get(info_, "description")))
    return;
  info_["description"] = description;
}

void OpenApiEditor::AddTitle(const Json& title) {
  if (!info_.is_object())
    return;
  const Json* current = Get(info_, "title");
  if (current == nullptr || *current != Ref("AWS::StackName"))
    return;
  info_["title"] = title;
}

}  // namespace cfnx::sam
