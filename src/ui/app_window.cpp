#include "ui/app_window.h"

#include <GL/glcorearb.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "geo/crs.h"
#include "render/style.h"
#include "ui/app_state.h"
#include "ui/drawn_text.h"
#include "ui/edit_session.h"
#include "ui/form_draft.h"
#include "ui/full_screen.h"
#include "ui/import_session.h"
#include "ui/map_input.h"
#include "ui/map_view.h"
#include "ui/panels.h"
#include "ui/presentation.h"
#include "ui/presentation_fonts.h"
#include "ui/screenshot.h"
#include "ui/script.h"
#include "ui/settings.h"
#include "ui/slide_show.h"
#include "ui/split_view.h"
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
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  // GL 4.3 first: its compute shaders run the density (KDE) layer on a GPU
  // (render/density_layer.h); 3.3 core is all the rest needs.
  for (int minor_43 : {1, 0}) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, minor_43 ? 4 : 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    sys.window = glfwCreateWindow(std::max(320, opt.width), std::max(240, opt.height), "secmap",
                                  nullptr, nullptr);
    if (sys.window) break;
  }
  if (!sys.window) {
    std::fprintf(stderr, "secmap map: cannot create an OpenGL 3.3 core window: %s\n%s\n",
                 glfw_error().c_str(), no_window_help);
    return 1;
  }
  glfwMakeContextCurrent(sys.window);
  glfwSwapInterval(script ? 0 : 1);  // scripts and benchmarks run as fast as they can
  std::fprintf(stderr, "secmap map: GL_RENDERER %s, GL %s\n",
               reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
               reinterpret_cast<const char*>(glGetString(GL_VERSION)));

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
  // A form the last window left unsaved (kept as a draft at a quit, or at a crash) comes back,
  // still unsaved, for the same database.
  DraftKeeper drafts(draft_file());
  if (opt.restore && drafts.restore(state))
    std::fprintf(stderr, "secmap map: an unsaved form is back from its draft\n");
  if (!drafts.error().empty()) std::fprintf(stderr, "secmap map: %s\n", drafts.error().c_str());

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
  // Slides, presentation mode and side by side; the second pane has its own cached image.
  SlideShow show;
  auto compare_view = std::make_unique<MapView>();
  if (script) compare_view->set_settle_delay(0);
  PresentationFonts present_fonts;
  FullScreen full_screen;
  int key_down = 0, key_up = 0;  // a scripted key press: down one frame, up the next
  PanelContext ctx{state};
  ctx.show = &show;
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
    int fbw = 1, fbh = 1;
    glfwGetFramebufferSize(sys.window, &fbw, &fbh);
    if (show.presenting()) present_fonts.update(fbh);
    // A scripted key reaches ImGui as a real one does (ImGui 1.86 reads io.KeysDown).
    if (key_up) io.KeysDown[key_up] = false, key_up = 0;
    if (key_down) io.KeysDown[key_down] = true, key_up = key_down, key_down = 0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    // Layout: menu bar on top, the sidebar on the left, the status bar at the bottom, the map in
    // the rest. The View's pixels are framebuffer pixels. Presenting: a title band above the
    // map and a footer below, nothing else. Side by side: two panes of the same size.
    glfwGetFramebufferSize(sys.window, &fbw, &fbh);
    show.sync(state);
    const bool presenting = show.presenting();
    const float ui = fonts.ui_scale();
    const float menu_h = presenting ? 0.f : ImGui::GetFrameHeight();
    const float status_h = presenting ? 0.f : status_bar_height();
    const float side_w =
        ctx.show_sidebar && !presenting ? std::min(360.f * ui, io.DisplaySize.x * 0.45f) : 0.f;
    const PresentationLayout bands = presentation_layout(io.DisplaySize.y);
    MapArea area;
    area.min = {side_w, presenting ? bands.top() : menu_h};
    const float below = presenting ? bands.footer : status_h;
    area.max = {io.DisplaySize.x, std::max(area.min.y + 1, io.DisplaySize.y - below)};
    area.fb_scale = io.DisplaySize.x > 0 ? fbw / io.DisplaySize.x : 1.f;
    const bool split = show.split();
    const SplitAreas panes =
        split ? split_areas(area, std::max(2, fbh / 250)) : SplitAreas{area, area};
    const MapArea& main_area = panes.right;
    state.set_viewport(static_cast<int>((main_area.max.x - main_area.min.x) * area.fb_scale),
                       static_cast<int>((main_area.max.y - main_area.min.y) * area.fb_scale));
    // Symbols grow with the screen in presentation mode (legible on a wall).
    if (presenting) state.edit_options().symbol_scale = std::max(1.f, fbh / 1080.f);

    // A check or import that ended on its worker: its outcome, and the new rows on the map.
    if (state.importing().poll(state)) busy_frames = 3;
    ScriptStep step;
    // A script starts once the first map is drawn: the fitted view is final only then (it
    // keeps the province out from under the legend, whose size the first drawing tells).
    if (script && (!state.has_data() || map_failed || map_view->has_image()))
      step = script->step(state, &show);

    if (step.key) key_down = step.key;
    bool moving = step.moves_map;
    if (presenting) {
      handle_presentation_keys(show, state);
    } else {
      // Adding an incident: the next click on the map places it instead of identifying.
      EditSession* ed = state.editing();
      if (ed && ed->adding() && !io.WantCaptureMouse && main_area.contains(io.MousePos) &&
          ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const geo::Point p = main_area.to_map_pixel(io.MousePos);
        ed->new_incident(geo::mercator_to_lonlat(state.view().to_mercator(p)));
      } else {
        // Either pane takes the mouse; both show the one view, so both move.
        moving |=
            input.handle(state, split && panes.left.contains(io.MousePos) ? panes.left : main_area);
      }
      if (ed && ed->adding() && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) ed->set_adding(false);
      // Undo / redo, unless a text field has the keyboard (it has its own).
      if (ed && io.KeyCtrl && !io.WantTextInput) {
        if (ImGui::IsKeyPressed(GLFW_KEY_Z, false)) {
          if (io.KeyShift)
            ed->redo(state);
          else
            ed->undo(state);
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_Y, false)) ed->redo(state);
      }
      // F5 from the first slide, Shift+F5 from the current one (as presentation programs do).
      if (ImGui::IsKeyPressed(GLFW_KEY_F5, false) && state.has_data())
        show.start_presentation(state, io.KeyShift);
      if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false)) ctx.open_dialog = true;
      if (ImGui::IsKeyPressed(GLFW_KEY_F9, false)) ctx.show_sidebar = !ctx.show_sidebar;
    }
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) ctx.quit = true;
    // The fly-to runs on elapsed time; scripts advance it 1/60 s a frame to stay repeatable.
    if (show.tick(state, script ? 1.0 / 60 : io.DeltaTime)) moving = true, busy_frames = 3;
    if (io.MouseWheel != 0 || ImGui::IsMouseDragging(ImGuiMouseButton_Left)) busy_frames = 3;

    stats.cursor_in_map = state.has_data() && area.contains(io.MousePos);
    if (stats.cursor_in_map) {
      const geo::Point p = area.to_map_pixel(io.MousePos);
      stats.cursor_lonlat = geo::mercator_to_lonlat(state.view().to_mercator(p));
    }
    if (!presenting) {
      draw_main_menu(ctx);
      if (ctx.show_sidebar) draw_sidebar(ctx, {0, menu_h}, {side_w, area.max.y - menu_h});
      draw_status_bar(ctx, {0, area.max.y}, io.DisplaySize.x, stats);
    }
    if (!presenting) draw_edit_window(ctx, area.min, area.max);
    if (!presenting) draw_import_dialog(ctx, area.min, area.max);
    draw_messages(ctx, area.min, area.max);
    draw_quit_question(ctx, area.min, area.max);

    if (title_lang != state.lang()) {
      title_lang = state.lang();
      glfwSetWindowTitle(sys.window,
                         (std::string("secmap — ") + tr(S::AppTitle, *title_lang)).c_str());
    }
    bool rendered = false;
    if (!map_failed) {
      try {
        // Side by side, both panes share one set of class breaks so their colours compare.
        render::MapOptions main_options = state.options(), compare = main_options;
        compare.days = show.compare_window();
        if (split && state.has_data())
          render::share_classes(*state.data(), state.view(), main_options, compare);
        if ((rendered = map_view->update(state, main_options, moving))) {
          stats.map_ms = map_view->last_render_ms();
          busy_frames = 3;  // settle to the multisampled image afterwards
        }
        if (split && compare_view->update(state, compare, moving)) rendered = true, busy_frames = 3;
      } catch (const std::exception& e) {
        map_failed = true;  // a broken GL driver: say so once instead of every frame
        state.set_error({"OpenGL", e.what(),
                         "Update the graphics driver or Mesa (libgl1-mesa-dri); the PNG export "
                         "`secmap render` may still work."});
      }
    }
    stats.map_renders = map_view->renders();
    ImDrawList& overlay = *ImGui::GetBackgroundDrawList();
    render::MapFonts map_fonts = fonts.fonts();
    float overlay_scale = ui;
    if (presenting && present_fonts.ready()) {  // text and symbols scaled to the screen
      map_fonts = present_fonts.body();
      map_fonts.size = present_fonts.body_px() / area.fb_scale;
      overlay_scale = map_fonts.size / 16.f;
    }
    // Side by side: presenting, each pane has its legend (the classes are shared, the counts per
    // class differ); in the window, one legend in the right pane when wide enough for it.
    const bool right_legend = !split || presenting || state.view().width >= 700;
    const render::OverlayStats drawn = map_view->draw_overlay(
        overlay, map_fonts, state, main_area.min, overlay_scale, right_legend);
    // A fitted view keeps the province out from under the legend (refitted once it is known).
    if (drawn.has_legend())
      state.set_legend_area(
          std::array<float, 4>{drawn.legend[0], drawn.legend[1], drawn.legend[2], drawn.legend[3]});
    else if (map_view->has_image())
      state.set_legend_area(std::nullopt);
    if (split && state.has_data()) {
      render::MapOptions compare = state.options();
      compare.days = show.compare_window();
      compare_view->draw_overlay(overlay, map_fonts, state, panes.left.min, overlay_scale,
                                 presenting);
      const Lang L = state.lang();
      draw_pane_label(
          overlay, map_fonts.bold, map_fonts.size, panes.left.min, panes.left.max,
          pane_label(show.compare_label(state), incidents_in_window(*state.data(), compare), L),
          overlay_scale);
      draw_pane_label(overlay, map_fonts.bold, map_fonts.size, main_area.min, main_area.max,
                      pane_label(show.main_label(state),
                                 incidents_in_window(*state.data(), state.options()), L),
                      overlay_scale);
    }
    if (presenting && present_fonts.ready())
      draw_presentation_chrome(overlay, present_fonts, state, show, io.DisplaySize, area.fb_scale);
    ImGui::Render();
    // Every text the frame shows, for scans of the interface's language.
    if (step.log_text) {
      std::ofstream out(*step.log_text);
      for (const std::string& line : drawn_text(*ImGui::GetDrawData(), *io.Fonts))
        out << line << '\n';
      if (!out) std::fprintf(stderr, "secmap map: cannot write %s\n", step.log_text->c_str());
    }

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fbw, fbh);
    const render::Rgba bg = render::kBackground;
    glClearColor(bg.r / 255.f, bg.g / 255.f, bg.b / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    // GL's origin is the bottom-left corner.
    map_view->draw(state.view(), static_cast<int>(std::lround(main_area.min.x * area.fb_scale)),
                   fbh - static_cast<int>(std::lround(main_area.max.y * area.fb_scale)));
    if (split)
      compare_view->draw(state.view(),
                         static_cast<int>(std::lround(panes.left.min.x * area.fb_scale)),
                         fbh - static_cast<int>(std::lround(panes.left.max.y * area.fb_scale)));
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    DumpExtras extras{stats.map_renders,
                      stats.frame_ms,
                      stats.map_ms,
                      static_cast<int>(main_area.min.x * area.fb_scale),
                      static_cast<int>(main_area.min.y * area.fb_scale),
                      ui,
                      &show,
                      full_screen.on()};
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
    if (!step.quit_answer.empty()) answer_quit(ctx, *parse_quit_answer(step.quit_answer));
    drafts.update(state);
    // A quit (Ctrl+Q, the menu, the window's close button, a script) asks first while the form
    // holds unsaved changes.
    if ((ctx.quit || glfwWindowShouldClose(sys.window)) && !ctx.quit_confirmed) {
      EditSession* ed = state.editing();
      if (ed && ed->has_unsaved_form()) {
        ctx.quit = false;
        glfwSetWindowShouldClose(sys.window, GLFW_FALSE);
        ctx.quit_question = true;
        busy_frames = 3;
      }
    }
    if (ctx.quit_question && script && script->done()) {  // nobody left to answer: keep it
      std::fprintf(stderr,
                   "secmap map: the script ended at the quit question: the unsaved form "
                   "is kept as a draft\n");
      answer_quit(ctx, QuitAnswer::KeepDraft);
    }
    full_screen.apply(sys.window, show.presenting(), show.monitor);
  }
  show.stop_presentation(state);  // the settings keep the view from before presenting

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
  compare_view.reset();
  return script && script->failures() > 0 ? 3 : 0;
}

}  // namespace secmap::ui
