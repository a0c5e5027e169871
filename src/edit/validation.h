// Validation rules shared by the window's forms, the command line and the bulk importer:
// required fields, values from the code lists, dates not in the future and in order, points
// inside the province (unless explicitly accepted outside), unique case numbers, and severity
// consistent with the case status. Every error names the field, in English and Vietnamese.
//
// Severity/status rule (DOMAIN.md §1.6, D13, D14): severity classes belong to criminal cases.
// A report that has become a criminal case — status instituted, investigated, solved, suspended,
// prosecuted or any tried_* — must carry a severity; reports that are only received, processed
// or resolved may leave it empty. A summary-procedure trial (tried_summary, "thủ tục rút gọn")
// is only for less-serious crimes, so it requires severity it_nghiem_trong.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "store/code_lists.h"
#include "store/database.h"

namespace secmap::edit {

struct FieldError {
  std::string field;       // column name, or "location" for the geometry
  std::string message;     // English
  std::string message_vi;  // Vietnamese
};

// One incident as a form, a command line or an import row gives it. Empty strings are "not
// given". status empty means the schema default, "received".
struct IncidentInput {
  std::optional<int64_t> id;  // set when editing an existing incident
  std::string case_number;
  std::string category;
  std::string occurred_at;  // ISO date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM[:SS][Z]
  std::string severity;
  std::string status;
  bool cross_border = false;
  std::string campaign_tags;  // comma-separated campaigns.code
  std::string description;
  double lon = 0, lat = 0;  // WGS 84
  bool has_location = false;
  bool accept_outside = false;  // explicitly accepted outside the province
  std::string source;
  // Without a location: the commune the incident is known by (a list that names only the
  // commune). Counted in the commune, never drawn as a point.
  std::string commune_code;
};

// Other editable records are checked from their column values (see edits.h, Fields); these are
// the inputs the generic checks need.
struct PointInput {
  bool has_location = false;
  geo::Point p;
  bool accept_outside = false;
};

// True for YYYY-MM-DD (a real calendar date); with allow_time also YYYY-MM-DDTHH:MM[:SS][Z] or
// with a space instead of T.
bool is_iso_date(std::string_view s, bool allow_time = false);
// The date part (first 10 characters) of an ISO date or date-time.
std::string_view date_part(std::string_view s);
// Today's date in local time, ISO.
std::string today_iso();

class Validator {
 public:
  // Loads the code lists and the province outline (current communes, through a point locator).
  explicit Validator(store::Database& db);
  ~Validator();
  Validator(Validator&&) noexcept;

  std::vector<FieldError> check_incident(const IncidentInput& in, std::string_view today) const;

  // Case numbers claimed earlier in the same batch (import). False when the number is already
  // claimed in this batch or held by another incident in the database.
  bool claim_case_number(std::string_view case_number, std::optional<int64_t> id = {});
  // Whether a case number is free for incident id (nullopt: a new incident).
  bool case_number_free(std::string_view case_number, std::optional<int64_t> id = {}) const;

  // Commune containing p, or empty when p lies outside every current commune. A point on a
  // commune's boundary (a shared edge, the province outline) is inside: it goes to the commune
  // with the lowest id whose boundary holds it (within about 0.1 mm).
  std::string commune_of(geo::Point p) const;
  // commune_of for many points at once (imports).
  std::vector<std::string> communes_of(std::span<const geo::Point> points) const;
  bool inside_province(geo::Point p) const { return !commune_of(p).empty(); }
  size_t commune_count() const;

  const store::CodeLists& codes() const { return codes_; }

  // Generic helpers the per-record checks below share; each appends to errs.
  void require(std::vector<FieldError>& errs, std::string_view field, std::string_view value) const;
  void check_code(std::vector<FieldError>& errs, std::string_view field, std::string_view table,
                  std::string_view value) const;
  void check_date(std::vector<FieldError>& errs, std::string_view field, std::string_view value,
                  std::string_view today, bool allow_time, bool allow_future) const;
  void check_location(std::vector<FieldError>& errs, const PointInput& p) const;

  // Periods and windows: from <= to (when both given).
  void check_order(std::vector<FieldError>& errs, std::string_view from_field,
                   std::string_view from, std::string_view to_field, std::string_view to) const;

  store::Database& db() const { return db_; }

 private:
  store::Database& db_;
  store::CodeLists codes_;
  struct Province;
  std::unique_ptr<Province> province_;
  std::set<std::string, std::less<>> claimed_;
};

}  // namespace secmap::edit
