// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The driver: validates the template's shape, merges Globals, translates each SAM resource in
// the reference's order (functions first), resolves references to generated resources, and
// turns the result back into AST nodes whose origin is the user's node.

#include "transforms/sam/sam_transform.h"

#include <algorithm>
#include <set>

#include "transforms/sam/globals.h"
#include "transforms/sam/http_api.h"
#include "transforms/sam/intrinsics.h"
#include "transforms/sam/rest_api.h"
#include "transforms/sam/sam.h"

namespace cfnx {
namespace {

using sam::Context;
using sam::Error;
using sam::Generated;
using sam::GeneratedList;
using sam::Json;
using sam::SamResource;
using sam::Status;

using Translator = Status (*)(SamResource&, Context&, GeneratedList*);

struct TypeEntry {
  const char* type;
  Translator translate;  // nullptr: a SAM type cfnx does not expand yet
};

constexpr TypeEntry kTypes[] = {
    {"AWS::Serverless::Function", &sam::TranslateFunction},
    {"AWS::Serverless::SimpleTable", &sam::TranslateSimpleTable},
    {"AWS::Serverless::LayerVersion", &sam::TranslateLayerVersion},
    {"AWS::Serverless::Application", &sam::TranslateApplication},
    {"AWS::Serverless::CapacityProvider", &sam::TranslateCapacityProvider},
    {"AWS::Serverless::Api", &sam::TranslateApi},
    {"AWS::Serverless::HttpApi", &sam::TranslateHttpApi},
    {"AWS::Serverless::WebSocketApi", &sam::TranslateWebSocketApi},
    {"AWS::Serverless::StateMachine", &sam::TranslateStateMachine},
    {"AWS::Serverless::Connector", &sam::TranslateConnector},
    {"AWS::Serverless::GraphQLApi", &sam::TranslateGraphQLApi},
};

const TypeEntry* FindType(const Json& resource) {
  const Json* type = sam::Get(resource, "Type");
  if (type == nullptr || !type->is_string())
    return nullptr;
  for (const TypeEntry& e : kTypes) {
    if (*type == e.type)
      return &e;
  }
  return nullptr;
}

int TypeRank(const std::string& type) {
  if (type == "AWS::Serverless::Function")
    return 0;
  if (type == "AWS::Serverless::StateMachine")
    return 1;
  if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi" ||
      type == "AWS::Serverless::WebSocketApi")
    return 2;
  if (type == "AWS::Serverless::Connector")
    return 4;
  return 3;
}

// Types a generated resource may share its logical id with (the reference's do_not_verify).
bool MayReplace(const std::string& generated_type, const std::string& existing_type) {
  static const std::pair<const char*, const char*> kAllowed[] = {
      {"AWS::Lambda::Function", "AWS::Serverless::Function"},
      {"AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"},
      {"AWS::Lambda::CapacityProvider", "AWS::Serverless::CapacityProvider"},
      {"AWS::ApiGateway::RestApi", "AWS::Serverless::Api"},
      {"AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi"},
      {"AWS::ApiGatewayV2::Api", "AWS::Serverless::WebSocketApi"},
      {"AWS::S3::Bucket", "AWS::S3::Bucket"},
      {"AWS::SNS::Topic", "AWS::SNS::Topic"},
      {"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"},
      {"AWS::CloudFormation::Stack", "AWS::Serverless::Application"},
      {"AWS::Cognito::UserPool", "AWS::Cognito::UserPool"},
      {"AWS::ApiGateway::DomainName", "AWS::ApiGateway::DomainName"},
      {"AWS::ApiGateway::BasePathMapping", "AWS::ApiGateway::BasePathMapping"},
      {"AWS::ApiGateway::DomainNameV2", "AWS::ApiGateway::DomainNameV2"},
      {"AWS::ApiGateway::BasePathMappingV2", "AWS::ApiGateway::BasePathMappingV2"},
      {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
      {"AWS::AppSync::GraphQLApi", "AWS::Serverless::GraphQLApi"},
  };
  for (const auto& [gen, existing] : kAllowed) {
    if (generated_type == gen && existing_type == existing)
      return true;
  }
  return false;
}

class SamTransform : public Transform {
 public:
  std::string_view name() const override { return "AWS::Serverless-2016-10-31"; }
  const Node* Apply(const MapNode& root, TransformContext& tctx) const override;
  // A template without a Transform section whose resources use AWS::Serverless::* types is
  // processed as SAM, as the reference translator (and the `sam` tooling) does.
  bool AppliesWithoutDeclaration(const MapNode& root) const override;
};

bool SamTransform::AppliesWithoutDeclaration(const MapNode& root) const {
  if (root.Find("Transform") != nullptr)
    return false;
  const auto* resources = dyn_cast<MapNode>(root.Get("Resources"));
  if (resources == nullptr)
    return false;
  for (const MapEntry& e : resources->entries()) {
    const auto* resource = dyn_cast<MapNode>(e.value);
    const auto* type = resource != nullptr ? dyn_cast<StringNode>(resource->Get("Type")) : nullptr;
    if (type != nullptr && type->value().rfind("AWS::Serverless::", 0) == 0)
      return true;
  }
  return false;
}

// The user's node an error is about: the resource, or the deepest node of `path` under it.
const Node* Locate(const MapNode& root, const Error& error) {
  const auto* resources = dyn_cast<MapNode>(root.Get("Resources"));
  bool has_id =
      error.kind == sam::ErrorKind::kResource || error.kind == sam::ErrorKind::kUnsupported;
  if (!has_id || resources == nullptr)
    return resources != nullptr ? static_cast<const Node*>(resources) : &root;
  const std::string& id = error.resource.empty() ? error.id : error.resource;
  const Node* node = resources->Get(id);
  if (node == nullptr) {
    // Generated ids (FnEventName): the longest logical id that prefixes it.
    size_t best = 0;
    for (const MapEntry& e : resources->entries()) {
      const std::string& key = e.key->value();
      if (key.size() > best && id.rfind(key, 0) == 0) {
        best = key.size();
        node = e.value;
      }
    }
  }
  if (node == nullptr)
    return resources;
  for (const std::string& segment : error.path) {
    const auto* map = dyn_cast<MapNode>(node);
    const Node* next = map != nullptr ? map->Get(segment) : nullptr;
    if (next == nullptr)
      break;
    node = next;
  }
  return node;
}

TemplatePath PathOf(const Error& error) {
  if (error.kind != sam::ErrorKind::kResource && error.kind != sam::ErrorKind::kUnsupported)
    return TemplatePath{};
  std::vector<std::string> segments = {"Resources",
                                       error.resource.empty() ? error.id : error.resource};
  segments.insert(segments.end(), error.path.begin(), error.path.end());
  return TemplatePath(std::move(segments));
}

void Report(const MapNode& root, std::vector<Error> errors, DiagnosticSink& diags) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const Error& a, const Error& b) { return a.SortKey() < b.SortKey(); });
  std::set<std::string> seen;
  for (const Error& e : errors) {
    std::string message = e.Message();
    if (!seen.insert(message).second)
      continue;
    const Node* at = Locate(root, e);
    diags.Report(DiagCode::kE0001, at->range(), PathOf(e), std::move(message));
  }
}

