#include "ui/map_input.h"

#include <GLFW/glfw3.h>

#include <cmath>

#include "geo/crs.h"
#include "ui/edit_session.h"

namespace secmap::ui {

namespace {

constexpr float kGrabRadiusPx = 8;  // how near the selected incident a press grabs it

geo::Point lonlat_at(const AppState& st, const MapArea& area, ImVec2 mouse) {
  return geo::mercator_to_lonlat(st.view().to_mercator(area.to_map_pixel(mouse)));
}

ImVec2 window_pos(const AppState& st, const MapArea& area, geo::Point lonlat) {
  const geo::Point px = st.view().to_pixel(geo::lonlat_to_mercator(lonlat));
  return {area.min.x + static_cast<float>(px.x) / area.fb_scale,
          area.min.y + static_cast<float>(px.y) / area.fb_scale};
}

// The selected incident's id and its map pixel, when one is selected.
std::optional<std::pair<int64_t, geo::Point>> selected_incident(AppState& st) {
  const FeatureRef sel = st.selected();
  if (!sel || sel.kind != FeatureKind::Incident || !st.data()) return std::nullopt;
  const auto i = static_cast<size_t>(sel.index);
  return std::pair{st.data()->incidents.id.at(i),
                   st.view().to_pixel(st.data()->incidents.at.at(i))};
}

}  // namespace

void MapInput::draw_edit_overlay(AppState& st, const MapArea& area) const {
  EditSession* ed = st.editing();
  if (!ed) return;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImU32 colour = IM_COL32(255, 140, 0, 255);
  if (ed->drawing_route()) {
    std::vector<ImVec2> pts;
    for (const geo::Point& p : ed->route_vertices()) pts.push_back(window_pos(st, area, p));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (!pts.empty() && area.contains(mouse)) pts.push_back(mouse);  // the next leg
    if (pts.size() >= 2) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, 0, 3);
    for (size_t i = 0; i < ed->route_vertices().size(); ++i) dl->AddCircleFilled(pts[i], 4, colour);
  }
  if (moving_incident_ && drag_distance_ >= 4)
    dl->AddCircle(ImGui::GetIO().MousePos, kGrabRadiusPx, colour, 0, 3);
}

bool MapInput::handle(AppState& st, const MapArea& area) {
  if (!st.has_data()) return false;
  ImGuiIO& io = ImGui::GetIO();
  bool moving = false;
  const bool over_map = area.contains(io.MousePos) && !io.WantCaptureMouse;
  EditSession* ed = st.editing();
  const bool drawing = ed && ed->drawing_route();

  if (drawing && over_map && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    ed->finish_route();  // the first click of the pair already added the last vertex
    skip_release_ = true;
  }
  if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragging_ = true;
    drag_distance_ = 0;
    // A press on the selected incident grabs it: the drag moves it instead of the map.
    moving_incident_ = false;
    if (auto inc = ed && !drawing ? selected_incident(st) : std::nullopt) {
      const geo::Point p = area.to_map_pixel(io.MousePos);
      if (std::hypot(p.x - inc->second.x, p.y - inc->second.y) <= kGrabRadiusPx * area.fb_scale) {
        moving_incident_ = true;
        moving_id_ = inc->first;
      }
    }
  }
  if (dragging_ && moving_incident_) {
    const ImVec2 d = io.MouseDelta;
    drag_distance_ += std::abs(d.x) + std::abs(d.y);
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      dragging_ = moving_incident_ = false;
      if (drag_distance_ >= 4 && area.contains(io.MousePos))
        ed->move_record(st, "incidents", moving_id_, lonlat_at(st, area, io.MousePos));
    }
    draw_edit_overlay(st, area);
    return false;
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
      // A press and release that hardly moved is a click: identify what is under it, or the
      // next vertex of the route being drawn.
      if (skip_release_) {
        skip_release_ = false;
      } else if (drag_distance_ < 4 && area.contains(io.MousePos)) {
        const geo::Point p = area.to_map_pixel(io.MousePos);
        if (drawing)
          ed->add_route_vertex(lonlat_at(st, area, io.MousePos));
        else
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
    if (drawing && (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) ||
                    ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)))
      ed->finish_route();
    if (drawing && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) ed->cancel_route();
  }
  draw_edit_overlay(st, area);
  return moving;
}

}  // namespace secmap::ui
