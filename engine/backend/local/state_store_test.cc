// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/state_store.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include <sqlite3.h>
#include <sys/stat.h>

namespace cfnx {
namespace {

class StateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cfnx_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    path_ = (dir_ / "sub" / "state.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(StateStoreTest, CreatesDirectoryAndSchemaInWalMode) {
  auto store = StateStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), kSchemaVersion);
  EXPECT_TRUE(std::filesystem::exists(path_));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

// Several processes opening one new database at once (a deploy creating the state while
// `describe` polls it): switching it to WAL upgrades a read lock to a write lock, on which SQLite
// runs no busy handler, so without a retry some opens failed with "database is locked".
TEST_F(StateStoreTest, ConcurrentFirstOpensOfOneNewDatabaseAllSucceed) {
  constexpr int kRounds = 60;
  constexpr int kOpeners = 4;
  for (int round = 0; round < kRounds; ++round) {
    std::string path = (dir_ / ("round" + std::to_string(round)) / "state.db").string();
    std::vector<std::string> errors(kOpeners);
    std::vector<std::thread> threads;
    for (int i = 0; i < kOpeners; ++i) {
      threads.emplace_back([&path, &errors, i] {
        auto store = StateStore::Open(path);
        if (!store.ok())
          errors[i] = store.error().message;
        else if ((*store)->schema_version() != kSchemaVersion)
          errors[i] = "schema version " + std::to_string((*store)->schema_version());
      });
    }
    for (std::thread& t : threads)
      t.join();
    for (const std::string& error : errors)
      ASSERT_EQ(error, "") << "round " << round;
  }
}

TEST_F(StateStoreTest, MigratesAVersionOneDatabase) {
  std::filesystem::create_directories(dir_ / "sub");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, StateStoreMigrations()[0].c_str(), nullptr, nullptr, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO cloud(type, physical_id, token, last_token) "
                         "VALUES('AWS::SQS::Queue', 'q1', 't1', 't1')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = StateStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), kSchemaVersion);
  std::optional<CloudResource> row = (*store)->GetCloud("AWS::SQS::Queue", "q1");
  ASSERT_TRUE(row.has_value());
  EXPECT_FALSE(row->retained);  // the column version 2 added, with its default
}

TEST_F(StateStoreTest, RefusesANewerSchema) {
  { ASSERT_TRUE(StateStore::Open(path_).ok()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  auto store = StateStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("schema version 99"), std::string::npos);
}

TEST_F(StateStoreTest, CreatesTheDatabaseAndItsDirectoryOwnerOnly) {
  mode_t old = ::umask(022);
  { ASSERT_TRUE(StateStore::Open(path_).ok()); }
  ::umask(old);
  namespace fs = std::filesystem;
  EXPECT_EQ(fs::status(path_).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(dir_ / "sub").permissions() & fs::perms::all, fs::perms::owner_all);
  for (const char* suffix : {"-wal", "-shm"}) {
    if (fs::exists(path_ + suffix)) {
      EXPECT_EQ(
          fs::status(path_ + suffix).permissions() & (fs::perms::group_all | fs::perms::others_all),
          fs::perms::none)
          << suffix;
    }
  }
}

TEST_F(StateStoreTest, LeavesTheModeOfAnExistingDatabaseAlone) {
  { ASSERT_TRUE(StateStore::Open(path_).ok()); }
  namespace fs = std::filesystem;
  fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  { ASSERT_TRUE(StateStore::Open(path_).ok()); }
  EXPECT_EQ(fs::status(path_).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(StateStoreTest, RefusesAndKeepsAFileThatIsNotADatabase) {
  std::filesystem::create_directories(dir_ / "sub");
  std::string garbage = "this is not sqlite\n" + std::string(5000, 'x');
  std::ofstream(path_, std::ios::binary) << garbage;
  auto store = StateStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find(path_), std::string::npos) << store.error().message;
  EXPECT_EQ(ReadAll(path_), garbage);
}

TEST_F(StateStoreTest, RefusesAndKeepsATruncatedDatabase) {
  {
    auto store = StateStore::Open(path_);
    ASSERT_TRUE(store.ok());
  }
  std::string whole = ReadAll(path_);
  ASSERT_GT(whole.size(), 4096u);
  std::string cut = whole.substr(0, 4096 + 100);
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << cut;
  std::filesystem::remove(path_ + "-wal");
  std::filesystem::remove(path_ + "-shm");
  auto store = StateStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("damaged"), std::string::npos) << store.error().message;
  EXPECT_EQ(ReadAll(path_), cut);
}

TEST_F(StateStoreTest, RefusesAForeignDatabaseWithoutTouchingIt) {
  std::filesystem::create_directories(dir_ / "sub");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  std::string before = ReadAll(path_);
  auto store = StateStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("not a cfnx state database"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(ReadAll(path_), before);
}

TEST_F(StateStoreTest, UnwritableLocationIsAnError) {
  auto store = StateStore::Open("/proc/cfnx-no/state.db");
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("state"), std::string::npos);
}

TEST_F(StateStoreTest, StackRoundTripAndEvents) {
  auto store = StateStore::Open(path_);
  ASSERT_TRUE(store.ok());
  StoredStack s;
  s.name = "app";
  s.stack_id = "id";
  s.status = "CREATE_COMPLETE";
  s.template_json = {{"Resources", {{"A", {{"Type", "AWS::SNS::Topic"}}}}}};
  s.parameters = {{"Env", "dev"}};
  s.outputs = StoreJson::array();
  ASSERT_TRUE((*store)
                  ->Write([&](StateStore::Tx& tx) {
                    tx.PutStack(s);
                    tx.AddEvent(StoredEvent{0, "app", 1, "", "A", "p", "AWS::SNS::Topic",
                                            "CREATE_COMPLETE", ""});
                  })
                  .ok());
  std::optional<StoredStack> back = (*store)->GetStack("app");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->template_json, s.template_json);
  EXPECT_EQ(back->parameters, s.parameters);
  ASSERT_EQ((*store)->GetEvents("app").size(), 1u);
  EXPECT_FALSE((*store)->GetEvents("app")[0].timestamp.empty());
}

TEST_F(StateStoreTest, FailedStatementRollsTheTransactionBack) {
  auto store = StateStore::Open(path_);
  ASSERT_TRUE(store.ok());
  CloudResource c{"T", "p", "tok", "tok", StoreJson::object(), StoreJson::object(), false};
  Status status = (*store)->Write([&](StateStore::Tx& tx) {
    tx.PutCloud(c);
    tx.AddJournal(JournalEntry{1, 1, "A", "create", "intent", "tok", "", nullptr});
    tx.AddJournal(JournalEntry{1, 1, "A", "create", "intent", "tok", "", nullptr});  // dup key
  });
  EXPECT_FALSE(status.ok());
  EXPECT_FALSE((*store)->GetCloud("T", "p").has_value());
  EXPECT_TRUE((*store)->GetJournal(1).empty());
}

TEST_F(StateStoreTest, SecondLockTimesOutNamingTheHolder) {
  auto first = StateStore::Open(path_);
  auto second = StateStore::Open(path_);
  ASSERT_TRUE(first.ok() && second.ok());
  ErrorOr<StoreLock> held = (*first)->AcquireLock("app", "cfnx deploy (alice)", 1);
  ASSERT_TRUE(held.ok());
  ErrorOr<StoreLock> other = (*second)->AcquireLock("app", "cfnx destroy (bob)", 0.2);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("cfnx deploy (alice)"), std::string::npos)
      << other.error().message;
  // Another stack is independent; reads do not block.
  EXPECT_TRUE((*second)->AcquireLock("web", "x", 0).ok());
  EXPECT_TRUE((*second)->GetLock("app").has_value());
  held->Release();
  EXPECT_TRUE((*second)->AcquireLock("app", "cfnx destroy (bob)", 0.2).ok());
}

TEST_F(StateStoreTest, LockOfADeadProcessIsTakenOver) {
  auto store = StateStore::Open(path_);
  ASSERT_TRUE(store.ok());
  // A pid that cannot be alive: larger than pid_max.
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string sql = std::string("INSERT INTO locks VALUES('app', 'cfnx deploy (killed)', ") +
                    "99999999, '" + host + "', 'then')";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  ErrorOr<StoreLock> lock = (*store)->AcquireLock("app", "cfnx rollback", 0);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  EXPECT_EQ((*store)->GetLock("app")->holder, "cfnx rollback");
}

}  // namespace
}  // namespace cfnx
