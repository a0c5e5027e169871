// The shared validation rules, one behaviour per test.
#include <gtest/gtest.h>

#include <algorithm>

#include "edit/validation.h"
#include "edit_fixture.h"

using namespace secmap;
using edit::IncidentInput;
using edit::test::kToday;

namespace {

IncidentInput good() {
  IncidentInput in;
  in.category = "SO-06";
  in.occurred_at = "2025-03-01T21:30";
  in.status = "received";
  in.lon = 104.05;
  in.lat = 22.55;
  in.has_location = true;
  return in;
}

bool has_error(const std::vector<edit::FieldError>& errs, const std::string& field) {
  return std::any_of(errs.begin(), errs.end(), [&](const auto& e) { return e.field == field; });
}

}  // namespace

TEST(Validation, IsoDates) {
  EXPECT_TRUE(edit::is_iso_date("2024-02-29"));
  EXPECT_FALSE(edit::is_iso_date("2025-02-29"));
  EXPECT_FALSE(edit::is_iso_date("2025-13-01"));
  EXPECT_FALSE(edit::is_iso_date("25-01-01"));
  EXPECT_FALSE(edit::is_iso_date("2025-01-01T10:00"));
  EXPECT_TRUE(edit::is_iso_date("2025-01-01T10:00", true));
  EXPECT_TRUE(edit::is_iso_date("2025-01-01 10:00:59Z", true));
  EXPECT_FALSE(edit::is_iso_date("2025-01-01T24:00", true));
  EXPECT_FALSE(edit::is_iso_date("2025-01-01T10:00junk", true));
}

TEST(Validation, GoodIncidentPasses) {
  auto db = edit::test::small_province("val_good");
  edit::Validator v(db);
  EXPECT_EQ(v.commune_count(), 2u);
  const auto errs = v.check_incident(good(), kToday);
  EXPECT_TRUE(errs.empty()) << errs.front().field << ": " << errs.front().message;
}

TEST(Validation, RequiredFieldsAndCodeLists) {
  auto db = edit::test::small_province("val_required");
  edit::Validator v(db);
  IncidentInput in = good();
  in.category.clear();
  in.occurred_at.clear();
  in.has_location = false;
  auto errs = v.check_incident(in, kToday);
  EXPECT_TRUE(has_error(errs, "category"));
  EXPECT_TRUE(has_error(errs, "occurred_at"));
  EXPECT_TRUE(has_error(errs, "location"));
  for (const auto& e : errs) EXPECT_FALSE(e.message_vi.empty()) << e.field;

  in = good();
  in.category = "XX-99";
  in.severity = "huge";
  in.status = "lost";
  errs = v.check_incident(in, kToday);
  EXPECT_TRUE(has_error(errs, "category"));
  EXPECT_TRUE(has_error(errs, "severity"));
  EXPECT_TRUE(has_error(errs, "status"));
}

TEST(Validation, DatesNotInTheFuture) {
  auto db = edit::test::small_province("val_future");
  edit::Validator v(db);
  IncidentInput in = good();
  in.occurred_at = "2025-07-01";  // the day after kToday
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "occurred_at"));
  in.occurred_at = "2025-06-30T23:59";
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "occurred_at"));
  in.occurred_at = "30/06/2025";
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "occurred_at"));
}

TEST(Validation, PointInsideProvinceUnlessAccepted) {
  auto db = edit::test::small_province("val_outside");
  edit::Validator v(db);
  IncidentInput in = good();
  in.lon = 104.5;  // east of both communes
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "location"));
  in.accept_outside = true;
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "location"));
  in.lon = 200;  // never acceptable
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "location"));
  EXPECT_EQ(v.commune_of({104.15, 22.55}), "00002");
  EXPECT_EQ(v.commune_of({104.05, 22.55}), "00001");
  EXPECT_EQ(v.commune_of({104.5, 22.55}), "");
}

TEST(Validation, CaseNumbersUniqueInDatabaseAndBatch) {
  auto db = edit::test::small_province("val_case");
  db.exec(
      "INSERT INTO incidents (case_number, category, occurred_at, geom) VALUES "
      "('LC-1', 'SO-06', '2025-01-01', MakePoint(104.05, 22.55, 4326))");
  const int64_t existing = *db.query_int("SELECT id FROM incidents");
  edit::Validator v(db);
  IncidentInput in = good();
  in.case_number = "LC-1";
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "case_number"));
  in.id = existing;  // the incident itself keeps its number
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "case_number"));

  in = good();
  in.case_number = "LC-2";
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "case_number"));
  EXPECT_TRUE(v.claim_case_number("LC-2"));
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "case_number"));  // twice in the batch
  EXPECT_FALSE(v.claim_case_number("LC-2"));
  EXPECT_FALSE(v.claim_case_number("LC-1"));
}

