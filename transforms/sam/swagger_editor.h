// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The reference's SwaggerEditor (samtranslator/swagger/swagger.py) over PyValue: it edits a copy
// of a REST API's Swagger 2.0 / OpenAPI 3 document with the same dict kinds, key kinds and
// insertion order as the reference, so that str() of the result (the Deployment hash input)
// matches. Errors the reference raises as InvalidDocumentException are fatal TemplateErrors.

#ifndef CFNX_TRANSFORMS_SAM_SWAGGER_EDITOR_H_
#define CFNX_TRANSFORMS_SAM_SWAGGER_EDITOR_H_

#include <string>
#include <vector>

#include "transforms/sam/open_api.h"
#include "transforms/sam/py_value.h"

namespace cfnx::sam {

inline constexpr const char kXIntegration[] = "x-amazon-apigateway-integration";
inline constexpr const char kXAnyMethod[] = "x-amazon-apigateway-any-method";

// DocumentError (open_api.h): a fatal "Structure of the SAM template is invalid. <message>"
// (InvalidDocumentException).

class SwaggerEditor {
 public:
  // SwaggerEditor.is_valid.
  static bool IsValid(const PyValue* doc);
  static bool IsOpenApi3(const PyValue& version);
  // The skeleton Py27Dict: swagger 2.0, info, empty paths.
  static PyValue Skeleton();
  // The method name as the reference normalizes it (lower case; "any" -> the ANY extension).
  static PyValue NormalizeMethod(const PyValue& method);
  static std::string PathWithoutTrailingSlash(const std::string& path);

  // Validates and deep-copies `doc`.
  static Status Create(const PyValue* doc, SwaggerEditor* out);

  // editor.swagger: a deep copy of the edited document.
  PyValue Swagger();

  std::vector<PyValue::Key> Paths() const;
  bool HasPath(const std::string& path, const PyValue& method) const;
  Status HasIntegration(const std::string& path, const PyValue& method, bool* has) const;
  Status AddPath(const PyValue::Key& path, const PyValue& method);
  Status AddLambdaIntegration(const PyValue::Key& path, const PyValue& method, const PyValue& uri,
                              const PyValue& method_auth, const PyValue& api_auth,
                              const PyValue* condition, const std::string& partition, bool stream);
  // add_cors; `allowed_methods` none -> derived from the path item. Errors are
  // InvalidTemplateException messages (not fatal).
  Status AddCors(const std::string& path, const PyValue& allowed_origins,
                 const PyValue& allowed_headers, PyValue allowed_methods, const PyValue& max_age,
                 bool allow_credentials);
  void AddBinaryMediaTypes(const PyValue& types);
  Status AddDisableExecuteApiEndpoint(const PyValue& value);
  Status AddTimeout(const std::string& path, const PyValue& method, const PyValue& timeout);
  Status AddRequestParameters(const std::string& path, const PyValue& method,
                              const std::vector<PyValue>& parameters);
  Status AddRequestModel(const std::string& path, const PyValue& method,
                         const PyValue& request_model);
  Status AddRequestValidator(const std::string& path, const PyValue& method, bool body,
                             bool parameters);
  void MakePathConditional(const std::string& path, const PyValue& condition);
  Status AddModels(const PyValue& models);

  // Method definitions at path+method (through Fn::If), optionally only those with an
  // integration.
  Status MethodDefinitions(const std::string& path, const PyValue& method, bool with_integration,
                           std::vector<PyValue*>* out);
  // (normalized method name, definition) for every method of the path with an integration.
  Status AllMethods(const std::string& path, std::vector<std::pair<std::string, PyValue*>>* out);

  PyValue& doc() { return doc_; }
  PyValue* paths() { return doc_.GetMut("paths"); }
  PyValue security_definitions;  // the editor's own reference, written back by Swagger()
  PyValue gateway_responses;
  PyValue resource_policy;
  PyValue definitions;

 private:
  PyValue doc_;
};

// get_conditional_contents: the branches of an Fn::If (without AWS::NoValue), else the item.
Status ConditionalContents(PyValue* item, std::vector<PyValue*>* out);

// make_conditional(condition, data): {"Fn::If": [condition, data, {"Ref": "AWS::NoValue"}]}.
PyValue MakeConditional(const PyValue& condition, PyValue data);
PyValue PyRef(const std::string& name);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_SWAGGER_EDITOR_H_
