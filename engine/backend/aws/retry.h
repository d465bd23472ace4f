// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS SDKs' "standard" retry mode (botocore/retries/standard.py): which failures are
// retried (throttling error codes, the transient codes, HTTP 500/502/503/504, requests that got
// no response), how long to wait (truncated binary exponential backoff with full jitter:
// rand(0,1) * min(2^(attempt-1), 20) seconds), how many attempts (3, or AWS_MAX_ATTEMPTS), and
// the retry quota that stops retry storms (500 tokens; a retry costs 5, one after a timeout 10;
// a success gives back what its retries took, or 1).

#ifndef CFNX_ENGINE_BACKEND_AWS_RETRY_H_
#define CFNX_ENGINE_BACKEND_AWS_RETRY_H_

#include <string_view>

#include "cfnx/error_or.h"
#include "engine/backend/aws/config_file.h"

namespace cfnx {

// What one attempt ended with, as the retry policy classifies it.
struct AttemptOutcome {
  int http_status = 0;          // 0 = no response
  std::string_view error_code;  // the service's error code ("" when none or no response)
  bool timeout = false;         // no response because of a timeout
};

bool IsThrottlingErrorCode(std::string_view code);

class RetryPolicy {
 public:
  static constexpr int kDefaultMaxAttempts = 3;
  static constexpr double kMaxBackoffSeconds = 20;

  explicit RetryPolicy(int max_attempts = kDefaultMaxAttempts) : max_attempts_(max_attempts) {}

  int max_attempts() const { return max_attempts_; }

  // Whether the outcome is a failure worth retrying (ignores attempts and quota).
  static bool IsRetryable(const AttemptOutcome& outcome);
  // Seconds to wait before the next attempt after `attempts` attempts (1-based), given a
  // uniform `random` in [0, 1).
  static double Backoff(int attempts, double random);

  // Takes quota for one retry of `outcome`; false when the quota is exhausted (do not retry).
  bool AcquireRetry(const AttemptOutcome& outcome);
  // A request succeeded; `retried` says whether it needed retries.
  void OnSuccess(bool retried);
  int available_quota() const { return quota_; }

 private:
  int max_attempts_;
  int quota_ = 500;
  int last_cost_ = 0;
};

// AWS_MAX_ATTEMPTS, else the profile's max_attempts, else 3; Error when not a positive integer.
ErrorOr<int> MaxAttempts(const EnvLookup& env, const AwsConfigFiles& files,
                         const std::string& profile);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_RETRY_H_
