#include "ui/edit_script.h"

#include <stdexcept>

#include "geo/crs.h"
#include "ui/edit_session.h"

namespace secmap::ui {

namespace {

double number(const std::string& s) {
  size_t used = 0;
  const double v = std::stod(s, &used);
  if (used != s.size()) throw std::invalid_argument("not a number: " + s);
  return v;
}

int64_t record_id(const std::string& s) {
  return static_cast<int64_t>(number(s));
}

geo::Point lonlat_of_pixel(AppState& st, const std::string& x, const std::string& y) {
  return geo::mercator_to_lonlat(st.view().to_mercator({number(x), number(y)}));
}

std::string why_not_saved(EditSession& ed) {
  std::string why = ed.message();
  for (const auto& e : ed.form().errors) why += "; " + e.field + ": " + e.message;
  return why;
}

}  // namespace

const std::map<std::string, int, std::less<>>& edit_command_arity() {
  static const std::map<std::string, int, std::less<>> a = {{"edit-new-incident", 2},
                                                            {"edit-new", -1},
                                                            {"edit-status", 1},
                                                            {"edit-open", 1},
                                                            {"edit-open-record", 2},
                                                            {"edit-field", -1},
                                                            {"edit-save", 0},
                                                            {"edit-cancel", 0},
                                                            {"edit-keep", 1},
                                                            {"edit-move", 4},
                                                            {"edit-delete", 2},
                                                            {"route-start", 0},
                                                            {"route-point", 2},
                                                            {"route-finish", 0},
                                                            {"route-cancel", 0},
                                                            {"select-record", 2},
                                                            {"undo", 0},
                                                            {"redo", 0}};
  return a;
}

void run_edit_command(AppState& st, const std::string& name, const std::vector<std::string>& a,
                      const std::string& rest) {
  EditSession* ed = st.editing();
  if (!ed) throw std::invalid_argument("no database open to edit");
  if (name == "edit-new-incident") {
    ed->new_incident(lonlat_of_pixel(st, a[0], a[1]));
  } else if (name == "edit-new") {
    if (a.size() != 1 && a.size() != 3) throw std::invalid_argument("edit-new TABLE [X Y]");
    std::optional<geo::Point> at;
    if (a.size() == 3) at = lonlat_of_pixel(st, a[1], a[2]);
    if (!ed->new_record(a[0], at)) throw std::invalid_argument("no editable table " + a[0]);
  } else if (name == "edit-status") {
    if (!ed->new_commune_status(a[0])) throw std::invalid_argument("no current commune " + a[0]);
  } else if (name == "edit-open") {
    if (!ed->open_incident(record_id(a[0]))) throw std::invalid_argument("no incident " + a[0]);
  } else if (name == "edit-open-record") {
    if (!ed->open_record(a[0], record_id(a[1])))
      throw std::invalid_argument("no " + a[0] + " #" + a[1]);
  } else if (name == "edit-field") {
    const size_t space = rest.find(' ');
    const std::string value = space == std::string::npos ? "" : rest.substr(space + 1);
    if (!ed->form().open) throw std::invalid_argument("no form open");
    if (!ed->set_field(a[0], value)) throw std::invalid_argument("no field " + a[0]);
  } else if (name == "edit-save") {
    if (!ed->save(st)) throw std::invalid_argument("not saved: " + why_not_saved(*ed));
  } else if (name == "edit-cancel") {
    ed->cancel();
  } else if (name == "edit-keep") {
    if (!ed->form().conflict) throw std::invalid_argument("no conflict to resolve");
    if (a[0] == "mine") {
      if (!ed->keep_mine(st)) throw std::invalid_argument("not saved: " + why_not_saved(*ed));
    } else if (a[0] == "theirs") {
      ed->keep_theirs();
    } else {
      throw std::invalid_argument("edit-keep mine|theirs");
    }
  } else if (name == "edit-move") {
    if (!ed->move_record(st, a[0], record_id(a[1]), lonlat_of_pixel(st, a[2], a[3])))
      throw std::invalid_argument("not moved: " + ed->message());
  } else if (name == "edit-delete") {
    ed->request_delete(a[0], record_id(a[1]));
    if (!ed->confirm_delete(st)) throw std::invalid_argument("not deleted: " + ed->message());
  } else if (name == "route-start") {
    ed->start_route();
  } else if (name == "route-point") {
    if (!ed->drawing_route()) throw std::invalid_argument("no route being drawn");
    ed->add_route_vertex(lonlat_of_pixel(st, a[0], a[1]));
  } else if (name == "route-finish") {
    if (!ed->finish_route()) throw std::invalid_argument("route not finished: " + ed->message());
  } else if (name == "route-cancel") {
    ed->cancel_route();
  } else if (name == "select-record") {
    const FeatureRef f = EditSession::find_feature(st, a[0], a[1]);
    if (!f) throw std::invalid_argument("no " + a[0] + " #" + a[1] + " on the map");
    st.select(f);
  } else if (name == "undo") {
    if (!ed->undo(st)) throw std::invalid_argument("cannot undo: " + ed->message());
  } else if (name == "redo") {
    if (!ed->redo(st)) throw std::invalid_argument("cannot redo: " + ed->message());
  } else {
    throw std::invalid_argument("unknown edit command " + name);
  }
}

}  // namespace secmap::ui
