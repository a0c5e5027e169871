// secmap info DB: what a database holds, for people and scripts.
#include <cstdio>

#include "app/commands.h"
#include "store/database.h"

namespace secmap::app {

int cmd_info(const Args& args) {
  if (args.size() != 1 || args[0] == "--help") {
    std::fprintf(stderr, "Usage: secmap info DB\n");
    return args.size() == 1 ? 0 : 2;
  }
  auto db = store::Database::open(args[0]);
  std::printf("database: %s\nschema version: %d\n", args[0].c_str(), db.schema_version());
  if (auto demo = db.meta("demo")) std::printf("demo data: %s\n", demo->c_str());
  for (const auto& t : db.user_tables())
    std::printf("  %-22s %lld\n", t.c_str(), static_cast<long long>(db.count_rows(t)));
  return 0;
}

}  // namespace secmap::app
