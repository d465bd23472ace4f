// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::Connector and the embedded `Connectors` resource attribute: the permissions
// between a source and its destinations, from the bundled profile table
// (schemas/sam/connector_profiles.tsv). A connector runs after every other SAM resource and
// looks at the CloudFormation resources they became. The reference:
// samtranslator/model/sam_resources.py SamConnector and samtranslator/model/connector/.

#include <algorithm>
#include <optional>

#include "transforms/sam/embedded_data.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

constexpr std::string_view kConnectorType = "AWS::Serverless::Connector";

// The JSON after `prefix` on the line starting with it, parsed; nullopt when there is none.
std::optional<Json> FindProfileLine(const std::string& prefix) {
  std::string_view data = EmbeddedConnectorProfiles();
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos)
      end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    if (line.substr(0, prefix.size()) == prefix)
      return Json::parse(line.substr(prefix.size()), nullptr, false);
    pos = end + 1;
  }
  return std::nullopt;
}

std::optional<Json> FindProfile(const std::string& source_type, const std::string& dest_type) {
  return FindProfileLine("permission\t" + source_type + "\t" + dest_type + "\t");
}

bool IsNonblankString(const Json* v) {
  return v != nullptr && v->is_string() && !v->get_ref<const std::string&>().empty();
}

// Resource._validate_logical_id: ^[A-Za-z0-9]+$.
bool IsAlphanumeric(const std::string& id) {
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return !id.empty();
}

// Python's str.isalnum() for the ASCII variable names of the profiles.
std::string Sanitize(const std::string& s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      out += c;
  }
  return out;
}

// re.search(r"\${.+}", s): "${", at least one character, then "}", all on one line.
bool NeedsSub(const std::string& s) {
  for (size_t i = s.find("${"); i != std::string::npos; i = s.find("${", i + 1)) {
    size_t line_end = s.find('\n', i + 2);
    if (line_end == std::string::npos)
      line_end = s.size();
    for (size_t j = i + 3; j < line_end; ++j) {
      if (s[j] == '}')
        return true;
    }
  }
  return false;
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

using Replacements = std::vector<std::pair<std::string, Json>>;  // null stands for None

// profile_replace: "%{Name}" variables in every string of `value`; `*missing` names the
// first variable without a value.
Json ProfileReplace(const Json& value, const Replacements& replacements, std::string* missing) {
  if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it)
      out[it.key()] = ProfileReplace(it.value(), replacements, missing);
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& item : value)
      out.push_back(ProfileReplace(item, replacements, missing));
    return out;
  }
  if (!value.is_string() || !missing->empty())
    return value;
  std::string s = value.get<std::string>();
  Json subs = Json::object();
  for (const auto& [name, replacement] : replacements) {
    std::string pattern = "%{" + name + "}";
    bool found = s.find(pattern) != std::string::npos;
    if (found && replacement.is_null()) {
      *missing = name;
      return value;
    }
    if (s == pattern)
      return replacement;
    if (found) {
      std::string var = Sanitize(name);
      ReplaceAll(s, pattern, "${" + var + "}");
      subs[var] = replacement;
    }
  }
  if (NeedsSub(s)) {
    if (!subs.empty())
      return Json{{"Fn::Sub", Json::array({s, subs})}};
    return Json{{"Fn::Sub", s}};
  }
  return s;
}

// get_logical_id_from_intrinsic: the logical id of a Ref or Fn::GetAtt, else "".
std::string LogicalIdOf(const Json* value) {
  if (value == nullptr || !IsIntrinsic(*value))
    return "";
  if (const Json* ref = Get(*value, "Ref"); ref != nullptr && ref->is_string())
    return ref->get<std::string>();
  const Json* getatt = Get(*value, "Fn::GetAtt");
  if (getatt == nullptr)
    return "";
  if (getatt->is_array() && getatt->size() == 2 && (*getatt)[0].is_string())
    return (*getatt)[0].get<std::string>();
  if (getatt->is_string()) {
    const std::string& s = getatt->get_ref<const std::string&>();
    size_t dot = s.find('.');
    if (dot != std::string::npos && s.find('.', dot + 1) == std::string::npos)
      return s.substr(0, dot);
  }
  return "";
}