// Builds the output node for `json`, reusing the user's node when nothing changed.
const Node* ToNode(const Json& json, const Node* source, Document& doc) {
  if (source != nullptr && ToJson(*source) == json)
    return source;
  return FromJson(json, doc, source != nullptr ? source->range() : SourceRange{}, source);
}

// A generated resource: its Properties reuse the user's nodes where a value was passed through
// unchanged, so later diagnostics point at the user's own line.
const Node* GraftResource(const Json& json, const Node* user_resource, Document& doc) {
  const auto* user_map = dyn_cast<MapNode>(user_resource);
  const auto* user_props =
      user_map != nullptr ? dyn_cast<MapNode>(user_map->Get("Properties")) : nullptr;
  const Json* props = sam::Get(json, "Properties");
  SourceRange range = user_resource != nullptr ? user_resource->range() : SourceRange{};
  if (user_props == nullptr || props == nullptr || !props->is_object())
    return FromJson(json, doc, range, user_resource);
  std::vector<MapEntry> entries;
  for (auto it = json.begin(); it != json.end(); ++it) {
    const StringNode* key = doc.New<StringNode>(range, it.key(), false);
    if (it.key() != "Properties") {
      entries.push_back(MapEntry{key, FromJson(it.value(), doc, range, user_resource)});
      continue;
    }
    std::vector<MapEntry> prop_entries;
    for (auto p = props->begin(); p != props->end(); ++p) {
      const MapEntry* user = user_props->Find(p.key());
      const StringNode* pkey =
          user != nullptr ? user->key : doc.New<StringNode>(range, p.key(), false);
      const Node* value = nullptr;
      if (user != nullptr && ToJson(*user->value) == p.value())
        value = user->value;
      else
        value = FromJson(p.value(), doc, user != nullptr ? user->value->range() : range,
                         user != nullptr ? user->value : user_resource);
      prop_entries.push_back(MapEntry{pkey, value});
    }
    entries.push_back(
        MapEntry{key, doc.New<MapNode>(user_props->range(), std::move(prop_entries))});
  }
  MapNode* node = doc.New<MapNode>(range, std::move(entries));
  node->set_origin(user_resource);
  return node;
}

