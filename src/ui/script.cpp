#include "ui/script.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "geo/crs.h"
#include "render/style.h"
#include "ui/edit_script.h"
#include "ui/import_script.h"
#include "ui/incident_filters.h"
#include "ui/key_names.h"
#include "ui/patrol_script.h"

namespace secmap::ui {
namespace {

// Command name → number of arguments (-1: the rest of the line, at least one word).
const std::map<std::string, int, std::less<>>& arity() {
  static const std::map<std::string, int, std::less<>> a = {
      {"pan", 2},
      {"zoom", 3},
      {"click", 2},
      {"search", -1},
      {"fly", 1},
      {"set-time", 2},
      {"groups", 1},
      {"layer", 2},
      {"style", 1},
      {"lang", 1},
      {"large-text", 1},
      {"fit", 0},
      {"wait", 1},
      {"screenshot", 1},
      {"dump-state", 1},
      {"quit", 0},
      {"quit-answer", 1},
      {"log-text", -1},
      {"key", 1},
      {"present", 1},
      {"slide-save", -1},
      {"slide-go", 1},
      {"split", -1},
      // incident filters, binning, layer order and opacity, targets
      {"categories", 1},
      {"severities", 1},
      {"statuses", 1},
      {"clear-filters", 0},
      {"bins", 1},
      {"layer-order", 1},
      {"opacity", 2},
      {"targets-year", 1},
      // a sidebar section opened or closed, as a click on its header would
      {"panel", 2}};
  return a;
}

double number(const std::string& s) {
  size_t used = 0;
  const double v = std::stod(s, &used);
  if (used != s.size()) throw std::invalid_argument("not a number: " + s);
  return v;
}

bool on_off(const std::string& s) {
  if (s == "on") return true;
  if (s == "off") return false;
  throw std::invalid_argument("expected on or off, not " + s);
}

render::DayRange parse_window(const std::string& from, const std::string& to) {
  if (from == "all" || to == "all") return {};
  auto f = render::day_number(from), t = render::day_number(to);
  if (!f || !t) throw std::invalid_argument("dates must be YYYY-MM-DD: " + from + " " + to);
  return {*f, *t};
}

}  // namespace

Script Script::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ScriptError("cannot read the UI script " + file.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), file.string());
}

Script Script::parse(const std::string& text, const std::string& name) {
  Script s;
  s.name_ = name;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    ScriptCommand c;
    c.line = n;
    std::istringstream words(line.substr(first));
    words >> c.name;
    const size_t name_end = line.find(c.name, first) + c.name.size();
    const size_t rest = line.find_first_not_of(" \t", name_end);
    c.rest = rest == std::string::npos ? "" : line.substr(rest);
    for (std::string w; words >> w;) c.args.push_back(w);
    const auto* commands = &arity();
    auto it = commands->find(c.name);
    if (it == commands->end()) {  // editing
      commands = &edit_command_arity();
      it = commands->find(c.name);
    }
    if (it == commands->end()) {  // patrol plan
      commands = &patrol_command_arity();
      it = commands->find(c.name);
    }
    if (it == commands->end()) {  // import dialog
      commands = &import_command_arity();
      it = commands->find(c.name);
    }
    if (it == commands->end())
      throw ScriptError(name + ":" + std::to_string(n) + ": unknown command '" + c.name + "'");
    if (it->second >= 0 ? static_cast<int>(c.args.size()) != it->second : c.args.empty())
      throw ScriptError(name + ":" + std::to_string(n) + ": '" + c.name + "' takes " +
                        (it->second >= 0 ? std::to_string(it->second) : "some") + " argument(s)");
    if (c.name == "key" && !key_code(c.args[0]))
      throw ScriptError(name + ":" + std::to_string(n) + ": unknown key '" + c.args[0] + "'");
    if (c.name == "split" && c.args.size() != 1 && c.args.size() != 3)
      throw ScriptError(name + ":" + std::to_string(n) + ": 'split' takes on|off [FROM TO]");
    s.commands_.push_back(std::move(c));
  }
  return s;
}

