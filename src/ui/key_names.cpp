#include "ui/key_names.h"

#include <GLFW/glfw3.h>

#include <utility>

namespace secmap::ui {

std::optional<int> key_code(std::string_view name) {
  static constexpr std::pair<std::string_view, int> kKeys[] = {{"Right", GLFW_KEY_RIGHT},
                                                               {"Left", GLFW_KEY_LEFT},
                                                               {"Up", GLFW_KEY_UP},
                                                               {"Down", GLFW_KEY_DOWN},
                                                               {"PageDown", GLFW_KEY_PAGE_DOWN},
                                                               {"PageUp", GLFW_KEY_PAGE_UP},
                                                               {"Escape", GLFW_KEY_ESCAPE},
                                                               {"F5", GLFW_KEY_F5},
                                                               {"Home", GLFW_KEY_HOME},
                                                               {"Space", GLFW_KEY_SPACE},
                                                               {"Enter", GLFW_KEY_ENTER}};
  for (const auto& [n, code] : kKeys)
    if (n == name) return code;
  return std::nullopt;
}

}  // namespace secmap::ui
