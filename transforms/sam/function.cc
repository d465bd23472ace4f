// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::Function -> AWS::Lambda::Function, its execution role, Version and Alias
// (AutoPublishAlias), and the resources of its event sources.

#include "transforms/sam/events/event.h"
#include "transforms/sam/intrinsics.h"
#include "transforms/sam/policies.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

const std::vector<PropertySpec>& FunctionSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"FunctionName", PropType::kStringOrDict},
      {"Handler", PropType::kAny},
      {"Runtime", PropType::kAny},
      {"CodeUri", PropType::kAny},
      {"ImageUri", PropType::kAny},
      {"PackageType", PropType::kAny},
      {"InlineCode", PropType::kAny},
      {"DeadLetterQueue", PropType::kDict},
      {"Description", PropType::kAny},
      {"MemorySize", PropType::kAny},
      {"Timeout", PropType::kAny},
      {"VpcConfig", PropType::kAny},
      {"Role", PropType::kString},
      {"AssumeRolePolicyDocument", PropType::kDict},
      {"Policies", PropType::kPolicies},
      {"RolePath", PropType::kAny},
      {"PermissionsBoundary", PropType::kString},
      {"Environment", PropType::kDictOfDict},
      {"Events", PropType::kDictOfDict},
      {"Tags", PropType::kDict},
      {"PropagateTags", PropType::kBool},
      {"Tracing", PropType::kStringOrDict},
      {"KmsKeyArn", PropType::kAny},
      {"DeploymentPreference", PropType::kDict},
      {"ReservedConcurrentExecutions", PropType::kAny},
      {"Layers", PropType::kListOfStringOrDict},
      {"EventInvokeConfig", PropType::kDict},
      {"EphemeralStorage", PropType::kAny},
      {"AutoPublishAlias", PropType::kStringOnly},
      {"AutoPublishCodeSha256", PropType::kStringOnly},
      {"AutoPublishAliasAllProperties", PropType::kBool, false, false},
      {"VersionDescription", PropType::kAny},
      {"ProvisionedConcurrencyConfig", PropType::kAny},
      {"FileSystemConfigs", PropType::kAny},
      {"ImageConfig", PropType::kAny},
      {"CodeSigningConfigArn", PropType::kAny},
      {"Architectures", PropType::kAny},
      {"SnapStart", PropType::kDict},
      {"FunctionUrlConfig", PropType::kDict},
      {"RuntimeManagementConfig", PropType::kAny},
      {"LoggingConfig", PropType::kAny},
      {"RecursiveLoop", PropType::kAny},
      {"SourceKMSKeyArn", PropType::kAny},
      {"CapacityProviderConfig", PropType::kDict},
      {"FunctionScalingConfig", PropType::kDict},
      {"VersionDeletionPolicy", PropType::kDeletionPolicy},
      {"PublishToLatestPublished", PropType::kAny},
      {"TenancyConfig", PropType::kAny},
      {"DurableConfig", PropType::kDict},
  };
  return kSpecs;
}

bool Present(const SamResource& r, const char* name) {
  const Json* v = r.Prop(name);
  return v != nullptr && !v->is_null();
}

Status ValidateRules(const SamResource& r) {
  std::string messages;
  auto add = [&](const std::string& m) {
    if (!messages.empty())
      messages += "\n";
    messages += m;
  };
  auto exclusive = [&](const char* a, const char* b) {
    if (Present(r, a) && Present(r, b))
      add(std::string("Cannot specify '") + a + "' and '" + b + "' together.");
  };
  auto requires_ = [&](const char* a, const char* b) {
    if (Present(r, a) && !Present(r, b))
      add(std::string("'") + a + "' requires '" + b + "'.");
  };
  exclusive("CapacityProviderConfig", "ProvisionedConcurrencyConfig");
  exclusive("CapacityProviderConfig", "VpcConfig");
  requires_("FunctionScalingConfig", "CapacityProviderConfig");
  requires_("VersionDeletionPolicy", "AutoPublishAlias");
  if (!messages.empty())
    return ResourceError(r.logical_id, messages, {"Properties"});
  return Ok();
}

