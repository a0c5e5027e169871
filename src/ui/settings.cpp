#include "ui/settings.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

namespace secmap::ui {
namespace fs = std::filesystem;
using nlohmann::json;

std::optional<fs::path> settings_dir() {
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return fs::path(x) / "secmap";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "secmap";
  return std::nullopt;
}

Settings load_settings(const fs::path& file, std::string* warning) {
  Settings s;
  std::ifstream in(file);
  if (!in) return s;  // first start: nothing to restore
  try {
    const json j = json::parse(in);
    s.database = j.value("database", s.database);
    if (j.contains("view") && j["view"].is_object()) {
      const json& v = j["view"];
      if (v.contains("centre_x") && v.contains("centre_y") && v.contains("m_per_px")) {
        s.centre_x = v["centre_x"].get<double>();
        s.centre_y = v["centre_y"].get<double>();
        s.m_per_px = v["m_per_px"].get<double>();
      }
    }
    s.layers = j.value("layers", s.layers);
    s.style = j.value("style", s.style);
    s.fill_opacity = j.value("fill_opacity", s.fill_opacity);
    s.date_from = j.value("date_from", s.date_from);
    s.date_to = j.value("date_to", s.date_to);
    s.group_mask = j.value("group_mask", s.group_mask);
    s.lang = j.value("lang", s.lang);
    s.large_text = j.value("large_text", s.large_text);
    s.hidden_categories = j.value("hidden_categories", s.hidden_categories);
    s.hidden_severities = j.value("hidden_severities", s.hidden_severities);
    s.hidden_statuses = j.value("hidden_statuses", s.hidden_statuses);
    s.layer_order = j.value("layer_order", s.layer_order);
    if (j.contains("layer_opacity") && j["layer_opacity"].is_object())
      for (const auto& [layer, value] : j["layer_opacity"].items())
        if (value.is_number()) s.layer_opacity.emplace_back(layer, value.get<float>());
  } catch (const std::exception& e) {
    if (warning) *warning = "ignoring settings file " + file.string() + ": " + e.what();
    return Settings{};
  }
  return s;
}

bool save_settings(const fs::path& file, const Settings& s, std::string* error) {
  json j = {
      {"database", s.database},         {"layers", s.layers},       {"style", s.style},
      {"fill_opacity", s.fill_opacity}, {"date_from", s.date_from}, {"date_to", s.date_to},
      {"group_mask", s.group_mask},     {"lang", s.lang},           {"large_text", s.large_text}};
  j["hidden_categories"] = s.hidden_categories;
  j["hidden_severities"] = s.hidden_severities;
  j["hidden_statuses"] = s.hidden_statuses;
  j["layer_order"] = s.layer_order;
  j["layer_opacity"] = json::object();
  for (const auto& [layer, value] : s.layer_opacity) j["layer_opacity"][layer] = value;
  if (s.centre_x && s.centre_y && s.m_per_px)
    j["view"] = {{"centre_x", *s.centre_x}, {"centre_y", *s.centre_y}, {"m_per_px", *s.m_per_px}};
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << j.dump(2) << "\n";
    if (!out) {
      if (error) *error = "cannot write " + tmp.string();
      return false;
    }
  }
  fs::rename(tmp, file, ec);
  if (ec) {
    if (error) *error = "cannot replace " + file.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace secmap::ui
