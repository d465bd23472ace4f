// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::Application -> AWS::CloudFormation::Stack. A Location given as
// {ApplicationId, SemanticVersion} is turned into a TemplateURL through the Serverless
// Application Repository (SAR), reached through SarResolver; offline that is the --sar-mock
// file. Like the reference's ServerlessAppPlugin, every application is looked up once before
// any resource is translated (PrepareApplications), and the answer (a URL or the access
// error) is used when the resource itself is translated.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-application.html

#include <fstream>
#include <sstream>

#include "transforms/sam/intrinsics.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

// Answers recorded in a JSON file: {"<ApplicationId>" | "*": {"error": "..."} or
// {"TemplateUrl": "...", "statuses": [...]}}. The template's status is not polled: the
// reference does not wait for templates to become ACTIVE during a transform.
class MockSarResolver : public SarResolver {
 public:
  explicit MockSarResolver(Json answers) : answers_(std::move(answers)) {}

  SarAnswer CreateTemplate(const std::string& app_id, const std::string& /*semver*/) override {
    const Json* answer = Get(answers_, app_id);
    if (answer == nullptr)
      answer = Get(answers_, "*");
    SarAnswer out;
    if (answer == nullptr || !answer->is_object()) {
      out.error = "Cannot access application: " + app_id + ".";
      return out;
    }
    if (const Json* error = Get(*answer, "error"); error != nullptr && error->is_string()) {
      out.error = error->get<std::string>();
      return out;
    }
    const Json* url = Get(*answer, "TemplateUrl");
    if (url == nullptr)
      url = Get(answers_["*"], "TemplateUrl");
    if (url != nullptr && url->is_string())
      out.template_url = url->get<std::string>();
    return out;
  }

 private:
  Json answers_;
};

std::string AppKey(const Json& app_id, const Json& semver) {
  return PyJsonDumps(app_id) + "\n" + PyJsonDumps(semver);
}

bool CanProcess(const Json& properties) {
  const Json* location = Get(properties, "Location");
  if (location == nullptr || !location->is_object())
    return false;
  const Json* app_id = Get(*location, "ApplicationId");
  const Json* semver = Get(*location, "SemanticVersion");
  return app_id != nullptr && !app_id->is_null() && semver != nullptr && !semver->is_null();
}

// Parameter Refs, then Fn::FindInMap (a malformed one fails the whole document).
Status ResolveLocationValue(Json& location, const char* key, Context& ctx, Json* out) {
  Json value = ResolveParameterRefs(location[key], ctx.parameters);
  SAM_TRY(ResolveFindInMap(value, ctx.mappings));
  location[key] = value;
  *out = std::move(value);
  return Ok();
}

// The SAR call for one (ApplicationId, SemanticVersion), or the error to raise for it.
SarLookup LookUp(const std::string& logical_id, const Json& app_id, const Json& semver,
                 Context& ctx) {
  SarLookup lookup;
  if (!app_id.is_string()) {
    lookup.error =
        ResourceError(logical_id, "Property 'Location.ApplicationId' should be a string.");
    return lookup;
  }
  if (!semver.is_string()) {
    lookup.error =
        ResourceError(logical_id, "Property 'Location.SemanticVersion' should be a string.");
    return lookup;
  }
  const std::string& id = app_id.get_ref<const std::string&>();
  std::string_view ssm_name;
  if (FindDynamicReference(id, {"ssm"}, &ssm_name)) {
    lookup.error = ResourceError(logical_id,
                                 "Serverless Application Repostiory does not support dynamic "
                                 "reference in 'ApplicationId' property.");
    return lookup;
  }
  SarResolver* sar = ctx.Sar();
  if (sar == nullptr) {
    lookup.error = UnsupportedError(logical_id,
                                    "reaching the Serverless Application Repository needs a "
                                    "resolver (--sar-mock FILE offline)",
                                    {"Properties", "Location"});
    return lookup;
  }
  SarAnswer answer = sar->CreateTemplate(id, semver.get<std::string>());
  if (!answer.error.empty())
    lookup.error = ResourceError(logical_id, answer.error);
  else
    lookup.template_url = answer.template_url;
  return lookup;
}

const std::vector<PropertySpec>& ApplicationSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"Location", PropType::kStringOrDict, true},
      {"TemplateUrl", PropType::kString},
      {"Parameters", PropType::kDict},
      {"NotificationARNs", PropType::kListOfStringOrDict},
      {"Tags", PropType::kDict},
      {"TimeoutInMinutes", PropType::kInt},
  };
  return kSpecs;
}

