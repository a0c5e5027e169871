// Placeholder until the analyze command lands (replaced by its owner in this session).
#include <cstdio>

#include "app/commands.h"

namespace secmap::app {
int cmd_analyze(const Args&) {
  std::fprintf(stderr, "secmap analyze: not built yet\n");
  return 1;
}
}  // namespace secmap::app
