// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::GraphQLApi -> AWS::AppSync::GraphQLApi and its schema, API keys, cache,
// DynamoDB / Lambda data sources (with their roles and the connectors that grant them access),
// custom domain, functions, pipeline resolvers and the "NONE" data source; Lambda authorizers
// get a connector that lets AppSync invoke them, logging a CloudWatch role.
// The reference: samtranslator/model/sam_resources.py (SamGraphQLApi), its schema model
// samtranslator/internal/schema_source/aws_serverless_graphqlapi.py (validated as pydantic v1
// does, see py_model.h) and samtranslator/internal/model/appsync.py.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-graphqlapi.html

#include <string>
#include <vector>

#include "transforms/sam/py_model.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

// APPSYNC_PIPELINE_RESOLVER_JS_CODE: the resolver code used when a resolver gives none.
constexpr const char* kDefaultResolverCode =
    "\n"
    "export function request(ctx) {\n"
    "    return {};\n"
    "}\n"
    "\n"
    "export function response(ctx) {\n"
    "    return ctx.prev.result;\n"
    "}\n";

// SamGraphQLApi.property_types: checked before the schema model (validate_setattr is off, so
// properties it does not list are ignored rather than refused).
const std::vector<PropertySpec>& GraphQLApiSpecs() {
  // Property and PassThroughProperty: no intrinsic function skips the check.
  static const std::vector<PropertySpec> kSpecs = {
      {"Name", PropType::kAny, false, false},
      {"Tags", PropType::kDict, false, false},
      {"XrayEnabled", PropType::kAny, false, false},
      {"Auth", PropType::kDict, true, false},
      {"SchemaInline", PropType::kString, false, false},
      {"SchemaUri", PropType::kString, false, false},
      {"Logging", PropType::kBoolOrDict, false, false},
      {"DataSources", PropType::kDict, false, false},
      {"Functions", PropType::kDict, false, false},
      {"Resolvers", PropType::kDict, false, false},
      {"ApiKeys", PropType::kDict, false, false},
      {"DomainName", PropType::kDict, false, false},
      {"Cache", PropType::kDict, false, false},
      {"Visibility", PropType::kAny, false, false},
      {"OwnerContact", PropType::kAny, false, false},
      {"IntrospectionConfig", PropType::kAny, false, false},
      {"QueryDepthLimit", PropType::kAny, false, false},
      {"ResolverCountLimit", PropType::kAny, false, false},
  };
  return kSpecs;
}

