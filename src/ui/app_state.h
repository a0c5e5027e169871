// Everything the map window shows and edits, with no GL in it (Tracy keeps its server free of
// ImGui the same way): the open database and its loaded layers, the view, layer and filter
// options, the selection, the search, the language. Mouse, keyboard, panels and test scripts all
// change the window through the actions here, so they behave the same and can be unit-tested.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/camera.h"
#include "render/map_data.h"
#include "render/map_options.h"
#include "store/database.h"
#include "ui/features.h"
#include "ui/plan_targets.h"
#include "ui/search.h"
#include "ui/settings.h"
#include "ui/strings.h"

namespace secmap::ui {

class EditSession;
class ImportSession;
class PatrolPlanning;

// An error shown in the window (and on stderr), with what to do about it.
struct UiError {
  std::string title, detail, help;
};

class AppState {
 public:
  AppState();
  ~AppState();

  // Opens a database and loads its layers. On failure keeps what was open and sets error().
  bool open_database(const std::filesystem::path& path);
  bool has_data() const { return data_ != nullptr; }
  const std::filesystem::path& database_path() const { return db_path_; }
  // The open database (null when none), for panels that read and write it (slides).
  store::Database* database() { return db_.get(); }
  // Shared so the GL renderer can keep the data it draws alive across a database switch.
  std::shared_ptr<const render::MapData> data() const { return data_; }
  const FeatureIndex* index() const { return index_.get(); }
  // Bumped on every database switch (the GL side rebuilds its renderer).
  uint64_t data_generation() const { return generation_; }
  // Re-reads every layer (the view, layers and filters stay); false on failure.
  bool reload_data();
  // What the writer wrote (an edit, an undo): applied to the loaded data in place, so a renderer
  // re-uploads only the layers it touched. The selection, view and filters stay.
  void apply_changes(const std::vector<model::ChangeRecord>& changes);
  // Bumped by every apply_changes; what changed since a revision (nullopt: too long ago, or a
  // database switch since — rebuild everything).
  uint64_t data_revision() const { return revision_; }
  std::optional<render::DataChange> changes_since(uint64_t revision) const;
  // Editing of the open database (the incident form, undo/redo); null when none is open.
  EditSession* editing() { return editing_.get(); }
  // File › Import data: the import dialog's file, mapping, check and import.
  ImportSession& importing() { return *importing_; }
  // Incident days in the database (for the slider); {0, 0} when there are none.
  render::DayRange data_days() const { return data_days_; }

  // --- view
  const render::View& view() const { return view_; }
  // The map area in pixels; the first call (or one after a database switch) fits the province.
  void set_viewport(int width, int height);
  void set_view(const render::View& v) {
    view_ = v;
    province_fitted_ = false;
  }
  void pan(double dx, double dy);  // content follows the mouse: drag right shows what was left
  void zoom_about(double px, double py, double factor);
  // Fits the province (or the selection) into the part of the map area the legend leaves free:
  // left of it or below it, whichever shows it larger.
  void fit_province();
  void fit_selection();
  // The legend's box in map pixels (x0, y0, x1, y1) as last drawn, or none. A view fitted to the
  // province and not moved since refits when it changes (the legend's size is known only once
  // it is drawn); so does a change of the map area's size.
  void set_legend_area(std::optional<std::array<float, 4>> area);
  const std::optional<std::array<float, 4>>& legend_area() const { return legend_area_; }

  // --- layers and filters (MapOptions is what the renderer takes)
  const render::MapOptions& options() const { return options_; }
  render::MapOptions& edit_options() { return options_; }
  void set_days(render::DayRange days);
  void set_lang(Lang lang);
  Lang lang() const { return options_.lang; }
  bool large_text = false;
  bool show_legend = true;
  // Sidebar sections opened or closed from a script (applied on the next frame, then dropped).
  std::map<std::string, bool> panel_open;
  // Incidents the map shows now (window, groups, and the layer switched on).
  size_t visible_incidents() const;
  // Incidents of one commune in the current window and groups.
  int incidents_in_commune(int commune) const;

  // --- identify, search
  // Selects what is under the pixel (nothing when it hits nothing); returns it.
  FeatureRef click(double px, double py);
  void select(FeatureRef f);
  FeatureRef selected() const { return selected_; }
  const FeatureDetails& selected_details();  // re-read when the selection or language changes
  void set_search(std::string query);
  const std::string& search_query() const { return search_query_; }
  const std::vector<SearchHit>& search_results() const { return search_results_; }
  // Selects the hit and moves the view to it (a commune fits; a point centres, zoomed in).
  void fly_to(const SearchHit& hit);

  // --- plan targets: the targets panel and a commune's rows in Identify
  PlanTargets& targets() { return targets_; }

  // --- border and patrols: the Patrol and Cooperation panels, the coverage layer
  // (off until switched on: it covers the border's own line) and the BLO links.
  PatrolPlanning& patrol() { return *patrol_; }
  // Puts the coverage of the current window and the BLO links into the options (each frame).
  void sync_border_layers();
  void set_targets_year(int year) { targets_.set_year(year); }

  // --- errors
  const std::optional<UiError>& error() const { return error_; }
  void set_error(UiError e);
  void clear_error() { error_.reset(); }

  // --- settings: what to save, and restoring it (the view only for the same database)
  Settings to_settings() const;
  void apply_settings(const Settings& s);

 private:
  void fit(const geo::BBox& bbox, double margin);
  std::filesystem::path db_path_;
  std::unique_ptr<store::Database> db_;
  std::shared_ptr<render::MapData> data_;
  std::unique_ptr<FeatureIndex> index_;
  std::unique_ptr<EditSession> editing_;
  std::unique_ptr<ImportSession> importing_;
  uint64_t generation_ = 0;
  uint64_t revision_ = 0;
  std::vector<std::pair<uint64_t, render::DataChange>> change_log_;  // the latest, oldest first
  render::DayRange data_days_{0, 0};
  render::View view_;
  bool view_fitted_ = false;
  bool province_fitted_ = false;  // the view is the province's fit, not moved since
  std::optional<std::array<float, 4>> legend_area_;
  std::optional<render::View> pending_view_;  // restored view waiting for the viewport size
  render::MapOptions options_;
  FeatureRef selected_;
  std::optional<FeatureDetails> details_;
  Lang details_lang_ = Lang::Vi;
  std::string search_query_;
  std::vector<SearchHit> search_results_;
  std::optional<UiError> error_;
  PlanTargets targets_;
  std::unique_ptr<PatrolPlanning> patrol_;
};

}  // namespace secmap::ui