Status ValidateDlq(const SamResource& r) {
  const Json& dlq = *r.Prop("DeadLetterQueue");
  const Json* type = Get(dlq, "Type");
  if (!Truthy(type) || !Truthy(Get(dlq, "TargetArn"))) {
    return ResourceError(
        r.logical_id, "'DeadLetterQueue' requires Type and TargetArn properties to be specified.",
        {"Properties", "DeadLetterQueue"});
  }
  if (!type->is_string()) {
    return ResourceError(r.logical_id, "Property 'DeadLetterQueue.Type' should be a string.",
                         {"Properties", "DeadLetterQueue", "Type"});
  }
  if (*type != "SQS" && *type != "SNS") {
    return ResourceError(r.logical_id, "'DeadLetterQueue' requires Type of ['SQS', 'SNS']",
                         {"Properties", "DeadLetterQueue", "Type"});
  }
  return Ok();
}

Status ValidateTenancy(const SamResource& r) {
  if (!Truthy(r.Prop("TenancyConfig")))
    return Ok();
  const std::string& id = r.logical_id;
  if (Truthy(r.Prop("ProvisionedConcurrencyConfig")))
    return ResourceError(id,
                         "Provisioned concurrency is not supported for functions enabled with "
                         "tenancy configuration.");
  if (Truthy(r.Prop("FunctionUrlConfig")))
    return ResourceError(
        id, "Function URL is not supported for functions enabled with tenancy configuration.");
  if (Truthy(r.Prop("SnapStart")))
    return ResourceError(
        id, "SnapStart is not supported for functions enabled with tenancy configuration.");
  if (const Json* events = r.Prop("Events"); Truthy(events)) {
    for (auto it = events->begin(); it != events->end(); ++it) {
      const Json* type = Get(it.value(), "Type");
      std::string t = type != nullptr ? PyStr(*type) : "None";
      if (t != "Api" && t != "HttpApi") {
        return ResourceError(id,
                             "Event source '" + t +
                                 "' is not supported for functions enabled with tenancy "
                                 "configuration. Only Api and HttpApi event sources are "
                                 "supported.",
                             {"Properties", "Events", it.key()});
      }
    }
  }
  return Ok();
}

}  // namespace

