// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/custom_handler.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <sys/wait.h>

namespace cfnx {
namespace {

// What a handler may print: far more than any response, little enough to bound memory.
constexpr size_t kMaxOutputBytes = 4u << 20;

struct Pipe {
  int read = -1;
  int write = -1;
  bool Open() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
      return false;
    read = fds[0];
    write = fds[1];
    return true;
  }
  static void Close(int& fd) {
    if (fd >= 0)
      close(fd);
    fd = -1;
  }
  ~Pipe() {
    Close(read);
    Close(write);
  }
};

CustomResponse Failed(std::string reason) {
  CustomResponse r;
  r.reason = std::move(reason);
  return r;
}

// The last non-empty line of `text`, for a failure reason.
std::string LastLine(const std::string& text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos)
    return "";
  size_t start = text.rfind('\n', end);
  start = start == std::string::npos ? 0 : start + 1;
  std::string line = text.substr(start, end - start + 1);
  return line.size() > 300 ? line.substr(0, 300) + "..." : line;
}

CustomResponse ParseResponse(const std::string& out, const CustomRequest& request) {
  StoreJson j = StoreJson::parse(out, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Failed("the handler's output is not a JSON response object" +
                  (out.empty() ? std::string(" (it printed nothing)") : ""));
  std::string status = j.value("Status", "");
  CustomResponse r;
  r.reason = j.contains("Reason") && j["Reason"].is_string() ? j["Reason"].get<std::string>() : "";
  if (status == "FAILED") {
    if (r.reason.empty())
      r.reason = "the handler answered FAILED without a Reason";
    return r;
  }
  if (status != "SUCCESS")
    return Failed("the handler's response has Status '" + status +
                  "'; it must be SUCCESS or FAILED");
  if (j.contains("PhysicalResourceId") && j["PhysicalResourceId"].is_string() &&
      !j["PhysicalResourceId"].get<std::string>().empty()) {
    r.physical_id = j["PhysicalResourceId"].get<std::string>();
  } else if (request.request_type == "Create") {
    return Failed("Invalid PhysicalResourceId: the handler's Create response has none");
  } else {
    r.physical_id = request.physical_id;
  }
  if (r.physical_id.size() > 1024)
    return Failed("Invalid PhysicalResourceId: longer than 1024 characters");
  if (j.contains("Data")) {
    if (!j["Data"].is_object())
      return Failed("the handler's Data must be an object of attribute name -> value");
    r.data = j["Data"];
    if (r.data.dump().size() > 4096)
      return Failed("Response object is too long: Data exceeds 4096 bytes");
  }
  r.no_echo = j.value("NoEcho", false) == true;
  r.ok = true;
  return r;
}

}  // namespace

StoreJson CustomRequestJson(const CustomRequest& request) {
  StoreJson j = StoreJson::object();
  j["RequestType"] = request.request_type;
  j["ResponseURL"] = "stdout";
  j["StackId"] = request.stack_id;
  j["RequestId"] = request.request_id;
  j["ResourceType"] = request.resource_type;
  j["LogicalResourceId"] = request.logical_id;
  if (request.request_type != "Create")
    j["PhysicalResourceId"] = request.physical_id;
  if (request.properties.is_object() && request.properties.contains("ServiceToken"))
    j["ServiceToken"] = request.properties["ServiceToken"];
  j["ResourceProperties"] =
      request.properties.is_object() ? request.properties : StoreJson::object();
  if (request.request_type == "Update")
    j["OldResourceProperties"] =
        request.old_properties.is_object() ? request.old_properties : StoreJson::object();
  return j;
}

