// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/state_store.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <signal.h>
#include <sstream>
#include <thread>
#include <unistd.h>

#include <sqlite3.h>
#include <sys/stat.h>

namespace cfnx {
namespace {

// Version 1: the original schema. Version 2: retained cloud resources and an events index.
// Version 3: stack settings (termination protection, stack policy) and the values SSM parameter
// types resolved to. Version 4: resource signals (`cfnx signal`).
const char* const kMigration1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stacks(
  name TEXT PRIMARY KEY, stack_id TEXT NOT NULL, status TEXT NOT NULL,
  status_reason TEXT NOT NULL DEFAULT '', template TEXT, parameters TEXT, outputs TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, generation INTEGER NOT NULL DEFAULT 0);
CREATE TABLE template_history(
  stack TEXT NOT NULL, generation INTEGER NOT NULL, template TEXT NOT NULL,
  parameters TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY(stack, generation));
CREATE TABLE resources(
  stack TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL, type TEXT NOT NULL,
  status TEXT NOT NULL, role TEXT NOT NULL, properties TEXT, attributes TEXT,
  deletion_policy TEXT NOT NULL DEFAULT '', update_replace_policy TEXT NOT NULL DEFAULT '',
  created_by_op INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(stack, logical_id, physical_id));
CREATE TABLE exports(name TEXT PRIMARY KEY, stack TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE imports(export_name TEXT NOT NULL, stack TEXT NOT NULL,
  PRIMARY KEY(export_name, stack));
CREATE TABLE events(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, operation INTEGER NOT NULL,
  timestamp TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE operations(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, kind TEXT NOT NULL,
  phase TEXT NOT NULL, on_failure TEXT NOT NULL, holder TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '', prior TEXT, desired TEXT);
CREATE TABLE journal(
  operation INTEGER NOT NULL, seq INTEGER NOT NULL, logical_id TEXT NOT NULL,
  action TEXT NOT NULL, phase TEXT NOT NULL, token TEXT NOT NULL, physical_id TEXT NOT NULL,
  data TEXT, PRIMARY KEY(operation, seq));
CREATE TABLE locks(stack TEXT PRIMARY KEY, holder TEXT NOT NULL, pid INTEGER NOT NULL,
  host TEXT NOT NULL, acquired_at TEXT NOT NULL);
CREATE TABLE cloud(
  type TEXT NOT NULL, physical_id TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
  last_token TEXT NOT NULL, properties TEXT, attributes TEXT, PRIMARY KEY(type, physical_id));
INSERT INTO meta VALUES('schema_version', '1');
)sql";

const char* const kMigration2 = R"sql(
ALTER TABLE cloud ADD COLUMN retained INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_by_stack ON events(stack, id);
CREATE INDEX operations_by_stack ON operations(stack, phase);
UPDATE meta SET value = '2' WHERE key = 'schema_version';
)sql";

const char* const kMigration3 = R"sql(
ALTER TABLE stacks ADD COLUMN resolved_parameters TEXT;
CREATE TABLE stack_settings(
  stack TEXT PRIMARY KEY, termination_protection INTEGER NOT NULL DEFAULT 0, stack_policy TEXT);
UPDATE meta SET value = '3' WHERE key = 'schema_version';
)sql";

const char* const kMigration4 = R"sql(
CREATE TABLE signals(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, target TEXT NOT NULL,
  logical_id TEXT NOT NULL, unique_id TEXT NOT NULL, status TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '', received_at TEXT NOT NULL);
CREATE INDEX signals_by_target ON signals(stack, target, id);
UPDATE meta SET value = '4' WHERE key = 'schema_version';
)sql";

std::string HostName() {
  char buffer[256] = {};
  if (gethostname(buffer, sizeof(buffer) - 1) != 0)
    return "localhost";
  return buffer;
}

// "2s", "0.5s": a --lock-timeout as the user wrote it.
std::string FormatSeconds(double seconds) {
  std::ostringstream out;
  out << seconds << "s";
  return out.str();
}

bool ProcessAlive(int64_t pid) {
  if (pid <= 0)
    return false;
  if (kill(static_cast<pid_t>(pid), 0) == 0)
    return true;
  return errno != ESRCH;
}

