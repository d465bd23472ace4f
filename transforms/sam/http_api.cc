// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::HttpApi, as the reference's SamHttpApi and HttpApiGenerator
// (samtranslator/model/sam_resources.py, model/api/http_api_generator.py): the
// AWS::ApiGatewayV2::Api with the OpenAPI body (CORS, authorizers, tags, endpoint
// configuration, title and description merged into it) or its S3 location, the Lambda
// authorizers' permissions, the custom domain, and the stage.

#include "transforms/sam/http_api.h"

#include <string>
#include <utility>

#include "transforms/sam/api_v2.h"
#include "transforms/sam/intrinsics.h"
#include "transforms/sam/open_api.h"

namespace cfnx::sam {
namespace {

constexpr const char* kDefaultStageName = "$default";
constexpr const char* kTagName = "httpapi:createdBy";

const std::vector<PropertySpec>& HttpApiSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"__MANAGE_SWAGGER", PropType::kBool},
      {"Name", PropType::kAny},
      {"StageName", PropType::kStringOrDict},
      {"Tags", PropType::kDict},
      {"PropagateTags", PropType::kBool},
      {"DefinitionBody", PropType::kDict},
      {"DefinitionUri", PropType::kStringOrDict},
      {"StageVariables", PropType::kDict},
      {"CorsConfiguration", PropType::kBoolOrDict},
      {"AccessLogSettings", PropType::kDict},
      {"DefaultRouteSettings", PropType::kDict},
      {"Auth", PropType::kDict},
      {"RouteSettings", PropType::kDict},
      {"Domain", PropType::kDict},
      {"FailOnWarnings", PropType::kBool},
      {"Description", PropType::kString},
      {"DisableExecuteApiEndpoint", PropType::kBool},
  };
  return kSpecs;
}

Json PropOrNull(const SamResource& r, std::string_view name) {
  const Json* v = r.Prop(name);
  return v != nullptr ? *v : Json();
}

// HttpApiGenerator: one per translated resource. Members are the generator's attributes;
// null stands for the reference's None.
class HttpApiGenerator {
 public:
  HttpApiGenerator(const SamResource& r, Context& ctx) : r_(r), ctx_(ctx), id_(r.logical_id) {}

  Status Generate(GeneratedList* out);

 private:
  Status AddCors();
  Status AddAuth();
  Status AddTags();
  Status AddEndpointConfiguration();
  Status AddTitle();
  Status AddDescription();
  void UpdateDefaultPath();
  Status BodyS3Location(Json* out) const;
  Status Authorizers(AuthorizerList* out) const;
  Status Permissions(GeneratedList* out) const;
  Json Stage(std::string* logical_id) const;

  const SamResource& r_;
  Context& ctx_;
  std::string id_;
  Json body_;
  Json uri_;
  Json tags_;
  Json auth_;
  Json cors_;
  Json domain_;
  Json stage_name_;
  Json fail_on_warnings_;
  Json disable_execute_api_endpoint_;
};

Status HttpApiGenerator::AddCors() {
  if (!Truthy(body_)) {
    return ResourceError(id_,
                         "Cors works only with inline OpenApi specified in 'DefinitionBody' "
                         "property.");
  }
  Json origins, headers, methods, max_age, expose, credentials = false;
  if (cors_.is_boolean()) {
    origins = Json::array({"*"});
  } else if (IsIntrinsic(cors_)) {
    origins = cors_;
  } else if (cors_.is_object()) {
    static const char* const kFields[] = {"AllowMethods", "AllowHeaders",  "AllowOrigins",
                                          "MaxAge",       "ExposeHeaders", "AllowCredentials"};
    for (auto it = cors_.begin(); it != cors_.end(); ++it) {
      bool known = false;
      for (const char* f : kFields)
        known = known || it.key() == f;
      if (!known)
        return ResourceError(id_, "Invalid key '" + it.key() + "' for 'Cors' property.");
    }
    auto field = [&](const char* name) {
      const Json* v = Get(cors_, name);
      return v != nullptr ? *v : Json();
    };
    origins = field("AllowOrigins");
    headers = field("AllowHeaders");
    methods = field("AllowMethods");
    max_age = field("MaxAge");
    expose = field("ExposeHeaders");
    if (cors_.contains("AllowCredentials"))
      credentials = cors_["AllowCredentials"];
  } else {
    return ResourceError(id_, "Invalid value for 'Cors' property.");
  }
  if (!OpenApiEditor::IsValid(&body_)) {
    return ResourceError(id_,
                         "Unable to add Cors configuration because 'DefinitionBody' does not "
                         "contain a valid OpenApi definition.");
  }
  if (credentials == true && origins == Json::array({"*"})) {
    return ResourceError(id_,
                         "Unable to add Cors configuration because 'AllowCredentials' can not be "
                         "true when 'AllowOrigin' is \"'*'\" or not set.");
  }
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(&body_, &editor));
  SAM_TRY(editor.AddCors(&origins, &headers, &methods, &expose, &max_age, &credentials));
  body_ = editor.Document();
  return Ok();
}

