// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A moto server (python3 -m moto.server) on 127.0.0.1 and a free port, started and stopped by
// the tests that use it, other loopback servers the tests run (tests/aws/fault_proxy.py in
// front of moto, tests/aws/stub_cloudformation.py), and a runner for the `cfnx` executable
// pointed at them. No test touches the internet: every endpoint is a loopback server, and HOME
// is a fresh directory so no real ~/.aws profile is read.

#ifndef CFNX_TESTS_AWS_MOTO_SERVER_H_
#define CFNX_TESTS_AWS_MOTO_SERVER_H_

#include <map>
#include <string>
#include <vector>

#include <sys/types.h>

namespace cfnx {

// Whether python3 can import moto's server.
bool MotoAvailable();

// A server process on 127.0.0.1 and a free port: `argv` with every "{PORT}" replaced by the
// port, `env` added to its environment, output in log_path(). The constructor waits until
// GET `probe` answers; the destructor stops the process.
class LoopbackServer {
 public:
  LoopbackServer(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env, const std::string& probe);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

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

class MotoServer : public LoopbackServer {
 public:
  // Starts moto with `env` added to its environment (INITIAL_NO_AUTH_ACTION_COUNT, ...).
  explicit MotoServer(const std::map<std::string, std::string>& env = {});
};

// The directory of tests/aws/ in the source tree (its python tools).
std::string AwsTestToolsDir();

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `sh -c command` with `env` set (and proxies unset), in `dir`.
CommandResult RunShell(const std::string& command, const std::map<std::string, std::string>& env,
                       const std::string& dir);

// A fresh directory under the system temp dir.
std::string MakeTempDir(const std::string& prefix);

// A fresh working directory and environment for running the `cfnx` executable against an
// endpoint on loopback: test credentials, us-east-1, HOME and the local state inside the
// directory.
class CfnxSandbox {
 public:
  CfnxSandbox(const std::string& executable, const std::string& endpoint_url);

  const std::string& dir() const { return dir_; }
  std::map<std::string, std::string>& env() { return env_; }
  // Writes `text` to `name` (relative to dir(); parent directories are created).
  void Write(const std::string& name, const std::string& text) const;
  // Runs `cfnx ARGS` in dir().
  CommandResult Cfnx(const std::string& args) const;

 private:
  std::string executable_;
  std::string dir_;
  std::map<std::string, std::string> env_;
};

}  // namespace cfnx

#endif  // CFNX_TESTS_AWS_MOTO_SERVER_H_
