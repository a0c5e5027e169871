// The window's editing session (ui/EditSession) on the synthetic demo province, without a window:
// the code path the form, the menu, the mouse and the scripts share. A commune's status for a
// period, the generic form for the other layers, moving and deleting, drawing a patrol route,
// conflicts with another analyst's save, and Identify's history from the audit trail. Every
// edit is undone and the tables must read as before.
#include "ui/edit_session.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "demo/demo_builder.h"
#include "edit/audit.h"
#include "geo/crs.h"
#include "test_support.h"
#include "ui/app_state.h"

namespace secmap::ui {
namespace {

// Every row of the editable tables without the bookkeeping an undo moves on (version,
// updated_at, updated_by); soft-deleted incidents are left out.
std::map<std::string, std::vector<std::string>> contents(store::Database& db) {
  std::map<std::string, std::vector<std::string>> out;
  for (const char* t : {"incidents", "commune_status", "designations", "crossings", "facilities",
                        "cooperation_events", "campaigns", "patrols"}) {
    std::string cols;
    auto info = db.prepare(std::string("SELECT name FROM pragma_table_info('") + t + "')");
    bool soft = false;
    while (info.step()) {
      const std::string c = info.column_text(0);
      if (c == "deleted") soft = true;
      if (c == "version" || c == "updated_at" || c == "updated_by") continue;
      cols += (cols.empty() ? "" : " || '|' || ") +
              (c == "geom" ? std::string("coalesce(hex(AsBinary(geom)), '-')")
                           : "quote(\"" + c + "\")");
    }
    auto st = db.prepare("SELECT " + cols + " FROM " + t + (soft ? " WHERE deleted = 0" : "") +
                         " ORDER BY rowid");
    while (st.step()) out[t].push_back(st.column_text(0));
  }
  return out;
}

double query_double(store::Database& db, const std::string& sql) {
  auto st = db.prepare(sql);
  return st.step() ? st.column_double(0) : NAN;
}

class EditSessionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(test::scratch_dir("ui-edit-session"));
    demo::DemoOptions o;
    o.synthetic = true;
    o.incidents = 300;
    demo::build_demo(*dir_ / "template.sqlite", o);
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    setenv("SECMAP_ANALYST", "analyst-ui", 1);
    db_path_ =
        *dir_ /
        (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".sqlite");
    std::filesystem::copy_file(*dir_ / "template.sqlite", db_path_,
                               std::filesystem::copy_options::overwrite_existing);
    ASSERT_TRUE(state_.open_database(db_path_));
    state_.set_viewport(900, 700);
    ed_ = state_.editing();
    ASSERT_NE(ed_, nullptr);
  }
  void TearDown() override { unsetenv("SECMAP_ANALYST"); }
  store::Database& db() { return *state_.database(); }
  // A point inside the largest current commune, and its code.
  std::pair<geo::Point, std::string> inside_point() {
    auto st = db().prepare(
        "SELECT X(p), Y(p), code FROM (SELECT PointOnSurface(geom) AS p, code FROM communes "
        "WHERE valid_to IS NULL ORDER BY area_km2 DESC LIMIT 1)");
    EXPECT_TRUE(st.step());
    return {{st.column_double(0), st.column_double(1)}, st.column_text(2)};
  }
  // Undoes everything this session did.
  void undo_all() {
    while (ed_->can_undo()) ASSERT_TRUE(ed_->undo(state_)) << ed_->message();
  }

  static std::filesystem::path* dir_;
  std::filesystem::path db_path_;
  AppState state_;
  EditSession* ed_ = nullptr;
};
std::filesystem::path* EditSessionTest::dir_ = nullptr;

