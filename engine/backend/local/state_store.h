// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend's state store: one SQLite database (WAL mode) holding every stack of the
// local "account", the operation in progress (a journal), stack locks, and the simulated
// provider's own view of the resources it has provisioned (the "cloud").
//
//   ErrorOr<std::unique_ptr<StateStore>> store = StateStore::Open(".cfnx/state.db");
//   CFNX_ASSIGN_OR_RETURN(StoreLock lock, (*store)->AcquireLock("app", "cfnx deploy", 30.0));
//   (*store)->Write([&](StateStore::Tx& tx) { tx.PutStack(...); tx.AddEvent(...); });
//
// Schema (version kSchemaVersion; `Open` migrates older databases forward, one transaction per
// step, and refuses databases written by a newer cfnx):
//
//   meta(key, value)                       schema_version
//   stacks(name, stack_id, status, status_reason, template, parameters, outputs,
//          created_at, updated_at, generation, resolved_parameters)
//   template_history(stack, generation, template, parameters, created_at)
//   resources(stack, logical_id, physical_id, type, status, role, properties, attributes,
//             deletion_policy, update_replace_policy, created_by_op)
//            role: 'current', or 'replaced' (an old physical resource awaiting cleanup)
//   exports(name, stack, value)            imports(export_name, stack)
//   events(id, stack, operation, timestamp, logical_id, physical_id, type, status, reason)
//   operations(id, stack, kind, phase, on_failure, holder, started_at, finished_at, prior,
//              desired)            the journal header of each operation; phase RUNNING, CLEANUP,
//                                  ROLLBACK, ROLLBACK_CLEANUP or DONE
//   journal(operation, seq, logical_id, action, phase, token, physical_id, data)
//            one row per provider call: written as 'intent' before the call and turned 'done'
//            (or 'failed') in the same transaction that records its effect on the stack.
//            When an operation is DONE its `prior`, `desired` and journal `data` (recovery
//            material only) are emptied, so the database does not keep a copy of the stack per
//            deployment.
//   locks(stack, holder, pid, host, acquired_at)
//   cloud(type, physical_id, token, last_token, properties, attributes, retained)
//            the simulated provider's resources; `token` makes creates idempotent
//   stack_settings(stack, termination_protection, stack_policy)
//            what a stack keeps across operations but no operation rewrites: termination
//            protection (0/1) and the stack policy (JSON text, NULL when none)
//   signals(id, stack, target, logical_id, unique_id, status, data, reason, received_at)
//            resource signals (`cfnx signal`) by the physical id they were sent to; dropped
//            with the stack
//
// Every state change is one transaction, so a process killed at any point leaves either the
// state before or after that change. Reads never block writers (WAL). Thread-safe: calls are
// serialized on one connection.

#ifndef CFNX_ENGINE_BACKEND_LOCAL_STATE_STORE_H_
#define CFNX_ENGINE_BACKEND_LOCAL_STATE_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfnx/error_or.h"

struct sqlite3;