Json NullIfAbsent(const Json* v) {
  return v != nullptr ? *v : Json();
}

// ConnectorResourceReference.
struct Reference {
  std::string logical_id;  // "" when given by properties instead of an Id
  std::string type;
  Json arn, role_name, queue_url, resource_id, name, qualifier;
};

// _get_resource_role_name: Ref to the role of the resource, found through its profile's Role
// input (a property, or the target of an events rule that points at `connecting`).
Json RoleName(const Json& connecting, const Json& cfn_properties, const Json& properties) {
  const Json* inputs = Get(cfn_properties, "Inputs");
  const Json* role_property = inputs != nullptr ? Get(*inputs, "Role") : nullptr;
  const Json* role = nullptr;
  if (role_property != nullptr && role_property->is_string()) {
    role = properties.is_object() ? Get(properties, role_property->get<std::string>()) : nullptr;
  } else if (role_property != nullptr && role_property->is_object() &&
             NullIfAbsent(Get(*role_property, "Function")) == "GetEventsRuleRole") {
    const Json* connecting_id = Get(connecting, "Id");
    const Json* connecting_arn = Get(connecting, "Arn");
    const Json* targets = properties.is_object() ? Get(properties, "Targets") : nullptr;
    if (targets != nullptr && targets->is_array()) {
      for (const Json& target : *targets) {
        const Json* target_arn = Get(target, "Arn");
        std::string target_id = LogicalIdOf(target_arn);
        bool same_id =
            !target_id.empty() && connecting_id != nullptr && *connecting_id == target_id;
        bool same_arn =
            Truthy(connecting_arn) && target_arn != nullptr && *target_arn == *connecting_arn;
        if (same_id || same_arn) {
          role = Get(target, "RoleArn");
          break;
        }
      }
    }
  }
  if (!Truthy(role))
    return Json();
  std::string role_id = LogicalIdOf(role);
  return role_id.empty() ? Json() : Ref(role_id);
}

// get_resource_reference; `*error` is the ConnectorResourceError message.
bool ResolveReference(const Json& obj, const Json& resources, const Json& connecting,
                      Reference* out, std::string* error) {
  bool id_provided = obj.contains("Id");
  bool other_provided = false;
  for (auto it = obj.begin(); it != obj.end(); ++it)
    other_provided = other_provided || (it.key() != "Id" && it.key() != "Qualifier");
  if (id_provided == other_provided) {
    *error =
        "Must provide 'Id' (with optional 'Qualifier') or a supported combination of other "
        "properties.";
    return false;
  }
  const Json* id = Get(obj, "Id");
  if (!Truthy(id)) {
    const Json* type = Get(obj, "Type");
    if (!IsNonblankString(type)) {
      *error = "'Type' is missing or not a string.";
      return false;
    }
    static const std::pair<const char*, const char*> kSamToCfn[] = {
        {"AWS::Serverless::Function", "AWS::Lambda::Function"},
        {"AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"},
        {"AWS::Serverless::Api", "AWS::ApiGateway::RestApi"},
        {"AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api"},
        {"AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table"},
    };
    out->type = type->get<std::string>();
    for (const auto& [sam, cfn] : kSamToCfn) {
      if (out->type == sam)
        out->type = cfn;
    }
    out->arn = NullIfAbsent(Get(obj, "Arn"));
    out->role_name = NullIfAbsent(Get(obj, "RoleName"));
    out->queue_url = NullIfAbsent(Get(obj, "QueueUrl"));
    out->resource_id = NullIfAbsent(Get(obj, "ResourceId"));
    out->name = NullIfAbsent(Get(obj, "Name"));
    out->qualifier = NullIfAbsent(Get(obj, "Qualifier"));
    return true;
  }
  if (!IsNonblankString(id)) {
    *error = "'Id' is missing or not a string.";
    return false;
  }
  out->logical_id = id->get<std::string>();
  const Json* resource = Get(resources, out->logical_id);
  if (!Truthy(resource)) {
    *error = "Unable to find resource with logical ID '" + out->logical_id + "'.";
    return false;
  }
  const Json* type = Get(*resource, "Type");
  if (!IsNonblankString(type)) {
    *error = "'Type' is missing or not a string.";
    return false;
  }
  out->type = type->get<std::string>();
  const Json* props = Get(*resource, "Properties");
  Json properties = props != nullptr ? *props : Json::object();
  Json cfn = Json::object();
  if (std::optional<Json> line = FindProfileLine("resource\t" + out->type + "\t")) {
    std::string missing;
    cfn = ProfileReplace(*line, {{"logicalId", Json(out->logical_id)}}, &missing);
  }
  const Json* outputs_ptr = Get(cfn, "Outputs");
  Json outputs = outputs_ptr != nullptr ? *outputs_ptr : Json::object();
  out->arn = NullIfAbsent(Get(outputs, "Arn"));
  out->role_name = RoleName(connecting, cfn, properties);
  out->queue_url = NullIfAbsent(Get(outputs, "Url"));
  out->resource_id = NullIfAbsent(Get(outputs, "Id"));
  out->name = NullIfAbsent(Get(outputs, "Name"));
  out->qualifier =
      obj.contains("Qualifier") ? obj["Qualifier"] : NullIfAbsent(Get(outputs, "Qualifier"));
  return true;
}

