// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS Lambda runtime lifecycle: when each runtime was deprecated and when creating and then
// updating functions with it was blocked (https://docs.aws.amazon.com/lambda/latest/dg/
// lambda-runtimes.html#runtimes-deprecated). The provider schema cannot say this: `Runtime` is
// a free string there. Used to report functions that can no longer be updated (E2533).

#ifndef CFNX_RESOURCES_LAMBDA_RUNTIMES_H_
#define CFNX_RESOURCES_LAMBDA_RUNTIMES_H_

#include <string_view>

namespace cfnx {

struct LambdaRuntimeLifecycle {
  std::string_view runtime;     // "python3.8"
  std::string_view deprecated;  // dates as YYYY-MM-DD
  std::string_view create_block;
  std::string_view update_block;
  std::string_view successor;  // the runtime to move to
};

// The lifecycle of `runtime`, or nullptr for runtimes with no announced end of support.
const LambdaRuntimeLifecycle* FindLambdaRuntime(std::string_view runtime);

// Today's date in UTC as YYYY-MM-DD.
std::string_view TodayUtc();

}  // namespace cfnx

#endif  // CFNX_RESOURCES_LAMBDA_RUNTIMES_H_
