// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::Api: the reference's SamApi and ApiGenerator (model/api/api_generator.py).
// RestApi with the Swagger the plugins and Api events built, Deployment with the hashed logical
// id, Stage, and the Swagger features (Cors, binary media types, models, OpenAPI 3 conversion).

#include <cctype>
#include <ctime>
#include <set>

#include "re2/re2.h"

#include "engine/base/sha1.h"
#include "transforms/sam/api_auth.h"
#include "transforms/sam/intrinsics.h"
#include "transforms/sam/rest_api.h"
#include "transforms/sam/swagger_editor.h"

namespace cfnx::sam {

RestApiState& RestApis(Context& ctx) {
  if (ctx.rest_apis == nullptr)
    ctx.rest_apis = std::make_shared<RestApiState>();
  return *ctx.rest_apis;
}

PyValue* RestApiBody(Context& ctx, const std::string& api_id) {
  RestApiState& state = RestApis(ctx);
  if (auto it = state.bodies.find(api_id); it != state.bodies.end())
    return &it->second;
  const Json* resources = ctx.input != nullptr ? Get(*ctx.input, "Resources") : nullptr;
  const Json* api = resources != nullptr ? Get(*resources, api_id) : nullptr;
  const Json* props = api != nullptr ? Get(*api, "Properties") : nullptr;
  const Json* body = props != nullptr ? Get(*props, "DefinitionBody") : nullptr;
  if (body == nullptr)
    return nullptr;
  return &(state.bodies[api_id] = PyValue::FromJson(*body, true));
}

namespace {

std::vector<PropertySpec> ApiSpecs() {
  return {{"__MANAGE_SWAGGER", PropType::kBool},
          {"Name", PropType::kStringOrDict},
          {"StageName", PropType::kStringOrDict, true},
          {"Tags", PropType::kDict},
          {"PropagateTags", PropType::kBool},
          {"DefinitionBody", PropType::kDict},
          {"DefinitionUri", PropType::kStringOrDict},
          {"MergeDefinitions", PropType::kBool, false, false},
          {"CacheClusterEnabled", PropType::kBool},
          {"CacheClusterSize", PropType::kString},
          {"Variables", PropType::kDict},
          {"EndpointConfiguration", PropType::kStringOrDict},
          {"MethodSettings", PropType::kList},
          {"BinaryMediaTypes", PropType::kList},
          {"MinimumCompressionSize", PropType::kInt},
          {"Cors", PropType::kStringOrDict},
          {"Auth", PropType::kDict},
          {"GatewayResponses", PropType::kDict},
          {"AccessLogSetting", PropType::kDict},
          {"CanarySetting", PropType::kDict},
          {"TracingEnabled", PropType::kBool},
          {"OpenApiVersion", PropType::kString},
          {"Models", PropType::kDict},
          {"Domain", PropType::kDict},
          {"FailOnWarnings", PropType::kBool},
          {"Description", PropType::kString},
          {"Mode", PropType::kString},
          {"DisableExecuteApiEndpoint", PropType::kBool},
          {"ApiKeySourceType", PropType::kString},
          {"AlwaysDeploy", PropType::kBool, false, false},
          {"Policy", PropType::kStringOrDict},
          {"SecurityPolicy", PropType::kString},
          {"EndpointAccessMode", PropType::kString}};
}

bool IsIntrinsicPy(const PyValue& v) {
  if (!v.is_dict() || v.size() != 1)
    return false;
  const std::string& k = v.Entries()[0]->first.text;
  return k == "Ref" || k == "Condition" || k.rfind("Fn::", 0) == 0;
}

// Python's str.isalnum() for the ASCII-or-not stage names templates use.
bool IsAlnum(const std::string& s) {
  if (s.empty())
    return false;
  for (unsigned char c : s) {
    if (c < 0x80 && !std::isalnum(c))
      return false;
  }
  return true;
}

struct Generator {
  SamResource& r;
  Context& ctx;
  RestApiState& state;
  std::string id;
  // Properties as the reference holds them (py27 values).
  PyValue definition_body;  // none when absent
  bool has_body = false;