std::string Dump(const StoreJson& json) {
  return json.is_null() ? std::string() : json.dump();
}

StoreJson ParseOr(const StoreJson& text, StoreJson fallback) {
  if (!text.is_string() || text.get<std::string>().empty())
    return fallback;
  StoreJson parsed = StoreJson::parse(text.get<std::string>(), nullptr, false);
  return parsed.is_discarded() ? fallback : parsed;
}

std::string Str(const StoreJson& v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_number_integer())
    return std::to_string(v.get<int64_t>());
  return "";
}

int64_t Int(const StoreJson& v) {
  if (v.is_number_integer())
    return v.get<int64_t>();
  if (v.is_string())
    return std::atoll(v.get<std::string>().c_str());
  return 0;
}

}  // namespace

const std::vector<std::string>& StateStoreMigrations() {
  static const std::vector<std::string> migrations = {kMigration1, kMigration2, kMigration3,
                                                      kMigration4};
  return migrations;
}

StoreLock::StoreLock(StoreLock&& other) noexcept
    : store_(other.store_), stack_(std::move(other.stack_)) {
  other.store_ = nullptr;
}

StoreLock& StoreLock::operator=(StoreLock&& other) noexcept {
  if (this != &other) {
    Release();
    store_ = other.store_;
    stack_ = std::move(other.stack_);
    other.store_ = nullptr;
  }
  return *this;
}

StoreLock::~StoreLock() {
  Release();
}

void StoreLock::Release() {
  if (store_ != nullptr)
    store_->ReleaseLock(stack_);
  store_ = nullptr;
}

StateStore::~StateStore() {
  if (db_ != nullptr)
    sqlite3_close(db_);
}

std::string StateStore::DefaultPath() {
  const char* env = std::getenv("CFNX_STATE");
  if (env != nullptr && *env != '\0')
    return env;
  return ".cfnx/state.db";
}

std::string StateStore::Now() {
  using std::chrono::system_clock;
  auto now = system_clock::now();
  std::time_t secs = system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &tm);
  char full[80];
  std::snprintf(full, sizeof(full), "%s.%03dZ", buffer, static_cast<int>(ms.count()));
  return full;
}

namespace {

// Creates the missing directories of `dir` owner-only (0700); existing ones are left as they
// are (the user chose their mode).
Status CreatePrivateDirectories(const std::filesystem::path& dir) {
  std::filesystem::path built;
  for (const std::filesystem::path& part : dir) {
    built /= part;
    if (::mkdir(built.c_str(), 0700) != 0 && errno != EEXIST)
      return Error{"cannot create the state directory '" + built.string() +
                   "': " + std::strerror(errno)};
  }
  return {};
}

// Creates an empty database file owner-only (0600) when there is none, before SQLite makes one
// with the umask's mode: the state holds resolved parameter values, secrets among them. SQLite
// gives its -wal and -shm files the database file's mode.
Status CreatePrivateFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return {};
  }
  if (errno == EEXIST)
    return {};
  return Error{"cannot create the state database '" + path + "': " + std::strerror(errno)};
}

}  // namespace

ErrorOr<std::unique_ptr<StateStore>> StateStore::Open(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty())
    CFNX_RETURN_IF_ERROR(CreatePrivateDirectories(parent));
  if (path != ":memory:" && !path.empty())
    CFNX_RETURN_IF_ERROR(CreatePrivateFile(path));
  std::unique_ptr<StateStore> store(new StateStore());
  store->path_ = path;
  int rc =
      sqlite3_open_v2(path.c_str(), &store->db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = store->db_ ? sqlite3_errmsg(store->db_) : sqlite3_errstr(rc);
    return Error{"cannot open the state database '" + path + "': " + message};
  }
  sqlite3_busy_timeout(store->db_, kBusyTimeoutMs);
  CFNX_RETURN_IF_ERROR(store->CheckIntegrity());
  CFNX_RETURN_IF_ERROR(store->SwitchToWal());
  CFNX_RETURN_IF_ERROR(store->ExecSql("PRAGMA synchronous=NORMAL"));
  CFNX_RETURN_IF_ERROR(store->ExecSql("PRAGMA foreign_keys=ON"));
  CFNX_RETURN_IF_ERROR(store->Migrate());
  return store;
}

