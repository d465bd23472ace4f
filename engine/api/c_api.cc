// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The C API (cfnx/c_api.h) over cfnx::Compiler: options parsed from JSON, results rendered as
// JSON, every C++ exception caught at the boundary and returned as {"error": ...}.

#include "cfnx/c_api.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "cfnx/compiler.h"
#include "cfnx/output.h"

struct cfnx_compiler {
  cfnx::Compiler compiler;
  explicit cfnx_compiler(cfnx::CompileOptions options) : compiler(std::move(options)) {}
};

namespace {

using Json = nlohmann::ordered_json;

char* Copy(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out != nullptr)
    std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

// Serialized with invalid UTF-8 replaced: a result is always a valid JSON document.
char* Dump(const Json& j) {
  return Copy(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

char* ErrorResult(const std::string& message) {
  return Dump(Json{{"error", message}, {"exit_code", 1}});
}

// Reads a string member, or leaves `out` as it is; false (with `error`) when it is not a string.
bool ReadString(const Json& options, const char* key, std::string* out, std::string* error) {
  auto it = options.find(key);
  if (it == options.end())
    return true;
  if (!it->is_string()) {
    *error = std::string("option \"") + key + "\" must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool ParseOptions(const char* text, cfnx::CompileOptions* options, std::string* error) {
  if (text == nullptr || *text == '\0')
    return true;
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    *error = "options must be a JSON object";
    return false;
  }
  static const char* const kKnown[] = {"region",     "partition", "account_id",   "stack_name",
                                       "parameters", "s3_root",   "include_roots"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : kKnown)
      known = known || it.key() == k;
    if (!known) {
      *error = "unknown option \"" + it.key() + "\"";
      return false;
    }
  }
  if (!ReadString(j, "region", &options->region, error) ||
      !ReadString(j, "partition", &options->partition, error) ||
      !ReadString(j, "account_id", &options->account_id, error) ||
      !ReadString(j, "stack_name", &options->stack_name, error) ||
      !ReadString(j, "s3_root", &options->s3_root, error))
    return false;
  if (auto it = j.find("parameters"); it != j.end()) {
    if (!it->is_object()) {
      *error = "option \"parameters\" must be an object of strings";
      return false;
    }
    for (auto p = it->begin(); p != it->end(); ++p) {
      if (!p->is_string()) {
        *error = "parameter \"" + p.key() + "\" must be a string";
        return false;
      }
      options->parameters[p.key()] = p->get<std::string>();
    }
  }
  if (auto it = j.find("include_roots"); it != j.end()) {
    if (!it->is_array()) {
      *error = "option \"include_roots\" must be an array of strings";
      return false;
    }
    for (const Json& root : *it) {
      if (!root.is_string()) {
        *error = "option \"include_roots\" must be an array of strings";
        return false;
      }
      options->include_roots.push_back(root.get<std::string>());
    }
  }
  return true;
}

Json Diagnostics(const cfnx::Compiler& compiler, const cfnx::CompileResult& result) {
  std::string text = cfnx::RenderDiagnostics(result.diagnostics, compiler.sources(),
                                             cfnx::DiagnosticFormat::kJson);
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? Json::array() : j;
}

Json Result(const cfnx::Compiler& compiler, const cfnx::CompileResult& result) {
  return Json{{"exit_code", result.exit_code()}, {"diagnostics", Diagnostics(compiler, result)}};
}

enum class Operation { kValidate, kTransform, kRender };

char* Run(cfnx_compiler* handle, const char* name, const char* text, Operation operation) {
  if (handle == nullptr || name == nullptr || text == nullptr)
    return ErrorResult("compiler, name and text must not be NULL");
  try {
    cfnx::Compiler& compiler = handle->compiler;
    cfnx::FileId file = compiler.AddSource(name, text);
    if (operation == Operation::kValidate)
      return Dump(Result(compiler, compiler.Validate(file)));
    cfnx::Compiler::TransformOutput out = operation == Operation::kTransform
                                              ? compiler.TransformTemplate(file)
                                              : compiler.Render(file);
    Json j = Result(compiler, out.result);
    Json processed = Json::parse(out.json, nullptr, /*allow_exceptions=*/false);
    j["template"] = out.json.empty() || processed.is_discarded() ? Json(nullptr) : processed;
    return Dump(j);
  } catch (const std::exception& e) {
    return ErrorResult(std::string("internal error: ") + e.what());
  } catch (...) {
    return ErrorResult("internal error");
  }
}

}  // namespace

extern "C" {

const char* cfnx_version(void) {
  return "0.1.0";
}

cfnx_compiler* cfnx_compiler_new(const char* options_json, char** error) {
  try {
    cfnx::CompileOptions options;
    std::string message;
    if (!ParseOptions(options_json, &options, &message)) {
      if (error != nullptr)
        *error = Copy(message);
      return nullptr;
    }
    return new cfnx_compiler(std::move(options));
  } catch (const std::exception& e) {
    if (error != nullptr)
      *error = Copy(std::string("internal error: ") + e.what());
    return nullptr;
  }
}

void cfnx_compiler_free(cfnx_compiler* compiler) {
  delete compiler;
}

char* cfnx_validate(cfnx_compiler* compiler, const char* name, const char* text) {
  return Run(compiler, name, text, Operation::kValidate);
}

char* cfnx_validate_file(cfnx_compiler* compiler, const char* path) {
  if (compiler == nullptr || path == nullptr)
    return ErrorResult("compiler and path must not be NULL");
  try {
    cfnx::ErrorOr<cfnx::FileId> file = compiler->compiler.AddFile(path);
    if (!file.ok())
      return ErrorResult(file.error().message);
    return Dump(Result(compiler->compiler, compiler->compiler.Validate(*file)));
  } catch (const std::exception& e) {
    return ErrorResult(std::string("internal error: ") + e.what());
  } catch (...) {
    return ErrorResult("internal error");
  }
}

char* cfnx_transform(cfnx_compiler* compiler, const char* name, const char* text) {
  return Run(compiler, name, text, Operation::kTransform);
}

char* cfnx_render(cfnx_compiler* compiler, const char* name, const char* text) {
  return Run(compiler, name, text, Operation::kRender);
}

void cfnx_string_free(char* s) {
  std::free(s);
}

}  // extern "C"
