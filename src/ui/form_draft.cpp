#include "ui/form_draft.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "files/atomic_output.h"
#include "store/local_time.h"
#include "ui/app_state.h"
#include "ui/settings.h"

namespace secmap::ui {

namespace {

using nlohmann::json;

json form_json(const RecordForm& f) {
  json line = json::array();
  for (const auto& p : f.line) line.push_back({p.x, p.y});
  json j = {{"table", f.table},
            {"id", f.id ? json(*f.id) : json(nullptr)},
            {"version", f.version},
            {"values", f.values},
            {"loaded", f.loaded},
            {"line", line},
            {"accept_outside", f.accept_outside}};
  if (f.has_point) j["lonlat"] = {f.lonlat.x, f.lonlat.y};
  return j;
}

RecordForm form_from_json(const json& j) {
  RecordForm f;
  f.open = true;
  f.table = j.at("table").get<std::string>();
  if (!j.at("id").is_null()) f.id = j.at("id").get<int64_t>();
  f.version = j.at("version").get<int64_t>();
  f.values = j.at("values").get<std::map<std::string, std::string>>();
  f.loaded = j.at("loaded").get<std::map<std::string, std::string>>();
  for (const auto& p : j.at("line"))
    f.line.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
  f.accept_outside = j.at("accept_outside").get<bool>();
  if (j.contains("lonlat")) {
    f.has_point = true;
    f.lonlat = {j["lonlat"].at(0).get<double>(), j["lonlat"].at(1).get<double>()};
  }
  return f;
}

}  // namespace

std::optional<std::filesystem::path> draft_file() {
  if (auto dir = settings_dir()) return *dir / "draft.json";
  return std::nullopt;
}

bool save_draft(const std::filesystem::path& file, const FormDraft& d, std::string* error) {
  const json j = {{"database", d.database}, {"saved_at", d.saved_at}, {"form", form_json(d.form)}};
  try {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    files::write_file(file, j.dump(2) + "\n");
    return true;
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return false;
  }
}

std::optional<FormDraft> load_draft(const std::filesystem::path& file, std::string* warning) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  try {
    std::ifstream in(file);
    const json j = json::parse(in);
    FormDraft d;
    d.database = j.at("database").get<std::string>();
    d.saved_at = j.value("saved_at", "");
    d.form = form_from_json(j.at("form"));
    return d;
  } catch (const std::exception& e) {
    if (warning)
      *warning = file.string() + ": the unsaved form kept there cannot be read: " + e.what();
    return std::nullopt;
  }
}

bool DraftKeeper::restore(AppState& state) {
  EditSession* ed = state.editing();
  if (!file_ || !ed) return false;
  std::string warning;
  std::optional<FormDraft> d = load_draft(*file_, &warning);
  if (!warning.empty()) error_ = warning;
  if (!d || d->database != state.database_path().string()) return false;
  if (!ed->restore_form(d->form, d->saved_at)) return false;
  written_ = form_json(d->form).dump();  // this window keeps it from now on
  written_db_ = d->database;
  return true;
}

void DraftKeeper::update(AppState& state) {
  if (!file_) return;
  EditSession* ed = state.editing();
  if (ed && ed->has_unsaved_form()) {
    std::string now = form_json(ed->form()).dump();
    if (now == written_) return;
    FormDraft d{state.database_path().string(), store::local_now("%Y-%m-%d %H:%M"), ed->form()};
    if (save_draft(*file_, d, &error_)) {
      written_ = std::move(now);
      written_db_ = d.database;
      error_.clear();
    }
  } else if (!written_.empty()) {
    // Saved or cancelled: the draft has served. After a switch to another database the form is
    // gone from the window, so the draft stays for when its database is opened again.
    std::error_code ec;
    if (state.database_path().string() == written_db_) std::filesystem::remove(*file_, ec);
    written_.clear();
    written_db_.clear();
  }
}

}  // namespace secmap::ui
