// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/ssm.h"

#include <nlohmann/json.hpp>

namespace cfnx {

ErrorOr<std::map<std::string, std::string>> GetSsmParameters(
    AwsClient& client, const std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  constexpr size_t kPerCall = 10;  // GetParameters' limit
  for (size_t start = 0; start < names.size(); start += kPerCall) {
    nlohmann::json body{{"Names", nlohmann::json::array()}, {"WithDecryption", false}};
    for (size_t i = start; i < names.size() && i < start + kPerCall; ++i)
      body["Names"].push_back(names[i]);
    HttpRequest request{"POST",
                        "/",
                        {{"Content-Type", "application/x-amz-json-1.1"},
                         {"X-Amz-Target", "AmazonSSM.GetParameters"}},
                        body.dump()};
    ErrorOr<AwsClient::RestResponse> r = client.Rest("ssm", "SSM GetParameters", request);
    if (!r.ok())
      return r.error();
    nlohmann::json answer = nlohmann::json::parse(r->http.body, nullptr, false);
    if (r->http.status < 200 || r->http.status >= 300) {
      std::string code = answer.is_object() ? answer.value("__type", std::string()) : "";
      code = code.substr(code.rfind('#') == std::string::npos ? 0 : code.rfind('#') + 1);
      std::string message;
      if (answer.is_object())
        message = answer.value("message", answer.value("Message", std::string()));
      return Error{"SSM GetParameters: " + (code.empty() ? "error" : code) +
                   (message.empty() ? "" : ": " + message) + " (HTTP " +
                   std::to_string(r->http.status) + ")"};
    }
    if (!answer.is_object() || !answer.contains("Parameters") || !answer["Parameters"].is_array())
      return Error{"SSM GetParameters: the answer is not the JSON SSM sends"};
    for (const nlohmann::json& p : answer["Parameters"]) {
      if (p.is_object() && p.contains("Name") && p["Name"].is_string() && p.contains("Value") &&
          p["Value"].is_string())
        out[p["Name"].get<std::string>()] = p["Value"].get<std::string>();
    }
  }
  return out;
}

}  // namespace cfnx
