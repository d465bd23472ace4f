// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Resource signals on the local backend, as CloudFormation has them:
//
//   * a resource with `CreationPolicy: {ResourceSignal: {Count, Timeout}}` (and, on an Auto
//     Scaling group, `AutoScalingCreationPolicy: {MinSuccessfulInstancesPercent}`) stays
//     CREATE_IN_PROGRESS after the provider made it, until Count SUCCESS signals arrive; a
//     FAILURE signal (beyond what MinSuccessfulInstancesPercent tolerates) or the timeout fails it;
//   * an `AWS::CloudFormation::WaitCondition` waits for `Count` signals sent to its `Handle`
//     (an `AWS::CloudFormation::WaitConditionHandle`) within `Timeout` seconds, or, with a
//     CreationPolicy, for signals sent to itself; its `Data` attribute is then the JSON object
//     of each signal's UniqueId -> Data.
//
// Signals come from another process (`cfnx signal`, engine/cli/signal_command.cc, as cfn-signal
// or SignalResource would send them) through the state database's `signals` table, which the
// waiting executor polls. A later signal with the same UniqueId replaces the earlier one.

#ifndef CFNX_ENGINE_EXEC_SIGNALS_H_
#define CFNX_ENGINE_EXEC_SIGNALS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cfnx/error_or.h"
#include "engine/backend/local/state_store.h"

namespace cfnx {

// What a resource waits for once it is created (carried in its journal step).
struct SignalWait {
  bool wait_condition = false;  // an AWS::CloudFormation::WaitCondition (its messages, Data)
  std::string handle;           // the handle's physical id whose signals count ("" = none)
  int64_t count = 1;            // signals expected
  int64_t min_successes = 1;    // SUCCESS signals needed (MinSuccessfulInstancesPercent)
  int64_t timeout_seconds = 300;
  std::string timeout_text;  // as the template wrote it: "PT15M", "600"
  // Not kept in the journal: signals with an id up to `after_id` were counted already (an
  // earlier batch of a rolling update), and `batch` names --auto-signal's unique ids.
  int64_t after_id = 0;
  int64_t batch = 0;

  StoreJson ToJson() const;
  static SignalWait FromJson(const StoreJson& json);
};

// What resource `type` waits for, from its resolved `creation_policy` (null when none) and
// resolved `properties`; nullopt when it waits for nothing, an Error for a value CloudFormation
// rejects (a Timeout that is not a duration, a negative Count, a WaitCondition without Handle).
ErrorOr<std::optional<SignalWait>> SignalWaitFor(std::string_view type,
                                                 const StoreJson& creation_policy,
                                                 const StoreJson& properties);

// Seconds of an ISO 8601 duration as CreationPolicy's Timeout writes it ("PT1H30M", "PT45S",
// "P1DT2H"); nullopt when `text` is not one.
std::optional<int64_t> ParseIsoDuration(std::string_view text);

struct SignalOutcome {
  bool ok = false;
  std::string reason;        // why it failed
  StoreJson data = nullptr;  // a WaitCondition's Data attribute (a JSON string)
  int64_t last_id = 0;       // the last signal read
};

// Waits for the signals `wait` expects, sent to `self` (the resource's physical id) or to the
// wait's handle in `stack`, polling `store`; `on_signal` sees each signal as it arrives. With
// `auto_signal` (deploy --auto-signal) the expected SUCCESS signals are sent at once.
SignalOutcome AwaitSignals(StateStore& store, const std::string& stack, const std::string& self,
                           const std::string& logical_id, const SignalWait& wait, bool auto_signal,
                           const std::function<void(const StoredSignal&)>& on_signal);

// The event reason while a resource waits, naming the command that sends its signals.
std::string WaitingReason(const std::string& stack, const std::string& logical_id,
                          const SignalWait& wait);

// `cfnx signal`: records a signal for resource `logical_id` of `stack`. A wait condition handle
// takes signals whenever it exists; any other resource only while it waits for them (its status
// is *_IN_PROGRESS), as SignalResource refuses a resource that is not waiting. Returns the
// signal as stored.
ErrorOr<StoredSignal> SendSignal(StateStore& store, const std::string& stack,
                                 const std::string& logical_id, const std::string& status,
                                 const std::string& unique_id, const std::string& data,
                                 const std::string& reason);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EXEC_SIGNALS_H_
