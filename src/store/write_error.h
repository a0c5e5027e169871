// A write the storage refused (disk full, an I/O error, a file that changed under us): not a
// problem of one row but of the whole operation, which must stop and roll back at once. SQLite
// may already have rolled the transaction back itself; going on would then commit each later
// statement on its own.
#pragma once
#include "store/database.h"

namespace secmap::store {

class WriteError : public StoreError {
 public:
  using StoreError::StoreError;
};

// Whether a transaction is still open on the connection (false after SQLite rolled it back).
bool in_transaction(Database& db);

}  // namespace secmap::store