TEST_F(EditSessionTest, CommuneStatusForAPeriodClosesThePreviousOne) {
  const auto before = contents(db());
  const std::string code = inside_point().second;
  // Give the commune a current period after the demo's, as the form would.
  ASSERT_TRUE(ed_->new_commune_status(code));
  ed_->set_field("period_from", "2026-02-01");
  ed_->set_field("drug_free", "not_yet");
  ed_->set_field("antt_standard", "not_meets");
  ed_->set_field("movement_class", "average");
  ASSERT_TRUE(ed_->save(state_)) << ed_->message();
  const int64_t first = *db().query_int("SELECT id FROM commune_status WHERE commune_code = '" +
                                        code + "' AND period_from = '2026-02-01'");

  // The next period starts from the current values; only the drug-free status changes.
  ASSERT_TRUE(ed_->new_commune_status(code));
  EXPECT_EQ(ed_->form().table, "commune_status");
  EXPECT_EQ(ed_->form().values["commune_code"], code);
  EXPECT_EQ(ed_->form().values["antt_standard"], "not_meets");
  EXPECT_EQ(ed_->form().values["movement_class"], "average");
  ed_->set_field("period_from", "2026-08-01");
  ed_->set_field("drug_free", "drug_free");
  ASSERT_TRUE(ed_->save(state_)) << ed_->message();
  auto st = db().prepare(
      "SELECT period_from, period_to, drug_free, antt_standard FROM commune_status "
      "WHERE commune_code = ?1 AND period_from >= '2026-02-01' ORDER BY period_from");
  st.bind(1, code);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(1), "2026-07-31");  // closed, not overwritten
  EXPECT_EQ(st.column_text(2), "not_yet");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(0), "2026-08-01");
  EXPECT_TRUE(st.is_null(1));
  EXPECT_EQ(st.column_text(2), "drug_free");
  EXPECT_EQ(st.column_text(3), "not_meets");

  // Identify's history of the commune: the closing of the first period, the new one.
  int commune = -1;
  for (size_t i = 0; i < state_.data()->communes.size(); ++i)
    if (state_.data()->communes[i].code == code) commune = static_cast<int>(i);
  ASSERT_GE(commune, 0);
  const auto& h = ed_->history_of(state_, {FeatureKind::Commune, commune});
  bool closed = false, added = false;
  for (const auto& e : h)
    for (const auto& c : e.changes) {
      if (e.row_id == first && c.field == "period_to" && c.after == "2026-07-31") closed = true;
      if (e.action == "insert" && c.field == "period_from" && c.after == "2026-08-01") added = true;
    }
  EXPECT_TRUE(closed);
  EXPECT_TRUE(added);
  for (const auto& e : h) EXPECT_EQ(e.who, "analyst-ui");

  // Errors next to the fields, nothing written: a future start, a value not in the code list.
  const int64_t audit_rows = *db().query_int("SELECT count(*) FROM audit_log");
  ASSERT_TRUE(ed_->new_commune_status(code));
  ed_->set_field("period_from", "2999-01-01");
  ed_->set_field("movement_class", "superb");
  EXPECT_FALSE(ed_->save(state_));
  EXPECT_TRUE(ed_->form().open);
  EXPECT_NE(ed_->form().error_of("period_from"), nullptr);
  EXPECT_NE(ed_->form().error_of("movement_class"), nullptr);
  EXPECT_EQ(*db().query_int("SELECT count(*) FROM audit_log"), audit_rows);
  ed_->cancel();
  EXPECT_FALSE(ed_->new_commune_status("no-such-commune"));

  undo_all();
  EXPECT_EQ(contents(db()), before);
  EXPECT_TRUE(edit::verify_audit(db()).ok);
}

