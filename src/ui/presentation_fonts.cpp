#include "ui/presentation_fonts.h"

#include <backends/imgui_impl_opengl3.h>
#include <algorithm>
#include <cmath>

namespace secmap::ui {
namespace {

int index_of(const ImVector<ImFont*>& fonts, const ImFont* f) {
  for (int i = 0; i < fonts.Size; ++i)
    if (fonts[i] == f) return i;
  return -1;
}

}  // namespace

bool PresentationFonts::present_in_atlas() const {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  for (ImFont* f : faces_)
    if (!f || index_of(atlas.Fonts, f) < 0) return false;
  return true;
}

void PresentationFonts::remove_from_atlas() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (!present_in_atlas()) return;  // the window cleared the atlas: they are gone already
  // ImFontAtlas cannot drop one font; take ours out of its lists as Clear() would.
  for (int i = atlas.ConfigData.Size - 1; i >= 0; --i) {
    ImFontConfig& c = atlas.ConfigData[i];
    if (std::find(faces_.begin(), faces_.end(), c.DstFont) == faces_.end()) continue;
    if (c.FontDataOwnedByAtlas) IM_FREE(c.FontData);
    atlas.ConfigData.erase(atlas.ConfigData.begin() + i);
  }
  for (ImFont* f : faces_) {
    atlas.Fonts.erase(atlas.Fonts.begin() + index_of(atlas.Fonts, f));
    IM_DELETE(f);
  }
  faces_ = {};
  atlas.ClearTexData();
}

bool PresentationFonts::update(int fb_height) {
  fb_height = std::max(fb_height, 1);
  const bool same_size = std::abs(fb_height - fb_height_) <= fb_height_ / 50;
  if (ready_ && same_size && present_in_atlas()) return true;
  remove_from_atlas();
  fb_height_ = fb_height;
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  try {
    title_ = render::add_map_fonts(atlas, std::min(kMaxFacePx, std::round(title_px())));
    body_ = render::add_map_fonts(atlas, std::min(kMaxFacePx, std::round(body_px())));
  } catch (const render::FontError&) {
    ImFont* f = atlas.Fonts.empty() ? nullptr : atlas.Fonts[0];
    title_ = body_ = {f, f, 16};
    ready_ = false;
    return false;
  }
  faces_ = {title_.regular, title_.bold, body_.regular, body_.bold};
  ImGui_ImplOpenGL3_DestroyFontsTexture();  // the backend rebuilds the atlas into a new texture
  ImGui_ImplOpenGL3_CreateFontsTexture();
  ready_ = true;
  return true;
}

}  // namespace secmap::ui
