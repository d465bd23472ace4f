// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The OpenAPI 3 editor of AWS::Serverless::HttpApi, as the reference's OpenApiEditor
// (samtranslator/open_api/open_api.py and base_editor.py): it edits a copy of a DefinitionBody
// just enough for SAM (paths, integrations, authorizers, tags, CORS, endpoint configuration)
// and hands the document back with `Document()`. Keys are inserted in the order the reference
// inserts them.
//
// The reference's editor reports a broken document with InvalidDocumentException, which stops
// the whole translation: those errors come back as `DocumentError`s (fatal template errors).

#ifndef CFNX_TRANSFORMS_SAM_OPEN_API_H_
#define CFNX_TRANSFORMS_SAM_OPEN_API_H_

#include <string>
#include <utility>
#include <vector>

#include "transforms/sam/http_authorizer.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {

// InvalidDocumentException([InvalidTemplateException(detail)]): stops the translation.
Error DocumentError(std::string detail);

// {"Fn::If": [condition, value, {"Ref": "AWS::NoValue"}]}
Json MakeConditional(const std::string& condition, Json value);

class OpenApiEditor {
 public:
  static constexpr const char* kIntegration = "x-amazon-apigateway-integration";
  static constexpr const char* kAnyMethod = "x-amazon-apigateway-any-method";
  static constexpr const char* kDefaultPath = "$default";

  // The reference's constructor: checks `doc` is an OpenAPI 3 document and copies it.
  static Status Open(const Json* doc, OpenApiEditor* out);
  // OpenApiEditor.is_valid.
  static bool IsValid(const Json* doc);
  // gen_skeleton(): openapi 3.0.1, info {version, title: Ref AWS::StackName}, paths {}.
  static Json Skeleton();
  // "get" -> "get", "ANY" -> x-amazon-apigateway-any-method.
  static std::string NormalizeMethod(const std::string& method);
  // Path parameters ({id}, {proxy+}) replaced by "*", for permission source ARNs.
  static std::string PathWithoutParameters(const std::string& path);

  // The contents of a value that may be an Fn::If: both branches (AWS::NoValue skipped).
  static Status ConditionalContents(Json* item, std::vector<Json*>* out);

  // The document with every change made (the reference's `openapi` property).
  Json Document() const;

  std::vector<std::string> Paths() const;
  bool HasPath(const std::string& path, const std::string& method) const;
  Status HasIntegration(const std::string& path, const std::string& method, bool* out);
  Status AddPath(const std::string& path, const std::string& method);
  void MakePathConditional(const std::string& path, const std::string& condition);

  Status AddLambdaIntegration(const std::string& path, const std::string& method, const Json& uri,
                              const std::string& condition);
  // Whether the integration at path+method calls `logical_id` (every branch of conditionals).
  Status IntegrationFunctionMatches(const std::string& path, const std::string& method,
                                    const std::string& logical_id, bool* out);
  // The method definitions at path+method that have an integration, through conditionals.
  Status MethodDefinitions(const std::string& path, const std::string& method,
                           std::vector<Json*>* out);

  Status AddPathParameters(const std::string& path, const std::string& method,
                           const std::vector<std::string>& parameters);
  Status AddPayloadFormatVersion(const std::string& path, const std::string& method,
                                 const Json& version);
  Status AddTimeout(const std::string& path, const std::string& method, const Json& timeout);

  Status AddAuthorizerSecuritySchemes(const AuthorizerList& authorizers,
                                      const std::string& partition);
  Status SetPathDefaultAuthorizer(const std::string& path, const std::string& name,
                                  const AuthorizerList& authorizers);
  // Event-level Auth: the method's security gets `auth.Authorizer` (scopes from the event or
  // the API's authorizer). `api_authorizers` is the API's Auth.Authorizers as written.
  Status AddAuthToMethod(const std::string& path, const std::string& method, const Json& auth,
                         const Json* api_authorizers);

  Status AddTags(const Json& tags);
  Status AddEndpointConfig(const Json& disable_execute_api_endpoint);
  Status AddCors(const Json* allow_origins, const Json* allow_headers, const Json* allow_methods,
                 const Json* expose_headers, const Json* max_age, const Json* allow_credentials);
  void AddDescription(const Json& description);
  void AddTitle(const Json& title);

 private:
  Json doc_;
  // components.securitySchemes, tags and info as the reference's editor keeps them: the
  // document's own value when it is truthy, else a fresh one written back by Document().
  Json security_schemes_ = Json::object();
  Json tags_ = Json::array();
  Json info_ = Json::object();

  Json& paths() { return doc_["paths"]; }
  const Json& paths() const { return doc_["paths"]; }
};

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_OPEN_API_H_
