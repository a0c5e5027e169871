// A database file that appears under its name only once it holds what it was made for: built
// at a temporary name beside it, then moved into place. A failed import into a new path or an
// interrupted demo leaves no half-made or empty database behind.
#pragma once
#include <filesystem>
#include <functional>

#include "store/database.h"

namespace secmap::store {

// The database file and the files SQLite keeps beside it (-wal, -shm, -journal).
void remove_database_files(const std::filesystem::path& path);

enum class Placement {
  Created,    // the new database is at `path`
  Existed,    // another process created `path` meanwhile; nothing was moved there
  Discarded,  // `build` asked for nothing to be kept (a dry run)
};

// Creates a new database at a temporary name, runs `build` on it, closes it and moves it to
// `path` when `build` returns true. Without `replace`, an existing `path` is never overwritten
// (Placement::Existed; the caller decides what to do with the database that is there). Anything
// `build` throws removes the temporary files and is rethrown.
Placement create_database(const std::filesystem::path& path, bool replace,
                          const std::function<bool(Database&)>& build);

}  // namespace secmap::store
