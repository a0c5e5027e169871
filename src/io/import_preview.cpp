#include "io/import_preview.h"

#include <algorithm>

#include "io/column_plan.h"
#include "model/tables.h"

namespace secmap::io {

ImportPreview preview_import(const ImportOptions& opt, size_t max_rows) {
  if (!model::find_layer(opt.layer)) throw ImportError("unknown layer '" + opt.layer + "'");
  ImportPreview p;
  p.sheets = GdalSource::layers(opt.file);
  std::optional<std::string> sheet = opt.source_layer;
  if (!sheet && p.sheets.size() > 1) {  // several sheets: the first that holds data, to start
    const auto with_data = std::find_if(p.sheets.begin(), p.sheets.end(),
                                        [](const SourceLayer& l) { return l.features != 0; });
    sheet = (with_data != p.sheets.end() ? *with_data : p.sheets.front()).name;
  }
  GdalSource src = GdalSource::open(opt.file, sheet, opt.encoding);
  p.driver = src.driver();
  p.sheet = sheet.value_or(p.sheets.empty() ? std::string() : p.sheets.front().name);
  p.columns = src.field_names();
  p.notes = src.reading_notes();
  p.encoding = src.encoding_name();
  p.coordinate_columns = src.coordinate_columns();
  plan_preview(p, opt);
  SourceFeature f;
  while (p.rows.size() < max_rows && src.next(f)) {
    std::vector<std::string> row;
    for (const RawValue& v : f.values) row.push_back(v.as_text());
    p.rows.push_back(std::move(row));
  }
  return p;
}

void plan_preview(ImportPreview& p, const ImportOptions& opt) {
  const model::Table* layer = model::find_layer(opt.layer);
  if (!layer) throw ImportError("unknown layer '" + opt.layer + "'");
  const ColumnPlan plan =
      plan_columns(*layer, p.columns, p.coordinate_columns, opt.map, opt.file.string(), true);
  p.missing_required = plan.missing_required;
  p.column_fields.assign(p.columns.size(), "");
  for (const FieldBinding& b : plan.bindings)
    if (b.source_index >= 0) p.column_fields[b.source_index] = b.field->name;
  if (!layer->geometry.empty())
    for (const auto& c : p.coordinate_columns)
      for (size_t i = 0; i < p.columns.size(); ++i)
        if (p.columns[i] == c && p.column_fields[i].empty())
          p.column_fields[i] = layer->geometry == "POINT" ? "location" : "geometry";
  if (plan.commune_column >= 0) p.column_fields[plan.commune_column] = "commune";
  if (plan.province_column >= 0) p.column_fields[plan.province_column] = "province";
}

}  // namespace secmap::io
