// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/resources_to_import.h"

#include "cfnx/stack_state.h"
#include "engine/api/pipeline.h"

namespace cfnx {

ErrorOr<std::map<std::string, std::map<std::string, std::string>>> ReadResourcesToImport(
    const std::string& path) {
  ErrorOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) {
    return Error{"cannot read --resources-to-import file: " + text.error().message};
  }
  OrderedJson json = OrderedJson::parse(*text, nullptr, /*allow_exceptions=*/false);
  std::string where = "--resources-to-import " + path + ": ";
  if (json.is_discarded() || !json.is_array()) {
    return Error{where +
                 "expected a JSON list of {\"ResourceType\", \"LogicalResourceId\", "
                 "\"ResourceIdentifier\"}"};
  }
  std::map<std::string, std::map<std::string, std::string>> out;
  for (size_t i = 0; i < json.size(); ++i) {
    const OrderedJson& item = json[i];
    std::string at = where + "item " + std::to_string(i) + ": ";
    if (!item.is_object() || !item.contains("LogicalResourceId") ||
        !item["LogicalResourceId"].is_string() || !item.contains("ResourceIdentifier") ||
        !item["ResourceIdentifier"].is_object() || item["ResourceIdentifier"].empty()) {
      return Error{at +
                   "needs LogicalResourceId (a string) and ResourceIdentifier (an object "
                   "of the type's primary identifier properties)"};
    }
    std::string id = item["LogicalResourceId"].get<std::string>();
    if (out.count(id) != 0) {
      return Error{at + "'" + id + "' is listed twice"};
    }
    std::map<std::string, std::string>& identifier = out[id];
    const OrderedJson& ident = item["ResourceIdentifier"];
    for (auto it = ident.begin(); it != ident.end(); ++it) {
      if (!it.value().is_string()) {
        return Error{at + "ResourceIdentifier." + it.key() + " must be a string"};
      }
      identifier[it.key()] = it.value().get<std::string>();
    }
  }
  return out;
}

}  // namespace cfnx
