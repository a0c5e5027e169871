#include "ui/import_script.h"

#include <stdexcept>

#include "ui/import_session.h"

namespace secmap::ui {

const std::map<std::string, int, std::less<>>& import_command_arity() {
  static const std::map<std::string, int, std::less<>> a = {
      {"import-open", -1},   {"import-layer", 1},       {"import-sheet", -1},
      {"import-map", -1},    {"import-date-format", 1}, {"import-check", 0},
      {"import-confirm", 0}, {"import-wait", 0},        {"import-close", 0}};
  return a;
}

void run_import_command(AppState& st, const std::string& name, const std::vector<std::string>& a,
                        const std::string& rest) {
  ImportSession& im = st.importing();
  auto check = [&](bool ok) {
    if (!ok) throw std::invalid_argument(im.message().empty() ? "not done" : im.message());
  };
  if (name == "import-open") {
    im.open_dialog();
    check(im.choose_file(rest));
  } else if (name == "import-layer") {
    check(im.set_layer(a[0]));
  } else if (name == "import-sheet") {
    check(im.set_sheet(rest));
  } else if (name == "import-map") {
    const size_t space = rest.find(' ');
    if (space == std::string::npos) throw std::invalid_argument("import-map FIELD|- COLUMN");
    check(im.set_column_field(rest.substr(space + 1), a[0] == "-" ? "" : a[0]));
  } else if (name == "import-date-format") {
    check(im.set_date_format(a[0]));
  } else if (name == "import-check") {
    if (!st.database()) throw std::invalid_argument("no database open to import into");
    if (!im.start_check(st.database_path()))
      throw std::invalid_argument(im.running() ? "a check or import is running" : "no file read");
  } else if (name == "import-confirm") {
    if (!st.database()) throw std::invalid_argument("no database open to import into");
    if (!im.start_import(st.database_path()))
      throw std::invalid_argument("Import needs a passed check of the same choices first");
  } else if (name == "import-wait") {
    im.wait(st);
  } else if (name == "import-close") {
    im.close();
  } else {
    throw std::invalid_argument("unknown import command " + name);
  }
}

}  // namespace secmap::ui
