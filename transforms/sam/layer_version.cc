// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::LayerVersion -> AWS::Lambda::LayerVersion under a hashed logical id (so a
// changed layer publishes a new version); references to the old id are rewritten afterwards.

#include "transforms/sam/intrinsics.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {

Status ConstructS3Location(const Json& location, const std::string& logical_id,
                           const std::string& property, Json* code);

namespace {

const char kOptions[] = "['Retain', 'Delete']";

Status ResolveString(const SamResource& r, Context& ctx, const char* name, Json& props) {
  Json* v = GetMut(props, name);
  if (!Truthy(v))
    return Ok();
  Json resolved = ResolveParameterRefs(*v, ctx.parameters);
  if (!resolved.is_string() && !resolved.is_object()) {
    return ResourceError(
        r.logical_id,
        std::string("Could not resolve parameter for '") + name + "' or parameter is not a String.",
        {"Properties", name});
  }
  *v = std::move(resolved);
  return Ok();
}

}  // namespace

Status TranslateLayerVersion(SamResource& r, Context& ctx, GeneratedList* out) {
  static const std::vector<PropertySpec> kSpecs = {
      {"LayerName", PropType::kStringOrDict},
      {"Description", PropType::kString},
      {"PublishLambdaVersion", PropType::kBool},
      {"ContentUri", PropType::kStringOrDict, true},
      {"CompatibleArchitectures", PropType::kListOfStringOrDict},
      {"CompatibleRuntimes", PropType::kListOfStringOrDict},
      {"LicenseInfo", PropType::kString},
      {"RetentionPolicy", PropType::kString},
  };
  SAM_TRY(ValidateProperties(r, kSpecs));
  Json props = r.properties;
  for (const char* name : {"LayerName", "LicenseInfo", "Description", "RetentionPolicy"})
    SAM_TRY(ResolveString(r, ctx, name, props));

  Json attributes = r.PassthroughAttributes();
  if (!attributes.contains("DeletionPolicy"))
    attributes["DeletionPolicy"] = "Retain";
  if (const Json* retention = Get(props, "RetentionPolicy");
      retention != nullptr && !retention->is_null()) {
    if (IsIntrinsic(*retention)) {
      return ResourceError(r.logical_id,
                           std::string("'RetentionPolicy' does not accept intrinsic functions, "
                                       "please use one of the following options: ") +
                               kOptions,
                           {"Properties", "RetentionPolicy"});
    }
    if (!retention->is_string()) {
      return ResourceError(r.logical_id,
                           std::string("Invalid 'RetentionPolicy' type, please use one of the "
                                       "following options: ") +
                               kOptions,
                           {"Properties", "RetentionPolicy"});
    }
    std::string lower;
    for (char c : retention->get<std::string>())
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "retain") {
      attributes["DeletionPolicy"] = "Retain";
    } else if (lower == "delete") {
      attributes["DeletionPolicy"] = "Delete";
    } else {
      return ResourceError(
          r.logical_id,
          std::string("'RetentionPolicy' must be one of the following options: ") + kOptions + ".",
          {"Properties", "RetentionPolicy"});
    }
  }

  // The hash covers the SAM resource as the reference serializes it (to_dict), minus
  // DeletionPolicy, UpdateReplacePolicy and Metadata.
  Json self = Json::object();
  self["Type"] = r.type;
  if (const Json* d = Get(*r.dict, "DependsOn"); Truthy(d))
    self["DependsOn"] = *d;
  for (const char* attr : {"UpdatePolicy", "Condition"}) {
    if (const Json* v = Get(*r.dict, attr))
      self[attr] = *v;
  }
  Json hashed_props = Json::object();
  for (const PropertySpec& spec : kSpecs) {
    const Json* v = Get(props, spec.name);
    if (v != nullptr && !v->is_null())
      hashed_props[std::string(spec.name)] = *v;
  }
  self["Properties"] = hashed_props;
  Json hash_dict = Json{{r.logical_id, self}};
  std::string new_id = GenerateLogicalId(r.logical_id, &hash_dict);

  Json layer_attrs = r.ResourceAttributes();
  for (auto it = attributes.begin(); it != attributes.end(); ++it)
    layer_attrs[it.key()] = it.value();
  Json layer = NewResource("AWS::Lambda::LayerVersion", layer_attrs);
  Json& p = layer["Properties"];
  const Json* name = Get(props, "LayerName");
  p["LayerName"] = Truthy(name) ? *name : Json(r.logical_id);
  if (const Json* d = Get(props, "Description"); d != nullptr && !d->is_null())
    p["Description"] = *d;
  Json content;
  SAM_TRY(ConstructS3Location(props["ContentUri"], new_id, "ContentUri", &content));
  p["Content"] = content;
  const Json* archs = Get(props, "CompatibleArchitectures");
  if (archs != nullptr && !archs->is_null())
    p["CompatibleArchitectures"] = *archs;
  if (Truthy(archs) && !IsIntrinsic(*archs) && archs->is_array()) {
    for (const Json& a : *archs) {
      if (!IsIntrinsic(a) && a != "arm64" && a != "x86_64") {
        return ResourceError(new_id,
                             "CompatibleArchitectures needs to be a list of 'x86_64' or 'arm64'",
                             {"Properties", "CompatibleArchitectures"});
      }
    }
  }
  if (const Json* v = Get(props, "CompatibleRuntimes"); v != nullptr && !v->is_null())
    p["CompatibleRuntimes"] = *v;
  if (const Json* v = Get(props, "LicenseInfo"); v != nullptr && !v->is_null())
    p["LicenseInfo"] = *v;
  ctx.changed_ids[r.logical_id] = new_id;
  out->push_back(Generated{new_id, std::move(layer)});
  return Ok();
}

}  // namespace cfnx::sam
