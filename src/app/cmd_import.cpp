// Placeholder until the import command lands (replaced by its owner in this session).
#include <cstdio>

#include "app/commands.h"

namespace secmap::app {
int cmd_import(const Args&) {
  std::fprintf(stderr, "secmap import: not built yet\n");
  return 1;
}
}  // namespace secmap::app