TEST_F(EditSessionTest, GenericFormSavesEveryLayerAndUndoes) {
  const auto before = contents(db());
  const auto [p, code] = inside_point();
  struct Case {
    std::string table;
    std::map<std::string, std::string> values;
    bool point;
  };
  const std::vector<Case> cases = {
      {"crossings", {{"name", "Lối mở Thử"}, {"kind", "opening"}, {"sensitive", "1"}}, true},
      {"facilities", {{"name", "Đồn Biên phòng Thử"}, {"kind", "border_post"}}, true},
      {"designations",
       {{"type", "crime_free"},
        {"name", "Khu dân cư không tội phạm"},
        {"year", "2024"},
        {"commune_code", code}},
       false},
      {"cooperation_events",
       {{"kind", "meeting"},
        {"occurred_on", "2025-03-04"},
        {"vn_party", "Đồn Biên phòng"},
        {"counterpart", "Trạm Kiểm soát"}},
       true},
      {"campaigns",
       {{"code", "thu2025"},
        {"name", "Cao điểm thử"},
        {"date_from", "2025-03-01"},
        {"date_to", "2025-03-31"}},
       false},
  };
  for (const Case& c : cases) {
    const int64_t rows = *db().query_int("SELECT count(*) FROM " + c.table);
    const int64_t audit_rows = *db().query_int("SELECT count(*) FROM audit_log");
    ASSERT_TRUE(ed_->new_record(c.table, c.point ? std::optional(p) : std::nullopt)) << c.table;
    for (const auto& [k, v] : c.values) ASSERT_TRUE(ed_->set_field(k, v)) << c.table << "." << k;
    ASSERT_TRUE(ed_->save(state_)) << c.table << ": " << ed_->message();
    EXPECT_FALSE(ed_->form().open);
    EXPECT_EQ(*db().query_int("SELECT count(*) FROM " + c.table), rows + 1) << c.table;
    EXPECT_EQ(*db().query_int("SELECT count(*) FROM audit_log"), audit_rows + 1) << c.table;
  }
  // The crossing is on the map with its point.
  const int64_t crossing = *db().query_int("SELECT id FROM crossings WHERE name = 'Lối mở Thử'");
  EXPECT_NEAR(
      query_double(db(), "SELECT X(geom) FROM crossings WHERE id = " + std::to_string(crossing)),
      p.x, 1e-9);
  // Reopened, changed and saved against the version loaded.
  ASSERT_TRUE(ed_->open_record("crossings", crossing));
  EXPECT_EQ(ed_->form().values["name"], "Lối mở Thử");
  ed_->set_field("status", "closed");
  ASSERT_TRUE(ed_->save(state_)) << ed_->message();
  EXPECT_EQ(db().query_text("SELECT status FROM crossings WHERE id = " + std::to_string(crossing)),
            "closed");

  // Invalid: required name missing, a kind not in the code list, dates out of order. Each error
  // names its field; nothing is written.
  const int64_t audit_rows = *db().query_int("SELECT count(*) FROM audit_log");
  ASSERT_TRUE(ed_->new_record("facilities", p));
  ed_->set_field("kind", "castle");
  EXPECT_FALSE(ed_->save(state_));
  EXPECT_NE(ed_->form().error_of("name"), nullptr);
  EXPECT_NE(ed_->form().error_of("kind"), nullptr);
  ASSERT_TRUE(ed_->new_record("campaigns"));
  for (const auto& [k, v] : std::map<std::string, std::string>{
           {"code", "x1"}, {"name", "X"}, {"date_from", "2025-05-01"}, {"date_to", "2025-04-01"}})
    ed_->set_field(k, v);
  EXPECT_FALSE(ed_->save(state_));
  EXPECT_NE(ed_->form().error_of("date_to"), nullptr);
  ASSERT_TRUE(ed_->new_record("crossings"));  // a crossing needs its point
  ed_->set_field("name", "Không vị trí");
  ed_->set_field("kind", "opening");
  EXPECT_FALSE(ed_->save(state_));
  EXPECT_NE(ed_->form().error_of("location"), nullptr);
  EXPECT_EQ(*db().query_int("SELECT count(*) FROM audit_log"), audit_rows);
  ed_->cancel();

  EXPECT_EQ(ed_->editor().history().undo_size(), cases.size() + 1);
  undo_all();
  EXPECT_EQ(contents(db()), before);
  // And redo brings the last state back.
  while (ed_->can_redo()) ASSERT_TRUE(ed_->redo(state_)) << ed_->message();
  EXPECT_EQ(db().query_text("SELECT status FROM crossings WHERE name = 'Lối mở Thử'"), "closed");
  EXPECT_TRUE(edit::verify_audit(db()).ok);
}