Status HttpApiGenerator::Authorizers(AuthorizerList* out) const {
  const Json* iam = Get(auth_, "EnableIamAuthorizer");
  return BuildHttpAuthorizers(id_, Get(auth_, "Authorizers"), iam != nullptr && *iam == true, out);
}

Status HttpApiGenerator::AddAuth() {
  if (!Truthy(auth_))
    return Ok();
  if (!Truthy(body_)) {
    return ResourceError(id_,
                         "Auth works only with inline OpenApi specified in the 'DefinitionBody' "
                         "property.");
  }
  if (auth_.is_object()) {
    for (auto it = auth_.begin(); it != auth_.end(); ++it) {
      if (it.key() != "Authorizers" && it.key() != "DefaultAuthorizer" &&
          it.key() != "EnableIamAuthorizer")
        return ResourceError(id_, "Invalid value for 'Auth' property");
    }
  }
  if (!OpenApiEditor::IsValid(&body_)) {
    return ResourceError(id_,
                         "Unable to add Auth configuration because 'DefinitionBody' does not "
                         "contain a valid OpenApi definition.");
  }
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(&body_, &editor));
  AuthorizerList authorizers;
  SAM_TRY(Authorizers(&authorizers));
  SAM_TRY(editor.AddAuthorizerSecuritySchemes(authorizers, ctx_.partition));
  const Json* def = Get(auth_, "DefaultAuthorizer");
  if (Truthy(def) && !IsNoValue(*def)) {
    if (!def->is_string())
      return ResourceError(id_, "Property 'Auth.DefaultAuthorizer' should be a string.");
    const std::string& name = def->get_ref<const std::string&>();
    if (FindAuthorizer(authorizers, name) == nullptr) {
      return ResourceError(id_, "Unable to set DefaultAuthorizer because '" + name +
                                    "' was not defined in 'Authorizers'.");
    }
    for (const std::string& path : editor.Paths())
      SAM_TRY(editor.SetPathDefaultAuthorizer(path, name, authorizers));
  }
  body_ = editor.Document();
  return Ok();
}

Status HttpApiGenerator::AddTags() {
  if (Truthy(tags_) && !Truthy(body_)) {
    return ResourceError(id_,
                         "Tags works only with inline OpenApi specified in the 'DefinitionBody' "
                         "property.");
  }
  if (!Truthy(body_))
    return Ok();
  bool valid = OpenApiEditor::IsValid(&body_);
  if (Truthy(tags_) && !valid) {
    return ResourceError(id_,
                         "Unable to add `Tags` because 'DefinitionBody' does not contain a valid "
                         "OpenApi definition.");
  }
  if (!valid)
    return Ok();
  if (!Truthy(tags_))
    tags_ = Json::object();
  tags_[kTagName] = "SAM";
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(&body_, &editor));
  SAM_TRY(editor.AddTags(tags_));
  body_ = editor.Document();
  return Ok();
}

Status HttpApiGenerator::AddEndpointConfiguration() {
  if (!Truthy(body_)) {
    return ResourceError(id_,
                         "DisableExecuteApiEndpoint works only within 'DefinitionBody' property.");
  }
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(&body_, &editor));
  SAM_TRY(editor.AddEndpointConfig(disable_execute_api_endpoint_));
  body_ = editor.Document();
  return Ok();
}

// dict_deep_get(body, "info.<key>") with the generator's message for a level that is no map.
Status InfoValue(const std::string& id, const Json& body, const char* key, const char* quote,
                 Json* out) {
  const Json* info = Get(body, "info");
  *out = Json();
  if (info == nullptr || info->is_null())
    return Ok();
  if (!info->is_object()) {
    return ResourceError(
        id,
        std::string("Invalid 'DefinitionBody': The value of 'info' should be a map") + quote + ".");
  }
  if (const Json* v = Get(*info, key))
    *out = *v;
  return Ok();
}