Json PolicyDocument(const Json& profile, const std::vector<std::string>& permissions) {
  Json statements = Json::array();
  const Json& categories = profile["AccessCategories"];
  for (auto it = categories.begin(); it != categories.end(); ++it) {
    if (std::find(permissions.begin(), permissions.end(), it.key()) == permissions.end())
      continue;
    if (const Json* s = Get(it.value(), "Statement"); s != nullptr && s->is_array()) {
      for (const Json& statement : *s)
        statements.push_back(statement);
    }
  }
  return Json{{"Version", "2012-10-17"}, {"Statement", statements}};
}

// insert_unique(resource.DependsOn, value) on a resource of the output.
void AddDependsOn(Json& resources, const std::string& logical_id, const std::string& value) {
  Json* resource = GetMut(resources, logical_id);
  if (!Truthy(resource))
    return;
  Json deps = Json::array();
  if (const Json* old = Get(*resource, "DependsOn"))
    deps = old->is_array() ? *old : Json::array({*old});
  if (std::find(deps.begin(), deps.end(), Json(value)) == deps.end())
    deps.push_back(value);
  (*resource)["DependsOn"] = std::move(deps);
}

// get_event_source_mappings from `source` to the function `function`.
std::vector<std::string> EventSourceMappings(const Json& resources, const std::string& source,
                                             const std::string& function) {
  std::vector<std::string> ids;
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (NullIfAbsent(Get(it.value(), "Type")) != "AWS::Lambda::EventSourceMapping")
      continue;
    const Json* props = Get(it.value(), "Properties");
    if (props == nullptr)
      continue;
    std::string fn = LogicalIdOf(Get(*props, "FunctionName"));
    std::string src = LogicalIdOf(Get(*props, "EventSourceArn"));
    if (!fn.empty() && !src.empty() && fn == function && src == source)
      ids.push_back(it.key());
  }
  return ids;
}

class ConnectorBuilder {
 public:
  ConnectorBuilder(const SamResource& r, Context& ctx) : r_(r), ctx_(ctx) {}

  Status Build(GeneratedList* out);

 private:
  Status Generate(const Reference& source, const Reference& dest, size_t index, bool multi,
                  GeneratedList* out);
  Json Attributes() const { return r_.ResourceAttributes(); }
  std::string Name(const char* what, size_t index, bool multi) const {
    return r_.logical_id + what + (multi ? "Destination" + std::to_string(index) : "");
  }
  void AddMetadata(const Reference& source, const Reference& dest, GeneratedList& resources);

  const SamResource& r_;
  Context& ctx_;
  std::vector<std::string> permissions_;
};

