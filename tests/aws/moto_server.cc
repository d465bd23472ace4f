// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "tests/aws/moto_server.h"
#include "tests/testing/paths.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>

namespace cfnx {
namespace {

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    return 0;
  }
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

bool Answers(int port, const std::string& probe) {
  CommandResult r = RunShell(
      "curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:" + std::to_string(port) + probe, {},
      "/");
  return r.exit_code == 0 && r.output.size() == 3 && r.output != "000";
}

}  // namespace

bool MotoAvailable() {
  return std::system("python3 -c 'import moto.server' >/dev/null 2>&1") == 0;
}

std::string MakeTempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const char* dir = mkdtemp(buffer.data());
  return dir == nullptr ? "" : std::string(dir);
}

std::string AwsTestToolsDir() {
  return cfnx::testing::SourceDir() + "/tests/aws";
}

MotoServer::MotoServer(const std::map<std::string, std::string>& env)
    : LoopbackServer({"python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "{PORT}"}, env,
                     "/moto-api/") {}

LoopbackServer::LoopbackServer(const std::vector<std::string>& argv,
                               const std::map<std::string, std::string>& env,
                               const std::string& probe) {
  port_ = FreePort();
  log_ = MakeTempDir("cfnx-server") + "/server.log";
  std::vector<std::string> args;
  for (std::string a : argv) {
    for (size_t at = a.find("{PORT}"); at != std::string::npos; at = a.find("{PORT}")) {
      a.replace(at, 6, std::to_string(port_));
    }
    args.push_back(std::move(a));
  }
  std::vector<char*> c_args;
  for (std::string& a : args) {
    c_args.push_back(a.data());
  }
  c_args.push_back(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    for (const auto& [k, v] : env) {
      setenv(k.c_str(), v.c_str(), 1);
    }
    execvp(c_args[0], c_args.data());
    _exit(127);
  }
  for (int i = 0; i < 300 && pid_ > 0; ++i) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;  // exited
      break;
    }
    if (Answers(port_, probe)) {
      ready_ = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

LoopbackServer::~LoopbackServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

CommandResult RunShell(const std::string& command, const std::map<std::string, std::string>& env,
                       const std::string& dir) {
  std::string script = "cd '" + dir +
                       "' && unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy "
                       "ALL_PROXY AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN; ";
  for (const auto& [k, v] : env) {
    script += "export " + k + "='" + v + "'; ";
  }
  script += command + " 2>&1";
  CommandResult out;
  // The script goes through the environment so it is not quoted twice.
  setenv("CFNX_TEST_SCRIPT", script.c_str(), 1);
  FILE* pipe = popen("sh -c \"$CFNX_TEST_SCRIPT\"", "r");
  if (pipe == nullptr) {
    return out;
  }
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    out.output.append(buffer, n);
  }
  int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

CfnxSandbox::CfnxSandbox(const std::string& executable, const std::string& endpoint_url)
    : executable_(executable), dir_(MakeTempDir("cfnx-aws-test")) {
  env_ = {{"AWS_ENDPOINT_URL", endpoint_url},
          {"AWS_ACCESS_KEY_ID", "AKIDCFNXTEST0001"},
          {"AWS_SECRET_ACCESS_KEY", "cfnx-test-secret"},
          {"AWS_REGION", "us-east-1"},
          {"HOME", dir_},
          {"CFNX_STATE", dir_ + "/state.db"}};
}

void CfnxSandbox::Write(const std::string& name, const std::string& text) const {
  std::filesystem::path path = std::filesystem::path(dir_) / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

CommandResult CfnxSandbox::Cfnx(const std::string& args) const {
  return RunShell("'" + executable_ + "' " + args, env_, dir_);
}

}  // namespace cfnx
