#include "store/new_database.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace secmap::store {

namespace fs = std::filesystem;

void remove_database_files(const fs::path& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(fs::path(path.string() + suffix), ec);
}

Placement create_database(const fs::path& path, bool replace,
                          const std::function<bool(Database&)>& build) {
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".building-" +
                                              std::to_string(::getpid()));
  remove_database_files(temp);
  bool keep = false;
  try {
    auto db = Database::open(temp, Database::Mode::CreateIfMissing);
    keep = build(db);
  } catch (...) {
    remove_database_files(temp);
    throw;
  }
  if (!keep) {
    remove_database_files(temp);
    return Placement::Discarded;
  }
  // Closed above, so the WAL is checkpointed into the one file that moves.
  if (replace) {
    remove_database_files(path);
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
      remove_database_files(temp);
      throw StoreError(path.string() + ": cannot put the new database in place: " + ec.message());
    }
    remove_database_files(temp);
    return Placement::Created;
  }
  // link() never replaces: if a database appeared at `path` meanwhile, it stays as it is. File
  // systems without hard links (FAT on a USB stick) get a rename after a check instead.
  std::error_code ec;
  int linked = ::link(temp.c_str(), path.c_str());
  int link_errno = errno;
  if (linked != 0 && (link_errno == EPERM || link_errno == EOPNOTSUPP)) {
    if (fs::exists(path, ec)) {
      link_errno = EEXIST;
    } else {
      fs::rename(temp, path, ec);
      linked = ec ? -1 : 0;
      link_errno = ec.value();
    }
  }
  remove_database_files(temp);
  if (linked == 0) return Placement::Created;
  if (link_errno == EEXIST) return Placement::Existed;
  throw StoreError(path.string() +
                   ": cannot put the new database in place: " + std::strerror(link_errno));
}

}  // namespace secmap::store
