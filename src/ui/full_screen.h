// Presentation full screen: the window moved onto a chosen monitor at its video mode, and put
// back where it was afterwards (glfwSetWindowMonitor).
#pragma once
#include <string>
#include <vector>

struct GLFWwindow;

namespace secmap::ui {

// "1: DELL U2720Q 3840×2160" for each connected monitor, primary first.
std::vector<std::string> monitor_names();

class FullScreen {
 public:
  // Makes the window full screen on monitor index `monitor` (clamped) or windowed again.
  void apply(GLFWwindow* window, bool on, int monitor);
  bool on() const { return on_; }
  int monitor() const { return monitor_; }

 private:
  bool on_ = false;
  int monitor_ = -1;
  int x_ = 0, y_ = 0, w_ = 0, h_ = 0;  // the window before it went full screen
};

}  // namespace secmap::ui
