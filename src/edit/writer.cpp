#include "edit/writer.h"

#include <algorithm>
#include <stdexcept>

#include "edit/audit.h"
#include "store/local_time.h"
#include "store/spatial_bulk_insert.h"
#include "store/table_schema.h"

namespace secmap::edit {

namespace {

std::optional<geo::Point> point_of(const std::optional<geo::Geometry>& g) {
  if (g && g->type == geo::GeomType::Point && !g->points.empty()) return g->points[0];
  return std::nullopt;
}

}  // namespace

Writer::Writer(store::Database& db, const Validator& validator) : db_(db), validator_(&validator) {}

Writer::Writer(store::Database& db) : db_(db) {}

const store::CodeLists& Writer::codes() const {
  if (validator_) return validator_->codes();
  if (!own_codes_) own_codes_ = store::CodeLists::load(db_);
  return *own_codes_;
}

void Writer::derive(const model::Table& spec, Fields& fields,
                    const std::optional<geo::Geometry>& geom, bool geom_changed) const {
  const auto p = point_of(geom);
  const bool takes_commune = spec.geometry == "POINT" && spec.column("commune_code");
  if ((spec.table == "incidents" || (takes_commune && p && geom_changed)) && !validator_)
    throw std::logic_error("edit::Writer::derive: " + spec.table +
                           " takes its commune from the point; this writer has no province");
  if (spec.table == "incidents") {
    // An incident known only by its commune (no point) keeps that commune.
    const auto given = fields.find("commune_code");
    const bool by_commune =
        !p && given != fields.end() && given->is_string() && !given->get<std::string>().empty();
    if (by_commune) {
      fields["outside_communes"] = 0;
    } else if (geom_changed || !fields.contains("commune_code")) {
      const std::string code = p ? validator_->commune_of(*p) : std::string();
      fields["commune_code"] = code.empty() ? Fields(nullptr) : Fields(code);
      fields["outside_communes"] = code.empty() ? 1 : 0;
    }
  } else if (takes_commune && p && geom_changed) {
    // A point placed in a commune names it; outside every commune the given code stays.
    if (const std::string code = validator_->commune_of(*p); !code.empty())
      fields["commune_code"] = code;
  }
  // Times are kept as local time; one written with a zone is converted (checked before).
  for (const model::Column& c : spec.columns)
    if (c.type == model::ColumnType::DateTime)
      if (auto v = fields.find(c.name); v != fields.end() && v->is_string())
        if (auto local = store::local_date_time(v->get<std::string>())) *v = *local;
  if (auto k = fields.find("kind"); k != fields.end() && k->is_string())
    if (model::SensitivityRule(codes()).kind_is_sensitive(spec.table, k->get<std::string>()))
      fields["sensitive"] = 1;  // openings and trails, whatever the form or file said
}

void Writer::audit(std::string_view action, const model::Table& spec, int64_t id,
                   const std::optional<Row>& before, const std::optional<Row>& after) {
  append_audit(db_, {std::string(action), spec.table, id, before ? row_json(*before) : "",
                     after ? row_json(*after) : ""});
}

ChangeRecord Writer::insert(const model::Table& spec, Row row, std::string_view action) {
  if (row.version == 0) row.version = 1;
  row.table = spec.table;
  const int64_t id = write_new_row(db_, spec, row);
  ChangeRecord c{std::string(action), spec.table, id, std::nullopt, read_row(db_, spec, id)};
  audit(action, spec, id, c.before, c.after);
  return c;
}

ChangeRecord Writer::overwrite(const model::Table& spec, const Row& current, Row next,
                               std::string_view action) {
  next.table = spec.table;
  next.id = current.id;
  next.version = current.version + 1;
  if (!write_row(db_, spec, next, current.version))
    throw store::StoreError("update of " + spec.table + " #" + std::to_string(current.id) +
                            " lost its version check inside a transaction");
  ChangeRecord c{std::string(action), spec.table, current.id, current,
                 read_row(db_, spec, current.id)};
  audit(action, spec, current.id, c.before, c.after);
  return c;
}

ChangeRecord Writer::remove(const model::Table& spec, const Row& current) {
  if (spec.soft_delete) {
    Row next = current;
    next.fields["deleted"] = 1;
    return overwrite(spec, current, std::move(next), "delete");
  }
  if (!erase_row(db_, spec, current.id, current.version))
    throw store::StoreError("delete of " + spec.table + " #" + std::to_string(current.id) +
                            " lost its version check inside a transaction");
  ChangeRecord c{"delete", spec.table, current.id, current, std::nullopt};
  audit("delete", spec, current.id, c.before, c.after);
  return c;
}

size_t Writer::clear_derived(const model::Table& spec, const std::string& column,
                             const std::string& value, std::string_view reason) {
  auto del = db_.prepare("DELETE FROM \"" + spec.table + "\" WHERE \"" + column + "\" = ?1");
  del.bind(1, value).run();
  const size_t removed = static_cast<size_t>(db_.changes());
  if (removed > 0)
    append_audit(db_, {"delete", spec.table, std::nullopt,
                       nlohmann::json{{column, value}, {"rows", removed}}.dump(),
                       nlohmann::json{{"reason", std::string(reason)}}.dump()});
  return removed;
}

struct Writer::Bulk::Impl {
  Writer& writer;
  const model::Table& spec;
  std::vector<std::string> columns;
  std::string file;
  std::string who = current_analyst();  // one analyst for the whole import
  bool has_who = true;                  // the table has updated_by (parameter ?1)
  std::optional<store::Statement> insert;
  std::optional<store::SpatialBulkInsert> spatial;
  std::optional<int64_t> first_id, last_id;
  size_t rows = 0;
};

Writer::Bulk::Bulk(Writer& writer, const model::Table& spec, std::vector<std::string> columns,
                   std::string source_file)
    : impl_(new Impl{writer, spec, std::move(columns), std::move(source_file)}) {
  Impl& m = *impl_;
  const store::TableSchema schema = store::read_table_schema(writer.db_, spec.table);
  // Columns derive() may fill are written whether or not the source gives them.
  auto given = [&](const char* c) {
    return std::find(m.columns.begin(), m.columns.end(), c) != m.columns.end();
  };
  if (schema.has("kind") && schema.has("sensitive") && !given("sensitive"))
    m.columns.push_back("sensitive");
  // Who saved the rows (?1), where the table keeps it: derived layers such as segments do not.
  std::vector<std::string> names, values;
  m.has_who = schema.has("updated_by");
  if (m.has_who) names.push_back("updated_by"), values.push_back("?1");
  int n = 1;
  for (const std::string& c : m.columns) {
    const store::ColumnInfo* ci = schema.column(c);
    if (!ci) throw store::StoreError(spec.table + " has no column " + c);
    // A NULL in a NOT NULL column with a default takes the default (e.g. crossings.status).
    const std::string p = "?" + std::to_string(++n);
    names.push_back("\"" + c + "\"");
    values.push_back(
        ci->not_null && ci->default_sql ? "COALESCE(" + p + ", " + *ci->default_sql + ")" : p);
  }
  if (!spec.geometry.empty()) {
    const bool multi = spec.geometry.rfind("MULTI", 0) == 0;
    const std::string p = "?" + std::to_string(++n);
    names.push_back("geom");
    values.push_back(multi ? "CastToMulti(GeomFromWKB(" + p + ", 4326))"
                           : "GeomFromWKB(" + p + ", 4326)");
    m.spatial.emplace(writer.db_, spec.table, "geom");
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  m.insert.emplace(writer.db_.prepare("INSERT INTO \"" + spec.table + "\" (" + join(names) +
                                      ") VALUES (" + join(values) + ")"));
}

Writer::Bulk::~Bulk() = default;

int64_t Writer::Bulk::add(Fields fields, const std::optional<geo::Geometry>& geom) {
  Impl& m = *impl_;
  // A commune the caller assigned in bulk (the same rule, applied to every point at once) stands.
  m.writer.derive(m.spec, fields, geom, !fields.contains("commune_code"));
  store::Statement& st = *m.insert;
  st.reset();
  if (m.has_who) st.bind(1, m.who);
  int p = 2;
  for (const std::string& c : m.columns) {
    auto it = fields.find(c);
    bind_json(st, p++, it == fields.end() ? Fields(nullptr) : *it);
  }
  if (!m.spec.geometry.empty()) bind_geom(st, p, geom);
  st.run();
  const int64_t id = m.writer.db_.last_insert_rowid();
  if (!m.first_id) m.first_id = id;
  m.last_id = id;
  ++m.rows;
  return id;
}

BulkChange Writer::Bulk::finish() {
  Impl& m = *impl_;
  if (m.spatial) m.spatial->finish();
  BulkChange out{m.spec.table, m.first_id.value_or(0), m.last_id.value_or(0), m.rows, 0};
  AuditAppender appender(m.writer.db_, m.who);
  if (!m.spec.editable) {
    // Reference layers are replaced as a whole, not edited record by record: one row says
    // which file brought how many.
    if (m.rows > 0)
      appender.append({"import", m.spec.table, std::nullopt, "",
                       nlohmann::json{{"file", m.file}, {"rows", m.rows}}.dump()});
  } else if (m.first_id) {
    read_rows(m.writer.db_, m.spec, *m.first_id, *m.last_id, [&](Row&& r) {
      appender.append({"import", m.spec.table, r.id, "", row_json(r)});
    });
  }
  out.audit_rows = appender.appended();
  return out;
}

}  // namespace secmap::edit