ScriptStep Script::step(AppState& st, SlideShow* show) {
  ScriptStep out;
  if (wait_ > 0) {
    --wait_;
    return out;
  }
  if (next_ >= commands_.size()) return out;
  const ScriptCommand& c = commands_[next_++];
  out.command = c.name + (c.rest.empty() ? "" : " " + c.rest);
  const auto& a = c.args;
  try {
    if (c.name == "pan") {
      st.pan(number(a[0]), number(a[1]));
      out.moves_map = true;
    } else if (c.name == "zoom") {
      st.zoom_about(number(a[1]), number(a[2]), number(a[0]));
      out.moves_map = true;
    } else if (c.name == "click") {
      st.click(number(a[0]), number(a[1]));
    } else if (c.name == "search") {
      st.set_search(c.rest);
    } else if (c.name == "fly") {
      const auto i = static_cast<size_t>(number(a[0]));
      if (i >= st.search_results().size())
        throw std::invalid_argument("no search result " + a[0] + " (there are " +
                                    std::to_string(st.search_results().size()) + ")");
      st.fly_to(st.search_results()[i]);
    } else if (c.name == "set-time") {
      st.set_days(parse_window(a[0], a[1]));
    } else if (c.name == "groups") {
      st.edit_options().group_mask = static_cast<uint32_t>(std::stoul(a[0], nullptr, 0));
    } else if (c.name == "categories" || c.name == "severities" || c.name == "statuses") {
      if (!st.has_data()) throw std::invalid_argument("no database open");
      show_only(*st.data(), st.edit_options(),
                c.name == "categories"   ? FilterList::Categories
                : c.name == "severities" ? FilterList::Severities
                                         : FilterList::Statuses,
                a[0]);
    } else if (c.name == "clear-filters") {
      clear_code_filters(st.edit_options());
    } else if (c.name == "bins") {
      auto& b = st.edit_options().binning;
      if (a[0] == "auto")
        b = render::MapOptions::Binning::Auto;
      else if (a[0] == "on")
        b = render::MapOptions::Binning::On;
      else if (a[0] == "off")
        b = render::MapOptions::Binning::Off;
      else
        throw std::invalid_argument("bins is auto, on or off");
    } else if (c.name == "layer-order") {
      std::vector<std::string> order;
      std::string rest = a[0] + ",";
      for (size_t p = rest.find(','); p != std::string::npos; p = rest.find(',')) {
        std::string name = rest.substr(0, p);
        rest.erase(0, p + 1);
        if (name.empty()) continue;
        render::parse_layers(name);  // throws for an unknown layer
        order.push_back(name);
      }
      st.edit_options().order = order;
    } else if (c.name == "opacity") {
      render::parse_layers(a[0]);  // throws for an unknown layer
      const double v = number(a[1]);
      if (!(v >= 0 && v <= 1)) throw std::invalid_argument("opacity is between 0 and 1");
      st.edit_options().opacity[a[0]] = static_cast<float>(v);
    } else if (c.name == "panel") {
      st.panel_open[a[0]] = on_off(a[1]);
    } else if (c.name == "targets-year") {
      st.set_targets_year(static_cast<int>(number(a[0])));
    } else if (c.name == "layer") {
      render::parse_layers(a[0]);  // throws for an unknown layer
      if (on_off(a[1]))
        st.edit_options().layers.insert(a[0]);
      else
        st.edit_options().layers.erase(a[0]);
    } else if (c.name == "style") {
      auto s = render::parse_style(a[0]);
      if (!s || *s == render::StyleKind::Plain)
        throw std::invalid_argument("style is drugfree, antt or incidents");
      st.edit_options().style = *s;
    } else if (c.name == "lang") {
      if (a[0] != "vi" && a[0] != "en") throw std::invalid_argument("lang is vi or en");
      st.set_lang(parse_lang(a[0]));
    } else if (c.name == "large-text") {
      st.large_text = on_off(a[0]);
    } else if (c.name == "fit") {
      st.fit_province();
    } else if (c.name == "wait") {
      wait_ = static_cast<int>(number(a[0]));
    } else if (c.name == "screenshot") {
      out.screenshot = c.rest;
    } else if (c.name == "dump-state") {
      out.dump_state = c.rest;
    } else if (c.name == "log-text") {
      out.log_text = c.rest;
    } else if (c.name == "key") {
      out.key = *key_code(a[0]);
    } else if (c.name == "present" || c.name == "slide-save" || c.name == "slide-go" ||
               c.name == "split") {
      if (!show) throw std::invalid_argument("no slides in this window");
      if (c.name == "present") {
        if (a[0] == "current")
          show->start_presentation(st, true);
        else if (on_off(a[0]))
          show->start_presentation(st);
        else
          show->stop_presentation(st);
      } else if (c.name == "slide-save") {
        if (!show->save_view(st, {c.rest, "", ""}, false))
          throw std::invalid_argument(st.error() ? st.error()->detail : "not saved");
      } else if (c.name == "slide-go") {
        if (!show->go(st, static_cast<int>(number(a[0]))))
          throw std::invalid_argument("no slide " + a[0] + " (there are " +
                                      std::to_string(show->slides().size()) + ")");
      } else {
        std::optional<render::DayRange> window;
        if (a.size() == 3) window = parse_window(a[1], a[2]);
        show->set_split(st, on_off(a[0]), window);
      }
    } else if (edit_command_arity().count(c.name)) {
      run_edit_command(st, c.name, a, c.rest);
    } else if (patrol_command_arity().count(c.name)) {
      run_patrol_command(st, c.name, a, c.rest);
    } else if (import_command_arity().count(c.name)) {
      run_import_command(st, c.name, a, c.rest);
    } else if (c.name == "quit") {
      out.quit = true;
    } else if (c.name == "quit-answer") {
      if (a[0] != "save" && a[0] != "draft" && a[0] != "discard" && a[0] != "back")
        throw std::invalid_argument("quit-answer is save, draft, discard or back");
      out.quit_answer = a[0];
    }
  } catch (const std::exception& e) {
    ++failures_;
    std::fprintf(stderr, "%s:%d: %s: %s\n", name_.c_str(), c.line, c.name.c_str(), e.what());
  }
  return out;
}

}  // namespace secmap::ui