namespace cfnx {

using StoreJson = nlohmann::ordered_json;

inline constexpr int kSchemaVersion = 4;

// The SQL of each migration: element i takes a database from version i to version i + 1.
const std::vector<std::string>& StateStoreMigrations();

struct StoredStack {
  std::string name;
  std::string stack_id;
  std::string status;
  std::string status_reason;
  StoreJson template_json;  // the processed template deployed (object), or null
  StoreJson parameters;     // name -> value as resolved at deploy time
  // Parameters of an AWS::SSM::Parameter::Value type: name -> the value the SSM parameter (whose
  // name is in `parameters`) had at deploy time (DescribeStacks' ResolvedValue).
  StoreJson resolved_parameters = StoreJson::object();
  StoreJson outputs;  // list of {OutputKey, OutputValue, Description, ExportName}
  std::string created_at;
  std::string updated_at;
  int64_t generation = 0;
};

// A stack's settings (stack_settings): kept while the stack exists, dropped with it.
struct StackSettings {
  bool termination_protection = false;
  StoreJson stack_policy;  // null when the stack has none
};

// A resource signal (`cfnx signal`, as SignalResource or a wait condition handle's URL
// receives it). `target` is the physical id it was sent to: the resource waiting under a
// CreationPolicy, or a wait condition handle.
struct StoredSignal {
  int64_t id = 0;
  std::string stack;
  std::string target;
  std::string logical_id;  // the resource the sender named
  std::string unique_id;
  std::string status;  // SUCCESS or FAILURE
  std::string data;
  std::string reason;
  std::string received_at;
};

struct StoredResource {
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string status;
  std::string role = "current";  // or "replaced"
  StoreJson properties;          // as deployed (resolved)
  StoreJson attributes;          // GetAtt name -> value
  std::string deletion_policy;
  std::string update_replace_policy;
  int64_t created_by_op = 0;
};

struct StoredEvent {
  int64_t id = 0;
  std::string stack;
  int64_t operation = 0;
  std::string timestamp;
  std::string logical_id;
  std::string physical_id;
  std::string type;
  std::string status;
  std::string reason;
};

struct Operation {
  int64_t id = 0;
  std::string stack;
  std::string kind;   // CREATE, UPDATE, DELETE
  std::string phase;  // RUNNING, CLEANUP, ROLLBACK, ROLLBACK_CLEANUP, DONE
  std::string on_failure;
  std::string holder;
  std::string started_at;
  std::string finished_at;
  StoreJson prior;    // the stack before the operation: {"stack": ..., "resources": [...]}
  StoreJson desired;  // what the operation deploys: {"template", "parameters", ...}
};

struct JournalEntry {
  int64_t operation = 0;
  int64_t seq = 0;
  std::string logical_id;
  std::string action;  // create, update, replace, delete, ...
  std::string phase;   // intent, done, failed
  std::string token;
  std::string physical_id;
  StoreJson data;
};

struct CloudResource {
  std::string type;
  std::string physical_id;
  std::string token;
  std::string last_token;
  StoreJson properties;
  StoreJson attributes;
  bool retained = false;
};

struct LockInfo {
  std::string stack;
  std::string holder;
  int64_t pid = 0;
  std::string host;
  std::string acquired_at;
};

class StateStore;

// Holds a stack's lock; released on destruction.
class StoreLock {
 public:
  StoreLock() = default;
  StoreLock(StateStore* store, std::string stack) : store_(store), stack_(std::move(stack)) {}
  StoreLock(StoreLock&& other) noexcept;
  StoreLock& operator=(StoreLock&& other) noexcept;
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;
  ~StoreLock();
  void Release();

 private:
  StateStore* store_ = nullptr;
  std::string stack_;
};

class StateStore {
 public:
  // Opens (creating it and its directory if needed) the database at `path`, in WAL mode,
  // migrating its schema to kSchemaVersion.
  static ErrorOr<std::unique_ptr<StateStore>> Open(const std::string& path);
  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }

  // The default location: $CFNX_STATE, else .cfnx/state.db under the working directory.
  static std::string DefaultPath();

  // Takes the lock of `stack` for `holder` ("cfnx deploy (pid 12, alice@host)"), waiting up to
  // `timeout_seconds`. A lock whose holder process is gone (same host) is taken over. The Error
  // names the current holder.
  ErrorOr<StoreLock> AcquireLock(const std::string& stack, const std::string& holder,
                                 double timeout_seconds);
  std::optional<LockInfo> GetLock(const std::string& stack);

