// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Internals of the AWS::Serverless-2016-10-31 transform, shared by its files: the working
// representation (an ordered JSON tree, as the reference translator works on plain dicts),
// errors that carry the reference's exact cause messages, and the per-run context.
//
// Every translation step returns a `Status`; the first failure of a resource stops that
// resource (as the reference's exception does) and the driver collects one error per resource,
// so one run reports every broken resource. Nothing here throws.

#ifndef CFNX_TRANSFORMS_SAM_SAM_H_
#define CFNX_TRANSFORMS_SAM_SAM_H_

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ast/json_convert.h"
#include "transforms/transform.h"

namespace cfnx::sam {

using Json = OrderedJson;

// ---------------------------------------------------------------------------------------------
// Errors.

// kUnsupported: something cfnx cannot expand offline (yet); the transform declines the
// template (I5000) instead of failing it.
enum class ErrorKind : uint8_t { kResource, kEvent, kTemplate, kPlain, kUnsupported };

struct Error {
  ErrorKind kind = ErrorKind::kPlain;
  std::string id;      // logical id (kResource) or event id (kEvent)
  std::string detail;  // the cause text after the "... is invalid. " prefix
  // Where in the resource the problem is ("Properties", "Events", ...), for the location.
  std::vector<std::string> path;
  // The reference raises some errors (a malformed Fn::FindInMap) as a whole-document failure
  // that stops the translation: only fatal errors are then reported.
  bool fatal = false;
  // The template resource the problem is in, when `id` names only a part of it (the reference
  // names GraphQLApi functions and resolvers by their own key): for the location only.
  std::string resource{};

  // The reference's cause message: "Resource with id [X] is invalid. <detail>" etc.
  std::string Message() const;
  // The key the reference sorts causes by: the logical or event id, else the message.
  std::string SortKey() const;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }
  Error& error() { return *error_; }

 private:
  std::optional<Error> error_;
};

inline Status Ok() {
  return Status();
}
Error ResourceError(std::string logical_id, std::string detail, std::vector<std::string> path = {});
Error EventError(std::string event_id, std::string detail);
Error TemplateError(std::string detail);
Error PlainError(std::string message);
Error UnsupportedError(std::string logical_id, std::string detail,
                       std::vector<std::string> path = {});
// An event's error re-raised by its function: "Resource with id [fn] is invalid. Event ...".
Error WrapInResource(std::string logical_id, const Error& inner);

#define SAM_TRY(expr)                     \
  do {                                    \
    ::cfnx::sam::Status sam_st_ = (expr); \
    if (!sam_st_.ok())                    \
      return sam_st_;                     \
  } while (0)

// ---------------------------------------------------------------------------------------------
// JSON helpers with Python semantics (the reference is written against Python dicts).

// obj[key] when obj is an object holding key, else nullptr.
const Json* Get(const Json& obj, std::string_view key);
Json* GetMut(Json& obj, std::string_view key);
// Python truthiness: null, false, 0, "", [] and {} are false.
bool Truthy(const Json* value);
inline bool Truthy(const Json& value) {
  return Truthy(&value);
}
// {"Ref"|"Condition"|"Fn::*": ...} with exactly one key.
bool IsIntrinsic(const Json& value);
bool IsIntrinsic(const Json& value, std::string_view name);
bool IsNoValue(const Json& value);  // {"Ref": "AWS::NoValue"}
// The first dynamic reference in `text` that the reference's pattern
// `\{\{resolve:(KIND1|KIND2...):[a-zA-Z0-9_.\-/]+(:\d+)?\}\}` finds (KINDs tried in the
// order given), as std::regex_search would; its name (the part after "KIND:") in `*name`.
// By hand: compiling the std::regex cost more than translating a whole function.
bool FindDynamicReference(std::string_view text, std::initializer_list<std::string_view> kinds,
                          std::string_view* name);
// Whether `name` is an alias name the reference's `(?!^[0-9]+$)([a-zA-Z0-9\-_]+)$` accepts:
// letters, digits, '-' and '_', not only digits.
bool IsValidAliasName(std::string_view name);
// Python's str() of a value as the reference prints it inside messages: 'a', ['x', 'y'], {...}.
std::string PyStr(const Json& value);
std::string PyRepr(const Json& value);
// json.dumps(value, separators=(",", ":"), sort_keys=True): ASCII-escaped.
std::string PyJsonDumps(const Json& value);
// LogicalIdGenerator(prefix, data, data_hash).gen(): prefix + sha1(json)[:10].
std::string GenerateLogicalId(std::string_view prefix, const Json* data,
                              const std::string* data_hash = nullptr);