Status ConnectorBuilder::Build(GeneratedList* out) {
  const Json& source_obj = *r_.Prop("Source");
  const Json& destination = *r_.Prop("Destination");
  bool multi = destination.is_array();
  Json destinations = multi ? destination : Json::array({destination});
  for (const Json& p : *r_.Prop("Permissions")) {
    std::string name = p.is_string() ? p.get<std::string>() : PyStr(p);
    if (std::find(permissions_.begin(), permissions_.end(), name) == permissions_.end())
      permissions_.push_back(name);
  }
  Json& resources = (*ctx_.template_json)["Resources"];
  GeneratedList all;
  for (size_t index = 0; index < destinations.size(); ++index) {
    const Json& dest_obj = destinations[index];
    Reference source, dest;
    std::string error;
    if (!ResolveReference(dest_obj, resources, source_obj, &dest, &error) ||
        !ResolveReference(source_obj, resources, dest_obj, &source, &error))
      return ResourceError(r_.logical_id, error, {"Properties"});
    GeneratedList generated;
    SAM_TRY(Generate(source, dest, index, multi, &generated));
    AddMetadata(source, dest, generated);
    for (Generated& g : generated)
      all.push_back(std::move(g));
  }
  // replace_depends_on_logical_id: whatever depended on the connector depends on what it made.
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    Json* deps = GetMut(it.value(), "DependsOn");
    if (deps == nullptr)
      continue;
    Json list = deps->is_array() ? *deps : Json::array({*deps});
    auto pos = std::find(list.begin(), list.end(), Json(r_.logical_id));
    if (pos == list.end())
      continue;
    list.erase(pos);
    for (const Generated& g : all) {
      if (std::find(list.begin(), list.end(), Json(g.logical_id)) == list.end())
        list.push_back(g.logical_id);
    }
    *deps = std::move(list);
  }
  if (all.empty())
    return ResourceError(r_.logical_id, "'Destination' is an empty list", {"Properties"});
  for (Generated& g : all)
    out->push_back(std::move(g));
  return Ok();
}