  const Json* Prop(const char* name) const {
    const Json* v = r.Prop(name);
    return v != nullptr && !v->is_null() ? v : nullptr;
  }
  PyValue PyProp(const char* name) const {
    const Json* v = Prop(name);
    return v != nullptr ? PyValue::FromJson(*v, true) : PyValue::None();
  }

  Status Validate() {
    const Json* uri = Prop("DefinitionUri");
    if (Truthy(uri) && has_body && definition_body.Truthy()) {
      return ResourceError(id,
                           "Specify either 'DefinitionUri' or 'DefinitionBody' property and not "
                           "both.");
    }
    if (Truthy(uri) && Truthy(Prop("MergeDefinitions"))) {
      return ResourceError(id, "Cannot set 'MergeDefinitions' to True when using `DefinitionUri`.");
    }
    const Json* version = Prop("OpenApiVersion");
    if (Truthy(version)) {
      static const re2::RE2 kRe(R"([2-3](\.\d)(\.\d)?)");
      std::string text = PyValue::FromJson(*version, true).Str();
      if (!re2::RE2::FullMatch(text, kRe))
        return ResourceError(id, "The OpenApiVersion value must be of the format '3.0.0'.");
    }
    return Ok();
  }

  Status AddCors() {
    const Json* cors = Prop("Cors");
    if (!Truthy(cors))
      return Ok();
    if (!definition_body.Truthy()) {
      return ResourceError(
          id, "Cors works only with inline Swagger specified in 'DefinitionBody' property.");
    }
    PyValue origin = PyValue::Str("'*'");
    PyValue headers, methods, max_age;
    bool credentials = false;
    PyValue credentials_value = PyValue::Bool(false);
    PyValue value = PyValue::FromJson(*cors, true);
    if (cors->is_string() || IsIntrinsicPy(value)) {
      origin = value;
    } else if (cors->is_object()) {
      static const std::set<std::string> kFields = {"AllowMethods", "AllowHeaders", "AllowOrigin",
                                                    "MaxAge", "AllowCredentials"};
      for (auto it = cors->begin(); it != cors->end(); ++it) {
        if (!kFields.contains(it.key()))
          return ResourceError(id, "Invalid key '" + it.key() + "' for 'Cors' property.");
      }
      if (const PyValue* v = value.Get("AllowOrigin"))
        origin = *v;
      if (const PyValue* v = value.Get("AllowHeaders"))
        headers = *v;
      if (const PyValue* v = value.Get("AllowMethods"))
        methods = *v;
      if (const PyValue* v = value.Get("MaxAge"))
        max_age = *v;
      if (const PyValue* v = value.Get("AllowCredentials"))
        credentials_value = *v;
      credentials = credentials_value.kind() == PyValue::Kind::kBool && credentials_value.boolean();
    } else {
      return ResourceError(id, "Invalid value for 'Cors' property");
    }
    if (!SwaggerEditor::IsValid(&definition_body)) {
      return ResourceError(id,
                           "Unable to add Cors configuration because 'DefinitionBody' does not "
                           "contain a valid Swagger definition.");
    }
    if (credentials && origin.is_str() && origin.str() == "'*'") {
      return ResourceError(id,
                           "Unable to add Cors configuration because 'AllowCredentials' can not "
                           "be true when 'AllowOrigin' is \"'*'\" or not set");
    }
    SwaggerEditor editor;
    SAM_TRY(SwaggerEditor::Create(&definition_body, &editor));
    std::set<std::string> done;
    for (const PyValue::Key& path : editor.Paths()) {
      std::string normalized = path.text;
      if (normalized != "/") {
        while (!normalized.empty() && normalized.back() == '/')
          normalized.pop_back();
      }
      if (!done.insert(normalized).second)
        continue;
      Status st = editor.AddCors(path.text, origin, headers, methods, max_age, credentials);
      if (!st.ok()) {
        if (st.error().fatal)
          return st;
        // `raise InvalidResourceException(self.logical_id, ex.message)`: the
        // InvalidTemplateException's message, "Structure of the SAM template is invalid. "
        // included.
        return ResourceError(id, st.error().Message());
      }
    }
    definition_body = editor.Swagger();
    return Ok();
  }

