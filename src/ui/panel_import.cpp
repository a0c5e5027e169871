// File › Import data: like QGIS's "Add delimited text layer", but every row is checked before
// anything is written. The file's first rows are shown with a field chooser over each column;
// Check runs the whole import without writing and lists every failing row; Import is offered
// only after a check of the same choices passed.
#include <algorithm>
#include <cstring>
#include <string>

#include "io/importer.h"
#include "ui/import_session.h"
#include "ui/panels.h"

namespace secmap::ui {

namespace {

std::string field_choice_label(const std::string& field, Lang L) {
  if (field.empty()) return tr(S::ImportKeepExtra, L);
  if (field == "location" || field == "geometry")
    return field_label(field, L) + " (" + tr(S::ImportCoordinates, L) + ")";
  return field_label(field, L) + " (" + field + ")";
}

void draw_file_row(PanelContext& ctx, ImportSession& im, Lang L) {
  ImGui::TextUnformatted(tr(S::ImportSourceFile, L));
  if (ImGui::IsWindowAppearing() && !im.file().empty())
    std::strncpy(ctx.import_path.data(), im.file().c_str(), ctx.import_path.size() - 1);
  const float button_w = ImGui::CalcTextSize(tr(S::ImportReadFile, L)).x + 24;
  ImGui::SetNextItemWidth(-button_w);
  const bool enter = ImGui::InputText("##importfile", ctx.import_path.data(),
                                      ctx.import_path.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr(S::ImportReadFile, L)) || enter) && ctx.import_path[0])
    im.choose_file(ctx.import_path.data());
}

void draw_choices(ImportSession& im, Lang L) {
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo(tr(S::ImportIntoLayer, L), field_label(im.layer(), L).c_str())) {
    for (const std::string& layer : io::layer_names())
      if (ImGui::Selectable((field_label(layer, L) + " (" + layer + ")").c_str(),
                            layer == im.layer()))
        im.set_layer(layer);
    ImGui::EndCombo();
  }
  const auto& p = im.preview();
  if (p && p->sheets.size() > 1) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    if (ImGui::BeginCombo(tr(S::ImportSheet, L), p->sheet.c_str())) {
      for (const io::SourceLayer& sheet : p->sheets) {
        const std::string label = sheet.name + " (" + std::to_string(sheet.features) + ")";
        if (ImGui::Selectable(label.c_str(), sheet.name == p->sheet)) {
          im.set_sheet(sheet.name);
          break;  // the preview was replaced
        }
      }
      ImGui::EndCombo();
    }
  }
  ImGui::SetNextItemWidth(220);  // a line of its own: narrow windows keep every label
  const std::string now = im.date_format();
  if (ImGui::BeginCombo(tr(S::ImportDateFormat, L),
                        now == "auto" ? tr(S::ImportDateAuto, L) : now.c_str())) {
    for (const char* f : {"auto", "dd/mm/yyyy", "mm/dd/yyyy"})
      if (ImGui::Selectable(f == std::string("auto") ? tr(S::ImportDateAuto, L) : f, now == f))
        im.set_date_format(f);
    ImGui::EndCombo();
  }
}

// The first rows, with each column's field chooser above them.
void draw_preview(ImportSession& im, Lang L, float height) {
  const auto& p = im.preview();
  if (!p || p->columns.empty()) return;
  ImGui::TextDisabled("%s", tr(S::ImportMappingHint, L));
  const int n = static_cast<int>(std::min<size_t>(p->columns.size(), 64));  // ImGui's limit
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##importpreview", n, flags, {0, height})) return;
  ImGui::TableSetupScrollFreeze(0, 2);
  for (int c = 0; c < n; ++c) ImGui::TableSetupColumn(p->columns[c].c_str());
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  // A choice may replace the preview; the rest of this frame draws the copy taken here.
  const std::vector<std::string> columns = p->columns, fields = p->column_fields;
  const std::vector<std::vector<std::string>> rows = p->rows;
  for (int c = 0; c < n; ++c) {
    ImGui::TableSetColumnIndex(c);
    ImGui::PushID(c);
    ImGui::SetNextItemWidth(170);
    const std::string& now = fields[c];
    const bool coordinates = now == "location" || now == "geometry";
    if (coordinates) {
      ImGui::TextUnformatted(field_choice_label(now, L).c_str());
    } else if (ImGui::BeginCombo("##field", field_choice_label(now, L).c_str())) {
      if (ImGui::Selectable(tr(S::ImportKeepExtra, L), now.empty()))
        im.set_column_field(columns[c], "");
      for (const std::string& f : im.fields())
        if (ImGui::Selectable(field_choice_label(f, L).c_str(), f == now))
          im.set_column_field(columns[c], f);
      ImGui::EndCombo();
    }
    ImGui::PopID();
  }
  for (const auto& row : rows) {
    ImGui::TableNextRow();
    for (int c = 0; c < n && c < static_cast<int>(row.size()); ++c) {
      ImGui::TableSetColumnIndex(c);
      ImGui::TextUnformatted(row[c].c_str());
    }
  }
  ImGui::EndTable();
}

