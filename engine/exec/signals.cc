// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/exec/signals.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

namespace cfnx {
namespace {

constexpr int64_t kMaxWaitSeconds = 43200;  // 12 hours: CloudFormation's limit for both forms

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// An integer written as a JSON number or a string of digits (a Ref to a parameter resolves to
// a string).
std::optional<int64_t> IntegerOf(const StoreJson& value) {
  if (value.is_number_integer())
    return value.get<int64_t>();
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (d == static_cast<double>(static_cast<int64_t>(d)))
      return static_cast<int64_t>(d);
    return std::nullopt;
  }
  if (!value.is_string())
    return std::nullopt;
  const std::string& s = value.get_ref<const std::string&>();
  if (s.empty() || s.size() > 12 || !std::all_of(s.begin(), s.end(), ::isdigit))
    return std::nullopt;
  return std::atoll(s.c_str());
}

const StoreJson& Member(const StoreJson& object, const char* key) {
  static const StoreJson kNull;
  if (!object.is_object())
    return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string Text(const StoreJson& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// The key a signal counts under: its UniqueId, or one of its own when the sender gave none.
std::string KeyOf(const StoredSignal& s) {
  return s.unique_id.empty() ? "signal-" + std::to_string(s.id) : s.unique_id;
}

}  // namespace

StoreJson SignalWait::ToJson() const {
  return StoreJson{{"wait_condition", wait_condition},
                   {"handle", handle},
                   {"count", count},
                   {"min_successes", min_successes},
                   {"timeout_seconds", timeout_seconds},
                   {"timeout_text", timeout_text}};
}

SignalWait SignalWait::FromJson(const StoreJson& json) {
  SignalWait w;
  if (!json.is_object())
    return w;
  w.wait_condition = json.value("wait_condition", false);
  w.handle = json.value("handle", std::string());
  w.count = json.value("count", int64_t{1});
  w.min_successes = json.value("min_successes", w.count);
  w.timeout_seconds = json.value("timeout_seconds", int64_t{300});
  w.timeout_text = json.value("timeout_text", std::string());
  return w;
}

std::optional<int64_t> ParseIsoDuration(std::string_view text) {
  if (text.size() < 3 || text[0] != 'P')
    return std::nullopt;
  int64_t total = 0;
  bool in_time = false;
  bool any = false;
  size_t i = 1;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time)
        return std::nullopt;
      in_time = true;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      ++i;
    if (i == start || i == text.size() || i - start > 9)
      return std::nullopt;
    int64_t n = std::atoll(std::string(text.substr(start, i - start)).c_str());
    char unit = text[i++];
    if (!in_time && unit == 'D') {
      total += n * 86400;
    } else if (in_time && unit == 'H') {
      total += n * 3600;
    } else if (in_time && unit == 'M') {
      total += n * 60;
    } else if (in_time && unit == 'S') {
      total += n;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any)
    return std::nullopt;
  return total;
}

ErrorOr<std::optional<SignalWait>> SignalWaitFor(std::string_view type,
                                                 const StoreJson& creation_policy,
                                                 const StoreJson& properties) {
  const bool wait_condition = type == "AWS::CloudFormation::WaitCondition";
  const StoreJson& resource_signal = Member(creation_policy, "ResourceSignal");
  SignalWait wait;
  wait.wait_condition = wait_condition;
  if (resource_signal.is_object()) {
    // CloudFormation honours a creation policy on the types that support one.
    if (!wait_condition && type != "AWS::AutoScaling::AutoScalingGroup" &&
        type != "AWS::EC2::Instance")
      return std::optional<SignalWait>();
    const StoreJson& count = Member(resource_signal, "Count");
    if (!count.is_null()) {
      std::optional<int64_t> n = IntegerOf(count);
      if (!n)
        return Error{"CreationPolicy.ResourceSignal.Count must be a non-negative integer, not " +
                     Text(count)};
      wait.count = *n;
    }
    const StoreJson& timeout = Member(resource_signal, "Timeout");
    wait.timeout_text = timeout.is_null() ? "PT5M" : Text(timeout);
    std::optional<int64_t> seconds = ParseIsoDuration(wait.timeout_text);
    if (!seconds || *seconds > kMaxWaitSeconds)
      return Error{
          "CreationPolicy.ResourceSignal.Timeout must be an ISO 8601 duration of at most "
          "12 hours (PT12H), not " +
          wait.timeout_text};
    wait.timeout_seconds = *seconds;
    wait.min_successes = wait.count;
    const StoreJson& percent = Member(Member(creation_policy, "AutoScalingCreationPolicy"),
                                      "MinSuccessfulInstancesPercent");
    if (!percent.is_null() && type == "AWS::AutoScaling::AutoScalingGroup") {
      std::optional<int64_t> p = IntegerOf(percent);
      if (!p || *p > 100)
        return Error{
            "CreationPolicy.AutoScalingCreationPolicy.MinSuccessfulInstancesPercent must be an "
            "integer from 0 to 100, not " +
            Text(percent)};
      wait.min_successes = (wait.count * *p + 99) / 100;
    }
    if (wait.count == 0)
      return std::optional<SignalWait>();
    return std::optional<SignalWait>(wait);
  }
  if (!wait_condition)
    return std::optional<SignalWait>();
  const StoreJson& handle = Member(properties, "Handle");
  if (!handle.is_string() || handle.get<std::string>().empty())
    return Error{
        "a WaitCondition without a CreationPolicy needs its Handle property (a Ref to an "
        "AWS::CloudFormation::WaitConditionHandle)"};
  wait.handle = handle.get<std::string>();
  const StoreJson& count = Member(properties, "Count");
  if (!count.is_null()) {
    std::optional<int64_t> n = IntegerOf(count);
    if (!n || *n < 1)
      return Error{"WaitCondition Count must be a positive integer, not " + Text(count)};
    wait.count = *n;
  }
  wait.min_successes = wait.count;
  const StoreJson& timeout = Member(properties, "Timeout");
  if (timeout.is_null())
    return Error{
        "a WaitCondition with a Handle needs its Timeout property (seconds, at most 43200)"};
  std::optional<int64_t> seconds = IntegerOf(timeout);
  if (!seconds || *seconds > kMaxWaitSeconds)
    return Error{"WaitCondition Timeout must be a number of seconds up to 43200, not " +
                 Text(timeout)};
  wait.timeout_seconds = *seconds;
  wait.timeout_text = std::to_string(*seconds) + (*seconds == 1 ? " second" : " seconds");
  return std::optional<SignalWait>(wait);
}

std::string WaitingReason(const std::string& stack, const std::string& logical_id,
                          const SignalWait& wait) {
  std::string target = logical_id;
  std::string what = std::to_string(wait.count) + " resource signal(s)";
  if (!wait.handle.empty())
    what = std::to_string(wait.count) + " signal(s) on its wait condition handle";
  return "Waiting for " + what + " within " + wait.timeout_text + ": send them with `cfnx signal " +
         "--stack " + stack + " --resource " + target + "`";
}

SignalOutcome AwaitSignals(StateStore& store, const std::string& stack, const std::string& self,
                           const std::string& logical_id, const SignalWait& wait, bool auto_signal,
                           const std::function<void(const StoredSignal&)>& on_signal) {
  SignalOutcome out;
  if (auto_signal) {
    Status sent = store.Write([&](StateStore::Tx& tx) {
      for (int64_t i = 1; i <= wait.count; ++i) {
        std::string batch = wait.batch > 0 ? "b" + std::to_string(wait.batch) + "-" : "";
        tx.AddSignal(StoredSignal{0, stack, wait.handle.empty() ? self : wait.handle, logical_id,
                                  "cfnx-auto-signal-" + batch + std::to_string(i), "SUCCESS", "",
                                  "deploy --auto-signal", ""});
      }
    });
    if (!sent.ok()) {
      out.reason = sent.error().message;
      return out;
    }
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait.timeout_seconds);
  std::vector<std::string> targets = {self};
  if (!wait.handle.empty() && wait.handle != self)
    targets.push_back(wait.handle);
  std::map<std::string, int64_t> seen;  // target -> last signal id read
  for (const std::string& target : targets)
    seen[target] = wait.after_id;
  out.last_id = wait.after_id;
  std::map<std::string, StoredSignal> latest;  // key -> its latest signal
  std::vector<std::string> arrival;            // keys in order of first arrival
  for (;;) {
    std::vector<StoredSignal> fresh;
    for (const std::string& target : targets) {
      for (StoredSignal& s : store.GetSignals(stack, target, seen[target])) {
        seen[target] = std::max(seen[target], s.id);
        out.last_id = std::max(out.last_id, s.id);
        fresh.push_back(std::move(s));
      }
    }
    std::sort(fresh.begin(), fresh.end(),
              [](const StoredSignal& a, const StoredSignal& b) { return a.id < b.id; });
    for (const StoredSignal& s : fresh) {
      std::string key = KeyOf(s);
      if (!latest.count(key))
        arrival.push_back(key);
      latest[key] = s;
      on_signal(s);
    }
    int64_t successes = 0;
    const StoredSignal* failure = nullptr;
    int64_t failures = 0;
    for (const std::string& key : arrival) {
      const StoredSignal& s = latest[key];
      if (s.status == "SUCCESS") {
        ++successes;
      } else {
        ++failures;
        if (failure == nullptr)
          failure = &s;
      }
    }
    if (failure != nullptr && (wait.wait_condition || failures > wait.count - wait.min_successes)) {
      out.reason = wait.wait_condition ? "WaitCondition received failed message: '" +
                                             failure->reason + "' for uniqueId: " + KeyOf(*failure)
                                       : "Received FAILURE signal with UniqueId " + KeyOf(*failure);
      return out;
    }
    if (successes >= wait.min_successes) {
      out.ok = true;
      if (wait.wait_condition) {
        StoreJson data = StoreJson::object();
        for (const std::string& key : arrival) {
          if (latest[key].status == "SUCCESS")
            data[key] = latest[key].data;
        }
        out.data = data.dump();
      }
      return out;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      out.reason = wait.wait_condition
                       ? "WaitCondition timed out. Received " + std::to_string(successes) +
                             " conditions when expecting " + std::to_string(wait.min_successes)
                       : "Failed to receive " + std::to_string(wait.min_successes - successes) +
                             " resource signal(s) within the specified duration";
      return out;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

ErrorOr<StoredSignal> SendSignal(StateStore& store, const std::string& stack,
                                 const std::string& logical_id, const std::string& status,
                                 const std::string& unique_id, const std::string& data,
                                 const std::string& reason) {
  if (status != "SUCCESS" && status != "FAILURE")
    return Error{"a signal's status is SUCCESS or FAILURE, not '" + status + "'"};
  std::optional<StoredStack> s = store.GetStack(stack);
  if (!s || s->status == "DELETE_COMPLETE")
    return Error{"Stack with id " + stack + " does not exist"};
  std::optional<StoredResource> row;
  for (const StoredResource& r : store.GetResources(stack)) {
    if (r.role == "current" && r.logical_id == logical_id)
      row = r;
  }
  if (!row)
    return Error{"Resource " + logical_id + " does not exist in stack " + stack +
                 " (a resource takes signals once it has been created and waits for them)"};
  if (row->type != "AWS::CloudFormation::WaitConditionHandle" &&
      !EndsWith(row->status, "_IN_PROGRESS"))
    return Error{"Resource " + logical_id + " of stack " + stack + " is in " + row->status +
                 " state and is not waiting for signals"};
  StoredSignal signal{0,      stack, row->physical_id, logical_id,       unique_id,
                      status, data,  reason,           StateStore::Now()};
  Status written = store.Write([&](StateStore::Tx& tx) { tx.AddSignal(signal); });
  if (!written.ok())
    return written.error();
  std::vector<StoredSignal> stored = store.GetSignals(stack, row->physical_id);
  return stored.empty() ? signal : stored.back();
}

}  // namespace cfnx
