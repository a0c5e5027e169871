#include "ui/import_session.h"

#include <algorithm>
#include <chrono>

#include "io/column_plan.h"
#include "model/tables.h"
#include "store/database.h"
#include "ui/app_state.h"

namespace secmap::ui {

namespace {

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

// Every choice that changes what an import does, as one text: an import runs only with the
// choices a passed check ran with.
std::string choices_of(const io::ImportOptions& o) {
  std::string s = o.file.string() + "\n" + o.layer + "\n" + o.source_layer.value_or("") + "\n" +
                  std::to_string(static_cast<int>(o.day_order));
  for (const auto& [field, column] : o.map) s += "\n" + field + "=" + column;
  return s;
}

}  // namespace

ImportSession::ImportSession() {
  options_.layer = "incidents";
}

ImportSession::~ImportSession() {
  if (job_.valid()) job_.wait();
}

bool ImportSession::choose_file(const std::filesystem::path& file) {
  options_.file = file;
  options_.source_layer.reset();
  options_.map.clear();
  options_.value_map.clear();
  outcome_.reset();
  return refresh_preview();
}

bool ImportSession::set_layer(const std::string& layer) {
  const model::Table* table = model::find_layer(layer);
  if (!table) {
    message_ = "unknown layer '" + layer + "'";
    return false;
  }
  options_.layer = layer;
  options_.map.clear();  // the fields differ from layer to layer
  return replan();
}

bool ImportSession::set_sheet(const std::string& sheet) {
  options_.source_layer = sheet;
  options_.map.clear();  // another sheet has other columns
  return refresh_preview();
}

bool ImportSession::set_column_field(const std::string& column, const std::string& field) {
  if (!preview_) {
    message_ = "no file read yet";
    return false;
  }
  const auto& cols = preview_->columns;
  const auto col = std::find(cols.begin(), cols.end(), column);
  if (col == cols.end()) {
    message_ = "the file has no column '" + column + "'";
    return false;
  }
  if (!field.empty() && std::find(fields_.begin(), fields_.end(), field) == fields_.end()) {
    message_ = "layer '" + options_.layer + "' has no field '" + field + "'";
    return false;
  }
  // Whatever this column filled lets go of it; the field then takes it.
  const std::string& before = preview_->column_fields[col - cols.begin()];
  if (before == "location" || before == "geometry") {
    message_ =
        "'" + column + "' holds the coordinates; rename the column in the file to change that";
    return false;
  }
  if (!before.empty() && before != field) options_.map[before] = "";
  if (!field.empty()) options_.map[field] = column;
  return replan();
}

bool ImportSession::set_date_format(const std::string& format) {
  if (format == "auto") {
    options_.day_order = io::DayOrder::Unknown;
    return true;
  }
  const auto order = io::parse_date_format(format);
  if (!order) {
    message_ = "unknown date format '" + format + "' (auto, dd/mm/yyyy or mm/dd/yyyy)";
    return false;
  }
  options_.day_order = *order;
  return true;
}

std::string ImportSession::date_format() const {
  switch (options_.day_order) {
    case io::DayOrder::DayFirst:
      return "dd/mm/yyyy";
    case io::DayOrder::MonthFirst:
      return "mm/dd/yyyy";
    case io::DayOrder::Unknown:
      break;
  }
  return "auto";
}

bool ImportSession::replan() {
  if (!preview_) return refresh_preview();
  message_.clear();
  fields_ = io::mappable_fields(*model::find_layer(options_.layer));
  try {
    io::plan_preview(*preview_, options_);  // the columns read already: no second read
    return true;
  } catch (const std::exception& e) {
    message_ = first_line(e.what());
    return false;
  }
}

bool ImportSession::refresh_preview() {
  message_.clear();
  fields_ = io::mappable_fields(*model::find_layer(options_.layer));
  if (options_.file.empty()) return false;
  try {
    preview_ = io::preview_import(options_);
    return true;
  } catch (const std::exception& e) {
    preview_.reset();
    message_ = first_line(e.what());
    return false;
  }
}

std::future<ImportOutcome> ImportSession::run(const std::filesystem::path& database, bool dry_run) {
  io::ImportOptions opt = options_;
  opt.dry_run = dry_run;
  auto progress = progress_ = std::make_shared<Progress>();
  opt.progress = [progress](size_t done, size_t total) {
    progress->done = done;
    progress->total = total;
  };
  return std::async(std::launch::async, [opt, database]() {
    ImportOutcome out;
    out.dry_run = opt.dry_run;
    try {
      // Its own connection: the window's stays on the window's thread.
      auto db = store::Database::open(database, store::Database::Mode::OpenExisting);
      out.report = io::import_file(db, opt);
      out.ok = true;
    } catch (const io::ImportError& e) {
      out.error = first_line(e.what());
      out.problems = e.problems;
    } catch (const std::exception& e) {
      out.error = first_line(e.what());
    }
    return out;
  });
}

bool ImportSession::start_check(const std::filesystem::path& database) {
  if (running() || !preview_) return false;
  outcome_.reset();
  checked_choices_.clear();
  running_choices_ = choices_of(options_);
  job_ = run(database, true);
  return true;
}

bool ImportSession::can_import() const {
  return !running() && outcome_ && outcome_->dry_run && outcome_->ok &&
         checked_choices_ == choices_of(options_);
}

bool ImportSession::start_import(const std::filesystem::path& database) {
  if (!can_import()) return false;
  outcome_.reset();
  job_ = run(database, false);
  return true;
}

bool ImportSession::poll(AppState& state) {
  if (!job_.valid() || job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return false;
  outcome_ = job_.get();
  if (outcome_->ok && outcome_->dry_run) checked_choices_ = running_choices_;
  if (outcome_->ok && !outcome_->dry_run && outcome_->report.imported > 0) state.reload_data();
  return true;
}

bool ImportSession::wait(AppState& state) {
  if (job_.valid()) job_.wait();
  return poll(state);
}

}  // namespace secmap::ui
