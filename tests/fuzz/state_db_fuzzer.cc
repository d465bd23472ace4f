// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend's state database as read from disk: `cfnx stacks`, `cfnx describe`
// (text's data and JSON) and the crash recovery every deploy, destroy and rollback runs first.
//
// Input: a whole SQLite database file (it starts with "SQLite format 3"), or else an SQL script
// (`sqlite3 state.db .dump`) run on an empty database: the seeds are dumps of real state
// databases (tests/fuzz/seeds/state_db/), so the fuzzer changes rows, column types, schema
// versions and journals without re-inventing SQLite's file format. Anything may be refused with an
// error; nothing may crash, and every JSON the backend produces can be printed.

#include <cctype>
#include <filesystem>

#include "engine/api/local_backend.h"
#include "tests/fuzz/fuzz_target.h"

#include <sqlite3.h>

namespace {

void RemoveDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix);
  }
}

std::string Lowercase(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

// Runs `script` on a new database at `path`; an SQL error stops the script.
void RunScript(const std::string& path, std::string_view script) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    // Bounds for the script itself (a recursive CTE runs forever, zeroblob fills memory).
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
    static int steps = 0;
    steps = 0;
    sqlite3_progress_handler(
        db, 1000, [](void*) { return ++steps > 10'000 ? 1 : 0; }, nullptr);
    // The script writes this database only (no ATTACH or VACUUM INTO another file).
    sqlite3_set_authorizer(
        db,
        [](void*, int action, const char*, const char*, const char*, const char*) {
          return action == SQLITE_ATTACH ? SQLITE_DENY : SQLITE_OK;
        },
        nullptr);
    std::string sql(script);
    if (Lowercase(sql).find("vacuum") != std::string::npos) {
      sqlite3_close(db);
      return;
    }
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  }
  sqlite3_close(db);
}

void ReadEverything(const std::string& path) {
  cfnx::LocalBackendOptions options;
  options.state_path = path;
  cfnx::ErrorOr<std::unique_ptr<cfnx::LocalBackend>> backend = cfnx::LocalBackend::Open(options);
  if (!backend.ok())
    return;
  cfnx::LocalBackend& b = **backend;
  (void)b.ListExports();
  cfnx::ErrorOr<std::vector<std::string>> stacks = b.ListStacks();
  if (!stacks.ok())
    return;
  cfnx::Executor executor = b.MakeExecutor(nullptr);
  for (const std::string& name : *stacks) {
    cfnx::ErrorOr<cfnx::StoreJson> json = b.DescribeJson(name);
    // Printed as `cfnx describe --format json` prints it.
    if (json.ok())
      json->dump(2, ' ', false, cfnx::StoreJson::error_handler_t::replace);
    (void)b.DescribeStackEvents(name);
    b.store().GetLock(name);
    cfnx::ErrorOr<cfnx::StackState> state = b.DescribeStack(name);
    if (state.ok()) {
      cfnx::StackStateToJson(*state).dump(-1, ' ', false,
                                          cfnx::OrderedJson::error_handler_t::replace);
      (void)cfnx::StackStateFingerprint(*state);  // what `cfnx plan` and deploy compute
    }
    if (executor.Recover(name).ok()) {
      state = b.DescribeStack(name);
      if (state.ok())
        cfnx::StackStateToJson(*state).dump(-1, ' ', false,
                                            cfnx::OrderedJson::error_handler_t::replace);
    }
  }
}

}  // namespace

CFNX_FUZZ_TARGET(state_db) {
  std::string_view bytes = cfnx::fuzz::AsText(data, size);
  std::string path = cfnx::fuzz::ScratchDir() + "/state.db";
  RemoveDatabase(path);
  if (bytes.substr(0, 15) == "SQLite format 3") {
    cfnx::fuzz::WriteFileOrDie(path, bytes);
  } else {
    RunScript(path, bytes);
  }
  ReadEverything(path);
  RemoveDatabase(path);
  return 0;
}