Status HttpApiGenerator::AddTitle() {
  Json name = PropOrNull(r_, "Name");
  if (!Truthy(name))
    return Ok();
  if (!Truthy(body_)) {
    return ResourceError(id_,
                         "Name works only with inline OpenApi specified in the 'DefinitionBody' "
                         "property.");
  }
  Json title;
  SAM_TRY(InfoValue(id_, body_, "title", "", &title));
  if (title != Ref("AWS::StackName")) {
    return ResourceError(id_,
                         "Unable to set Name because it is already defined within inline OpenAPI "
                         "specified in the 'DefinitionBody' property.");
  }
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(&body_, &editor));
  editor.AddTitle(name);
  body_ = editor.Document();
  return Ok();
}

Status HttpApiGenerator::AddDescription() {
  Json description = PropOrNull(r_, "Description");
  if (!Truthy(description))
    return Ok();
  if (!Truthy(body_)) {
    return ResourceError(id_,
                         "Description works only with inline OpenApi specified in the "
                         "'DefinitionBody' property.");
  }
  Json current;
  // The reference's message has a stray quote here: "...should be a map'."
  SAM_TRY(InfoValue(id_, body_, "description", "'", &current));
  if (Truthy(current)) {
    return ResourceError(id_,
                         "Unable to set Description because it is already defined within inline "
                         "OpenAPI specified in the 'DefinitionBody' property.");
  }
  OpenApiEditor editor;
  SAM_TRY(OpenApiEditor::Open(&body_, &editor));
  editor.AddDescription(description);
  body_ = editor.Document();
  return Ok();
}

void HttpApiGenerator::UpdateDefaultPath() {
  if (!Truthy(fail_on_warnings_) || !Truthy(body_) || !body_.is_object())
    return;
  Json* paths = GetMut(body_, "paths");
  if (paths == nullptr || !paths->is_object() || !paths->contains(kDefaultStageName))
    return;
  Json moved = std::move((*paths)[kDefaultStageName]);
  paths->erase(kDefaultStageName);
  (*paths)[std::string("/") + kDefaultStageName] = std::move(moved);
}

Status HttpApiGenerator::BodyS3Location(Json* out) const {
  Json pointer;
  if (uri_.is_object()) {
    if (!Truthy(Get(uri_, "Bucket")) || !Truthy(Get(uri_, "Key"))) {
      return ResourceError(id_,
                           "'DefinitionUri' requires Bucket and Key properties to be "
                           "specified.");
    }
    pointer = uri_;
  } else if (!uri_.is_string() || !ParseS3Uri(uri_.get<std::string>(), &pointer)) {
    return ResourceError(id_,
                         "'DefinitionUri' is not a valid S3 Uri of the form 's3://bucket/key' "
                         "with optional versionId query parameter.");
  }
  Json s3 = Json::object();
  s3["Bucket"] = pointer["Bucket"];
  s3["Key"] = pointer["Key"];
  if (pointer.contains("Version"))
    s3["Version"] = pointer["Version"];
  *out = std::move(s3);
  return Ok();
}

Status HttpApiGenerator::Permissions(GeneratedList* out) const {
  if (!Truthy(auth_))
    return Ok();
  AuthorizerList authorizers;
  SAM_TRY(Authorizers(&authorizers));
  for (const auto& [name, a] : authorizers) {
    if (!Truthy(a.function_arn) || !Truthy(a.enable_function_default_permissions))
      continue;
    out->push_back(AuthorizerPermission(id_ + name + "AuthorizerPermission", a.function_arn,
                                        Ref(id_), r_.PassthroughAttributes()));
  }
  return Ok();
}