Status ConnectorBuilder::Generate(const Reference& source, const Reference& dest, size_t index,
                                  bool multi, GeneratedList* out) {
  const std::string& id = r_.logical_id;
  std::optional<Json> found = FindProfile(source.type, dest.type);
  if (!found.has_value()) {
    return ResourceError(id,
                         "Unable to create connector from " + source.type + " to " + dest.type +
                             "; it's not supported or the template is invalid.",
                         {"Properties"});
  }
  const Json& profile_type = (*found)["Type"];
  const Json& properties = (*found)["Properties"];
  const Json& categories = properties["AccessCategories"];
  std::string valid;
  for (auto it = categories.begin(); it != categories.end(); ++it)
    valid += (valid.empty() ? "" : ", ") + it.key();
  if (permissions_.empty()) {
    return ResourceError(id, "'Permissions' cannot be empty; valid values are: " + valid + ".",
                         {"Properties", "Permissions"});
  }
  for (const std::string& p : permissions_) {
    if (!categories.contains(p)) {
      return ResourceError(id,
                           "Unsupported 'Permissions' provided for connector from " + source.type +
                               " to " + dest.type + "; valid values are: " + valid + ".",
                           {"Properties", "Permissions"});
    }
  }
  if (const Json* combos = Get(properties, "ValidAccessCategories"); Truthy(combos)) {
    std::vector<std::string> given = permissions_;
    std::sort(given.begin(), given.end());
    bool ok = false;
    std::string text;
    for (const Json& combo : *combos) {
      std::vector<std::string> sorted = combo.get<std::vector<std::string>>();
      std::sort(sorted.begin(), sorted.end());
      ok = ok || sorted == given;
      std::string joined;
      for (const std::string& s : sorted)
        joined += (joined.empty() ? "" : " + ") + s;
      text += (text.empty() ? "" : ", ") + joined;
    }
    if (!ok) {
      return ResourceError(id,
                           "Unsupported 'Permissions' provided for connector from " + source.type +
                               " to " + dest.type + "; valid combinations are: " + text + ".",
                           {"Properties", "Permissions"});
    }
  }
  Replacements replacements = {
      {"Source.Arn", source.arn},
      {"Destination.Arn", dest.arn},
      {"Source.ResourceId", source.resource_id},
      {"Destination.ResourceId", dest.resource_id},
      {"Source.Name", source.name},
      {"Destination.Name", dest.name},
      {"Source.Qualifier", source.qualifier},
      {"Destination.Qualifier", dest.qualifier},
  };
  std::string missing;
  Json profile = ProfileReplace(properties, replacements, &missing);
  if (!missing.empty())
    return ResourceError(id, missing + " is missing.", {"Properties"});

  bool source_policy = Truthy(Get(profile, "SourcePolicy"));
  const Reference& owner = source_policy ? source : dest;
  std::string side = source_policy ? "Source" : "Destination";
  Json& resources = (*ctx_.template_json)["Resources"];
  if (profile_type == "AWS_IAM_ROLE_MANAGED_POLICY") {
    if (!Truthy(owner.role_name)) {
      return ResourceError(id, "Unable to get IAM role name from '" + side + "' resource.",
                           {"Properties"});
    }
    std::string policy_id = Name("Policy", index, multi);
    Json policy = NewResource("AWS::IAM::ManagedPolicy", Attributes());
    policy["Properties"]["PolicyDocument"] = PolicyDocument(profile, permissions_);
    policy["Properties"]["Roles"] = Json::array({owner.role_name});
    Json depended_by = NullIfAbsent(Get(profile, "DependedBy"));
    if (depended_by == "DESTINATION_EVENT_SOURCE_MAPPING" && !source.logical_id.empty() &&
        !dest.logical_id.empty()) {
      std::vector<std::string> esms =
          EventSourceMappings(resources, source.logical_id, dest.logical_id);
      if (esms.size() == 1)
        AddDependsOn(resources, esms[0], policy_id);
    }
    if (depended_by == "SOURCE" && !source.logical_id.empty())
      AddDependsOn(resources, source.logical_id, policy_id);
    out->push_back(Generated{policy_id, std::move(policy)});
  } else if (profile_type == "AWS_SQS_QUEUE_POLICY") {
    if (!Truthy(owner.queue_url)) {
      return ResourceError(id, "Unable to get SQS queue URL from '" + side + "' resource.",
                           {"Properties"});
    }
    Json policy = NewResource("AWS::SQS::QueuePolicy", Attributes());
    policy["Properties"]["PolicyDocument"] = PolicyDocument(profile, permissions_);
    policy["Properties"]["Queues"] = Json::array({owner.queue_url});
    out->push_back(Generated{Name("QueuePolicy", index, multi), std::move(policy)});
  } else if (profile_type == "AWS_SNS_TOPIC_POLICY") {
    if (!Truthy(owner.arn)) {
      return ResourceError(id, "Unable to get SNS topic ARN from '" + side + "' resource.",
                           {"Properties"});
    }
    Json policy = NewResource("AWS::SNS::TopicPolicy", Attributes());
    policy["Properties"]["Topics"] = Json::array({owner.arn});
    policy["Properties"]["PolicyDocument"] = PolicyDocument(profile, permissions_);
    out->push_back(Generated{Name("TopicPolicy", index, multi), std::move(policy)});
  } else {  // AWS_LAMBDA_PERMISSION
    if (!Truthy(owner.arn)) {
      return ResourceError(id, "Unable to get Lambda function ARN from '" + side + "' resource.",
                           {"Properties"});
    }
    const Json& access = profile["AccessCategories"];
    for (auto it = access.begin(); it != access.end(); ++it) {
      if (std::find(permissions_.begin(), permissions_.end(), it.key()) == permissions_.end())
        continue;
      Json permission = NewResource("AWS::Lambda::Permission", Attributes());
      Json& p = permission["Properties"];
      for (const char* key : {"Action", "Principal", "SourceArn", "SourceAccount"}) {
        if (const Json* v = Get(it.value(), key); v != nullptr && !v->is_null())
          p[key] = *v;
      }
      p["FunctionName"] = owner.arn;
      std::string what = it.key() + "LambdaPermission";
      out->push_back(Generated{Name(what.c_str(), index, multi), std::move(permission)});
    }
  }
  return Ok();
}

