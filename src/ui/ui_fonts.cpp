#include "ui/ui_fonts.h"

#include <imgui.h>

#include <backends/imgui_impl_opengl3.h>
#include <algorithm>
#include <cmath>

namespace secmap::ui {
namespace {
constexpr float kBasePx = 16, kLargeFactor = 1.375f;
}

void UiFonts::build(float content_scale, bool large_text) {
  content_scale = std::clamp(content_scale, 0.5f, 4.f);
  ImGuiIO& io = ImGui::GetIO();
  const float px = std::round(kBasePx * content_scale * (large_text ? kLargeFactor : 1.f));
  io.Fonts->Clear();
  try {
    fonts_ = render::add_map_fonts(*io.Fonts, px);
    error_.clear();
  } catch (const render::FontError& e) {
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = px;
    ImFont* f = io.Fonts->AddFontDefault(&cfg);
    fonts_ = {f, f, px};
    error_ = e.what();
  }
  io.FontDefault = fonts_.regular;
  if (built_) {  // the backend made the texture on its first frame; replace it now
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  scale_ = px / kBasePx;
  // Widgets grow with the text: scale a fresh copy of the default style.
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 3;
  style.FrameRounding = 2;
  style.ScaleAllSizes(scale_);
  ImGui::GetStyle() = style;
  content_scale_ = content_scale;
  large_ = large_text;
  built_ = true;
}

void UiFonts::update(float content_scale, bool large_text) {
  if (!built_ || std::abs(std::clamp(content_scale, 0.5f, 4.f) - content_scale_) > 0.01f ||
      large_text != large_)
    build(content_scale, large_text);
}

}  // namespace secmap::ui
