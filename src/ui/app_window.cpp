#include "ui/app_window.h"

#include <GL/glcorearb.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "geo/crs.h"
#include "render/style.h"
#include "ui/app_state.h"
#include "ui/map_input.h"
#include "ui/map_view.h"
#include "ui/panels.h"
#include "ui/screenshot.h"
#include "ui/script.h"
#include "ui/settings.h"
#include "ui/state_dump.h"
#include "ui/ui_fonts.h"

namespace secmap::ui {
namespace {

using Clock = std::chrono::steady_clock;

std::string& glfw_error() {
  static std::string e;
  return e;
}
void on_glfw_error(int code, const char* text) {
  glfw_error() = std::string(text ? text : "?") + " (GLFW error " + std::to_string(code) + ")";
}

std::optional<std::filesystem::path> env_path(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::filesystem::path(v);
}

// GLFW, the GL context and ImGui, torn down in reverse order whatever happens.
struct WindowSystem {
  GLFWwindow* window = nullptr;
  bool imgui = false, glfw_backend = false, gl_backend = false;
  ~WindowSystem() {
    if (gl_backend) ImGui_ImplOpenGL3_Shutdown();
    if (glfw_backend) ImGui_ImplGlfw_Shutdown();
    if (imgui) ImGui::DestroyContext();
    if (window) glfwDestroyWindow(window);
    glfwTerminate();
  }
};

}  // namespace

int run_map_window(const WindowOptions& opt) {
  // A bad script is reported before any window opens.
  std::optional<Script> script;
  if (auto file = opt.script ? opt.script : env_path("SECMAP_UI_SCRIPT")) {
    try {
      script = Script::load(*file);
    } catch (const ScriptError& e) {
      std::fprintf(stderr, "secmap map: %s\n", e.what());
      return 2;
    }
  }
  std::unique_ptr<std::ofstream> frame_log;
  if (auto file = opt.frame_log ? opt.frame_log : env_path("SECMAP_UI_FRAME_LOG"))
    frame_log = std::make_unique<std::ofstream>(*file, std::ios::trunc);

  const char* no_window_help =
      "The map window needs a graphical display with OpenGL 3.3. On a server, write the map to "
      "a PNG with `secmap render DB --out map.png`, or run the window under `xvfb-run -a`.";
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
    std::fprintf(stderr, "secmap map: no display (DISPLAY is not set).\n%s\n", no_window_help);
    return 1;
  }
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    std::fprintf(stderr, "secmap map: cannot open the display: %s\n%s\n", glfw_error().c_str(),
                 no_window_help);
    return 1;
  }
  WindowSystem sys;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  sys.window = glfwCreateWindow(std::max(320, opt.width), std::max(240, opt.height), "secmap",
                                nullptr, nullptr);
  if (!sys.window) {
    std::fprintf(stderr, "secmap map: cannot create an OpenGL 3.3 core window: %s\n%s\n",
                 glfw_error().c_str(), no_window_help);
    return 1;
  }
  glfwMakeContextCurrent(sys.window);
  glfwSwapInterval(script ? 0 : 1);  // scripts and benchmarks run as fast as they can
  std::fprintf(stderr, "secmap map: GL_RENDERER %s\n",
               reinterpret_cast<const char*>(glGetString(GL_RENDERER)));

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  sys.imgui = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; what matters is in our settings file
  sys.glfw_backend = ImGui_ImplGlfw_InitForOpenGL(sys.window, true);
  sys.gl_backend = ImGui_ImplOpenGL3_Init("#version 330 core");

  // Settings, then the database (from the command line, else the last one), then the rest of
  // the settings (the view only if it belongs to that database).
  AppState state;
  Settings settings;
  std::optional<std::filesystem::path> settings_file;
  if (opt.restore) {
    if (auto dir = settings_dir()) settings_file = *dir / "settings.json";
    std::string warning;
    if (settings_file) settings = load_settings(*settings_file, &warning);
    if (!warning.empty()) std::fprintf(stderr, "secmap map: %s\n", warning.c_str());
    state.set_lang(parse_lang(settings.lang));
  }
  std::optional<std::filesystem::path> db = opt.database;
  if (!db && opt.restore && !settings.database.empty()) db = settings.database;
  if (db && !state.open_database(*db))
    std::fprintf(stderr, "secmap map: %s: %s\n", state.error()->title.c_str(),
                 state.error()->detail.c_str());
  if (opt.restore) state.apply_settings(settings);

  UiFonts fonts;
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(sys.window, &xscale, &yscale);
  fonts.build(xscale, state.large_text);
  if (!fonts.error().empty()) {
    std::fprintf(stderr, "secmap map: %s\n", fonts.error().c_str());
    state.set_error({"Fonts / Phông chữ", fonts.error(),
                     "sudo apt-get install fonts-noto-core fonts-dejavu-core"});
  }

  auto map_view = std::make_unique<MapView>();
  if (script) map_view->set_settle_delay(0);  // scripted screenshots must not depend on timing
  PanelContext ctx{state};
  MapInput input;
  FrameStats stats;
  bool map_failed = false;
  std::optional<Lang> title_lang;
  int busy_frames = 3;  // frames to draw after an event before waiting for the next one
  uint64_t frame = 0;
  auto last_frame = Clock::now();
  while (!glfwWindowShouldClose(sys.window) && !ctx.quit) {
    // Idle: sleep until an event (or half a second); the map itself is cached.
    if (script && !script->done()) {
      glfwPollEvents();
    } else if (busy_frames > 0) {
      glfwPollEvents();
      --busy_frames;
    } else {
      glfwWaitEventsTimeout(0.5);
      busy_frames = 3;
    }
    const auto frame_start = Clock::now();
    stats.frame_ms = std::chrono::duration<double, std::milli>(frame_start - last_frame).count();
    last_frame = frame_start;

    glfwGetWindowContentScale(sys.window, &xscale, &yscale);
    fonts.update(xscale, state.large_text);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    // Layout: menu bar on top, the sidebar on the left, the status bar at the bottom, the map in
    // the rest. The View's pixels are framebuffer pixels.
    int fbw = 1, fbh = 1;
    glfwGetFramebufferSize(sys.window, &fbw, &fbh);
    const float ui = fonts.ui_scale();
    const float menu_h = ImGui::GetFrameHeight();
    const float status_h = status_bar_height();
    const float side_w = ctx.show_sidebar ? std::min(360.f * ui, io.DisplaySize.x * 0.45f) : 0.f;
    MapArea area;
    area.min = {side_w, menu_h};
    area.max = {io.DisplaySize.x, std::max(menu_h + 1, io.DisplaySize.y - status_h)};
    area.fb_scale = io.DisplaySize.x > 0 ? fbw / io.DisplaySize.x : 1.f;
    state.set_viewport(static_cast<int>((area.max.x - area.min.x) * area.fb_scale),
                       static_cast<int>((area.max.y - area.min.y) * area.fb_scale));

    ScriptStep step;
    if (script) step = script->step(state);
    bool moving = input.handle(state, area) || step.moves_map;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) ctx.quit = true;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) ctx.open_dialog = true;
    if (ImGui::IsKeyPressed(GLFW_KEY_F9, false)) ctx.show_sidebar = !ctx.show_sidebar;
    if (io.MouseWheel != 0 || ImGui::IsMouseDragging(ImGuiMouseButton_Left)) busy_frames = 3;

    stats.cursor_in_map = state.has_data() && area.contains(io.MousePos);
    if (stats.cursor_in_map) {
      const geo::Point p = area.to_map_pixel(io.MousePos);
      stats.cursor_lonlat = geo::mercator_to_lonlat(state.view().to_mercator(p));
    }
    draw_main_menu(ctx);
    if (ctx.show_sidebar) draw_sidebar(ctx, {0, menu_h}, {side_w, area.max.y - menu_h});
    draw_status_bar(ctx, {0, area.max.y}, io.DisplaySize.x, stats);
    draw_messages(ctx, area.min, area.max);

    if (title_lang != state.lang()) {
      title_lang = state.lang();
      glfwSetWindowTitle(sys.window,
                         (std::string("secmap — ") + tr(S::AppTitle, *title_lang)).c_str());
    }
    bool rendered = false;
    if (!map_failed) {
      try {
        if ((rendered = map_view->update(state, moving))) {
          stats.map_ms = map_view->last_render_ms();
          busy_frames = 3;  // settle to the multisampled image afterwards
        }
      } catch (const std::exception& e) {
        map_failed = true;  // a broken GL driver: say so once instead of every frame
        state.set_error({"OpenGL", e.what(),
                         "Update the graphics driver or Mesa (libgl1-mesa-dri); the PNG export "
                         "`secmap render` may still work."});
      }
    }
    stats.map_renders = map_view->renders();
    map_view->draw_overlay(*ImGui::GetBackgroundDrawList(), fonts.fonts(), state, area.min, ui);
    ImGui::Render();

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fbw, fbh);
    const render::Rgba bg = render::kBackground;
    glClearColor(bg.r / 255.f, bg.g / 255.f, bg.b / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    // GL's origin is the bottom-left corner.
    map_view->draw(state.view(), static_cast<int>(area.min.x * area.fb_scale),
                   fbh - static_cast<int>(area.max.y * area.fb_scale));
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    DumpExtras extras{stats.map_renders,
                      stats.frame_ms,
                      stats.map_ms,
                      static_cast<int>(area.min.x * area.fb_scale),
                      static_cast<int>(area.min.y * area.fb_scale),
                      ui};
    try {
      if (step.screenshot) save_screenshot(*step.screenshot, fbw, fbh);
      if (step.dump_state) write_state(*step.dump_state, state, extras);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "secmap map: %s\n", e.what());
    }
    glfwSwapBuffers(sys.window);
    if (frame_log) {  // frame index, frame time, map render time (0: cached), script command
      const double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - frame_start).count();
      *frame_log << frame << '\t' << ms << '\t' << (rendered ? stats.map_ms : 0.0) << '\t'
                 << step.command << '\n';
    }
    ++frame;
    if (step.quit) ctx.quit = true;
  }

  if (settings_file) {
    std::string error;
    Settings out = state.to_settings();
    if (!state.has_data()) {  // a failed open must not forget the last good database
      out.database = settings.database;
      out.centre_x = settings.centre_x, out.centre_y = settings.centre_y;
      out.m_per_px = settings.m_per_px;
    }
    if (!save_settings(*settings_file, out, &error))
      std::fprintf(stderr, "secmap map: settings not saved: %s\n", error.c_str());
  }
  map_view.reset();  // GL objects go while the context is current
  return script && script->failures() > 0 ? 3 : 0;
}

}  // namespace secmap::ui
