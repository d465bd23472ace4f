// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/aws_event_printer.h"

#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <unistd.h>

#include "engine/diag/render.h"

namespace cfnx {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void OnInterrupt(int /*signal*/) {
  g_interrupted = 1;  // SA_RESETHAND: the next Ctrl-C kills as usual
}

bool StdoutIsTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && (term == nullptr || std::string_view(term) != "dumb");
}

bool Done(const std::string& status) {
  return status.find("_COMPLETE") != std::string::npos ||
         status.find("_FAILED") != std::string::npos ||
         status.find("_SKIPPED") != std::string::npos;
}

}  // namespace

AwsEventPrinter::AwsEventPrinter() : AwsEventPrinter(StdoutIsTerminal()) {}

AwsEventPrinter::AwsEventPrinter(bool progress)
    : progress_(progress), start_(std::chrono::steady_clock::now()) {
  g_interrupted = 0;
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, &previous_);
}

AwsEventPrinter::~AwsEventPrinter() {
  ClearProgress();
  sigaction(SIGINT, &previous_, nullptr);
}

bool AwsEventPrinter::StopRequested() {
  return g_interrupted != 0;
}

void AwsEventPrinter::ClearProgress() {
  if (drawn_) {
    std::cout << "\r\x1b[2K" << std::flush;
    drawn_ = false;
  }
}

void AwsEventPrinter::DrawProgress() {
  if (!progress_ || status_.empty()) {
    return;
  }
  size_t done = 0;
  for (const std::string& id : order_) {
    done += Done(resource_[id]) ? 1 : 0;
  }
  long seconds = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(  // NOLINT
                                       std::chrono::steady_clock::now() - start_)
                                       .count());
  std::cout << "\r\x1b[2K\x1b[1m" << status_ << "\x1b[0m  " << done << "/" << order_.size()
            << " resources done  " << seconds << " s  (Ctrl-C stops watching)" << std::flush;
  drawn_ = true;
}

void AwsEventPrinter::OnEvent(const StackEvent& e) {
  ClearProgress();
  std::cout << TerminalSafe(e.timestamp, false) << "  " << std::left << std::setw(46)
            << TerminalSafe(e.status, false) << " " << std::setw(28)
            << TerminalSafe(e.resource_type, false) << " " << TerminalSafe(e.logical_id, false);
  if (!e.status_reason.empty()) {
    std::cout << "  " << TerminalSafe(e.status_reason, false);
  }
  std::cout << std::endl;
  bool stack = e.resource_type == "AWS::CloudFormation::Stack" && e.logical_id == e.stack_name;
  if (!stack) {
    if (resource_.count(e.logical_id) == 0) {
      order_.push_back(e.logical_id);
    }
    resource_[e.logical_id] = e.status;
  }
  DrawProgress();
}

void AwsEventPrinter::OnMessage(const std::string& line) {
  ClearProgress();
  std::cout << TerminalSafe(line, true) << std::endl;
  DrawProgress();
}

void AwsEventPrinter::OnStatus(const std::string& status) {
  status_ = status;
  DrawProgress();
}

void PrintStoppedWatching(const std::string& stack, const std::string& status) {
  std::cout << "\nStopped watching stack '" << stack << "' (" << status
            << "): CloudFormation goes on with the operation.\n"
            << "  to follow it again:  cfnx describe --stack " << stack << " --backend aws\n";
  if (status.rfind("UPDATE_IN_PROGRESS", 0) == 0) {
    std::cout << "  to cancel the update: aws cloudformation cancel-update-stack --stack-name "
              << stack << "\n";
  } else {
    std::cout << "  an operation in " << status
              << " cannot be cancelled; wait for it to end (a create that ends failed can be "
                 "deleted with cfnx destroy --backend aws)\n";
  }
}

}  // namespace cfnx