CustomResponse RunCustomHandler(const std::string& command, const CustomRequest& request,
                                int timeout_seconds) {
  std::string input = CustomRequestJson(request).dump() + "\n";
  Pipe in, out, err;
  if (!in.Open() || !out.Open() || !err.Open())
    return Failed(std::string("cannot create pipes for the handler: ") + std::strerror(errno));
  std::string shell = "/bin/sh";
  std::string dash_c = "-c";
  std::string cmd = command;
  char* argv[] = {shell.data(), dash_c.data(), cmd.data(), nullptr};
  // fork + execv rather than posix_spawn: execv passes this process's environment without a
  // reference to `environ`, which the Python module (linked from position-dependent archives)
  // cannot relocate. Between fork and exec the child calls only async-signal-safe functions.
  pid_t pid = fork();
  if (pid < 0)
    return Failed("cannot run the handler '" + command + "': " + std::strerror(errno));
  if (pid == 0) {
    // Its own process group, so a time-out ends the shell and whatever it started.
    setpgid(0, 0);
    if (dup2(in.read, STDIN_FILENO) < 0 || dup2(out.write, STDOUT_FILENO) < 0 ||
        dup2(err.write, STDERR_FILENO) < 0)
      _exit(126);
    execv("/bin/sh", argv);
    _exit(127);
  }
  Pipe::Close(in.read);
  Pipe::Close(out.write);
  Pipe::Close(err.write);
  fcntl(in.write, F_SETFL, O_NONBLOCK);
  // A handler that exits without reading its input must not end cfnx with SIGPIPE: blocked in
  // this thread while writing (the handler was spawned before, with the usual mask), and a
  // pending one is consumed before unblocking.
  sigset_t pipe_signal, old_mask;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &old_mask);

  std::string stdout_text, stderr_text;
  size_t written = 0;
  bool overflow = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool timed_out = false;
  while (out.read >= 0 || err.read >= 0) {
    if (written == input.size())
      Pipe::Close(in.write);
    pollfd fds[3];
    nfds_t n = 0;
    int* owners[3];
    auto add = [&](int& fd, short events) {
      if (fd >= 0) {
        fds[n] = {fd, events, 0};
        owners[n++] = &fd;
      }
    };
    add(in.write, POLLOUT);
    add(out.read, POLLIN);
    add(err.read, POLLIN);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    int ready = poll(fds, n, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR)
      break;
    for (nfds_t i = 0; i < n && ready > 0; ++i) {
      if (fds[i].revents == 0)
        continue;
      int& fd = *owners[i];
      if (&fd == &in.write) {
        if (fds[i].revents & (POLLERR | POLLHUP)) {
          Pipe::Close(in.write);  // the handler does not read its input: fine
          continue;
        }
        ssize_t k = write(fd, input.data() + written, input.size() - written);
        if (k > 0)
          written += static_cast<size_t>(k);
        else if (k < 0 && errno != EAGAIN && errno != EINTR)
          Pipe::Close(in.write);
        continue;
      }
      char buffer[65536];
      ssize_t k = read(fd, buffer, sizeof(buffer));
      if (k <= 0) {
        if (k == 0 || (errno != EAGAIN && errno != EINTR))
          Pipe::Close(fd);
        continue;
      }
      std::string& sink = &fd == &out.read ? stdout_text : stderr_text;
      if (sink.size() + static_cast<size_t>(k) > kMaxOutputBytes) {
        overflow = true;
        Pipe::Close(fd);
        continue;
      }
      sink.append(buffer, static_cast<size_t>(k));
    }
  }
  Pipe::Close(in.write);
  timespec zero{0, 0};
  while (sigtimedwait(&pipe_signal, nullptr, &zero) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  if (timed_out || overflow)
    kill(-pid, SIGKILL);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    return Failed("the handler '" + command + "' did not answer within " +
                  std::to_string(timeout_seconds) + " seconds");
  if (overflow)
    return Failed("the handler printed more than 4 MB");
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    std::string how = WIFEXITED(wstatus)
                          ? "exited with status " + std::to_string(WEXITSTATUS(wstatus))
                          : "was killed by signal " + std::to_string(WTERMSIG(wstatus));
    std::string last = LastLine(stderr_text);
    return Failed("the handler '" + command + "' " + how + (last.empty() ? "" : ": " + last));
  }
  return ParseResponse(stdout_text, request);
}

}  // namespace cfnx