// aws_serverless_graphqlapi.py, class by class.
struct Schema {
  PyModel lambda_authorizer{{{"AuthorizerResultTtlInSeconds", PyOptional(PyAny())},
                             {"AuthorizerUri", PyAny()},
                             {"IdentityValidationExpression", PyOptional(PyAny())}}};
  PyModel open_id_connect{{{"AuthTTL", PyOptional(PyAny())},
                           {"ClientId", PyOptional(PyAny())},
                           {"IatTTL", PyOptional(PyAny())},
                           {"Issuer", PyOptional(PyAny())}}};
  PyModel user_pool{{{"AppIdClientRegex", PyOptional(PyAny())},
                     {"AwsRegion", PyOptional(PyAny())},
                     {"DefaultAction", PyOptional(PyAny())},
                     {"UserPoolId", PyAny()}}};
  PyModel authorizer{{{"Type", PyLiteral({"AWS_IAM", "API_KEY", "AWS_LAMBDA", "OPENID_CONNECT",
                                          "AMAZON_COGNITO_USER_POOLS"})},
                      {"LambdaAuthorizer", PyOptional(PyOf(lambda_authorizer))},
                      {"OpenIDConnect", PyOptional(PyOf(open_id_connect))},
                      {"UserPool", PyOptional(PyOf(user_pool))}}};
  PyModel auth{{authorizer.fields[0], authorizer.fields[1], authorizer.fields[2],
                authorizer.fields[3],
                PyField{"Additional", PyOptional(PyListOf(PyOf(authorizer)))}}};
  PyModel api_key{{{"ApiKeyId", PyOptional(PyAny())},
                   {"Description", PyOptional(PyAny())},
                   {"ExpiresOn", PyOptional(PyAny())}}};
  PyModel logging{{{"CloudWatchLogsRoleArn", PyOptional(PyAny())},
                   {"ExcludeVerboseContent", PyOptional(PyAny())},
                   {"FieldLogLevel", PyOptional(PyAny())}}};
  PyModel delta_sync{
      {{"BaseTableTTL", PyAny()}, {"DeltaSyncTableName", PyAny()}, {"DeltaSyncTableTTL", PyAny()}}};
  PyModel dynamodb{{{"TableName", PyAny()},
                    {"ServiceRoleArn", PyOptional(PyAny())},
                    {"TableArn", PyOptional(PyAny())},
                    {"Permissions", PyOptional(PyListOf(PyLiteral({"Read", "Write"})))},
                    {"Name", PyOptional(PyAny())},
                    {"Description", PyOptional(PyAny())},
                    {"Region", PyOptional(PyAny())},
                    {"DeltaSync", PyOptional(PyOf(delta_sync))},
                    {"UseCallerCredentials", PyOptional(PyAny())},
                    {"Versioned", PyOptional(PyAny())}}};
  PyModel lambda{{{"FunctionArn", PyAny()},
                  {"ServiceRoleArn", PyOptional(PyAny())},
                  {"Name", PyOptional(PyAny())},
                  {"Description", PyOptional(PyAny())}}};
  PyModel data_sources{{{"DynamoDb", PyOptional(PyDictOf(PyOf(dynamodb)))},
                        {"Lambda", PyOptional(PyDictOf(PyOf(lambda)))}}};
  PyModel runtime{{{"Name", PyAny()}, {"Version", PyAny()}}};
  PyModel conflict_handler{{{"LambdaConflictHandlerArn", PyAny()}}};
  PyModel sync{{{"ConflictDetection", PyAny()},
                {"ConflictHandler", PyOptional(PyAny())},
                {"LambdaConflictHandlerConfig", PyOptional(PyOf(conflict_handler))}}};
  PyModel function{{{"DataSource", PyOptional(PyUnion({PyDictStrAny(), PyStr()}))},
                    {"Runtime", PyOptional(PyOf(runtime))},
                    {"InlineCode", PyOptional(PyAny())},
                    {"CodeUri", PyOptional(PyAny())},
                    {"Description", PyOptional(PyAny())},
                    {"MaxBatchSize", PyOptional(PyAny())},
                    {"Name", PyOptional(PyStr())},
                    {"Id", PyOptional(PyAny())},
                    {"Sync", PyOptional(PyOf(sync))}}};
  PyModel caching{{{"Ttl", PyAny()}, {"CachingKeys", PyOptional(PyListOf(PyAny()))}}};
  PyModel resolver{{{"FieldName", PyOptional(PyStr())},
                    {"Caching", PyOptional(PyOf(caching))},
                    {"InlineCode", PyOptional(PyAny())},
                    {"CodeUri", PyOptional(PyAny())},
                    {"MaxBatchSize", PyOptional(PyAny())},
                    {"Pipeline", PyOptional(PyListOf(PyStr()))},
                    {"Runtime", PyOptional(PyOf(runtime))},
                    {"Sync", PyOptional(PyOf(sync))}}};
  PyModel domain_name{
      {{"CertificateArn", PyAny()}, {"DomainName", PyAny()}, {"Description", PyOptional(PyAny())}}};
  PyModel cache{{{"ApiCachingBehavior", PyAny()},
                 {"Ttl", PyAny()},
                 {"Type", PyAny()},
                 {"AtRestEncryptionEnabled", PyOptional(PyAny())},
                 {"TransitEncryptionEnabled", PyOptional(PyAny())}}};
  PyModel properties{{{"Auth", PyOf(auth)},
                      {"Tags", PyOptional(PyDictStrAny())},
                      {"Name", PyOptional(PyAny())},
                      {"XrayEnabled", PyOptional(PyBool())},
                      {"SchemaInline", PyOptional(PyAny())},
                      {"SchemaUri", PyOptional(PyAny())},
                      {"Logging", PyOptional(PyUnion({PyOf(logging), PyBool()}))},
                      {"DataSources", PyOptional(PyOf(data_sources))},
                      {"Functions", PyOptional(PyDictOf(PyOf(function)))},
                      {"Resolvers", PyOptional(PyDictOf(PyDictOf(PyOf(resolver))))},
                      {"ApiKeys", PyOptional(PyDictOf(PyOf(api_key)))},
                      {"DomainName", PyOptional(PyOf(domain_name))},
                      {"Cache", PyOptional(PyOf(cache))},
                      {"Visibility", PyOptional(PyAny())},
                      {"OwnerContact", PyOptional(PyAny())},
                      {"IntrospectionConfig", PyOptional(PyAny())},
                      {"QueryDepthLimit", PyOptional(PyAny())},
                      {"ResolverCountLimit", PyOptional(PyAny())}}};
};

const Schema& GraphQLSchema() {
  static const Schema kSchema;
  return kSchema;
}

bool IsNull(const Json& v) {
  return v.is_null();
}

// remove_none_values: the top-level null fields dropped.
Json WithoutNulls(const Json& model) {
  Json out = Json::object();
  for (auto it = model.begin(); it != model.end(); ++it) {
    if (!IsNull(it.value()))
      out[it.key()] = it.value();
  }
  return out;
}

