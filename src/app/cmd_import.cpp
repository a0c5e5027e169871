// secmap import DB LAYER FILE [--crs EPSG:N] [--map field=column ...] [--layer SRC_LAYER]
//                             [--encoding utf-8|cp1258|tcvn3] [--dry-run] [--accept-outside]
#include <cstdio>
#include <optional>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "io/importer.h"
#include "io/progress.h"
#include "model/tables.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/new_database.h"
#include "text/encoding.h"

namespace secmap::app {

namespace {

void print_report(const io::ImportReport& r, const std::string& layer, const std::string& file) {
  if (r.dry_run)
    std::printf(
        "kiểm tra thử / dry run: cả %zu dòng đều hợp lệ / all %zu rows of %s pass; "
        "không ghi gì / nothing was written\n",
        r.checked, r.checked, file.c_str());
  else
    std::printf("đã nhập / imported %zu of %zu features into %s from %s\n", r.imported, r.read,
                layer.c_str(), file.c_str());
  if (!r.encoding.empty()) std::printf("  mã ký tự / encoding: %s\n", r.encoding.c_str());
  std::string mapping;
  for (const auto& [column, field] : r.mapping)
    mapping += (mapping.empty() ? "" : ", ") + ("'" + column + "' → " + field);
  if (!mapping.empty()) std::printf("  cột / columns: %s\n", mapping.c_str());
  if (!r.unused_columns.empty()) {
    std::string unused;
    for (const auto& c : r.unused_columns) unused += (unused.empty() ? "'" : ", '") + c + "'";
    std::printf("  cột giữ lại / columns no field takes, kept with each row (extra): %s\n",
                unused.c_str());
  }
  if (!r.source_crs.empty())
    std::printf("  hệ tọa độ nguồn / source CRS: %s → EPSG:4326\n", r.source_crs.c_str());
  if (r.first_id)
    std::printf("  id: %lld–%lld\n", static_cast<long long>(*r.first_id),
                static_cast<long long>(*r.last_id));
  if (!r.first_date.empty())
    std::printf("  thời gian / dates: %s … %s\n", r.first_date.c_str(), r.last_date.c_str());
  if (!r.communes.empty()) {
    std::string list;
    constexpr size_t kShown = 10;
    for (size_t i = 0; i < r.communes.size() && i < kShown; ++i)
      list += (i ? ", " : "") + r.communes[i].first + " ×" + std::to_string(r.communes[i].second);
    if (r.communes.size() > kShown) list += ", …";
    std::printf("  xã / communes: %zu (%s)\n", r.communes.size(), list.c_str());
  }
  if (r.by_commune)
    std::printf("  chỉ có xã / located by commune only (no point): %zu\n", r.by_commune);
  if (r.outside)
    std::printf("  ngoài mọi xã / outside every commune: %zu (kept, flagged)\n", r.outside);
  std::printf("  hình học sửa / repaired geometries: %zu\n", r.repaired);
  if (!r.dry_run) std::printf("  nhật ký / audit rows: %zu (action import)\n", r.audit_rows);
  constexpr size_t kMaxNotes = 20;
  for (size_t i = 0; i < r.notes.size() && i < kMaxNotes; ++i)
    std::printf("  note: %s\n", r.notes[i].c_str());
  if (r.notes.size() > kMaxNotes)
    std::printf("  … and %zu more notes\n", r.notes.size() - kMaxNotes);
}

}  // namespace

int cmd_import(const Args& args) {
  CLI::App app{
      "Import a vector file (GeoJSON, GeoPackage, Shapefile, KML, GPX, CSV) or a spreadsheet "
      "(XLSX, ODS) into a layer",
      "secmap import"};
  std::string db_path, layer, file, crs, source_layer, encoding;
  std::vector<std::string> maps;
  bool dry_run = false, accept_outside = false;
  app.add_option("DB", db_path, "database file (created if missing)")->required();
  app.add_option(
         "LAYER", layer,
         "layer: " +
             [] {
               std::string s;
               for (const auto& n : io::layer_names()) s += (s.empty() ? "" : ", ") + n;
               return s;
             }())
      ->required();
  app.add_option("FILE", file, "vector file to import")->required();
  app.add_option("--crs", crs,
                 "source CRS when the file has none or names the wrong one, e.g. EPSG:9208");
  app.add_option(
      "--map", maps,
      "field=column: fill our field from that source column (repeatable); field= takes none, "
      "so the column it would match is kept as extra; for incidents also commune=COLUMN and "
      "province=COLUMN for rows without coordinates");
  app.add_option("--layer", source_layer,
                 "layer inside a multi-layer source (a GeoPackage layer, a spreadsheet's sheet)");
  app.add_option("--encoding", encoding,
                 std::string("CSV text encoding: ") + text::encoding_choices() +
                     " (default: detected; UTF-8 with or without BOM)");
  std::string date_format;
  std::vector<std::string> value_maps;
  app.add_option("--date-format", date_format,
                 "how dates like 03/01/2025 read: dd/mm/yyyy (ngày/tháng/năm) or mm/dd/yyyy; "
                 "default: from the column (a day above 12), else the import asks");
  std::string province;
  app.add_option("--province", province,
                 "incidents named by commune only: their province, when the file has no "
                 "province column (a commune name two provinces share needs it)");
  app.add_option("--map-values", value_maps,
                 "FIELD=WRITTEN:CODE,WRITTEN:CODE…: what the file writes for a code, e.g. "
                 "severity=1:it_nghiem_trong,2:nghiem_trong (repeatable)");
  app.add_flag("--dry-run", dry_run,
               "check every row and report each one that would fail; write nothing");
  app.add_flag("--accept-outside", accept_outside,
               "incidents: accept points outside the province's communes (kept, flagged)");
  if (auto rc = parse_or_exit(app, args)) return *rc;

  io::ImportOptions opt;
  opt.layer = layer;
  opt.file = file;
  opt.dry_run = dry_run;
  opt.accept_outside = accept_outside;
  if (!crs.empty()) opt.crs = crs;
  if (!source_layer.empty()) opt.source_layer = source_layer;
  if (!encoding.empty()) {
    opt.encoding = text::parse_encoding(encoding);
    if (!opt.encoding) {
      std::fprintf(stderr,
                   "secmap import: --encoding %s: không rõ bảng mã / unknown encoding (use %s)\n",
                   encoding.c_str(), text::encoding_choices());
      return 2;
    }
  }
  opt.province = province;
  if (!date_format.empty()) {
    const auto order = io::parse_date_format(date_format);
    if (!order) {
      std::fprintf(stderr,
                   "secmap import: --date-format %s: use dd/mm/yyyy (ngày/tháng/năm) or "
                   "mm/dd/yyyy\n",
                   date_format.c_str());
      return 2;
    }
    opt.day_order = *order;
  }
  for (const auto& m : value_maps) {
    const auto eq = m.find('=');
    bool ok = eq != std::string::npos && eq > 0 && eq + 1 < m.size();
    if (ok) {
      auto& values = opt.value_map[m.substr(0, eq)];
      std::string_view rest = std::string_view(m).substr(eq + 1);
      while (ok && !rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view pair = rest.substr(0, comma);
        const size_t colon = pair.rfind(':');
        ok = colon != std::string_view::npos && colon > 0 && colon + 1 < pair.size();
        if (ok) values[std::string(pair.substr(0, colon))] = std::string(pair.substr(colon + 1));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
    }
    if (!ok) {
      std::fprintf(stderr,
                   "secmap import: --map-values %s: expected FIELD=WRITTEN:CODE[,WRITTEN:CODE…]\n",
                   m.c_str());
      return 2;
    }
  }
  for (const auto& m : maps) {
    const auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "secmap import: --map %s: expected field=column (or field= for none)\n",
                   m.c_str());
      return 2;
    }
    opt.map[m.substr(0, eq)] = m.substr(eq + 1);
  }
  io::ProgressBar bar((dry_run ? "checking " : "importing ") + layer);
  opt.progress = [&](size_t done, size_t total) { bar.update(done, total); };
  // What the database held before, so that "unchanged" is said only when it was checked.
  struct Snapshot {
    bool existed = false;
    int64_t audit_id = 0, rows = 0;
  };
  const model::Table* table = model::find_layer(layer);
  auto snapshot = [&]() -> std::optional<Snapshot> {
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) return Snapshot{};
    try {
      auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
      return Snapshot{true, store::max_audit_id(db), table ? db.count_rows(table->table) : 0};
    } catch (const std::exception&) {
      return std::nullopt;
    }
  };
  const std::optional<Snapshot> before = snapshot();
  auto what_is_left = [&]() -> std::string {
    if (dry_run) return "kiểm tra thử, không ghi gì / dry run: nothing was written";
    const std::optional<Snapshot> after = snapshot();
    if (before && after && !before->existed && !after->existed)
      return "không nhập gì; không tạo cơ sở dữ liệu / nothing was imported; no database was "
             "created";
    if (before && after && before->existed && after->existed &&
        before->audit_id == after->audit_id && before->rows == after->rows)
      return "không nhập gì; cơ sở dữ liệu không đổi / nothing was imported; the database is "
             "unchanged (checked)";
    return "CẢNH BÁO / WARNING: the import failed, and the database could not be shown to be "
           "unchanged; check it with `secmap audit " +
           db_path + " verify` and `secmap info " + db_path + "`";
  };
  try {
    // A new database appears only with a successful import in it (a dry run leaves none).
    std::optional<io::ImportReport> report;
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) {
      const auto placed = store::create_database(db_path, false, [&](store::Database& db) {
        report = io::import_file(db, opt);
        return !dry_run;
      });
      if (placed == store::Placement::Existed) report.reset();  // made meanwhile: import there
    }
    if (!report) {
      auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
      report = io::import_file(db, opt);
    }
    const io::ImportReport& r = *report;
    bar.finish();
    print_report(r, layer, file);
    return 0;
  } catch (const io::ImportError& e) {
    bar.finish();
    if (e.problems.empty()) {
      std::fprintf(stderr, "secmap import: lỗi / error: %s\n", e.what());
    } else {
      // Every failing row, not just the first few in the message.
      const std::string what = e.what();
      std::fprintf(stderr, "secmap import: lỗi / error: %s\n",
                   what.substr(0, what.find('\n')).c_str());
      for (const auto& p : e.problems) {
        std::string line = p.where;
        if (!p.field.empty()) line += ", field '" + p.field + "'";
        line += ": " + (p.message_vi.empty() ? p.message : p.message_vi + " / " + p.message);
        std::fprintf(stderr, "  %s\n", line.c_str());
      }
    }
    std::fprintf(stderr, "%s\n", what_is_left().c_str());
    return 1;
  } catch (const store::BusyError& e) {
    bar.finish();
    std::fprintf(stderr, "secmap import: %s\n", e.what());
    return kExitBusy;
  } catch (const std::exception& e) {
    bar.finish();
    std::fprintf(stderr, "secmap import: lỗi / error: %s\n%s\n", e.what(), what_is_left().c_str());
    return 1;
  }
}

}  // namespace secmap::app
