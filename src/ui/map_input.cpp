#include "ui/map_input.h"

#include <GLFW/glfw3.h>

#include <cmath>

namespace secmap::ui {

bool MapInput::handle(AppState& st, const MapArea& area) {
  if (!st.has_data()) return false;
  ImGuiIO& io = ImGui::GetIO();
  bool moving = false;
  const bool over_map = area.contains(io.MousePos) && !io.WantCaptureMouse;

  if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragging_ = true;
    drag_distance_ = 0;
  }
  if (dragging_) {
    const ImVec2 d = io.MouseDelta;
    if (d.x != 0 || d.y != 0) {
      st.pan(d.x * area.fb_scale, d.y * area.fb_scale);
      drag_distance_ += std::abs(d.x) + std::abs(d.y);
      moving = true;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      dragging_ = false;
      // A press and release that hardly moved is a click: identify what is under it.
      if (drag_distance_ < 4 && area.contains(io.MousePos)) {
        const geo::Point p = area.to_map_pixel(io.MousePos);
        st.click(p.x, p.y);
      }
    } else {
      moving = true;
    }
  }
  if (over_map && io.MouseWheel != 0) {
    const geo::Point p = area.to_map_pixel(io.MousePos);
    st.zoom_about(p.x, p.y, std::pow(1.25, io.MouseWheel));
    last_wheel_ = ImGui::GetTime();
  }
  if (last_wheel_ >= 0 && ImGui::GetTime() - last_wheel_ < 0.15) moving = true;

  if (!io.WantCaptureKeyboard) {
    const render::View& v = st.view();
    const double step_x = v.width / 8.0, step_y = v.height / 8.0;
    // io.KeysDown is indexed by GLFW key codes in ImGui 1.86's GLFW backend.
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, true); };
    if (pressed(GLFW_KEY_LEFT)) st.pan(step_x, 0), moving = true;
    if (pressed(GLFW_KEY_RIGHT)) st.pan(-step_x, 0), moving = true;
    if (pressed(GLFW_KEY_UP)) st.pan(0, step_y), moving = true;
    if (pressed(GLFW_KEY_DOWN)) st.pan(0, -step_y), moving = true;
    if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD))
      st.zoom_about(v.width / 2.0, v.height / 2.0, 1.5), moving = true;
    if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT))
      st.zoom_about(v.width / 2.0, v.height / 2.0, 1 / 1.5), moving = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) st.fit_province();
    if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) st.fit_selection();
  }
  return moving;
}

}  // namespace secmap::ui
