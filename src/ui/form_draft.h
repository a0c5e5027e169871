// A record form with unsaved changes, kept on disk as it is typed, so that nothing a user
// entered is lost to a quit, a crash or a power cut: it returns, unsaved, when the window next
// opens the same database. One draft per user (the form is one), in the settings folder.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "ui/edit_session.h"

namespace secmap::ui {

struct FormDraft {
  std::string database;  // absolute path of the database the form edits
  std::string saved_at;  // local time, "YYYY-MM-DD HH:MM"
  RecordForm form;       // the values typed, the point or line, the record and version edited
};

// settings_dir()/draft.json, or nullopt when there is no settings folder.
std::optional<std::filesystem::path> draft_file();

// Written whole or not at all; false with *error when it cannot be.
bool save_draft(const std::filesystem::path& file, const FormDraft& draft,
                std::string* error = nullptr);
// The draft in the file; nullopt when there is none, or (with *warning) when it cannot be read.
std::optional<FormDraft> load_draft(const std::filesystem::path& file,
                                    std::string* warning = nullptr);

// Each frame: writes the open form to the draft file while it holds unsaved changes, and removes
// the file once the form is saved or cancelled. A draft left for another database is left alone.
class DraftKeeper {
 public:
  explicit DraftKeeper(std::optional<std::filesystem::path> file) : file_(std::move(file)) {}
  // Puts the draft of the open database, if there is one, back into the form; true when it did.
  bool restore(AppState& state);
  void update(AppState& state);
  const std::string& error() const { return error_; }

 private:
  std::optional<std::filesystem::path> file_;
  std::string written_;     // the form last written (JSON); empty: this window keeps no draft
  std::string written_db_;  // the database of that form
  std::string error_;
};

}  // namespace secmap::ui