  // A write transaction. Methods throw nothing; a failed statement makes `Write` return the
  // Error and roll the transaction back.
  class Tx {
   public:
    void PutStack(const StoredStack& stack);
    void DeleteStack(const std::string& name);
    void AddTemplateHistory(const std::string& stack, int64_t generation,
                            const StoreJson& template_json, const StoreJson& parameters);
    void PutResource(const std::string& stack, const StoredResource& resource);
    void DeleteResource(const std::string& stack, const std::string& logical_id,
                        const std::string& physical_id);
    void DeleteAllResources(const std::string& stack);
    void AddEvent(const StoredEvent& event);
    int64_t AddOperation(const Operation& op);
    void SetOperationPhase(int64_t id, const std::string& phase);
    void FinishOperation(int64_t id);
    void AddJournal(const JournalEntry& entry);
    void SetJournalPhase(int64_t op, int64_t seq, const std::string& phase,
                         const std::string& physical_id, const StoreJson& data);
    void SetExports(const std::string& stack,
                    const std::vector<std::pair<std::string, std::string>>& exports);
    void SetImports(const std::string& stack, const std::vector<std::string>& export_names);
    // The simulated cloud.
    void PutCloud(const CloudResource& resource);
    void DeleteCloud(const std::string& type, const std::string& physical_id);
    // Termination protection and stack policy; DeleteStack drops them with the stack.
    void PutStackSettings(const std::string& stack, const StackSettings& settings);
    void AddSignal(const StoredSignal& signal);

   private:
    friend class StateStore;
    explicit Tx(StateStore* store) : store_(store) {}
    void Exec(const std::string& sql, const std::vector<StoreJson>& args);
    StateStore* store_;
  };
  Status Write(const std::function<void(Tx&)>& body);

  // Reads.
  std::optional<StoredStack> GetStack(const std::string& name);
  // The stack's settings; the defaults (unprotected, no policy) when none were set.
  StackSettings GetStackSettings(const std::string& stack);
  // The signals sent to `target` in `stack` with an id above `after_id`, oldest first.
  std::vector<StoredSignal> GetSignals(const std::string& stack, const std::string& target,
                                       int64_t after_id = 0);
  std::vector<StoredStack> ListStacks();
  std::vector<StoredResource> GetResources(const std::string& stack);
  std::vector<StoredEvent> GetEvents(const std::string& stack, int64_t operation = 0);
  std::optional<Operation> GetActiveOperation(const std::string& stack);
  std::optional<Operation> GetOperation(int64_t id);
  std::vector<JournalEntry> GetJournal(int64_t operation);
  // name -> (stack, value)
  std::vector<std::array<std::string, 3>> GetExports();
  // stacks importing `export_name`
  std::vector<std::string> GetImporters(const std::string& export_name);
  std::optional<CloudResource> GetCloud(const std::string& type, const std::string& physical_id);
  std::optional<CloudResource> GetCloudByToken(const std::string& token);
  std::vector<CloudResource> ListCloud();
  int64_t TemplateHistoryCount(const std::string& stack);
  // Bytes of the database file (after a checkpoint), for state-growth reports.
  int64_t DatabaseBytes();

  // Formats now as ISO 8601 UTC with milliseconds.
  static std::string Now();

 private:
  friend class StoreLock;
  friend class Tx;
  StateStore() = default;
  Status Migrate();
  Status ExecSql(const std::string& sql);
  // PRAGMA journal_mode=WAL, retried while another connection holds the new database's lock.
  Status SwitchToWal();
  // Refuses a damaged database (PRAGMA quick_check) or another program's before anything
  // writes to it.
  Status CheckIntegrity();
  void ReleaseLock(const std::string& stack);

  struct Row;
  std::vector<std::vector<StoreJson>> Query(const std::string& sql,
                                            const std::vector<StoreJson>& args);

  // How long a statement waits for another connection's lock before "database is locked".
  static constexpr int kBusyTimeoutMs = 10000;

  std::string path_;
  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  std::recursive_mutex mutex_;
  // Set when a statement inside a Write fails.
  std::string tx_error_;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_LOCAL_STATE_STORE_H_
