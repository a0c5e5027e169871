#include "ui/full_screen.h"

#include <GLFW/glfw3.h>

#include <algorithm>

namespace secmap::ui {

std::vector<std::string> monitor_names() {
  int n = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&n);
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
    const char* name = glfwGetMonitorName(monitors[i]);
    std::string s = std::to_string(i + 1) + ": " + (name ? name : "?");
    if (mode) s += " " + std::to_string(mode->width) + "×" + std::to_string(mode->height);
    names.push_back(s);
  }
  return names;
}

void FullScreen::apply(GLFWwindow* window, bool on, int monitor) {
  int n = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&n);
  monitor = n > 0 ? std::clamp(monitor, 0, n - 1) : -1;
  if (on == on_ && (!on || monitor == monitor_)) return;
  if (on) {
    if (monitor < 0) return;  // no monitor to fill: present in the window as it is
    if (!on_) {
      glfwGetWindowPos(window, &x_, &y_);
      glfwGetWindowSize(window, &w_, &h_);
    }
    const GLFWvidmode* mode = glfwGetVideoMode(monitors[monitor]);
    if (!mode) return;
    glfwSetWindowMonitor(window, monitors[monitor], 0, 0, mode->width, mode->height,
                         mode->refreshRate);
    monitor_ = monitor;
  } else {
    glfwSetWindowMonitor(window, nullptr, x_, y_, std::max(w_, 320), std::max(h_, 240), 0);
    monitor_ = -1;
  }
  on_ = on;
}

}  // namespace secmap::ui
