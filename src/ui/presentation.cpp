#include "ui/presentation.h"

#include <GLFW/glfw3.h>

#include <cfloat>
#include <string>

#include "ui/slide_view_state.h"

namespace secmap::ui {
namespace {

constexpr ImU32 kHeaderBg = IM_COL32(16, 24, 40, 255);
constexpr ImU32 kPublicBg = IM_COL32(0, 110, 55, 255);
constexpr ImU32 kInternalBg = IM_COL32(175, 0, 0, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kSoftWhite = IM_COL32(215, 225, 240, 255);

ImVec2 measure(ImFont* f, float size, const std::string& s) {
  return f->CalcTextSizeA(size, FLT_MAX, 0, s.c_str(), s.c_str() + s.size());
}

// Text shortened with "…" to fit max_w.
std::string fit(ImFont* f, float size, std::string s, float max_w) {
  if (measure(f, size, s).x <= max_w) return s;
  while (!s.empty() && measure(f, size, s + "…").x > max_w) {
    s.pop_back();
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();
  }
  return s + "…";
}

}  // namespace

void handle_presentation_keys(SlideShow& show, AppState& st) {
  auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (pressed(GLFW_KEY_ESCAPE)) {
    show.stop_presentation(st);
  } else if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_PAGE_DOWN) || pressed(GLFW_KEY_DOWN) ||
             pressed(GLFW_KEY_SPACE)) {
    show.next(st);
  } else if (pressed(GLFW_KEY_LEFT) || pressed(GLFW_KEY_PAGE_UP) || pressed(GLFW_KEY_UP)) {
    show.prev(st);
  } else if (pressed(GLFW_KEY_HOME)) {
    show.go(st, 0);
  }
}

bool showing_public(const SlideShow& show) {
  const briefing::Slide* s = show.current_slide();
  return s && (s->is_public || s->view.public_safe);
}

PresentationLayout presentation_layout(float h) {
  PresentationLayout l;
  l.banner = h * 0.034f;
  // The same bands on every slide, so the map does not jump when a subtitle is missing.
  l.header = h * (PresentationFonts::kTitleShare * 1.25f + 0.02f +
                  PresentationFonts::kSubtitleShare * 1.25f);
  l.footer = h * 0.042f;
  return l;
}

void draw_presentation_chrome(ImDrawList& dl, const PresentationFonts& fonts, const AppState& st,
                              const SlideShow& show, ImVec2 display, float fb_scale) {
  const Lang L = st.lang();
  const float W = display.x, H = display.y;
  const PresentationLayout lay = presentation_layout(H);
  const float k = 1.f / (fb_scale > 0 ? fb_scale : 1.f);  // framebuffer pixels → display units
  const float title_sz = fonts.title_px() * k, sub_sz = fonts.subtitle_px() * k;
  const float body_sz = fonts.body_px() * k;
  const float pad = H * 0.015f;
  const briefing::Slide* slide = show.current_slide();

  // Classification banner: what may be shown to whom, before anything else.
  const bool pub = showing_public(show);
  dl.AddRectFilled({0, 0}, {W, lay.banner}, pub ? kPublicBg : kInternalBg);
  const std::string cls = tr(pub ? S::ClassPublic : S::ClassInternal, L);
  const ImVec2 cs = measure(fonts.body().bold, body_sz, cls);
  dl.AddText(fonts.body().bold, body_sz, {(W - cs.x) / 2, (lay.banner - cs.y) / 2}, kWhite,
             cls.c_str());

  // Title and subtitle.
  dl.AddRectFilled({0, lay.banner}, {W, lay.top()}, kHeaderBg);
  float y = lay.banner + H * 0.01f;
  const std::string title =
      slide ? slide->title : std::string(tr(S::AppTitle, L));  // no slides: the current view
  dl.AddText(fonts.title().bold, title_sz, {pad * 2, y}, kWhite,
             fit(fonts.title().bold, title_sz, title, W - pad * 4).c_str());
  y += title_sz * 1.25f;
  if (slide && !slide->subtitle.empty())
    dl.AddText(fonts.title().regular, sub_sz, {pad * 2, y}, kSoftWhite,
               fit(fonts.title().regular, sub_sz, slide->subtitle, W - pad * 4).c_str());

  // Footer: date range (left), data source (centre), slide number (right).
  const float fy0 = H - lay.footer;
  dl.AddRectFilled({0, fy0}, {W, H}, kHeaderBg);
  const float ty = fy0 + (lay.footer - body_sz) / 2;
  std::string period = std::string(tr(S::Period, L)) + ": " + window_label(st.options().days, L);
  if (show.split())
    period = std::string(tr(S::Period, L)) + ": " + show.compare_label(st) + "  |  " +
             show.main_label(st);
  std::string source =
      std::string(tr(S::DataSource, L)) + ": " + st.database_path().filename().string();
  if (st.has_data() && st.data()->is_demo) source += " (" + std::string(tr(S::DemoData, L)) + ")";
  std::string number;
  if (slide)
    number = std::string(tr(S::SlideNumber, L)) + " " + std::to_string(show.current() + 1) + "/" +
             std::to_string(show.slides().size());
  const ImVec2 ns = measure(fonts.body().bold, body_sz, number);
  const float third = (W - pad * 4) / 3;
  dl.AddText(fonts.body().regular, body_sz, {pad * 2, ty}, kWhite,
             fit(fonts.body().regular, body_sz, period, third - pad).c_str());
  const std::string src = fit(fonts.body().regular, body_sz, source, third - pad);
  const ImVec2 ss = measure(fonts.body().regular, body_sz, src);
  dl.AddText(fonts.body().regular, body_sz, {(W - ss.x) / 2, ty}, kSoftWhite, src.c_str());
  dl.AddText(fonts.body().bold, body_sz, {W - pad * 2 - ns.x, ty}, kWhite, number.c_str());
}

}  // namespace secmap::ui
