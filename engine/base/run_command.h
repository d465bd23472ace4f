// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Runs a local command (with /bin/sh -c) that plays a piece of AWS offline: a custom resource's
// provider (`--handler`), a template macro's Lambda function (`--macro`). The command gets a
// request on standard input and answers on standard output; this file only moves the bytes and
// bounds the run (a time limit, at most 4 MB of output). What the answer means is the caller's.
//
//   CommandRun run = RunCommand("python3 macro.py", request_json_text, 60);
//   if (!run.ok()) report(run.Failure("the macro 'X'"));
//   else parse(run.out);
//
// Never throws; a command that cannot be started is a CommandRun whose `start_error` says why.

#ifndef CFNX_ENGINE_BASE_RUN_COMMAND_H_
#define CFNX_ENGINE_BASE_RUN_COMMAND_H_

#include <string>

namespace cfnx {

struct CommandRun {
  std::string start_error;  // non-empty when the command could not be run at all
  bool timed_out = false;   // killed (with its process group) at the time limit
  bool overflow = false;    // printed more than 4 MB on stdout or stderr: killed
  bool exited = false;      // ended with exit(); else killed by `signal`
  int exit_status = 0;
  int signal = 0;
  std::string out;  // standard output
  std::string err;  // standard error

  // Whether the command ran to the end and exited with status 0.
  bool ok() const {
    return start_error.empty() && !timed_out && !overflow && exited && exit_status == 0;
  }
  // Why it did not, as "<what> exited with status 3: <last line of stderr>"; `what` names the
  // command for the user ("the handler 'x.sh'"). Empty when ok().
  std::string Failure(const std::string& what, int timeout_seconds) const;
};

// Runs `command` with /bin/sh -c in its own process group, writes `input` to its standard input
// and collects its standard output and error, for at most `timeout_seconds`. The child gets this
// process's environment; a command that does not read its input is fine.
CommandRun RunCommand(const std::string& command, const std::string& input, int timeout_seconds);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BASE_RUN_COMMAND_H_