// Model.dict(exclude_none=True): null fields dropped at every depth of nested models.
Json WithoutNullsDeep(const Json& model) {
  Json out = Json::object();
  for (auto it = model.begin(); it != model.end(); ++it) {
    if (IsNull(it.value()))
      continue;
    out[it.key()] = it.value().is_object() ? WithoutNullsDeep(it.value()) : it.value();
  }
  return out;
}

bool IsAlphanumericId(const std::string& id) {
  if (id.empty())
    return false;
  for (char c : id) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!ok)
      return false;
  }
  return true;
}

class GraphQLApiBuilder {
 public:
  GraphQLApiBuilder(const SamResource& r, Context& ctx, const Json& model)
      : r_(r), ctx_(ctx), m_(model), id_(r.logical_id) {}

  Status Build(GeneratedList* out);

 private:
  // An error the reference raises with a part's own key as the id.
  Error PartError(const std::string& relative_id, std::string detail,
                  std::vector<std::string> path) const {
    Error e = ResourceError(relative_id, std::move(detail), std::move(path));
    e.resource = id_;
    return e;
  }
  // Resource.__init__ refuses a logical id that is not alphanumeric.
  Status CheckId(const std::string& logical_id, std::vector<std::string> path) const {
    if (IsAlphanumericId(logical_id))
      return Ok();
    return PartError(logical_id, "Logical ids must be alphanumeric.", std::move(path));
  }
  // A resource with the API's DependsOn and resource attributes, as every part gets.
  Json Part(std::string_view type) const { return NewResource(type, r_.ResourceAttributes()); }
  Json ApiId() const { return GetAtt(id_, "ApiId"); }

  Status ApiResource(GeneratedList* out, std::vector<Json>* lambda_auth_arns, bool* role);
  Status AuthConfig(const Json& auth, int index, std::string* name, Json* config) const;
  Status Schema(GeneratedList* out);
  Status Connector(const std::string& logical_id, Json source, Json destination, Json permissions,
                   GeneratedList* out);
  Json CloudWatchRole() const;
  Status ApiKeys(GeneratedList* out);
  Status DataSources(GeneratedList* out);
  // The part every data source shares: API, Description, Name (its key by default) and Type.
  Json DataSourceResource(const std::string& relative_id, const Json& ds,
                          std::string_view type) const;
  // Records the data source's name for functions and resolvers, then emits it and its role.
  void AddDataSource(const std::string& relative_id, const std::string& logical_id,
                     Json resource, GeneratedList parts, GeneratedList* out);
  Status DataSourceRole(const std::string& datasource_id, Json destination_type,
                        Json destination_arn, Json permissions, const std::string& suffix,
                        GeneratedList* out);
  void DomainName(GeneratedList* out);
  Status Functions(GeneratedList* out);
  Status DataSourceName(const std::string& relative_id, const Json& function, Json* name);
  Status Runtime(const Json& part, const std::string& relative_id, std::vector<std::string> path,
                 Json* runtime) const;
  Status Resolvers(GeneratedList* out);

  const SamResource& r_;
  Context& ctx_;
  const Json& m_;
  const std::string& id_;
  Json none_datasource_;                    // null until a function asks for "NONE"
  Json datasource_names_ = Json::object();  // relative id -> GetAtt Name
  Json function_ids_ = Json::object();      // relative id -> FunctionId
};

Status GraphQLApiBuilder::AuthConfig(const Json& auth, int index, std::string* name,
                                     Json* config) const {
  // _validate_and_extract_authorizer_config; `index` is -1 for the default authorizer.
  Json fields = WithoutNulls(auth);
  fields.erase("Additional");
  if (fields.size() > 2) {
    // The reference's `not index` takes the first additional provider for the default one.
    std::string key_path =
        index <= 0 ? "'Auth'" : "'Auth.Additional." + std::to_string(index) + "'";
    return ResourceError(id_, key_path + " has more than one authentication configuration defined.",
                         {"Properties", "Auth"});
  }
  const std::string type = auth["Type"].get<std::string>();
  struct Kind {
    const char* type;
    const char* property;
    const char* config;
  };
  static const Kind kKinds[] = {
      {"AWS_LAMBDA", "LambdaAuthorizer", "LambdaAuthorizerConfig"},
      {"OPENID_CONNECT", "OpenIDConnect", "OpenIDConnectConfig"},
      {"AMAZON_COGNITO_USER_POOLS", "UserPool", "UserPoolConfig"},
  };
  for (const Kind& kind : kKinds) {
    if (type != kind.type)
      continue;
    const Json& given = auth[kind.property];
    if (given.is_null()) {
      return ResourceError(
          id_,
          std::string("'") + kind.property + "' must be defined if type is '" + kind.type + "'.",
          {"Properties", "Auth"});
    }
    Json value = given;
    // DefaultAction belongs to the default authorizer only.
    if (type == "AMAZON_COGNITO_USER_POOLS" && index >= 0)
      value["DefaultAction"] = nullptr;
    *name = kind.config;
    *config = WithoutNulls(value);
    return Ok();
  }
  name->clear();
  return Ok();
}

