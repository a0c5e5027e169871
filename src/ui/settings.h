// What the window restores on the next start: the last database, the view, the layers and the
// filters, as a small JSON file in $XDG_CONFIG_HOME/secmap/ (or ~/.config/secmap/). Reading never
// fails: a missing or broken file gives the defaults (and a message to log).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace secmap::ui {

struct Settings {
  std::string database;  // absolute path of the last database opened
  // View (EPSG:3857), restored only for the same database.
  std::optional<double> centre_x, centre_y, m_per_px;
  std::vector<std::string> layers = {"communes", "border", "facilities", "incidents", "crossings"};
  std::string style = "drugfree";
  float fill_opacity = 0.85f;
  std::string date_from, date_to;  // ISO dates; empty: all dates
  uint32_t group_mask = 0xFFFFFFFFu;
  // Codes hidden by the category, severity and status filters ("none": no code recorded).
  std::vector<std::string> hidden_categories, hidden_severities, hidden_statuses;
  std::vector<std::string> layer_order;                      // bottom first; empty: default
  std::vector<std::pair<std::string, float>> layer_opacity;  // layers not at full opacity
  std::string lang = "vi";
  bool large_text = false;
};

// $XDG_CONFIG_HOME/secmap, else $HOME/.config/secmap; nullopt when neither is set.
std::optional<std::filesystem::path> settings_dir();

// Reads the file; on error returns the defaults and sets *warning (when given).
Settings load_settings(const std::filesystem::path& file, std::string* warning = nullptr);
// Writes the file (creating its folder) through a temporary file and a rename, so a crash never
// leaves half a file. Returns false with *error set when it cannot.
bool save_settings(const std::filesystem::path& file, const Settings& s,
                   std::string* error = nullptr);

}  // namespace secmap::ui
