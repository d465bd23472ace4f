// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A moto server (python3 -m moto.server) on 127.0.0.1 and a free port, started and stopped by
// the tests that use it, and a runner for the `cfnx` executable pointed at it. No test touches
// the internet: every endpoint is the loopback server, and HOME is a fresh directory so no
// real ~/.aws profile is read.

#ifndef CFNX_TESTS_AWS_MOTO_SERVER_H_
#define CFNX_TESTS_AWS_MOTO_SERVER_H_

#include <map>
#include <string>

#include <sys/types.h>

namespace cfnx {

// Whether python3 can import moto's server.
bool MotoAvailable();

class MotoServer {
 public:
  // Starts the server with `env` added to its environment; waits until it answers.
  explicit MotoServer(const std::map<std::string, std::string>& env = {});
  ~MotoServer();
  MotoServer(const MotoServer&) = delete;
  MotoServer& operator=(const MotoServer&) = delete;

  bool ok() const { return pid_ > 0 && ready_; }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& log_path() const { return log_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool ready_ = false;
  std::string log_;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `sh -c command` with `env` set (and proxies unset), in `dir`.
CommandResult RunShell(const std::string& command, const std::map<std::string, std::string>& env,
                       const std::string& dir);

// A fresh directory under the system temp dir.
std::string MakeTempDir(const std::string& prefix);

}  // namespace cfnx

#endif  // CFNX_TESTS_AWS_MOTO_SERVER_H_