bool ParseS3Uri(const std::string& uri, Json* out) {
  if (uri.rfind("s3://", 0) != 0)
    return false;
  std::string rest = uri.substr(5);
  std::string query;
  if (size_t q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (size_t h = rest.find('#'); h != std::string::npos)
    rest = rest.substr(0, h);
  size_t slash = rest.find('/');
  if (slash == std::string::npos || slash == 0)
    return false;
  std::string bucket = rest.substr(0, slash);
  std::string path = rest.substr(slash);
  size_t k = path.find_first_not_of('/');
  std::string key = k == std::string::npos ? "" : path.substr(k);
  Json pointer = Json::object();
  pointer["Bucket"] = bucket;
  pointer["Key"] = key;
  std::vector<std::string> versions;
  size_t pos = 0;
  while (pos <= query.size() && !query.empty()) {
    size_t amp = query.find('&', pos);
    std::string part = query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    if (part.rfind("versionId=", 0) == 0 && part.size() > 10)
      versions.push_back(part.substr(10));
    if (amp == std::string::npos)
      break;
    pos = amp + 1;
  }
  if (versions.size() == 1)
    pointer["Version"] = versions[0];
  *out = std::move(pointer);
  return true;
}

Status ConstructS3Location(const Json& location, const std::string& logical_id,
                           const std::string& property, Json* code) {
  Json pointer;
  if (IsIntrinsic(location)) {
    // The reference needs the location's value while transforming; in AWS a preceding
    // transform or a parameter provides it. Offline it is unknown.
    return UnsupportedError(logical_id,
                            "'" + property +
                                "' is an intrinsic function whose value is only "
                                "known at deploy time",
                            {"Properties", property});
  }
  if (location.is_object()) {
    if (!Truthy(Get(location, "Bucket")) || !Truthy(Get(location, "Key"))) {
      return ResourceError(logical_id,
                           "'" + property + "' requires Bucket and Key properties to be specified.",
                           {"Properties", property});
    }
    pointer = location;
  } else if (location.is_string()) {
    const std::string& s = location.get_ref<const std::string&>();
    std::string_view name;
    if (FindDynamicReference(s, {"ssm", "ssm-secure", "secretsmanager"}, &name) &&
        name.find('/') != std::string_view::npos) {
      return ResourceError(logical_id,
                           "Unsupported dynamic reference detected in '" + property +
                               "'. Please consider using alternative 'FunctionCode' object format.",
                           {"Properties", property});
    }
    if (!ParseS3Uri(s, &pointer)) {
      return ResourceError(logical_id,
                           "'" + property +
                               "' is not a valid S3 Uri of the form 's3://bucket/key' with "
                               "optional versionId query parameter.",
                           {"Properties", property});
    }
  } else {
    return ResourceError(logical_id, "'" + property + "' must be of type dict or string.",
                         {"Properties", property});
  }
  Json out = Json::object();
  out["S3Bucket"] = pointer["Bucket"];
  out["S3Key"] = pointer["Key"];
  if (pointer.contains("Version"))
    out["S3ObjectVersion"] = pointer["Version"];
  *code = std::move(out);
  return Ok();
}

namespace {

Status ConstructCode(const SamResource& r, Json* code) {
  const std::string& id = r.logical_id;
  const Json* package = r.Prop("PackageType");
  std::string package_type = Truthy(package) ? PyStr(*package) : "Zip";
  const Json* inline_code = r.Prop("InlineCode");
  const Json* code_uri = r.Prop("CodeUri");
  const Json* image_uri = r.Prop("ImageUri");
  auto set = [](const Json* v) {
    return v != nullptr && !v->is_null();
  };
  if (package_type != "Zip" && package_type != "Image")
    return ResourceError(id, "invalid 'PackageType' : " + package_type,
                         {"Properties", "PackageType"});
  if (package_type == "Zip") {
    if (!set(inline_code) && !set(code_uri))
      return ResourceError(id, "Only one of 'InlineCode' or 'CodeUri' can be set.", {"Properties"});
    if (set(inline_code)) {
      *code = Json{{"ZipFile", *inline_code}};
    } else {
      SAM_TRY(ConstructS3Location(*code_uri, id, "CodeUri", code));
    }
    if (const Json* kms = r.Prop("SourceKMSKeyArn"); set(kms))
      (*code)["SourceKMSKeyArn"] = *kms;
    return Ok();
  }
  if (!set(image_uri))
    return ResourceError(id, "'ImageUri' must be set.", {"Properties"});
  if (!Truthy(image_uri)) {
    return ResourceError(id, "'ImageUri' requires that a image hosted at a registry be specified.",
                         {"Properties", "ImageUri"});
  }
  *code = Json{{"ImageUri", *image_uri}};
  return Ok();
}

Status ConstructLambdaFunction(const SamResource& r, Context& ctx, Json* out) {
  Json fn = NewResource("AWS::Lambda::Function", r.ResourceAttributes());
  Json& p = fn["Properties"];
  auto copy = [&](const char* from, const char* to) {
    const Json* v = r.Prop(from);
    if (v != nullptr && !v->is_null())
      p[to] = *v;
  };
  if (Truthy(r.Prop("FunctionName")))
    copy("FunctionName", "FunctionName");
  copy("Handler", "Handler");
  copy("Runtime", "Runtime");
  copy("Description", "Description");
  copy("MemorySize", "MemorySize");
  copy("Timeout", "Timeout");
  copy("VpcConfig", "VpcConfig");
  copy("Role", "Role");
  copy("Environment", "Environment");
  Json code;
  SAM_TRY(ConstructCode(r, &code));
  p["Code"] = code;
  copy("KmsKeyArn", "KmsKeyArn");
  copy("ReservedConcurrentExecutions", "ReservedConcurrentExecutions");
  Json tags;
  SAM_TRY(ConstructTagList(r.logical_id, r.Prop("Tags"), &tags));
  p["Tags"] = tags;
  copy("Layers", "Layers");
  copy("FileSystemConfigs", "FileSystemConfigs");
  copy("ImageConfig", "ImageConfig");
  copy("PackageType", "PackageType");
  copy("Architectures", "Architectures");
  copy("SnapStart", "SnapStart");
  copy("EphemeralStorage", "EphemeralStorage");
  if (const Json* tracing = r.Prop("Tracing"); Truthy(tracing)) {
    Json resolved = ResolveParameterRefs(*tracing, ctx.parameters);
    if (resolved != "Disabled")
      p["TracingConfig"] = Json{{"Mode", *tracing}};
  }
  if (const Json* dlq = r.Prop("DeadLetterQueue"); Truthy(dlq))
    p["DeadLetterConfig"] = Json{{"TargetArn", (*dlq)["TargetArn"]}};
  copy("CodeSigningConfigArn", "CodeSigningConfigArn");
  copy("RuntimeManagementConfig", "RuntimeManagementConfig");
  copy("LoggingConfig", "LoggingConfig");
  copy("TenancyConfig", "TenancyConfig");
  copy("RecursiveLoop", "RecursiveLoop");
  copy("DurableConfig", "DurableConfig");
  if (const Json* cp = r.Prop("CapacityProviderConfig"); Truthy(cp)) {
    Json ec2 = Json::object();
    ec2["CapacityProviderArn"] = cp->contains("Arn") ? (*cp)["Arn"] : Json();
    for (const char* k :
         {"PerExecutionEnvironmentMaxConcurrency", "ExecutionEnvironmentMemoryGiBPerVCpu"}) {
      if (const Json* v = Get(*cp, k); v != nullptr && !v->is_null())
        ec2[k] = *v;
    }
    p["CapacityProviderConfig"] = Json{{"LambdaManagedInstancesCapacityProviderConfig", ec2}};
  }
  if (Truthy(r.Prop("FunctionScalingConfig")))
    copy("FunctionScalingConfig", "FunctionScalingConfig");
  copy("PublishToLatestPublished", "PublishToLatestPublished");

  // _validate_package_type
  const Json* package = Get(p, "PackageType");
  std::string package_type = Truthy(package) ? PyStr(*package) : "Zip";
  if (package_type == "Zip") {
    if (!Truthy(Get(p, "Runtime")) || !Truthy(Get(p, "Handler"))) {
      return ResourceError(r.logical_id,
                           "Runtime and Handler needs to be present when PackageType is of type "
                           "`Zip`",
                           {"Properties"});
    }
    if (Truthy(Get(p["Code"], "ImageUri")) || Truthy(Get(p, "ImageConfig"))) {
      return ResourceError(r.logical_id,
                           "ImageUri or ImageConfig cannot be present when PackageType is of type "
                           "`Zip`",
                           {"Properties"});
    }
  } else {
    if (Truthy(Get(p, "Handler")) || Truthy(Get(p, "Runtime")) || Truthy(Get(p, "Layers"))) {
      return ResourceError(r.logical_id,
                           "Runtime, Handler, Layers cannot be present when PackageType is of "
                           "type `Image`",
                           {"Properties"});
    }
    if (!Truthy(Get(p["Code"], "ImageUri"))) {
      return ResourceError(r.logical_id,
                           "ImageUri needs to be present when PackageType is of type `Image`",
                           {"Properties"});
    }
  }
  *out = std::move(fn);
  return Ok();
}

Status ConstructVersion(const SamResource& r, Context& ctx, Json& fn, const Json* code_sha256,
                        Generated* out) {
  Json& props = fn["Properties"];
  // The reference resolves parameter references in the function's Code in place.
  ResolveParameterRefsInPlace(props["Code"], ctx.parameters);
  Json logical = Json::object();
  if (Truthy(r.Prop("AutoPublishAliasAllProperties"))) {
    logical = props;
    if (const Json* layers = Get(props, "Layers"); Truthy(layers) && layers->is_array()) {
      const Json& resources = (*ctx.input)["Resources"];
      for (const Json& layer : *layers) {
        std::string layer_id;
        if (IsIntrinsic(layer, "Ref") && layer.begin()->is_string())
          layer_id = layer.begin()->get<std::string>();
        else if (IsIntrinsic(layer, "Fn::GetAtt") && layer.begin()->is_array() &&
                 !layer.begin()->empty() && (*layer.begin())[0].is_string())
          layer_id = (*layer.begin())[0].get<std::string>();
        if (layer_id.empty())
          continue;
        const Json* layer_resource = Get(resources, layer_id);
        if (layer_resource == nullptr)
          continue;
        const Json* layer_props = Get(*layer_resource, "Properties");
        if (layer_props != nullptr && Truthy(Get(*layer_props, "PublishLambdaVersion")))
          logical[layer_id] = *layer_props;
      }
    }
  } else {
    if (props["Code"].is_object())
      logical = props["Code"];
    if (const Json* env = Get(props, "Environment"); Truthy(env) && env->is_object()) {
      for (auto it = env->begin(); it != env->end(); ++it)
        logical[it.key()] = it.value();
    }
    if (const Json* memory = Get(props, "MemorySize"); Truthy(memory))
      logical["MemorySize"] = *memory;
    if (const Json* snap = Get(props, "SnapStart"); Truthy(snap) && snap->is_object()) {
      const Json* apply_on = Get(*snap, "ApplyOn");
      if (apply_on == nullptr || *apply_on != "None")
        logical["SnapStart"] = *snap;
    }
  }
  std::string hash = code_sha256 != nullptr ? code_sha256->get<std::string>() : "";
  std::string id = GenerateLogicalId(r.logical_id + "Version", &logical, &hash);
  Json attrs = r.PassthroughAttributes();
  if (!attrs.contains("DeletionPolicy")) {
    if (const Json* policy = r.Prop("VersionDeletionPolicy");
        policy != nullptr && !policy->is_null())
      attrs["DeletionPolicy"] = *policy;
    else
      attrs["DeletionPolicy"] = r.Prop("CapacityProviderConfig") != nullptr ? "Delete" : "Retain";
  }
  Json version = NewResource("AWS::Lambda::Version", attrs);
  version["Properties"]["FunctionName"] = Ref(r.logical_id);
  if (const Json* d = r.Prop("VersionDescription"); d != nullptr && !d->is_null())
    version["Properties"]["Description"] = *d;
  if (r.Prop("CapacityProviderConfig") != nullptr && r.Prop("FunctionScalingConfig") != nullptr)
    version["Properties"]["FunctionScalingConfig"] = *r.Prop("FunctionScalingConfig");
  *out = Generated{id, std::move(version)};
  return Ok();
}

Status ConstructAlias(const SamResource& r, const std::string& name, const std::string& version_id,
                      Generated* out) {
  if (name.empty())
    return ResourceError(r.logical_id, "Alias name is required to create an alias");
  if (!IsValidAliasName(name)) {
    return ResourceError(r.logical_id,
                         "AutoPublishAlias name ('" + name +
                             "') must contain only alphanumeric characters, hyphens, or "
                             "underscores matching (?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.",
                         {"Properties", "AutoPublishAlias"});
  }
  std::string alnum;
  for (char c : name)
    alnum += c == '-' ? std::string("D") : c == '_' ? std::string("U") : std::string(1, c);
  Json alias = NewResource("AWS::Lambda::Alias", r.PassthroughAttributes());
  Json& p = alias["Properties"];
  p["Name"] = name;
  p["FunctionName"] = Ref(r.logical_id);
  p["FunctionVersion"] = GetAtt(version_id, "Version");
  if (const Json* pc = r.Prop("ProvisionedConcurrencyConfig"); Truthy(pc))
    p["ProvisionedConcurrencyConfig"] = *pc;
  *out = Generated{r.logical_id + "Alias" + alnum, std::move(alias)};
  return Ok();
}

// FunctionUrlConfig: AuthType must be AWS_IAM or NONE, Cors keys and value types are checked.
Status ValidateFunctionUrl(const SamResource& r, const Json& config) {
  if (IsIntrinsic(config))
    return Ok();
  std::vector<std::string> path = {"Properties", "FunctionUrlConfig"};
  const Json* auth = Get(config, "AuthType");
  bool auth_intrinsic = Truthy(auth) && IsIntrinsic(*auth);
  if (!auth_intrinsic && (!Truthy(auth) || (*auth != "AWS_IAM" && *auth != "NONE"))) {
    return ResourceError(r.logical_id,
                         "AuthType is required to configure function property `FunctionUrlConfig`. "
                         "Please provide either AWS_IAM or NONE.",
                         path);
  }
  const Json* cors = Get(config, "Cors");
  if (!Truthy(cors) || IsIntrinsic(*cors))
    return Ok();
  path.push_back("Cors");
  if (!cors->is_object()) {
    return ResourceError(r.logical_id, "Property 'FunctionUrlConfig.Cors' should be a map.", path);
  }
  for (auto it = cors->begin(); it != cors->end(); ++it) {
    const std::string& name = it.key();
    const Json& v = it.value();
    const char* type = nullptr;
    bool ok = false;
    if (name == "AllowOrigins" || name == "AllowMethods" || name == "AllowHeaders" ||
        name == "ExposeHeaders") {
      type = "list";
      ok = v.is_array();
    } else if (name == "AllowCredentials") {
      type = "bool";
      ok = v.is_boolean();
    } else if (name == "MaxAge") {
      type = "int";
      ok = v.is_number_integer() || v.is_boolean();  // Python: bool is an int
    } else {
      return ResourceError(r.logical_id, name + " is not a valid property for configuring Cors.",
                           path);
    }
    if (!ok && !IsIntrinsic(v))
      return ResourceError(r.logical_id, name + " must be of type " + type + ".", path);
  }
  return Ok();
}

// AWS::Lambda::Url, and for AuthType NONE the two public-access permissions.
Status ConstructFunctionUrl(const SamResource& r, const std::string& alias_id,
                            GeneratedList* resources) {
  const Json& config = *r.Prop("FunctionUrlConfig");
  SAM_TRY(ValidateFunctionUrl(r, config));
  Json target = alias_id.empty() ? Ref(r.logical_id) : Ref(alias_id);
  Json url = NewResource("AWS::Lambda::Url", r.PassthroughAttributes());
  Json& p = url["Properties"];
  if (const Json* cors = Get(config, "Cors"); Truthy(cors))
    p["Cors"] = *cors;
  if (const Json* auth = Get(config, "AuthType"); auth != nullptr && !auth->is_null())
    p["AuthType"] = *auth;
  p["TargetFunctionArn"] = target;
  if (const Json* mode = Get(config, "InvokeMode"); mode != nullptr && !mode->is_null())
    p["InvokeMode"] = *mode;
  resources->push_back(Generated{r.logical_id + "Url", std::move(url)});
  const Json* auth = Get(config, "AuthType");
  if (IsIntrinsic(config) || auth == nullptr || *auth != "NONE")
    return Ok();
  Json url_permission = NewResource("AWS::Lambda::Permission", r.PassthroughAttributes());
  url_permission["Properties"] = Json{{"Action", "lambda:InvokeFunctionUrl"},
                                      {"FunctionName", target},
                                      {"Principal", "*"},
                                      {"FunctionUrlAuthType", *auth}};
  resources->push_back(Generated{r.logical_id + "UrlPublicPermissions", std::move(url_permission)});
  Json invoke_permission = NewResource("AWS::Lambda::Permission", r.PassthroughAttributes());
  invoke_permission["Properties"] = Json{{"Action", "lambda:InvokeFunction"},
                                         {"Principal", "*"},
                                         {"FunctionName", target},
                                         {"InvokedViaFunctionUrl", true}};
  resources->push_back(
      Generated{r.logical_id + "URLInvokeAllowPublicAccess", std::move(invoke_permission)});
  return Ok();
}

// {"Fn::If": [cond, a, b]} must have three items: `what` names the property in the message.
Status ValidateIfItems(const std::string& id, const Json& items, const char* what) {
  if (!items.is_array() || items.size() != 3) {
    return ResourceError(
        id, std::string("Malformed '") + what + "' property: Fn::If requires 3 arguments.",
        {"Properties"});
  }
  return Ok();
}

// Role: !If [Cond, X, !Ref AWS::NoValue] and friends: the generated role is created only in the
// branch that has no role, under that branch's condition.
Status ConditionalRole(const SamResource& r, Context& ctx, Json& fn, Json& role, bool* add_role) {
  Json resolved = ResolveParameterRefs(fn["Properties"]["Role"], ctx.parameters);
  const Json& items = resolved["Fn::If"];
  SAM_TRY(ValidateIfItems(r.logical_id, items, "Role"));
  Json role_arn = GetAtt(r.logical_id + "Role", "Arn");
  *add_role = true;
  if (IsNoValue(items[1]) && IsNoValue(items[2])) {
    fn["Properties"]["Role"] = role_arn;
  } else if (IsNoValue(items[1])) {
    fn["Properties"]["Role"] = Json{{"Fn::If", Json::array({items[0], role_arn, items[2]})}};
    role["Condition"] = items[0];
  } else if (IsNoValue(items[2])) {
    fn["Properties"]["Role"] = Json{{"Fn::If", Json::array({items[0], items[1], role_arn})}};
    std::string condition = "NOT" + PyStr(items[0]);
    role["Condition"] = condition;
    ctx.Conditions()[condition] = Json{{"Fn::Not", Json::array({Json{{"Condition", items[0]}}})}};
  } else {
    *add_role = false;
  }
  return Ok();
}

}  // namespace

Status TranslateFunction(SamResource& r, Context& ctx, GeneratedList* out) {
  SAM_TRY(ExpandPolicyTemplates(r));
  SAM_TRY(ValidateProperties(r, FunctionSpecs()));
  std::vector<EventSource> events;
  SAM_TRY(ParseEvents(r, ctx, &events));
  SAM_TRY(ValidateRules(r));
  if (Truthy(r.Prop("DeadLetterQueue")))
    SAM_TRY(ValidateDlq(r));
  SAM_TRY(ValidateTenancy(r));

  Json fn;
  SAM_TRY(ConstructLambdaFunction(r, ctx, &fn));
  if (Truthy(r.Prop("ProvisionedConcurrencyConfig")) && !Truthy(r.Prop("AutoPublishAlias"))) {
    return ResourceError(r.logical_id,
                         "To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on "
                         "the function");
  }
  GeneratedList resources;
  resources.push_back(Generated{r.logical_id, Json()});
  std::string alias_name;
  std::string alias_id;
  if (const Json* alias = r.Prop("AutoPublishAlias"); Truthy(alias)) {
    Json resolved = ResolveParameterRefs(*alias, ctx.parameters);
    if (!resolved.is_string()) {
      return ResourceError(r.logical_id,
                           "'AutoPublishAlias' must be a string or a Ref to a template parameter",
                           {"Properties", "AutoPublishAlias"});
    }
    alias_name = resolved.get<std::string>();
    Json sha;
    const Json* sha_ptr = nullptr;
    if (const Json* code_sha = r.Prop("AutoPublishCodeSha256"); Truthy(code_sha)) {
      sha = ResolveParameterRefs(*code_sha, ctx.parameters);
      if (!sha.is_string()) {
        return ResourceError(r.logical_id, "AutoPublishCodeSha256 must be a string",
                             {"Properties", "AutoPublishCodeSha256"});
      }
      sha_ptr = &sha;
      const Json* desc = r.Prop("Description");
      Json description = desc != nullptr ? ResolveParameterRefs(*desc, ctx.parameters) : Json();
      if (!Truthy(description))
        fn["Properties"]["Description"] = sha;
      else if (description.is_string())
        fn["Properties"]["Description"] =
            description.get<std::string>() + " " + sha.get<std::string>();
      else
        fn["Properties"]["Description"] =
            Json{{"Fn::Join", Json::array({" ", Json::array({description, sha})})}};
    }
    Generated version, alias_resource;
    SAM_TRY(ConstructVersion(r, ctx, fn, sha_ptr, &version));
    SAM_TRY(ConstructAlias(r, alias_name, version.logical_id, &alias_resource));
    alias_id = alias_resource.logical_id;
    ctx.resource_refs[r.logical_id]["Version"] = version.logical_id;
    ctx.resource_refs[r.logical_id]["Alias"] = alias_id;
    resources.push_back(std::move(version));
    resources.push_back(std::move(alias_resource));
  }
  if (Truthy(r.Prop("FunctionUrlConfig")))
    SAM_TRY(ConstructFunctionUrl(r, alias_id, &resources));
  Json* alias = nullptr;
  for (Generated& g : resources) {
    if (!alias_id.empty() && g.logical_id == alias_id)
      alias = &g.resource;
  }
  SAM_TRY(AddDeploymentPreference(r, ctx, alias));
  Json event_invoke_policies = Json::array();
  if (Truthy(r.Prop("EventInvokeConfig")))
    SAM_TRY(ConstructEventInvokeConfig(r, ctx, alias_name, alias_id, &resources,
                                       &event_invoke_policies));

  RoleSpec spec;
  spec.attributes = r.PassthroughAttributes();
  if (const Json* doc = r.Prop("AssumeRolePolicyDocument"); doc != nullptr && !doc->is_null()) {
    spec.assume_role_policy_document = *doc;
  } else {
    spec.assume_role_policy_document = AssumeRolePolicyFor("lambda.amazonaws.com");
  }
  spec.managed_policy_arns.push_back(ctx.ManagedPolicyArn(
      Truthy(r.Prop("DurableConfig")) ? "service-role/AWSLambdaBasicDurableExecutionRolePolicy"
                                      : "service-role/AWSLambdaBasicExecutionRole"));
  if (const Json* tracing = r.Prop("Tracing"); Truthy(tracing)) {
    if (ResolveParameterRefs(*tracing, ctx.parameters) != "Disabled")
      spec.managed_policy_arns.push_back(ctx.ManagedPolicyArn("AWSXrayWriteOnlyAccess"));
  }
  if (Truthy(r.Prop("VpcConfig")))
    spec.managed_policy_arns.push_back(
        ctx.ManagedPolicyArn("service-role/AWSLambdaVPCAccessExecutionRole"));
  if (const Json* dlq = r.Prop("DeadLetterQueue"); Truthy(dlq)) {
    std::string action = (*dlq)["Type"] == "SQS" ? "sqs:SendMessage" : "sns:Publish";
    spec.policy_documents.push_back(Json{
        {"PolicyName", "DeadLetterQueuePolicy"},
        {"PolicyDocument", Json{{"Version", "2012-10-17"},
                                {"Statement", Json::array({Json{{"Action", action},
                                                                {"Resource", (*dlq)["TargetArn"]},
                                                                {"Effect", "Allow"}}})}}}});
  }
  for (Json& policy : event_invoke_policies)
    spec.policy_documents.push_back(std::move(policy));
  spec.role_path = r.Prop("RolePath");
  spec.permissions_boundary = r.Prop("PermissionsBoundary");
  SAM_TRY(ConstructTagList(r.logical_id, r.Prop("Tags"), &spec.tags));
  Json role;
  SAM_TRY(ConstructRole(r, ctx, r.Prop("Policies"), std::move(spec), &role));

  const Json* user_role = Get(fn["Properties"], "Role");
  bool role_added = false;
  if (user_role == nullptr) {
    fn["Properties"]["Role"] = GetAtt(r.logical_id + "Role", "Arn");
    role_added = true;
  } else if (IsIntrinsic(*user_role, "Fn::If")) {
    SAM_TRY(ConditionalRole(r, ctx, fn, role, &role_added));
  }
  resources[0].resource = std::move(fn);
  if (role_added)
    resources.push_back(Generated{r.logical_id + "Role", std::move(role)});

  FunctionInfo info;
  info.logical_id = r.logical_id;
  info.role_id = role_added ? r.logical_id + "Role" : "";
  info.alias_id = alias_id;
  info.function = &r;
  for (EventSource& event : events) {
    Status st = event.translate(event, info, ctx, &resources);
    if (!st.ok()) {
      if (st.error().kind == ErrorKind::kEvent)
        return WrapInResource(r.logical_id, st.error());
      return st;
    }
  }
  PropagateTags(resources, r.Prop("Tags"), r.Prop("PropagateTags"));
  for (Generated& g : resources)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace cfnx::sam