void ConnectorBuilder::AddMetadata(const Reference& source, const Reference& dest,
                                   GeneratedList& resources) {
  const Json& original = (*ctx_.input)["Resources"];
  auto type_of = [&](const Reference& ref) -> Json {
    if (!ref.logical_id.empty()) {
      const Json* resource = Get(original, ref.logical_id);
      const Json* type = resource != nullptr ? Get(*resource, "Type") : nullptr;
      if (Truthy(type))
        return *type;
    }
    return ref.type;
  };
  Json entry = Json{{"Source", Json{{"Type", type_of(source)}}},
                    {"Destination", Json{{"Type", type_of(dest)}}}};
  for (Generated& g : resources) {
    Json metadata = Json::object();
    if (const Json* m = Get(g.resource, "Metadata"); m != nullptr && m->is_object())
      metadata = *m;
    metadata["aws:sam:connectors"] = Json{{r_.logical_id, entry}};
    g.resource["Metadata"] = std::move(metadata);
  }
}

const std::vector<PropertySpec>& ConnectorSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"Source", PropType::kMap, true},
      {"Destination", PropType::kDictOrListOfDict, true},
      {"Permissions", PropType::kListOfString, true},
  };
  return kSpecs;
}

}  // namespace

Status TranslateConnector(SamResource& r, Context& ctx, GeneratedList* out) {
  SAM_TRY(ValidateProperties(r, ConnectorSpecs()));
  return ConnectorBuilder(r, ctx).Build(out);
}

void ExpandEmbeddedConnectors(Json& input, std::vector<Error>* errors) {
  Json& resources = input["Resources"];
  std::vector<std::pair<std::string, Json>> connectors;
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    const std::string& source_id = it.key();
    const Json* attribute = Get(it.value(), "Connectors");
    if (attribute == nullptr)
      continue;
    if (!attribute->is_object()) {
      errors->push_back(ResourceError(
          source_id, "Attribute '" + source_id + ".Connectors' should be a map.", {"Connectors"}));
      continue;
    }
    for (auto c = attribute->begin(); c != attribute->end(); ++c) {
      const std::string& name = c.key();
      std::string full_id = source_id + name;
      if (!c.value().is_object()) {
        errors->push_back(ResourceError(full_id, source_id + "." + full_id + " should be a map.",
                                        {"Connectors", name}));
        continue;
      }
      Json connector = c.value();
      connector["Type"] = std::string(kConnectorType);
      Json* props = GetMut(connector, "Properties");
      if (props == nullptr || !props->is_object()) {
        errors->push_back(ResourceError(
            source_id, "Attribute 'Connectors." + name + ".Properties' should be a map.",
            {"Connectors", name}));
        continue;
      }
      (*props)["Source"] = Json{{"Id", source_id}};
      if (props->contains("SourceReference")) {
        const Json& reference = (*props)["SourceReference"];
        if (!reference.is_object()) {
          errors->push_back(ResourceError(
              source_id,
              "Property 'Connectors." + name + ".Properties.SourceReference' should be a map.",
              {"Connectors", name, "Properties", "SourceReference"}));
          continue;
        }
        if (reference.contains("Id")) {
          errors->push_back(ResourceError(name, "'Id' shouldn't be defined in 'SourceReference'.",
                                          {"Connectors", name}));
          continue;
        }
        for (auto s = reference.begin(); s != reference.end(); ++s)
          (*props)["Source"][s.key()] = s.value();
        props->erase("SourceReference");
      }
      if (!IsAlphanumeric(full_id)) {
        errors->push_back(
            ResourceError(full_id, "Logical ids must be alphanumeric.", {"Connectors", name}));
        continue;
      }
      SamResource as_resource;
      as_resource.logical_id = full_id;
      as_resource.type = kConnectorType;
      as_resource.dict = &connector;
      as_resource.properties = *props;
      if (Status st = ValidateProperties(as_resource, ConnectorSpecs()); !st.ok()) {
        errors->push_back(st.error());
        continue;
      }
      if (resources.contains(full_id)) {
        Error duplicate = PlainError(
            "Transforming resource with id [" + source_id +
            "] attempts to create a new resource with id [" + full_id + "] and type \"" +
            std::string(kConnectorType) +
            "\". A resource with that id already exists within this template. Please use a "
            "different id for that resource.");
        duplicate.id = source_id;
        errors->push_back(std::move(duplicate));
        continue;
      }
      connectors.emplace_back(full_id, std::move(connector));
    }
  }
  for (auto& [id, connector] : connectors)
    resources[id] = std::move(connector);
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (it.value().is_object())
      it.value().erase("Connectors");
  }
}

}  // namespace cfnx::sam
