#include "render/imgui_offscreen.h"

#include <GL/glcorearb.h>

#include <backends/imgui_impl_opengl3.h>

namespace secmap::render {

ImGuiOffscreen::ImGuiOffscreen(int width, int height, float font_px) {
  previous_ = ImGui::GetCurrentContext();
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini written by a command-line render
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DeltaTime = 1.f / 60.f;
  try {
    fonts_ = add_map_fonts(*io.Fonts, font_px);
  } catch (...) {
    ImGui::DestroyContext(context_);
    ImGui::SetCurrentContext(previous_);
    throw;
  }
  io.FontDefault = fonts_.regular;
  backend_ = ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiOffscreen::~ImGuiOffscreen() {
  ImGui::SetCurrentContext(context_);
  if (backend_) ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext(context_);
  ImGui::SetCurrentContext(previous_);
}

ImDrawList& ImGuiOffscreen::begin() {
  ImGui::SetCurrentContext(context_);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  return *ImGui::GetForegroundDrawList();
}

void ImGuiOffscreen::render() {
  ImGui::SetCurrentContext(context_);
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace secmap::render