// A truncated or corrupted database is refused before anything writes to it, so what it still
// holds can be recovered by hand. `quick_check` reads every page once: milliseconds for the
// sizes cfnx's state reaches.
Status StateStore::CheckIntegrity() {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, "PRAGMA quick_check", -1, &stmt, nullptr);
  std::string problem;
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      std::string line = text != nullptr ? text : "";
      if (line != "ok" && problem.empty())
        problem = line;
    }
    if (rc != SQLITE_DONE && problem.empty())
      problem = sqlite3_errmsg(db_);
  } else {
    problem = sqlite3_errmsg(db_);
  }
  sqlite3_finalize(stmt);
  if (!problem.empty()) {
    return Error{"the state database '" + path_ + "' is damaged (" + problem +
                 "); cfnx leaves it untouched: restore it from a backup or pass --state with "
                 "another path"};
  }
  // Tables but no `meta`: another program's database, which must stay untouched (before any
  // PRAGMA that writes, such as switching it to WAL mode).
  // One statement, so one snapshot: as two, another process creating the schema between them
  // made a new database look foreign (found by ConcurrentFirstOpensOfOneNewDatabaseAllSucceed).
  auto counts = Query(
      "SELECT (SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'), "
      "(SELECT count(*) FROM sqlite_master)",
      {});
  if (counts.empty() || counts[0].size() != 2 ||
      (Int(counts[0][0]) == 0 && Int(counts[0][1]) > 0)) {
    return Error{"'" + path_ +
                 "' is not a cfnx state database (it holds tables but no cfnx schema); cfnx "
                 "leaves it untouched: pass --state with another path"};
  }
  return {};
}

namespace {

// Adds what a failed write means for the user: nothing committed was lost.
std::string WithWriteHint(sqlite3* db, std::string message) {
  int code = db != nullptr ? sqlite3_errcode(db) & 0xff : SQLITE_OK;
  if (code == SQLITE_FULL || code == SQLITE_IOERR) {
    message +=
        " (the disk may be full or the file size limit reached); every change committed before "
        "this one is intact, and the next cfnx deploy, destroy or rollback of the stack "
        "finishes or rolls back this operation";
  }
  return message;
}

}  // namespace

Status StateStore::ExecSql(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string message = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Error{"state database '" + path_ + "': " + WithWriteHint(db_, message)};
  }
  return {};
}

