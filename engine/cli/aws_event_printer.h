// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What `cfnx deploy|destroy|rollback --backend aws` shows while CloudFormation works. Every
// stack event is one line, as the local backend's EventPrinter prints them (text from the
// service goes through TerminalSafe). On a terminal a progress line follows them, rewritten in
// place: the stack's status, how many of the resources touched are done, the time elapsed;
// when stdout is not a terminal (a pipe, a CI log) or TERM is dumb there are only the plain
// lines, which a log keeps as is.
//
// While it exists, the first Ctrl-C does not kill cfnx: it asks the runner to stop
// (AwsObserver::StopRequested), so before the change set is executed nothing happens, and
// while following, cfnx stops watching and says how to cancel the operation that goes on in
// CloudFormation (PrintStoppedWatching). A second Ctrl-C kills cfnx as usual.

#ifndef CFNX_ENGINE_CLI_AWS_EVENT_PRINTER_H_
#define CFNX_ENGINE_CLI_AWS_EVENT_PRINTER_H_

#include <chrono>
#include <csignal>
#include <map>
#include <string>
#include <vector>

#include "engine/backend/aws/aws_backend.h"

namespace cfnx {

class AwsEventPrinter : public AwsObserver {
 public:
  // `progress`: draw the progress line (default: stdout is a terminal and TERM is not dumb).
  AwsEventPrinter();
  explicit AwsEventPrinter(bool progress);
  ~AwsEventPrinter() override;
  AwsEventPrinter(const AwsEventPrinter&) = delete;
  AwsEventPrinter& operator=(const AwsEventPrinter&) = delete;

  void OnEvent(const StackEvent& event) override;
  void OnMessage(const std::string& line) override;
  void OnStatus(const std::string& status) override;
  bool StopRequested() override;

  // Whether the progress line is drawn.
  bool progress() const { return progress_; }

 private:
  void ClearProgress();
  void DrawProgress();

  bool progress_;
  bool drawn_ = false;
  std::string status_;
  std::vector<std::string> order_;               // resources in the order first seen
  std::map<std::string, std::string> resource_;  // logical id -> last status
  std::chrono::steady_clock::time_point start_;
  struct sigaction previous_ {};
};

// "Stopped watching ..." and how to cancel the operation CloudFormation goes on with.
void PrintStoppedWatching(const std::string& stack, const std::string& status);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_AWS_EVENT_PRINTER_H_