bool IsPyAlnum(const std::string& s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

Json HttpApiGenerator::Stage(std::string* logical_id) const {
  std::string prefix = stage_name_.is_string() ? stage_name_.get<std::string>() : "";
  if (IsPyAlnum(prefix)) {
    *logical_id = id_ + prefix + "Stage";
  } else if (prefix == kDefaultStageName) {
    *logical_id = id_ + "ApiGatewayDefaultStage";
  } else {
    Json data = prefix;
    *logical_id = GenerateLogicalId(id_ + "Stage", &data);
  }
  Json stage = NewResource("AWS::ApiGatewayV2::Stage", r_.PassthroughAttributes());
  Json& p = stage["Properties"];
  auto set = [&](const char* key, const Json& v) {
    if (!v.is_null())
      p[key] = v;
  };
  set("AccessLogSettings", PropOrNull(r_, "AccessLogSettings"));
  set("DefaultRouteSettings", PropOrNull(r_, "DefaultRouteSettings"));
  set("RouteSettings", PropOrNull(r_, "RouteSettings"));
  p["ApiId"] = Ref(id_);
  p["StageName"] = stage_name_;
  set("Tags", tags_);
  set("StageVariables", PropOrNull(r_, "StageVariables"));
  p["AutoDeploy"] = true;
  return stage;
}

Status HttpApiGenerator::Generate(GeneratedList* out) {
  body_ = PropOrNull(r_, "DefinitionBody");
  uri_ = PropOrNull(r_, "DefinitionUri");
  tags_ = PropOrNull(r_, "Tags");
  auth_ = PropOrNull(r_, "Auth");
  cors_ = ResolveParameterRefs(PropOrNull(r_, "CorsConfiguration"), ctx_.parameters);
  domain_ = ResolveParameterRefs(PropOrNull(r_, "Domain"), ctx_.parameters);
  stage_name_ = PropOrNull(r_, "StageName");
  if (!Truthy(stage_name_))
    stage_name_ = kDefaultStageName;
  fail_on_warnings_ = PropOrNull(r_, "FailOnWarnings");
  disable_execute_api_endpoint_ = PropOrNull(r_, "DisableExecuteApiEndpoint");

  // _construct_http_api
  if (Truthy(uri_) && Truthy(body_)) {
    return ResourceError(id_,
                         "Specify either 'DefinitionUri' or 'DefinitionBody' property and not "
                         "both.");
  }
  if (Truthy(cors_))
    SAM_TRY(AddCors());
  SAM_TRY(AddAuth());
  SAM_TRY(AddTags());
  if (!disable_execute_api_endpoint_.is_null())
    SAM_TRY(AddEndpointConfiguration());
  SAM_TRY(AddTitle());
  SAM_TRY(AddDescription());
  UpdateDefaultPath();

  Json api = NewResource("AWS::ApiGatewayV2::Api", r_.ResourceAttributes());
  Json& props = api["Properties"];
  if (Truthy(uri_)) {
    Json s3;
    SAM_TRY(BodyS3Location(&s3));
    props["BodyS3Location"] = std::move(s3);
  } else if (Truthy(body_)) {
    props["Body"] = body_;
  } else {
    return ResourceError(id_,
                         "'DefinitionUri' or 'DefinitionBody' are required properties of an "
                         "'AWS::Serverless::HttpApi'. Add a value for one of these properties or "
                         "add a 'HttpApi' event to an 'AWS::Serverless::Function'.");
  }
  if (Truthy(fail_on_warnings_))
    props["FailOnWarnings"] = fail_on_warnings_;

  GeneratedList domain_resources;
  if (!domain_.is_null()) {
    ApiV2Domain d{id_, kTagName, r_.PassthroughAttributes()};
    SAM_TRY(ConstructApiV2Domain(d, domain_, &ctx_.route53_record_set_groups, &domain_resources));
  }
  GeneratedList permissions;
  SAM_TRY(Permissions(&permissions));
  std::string stage_id;
  Json stage = Stage(&stage_id);

  GeneratedList resources;
  resources.push_back(Generated{id_, std::move(api)});
  for (Generated& g : permissions)
    resources.push_back(std::move(g));
  for (Generated& g : domain_resources)
    resources.push_back(std::move(g));
  resources.push_back(Generated{stage_id, std::move(stage)});

  // propagate_tags(resources, Tags, DefinitionBody is not None): the user's tags (with the
  // SAM tag added above) go to the resources whose model takes a Tags map.
  const Json* user_tags = r_.Prop("Tags");
  const Json* user_body = r_.Prop("DefinitionBody");
  if (Truthy(user_tags) && user_body != nullptr && !user_body->is_null()) {
    for (Generated& g : resources) {
      const Json& type = g.resource["Type"];
      if (type == "AWS::ApiGatewayV2::Stage" || type == "AWS::ApiGatewayV2::DomainName")
        g.resource["Properties"]["Tags"] = tags_;
    }
  }
  for (const Generated& g : resources) {
    const Json& type = g.resource["Type"];
    if (type == "AWS::ApiGatewayV2::Stage")
      ctx_.resource_refs[id_]["Stage"] = g.logical_id;
    else if (type == "AWS::ApiGatewayV2::DomainName")
      ctx_.resource_refs[id_]["DomainName"] = g.logical_id;
  }
  for (Generated& g : resources)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace

Status TranslateHttpApi(SamResource& resource, Context& ctx, GeneratedList* out) {
  SAM_TRY(ValidateProperties(resource, HttpApiSpecs()));
  HttpApiGenerator generator(resource, ctx);
  return generator.Generate(out);
}

}  // namespace cfnx::sam
