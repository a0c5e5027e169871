// secmap edit DB TABLE ID|new --set FIELD=VALUE ... [--expect-version N] [--lon X --lat Y]
// [--accept-outside] [--delete]: one edit through the same validation, versioning and audit
// as the window. A stale --expect-version reports a conflict (exit 4) and writes nothing.
#include <cstdio>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "edit/editor.h"
#include "store/database.h"

namespace secmap::app {

namespace {

void print_errors(const edit::EditResult& r) {
  for (const auto& e : r.errors)
    std::fprintf(stderr, "  %s: %s / %s\n", e.field.c_str(), e.message.c_str(),
                 e.message_vi.c_str());
}

}  // namespace

int cmd_edit(const Args& args) {
  CLI::App app{"Insert, change or delete one record with validation, versioning and audit",
               "secmap edit"};
  std::string db_path, table, target;
  std::vector<std::string> sets;
  int64_t expect_version = 0;
  double lon = 0, lat = 0;
  bool accept_outside = false, remove = false;
  app.add_option("DB", db_path, "database file")->required();
  app.add_option("TABLE", table,
                 "incidents, commune_status, designations, crossings, "
                 "facilities, cooperation_events, campaigns, patrols")
      ->required();
  app.add_option("ID", target, "record id, or 'new'")->required();
  app.add_option("--set", sets, "FIELD=VALUE (repeatable); an empty VALUE clears the field");
  auto* expect_opt =
      app.add_option("--expect-version", expect_version,
                     "the version you loaded; a newer stored version is a conflict")
          ->check(CLI::Validator(
              [](std::string& v) -> std::string {
                return !v.empty() && v.find_first_not_of("0123456789") == std::string::npos
                           ? std::string()
                           : "'" + v + "' is not a version (a whole number, 0 or more)";
              },
              "VERSION"));
  auto* lon_opt = app.add_option("--lon", lon, "new location: longitude (WGS 84)");
  auto* lat_opt = app.add_option("--lat", lat, "new location: latitude (WGS 84)");
  lon_opt->needs(lat_opt);
  lat_opt->needs(lon_opt);
  app.add_flag("--accept-outside", accept_outside, "accept a point outside the province");
  app.add_flag("--delete", remove, "delete the record (incidents are kept, marked deleted)");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  const model::Table* spec = model::find_editable(table);
  if (!spec) {
    std::fprintf(stderr, "secmap edit: %s is not an editable table\n", table.c_str());
    return 2;
  }
  edit::Fields fields = edit::Fields::object();
  for (const std::string& s : sets) {
    const size_t eq = s.find('=');
    const std::string name = s.substr(0, eq);
    const model::Column* col = spec->column(name);
    if (eq == std::string::npos || !col) {
      std::fprintf(stderr, "secmap edit: --set %s: %s\n", s.c_str(),
                   eq == std::string::npos
                       ? "expected FIELD=VALUE"
                       : ("no editable field " + name + " in " + table).c_str());
      return 2;
    }
    std::string error;
    auto v = edit::parse_value(*col, s.substr(eq + 1), &error);
    if (!v) {
      std::fprintf(stderr, "secmap edit: --set %s: %s\n", s.c_str(), error.c_str());
      return 2;
    }
    fields[name] = *v;
  }
  std::optional<geo::Geometry> geom;
  if (lon_opt->count()) geom = geo::Geometry::point({lon, lat});

  auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
  edit::Editor editor(db);
  edit::EditResult r;
  if (target == "new") {
    r = table == "commune_status" ? editor.record_commune_status(fields)
                                  : editor.insert(table, fields, geom, accept_outside);
  } else {
    int64_t id = 0;
    try {
      id = std::stoll(target);
    } catch (const std::exception&) {
      std::fprintf(stderr, "secmap edit: ID must be a number or 'new', not %s\n", target.c_str());
      return 2;
    }
    if (!expect_opt->count()) {
      // Without --expect-version the stored version is used: a plain command-line edit.
      auto cur = editor.load(table, id);
      expect_version = cur ? cur->version : 0;
    }
    r = remove ? editor.remove(table, id, expect_version)
               : editor.update(table, id, expect_version, fields, geom, accept_outside);
  }
  switch (r.status) {
    case edit::EditStatus::Ok:
    case edit::EditStatus::Unchanged:
      std::printf("%s (id %lld, version %lld)\n", r.message.c_str(), static_cast<long long>(r.id),
                  static_cast<long long>(r.version));
      return 0;
    case edit::EditStatus::Invalid:
      std::fprintf(stderr, "secmap edit: %s #%s not saved, invalid:\n", table.c_str(),
                   target.c_str());
      print_errors(r);
      return 1;
    case edit::EditStatus::NotFound:
      std::fprintf(stderr, "secmap edit: %s\n", r.message.c_str());
      return 1;
    case edit::EditStatus::Conflict:
      std::fprintf(stderr, "secmap edit: conflict: %s; nothing written\n", r.message.c_str());
      if (r.conflict && r.conflict->theirs)
        std::fprintf(stderr, "  theirs (version %lld): %s\n",
                     static_cast<long long>(r.conflict->their_version),
                     edit::row_json(*r.conflict->theirs).c_str());
      std::fprintf(stderr, "  yours (on version %lld): %s\n",
                   static_cast<long long>(expect_version), fields.dump().c_str());
      return 4;
  }
  return 1;
}

}  // namespace secmap::app