TEST_F(EditSessionTest, MoveAndDeleteAnIncidentAreUndoable) {
  const auto before = contents(db());
  const int64_t id = state_.data()->incidents.id.at(0);
  const auto [p, code] = inside_point();
  ASSERT_TRUE(ed_->move_record(state_, "incidents", id, p)) << ed_->message();
  EXPECT_NEAR(query_double(db(), "SELECT X(geom) FROM incidents WHERE id = " + std::to_string(id)),
              p.x, 1e-9);
  EXPECT_EQ(db().query_text("SELECT commune_code FROM incidents WHERE id = " + std::to_string(id)),
            code);  // the commune follows the point
  // The map shows it where it went.
  bool drawn_there = false;
  const geo::Point merc = geo::lonlat_to_mercator(p);
  for (size_t i = 0; i < state_.data()->incidents.size(); ++i)
    if (state_.data()->incidents.id[i] == id)
      drawn_there = std::abs(state_.data()->incidents.at[i].x - merc.x) < 0.01;
  EXPECT_TRUE(drawn_there);
  // Moving it outside the province is refused.
  EXPECT_FALSE(ed_->move_record(state_, "incidents", id, {p.x + 20, p.y}));
  EXPECT_NE(ed_->message().find("location"), std::string::npos) << ed_->message();
  EXPECT_TRUE(ed_->refused());  // the window says why until dismissed
  ed_->dismiss_refusal();

  // Delete asks first; confirmed, the incident is kept, marked deleted, and leaves the map.
  const size_t drawn = state_.data()->incidents.size();
  ed_->request_delete("incidents", id);
  EXPECT_TRUE(ed_->delete_pending());
  ed_->cancel_delete();
  EXPECT_EQ(*db().query_int("SELECT deleted FROM incidents WHERE id = " + std::to_string(id)), 0);
  ed_->request_delete("incidents", id);
  ASSERT_TRUE(ed_->confirm_delete(state_)) << ed_->message();
  EXPECT_FALSE(ed_->refused());
  EXPECT_EQ(*db().query_int("SELECT deleted FROM incidents WHERE id = " + std::to_string(id)), 1);
  EXPECT_EQ(state_.data()->incidents.size(), drawn - 1);

  const auto& h = ed_->history_of(state_, {});
  EXPECT_TRUE(h.empty());  // nothing selected: no history
  undo_all();
  EXPECT_EQ(contents(db()), before);
  EXPECT_EQ(state_.data()->incidents.size(), drawn);
}

TEST_F(EditSessionTest, DrawAPatrolRouteThenEditIt) {
  const auto before = contents(db());
  const auto [p, code] = inside_point();
  ed_->start_route();
  EXPECT_TRUE(ed_->drawing_route());
  ed_->add_route_vertex(p);
  ed_->add_route_vertex(p);           // the second click of a double click: one vertex
  EXPECT_FALSE(ed_->finish_route());  // one point is not a line
  EXPECT_TRUE(ed_->drawing_route());
  ed_->add_route_vertex({p.x + 0.01, p.y});
  ed_->add_route_vertex({p.x + 0.01, p.y + 0.01});
  ASSERT_TRUE(ed_->finish_route());
  EXPECT_FALSE(ed_->drawing_route());
  ASSERT_TRUE(ed_->form().open);
  EXPECT_EQ(ed_->form().table, "patrols");
  EXPECT_EQ(ed_->form().line.size(), 3u);
  // Validation: the name is required; the mode comes from the code list.
  ed_->set_field("mode", "helicopter");
  EXPECT_FALSE(ed_->save(state_));
  EXPECT_NE(ed_->form().error_of("name"), nullptr);
  EXPECT_NE(ed_->form().error_of("mode"), nullptr);
  ed_->set_field("name", "Tuyến thử");
  ed_->set_field("mode", "foot");
  ASSERT_TRUE(ed_->save(state_)) << ed_->message();
  const int64_t id = *db().query_int("SELECT id FROM patrols WHERE name = 'Tuyến thử'");
  EXPECT_EQ(*db().query_int("SELECT NumPoints(geom) FROM patrols WHERE id = " + std::to_string(id)),
            3);
  // On the map, and its attributes edited.
  bool drawn = false;
  for (const auto& r : state_.data()->patrols) drawn |= r.id == id;
  EXPECT_TRUE(drawn);
  ASSERT_TRUE(ed_->open_record("patrols", id));
  EXPECT_EQ(ed_->form().line.size(), 3u);
  ed_->set_field("unit", "Đồn Biên phòng A Mú Sung");
  ASSERT_TRUE(ed_->save(state_)) << ed_->message();
  EXPECT_EQ(db().query_text("SELECT unit FROM patrols WHERE id = " + std::to_string(id)),
            "Đồn Biên phòng A Mú Sung");
  // Cancelling a drawing leaves nothing.
  ed_->start_route();
  ed_->add_route_vertex(p);
  ed_->cancel_route();
  EXPECT_FALSE(ed_->drawing_route());
  EXPECT_TRUE(ed_->route_vertices().empty());
  undo_all();
  EXPECT_EQ(contents(db()), before);
}