const Node* BuildOutput(const Json& out, const MapNode& root,
                        const std::map<std::string, std::string>& generated_from, Document& doc) {
  std::vector<MapEntry> entries;
  for (auto it = out.begin(); it != out.end(); ++it) {
    const MapEntry* user = root.Find(it.key());
    const StringNode* key =
        user != nullptr ? user->key : doc.New<StringNode>(SourceRange{}, it.key(), false);
    if (it.key() == "Resources" && it.value().is_object() && user != nullptr &&
        isa<MapNode>(user->value)) {
      const auto* user_resources = cast<MapNode>(user->value);
      std::vector<MapEntry> resource_entries;
      for (auto r = it.value().begin(); r != it.value().end(); ++r) {
        auto from = generated_from.find(r.key());
        const MapEntry* src =
            user_resources->Find(from != generated_from.end() ? from->second : r.key());
        const StringNode* rkey =
            src != nullptr && src->key->value() == r.key()
                ? src->key
                : doc.New<StringNode>(src != nullptr ? src->key->range() : SourceRange{}, r.key(),
                                      false);
        const Node* value = nullptr;
        if (from == generated_from.end() && src != nullptr)
          value = ToNode(r.value(), src->value, doc);
        else
          value = GraftResource(r.value(), src != nullptr ? src->value : nullptr, doc);
        resource_entries.push_back(MapEntry{rkey, value});
      }
      entries.push_back(
          MapEntry{key, doc.New<MapNode>(user->value->range(), std::move(resource_entries))});
      continue;
    }
    entries.push_back(
        MapEntry{key, ToNode(it.value(), user != nullptr ? user->value : nullptr, doc)});
  }
  return doc.New<MapNode>(root.range(), std::move(entries));
}

std::string PartitionFor(const std::string& region) {
  if (region.rfind("cn-", 0) == 0)
    return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0)
    return "aws-us-gov";
  if (region.rfind("us-iso-", 0) == 0)
    return "aws-iso";
  if (region.rfind("us-isob-", 0) == 0)
    return "aws-iso-b";
  if (region.rfind("eusc-", 0) == 0)
    return "aws-eusc";
  return "aws";
}

