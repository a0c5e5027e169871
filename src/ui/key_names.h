// Key names for test scripts (`key PageDown`): the keys presentation mode and the map listen to,
// as GLFW key codes (what ImGui 1.86's io.KeysDown is indexed by).
#pragma once
#include <optional>
#include <string_view>

namespace secmap::ui {

// "Right", "Left", "Up", "Down", "PageDown", "PageUp", "Escape", "F5", "Home", "Space",
// "Enter"; nullopt for any other name.
std::optional<int> key_code(std::string_view name);

}  // namespace secmap::ui
