// Placeholder until the export command lands (replaced by its owner in this session).
#include <cstdio>

#include "app/commands.h"

namespace secmap::app {
int cmd_export(const Args&) {
  std::fprintf(stderr, "secmap export: not built yet\n");
  return 1;
}
}  // namespace secmap::app