// The full 40-hex digest LogicalIdGenerator.get_hash(40) would give.
std::string HashOf(const Json& data);
// Python's type(value).__name__ for messages.
std::string PyTypeName(const Json& value);

Json Ref(std::string_view logical_id);
Json GetAtt(std::string_view logical_id, std::string_view attribute);
Json Sub(std::string_view text);

// ---------------------------------------------------------------------------------------------
// The Serverless Application Repository, as AWS::Serverless::Application needs it.

// CreateCloudFormationTemplate's answer: a template URL, or the service's error message.
struct SarAnswer {
  std::string error;  // non-empty: access denied / not found ("Cannot access application: x.")
  std::string template_url;
};

class SarResolver {
 public:
  virtual ~SarResolver() = default;
  virtual SarAnswer CreateTemplate(const std::string& app_id, const std::string& semver) = 0;
};

// Reads the answers of a --sar-mock file (format: conformance/sam/sar_mock.json); nullptr and
// *error when the file cannot be read.
std::unique_ptr<SarResolver> MakeSarMockResolver(const std::string& path, std::string* error);

// One looked-up application: the URL to use, or the error its resources report.
struct SarLookup {
  std::optional<Error> error;
  std::string template_url;
};

// ---------------------------------------------------------------------------------------------
// The run.

// A function's DeploymentPreference as the reference's DeploymentPreferenceCollection keeps it;
// the CodeDeploy resources are generated from all of them once every resource is translated.
struct DeploymentPreference {
  std::string function_id;
  bool enabled = false;
  Json type;                    // DeploymentConfigName before the predefined-name rewrite
  Json pre_traffic_hook;        // null when absent
  Json post_traffic_hook;       // null when absent
  Json alarms;                  // null when absent
  Json role;                    // null when absent: the shared CodeDeployServiceRole
  Json trigger_configurations;  // null when absent
  std::string condition;        // the function's Condition when PassthroughCondition, else ""
  Json tags;                    // the function's Tags when PropagateTags, else null
  bool propagate_tags = false;
};

struct RestApiState;  // rest_api.h

struct Context {
  explicit Context(const TransformOptions& opts) : options(opts) {}

  const TransformOptions& options;
  std::string region;
  std::string partition;
  Json parameters = Json::object();  // values given + defaults + AWS::Region/AWS::Partition
  Json mappings = Json::object();
  Json* template_json = nullptr;  // the output being built (a copy of the input)
  // The template as given (after Globals merge). Event sources that rewrite a resource of
  // the template (S3 buckets, Cognito user pools) update it here, as the reference does.
  Json* input = nullptr;
  // "Fn.Alias" style references: logical id -> property -> generated logical id.
  std::map<std::string, std::map<std::string, std::string>> resource_refs;
  // Resources whose logical id changed (LayerVersion): old -> new.
  std::map<std::string, std::string> changed_ids;
  // SAR lookups by (ApplicationId, SemanticVersion), made before any resource is translated.
  std::map<std::string, SarLookup> applications;
  // The SAR resolver (from --sar-mock), created on first use; nullptr when there is none.
  SarResolver* Sar();
  std::unique_ptr<SarResolver> sar;
  bool sar_loaded = false;
  // In the order the functions were translated.
  std::vector<DeploymentPreference> deployment_preferences;
  // REST APIs' Swagger documents and what the Api events record for them.
  std::shared_ptr<RestApiState> rest_apis;
  // When not empty: the order the reference iterates Resources in (its Python 2.7 dict order,
  // used when the template has a REST API).
  std::vector<std::string> resource_order;
  // Loader map given by --managed-policies (lazily read).
  std::optional<Json> loader_policies;
  // AWS::Route53::RecordSetGroup of API custom domains by logical id: APIs on one hosted zone
  // share a group, each adding its record sets (the reference's route53_record_set_groups).
  std::map<std::string, Json> route53_record_set_groups;
  // HttpApi events (function id, event id) whose `$default` Path and ANY Method the
  // ImplicitHttpApi plugin supplied: the editor's strings, not the template's.
  std::set<std::pair<std::string, std::string>> default_http_routes;

  Json& Conditions();  // the output's Conditions section, created when first needed
  std::string Arn(std::string_view service, std::string_view resource) const;
  std::string ManagedPolicyArn(std::string_view name) const;  // arn:<p>:iam::aws:policy/<name>
};

// A SAM resource being translated. `properties` already has Globals merged in.
struct SamResource {
  std::string logical_id;
  std::string type;
  const Json* dict = nullptr;  // the whole resource as written
  Json properties = Json::object();