TEST_F(EditSessionTest, ConflictShowsBothVersionsAndLetsTheAnalystChoose) {
  const int64_t id = state_.data()->incidents.id.at(3);
  // Keep mine: my field goes on top of their version; their other change survives.
  ASSERT_TRUE(ed_->open_incident(id));
  const int64_t loaded = ed_->form().version;
  {
    setenv("SECMAP_ANALYST", "analyst-other", 1);
    auto other_db = store::Database::open(db_path_);
    edit::Editor other(other_db);
    const auto r =
        other.update("incidents", id, loaded, edit::Fields{{"description", "their description"}});
    ASSERT_EQ(r.status, edit::EditStatus::Ok) << r.message;
    setenv("SECMAP_ANALYST", "analyst-ui", 1);
  }
  ed_->set_field("case_number", "MINE-1");
  EXPECT_FALSE(ed_->save(state_));
  ASSERT_TRUE(ed_->form().conflict.has_value());
  const edit::Conflict& c = *ed_->form().conflict;
  EXPECT_EQ(c.your_version, loaded);
  EXPECT_EQ(c.their_version, loaded + 1);
  ASSERT_TRUE(c.theirs.has_value());
  EXPECT_EQ(c.theirs->fields.value("description", ""), "their description");
  EXPECT_EQ(c.yours.value("case_number", ""), "MINE-1");
  const auto dumped = ed_->state_json();
  EXPECT_EQ(dumped["form"]["conflict"]["theirs"]["description"], "their description");
  EXPECT_EQ(dumped["form"]["conflict"]["yours"]["case_number"], "MINE-1");
  // Nothing of mine was written by the refused save.
  EXPECT_NE(db().query_text("SELECT coalesce(case_number, '') FROM incidents WHERE id = " +
                            std::to_string(id)),
            "MINE-1");
  ASSERT_TRUE(ed_->keep_mine(state_)) << ed_->message();
  EXPECT_EQ(db().query_text("SELECT case_number FROM incidents WHERE id = " + std::to_string(id)),
            "MINE-1");
  EXPECT_EQ(db().query_text("SELECT description FROM incidents WHERE id = " + std::to_string(id)),
            "their description");
  EXPECT_EQ(*db().query_int("SELECT version FROM incidents WHERE id = " + std::to_string(id)),
            loaded + 2);

  // Keep theirs: the form closes and the stored row is theirs, untouched.
  ASSERT_TRUE(ed_->open_incident(id));
  const int64_t v2 = ed_->form().version;
  {
    setenv("SECMAP_ANALYST", "analyst-other", 1);
    auto other_db = store::Database::open(db_path_);
    edit::Editor other(other_db);
    ASSERT_EQ(
        other.update("incidents", id, v2, edit::Fields{{"description", "theirs again"}}).status,
        edit::EditStatus::Ok);
    setenv("SECMAP_ANALYST", "analyst-ui", 1);
  }
  ed_->set_field("description", "mine again");
  EXPECT_FALSE(ed_->save(state_));
  ASSERT_TRUE(ed_->form().conflict.has_value());
  ed_->keep_theirs();
  EXPECT_FALSE(ed_->form().open);
  EXPECT_EQ(db().query_text("SELECT description FROM incidents WHERE id = " + std::to_string(id)),
            "theirs again");
  EXPECT_EQ(*db().query_int("SELECT version FROM incidents WHERE id = " + std::to_string(id)),
            v2 + 1);

  // The incident's history names both analysts and each field's before and after.
  int incident = -1;
  for (size_t i = 0; i < state_.data()->incidents.size(); ++i)
    if (state_.data()->incidents.id[i] == id) incident = static_cast<int>(i);
  ASSERT_GE(incident, 0);
  const auto& h = ed_->history_of(state_, {FeatureKind::Incident, incident});
  ASSERT_GE(h.size(), 3u);
  const auto& last = h.back();
  EXPECT_EQ(last.who, "analyst-other");
  ASSERT_EQ(last.changes.size(), 1u);
  EXPECT_EQ(last.changes[0].field, "description");
  EXPECT_EQ(last.changes[0].before, "their description");
  EXPECT_EQ(last.changes[0].after, "theirs again");
  bool mine = false;
  for (const auto& e : h)
    for (const auto& ch : e.changes) mine |= ch.field == "case_number" && ch.after == "MINE-1";
  EXPECT_TRUE(mine);
}

}  // namespace
}  // namespace secmap::ui