void draw_outcome(const ImportOutcome& o, Lang L) {
  const io::ImportReport& r = o.report;
  if (o.ok) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(20, 120, 40, 255));
    ImGui::Text("%s %zu", tr(o.dry_run ? S::ImportCheckPassed : S::ImportDone, L),
                o.dry_run ? r.checked : r.imported);
    ImGui::PopStyleColor();
    if (!r.unused_columns.empty()) {
      std::string cols;
      for (const auto& c : r.unused_columns) cols += (cols.empty() ? "" : ", ") + c;
      ImGui::TextWrapped("%s %s", tr(S::ImportKeptColumns, L), cols.c_str());
    }
    if (r.by_commune) ImGui::Text("%s %zu", tr(S::ImportByCommune, L), r.by_commune);
    if (r.outside) ImGui::Text("%s %zu", tr(S::ImportOutside, L), r.outside);
    for (const auto& note : r.notes) ImGui::TextDisabled("%s", note.c_str());
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
  ImGui::TextWrapped("%s: %s", tr(S::ImportFailed, L), o.error.c_str());
  ImGui::PopStyleColor();
  if (o.problems.empty()) return;
  ImGui::Text("%s (%zu)", tr(S::ImportRowsAtFault, L), o.problems.size());
  if (ImGui::BeginChild("##problems", {0, 8 * ImGui::GetTextLineHeightWithSpacing()}, true)) {
    ImGuiListClipper clip;  // every failing row, however many
    clip.Begin(static_cast<int>(o.problems.size()));
    while (clip.Step())
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
        const io::RowProblem& p = o.problems[static_cast<size_t>(i)];
        const std::string text =
            L == Lang::Vi && !p.message_vi.empty()
                ? p.where + (p.field.empty() ? "" : ", " + p.field) + ": " + p.message_vi
                : p.text();
        ImGui::TextUnformatted(text.c_str());
      }
  }
  ImGui::EndChild();
}

}  // namespace

void draw_import_dialog(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max) {
  AppState& st = ctx.state;
  ImportSession& im = st.importing();
  if (!im.is_open()) return;
  const Lang L = st.lang();
  const ImVec2 size{std::max(320.f, (map_max.x - map_min.x) * 0.85f),
                    std::max(240.f, (map_max.y - map_min.y) * 0.85f)};
  ImGui::SetNextWindowPos({(map_min.x + map_max.x) / 2, (map_min.y + map_max.y) / 2},
                          ImGuiCond_Appearing, {0.5f, 0.5f});
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  bool open = true;
  const std::string title = std::string(tr(S::MenuImport, L)) + "###import";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    draw_file_row(ctx, im, L);
    if (!im.message().empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
      ImGui::TextWrapped("%s", im.message().c_str());
      ImGui::PopStyleColor();
    }
    if (im.preview()) {
      draw_choices(im, L);
      for (const auto& note : im.preview()->notes) ImGui::TextDisabled("%s", note.c_str());
      if (const auto& p = im.preview(); p && !p->missing_required.empty()) {
        std::string fields;
        for (const auto& f : p->missing_required)
          fields += (fields.empty() ? "" : ", ") + field_label(f, L);
        ImGui::TextColored({0.8f, 0.4f, 0.f, 1.f}, "%s %s", tr(S::ImportMissingRequired, L),
                           fields.c_str());
      }
      draw_preview(im, L, std::max(120.f, ImGui::GetContentRegionAvail().y * 0.45f));
    }
    ImGui::Separator();
    if (im.running()) {
      const auto [done, total] = im.progress();
      const float f = total ? static_cast<float>(done) / static_cast<float>(total) : 0.f;
      const std::string label = std::to_string(done) + (total ? " / " + std::to_string(total) : "");
      ImGui::TextUnformatted(tr(im.outcome() ? S::ImportImporting : S::ImportChecking, L));
      ImGui::ProgressBar(f, {-1, 0}, label.c_str());
    } else {
      ImGui::BeginDisabled(!im.preview() || !st.database());
      if (ImGui::Button(tr(S::ImportCheck, L))) im.start_check(st.database_path());
      ImGui::EndDisabled();
      ImGui::SameLine();
      ImGui::BeginDisabled(!im.can_import());
      if (ImGui::Button(tr(S::ImportConfirm, L))) im.start_import(st.database_path());
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (ImGui::Button(tr(S::Close, L))) open = false;
      if (!im.can_import() && im.preview()) ImGui::TextDisabled("%s", tr(S::ImportCheckFirst, L));
    }
    if (const auto& o = im.outcome(); o && !im.running()) draw_outcome(*o, L);
  }
  ImGui::End();
  if (!open) im.close();
}

}  // namespace secmap::ui