// Switching a new database to WAL takes a read transaction and then upgrades it to a write
// one (it rewrites the header). SQLite never runs the busy handler on such an upgrade (that could
// deadlock), so when another process opens the same new database at the same moment (a second
// deploy, or `describe` polling while the first deploy creates the state) the pragma fails at once
// with "database is locked" despite the busy timeout. Retry it here for as long as the busy
// timeout would have waited. A database already in WAL mode needs no lock and no retry.
Status StateStore::SwitchToWal() {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
      return {};
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
      return Error{"state database '" + path_ + "': " + WithWriteHint(db_, sqlite3_errmsg(db_))};
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

Status StateStore::Migrate() {
  std::lock_guard<std::recursive_mutex> guard(mutex_);
  const std::vector<std::string>& migrations = StateStoreMigrations();
  // BEGIN IMMEDIATE serializes concurrent first opens.
  for (;;) {
    CFNX_RETURN_IF_ERROR(ExecSql("BEGIN IMMEDIATE"));
    int version = 0;
    auto has_meta =
        Query("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'", {});
    if (!has_meta.empty() && Int(has_meta[0][0]) > 0) {
      auto rows = Query("SELECT value FROM meta WHERE key='schema_version'", {});
      if (!rows.empty())
        version = static_cast<int>(Int(rows[0][0]));
    }
    if (version > static_cast<int>(migrations.size())) {
      (void)ExecSql("ROLLBACK");
      return Error{"the state database '" + path_ + "' has schema version " +
                   std::to_string(version) + ", newer than this cfnx supports (" +
                   std::to_string(migrations.size()) + "); upgrade cfnx"};
    }
    if (version == static_cast<int>(migrations.size())) {
      CFNX_RETURN_IF_ERROR(ExecSql("COMMIT"));
      schema_version_ = version;
      return {};
    }
    Status step = ExecSql(migrations[version]);
    if (!step.ok()) {
      (void)ExecSql("ROLLBACK");
      return Error{"migrating the state database to version " + std::to_string(version + 1) +
                   " failed: " + step.error().message};
    }
    CFNX_RETURN_IF_ERROR(ExecSql("COMMIT"));
  }
}

std::vector<std::vector<StoreJson>> StateStore::Query(const std::string& sql,
                                                      const std::vector<StoreJson>& args) {
  std::lock_guard<std::recursive_mutex> guard(mutex_);
  std::vector<std::vector<StoreJson>> rows;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    tx_error_ = std::string(sqlite3_errmsg(db_)) + " in: " + sql;
    return rows;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    int index = static_cast<int>(i + 1);
    const StoreJson& arg = args[i];
    if (arg.is_null()) {
      sqlite3_bind_null(stmt, index);
    } else if (arg.is_number_integer()) {
      sqlite3_bind_int64(stmt, index, arg.get<int64_t>());
    } else if (arg.is_boolean()) {
      sqlite3_bind_int64(stmt, index, arg.get<bool>() ? 1 : 0);
    } else if (arg.is_string()) {
      const std::string& s = arg.get_ref<const std::string&>();
      sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else {
      std::string s = arg.dump();
      sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
  }
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    int n = sqlite3_column_count(stmt);
    std::vector<StoreJson> row;
    row.reserve(n);
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_NULL:
          row.emplace_back(nullptr);
          break;
        default: {
          const unsigned char* text = sqlite3_column_text(stmt, c);
          row.emplace_back(std::string(reinterpret_cast<const char*>(text),
                                       static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE)
    tx_error_ = std::string(sqlite3_errmsg(db_)) + " in: " + sql;
  sqlite3_finalize(stmt);
  return rows;
}

void StateStore::Tx::Exec(const std::string& sql, const std::vector<StoreJson>& args) {
  if (!store_->tx_error_.empty())
    return;
  store_->Query(sql, args);
}

Status StateStore::Write(const std::function<void(Tx&)>& body) {
  std::lock_guard<std::recursive_mutex> guard(mutex_);
  tx_error_.clear();
  CFNX_RETURN_IF_ERROR(ExecSql("BEGIN IMMEDIATE"));
  Tx tx(this);
  body(tx);
  if (!tx_error_.empty()) {
    std::string message = tx_error_;
    tx_error_.clear();
    message = WithWriteHint(db_, message);
    (void)ExecSql("ROLLBACK");
    return Error{"state database '" + path_ + "': " + message};
  }
  Status commit = ExecSql("COMMIT");
  if (!commit.ok())
    (void)ExecSql("ROLLBACK");
  return commit;
}

ErrorOr<StoreLock> StateStore::AcquireLock(const std::string& stack, const std::string& holder,
                                           double timeout_seconds) {
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(static_cast<int64_t>(timeout_seconds * 1000));
  const std::string host = HostName();
  const int64_t pid = getpid();
  for (;;) {
    std::optional<LockInfo> current;
    bool taken = false;
    Status status = Write([&](Tx& tx) {
      auto rows = Query("SELECT holder, pid, host, acquired_at FROM locks WHERE stack=?", {stack});
      if (!rows.empty()) {
        LockInfo info{stack, Str(rows[0][0]), Int(rows[0][1]), Str(rows[0][2]), Str(rows[0][3])};
        bool stale = info.host == host && !ProcessAlive(info.pid);
        if (!stale) {
          current = info;
          return;
        }
        tx.Exec("DELETE FROM locks WHERE stack=?", {stack});
      }
      tx.Exec("INSERT INTO locks(stack, holder, pid, host, acquired_at) VALUES(?,?,?,?,?)",
              {stack, holder, pid, host, Now()});
      taken = true;
    });
    if (!status.ok())
      return Error{status.error().message};
    if (taken)
      return StoreLock(this, stack);
    if (std::chrono::steady_clock::now() >= deadline) {
      std::string message = "stack '" + stack + "' is locked by " + current->holder + " (pid " +
                            std::to_string(current->pid) + " on " + current->host + ", since " +
                            current->acquired_at + ")";
      if (timeout_seconds > 0)
        message += "; gave up after --lock-timeout " + FormatSeconds(timeout_seconds);
      else
        message += "; wait for it to finish, or pass --lock-timeout SECONDS to wait for it";
      return Error{message};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

std::optional<LockInfo> StateStore::GetLock(const std::string& stack) {
  auto rows = Query("SELECT holder, pid, host, acquired_at FROM locks WHERE stack=?", {stack});
  if (rows.empty())
    return std::nullopt;
  return LockInfo{stack, Str(rows[0][0]), Int(rows[0][1]), Str(rows[0][2]), Str(rows[0][3])};
}

void StateStore::ReleaseLock(const std::string& stack) {
  (void)Write([&](Tx& tx) {
    tx.Exec("DELETE FROM locks WHERE stack=? AND pid=? AND host=?",
            {stack, static_cast<int64_t>(getpid()), HostName()});
  });
}

// --- writes ---

void StateStore::Tx::PutStack(const StoredStack& s) {
  Exec(
      "INSERT OR REPLACE INTO stacks(name, stack_id, status, status_reason, template, "
      "parameters, outputs, created_at, updated_at, generation, resolved_parameters) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
      {s.name, s.stack_id, s.status, s.status_reason, Dump(s.template_json), Dump(s.parameters),
       Dump(s.outputs), s.created_at, s.updated_at, s.generation,
       s.resolved_parameters.empty() ? StoreJson() : StoreJson(Dump(s.resolved_parameters))});
}

void StateStore::Tx::DeleteStack(const std::string& name) {
  Exec("DELETE FROM stacks WHERE name=?", {name});
  Exec("DELETE FROM stack_settings WHERE stack=?", {name});
  Exec("DELETE FROM signals WHERE stack=?", {name});
}

void StateStore::Tx::AddTemplateHistory(const std::string& stack, int64_t generation,
                                        const StoreJson& template_json,
                                        const StoreJson& parameters) {
  Exec("INSERT OR REPLACE INTO template_history VALUES(?,?,?,?,?)",
       {stack, generation, Dump(template_json), Dump(parameters), Now()});
}

void StateStore::Tx::PutResource(const std::string& stack, const StoredResource& r) {
  Exec(
      "INSERT OR REPLACE INTO resources(stack, logical_id, physical_id, type, status, role, "
      "properties, attributes, deletion_policy, update_replace_policy, created_by_op) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
      {stack, r.logical_id, r.physical_id, r.type, r.status, r.role, Dump(r.properties),
       Dump(r.attributes), r.deletion_policy, r.update_replace_policy, r.created_by_op});
}

void StateStore::Tx::DeleteResource(const std::string& stack, const std::string& logical_id,
                                    const std::string& physical_id) {
  Exec("DELETE FROM resources WHERE stack=? AND logical_id=? AND physical_id=?",
       {stack, logical_id, physical_id});
}

void StateStore::Tx::DeleteAllResources(const std::string& stack) {
  Exec("DELETE FROM resources WHERE stack=?", {stack});
}

void StateStore::Tx::AddEvent(const StoredEvent& e) {
  Exec(
      "INSERT INTO events(stack, operation, timestamp, logical_id, physical_id, type, status, "
      "reason) VALUES(?,?,?,?,?,?,?,?)",
      {e.stack, e.operation, e.timestamp.empty() ? Now() : e.timestamp, e.logical_id, e.physical_id,
       e.type, e.status, e.reason});
}

int64_t StateStore::Tx::AddOperation(const Operation& op) {
  Exec(
      "INSERT INTO operations(stack, kind, phase, on_failure, holder, started_at, prior, "
      "desired) VALUES(?,?,?,?,?,?,?,?)",
      {op.stack, op.kind, op.phase, op.on_failure, op.holder, Now(), Dump(op.prior),
       Dump(op.desired)});
  return sqlite3_last_insert_rowid(store_->db_);
}

void StateStore::Tx::SetOperationPhase(int64_t id, const std::string& phase) {
  Exec("UPDATE operations SET phase=? WHERE id=?", {phase, id});
}

void StateStore::Tx::FinishOperation(int64_t id) {
  // A finished operation needs no recovery data: keep its header and one journal row per
  // provider call (what was done, to what), drop the before/after snapshots and the call data,
  // so the database grows by what the history needs (events, templates), not by copies of the
  // stack per deployment. SQLite reuses the freed pages.
  Exec("UPDATE operations SET phase='DONE', finished_at=?, prior='null', desired='null' WHERE id=?",
       {Now(), id});
  Exec("UPDATE journal SET data='{}' WHERE operation=?", {id});
}

void StateStore::Tx::AddJournal(const JournalEntry& j) {
  Exec("INSERT INTO journal VALUES(?,?,?,?,?,?,?,?)",
       {j.operation, j.seq, j.logical_id, j.action, j.phase, j.token, j.physical_id, Dump(j.data)});
}

void StateStore::Tx::SetJournalPhase(int64_t op, int64_t seq, const std::string& phase,
                                     const std::string& physical_id, const StoreJson& data) {
  Exec("UPDATE journal SET phase=?, physical_id=?, data=? WHERE operation=? AND seq=?",
       {phase, physical_id, Dump(data), op, seq});
}

void StateStore::Tx::SetExports(const std::string& stack,
                                const std::vector<std::pair<std::string, std::string>>& exports) {
  Exec("DELETE FROM exports WHERE stack=?", {stack});
  for (const auto& [name, value] : exports)
    Exec("INSERT INTO exports VALUES(?,?,?)", {name, stack, value});
}

void StateStore::Tx::SetImports(const std::string& stack,
                                const std::vector<std::string>& export_names) {
  Exec("DELETE FROM imports WHERE stack=?", {stack});
  for (const std::string& name : export_names)
    Exec("INSERT OR IGNORE INTO imports VALUES(?,?)", {name, stack});
}

void StateStore::Tx::PutCloud(const CloudResource& c) {
  Exec(
      "INSERT OR REPLACE INTO cloud(type, physical_id, token, last_token, properties, "
      "attributes, retained) VALUES(?,?,?,?,?,?,?)",
      {c.type, c.physical_id, c.token, c.last_token, Dump(c.properties), Dump(c.attributes),
       static_cast<int64_t>(c.retained ? 1 : 0)});
}

void StateStore::Tx::DeleteCloud(const std::string& type, const std::string& physical_id) {
  Exec("DELETE FROM cloud WHERE type=? AND physical_id=?", {type, physical_id});
}

void StateStore::Tx::PutStackSettings(const std::string& stack, const StackSettings& settings) {
  Exec(
      "INSERT OR REPLACE INTO stack_settings(stack, termination_protection, stack_policy) "
      "VALUES(?,?,?)",
      {stack, static_cast<int64_t>(settings.termination_protection ? 1 : 0),
       settings.stack_policy.is_null() ? StoreJson() : StoreJson(Dump(settings.stack_policy))});
}

void StateStore::Tx::AddSignal(const StoredSignal& signal) {
  Exec(
      "INSERT INTO signals(stack, target, logical_id, unique_id, status, data, reason, "
      "received_at) VALUES(?,?,?,?,?,?,?,?)",
      {signal.stack, signal.target, signal.logical_id, signal.unique_id, signal.status, signal.data,
       signal.reason, signal.received_at.empty() ? Now() : signal.received_at});
}

// --- reads ---

namespace {

StoredStack StackFromRow(const std::vector<StoreJson>& r) {
  StoredStack s;
  s.name = Str(r[0]);
  s.stack_id = Str(r[1]);
  s.status = Str(r[2]);
  s.status_reason = Str(r[3]);
  s.template_json = ParseOr(r[4], nullptr);
  s.parameters = ParseOr(r[5], StoreJson::object());
  s.outputs = ParseOr(r[6], StoreJson::array());
  s.created_at = Str(r[7]);
  s.updated_at = Str(r[8]);
  s.generation = Int(r[9]);
  s.resolved_parameters = ParseOr(r[10], StoreJson::object());
  if (!s.resolved_parameters.is_object())
    s.resolved_parameters = StoreJson::object();
  return s;
}

constexpr const char* kStackColumns =
    "name, stack_id, status, status_reason, template, parameters, outputs, created_at, "
    "updated_at, generation, resolved_parameters";

CloudResource CloudFromRow(const std::vector<StoreJson>& r) {
  CloudResource c;
  c.type = Str(r[0]);
  c.physical_id = Str(r[1]);
  c.token = Str(r[2]);
  c.last_token = Str(r[3]);
  c.properties = ParseOr(r[4], StoreJson::object());
  c.attributes = ParseOr(r[5], StoreJson::object());
  c.retained = Int(r[6]) != 0;
  return c;
}

constexpr const char* kCloudColumns =
    "type, physical_id, token, last_token, properties, attributes, retained";

Operation OperationFromRow(const std::vector<StoreJson>& r) {
  Operation op;
  op.id = Int(r[0]);
  op.stack = Str(r[1]);
  op.kind = Str(r[2]);
  op.phase = Str(r[3]);
  op.on_failure = Str(r[4]);
  op.holder = Str(r[5]);
  op.started_at = Str(r[6]);
  op.finished_at = Str(r[7]);
  op.prior = ParseOr(r[8], nullptr);
  op.desired = ParseOr(r[9], nullptr);
  return op;
}

constexpr const char* kOperationColumns =
    "id, stack, kind, phase, on_failure, holder, started_at, finished_at, prior, desired";

}  // namespace

std::optional<StoredStack> StateStore::GetStack(const std::string& name) {
  auto rows = Query(std::string("SELECT ") + kStackColumns + " FROM stacks WHERE name=?", {name});
  if (rows.empty())
    return std::nullopt;
  return StackFromRow(rows[0]);
}

StackSettings StateStore::GetStackSettings(const std::string& stack) {
  StackSettings out;
  auto rows = Query("SELECT termination_protection, stack_policy FROM stack_settings WHERE stack=?",
                    {stack});
  if (!rows.empty()) {
    out.termination_protection = Int(rows[0][0]) != 0;
    out.stack_policy = ParseOr(rows[0][1], StoreJson());
  }
  return out;
}

std::vector<StoredSignal> StateStore::GetSignals(const std::string& stack,
                                                 const std::string& target, int64_t after_id) {
  std::vector<StoredSignal> out;
  for (const auto& r :
       Query("SELECT id, stack, target, logical_id, unique_id, status, data, reason, received_at "
             "FROM signals WHERE stack=? AND target=? AND id>? ORDER BY id",
             {stack, target, after_id})) {
    out.push_back(StoredSignal{Int(r[0]), Str(r[1]), Str(r[2]), Str(r[3]), Str(r[4]), Str(r[5]),
                               Str(r[6]), Str(r[7]), Str(r[8])});
  }
  return out;
}

std::vector<StoredStack> StateStore::ListStacks() {
  std::vector<StoredStack> out;
  for (const auto& row :
       Query(std::string("SELECT ") + kStackColumns + " FROM stacks ORDER BY name", {}))
    out.push_back(StackFromRow(row));
  return out;
}

std::vector<StoredResource> StateStore::GetResources(const std::string& stack) {
  std::vector<StoredResource> out;
  for (const auto& r :
       Query("SELECT logical_id, physical_id, type, status, role, properties, attributes, "
             "deletion_policy, update_replace_policy, created_by_op FROM resources WHERE stack=? "
             "ORDER BY logical_id, role, physical_id",
             {stack})) {
    StoredResource res;
    res.logical_id = Str(r[0]);
    res.physical_id = Str(r[1]);
    res.type = Str(r[2]);
    res.status = Str(r[3]);
    res.role = Str(r[4]);
    res.properties = ParseOr(r[5], StoreJson::object());
    res.attributes = ParseOr(r[6], StoreJson::object());
    res.deletion_policy = Str(r[7]);
    res.update_replace_policy = Str(r[8]);
    res.created_by_op = Int(r[9]);
    out.push_back(std::move(res));
  }
  return out;
}

std::vector<StoredEvent> StateStore::GetEvents(const std::string& stack, int64_t operation) {
  std::vector<StoredEvent> out;
  std::string sql =
      "SELECT id, stack, operation, timestamp, logical_id, physical_id, type, status, reason "
      "FROM events WHERE stack=?";
  std::vector<StoreJson> args = {stack};
  if (operation != 0) {
    sql += " AND operation=?";
    args.emplace_back(operation);
  }
  sql += " ORDER BY id";
  for (const auto& r : Query(sql, args)) {
    out.push_back(StoredEvent{Int(r[0]), Str(r[1]), Int(r[2]), Str(r[3]), Str(r[4]), Str(r[5]),
                              Str(r[6]), Str(r[7]), Str(r[8])});
  }
  return out;
}

std::optional<Operation> StateStore::GetActiveOperation(const std::string& stack) {
  auto rows = Query(std::string("SELECT ") + kOperationColumns +
                        " FROM operations WHERE stack=? AND phase<>'DONE' ORDER BY id DESC LIMIT 1",
                    {stack});
  if (rows.empty())
    return std::nullopt;
  return OperationFromRow(rows[0]);
}

std::optional<Operation> StateStore::GetOperation(int64_t id) {
  auto rows =
      Query(std::string("SELECT ") + kOperationColumns + " FROM operations WHERE id=?", {id});
  if (rows.empty())
    return std::nullopt;
  return OperationFromRow(rows[0]);
}

std::vector<JournalEntry> StateStore::GetJournal(int64_t operation) {
  std::vector<JournalEntry> out;
  for (const auto& r :
       Query("SELECT operation, seq, logical_id, action, phase, token, physical_id, data FROM "
             "journal WHERE operation=? ORDER BY seq",
             {operation})) {
    out.push_back(JournalEntry{Int(r[0]), Int(r[1]), Str(r[2]), Str(r[3]), Str(r[4]), Str(r[5]),
                               Str(r[6]), ParseOr(r[7], nullptr)});
  }
  return out;
}

std::vector<std::array<std::string, 3>> StateStore::GetExports() {
  std::vector<std::array<std::string, 3>> out;
  for (const auto& r : Query("SELECT name, stack, value FROM exports ORDER BY name", {}))
    out.push_back({Str(r[0]), Str(r[1]), Str(r[2])});
  return out;
}

std::vector<std::string> StateStore::GetImporters(const std::string& export_name) {
  std::vector<std::string> out;
  for (const auto& r :
       Query("SELECT stack FROM imports WHERE export_name=? ORDER BY stack", {export_name}))
    out.push_back(Str(r[0]));
  return out;
}

std::optional<CloudResource> StateStore::GetCloud(const std::string& type,
                                                  const std::string& physical_id) {
  auto rows =
      Query(std::string("SELECT ") + kCloudColumns + " FROM cloud WHERE type=? AND physical_id=?",
            {type, physical_id});
  if (rows.empty())
    return std::nullopt;
  return CloudFromRow(rows[0]);
}

std::optional<CloudResource> StateStore::GetCloudByToken(const std::string& token) {
  auto rows = Query(std::string("SELECT ") + kCloudColumns + " FROM cloud WHERE token=?", {token});
  if (rows.empty())
    return std::nullopt;
  return CloudFromRow(rows[0]);
}

std::vector<CloudResource> StateStore::ListCloud() {
  std::vector<CloudResource> out;
  for (const auto& r :
       Query(std::string("SELECT ") + kCloudColumns + " FROM cloud ORDER BY type, physical_id", {}))
    out.push_back(CloudFromRow(r));
  return out;
}

int64_t StateStore::TemplateHistoryCount(const std::string& stack) {
  auto rows = Query("SELECT count(*) FROM template_history WHERE stack=?", {stack});
  return rows.empty() ? 0 : Int(rows[0][0]);
}

int64_t StateStore::DatabaseBytes() {
  (void)ExecSql("PRAGMA wal_checkpoint(TRUNCATE)");
  auto pages = Query("PRAGMA page_count", {});
  auto size = Query("PRAGMA page_size", {});
  if (pages.empty() || size.empty())
    return 0;
  return Int(pages[0][0]) * Int(size[0][0]);
}

}  // namespace cfnx
