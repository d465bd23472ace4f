// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/model/sub_variables.h"

namespace cfnx {

std::vector<SubVariable> ParseSubVariables(std::string_view text, size_t* unterminated) {
  std::vector<SubVariable> out;
  if (unterminated != nullptr)
    *unterminated = std::string_view::npos;
  size_t i = 0;
  while ((i = text.find("${", i)) != std::string_view::npos) {
    if (i + 2 < text.size() && text[i + 2] == '!') {  // ${!Literal}
      i += 3;
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      if (unterminated != nullptr)
        *unterminated = i;
      break;
    }
    // CloudFormation ignores spaces around the name: `${ AWS::Region }`.
    std::string_view name = text.substr(i + 2, close - i - 2);
    while (!name.empty() && name.front() == ' ')
      name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ')
      name.remove_suffix(1);
    out.push_back({std::string(name), i});
    i = close + 1;
  }
  return out;
}

}  // namespace cfnx