  const Json* Prop(std::string_view name) const { return Get(properties, name); }
  // Condition, DeletionPolicy, UpdateReplacePolicy: copied onto every generated resource.
  Json PassthroughAttributes() const;
  // DependsOn / Metadata / UpdatePolicy / ... : the attributes the main resource keeps.
  Json ResourceAttributes() const;
};

// Output of a resource translation, in the order the reference generates it.
struct Generated {
  std::string logical_id;
  Json resource;  // {"Type": ..., "Properties": ..., attributes}
};
using GeneratedList = std::vector<Generated>;

Json NewResource(std::string_view type, const Json& attributes = Json::object());

// The trust policy of a role the transform generates: `service` (lambda.amazonaws.com, ...) may
// assume it.
Json AssumeRolePolicyFor(std::string_view service);

// Validation only (TransformOptions::placeholder_artifacts): replaces local artifact paths
// (CodeUri, ImageUri, ContentUri, DefinitionUri, an Application's Location) in `input` with a
// placeholder S3 location and gives AutoPublishAlias parameters the value "Alias" in
// `parameters` (unless already set), as cfn-lint does before translating.
void UsePlaceholderArtifacts(Json& input, Json& parameters);

// parse_s3_uri: "s3://bucket/key?versionId=v" -> {"Bucket", "Key"[, "Version"]}; false when
// `uri` is not such a URI.
bool ParseS3Uri(const std::string& uri, Json* out);

// Per-type translators (one file each).
Status TranslateFunction(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateSimpleTable(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateLayerVersion(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateApplication(SamResource& resource, Context& ctx, GeneratedList* out);
// Looks up every AWS::Serverless::Application's SAR location (resolving parameter Refs and
// Fn::FindInMap in it, in place), before Globals and before any resource is translated.
Status PrepareApplications(Json& input, Context& ctx);
Status TranslateCapacityProvider(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateStateMachine(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateConnector(SamResource& resource, Context& ctx, GeneratedList* out);
Status TranslateGraphQLApi(SamResource& resource, Context& ctx, GeneratedList* out);
// Replaces the `Connectors` attribute of every resource in `input` by AWS::Serverless::Connector
// resources (appended to Resources), before any resource is translated; what is wrong with one
// goes to `errors` and leaves that connector out.
void ExpandEmbeddedConnectors(Json& input, std::vector<Error>* errors);

// DeploymentPreference of a function (resolved, validated, added to ctx); sets the alias's
// UpdatePolicy when enabled. `alias` is the AutoPublishAlias alias or nullptr.
Status AddDeploymentPreference(const SamResource& resource, Context& ctx, Json* alias);
// After all resources: the CodeDeploy application, service role and deployment groups.
void AddCodeDeployResources(Context& ctx, Json& output, std::vector<Error>* errors);

// EventInvokeConfig of a function: the AWS::Lambda::EventInvokeConfig, the SQS queues / SNS
// topics created for destinations given without an ARN, and the role policies (appended to
// `policies`) that let the function reach its destinations.
Status ConstructEventInvokeConfig(const SamResource& resource, Context& ctx,
                                  const std::string& alias_name, const std::string& alias_id,
                                  GeneratedList* out, Json* policies);

// Tags as the reference builds them: lambda:createdBy=SAM first, then the user's.
Status ConstructTagList(const std::string& logical_id, const Json* tags, Json* out,
                        const Json* additional = nullptr);
// PropagateTags: copies the SAM tags onto generated resources that take Tags.
void PropagateTags(GeneratedList& resources, const Json* tags, const Json* propagate);

// Property type checks with the reference's messages ("Type of property 'X' is invalid.").
// Only kString and kDict name the expected type in the message, as the reference's do.
enum class PropType : uint8_t {
  kAny,
  kString,
  kDict,
  kList,
  kBool,
  kInt,
  kStringOnly,  // one_of(IS_STR): a string, but the message does not say so
  kStringOrDict,
  kDictOfDict,
  kListOfStringOrDict,
  kPolicies,
  kDeletionPolicy,  // IS_STR_ENUM(["Delete", "Retain"])
  kStringOrStringList,
  kBoolOrDict,
  kMap,               // dict_of(...): a dict, but the message does not say so
  kDictOrListOfDict,  // one_of(dict_of(...), list_of(dict_of(...)))
  kListOfString,      // list_of(IS_STR)
};
struct PropertySpec {
  std::string_view name;
  PropType type;
  bool required = false;
  bool intrinsics = true;  // an intrinsic function value skips the check
};
Status ValidateProperties(const SamResource& resource, const std::vector<PropertySpec>& specs);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_SAM_H_