// Parser.validate_datatypes: the document-level checks that stop everything.
Status ValidateDatatypes(const Json& t) {
  const Json* resources = sam::Get(t, "Resources");
  if (resources == nullptr || !resources->is_object() || resources->empty())
    return sam::TemplateError("'Resources' section is required");
  for (auto it = resources->begin(); it != resources->end(); ++it) {
    if (!it.value().is_object()) {
      return sam::TemplateError(
          "All 'Resources' must be Objects. If you're using YAML, this may be an indentation "
          "issue.");
    }
  }
  for (auto it = resources->begin(); it != resources->end(); ++it) {
    const Json* type = sam::Get(it.value(), "Type");
    if (type == nullptr || !type->is_string() ||
        type->get_ref<const std::string&>().rfind("AWS::Serverless::", 0) != 0)
      continue;
    const Json* props = sam::Get(it.value(), "Properties");
    if (props != nullptr && !props->is_object()) {
      return sam::ResourceError(it.key(), "Attribute 'Properties' should be a map.",
                                {"Properties"});
    }
  }
  return sam::Ok();
}

const Node* SamTransform::Apply(const MapNode& root, TransformContext& tctx) const {
  Json input = ToJson(root);
  std::vector<Error> errors;
  auto fail = [&](Error e) {
    errors.push_back(std::move(e));
    Report(root, std::move(errors), tctx.diags);
    return nullptr;
  };
  // A whole-document failure: the errors collected so far are not reported.
  auto fail_alone = [&](Error e) -> const Node* {
    Report(root, {std::move(e)}, tctx.diags);
    return nullptr;
  };

  if (Status st = ValidateDatatypes(input); !st.ok())
    return fail(st.error());

  Context ctx(tctx.options);
  ctx.region = tctx.options.region.empty() ? "us-east-1" : tctx.options.region;
  ctx.partition =
      tctx.options.partition.empty() ? PartitionFor(ctx.region) : tctx.options.partition;
  for (const auto& [k, v] : tctx.options.parameters)
    ctx.parameters[k] = v;
  if (tctx.options.placeholder_artifacts)
    sam::UsePlaceholderArtifacts(input, ctx.parameters);
  if (const Json* params = sam::Get(input, "Parameters");
      params != nullptr && params->is_object()) {
    for (auto it = params->begin(); it != params->end(); ++it) {
      const Json* def = sam::Get(it.value(), "Default");
      if (def != nullptr && !ctx.parameters.contains(it.key()))
        ctx.parameters[it.key()] = *def;
    }
  }
  ctx.parameters["AWS::Region"] = ctx.region;
  ctx.parameters["AWS::Partition"] = ctx.partition;
  if (const Json* mappings = sam::Get(input, "Mappings")) {
    if (!mappings->is_object()) {
      return fail(sam::TemplateError(
          "'Mappings' or 'Parameters' is either null or not a valid dictionary."));
    }
    ctx.mappings = *mappings;
  }

  // Plugins that act on the whole template before any resource: SAR lookups, then Globals.
  if (Status st = sam::PrepareApplications(input, ctx); !st.ok())
    return fail_alone(st.error());
  {
    std::vector<Error> api_errors;
    if (Status st = sam::PrepareRestApis(input, ctx, &api_errors); !st.ok())
      return fail_alone(st.error());
    if (!api_errors.empty()) {
      Report(root, std::move(api_errors), tctx.diags);
      return nullptr;
    }
  }
  std::vector<Error> plugin_errors;
  if (Status st = sam::PrepareHttpApis(input, ctx, &plugin_errors); !st.ok())
    return fail_alone(st.error());
  if (!plugin_errors.empty()) {
    Report(root, std::move(plugin_errors), tctx.diags);
    return nullptr;
  }
  if (Status st = sam::ApplyGlobals(input); !st.ok())
    return fail(st.error());
  sam::FixOpenApiVersions(input, ctx);
  sam::ExpandEmbeddedConnectors(input, &errors);

  Json output = input;
  output.erase("Globals");
  ctx.template_json = &output;
  ctx.input = &input;

  // The reference's processing order: functions, state machines, APIs, the rest, connectors.
  std::vector<std::pair<int, std::string>> order;
  const Json& resources = input["Resources"];
  std::vector<std::string> ids = ctx.resource_order;
  if (ids.empty()) {
    for (auto it = resources.begin(); it != resources.end(); ++it)
      ids.push_back(it.key());
  }
  for (const std::string& id : ids) {
    const Json* dict = sam::Get(resources, id);
    const TypeEntry* entry = dict != nullptr ? FindType(*dict) : nullptr;
    if (entry != nullptr)
      order.emplace_back(TypeRank(entry->type), id);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });

  std::map<std::string, std::string> generated_from;
  for (const auto& [rank, logical_id] : order) {
    const Json& dict = resources[logical_id];
    const TypeEntry* entry = FindType(dict);
    if (entry->translate == nullptr) {
      errors.push_back(sam::UnsupportedError(
          logical_id, std::string("cfnx does not expand ") + entry->type + " resources yet"));
      continue;
    }
    SamResource resource;
    resource.logical_id = logical_id;
    resource.type = entry->type;
    resource.dict = &dict;
    if (const Json* props = sam::Get(dict, "Properties"); props != nullptr && props->is_object())
      resource.properties = *props;
    GeneratedList generated;
    Status st = entry->translate(resource, ctx, &generated);
    if (!st.ok() && st.error().fatal)
      return fail_alone(st.error());
    if (!st.ok()) {
      errors.push_back(st.error());
      continue;
    }
    Json& out_resources = output["Resources"];
    out_resources.erase(logical_id);
    for (Generated& g : generated) {
      const Json* existing = sam::Get(resources, g.logical_id);
      if (existing != nullptr) {
        const Json* existing_type = sam::Get(*existing, "Type");
        std::string gen_type = g.resource["Type"].get<std::string>();
        if (existing_type == nullptr || !existing_type->is_string() ||
            !MayReplace(gen_type, existing_type->get<std::string>())) {
          errors.push_back(sam::PlainError(
              "Transforming resource with id [" + logical_id +
              "] attempts to create a new resource with id [" + g.logical_id + "] and type \"" +
              gen_type +
              "\". A resource with that id already exists within this template. Please use a "
              "different id for that resource."));
          continue;
        }
      }
      out_resources[g.logical_id] = std::move(g.resource);
      if (existing == nullptr || g.logical_id == logical_id)
        generated_from[g.logical_id] = logical_id;
    }
  }

  sam::AddCodeDeployResources(ctx, output, &errors);

  for (const Error& e : errors) {
    if (e.kind != sam::ErrorKind::kUnsupported)
      continue;
    // Not expandable offline: leave the template as written, say why, skip later checks.
    std::string reason = e.detail + " (resource '" + e.id + "')";
    tctx.diags.Report(DiagCode::kI5000, Locate(root, e)->range(), PathOf(e),
                      "cfnx cannot expand AWS::Serverless-2016-10-31 offline: " + reason +
                          "; checks that need the expanded template were skipped.");
    tctx.declined = reason;
    return &root;
  }
  if (!errors.empty()) {
    Report(root, std::move(errors), tctx.diags);
    return nullptr;
  }
  output.erase("Transform");
  sam::ResolveDependsOn(output["Resources"], ctx.changed_ids);
  sam::ResolveResourceIdRefs(output, ctx.changed_ids);
  sam::ResolveResourceRefs(output, ctx.resource_refs);
  return BuildOutput(output, root, generated_from, tctx.doc);
}

}  // namespace

std::unique_ptr<Transform> MakeSamTransform() {
  return std::make_unique<SamTransform>();
}

}  // namespace cfnx