TEST(Validation, SeverityConsistentWithStatus) {
  auto db = edit::test::small_province("val_severity");
  edit::Validator v(db);
  IncidentInput in = good();
  in.status = "solved";  // a criminal case needs a severity
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "severity"));
  in.severity = "nghiem_trong";
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "severity"));
  in.status = "tried_summary";  // summary procedure: less-serious crimes only
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "severity"));
  in.severity = "it_nghiem_trong";
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "severity"));
  in.status = "received";  // a report may have no severity yet
  in.severity.clear();
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "severity"));
}

TEST(Validation, CampaignTagsNameCampaigns) {
  auto db = edit::test::small_province("val_tags");
  edit::Validator v(db);
  IncidentInput in = good();
  in.campaign_tags = "tet2025";
  EXPECT_FALSE(has_error(v.check_incident(in, kToday), "campaign_tags"));
  in.campaign_tags = "tet2025, nope";
  EXPECT_TRUE(has_error(v.check_incident(in, kToday), "campaign_tags"));
}

// A point on the edge two communes share, on a shared vertex or on the province outline is in
// the province (the locator alone counts interiors only, which once refused such points).
TEST(Validation, PointsOnEdgesAreInsideTheProvince) {
  auto db = edit::test::small_province("val_edges");
  edit::Validator v(db);
  const std::vector<geo::Point> on_edges = {
      {104.1, 22.55},                  // the shared edge
      {104.1, 22.6},                   // a vertex both communes share, on the outline
      {104.1, 22.5},  {104.0, 22.55},  // the province outline (west, east, north, south)
      {104.2, 22.57}, {104.05, 22.6}, {104.15, 22.5}, {104.0, 22.5},  // an outline corner
  };
  for (const geo::Point p : on_edges) {
    const std::string c = v.commune_of(p);
    EXPECT_TRUE(c == "00001" || c == "00002") << p.x << " " << p.y << " -> '" << c << "'";
    EXPECT_TRUE(v.inside_province(p)) << p.x << " " << p.y;
    IncidentInput in = good();
    in.lon = p.x, in.lat = p.y;
    EXPECT_FALSE(has_error(v.check_incident(in, kToday), "location")) << p.x << " " << p.y;
  }
  // The shared edge goes to one commune, the same every time: the first by id.
  EXPECT_EQ(v.commune_of({104.1, 22.55}), "00001");
  // Just off the outline (about 0.1 m) is outside.
  for (const geo::Point p : {geo::Point{104.2 + 1e-6, 22.55}, geo::Point{104.05, 22.6 + 1e-6},
                             geo::Point{104.0 - 1e-6, 22.5 - 1e-6}})
    EXPECT_EQ(v.commune_of(p), "") << p.x << " " << p.y;
}

// A slanted shared edge: points interpolated along it are off the exact line by rounding, and
// still belong to the province.
TEST(Validation, PointsInterpolatedOnASlantedSharedEdge) {
  auto db = edit::test::small_province("val_slant");
  db.exec(
      "UPDATE communes SET valid_to = '2025-01-01';"
      "INSERT INTO communes (code, name, kind, geom) VALUES "
      "('00003', 'Xã C', 'xa', CastToMulti(GeomFromText("
      "'POLYGON((104.0 22.5, 104.137 22.5, 104.061 22.6, 104.0 22.6, 104.0 22.5))', 4326))),"
      "('00004', 'Xã D', 'xa', CastToMulti(GeomFromText("
      "'POLYGON((104.137 22.5, 104.2 22.5, 104.2 22.6, 104.061 22.6, 104.137 22.5))', 4326)));");
  edit::Validator v(db);
  ASSERT_EQ(v.commune_count(), 2u);
  const geo::Point a{104.137, 22.5}, b{104.061, 22.6};
  for (int i = 1; i < 50; ++i) {
    const double t = i / 50.0;
    const geo::Point p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    const std::string c = v.commune_of(p);
    EXPECT_TRUE(c == "00003" || c == "00004") << "t=" << t << " -> '" << c << "'";
  }
  // Sanity: points clearly inside either side keep their commune.
  EXPECT_EQ(v.commune_of({104.01, 22.55}), "00003");
  EXPECT_EQ(v.commune_of({104.19, 22.55}), "00004");
}
