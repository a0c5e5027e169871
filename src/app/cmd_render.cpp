// Placeholder until the render command lands (replaced by its owner in this session).
#include <cstdio>

#include "app/commands.h"

namespace secmap::app {
int cmd_render(const Args&) {
  std::fprintf(stderr, "secmap render: not built yet\n");
  return 1;
}
}  // namespace secmap::app