  Status AddBinaryMediaTypes(const Json* binary) {
    if (!Truthy(binary) || !definition_body.Truthy())
      return Ok();
    SwaggerEditor editor;
    SAM_TRY(SwaggerEditor::Create(&definition_body, &editor));
    editor.AddBinaryMediaTypes(PyValue::FromJson(*binary, true));
    definition_body = editor.Swagger();
    return Ok();
  }

  Status AddModels() {
    const Json* models = Prop("Models");
    if (!Truthy(models))
      return Ok();
    if (!definition_body.Truthy()) {
      return ResourceError(
          id, "Models works only with inline Swagger specified in 'DefinitionBody' property.");
    }
    if (!SwaggerEditor::IsValid(&definition_body)) {
      return ResourceError(id,
                           "Unable to add Models definitions because 'DefinitionBody' does not "
                           "contain a valid Swagger definition.");
    }
    for (auto it = models->begin(); it != models->end(); ++it) {
      if (!it.value().is_object())
        return ResourceError(id, "Invalid value for 'Models' property");
    }
    SwaggerEditor editor;
    SAM_TRY(SwaggerEditor::Create(&definition_body, &editor));
    SAM_TRY(editor.AddModels(PyValue::FromJson(*models, true)));
    definition_body = editor.Swagger();
    return OpenApiPostprocess();
  }

  Status AddEndpointExtension() {
    const Json* disable = r.Prop("DisableExecuteApiEndpoint");
    if (disable == nullptr || disable->is_null())
      return Ok();
    if (!definition_body.Truthy()) {
      return ResourceError(
          id, "DisableExecuteApiEndpoint works only within 'DefinitionBody' property.");
    }
    SwaggerEditor editor;
    SAM_TRY(SwaggerEditor::Create(&definition_body, &editor));
    SAM_TRY(editor.AddDisableExecuteApiEndpoint(PyValue::FromJson(*disable, true)));
    definition_body = editor.Swagger();
    return Ok();
  }

  // _openapi_postprocess.
  Status OpenApiPostprocess() {
    PyValue& body = definition_body;
    const PyValue* swagger = body.Get("swagger");
    if (swagger != nullptr && !swagger->is_none())
      return Ok();
    PyValue version;
    const PyValue* openapi = body.Get("openapi");
    const Json* prop_version = Prop("OpenApiVersion");
    if (openapi != nullptr && !openapi->is_none() && prop_version == nullptr)
      version = *openapi;
    else if (prop_version != nullptr)
      version = PyValue::FromJson(*prop_version, true);
    if (!version.Truthy() || !SwaggerEditor::IsOpenApi3(version))
      return Ok();
    auto move_to_components = [&](const char* from, const char* to) {
      const PyValue* v = body.Get(from);
      if (v == nullptr || !v->Truthy())
        return;
      PyValue moved = *v;
      PyValue components = PyValue::Dict(true);
      if (const PyValue* c = body.Get("components"); c != nullptr && c->Truthy())
        components = *c;
      components.Set(to, std::move(moved));
      body.Set("components", std::move(components));
      body.Erase(from);
    };
    move_to_components("securityDefinitions", "securitySchemes");
    move_to_components("definitions", "schemas");
    PyValue* paths = body.GetMut("paths");
    if (paths == nullptr || !paths->Truthy())
      return Ok();
    if (!paths->is_dict())
      return DocumentError("Value of paths must be a dictionary according to Swagger spec.");
    for (PyValue::Entry* e : paths->MutableEntries()) {
      const std::string& path = e->first.text;
      PyValue& item = e->second;
      if (!item.is_dict()) {
        return DocumentError("Value of '" + path +
                             "' path must be a dictionary according to Swagger spec.");
      }
      PyValue* options = item.GetMut("options");
      if (options == nullptr || !options->Truthy())
        continue;
      if (!options->is_dict()) {
        return DocumentError("Value of options method for path " + path +
                             " must be a dictionary according to Swagger spec.");
      }
      PyValue copy = options->ShallowCopy();
      for (const PyValue::Entry* f : copy.Entries()) {
        const std::string& field = f->first.text;
        if (field == "produces" || field == "consumes")
          options->Erase(field);
        if (field != "responses")
          continue;
        const PyValue* r200 = f->second.is_dict() ? f->second.Get("200") : nullptr;
        if (!f->second.is_dict() && !f->second.is_none()) {
          return DocumentError("Invalid responses in options method for path " + path +
                               ": It should be a map.");
        }
        if (r200 != nullptr && !r200->is_dict() && !r200->is_none()) {
          return DocumentError("Invalid responses in options method for path " + path +
                               ": The value of '200' should be a map.");
        }
        const PyValue* headers = r200 != nullptr ? r200->Get("headers") : nullptr;
        if (headers == nullptr || !headers->Truthy())
          continue;
        if (!headers->is_dict()) {
          return DocumentError("Value of response's headers in options method for path " + path +
                               " must be a dictionary according to Swagger spec.");
        }
        PyValue* live = options->GetMut("responses")->GetMut("200")->GetMut("headers");
        for (const PyValue::Entry* h : headers->Entries()) {
          PyValue wrapped = PyValue::Dict(true);
          wrapped.Set("schema", h->second);
          live->Set(h->first, std::move(wrapped));
        }
      }
    }
    return Ok();
  }

