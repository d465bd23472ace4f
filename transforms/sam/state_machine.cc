// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::StateMachine -> AWS::StepFunctions::StateMachine, its execution role, the
// version and alias of AutoPublishAlias (with DeploymentPreference), and the resources of its
// event sources. The reference: samtranslator/model/stepfunctions/generators.py.

#include <algorithm>

#include "transforms/sam/events/sfn_event.h"
#include "transforms/sam/policies.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

const std::vector<PropertySpec>& StateMachineSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"Definition", PropType::kDict},
      {"DefinitionUri", PropType::kStringOrDict},
      {"Logging", PropType::kDict},
      {"Role", PropType::kString},
      {"RolePath", PropType::kAny, false, false},
      {"DefinitionSubstitutions", PropType::kDict},
      {"Events", PropType::kDictOfDict},
      {"Name", PropType::kString},
      {"Type", PropType::kString},
      {"Tags", PropType::kDict},
      {"PropagateTags", PropType::kBool},
      {"Policies", PropType::kPolicies},
      {"Tracing", PropType::kDict},
      {"PermissionsBoundary", PropType::kString},
      {"AutoPublishAlias", PropType::kAny, false, false},
      {"DeploymentPreference", PropType::kAny, false, false},
      {"UseAliasAsEventTarget", PropType::kBool, false, false},
  };
  return kSpecs;
}

const Json* Present(const SamResource& r, const char* name) {
  const Json* v = r.Prop(name);
  return v != nullptr && !v->is_null() ? v : nullptr;
}

// is_dynamic_reference: the whole string matches ^{{resolve:([a-z-]+):(.+)}}$ (Python's `$`
// also matches before a final newline; `.` matches no newline).
bool IsDynamicReference(const Json& value) {
  if (!value.is_string())
    return false;
  std::string_view s = value.get_ref<const std::string&>();
  constexpr std::string_view kPrefix = "{{resolve:";
  if (s.substr(0, kPrefix.size()) != kPrefix)
    return false;
  s.remove_prefix(kPrefix.size());
  size_t service = 0;
  while (service < s.size() && ((s[service] >= 'a' && s[service] <= 'z') || s[service] == '-'))
    ++service;
  if (service == 0 || service >= s.size() || s[service] != ':')
    return false;
  std::string_view rest = s.substr(service + 1);
  if (!rest.empty() && rest.back() == '\n')
    rest.remove_suffix(1);
  if (rest.find('\n') != std::string_view::npos)
    return false;
  return rest.size() >= 3 && rest.substr(rest.size() - 2) == "}}";
}

// _replace_dynamic_values_with_substitutions: every intrinsic or dynamic reference inside the
// definition (visited in sorted key order) becomes "${definition_substitution_N}".
void ReplaceDynamicValues(Json& node, Json& substitutions, int* counter) {
  auto visit = [&](Json& value) {
    if (IsIntrinsic(value) || IsDynamicReference(value)) {
      std::string name = "definition_substitution_" + std::to_string((*counter)++);
      substitutions[name] = std::move(value);
      value = "${" + name + "}";
    } else if (value.is_object() || value.is_array()) {
      ReplaceDynamicValues(value, substitutions, counter);
    }
  };
  if (node.is_object()) {
    std::vector<std::string> keys;
    for (auto it = node.begin(); it != node.end(); ++it)
      keys.push_back(it.key());
    std::sort(keys.begin(), keys.end());
    for (const std::string& key : keys)
      visit(node[key]);
  } else if (node.is_array()) {
    for (Json& item : node)
      visit(item);
  }
}

// json.dumps(value, sort_keys=True, indent=4, separators=(",", ": ")).
void AppendIndented(std::string& out, const Json& value, int depth) {
  std::string pad((depth + 1) * 4, ' ');
  std::string close(depth * 4, ' ');
  if (value.is_object() && !value.empty()) {
    std::vector<std::pair<const std::string*, const Json*>> items;
    for (auto it = value.begin(); it != value.end(); ++it)
      items.emplace_back(&it.key(), &it.value());
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });
    out += "{\n";
    for (size_t i = 0; i < items.size(); ++i) {
      out += pad + PyJsonDumps(Json(*items[i].first)) + ": ";
      AppendIndented(out, *items[i].second, depth + 1);
      out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out += close + "}";
  } else if (value.is_array() && !value.empty()) {
    out += "[\n";
    for (size_t i = 0; i < value.size(); ++i) {
      out += pad;
      AppendIndented(out, value[i], depth + 1);
      out += i + 1 < value.size() ? ",\n" : "\n";
    }
    out += close + "]";
  } else {
    out += PyJsonDumps(value);
  }
}

