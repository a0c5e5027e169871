// A `secmap import` of 100,000 incidents killed with SIGKILL at several moments (while reading,
// while writing, around the commit) leaves a database that opens, passes PRAGMA
// integrity_check and the audit-chain verification, and holds all of the rows or none.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "edit/audit.h"
#include "io_test_util.h"

extern char** environ;

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kRows = 100000;

// 100,000 incidents inside the three seeded communes, with unique case numbers.
void write_incidents(const fs::path& file) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> lon(104.001, 104.299), lat(22.001, 22.099);
  std::uniform_int_distribution<int> day(1, 28), month(1, 12);
  const char* cats[] = {"NS-01", "SO-01", "DR-01", "TR-01"};
  std::string csv = "case_number,lon,lat,category,occurred_at,description\n";
  csv.reserve(kRows * 64);
  char line[160];
  for (int i = 0; i < kRows; ++i) {
    std::snprintf(line, sizeof line, "K-%06d,%.6f,%.6f,%s,2024-%02d-%02d,vụ số %d\n", i, lon(rng),
                  lat(rng), cats[i % 4], month(rng), day(rng), i);
    csv += line;
  }
  write_file(file, csv);
}

struct Killed {
  bool killed = false;   // false: the import ended by itself first
  double seconds = 0;    // when it was killed (or ended)
  std::string progress;  // what it printed on stderr
};

// Runs `secmap import DB incidents FILE`, and sends SIGKILL once `after` seconds have passed
// and stderr has shown `wait_for` (empty: no condition).
Killed run_and_kill(const fs::path& db, const fs::path& csv, double after,
                    const std::string& wait_for) {
  int err_pipe[2];
  EXPECT_EQ(pipe(err_pipe), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  const std::string bin = test::secmap_binary().string();
  std::vector<std::string> args = {bin, "import", db.string(), "incidents", csv.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const auto start = Clock::now();
  EXPECT_EQ(posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(err_pipe[1]);
  fcntl(err_pipe[0], F_SETFL, O_NONBLOCK);

  Killed k;
  bool open = true;
  while (true) {
    const double t = std::chrono::duration<double>(Clock::now() - start).count();
    if (t >= after && (wait_for.empty() || k.progress.find(wait_for) != std::string::npos)) {
      k.killed = kill(pid, SIGKILL) == 0;
      k.seconds = t;
      break;
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      k.seconds = t;
      close(err_pipe[0]);
      return k;  // finished before the kill point
    }
    if (t > 120) {
      ADD_FAILURE() << "the import ran for 2 minutes without reaching the kill point";
      kill(pid, SIGKILL);
      break;
    }
    pollfd p{err_pipe[0], POLLIN, 0};
    if (open && poll(&p, 1, 5) > 0) {
      char buf[512];
      const ssize_t n = read(err_pipe[0], buf, sizeof buf);
      if (n > 0) k.progress.append(buf, static_cast<size_t>(n));
      if (n == 0) open = false;
    } else if (!open) {
      usleep(5000);
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  // A process that had already exited cannot be killed: the report says which it was.
  k.killed = k.killed && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  close(err_pipe[0]);
  return k;
}

struct State {
  int64_t incidents = 0;
  int64_t audit_import_rows = 0;
  int64_t indexed = 0;
};

// Opens the database after the kill and checks what must hold whatever the moment was.
State check_database(const fs::path& path) {
  State s;
  auto db = store::Database::open(path, store::Database::Mode::OpenExisting);
  EXPECT_EQ(db.query_text("PRAGMA integrity_check"), "ok");
  const edit::AuditVerify v = edit::verify_audit(db);
  EXPECT_TRUE(v.ok) << "audit chain broken at row " << v.first_bad_id.value_or(-1) << ": "
                    << v.reason;
  s.incidents = *db.query_int("SELECT count(*) FROM incidents");
  s.audit_import_rows = *db.query_int(
      "SELECT count(*) FROM audit_log WHERE action = 'import' AND table_name = 'incidents'");
  s.indexed = *db.query_int("SELECT count(*) FROM idx_incidents_geom");
  return s;
}

TEST(ImportKill, AllOrNothingWhereverTheProcessDies) {
  const fs::path dir = test::scratch_dir("import_kill");
  const fs::path csv = dir / "incidents_100k.csv";
  write_incidents(csv);
  const fs::path base = dir / "base.sqlite";
  { seeded_db(dir); }
  fs::rename(dir / "test.sqlite", base);

  struct Point {
    double after;
    const char* wait_for;
  };
  // Wall-clock points early on, then points read off the progress lines (reading is 0–50 %,
  // writing 50–100 %; "100%" is printed just before the spatial index and the commit).
  const Point points[] = {{0.3, ""},  {1.0, ""},   {2.0, ""},    {0, "50%"},
                          {0, "75%"}, {0, "100%"}, {3.0, "100%"}};
  int all = 0, none = 0;
  for (const Point& p : points) {
    const fs::path db = dir / "killed.sqlite";
    for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + ext);
    fs::copy_file(base, db);
    const Killed k = run_and_kill(db, csv, p.after, p.wait_for);
    const State s = check_database(db);
    std::printf("  kill at %.2f s (after %.1f s, '%s'): %s, %lld incidents, %lld audit rows\n",
                k.seconds, p.after, p.wait_for, k.killed ? "killed" : "had finished",
                static_cast<long long>(s.incidents), static_cast<long long>(s.audit_import_rows));
    EXPECT_TRUE(s.incidents == 0 || s.incidents == kRows)
        << "partial import: " << s.incidents << " rows after a kill at " << k.seconds << " s";
    EXPECT_EQ(s.audit_import_rows, s.incidents) << "audit rows and incidents disagree";
    EXPECT_EQ(s.indexed, s.incidents) << "the spatial index disagrees with the table";
    (s.incidents ? all : none)++;
    if (!k.killed) {
      EXPECT_EQ(s.incidents, kRows) << "an import that ended by itself is complete";
    }
  }
  // The early kills must find nothing: the reading phase writes nothing.
  EXPECT_GE(none, 1);

  // Control: left alone, the same import completes with every row.
  const fs::path db = dir / "complete.sqlite";
  for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + ext);
  fs::copy_file(base, db);
  const Killed k = run_and_kill(db, csv, 1e9, "never printed");
  EXPECT_FALSE(k.killed);
  const State s = check_database(db);
  EXPECT_EQ(s.incidents, kRows);
  EXPECT_EQ(s.audit_import_rows, kRows);
  std::printf("  uninterrupted import of %d incidents: %.2f s\n", kRows, k.seconds);
}

}  // namespace
}  // namespace secmap::io