  Status BodyS3Location(PyValue* out) {
    const Json* uri = Prop("DefinitionUri");
    PyValue pointer = PyValue::FromJson(*uri, true);
    if (uri->is_object()) {
      if (!Truthy(Get(*uri, "Bucket")) || !Truthy(Get(*uri, "Key"))) {
        return ResourceError(id,
                             "'DefinitionUri' requires Bucket and Key properties to be specified.");
      }
    } else {
      static const re2::RE2 kRe(R"(s3://([^/?#]+)(/[^?#]*)(?:\?([^#]*))?(?:#.*)?)");
      std::string text = uri->is_string() ? uri->get<std::string>() : "";
      std::string bucket, key, query;
      if (!uri->is_string() || !re2::RE2::FullMatch(text, kRe, &bucket, &key, &query) ||
          key.empty()) {
        return ResourceError(id,
                             "'DefinitionUri' is not a valid S3 Uri of the form 's3://bucket/key' "
                             "with optional versionId query parameter.");
      }
      while (!key.empty() && key[0] == '/')
        key.erase(0, 1);
      pointer = PyValue::Dict(false);
      pointer.Set("Bucket", PyValue::Str(bucket, true));
      pointer.Set("Key", PyValue::Str(key, true));
      std::vector<std::string> versions;
      size_t pos = 0;
      while (pos <= query.size() && !query.empty()) {
        size_t amp = query.find('&', pos);
        std::string part = query.substr(pos, amp == std::string::npos ? amp : amp - pos);
        if (part.rfind("versionId=", 0) == 0 && part.size() > 10)
          versions.push_back(part.substr(10));
        if (amp == std::string::npos)
          break;
        pos = amp + 1;
      }
      if (versions.size() == 1)
        pointer.Set("Version", PyValue::Str(versions[0], true));
    }
    PyValue s3 = PyValue::Dict(true);
    s3.Set("Bucket", *pointer.Get("Bucket"));
    s3.Set("Key", *pointer.Get("Key"));
    if (const PyValue* v = pointer.Get("Version"))
      s3.Set("Version", *v);
    *out = std::move(s3);
    return Ok();
  }