// on_before_transform_resource: Location -> TemplateUrl.
Status ResolveTemplateUrl(SamResource& r, Context& ctx) {
  const std::string& id = r.logical_id;
  const Json* location = r.Prop("Location");
  if (location == nullptr)
    return ResourceError(id, "Resource is missing the required [Location] property.");
  if (!location->is_object()) {
    r.properties["TemplateUrl"] = *location;
    return Ok();
  }
  for (const char* key : {"ApplicationId", "SemanticVersion"}) {
    if (!location->contains(key)) {
      return ResourceError(id,
                           std::string("Resource is missing the required [") + key + "] property.",
                           {"Properties", "Location"});
    }
  }
  const Json& app_id = (*location)["ApplicationId"];
  const Json& semver = (*location)["SemanticVersion"];
  std::vector<std::string> path = {"Properties", "Location"};
  if (app_id.is_null())
    return ResourceError(id, "Property 'ApplicationId' is required.", path);
  if (app_id.is_object()) {
    return ResourceError(id,
                         "Property 'ApplicationId' cannot be resolved. Only FindInMap and Ref "
                         "intrinsic functions are supported.",
                         path);
  }
  if (!Truthy(semver))
    return ResourceError(id, "Property 'SemanticVersion' cannot be blank.", path);
  if (semver.is_object()) {
    return ResourceError(id,
                         "Property 'SemanticVersion' cannot be resolved. Only FindInMap and Ref "
                         "intrinsic functions are supported.",
                         path);
  }
  auto it = ctx.applications.find(AppKey(app_id, semver));
  if (it == ctx.applications.end())
    return ResourceError(id, "Property 'Location' is invalid.", path);
  if (it->second.error.has_value())
    return *it->second.error;
  r.properties["TemplateUrl"] = it->second.template_url;
  return Ok();
}

}  // namespace

std::unique_ptr<SarResolver> MakeSarMockResolver(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read SAR mock file '" + path + "'";
    return nullptr;
  }
  std::stringstream text;
  text << in.rdbuf();
  Json answers = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (answers.is_discarded() || !answers.is_object()) {
    *error = "SAR mock file '" + path + "' is not a JSON object";
    return nullptr;
  }
  return std::make_unique<MockSarResolver>(std::move(answers));
}

Status PrepareApplications(Json& input, Context& ctx) {
  Json& resources = input["Resources"];
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    Json& resource = it.value();
    if (Get(resource, "Type") == nullptr || resource["Type"] != "AWS::Serverless::Application")
      continue;
    Json* properties = GetMut(resource, "Properties");
    if (properties == nullptr || !CanProcess(*properties))
      continue;
    Json& location = (*properties)["Location"];
    Json app_id, semver;
    SAM_TRY(ResolveLocationValue(location, "ApplicationId", ctx, &app_id));
    SAM_TRY(ResolveLocationValue(location, "SemanticVersion", ctx, &semver));
    std::string key = AppKey(app_id, semver);
    if (app_id.is_object() || semver.is_object()) {
      ctx.applications[key] = SarLookup{};
      continue;
    }
    if (ctx.applications.contains(key))
      continue;
    ctx.applications[key] = LookUp(it.key(), app_id, semver, ctx);
  }
  return Ok();
}

Status TranslateApplication(SamResource& r, Context& ctx, GeneratedList* out) {
  SAM_TRY(ResolveTemplateUrl(r, ctx));
  SAM_TRY(ValidateProperties(r, ApplicationSpecs()));
  Json stack = NewResource("AWS::CloudFormation::Stack", r.PassthroughAttributes());
  if (const Json* depends_on = Get(*r.dict, "DependsOn"))
    stack["DependsOn"] = *depends_on;
  Json& p = stack["Properties"];
  for (const char* name : {"Parameters", "NotificationARNs"}) {
    if (const Json* v = r.Prop(name); v != nullptr && !v->is_null())
      p[name] = *v;
  }
  Json sar_tags = Json::object();
  if (const Json* location = r.Prop("Location"); location != nullptr && location->is_object()) {
    if (const Json* v = Get(*location, "ApplicationId"); v != nullptr && !v->is_null())
      sar_tags["serverlessrepo:applicationId"] = *v;
    if (const Json* v = Get(*location, "SemanticVersion"); v != nullptr && !v->is_null())
      sar_tags["serverlessrepo:semanticVersion"] = *v;
  }
  Json tags;
  SAM_TRY(ConstructTagList(r.logical_id, r.Prop("Tags"), &tags, &sar_tags));
  p["Tags"] = std::move(tags);
  if (const Json* v = r.Prop("TimeoutInMinutes"); v != nullptr && !v->is_null())
    p["TimeoutInMinutes"] = *v;
  const Json* url = r.Prop("TemplateUrl");
  p["TemplateURL"] = Truthy(url) ? *url : Json("");
  out->push_back(Generated{r.logical_id, std::move(stack)});
  return Ok();
}

}  // namespace cfnx::sam
