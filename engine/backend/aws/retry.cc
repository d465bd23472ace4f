// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/retry.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cfnx {
namespace {

constexpr std::string_view kThrottlingCodes[] = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
};

constexpr std::string_view kTransientCodes[] = {"RequestTimeout", "RequestTimeoutException",
                                                "PriorRequestNotComplete"};

constexpr int kRetryCost = 5;
constexpr int kTimeoutRetryCost = 10;
constexpr int kNoRetryIncrement = 1;
constexpr int kMaxQuota = 500;

template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view code) {
  return std::find(std::begin(list), std::end(list), code) != std::end(list);
}

}  // namespace

bool IsThrottlingErrorCode(std::string_view code) {
  return Contains(kThrottlingCodes, code);
}

bool RetryPolicy::IsRetryable(const AttemptOutcome& o) {
  if (o.http_status == 0) {
    return true;  // no response: connection refused or dropped, timeout
  }
  if (IsThrottlingErrorCode(o.error_code) || Contains(kTransientCodes, o.error_code)) {
    return true;
  }
  return o.http_status == 500 || o.http_status == 502 || o.http_status == 503 ||
         o.http_status == 504;
}

double RetryPolicy::Backoff(int attempts, double random) {
  double cap = std::min(std::pow(2.0, std::max(attempts - 1, 0)), kMaxBackoffSeconds);
  return random * cap;
}

bool RetryPolicy::AcquireRetry(const AttemptOutcome& outcome) {
  int cost = outcome.timeout ? kTimeoutRetryCost : kRetryCost;
  if (cost > quota_) {
    return false;
  }
  quota_ -= cost;
  last_cost_ = cost;
  return true;
}

void RetryPolicy::OnSuccess(bool retried) {
  quota_ = std::min(kMaxQuota, quota_ + (retried ? last_cost_ : kNoRetryIncrement));
}

ErrorOr<int> MaxAttempts(const EnvLookup& env, const AwsConfigFiles& files,
                         const std::string& profile) {
  std::string where = "AWS_MAX_ATTEMPTS";
  std::optional<std::string> text = NonEmptyEnv(env, "AWS_MAX_ATTEMPTS");
  if (!text) {
    text = files.Get(profile, "max_attempts");
    where = "max_attempts of profile " + profile;
  }
  if (!text) {
    return RetryPolicy::kDefaultMaxAttempts;
  }
  char* end = nullptr;
  long value = std::strtol(text->c_str(), &end, 10);  // NOLINT(google-runtime-int)
  if (end == text->c_str() || *end != '\0' || value < 1 || value > 100) {
    return Error{where + " must be an integer from 1 to 100, not '" + *text + "'"};
  }
  return static_cast<int>(value);
}

}  // namespace cfnx