  void SetEndpointConfiguration(Json& props, const Json& value) {
    if (value.is_object() && Truthy(Get(value, "Type"))) {
      props["Parameters"] = Json{{"endpointConfigurationTypes", value["Type"]}};
      props["EndpointConfiguration"] = Json{{"Types", Json::array({value["Type"]})}};
      const Json* upper = Get(value, "VPCEndpointIds");
      const Json* lower = Get(value, "VpcEndpointIds");
      if (upper != nullptr || lower != nullptr) {
        props["EndpointConfiguration"]["VpcEndpointIds"] =
            Truthy(upper) ? *upper : (lower != nullptr ? *lower : Json());
      }
      if (const Json* ip = Get(value, "IpAddressType"))
        props["EndpointConfiguration"]["IpAddressType"] = *ip;
    } else {
      props["EndpointConfiguration"] = Json{{"Types", Json::array({value})}};
      props["Parameters"] = Json{{"endpointConfigurationTypes", value}};
    }
  }

  // The FunctionNames of the functions with an Api event on this API (Translator's
  // function_names), in translation order.
  std::string FunctionNames() {
    std::string joined;
    const Json& resources = (*ctx.input)["Resources"];
    std::vector<std::string> order = ctx.resource_order;
    if (order.empty()) {
      for (auto it = resources.begin(); it != resources.end(); ++it)
        order.push_back(it.key());
    }
    for (const std::string& fid : order) {
      const Json* f = Get(resources, fid);
      const Json* type = f != nullptr ? Get(*f, "Type") : nullptr;
      if (type == nullptr || !type->is_string() || *type != "AWS::Serverless::Function")
        continue;
      const Json* props = Get(*f, "Properties");
      const Json* events = props != nullptr ? Get(*props, "Events") : nullptr;
      if (!Truthy(events) || !events->is_object())
        continue;
      Json events_copy = *events;
      std::vector<std::string> event_order;
      Py27Keys keys;
      for (auto e = events_copy.begin(); e != events_copy.end(); ++e)
        keys.Add(e.key());
      for (const std::string* k : keys.Order())
        event_order.push_back(*k);
      for (const std::string& eid : event_order) {
        const Json& e = events_copy[eid];
        const Json* eprops = Get(e, "Properties");
        const Json* etype = Get(e, "Type");
        if (etype == nullptr || *etype != "Api" || eprops == nullptr)
          continue;
        const Json* rest = Get(*eprops, "RestApiId");
        if (!Truthy(rest))
          continue;
        Json name = *rest;
        if (name.is_object() && name.contains("Ref"))
          name = name["Ref"];
        if (!name.is_string() || name != id)
          continue;
        const Json* fname = Get(*props, "FunctionName");
        if (fname == nullptr)
          continue;
        Json resolved = ResolveParameterRefs(*fname, ctx.parameters);
        if (!Truthy(resolved))
          continue;
        joined += PyValue::FromJson(resolved, true).Str();
      }
    }
    return joined;
  }