Json GraphQLApiBuilder::CloudWatchRole() const {
  Json role = Part("AWS::IAM::Role");
  role["Properties"]["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("appsync.amazonaws.com");
  role["Properties"]["ManagedPolicyArns"] = Json::array(
      {Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs")});
  return role;
}

Status GraphQLApiBuilder::ApiResource(GeneratedList* out, std::vector<Json>* lambda_auth_arns,
                                      bool* role) {
  Json api = Part("AWS::AppSync::GraphQLApi");
  Json& p = api["Properties"];
  p["Name"] = Truthy(m_["Name"]) ? m_["Name"] : Json(id_);
  for (const char* name : {"Visibility", "OwnerContact"}) {
    if (Truthy(m_[name]))
      p[name] = m_[name];
  }
  if (!IsNull(m_["XrayEnabled"]))
    p["XrayEnabled"] = m_["XrayEnabled"];
  for (const char* name : {"IntrospectionConfig", "QueryDepthLimit", "ResolverCountLimit"}) {
    if (Truthy(m_[name]))
      p[name] = m_[name];
  }

  // _parse_and_set_auth_properties.
  const Json& auth = m_["Auth"];
  std::string config_name;
  Json config;
  SAM_TRY(AuthConfig(auth, -1, &config_name, &config));
  p["AuthenticationType"] = auth["Type"];
  if (!config_name.empty() && Truthy(config)) {
    p[config_name] = config;
    if (config_name == "LambdaAuthorizerConfig")
      lambda_auth_arns->push_back(config["AuthorizerUri"]);
  }
  Json additional = Json::array();
  if (Truthy(auth["Additional"])) {
    int index = 0;
    for (const Json& provider : auth["Additional"]) {
      SAM_TRY(AuthConfig(provider, index++, &config_name, &config));
      Json entry = Json{{"AuthenticationType", provider["Type"]}};
      if (!config_name.empty() && Truthy(config)) {
        entry[config_name] = config;
        if (config_name == "LambdaAuthorizerConfig")
          lambda_auth_arns->push_back(config["AuthorizerUri"]);
      }
      additional.push_back(std::move(entry));
    }
  }
  if (!additional.empty())
    p["AdditionalAuthenticationProviders"] = std::move(additional);

  Json tags = Truthy(m_["Tags"]) ? m_["Tags"] : Json::object();
  tags["graphqlapi:createdBy"] = "SAM";
  Json tag_list = Json::array();
  for (auto it = tags.begin(); it != tags.end(); ++it)
    tag_list.push_back(
        Json{{"Key", it.key()}, {"Value", IsNull(it.value()) ? Json("") : it.value()}});
  p["Tags"] = std::move(tag_list);

  // Logging: none only when it is the boolean false.
  const Json& logging = m_["Logging"];
  *role = false;
  if (!(logging.is_boolean() && !logging.get<bool>())) {
    Json log_config = Json::object();
    if (logging.is_object()) {
      if (Truthy(logging["ExcludeVerboseContent"]))
        log_config["ExcludeVerboseContent"] = logging["ExcludeVerboseContent"];
      log_config["FieldLogLevel"] =
          Truthy(logging["FieldLogLevel"]) ? logging["FieldLogLevel"] : Json("ALL");
      log_config["CloudWatchLogsRoleArn"] = logging["CloudWatchLogsRoleArn"];
      *role = !Truthy(logging["CloudWatchLogsRoleArn"]);
    } else {
      log_config["FieldLogLevel"] = "ALL";
      *role = true;
    }
    if (*role)
      log_config["CloudWatchLogsRoleArn"] = GetAtt(id_ + "CloudWatchRole", "Arn");
    p["LogConfig"] = std::move(log_config);
  }
  out->push_back(Generated{id_, std::move(api)});
  return Ok();
}

Status GraphQLApiBuilder::Schema(GeneratedList* out) {
  const Json& inline_schema = m_["SchemaInline"];
  const Json& uri = m_["SchemaUri"];
  if (!Truthy(inline_schema) && !Truthy(uri)) {
    return ResourceError(id_, "One of 'SchemaInline' or 'SchemaUri' must be set.", {"Properties"});
  }
  if (Truthy(inline_schema) && Truthy(uri)) {
    return ResourceError(id_,
                         "Both 'SchemaInline' and 'SchemaUri' cannot be defined at the same time.",
                         {"Properties"});
  }
  Json schema = Part("AWS::AppSync::GraphQLSchema");
  schema["Properties"]["ApiId"] = ApiId();
  if (!IsNull(inline_schema))
    schema["Properties"]["Definition"] = inline_schema;
  if (!IsNull(uri))
    schema["Properties"]["DefinitionS3Location"] = uri;
  out->push_back(Generated{id_ + "Schema", std::move(schema)});
  return Ok();
}

// A connector the reference builds and translates on the spot (no resource attributes).
Status GraphQLApiBuilder::Connector(const std::string& logical_id, Json source, Json destination,
                                    Json permissions, GeneratedList* out) {
  Json dict = Json{{"Type", "AWS::Serverless::Connector"},
                   {"Properties", Json{{"Source", std::move(source)},
                                       {"Destination", std::move(destination)},
                                       {"Permissions", std::move(permissions)}}}};
  SamResource connector;
  connector.logical_id = logical_id;
  connector.type = "AWS::Serverless::Connector";
  connector.dict = &dict;
  connector.properties = dict["Properties"];
  Status st = TranslateConnector(connector, ctx_, out);
  if (!st.ok() && st.error().resource.empty())
    st.error().resource = id_;
  return st;
}

Status GraphQLApiBuilder::ApiKeys(GeneratedList* out) {
  const Json& keys = m_["ApiKeys"];
  for (auto it = keys.begin(); it != keys.end(); ++it) {
    std::string logical_id = id_ + it.key();
    SAM_TRY(CheckId(logical_id, {"Properties", "ApiKeys", it.key()}));
    Json key = Part("AWS::AppSync::ApiKey");
    Json& p = key["Properties"];
    p["ApiId"] = ApiId();
    const Json& v = it.value();
    if (!IsNull(v["ApiKeyId"]))
      p["ApiKeyId"] = v["ApiKeyId"];
    if (!IsNull(v["Description"]))
      p["Description"] = v["Description"];
    if (!IsNull(v["ExpiresOn"]))
      p["Expires"] = v["ExpiresOn"];
    out->push_back(Generated{logical_id, std::move(key)});
  }
  return Ok();
}

Status GraphQLApiBuilder::DataSourceRole(const std::string& datasource_id, Json destination_type,
                                         Json destination_arn, Json permissions,
                                         const std::string& suffix, GeneratedList* out) {
  std::string role_id = datasource_id + "Role";
  Json role = Part("AWS::IAM::Role");
  role["Properties"]["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("appsync.amazonaws.com");
  out->push_back(Generated{role_id, std::move(role)});
  Json source = Json{{"Type", "AWS::AppSync::DataSource"},
                     {"Arn", GetAtt(datasource_id, "DataSourceArn")},
                     {"RoleName", Ref(role_id)}};
  Json destination =
      Json{{"Type", std::move(destination_type)}, {"Arn", std::move(destination_arn)}};
  return Connector(datasource_id + suffix, std::move(source), std::move(destination),
                   std::move(permissions), out);
}

Json GraphQLApiBuilder::DataSourceResource(const std::string& relative_id, const Json& ds,
                                           std::string_view type) const {
  Json resource = Part("AWS::AppSync::DataSource");
  Json& p = resource["Properties"];
  p["ApiId"] = ApiId();
  if (!IsNull(ds["Description"]))
    p["Description"] = ds["Description"];
  p["Name"] = Truthy(ds["Name"]) ? ds["Name"] : Json(relative_id);
  p["Type"] = std::string(type);
  return resource;
}

void GraphQLApiBuilder::AddDataSource(const std::string& relative_id,
                                      const std::string& logical_id, Json resource,
                                      GeneratedList parts, GeneratedList* out) {
  datasource_names_[relative_id] = GetAtt(logical_id, "Name");
  out->push_back(Generated{logical_id, std::move(resource)});
  for (Generated& g : parts)
    out->push_back(std::move(g));
}

Status GraphQLApiBuilder::DataSources(GeneratedList* out) {
  const Json& sources = m_["DataSources"];
  // DynamoDB first, then Lambda, as _construct_datasource_resources.
  if (const Json& tables = sources["DynamoDb"]; Truthy(tables)) {
    for (auto it = tables.begin(); it != tables.end(); ++it) {
      const std::string& relative_id = it.key();
      const Json& ds = it.value();
      std::string logical_id = id_ + relative_id + "DynamoDBDataSource";
      SAM_TRY(CheckId(logical_id, {"Properties", "DataSources", "DynamoDb", relative_id}));
      Json resource = DataSourceResource(relative_id, ds, "AMAZON_DYNAMODB");
      Json& p = resource["Properties"];
      Json region = Truthy(ds["Region"]) ? ds["Region"] : Ref("AWS::Region");
      Json config = Json::object();
      config["AwsRegion"] = region;
      config["TableName"] = ds["TableName"];
      if (Truthy(ds["UseCallerCredentials"]))
        config["UseCallerCredentials"] = ds["UseCallerCredentials"];
      if (Truthy(ds["Versioned"]))
        config["Versioned"] = ds["Versioned"];
      if (!IsNull(ds["DeltaSync"]))
        config["DeltaSyncConfig"] = ds["DeltaSync"];
      p["DynamoDBConfig"] = std::move(config);
      GeneratedList parts;
      if (Truthy(ds["ServiceRoleArn"])) {
        p["ServiceRoleArn"] = ds["ServiceRoleArn"];
      } else {
        p["ServiceRoleArn"] = GetAtt(logical_id + "Role", "Arn");
        Json table_arn = ds["TableArn"];
        if (!Truthy(table_arn)) {
          table_arn = Json{
              {"Fn::Sub",
               Json::array({"arn:${AWS::Partition}:dynamodb:${__Region__}:${AWS::AccountId}:"
                            "table/${__TableName__}",
                            Json{{"__TableName__", ds["TableName"]}, {"__Region__", region}}})}};
        }
        Json permissions =
            Truthy(ds["Permissions"]) ? ds["Permissions"] : Json::array({"Read", "Write"});
        SAM_TRY(DataSourceRole(logical_id, "AWS::DynamoDB::Table", std::move(table_arn),
                               std::move(permissions), "ToTableConnector", &parts));
      }
      AddDataSource(relative_id, logical_id, std::move(resource), std::move(parts), out);
    }
  }
  if (const Json& functions = sources["Lambda"]; Truthy(functions)) {
    for (auto it = functions.begin(); it != functions.end(); ++it) {
      const std::string& relative_id = it.key();
      const Json& ds = it.value();
      std::string logical_id = id_ + relative_id + "LambdaDataSource";
      SAM_TRY(CheckId(logical_id, {"Properties", "DataSources", "Lambda", relative_id}));
      Json resource = DataSourceResource(relative_id, ds, "AWS_LAMBDA");
      Json& p = resource["Properties"];
      p["LambdaConfig"] = Json{{"LambdaFunctionArn", ds["FunctionArn"]}};
      GeneratedList parts;
      if (Truthy(ds["ServiceRoleArn"])) {
        p["ServiceRoleArn"] = ds["ServiceRoleArn"];
      } else {
        p["ServiceRoleArn"] = GetAtt(logical_id + "Role", "Arn");
        SAM_TRY(DataSourceRole(logical_id, "AWS::Lambda::Function", ds["FunctionArn"],
                               Json::array({"Write"}), "ToLambdaConnector", &parts));
      }
      AddDataSource(relative_id, logical_id, std::move(resource), std::move(parts), out);
    }
  }
  return Ok();
}

void GraphQLApiBuilder::DomainName(GeneratedList* out) {
  const Json& domain = m_["DomainName"];
  Json resource = Part("AWS::AppSync::DomainName");
  Json& p = resource["Properties"];
  p["CertificateArn"] = domain["CertificateArn"];
  if (!IsNull(domain["Description"]))
    p["Description"] = domain["Description"];
  p["DomainName"] = domain["DomainName"];
  Json association = Part("AWS::AppSync::DomainNameApiAssociation");
  association["Properties"]["ApiId"] = ApiId();
  association["Properties"]["DomainName"] = Ref(id_ + "DomainName");
  out->push_back(Generated{id_ + "DomainName", std::move(resource)});
  out->push_back(Generated{id_ + "DomainNameApiAssociation", std::move(association)});
}

Status GraphQLApiBuilder::Runtime(const Json& part, const std::string& relative_id,
                                  std::vector<std::string> path, Json* runtime) const {
  const Json& given = part["Runtime"];
  if (IsNull(given)) {
    return PartError(relative_id, "'Runtime' must be defined as a property in " + relative_id + ".",
                     std::move(path));
  }
  *runtime = Json{{"Name", given["Name"]}, {"RuntimeVersion", given["Version"]}};
  return Ok();
}

Status GraphQLApiBuilder::DataSourceName(const std::string& relative_id, const Json& function,
                                         Json* name) {
  const Json& ds = function["DataSource"];
  std::vector<std::string> path = {"Properties", "Functions", relative_id};
  if (!Truthy(ds))
    return PartError(relative_id, "'DataSource' must be set.", path);
  if (!ds.is_string()) {  // an intrinsic function: a data source defined elsewhere
    *name = ds;
    return Ok();
  }
  std::string text = ds.get<std::string>();
  std::string lower = text;
  for (char& c : lower)
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "none") {
    std::string none_id = id_ + "NoneDataSource";
    if (none_datasource_.is_null()) {
      none_datasource_ = Part("AWS::AppSync::DataSource");
      none_datasource_["Properties"]["ApiId"] = ApiId();
      none_datasource_["Properties"]["Name"] = none_id;
      none_datasource_["Properties"]["Type"] = "NONE";
    }
    *name = GetAtt(none_id, "Name");
    return Ok();
  }
  if (const Json* known = Get(datasource_names_, text)) {
    *name = *known;
    return Ok();
  }
  return PartError(relative_id,
                   "Either define DataSource '" + text +
                       "' in 'DataSources' or use intrinsic function like GetAtt, ImportValue, "
                       "Sub or another one to reference a DataSource defined outside of this "
                       "GraphQLApi resource.",
                   path);
}

Status GraphQLApiBuilder::Functions(GeneratedList* out) {
  const Json& functions = m_["Functions"];
  for (auto it = functions.begin(); it != functions.end(); ++it) {
    const std::string& relative_id = it.key();
    const Json& f = it.value();
    std::vector<std::string> path = {"Properties", "Functions", relative_id};
    // An existing AppSync function, by its FunctionId, and nothing else.
    if (Truthy(f["Id"])) {
      if (WithoutNulls(f).size() != 1) {
        return PartError(relative_id, "'Id' cannot be defined with other properties in Function.",
                         path);
      }
      function_ids_[relative_id] = f["Id"];
      continue;
    }
    std::string logical_id = id_ + relative_id;
    SAM_TRY(CheckId(logical_id, path));
    Json config = Part("AWS::AppSync::FunctionConfiguration");
    Json& p = config["Properties"];
    p["ApiId"] = ApiId();
    p["Name"] = Truthy(f["Name"]) ? f["Name"] : Json(relative_id);
    if (Truthy(f["InlineCode"]) && Truthy(f["CodeUri"])) {
      return PartError(relative_id,
                       "Both 'InlineCode' and 'CodeUri' cannot be defined at the same time.", path);
    }
    if (Truthy(f["InlineCode"])) {
      p["Code"] = f["InlineCode"];
    } else if (Truthy(f["CodeUri"])) {
      p["CodeS3Location"] = f["CodeUri"];
    } else {
      return PartError(relative_id, "One of 'InlineCode' or 'CodeUri' must be set.", path);
    }
    Json datasource_name;
    SAM_TRY(DataSourceName(relative_id, f, &datasource_name));
    p["DataSourceName"] = std::move(datasource_name);
    if (!IsNull(f["MaxBatchSize"]))
      p["MaxBatchSize"] = f["MaxBatchSize"];
    if (!IsNull(f["Description"]))
      p["Description"] = f["Description"];
    Json runtime;
    SAM_TRY(Runtime(f, relative_id, path, &runtime));
    p["Runtime"] = std::move(runtime);
    if (!IsNull(f["Sync"]))
      p["SyncConfig"] = WithoutNulls(f["Sync"]);
    function_ids_[relative_id] = GetAtt(logical_id, "FunctionId");
    out->push_back(Generated{logical_id, std::move(config)});
  }
  return Ok();
}

Status GraphQLApiBuilder::Resolvers(GeneratedList* out) {
  const Json& resolvers = m_["Resolvers"];
  Json attributes = r_.ResourceAttributes();
  attributes["DependsOn"] = Json::array({id_ + "Schema"});
  for (auto type = resolvers.begin(); type != resolvers.end(); ++type) {
    const std::string& type_name = type.key();
    for (auto it = type.value().begin(); it != type.value().end(); ++it) {
      const std::string& relative_id = it.key();
      const Json& res = it.value();
      std::vector<std::string> path = {"Properties", "Resolvers", type_name, relative_id};
      std::string logical_id = id_ + type_name + relative_id;
      SAM_TRY(CheckId(logical_id, path));
      if (Truthy(res["CodeUri"]) && Truthy(res["InlineCode"])) {
        return PartError(relative_id,
                         "Both 'InlineCode' and 'CodeUri' cannot be defined at the same time.",
                         path);
      }
      Json resolver = NewResource("AWS::AppSync::Resolver", attributes);
      Json& p = resolver["Properties"];
      p["ApiId"] = ApiId();
      if (!Truthy(res["InlineCode"]) && !Truthy(res["CodeUri"])) {
        p["Code"] = kDefaultResolverCode;
        p["Runtime"] = Json{{"Name", "APPSYNC_JS"}, {"RuntimeVersion", "1.0.0"}};
      } else {
        if (!IsNull(res["InlineCode"]))
          p["Code"] = res["InlineCode"];
        if (!IsNull(res["CodeUri"]))
          p["CodeS3Location"] = res["CodeUri"];
        Json runtime;
        SAM_TRY(Runtime(res, relative_id, path, &runtime));
        p["Runtime"] = std::move(runtime);
      }
      p["FieldName"] = Truthy(res["FieldName"]) ? res["FieldName"] : Json(relative_id);
      p["TypeName"] = type_name;
      if (!Truthy(res["Pipeline"])) {
        return PartError(relative_id,
                         "Resolver '" + relative_id +
                             "' must have Pipeline defined. Unit resolvers are not supported. If "
                             "you need a Unit resolver you can use AppSync resource.",
                         path);
      }
      p["Kind"] = "PIPELINE";
      Json function_ids = Json::array();
      for (const Json& name : res["Pipeline"]) {
        const Json* function_id = Get(function_ids_, name.get<std::string>());
        if (function_id == nullptr) {
          return PartError(relative_id,
                           "Function '" + name.get<std::string>() + "' does not exist.", path);
        }
        function_ids.push_back(*function_id);
      }
      p["PipelineConfig"] = Json{{"Functions", std::move(function_ids)}};
      if (!IsNull(res["Caching"]))
        p["CachingConfig"] = WithoutNullsDeep(res["Caching"]);
      if (Truthy(res["MaxBatchSize"]))
        p["MaxBatchSize"] = res["MaxBatchSize"];
      out->push_back(Generated{logical_id, std::move(resolver)});
    }
  }
  return Ok();
}

Status GraphQLApiBuilder::Build(GeneratedList* out) {
  GeneratedList api;
  std::vector<Json> lambda_auth_arns;
  bool role = false;
  SAM_TRY(ApiResource(&api, &lambda_auth_arns, &role));
  SAM_TRY(Schema(&api));
  int auth_number = 1;
  for (const Json& arn : lambda_auth_arns) {
    Json source = Json{{"Type", "AWS::AppSync::GraphQLApi"},
                       {"Arn", Ref(id_)},
                       {"ResourceId", GetAtt(id_, "ApiId")}};
    Json destination = Json{{"Type", "AWS::Lambda::Function"}, {"Arn", arn}};
    SAM_TRY(Connector(id_ + "ToLambdaAuthConnector" + std::to_string(auth_number++),
                      std::move(source), std::move(destination), Json::array({"Write"}), &api));
  }
  if (role)
    api.push_back(Generated{id_ + "CloudWatchRole", CloudWatchRole()});
  if (Truthy(m_["ApiKeys"]))
    SAM_TRY(ApiKeys(&api));
  if (!IsNull(m_["Cache"])) {
    const Json& cache = m_["Cache"];
    Json resource = Part("AWS::AppSync::ApiCache");
    Json& p = resource["Properties"];
    p["ApiCachingBehavior"] = cache["ApiCachingBehavior"];
    p["ApiId"] = ApiId();
    for (const char* name : {"AtRestEncryptionEnabled", "TransitEncryptionEnabled"}) {
      if (!IsNull(cache[name]))
        p[name] = cache[name];
    }
    p["Ttl"] = cache["Ttl"];
    p["Type"] = cache["Type"];
    api.push_back(Generated{id_ + "ApiCache", std::move(resource)});
  }
  if (!IsNull(m_["DataSources"]))
    SAM_TRY(DataSources(&api));
  if (!IsNull(m_["DomainName"]))
    DomainName(&api);
  if (Truthy(m_["Functions"]))
    SAM_TRY(Functions(&api));
  if (Truthy(m_["Resolvers"]))
    SAM_TRY(Resolvers(&api));
  if (!none_datasource_.is_null())
    api.push_back(Generated{id_ + "NoneDataSource", std::move(none_datasource_)});
  for (Generated& g : api)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace

Status TranslateGraphQLApi(SamResource& r, Context& ctx, GeneratedList* out) {
  // Only the listed properties reach the checks and the model; null ones count as absent.
  const std::vector<PropertySpec>& specs = GraphQLApiSpecs();
  SamResource known = r;
  known.properties = Json::object();
  for (const PropertySpec& spec : specs) {
    if (const Json* v = r.Prop(spec.name); v != nullptr)
      known.properties[std::string(spec.name)] = *v;
  }
  SAM_TRY(ValidateProperties(known, specs));
  Json input = Json::object();
  for (auto it = known.properties.begin(); it != known.properties.end(); ++it) {
    if (!it.value().is_null())
      input[it.key()] = it.value();
  }
  Json model;
  std::vector<std::string> loc;
  if (!PyValidate(input, PyOf(GraphQLSchema().properties), &model, &loc)) {
    std::vector<std::string> path = {"Properties"};
    path.insert(path.end(), loc.begin(), loc.end());
    return ResourceError(r.logical_id, "Property '" + PyLocString(loc) + "' is invalid.",
                         std::move(path));
  }
  return GraphQLApiBuilder(r, ctx, model).Build(out);
}

}  // namespace cfnx::sam
