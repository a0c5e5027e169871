// Placeholder until the demo command lands (replaced by its owner in this session).
#include <cstdio>

#include "app/commands.h"

namespace secmap::app {
int cmd_demo(const Args&) {
  std::fprintf(stderr, "secmap demo: not built yet\n");
  return 1;
}
}  // namespace secmap::app
