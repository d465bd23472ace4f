// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Placeholder artifacts for validation. A SAM template as developers keep it names local build
// artifacts (`CodeUri: ./src`, `ContentUri: layer/`), which only `sam package` turns into S3
// locations; the translator itself accepts nothing but S3. cfn-lint and `sam validate` replace
// such values with a placeholder S3 location before translating, so that validation checks the
// rest of the template instead of stopping at the artifact. cfn-lint's rules
// (cfnlint/template/transforms/_sam.py, `_replace_local_codeuri`) are reproduced exactly, so the
// two tools agree on which templates translate.

#include <string>

#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

constexpr const char* kPlaceholderUri = "s3://bucket/value";

// cfn-lint's is_function: a one-key map whose key is an intrinsic function.
bool IsFunction(const Json& value) {
  if (!value.is_object() || value.size() != 1)
    return false;
  const std::string& key = value.begin().key();
  return key == "Ref" || key.rfind("Fn::", 0) == 0;
}

// `_update_to_s3_uri`: a missing or local value becomes the placeholder; an S3 URI stays; a map
// stays unless it is an intrinsic function (its value is unknown offline).
void UseS3Placeholder(Json& properties, const char* key) {
  Json* value = GetMut(properties, key);
  if (value != nullptr && value->is_object()) {
    if (IsFunction(*value))
      *value = kPlaceholderUri;
    return;
  }
  if (value != nullptr && value->is_string() &&
      value->get_ref<const std::string&>().rfind("s3://", 0) == 0)
    return;
  properties[key] = kPlaceholderUri;
}

// AutoPublishAlias: {"Ref": P} with P a template parameter gives P the value "Alias".
void AliasParameter(const Json* alias, const Json& input, Json& parameters) {
  if (alias == nullptr || !alias->is_object() || alias->size() != 1)
    return;
  const Json* name = Get(*alias, "Ref");
  const Json* declared = Get(input, "Parameters");
  if (name == nullptr || !name->is_string() || declared == nullptr ||
      Get(*declared, name->get_ref<const std::string&>()) == nullptr)
    return;
  const std::string& param = name->get_ref<const std::string&>();
  if (!parameters.contains(param))
    parameters[param] = "Alias";
}

void UseFunctionPlaceholders(Json& props, const Json& input, Json& parameters) {
  const Json* package = Get(props, "PackageType");
  bool image = package != nullptr && *package == "Image";
  UseS3Placeholder(props, image ? "ImageUri" : "CodeUri");
  AliasParameter(Get(props, "AutoPublishAlias"), input, parameters);
  if (Json* sha = GetMut(props, "AutoPublishCodeSha256"); sha != nullptr && sha->is_object())
    *sha = "fakesha";
}

void UseApiPlaceholders(Json& props) {
  bool has_body = Get(props, "DefinitionBody") != nullptr || Get(props, "Auth") != nullptr ||
                  Get(props, "Cors") != nullptr ||
                  Get(props, "DisableExecuteApiEndpoint") != nullptr;
  if (has_body)
    props["DefinitionBody"] = "";
  else
    UseS3Placeholder(props, "DefinitionUri");
}

}  // namespace

void UsePlaceholderArtifacts(Json& input, Json& parameters) {
  if (const Json* globals = Get(input, "Globals")) {
    if (const Json* function = Get(*globals, "Function"))
      AliasParameter(Get(*function, "AutoPublishAlias"), input, parameters);
  }
  Json* resources = GetMut(input, "Resources");
  if (resources == nullptr || !resources->is_object())
    return;
  for (auto it = resources->begin(); it != resources->end(); ++it) {
    const Json* type = Get(it.value(), "Type");
    Json* props = GetMut(it.value(), "Properties");
    if (type == nullptr || !type->is_string() || props == nullptr || !props->is_object())
      continue;
    if (*type == "AWS::Serverless::Function") {
      UseFunctionPlaceholders(*props, input, parameters);
    } else if (*type == "AWS::Serverless::LayerVersion") {
      if (Truthy(Get(*props, "ContentUri")))
        UseS3Placeholder(*props, "ContentUri");
    } else if (*type == "AWS::Serverless::Application") {
      if (const Json* location = Get(*props, "Location");
          location != nullptr && Truthy(location) && location->is_object())
        (*props)["Location"] = kPlaceholderUri;
    } else if (*type == "AWS::Serverless::Api") {
      UseApiPlaceholders(*props);
    } else if (*type == "AWS::Serverless::StateMachine") {
      if (Truthy(Get(*props, "DefinitionUri")))
        UseS3Placeholder(*props, "DefinitionUri");
    }
  }
}

}  // namespace cfnx::sam
