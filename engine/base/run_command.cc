// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/base/run_command.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <sys/wait.h>

namespace cfnx {
namespace {

// What a command may print: far more than any answer, little enough to bound memory.
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

}  // namespace

std::string CommandRun::Failure(const std::string& what, int timeout_seconds) const {
  if (ok())
    return "";
  if (!start_error.empty())
    return "cannot run " + what + ": " + start_error;
  if (timed_out)
    return what + " did not answer within " + std::to_string(timeout_seconds) + " seconds";
  if (overflow)
    return what + " printed more than 4 MB";
  std::string how = exited ? "exited with status " + std::to_string(exit_status)
                           : "was killed by signal " + std::to_string(signal);
  std::string last = LastLine(err);
  return what + " " + how + (last.empty() ? "" : ": " + last);
}

CommandRun RunCommand(const std::string& command, const std::string& input, int timeout_seconds) {
  CommandRun run;
  Pipe in, out, err;
  if (!in.Open() || !out.Open() || !err.Open()) {
    run.start_error = std::string("cannot create pipes: ") + std::strerror(errno);
    return run;
  }
  std::string shell = "/bin/sh";
  std::string dash_c = "-c";
  std::string cmd = command;
  char* argv[] = {shell.data(), dash_c.data(), cmd.data(), nullptr};
  // fork + execv rather than posix_spawn: execv passes this process's environment without a
  // reference to `environ`, which the Python module (linked from position-dependent archives)
  // cannot relocate. Between fork and exec the child calls only async-signal-safe functions.
  pid_t pid = fork();
  if (pid < 0) {
    run.start_error = std::strerror(errno);
    return run;
  }
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
      std::string& sink = &fd == &out.read ? run.out : run.err;
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
  run.timed_out = timed_out;
  run.overflow = overflow;
  run.exited = WIFEXITED(wstatus);
  run.exit_status = run.exited ? WEXITSTATUS(wstatus) : 0;
  run.signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
  return run;
}

}  // namespace cfnx