  Status Run(GeneratedList* out);
};

Status Generator::Run(GeneratedList* out) {
  if (const Json* body = Prop("DefinitionBody")) {
    has_body = true;
    PyValue* stored = RestApiBody(ctx, id);
    definition_body = stored != nullptr ? *stored : PyValue::FromJson(*body, true);
  }
  Json binary = r.Prop("BinaryMediaTypes") != nullptr
                    ? ResolveParameterRefs(*r.Prop("BinaryMediaTypes"), ctx.parameters)
                    : Json();
  Json auth =
      r.Prop("Auth") != nullptr ? ResolveParameterRefs(*r.Prop("Auth"), ctx.parameters) : Json();
  Json domain = r.Prop("Domain") != nullptr
                    ? ResolveParameterRefs(*r.Prop("Domain"), ctx.parameters)
                    : Json();

  // _construct_rest_api.
  SAM_TRY(Validate());
  Json rest_api = NewResource("AWS::ApiGateway::RestApi", r.ResourceAttributes());
  Json& props = rest_api["Properties"];
  if (!binary.is_null())
    props["BinaryMediaTypes"] = binary;
  if (const Json* v = Prop("MinimumCompressionSize"))
    props["MinimumCompressionSize"] = *v;
  if (const Json* ec = Prop("EndpointConfiguration"); Truthy(ec)) {
    SetEndpointConfiguration(props, *ec);
    if (ec->is_object() && ec->contains("VPCEndpointIds") && ec->contains("VpcEndpointIds")) {
      return ResourceError(id,
                           "'VPCEndpointIds' and 'VpcEndpointIds' cannot be used together in "
                           "EndpointConfiguration.");
    }
  } else if (ctx.partition.rfind("aws-iso", 0) == 0 || ctx.partition == "aws-us-gov" ||
             ctx.partition == "aws-cn" || ctx.partition == "aws-eusc") {
    SetEndpointConfiguration(props, Json("REGIONAL"));
  }
  SAM_TRY(AddCors());
  ApiAuthResult auth_result;
  PyValue stage_name_py = PyProp("StageName");
  if (stage_name_py.is_str() && id == kImplicitRestApiId && state.implicit_created)
    stage_name_py = PyValue::Str(stage_name_py.str());
  SAM_TRY(AddApiAuth(id, auth, stage_name_py, ctx, &definition_body, &auth_result));
  if (Truthy(auth))
    SAM_TRY(OpenApiPostprocess());
  SAM_TRY(AddGatewayResponses(id, r.Prop("GatewayResponses"), &definition_body));
  SAM_TRY(AddBinaryMediaTypes(binary.is_null() ? nullptr : &binary));
  SAM_TRY(AddModels());
  if (const Json* v = Prop("FailOnWarnings"); Truthy(v))
    props["FailOnWarnings"] = *v;
  SAM_TRY(AddEndpointExtension());
  PyValue swagger;
  bool has_swagger = false;
  if (Truthy(Prop("DefinitionUri"))) {
    SAM_TRY(BodyS3Location(&swagger));
    props["BodyS3Location"] = swagger.ToJson();
    has_swagger = true;
  } else if (definition_body.Truthy()) {
    SAM_TRY(OpenApiPostprocess());
    props["Body"] = definition_body.ToJson();
    swagger = definition_body;
    has_swagger = true;
  }
  for (const char* name : {"Name", "Description", "Mode", "ApiKeySourceType", "Policy",
                           "SecurityPolicy", "EndpointAccessMode"}) {
    if (const Json* v = Prop(name); Truthy(v))
      props[name] = *v;
  }

  // Domain.
  GeneratedList domain_resources;
  GeneratedList late_resources;
  PyValue domain_py = domain.is_null() ? PyValue::None() : PyValue::FromJson(domain, true);
  SAM_TRY(ConstructApiDomain(r, ctx, &domain_py, &domain_resources, &late_resources));

  // Deployment and Stage.
  Json passthrough = r.PassthroughAttributes();
  const Json* openapi_version = Prop("OpenApiVersion");
  Json deployment = NewResource("AWS::ApiGateway::Deployment", passthrough);
  deployment["Properties"]["RestApiId"] = Ref(id);
  if (!Truthy(openapi_version))
    deployment["Properties"]["StageName"] = "Stage";
  std::string deployment_id = id + "Deployment";

  const Json* stage_name = Prop("StageName");
  std::string prefix = stage_name != nullptr && stage_name->is_string()
                           ? stage_name->get<std::string>()
                           : std::string();
  std::string stage_id;
  if (IsAlnum(prefix)) {
    stage_id = id + prefix + "Stage";
  } else {
    Json data = prefix;
    stage_id = GenerateLogicalId(id + "Stage", &data);
  }
  Json stage = NewResource("AWS::ApiGateway::Stage", passthrough);
  Json& sp = stage["Properties"];
  sp["RestApiId"] = Ref(id);
  if (stage_name != nullptr)
    sp["StageName"] = *stage_name;
  for (const char* name : {"CacheClusterEnabled", "CacheClusterSize", "Variables", "MethodSettings",
                           "AccessLogSetting", "CanarySetting", "TracingEnabled"}) {
    if (const Json* v = Prop(name))
      sp[name] = *v;
  }
  if (has_swagger) {
    std::vector<std::string> input;
    input.push_back(swagger.Str());
    if (Truthy(openapi_version))
      input.push_back(PyValue::FromJson(*openapi_version, true).Str());
    if (domain_py.Truthy())
      input.push_back(PyJsonDumpsSpaced(domain_py));
    std::string names = FunctionNames();
    if (!names.empty())
      input.push_back(names);
    std::string data;
    if (Truthy(Prop("AlwaysDeploy"))) {
      data = std::to_string(std::time(nullptr));
    } else {
      for (size_t i = 0; i < input.size(); ++i)
        data += (i == 0 ? "" : "||") + input[i];
    }
    std::string digest = Sha1Hex(data);
    deployment_id += digest.substr(0, 10);
    deployment["Properties"]["Description"] = "RestApi deployment id: " + digest;
  }
  sp["DeploymentId"] = Ref(deployment_id);
  if (const Json* tags = r.Prop("Tags"); tags != nullptr) {
    Json list = Json::array();
    if (tags->is_object()) {
      for (auto it = tags->begin(); it != tags->end(); ++it)
        list.push_back(Json{{"Key", it.key()}, {"Value", it.value()}});
    }
    sp["Tags"] = std::move(list);
  }

  ctx.resource_refs[id]["Stage"] = stage_id;
  ctx.resource_refs[id]["Deployment"] = deployment_id;
  GeneratedList generated;
  generated.push_back(Generated{id, std::move(rest_api)});
  generated.push_back(Generated{deployment_id, std::move(deployment)});
  generated.push_back(Generated{stage_id, std::move(stage)});
  SAM_TRY(AuthorizerPermissions(r, ctx, auth_result, &generated));
  for (Generated& g : domain_resources)
    generated.push_back(std::move(g));
  SAM_TRY(ConstructUsagePlan(r, ctx, auth, stage_id, &generated));
  for (Generated& g : late_resources)
    generated.push_back(std::move(g));
  for (const Generated& g : generated) {
    const std::string type = g.resource["Type"].get<std::string>();
    for (const auto& [property, resource_type] :
         {std::pair<const char*, const char*>{"DomainName", "AWS::ApiGateway::DomainName"},
          {"DomainNameV2", "AWS::ApiGateway::DomainNameV2"},
          {"UsagePlan", "AWS::ApiGateway::UsagePlan"},
          {"UsagePlanKey", "AWS::ApiGateway::UsagePlanKey"},
          {"ApiKey", "AWS::ApiGateway::ApiKey"}}) {
      if (type == resource_type)
        ctx.resource_refs[id][property] = g.logical_id;
    }
  }
  PropagateTags(generated, r.Prop("Tags"), r.Prop("PropagateTags"));
  for (Generated& g : generated)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace

void FixOpenApiVersions(Json& input, Context& ctx) {
  Json* resources = GetMut(input, "Resources");
  if (resources == nullptr || !resources->is_object())
    return;
  for (auto it = resources->begin(); it != resources->end(); ++it) {
    const Json* type = Get(it.value(), "Type");
    if (type == nullptr || *type != "AWS::Serverless::Api")
      continue;
    Json* props = GetMut(it.value(), "Properties");
    if (props == nullptr || !props->contains("OpenApiVersion") ||
        !props->contains("__MANAGE_SWAGGER"))
      continue;
    PyValue version = PyValue::FromJson((*props)["OpenApiVersion"], true);
    if (!SwaggerEditor::IsOpenApi3(version))
      continue;
    if (!version.is_str()) {
      version = PyValue::Str(version.Str());
      (*props)["OpenApiVersion"] = version.str();
    }
    if (!props->contains("DefinitionBody"))
      continue;
    PyValue* body = RestApiBody(ctx, it.key());
    if (body == nullptr || !body->is_dict())
      continue;
    body->Set(PyValue::Key{"openapi", false}, version);
    if (const PyValue* swagger = body->Get("swagger"); swagger != nullptr && swagger->Truthy())
      body->Erase("swagger");
    (*props)["DefinitionBody"] = body->ToJson();
  }
}

Status TranslateApi(SamResource& resource, Context& ctx, GeneratedList* out) {
  SAM_TRY(ValidateProperties(resource, ApiSpecs()));
  Generator gen{resource, ctx, RestApis(ctx), resource.logical_id, PyValue(), false};
  return gen.Run(out);
}

}  // namespace cfnx::sam