// _build_definition_string: the definition as indented JSON lines joined with "\n".
Json DefinitionString(const Json& definition) {
  std::string text;
  AppendIndented(text, definition, 0);
  Json lines = Json::array();
  size_t pos = 0;
  while (true) {
    size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos)
      break;
    pos = nl + 1;
  }
  return Json{{"Fn::Join", Json::array({"\n", lines})}};
}

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
  Json pointer = Json::object();
  pointer["Bucket"] = rest.substr(0, slash);
  std::string path = rest.substr(slash);
  size_t k = path.find_first_not_of('/');
  pointer["Key"] = k == std::string::npos ? "" : path.substr(k);
  std::vector<std::string> versions;
  size_t pos = 0;
  while (!query.empty()) {
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

// _construct_definition_uri: {"Bucket", "Key"[, "Version"]}.
Status DefinitionS3Location(const SamResource& r, const Json& uri, Json* out) {
  Json pointer;
  std::vector<std::string> path = {"Properties", "DefinitionUri"};
  if (uri.is_object()) {
    if (!Truthy(Get(uri, "Bucket")) || !Truthy(Get(uri, "Key"))) {
      return ResourceError(r.logical_id,
                           "'DefinitionUri' requires Bucket and Key properties to be specified.",
                           path);
    }
    pointer = uri;
  } else if (!uri.is_string() || !ParseS3Uri(uri.get<std::string>(), &pointer)) {
    return ResourceError(r.logical_id,
                         "'DefinitionUri' is not a valid S3 Uri of the form 's3://bucket/key' "
                         "with optional versionId query parameter.",
                         path);
  }
  Json location = Json{{"Bucket", pointer["Bucket"]}, {"Key", pointer["Key"]}};
  if (pointer.contains("Version"))
    location["Version"] = pointer["Version"];
  *out = std::move(location);
  return Ok();
}

// stateMachine:createdBy=SAM first, then the user's tags (None values become "").
Json TagList(const SamResource& r) {
  Json tags = Json::array({Json{{"Key", "stateMachine:createdBy"}, {"Value", "SAM"}}});
  const Json* user = r.Prop("Tags");
  if (user != nullptr && user->is_object()) {
    for (auto it = user->begin(); it != user->end(); ++it)
      tags.push_back(
          Json{{"Key", it.key()}, {"Value", it.value().is_null() ? Json("") : it.value()}});
  }
  return tags;
}

Status ExecutionRole(const SamResource& r, Context& ctx, Json* role) {
  Json policies = Json::array();
  if (const Json* p = r.Prop("Policies"); Truthy(p))
    policies = p->is_array() ? *p : Json::array({*p});
  if (const Json* tracing = r.Prop("Tracing"); tracing != nullptr && tracing->is_object()) {
    const Json* enabled = Get(*tracing, "Enabled");
    if (enabled != nullptr && enabled->is_boolean() && enabled->get<bool>())
      policies.push_back(ctx.partition == "aws" ? "AWSXrayWriteOnlyAccess"
                                                : "AWSXRayDaemonWriteAccess");
  }
  RoleSpec spec;
  spec.attributes = r.PassthroughAttributes();
  spec.assume_role_policy_document = AssumeRolePolicyFor("states.amazonaws.com");
  spec.role_path = r.Prop("RolePath");
  spec.permissions_boundary = r.Prop("PermissionsBoundary");
  spec.tags = TagList(r);
  return ConstructRole(r, ctx, &policies, std::move(spec), role);
}

// Resource._validate_logical_id: every resource the reference builds checks its id.
bool IsAlphanumeric(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// _construct_version and _construct_alias.
Status TrafficShifting(const SamResource& r, const std::string& alias, GeneratedList* out) {
  std::string alias_id = r.logical_id + "Alias" + alias;
  if (!IsAlphanumeric(alias_id))
    return ResourceError(alias_id, "Logical ids must be alphanumeric.",
                         {"Properties", "AutoPublishAlias"});
  Json attrs = r.PassthroughAttributes();
  Json version_attrs = attrs;
  if (!version_attrs.contains("DeletionPolicy"))
    version_attrs["DeletionPolicy"] = "Retain";
  if (!version_attrs.contains("UpdateReplacePolicy"))
    version_attrs["UpdateReplacePolicy"] = "Retain";
  std::string version_id = r.logical_id + "Version";
  Json version = NewResource("AWS::StepFunctions::StateMachineVersion", version_attrs);
  version["Properties"]["StateMachineArn"] = Ref(r.logical_id);
  version["Properties"]["StateMachineRevisionId"] = GetAtt(r.logical_id, "StateMachineRevisionId");
  Json alias_resource = NewResource("AWS::StepFunctions::StateMachineAlias", attrs);
  alias_resource["Properties"]["Name"] = *r.Prop("AutoPublishAlias");
  Json preference = Json{{"Type", "ALL_AT_ONCE"}};
  if (const Json* dp = r.Prop("DeploymentPreference"); Truthy(dp))
    preference = *dp;
  if (preference.is_object())
    preference["StateMachineVersionArn"] = Ref(version_id);
  alias_resource["Properties"]["DeploymentPreference"] = std::move(preference);
  out->push_back(Generated{version_id, std::move(version)});
  out->push_back(Generated{alias_id, std::move(alias_resource)});
  return Ok();
}

}  // namespace

Status TranslateStateMachine(SamResource& r, Context& ctx, GeneratedList* out) {
  SAM_TRY(ExpandPolicyTemplates(r));
  SAM_TRY(ValidateProperties(r, StateMachineSpecs()));
  std::vector<EventSource> events;
  SAM_TRY(ParseStateMachineEvents(r, ctx, &events));

  const std::string& id = r.logical_id;
  Json sm = NewResource("AWS::StepFunctions::StateMachine", r.ResourceAttributes());
  Json& p = sm["Properties"];
  if (const Json* subs = r.Prop("DefinitionSubstitutions"); Truthy(subs))
    p["DefinitionSubstitutions"] = *subs;
  const Json* definition = r.Prop("Definition");
  const Json* definition_uri = r.Prop("DefinitionUri");
  if (Truthy(definition) && Truthy(definition_uri)) {
    return ResourceError(id,
                         "Specify either 'Definition' or 'DefinitionUri' property and not both.",
                         {"Properties"});
  }
  if (Truthy(definition)) {
    Json processed = *definition;
    Json substitutions = Json::object();
    int counter = 1;
    ReplaceDynamicValues(processed, substitutions, &counter);
    if (!substitutions.empty()) {
      Json* existing = GetMut(p, "DefinitionSubstitutions");
      if (existing != nullptr && existing->is_object()) {
        for (auto it = substitutions.begin(); it != substitutions.end(); ++it)
          (*existing)[it.key()] = it.value();
      } else {
        p["DefinitionSubstitutions"] = std::move(substitutions);
      }
    }
    p["DefinitionString"] = DefinitionString(processed);
  } else if (Truthy(definition_uri)) {
    Json location;
    SAM_TRY(DefinitionS3Location(r, *definition_uri, &location));
    p["DefinitionS3Location"] = std::move(location);
  } else {
    return ResourceError(id, "Either 'Definition' or 'DefinitionUri' property must be specified.",
                         {"Properties"});
  }

  const Json* role = r.Prop("Role");
  if (Truthy(role) && Truthy(r.Prop("Policies"))) {
    return ResourceError(id,
                         "Specify either 'Role' or 'Policies' (but not both at the same time) or "
                         "neither of them",
                         {"Properties"});
  }
  GeneratedList resources;
  resources.push_back(Generated{id, Json()});
  if (Truthy(role)) {
    p["RoleArn"] = *role;
  } else {
    Json execution_role;
    SAM_TRY(ExecutionRole(r, ctx, &execution_role));
    p["RoleArn"] = GetAtt(id + "Role", "Arn");
    resources.push_back(Generated{id + "Role", std::move(execution_role)});
  }
  if (const Json* v = Present(r, "Name"))
    p["StateMachineName"] = *v;
  if (const Json* v = Present(r, "Type"))
    p["StateMachineType"] = *v;
  if (const Json* v = Present(r, "Logging"))
    p["LoggingConfiguration"] = *v;
  if (const Json* v = Present(r, "Tracing"))
    p["TracingConfiguration"] = *v;
  p["Tags"] = TagList(r);
  resources[0].resource = std::move(sm);

  const Json* alias = r.Prop("AutoPublishAlias");
  bool use_alias = Truthy(r.Prop("UseAliasAsEventTarget"));
  if (!Truthy(alias) && use_alias) {
    return ResourceError(id,
                         "'UseAliasAsEventTarget' requires 'AutoPublishAlias' property to be "
                         "specified.",
                         {"Properties"});
  }
  std::string alias_id;
  if (!Truthy(alias) && Truthy(r.Prop("DeploymentPreference"))) {
    return ResourceError(id,
                         "'DeploymentPreference' requires 'AutoPublishAlias' property to be "
                         "specified.",
                         {"Properties"});
  }
  if (Truthy(alias)) {
    std::string name = PyStr(*alias);
    SAM_TRY(TrafficShifting(r, name, &resources));
    alias_id = id + "Alias" + name;
  }

  StateMachineTarget target;
  target.target_id = use_alias ? alias_id : id;
  target.state_machine = &r;
  target.permissions_boundary = r.Prop("PermissionsBoundary");
  for (const EventSource& event : events)
    SAM_TRY(TranslateStateMachineEvent(event, target, ctx, &resources));
  PropagateTags(resources, r.Prop("Tags"), r.Prop("PropagateTags"));
  for (Generated& g : resources)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace cfnx::sam
