// Slides of a briefing deck: a saved map view (extent, layers, style, time window, filters,
// optional side-by-side comparison window, public flag) with a title, subtitle and note, stored in
// the database's `slides` table so the deck travels with the data. GL-free.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::briefing {

// Bad view JSON or a slide operation that cannot be done (unknown id, bad position); the
// message says what is wrong. The database is left as it was.
class SlideError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A second time window shown beside the main one (same extent), with its pane label.
struct ComparisonWindow {
  std::string date_from, date_to;  // ISO dates, inclusive; empty = unbounded
  std::string label;               // e.g. "2024"; empty = the dates
  bool operator==(const ComparisonWindow&) const = default;
};

struct SlideView {
  // Extent: either a lon/lat bbox (fitted to the output size) or an EPSG:3857 centre with a
  // scale. When both are set the centre wins; neither = the data's extent.
  std::optional<geo::BBox> bbox_lonlat;
  std::optional<geo::Point> centre_3857;
  double m_per_px = 0;         // Web Mercator metres per pixel at the reference width
  int reference_width = 1920;  // the width m_per_px was taken at; exports of other widths
                               // scale it so the same ground is shown

  std::vector<std::string> layers{"communes", "border", "facilities", "incidents", "crossings"};
  std::string style = "drugfree";  // render::parse_style names
  std::string date_from, date_to;  // ISO dates, inclusive; empty = unbounded
  std::string label;               // label of the main pane when compared; empty = the dates
  std::optional<std::string> incident_groups;  // comma-separated group codes; unset = all
  std::map<std::string, std::string> filters;  // other filters (name → value), kept verbatim
  std::optional<ComparisonWindow> compare;
  bool public_safe = false;  // render with the public-safe rules (no points, no sensitive layers)

  std::string extra_json;  // unknown keys of the JSON it was read from, written back unchanged

  bool operator==(const SlideView& other) const;
};

// Compact JSON object. Keys: bbox [w,s,e,n], centre [x,y], m_per_px, reference_width, layers,
// style, date_from, date_to, label, incident_groups, filters, compare {date_from,date_to,label},
// public.
std::string to_json(const SlideView& view);
// Throws SlideError("view JSON: ...") naming the offending key for malformed JSON or a key of
// the wrong type. Unknown keys are kept in extra_json.
SlideView view_from_json(std::string_view json);

struct Slide {
  int64_t id = 0;
  std::string deck = "default";
  int position = 0;  // 0-based order within the deck
  std::string title, subtitle, note;
  SlideView view;
  bool is_public = false;  // a public slide is always rendered public-safe
  int64_t version = 1;     // incremented by every change
};

// All slides of a deck in position order.
std::vector<Slide> list_slides(store::Database& db, std::string_view deck = "default");
// Deck names present, sorted.
std::vector<std::string> list_decks(store::Database& db);
std::optional<Slide> find_slide(store::Database& db, int64_t id);
// Appends the slide at the end of its deck (slide.position is ignored); returns its id.
int64_t add_slide(store::Database& db, const Slide& slide);
// Replaces title, subtitle, note, view and the public flag of slide.id.
void update_slide(store::Database& db, const Slide& slide);
void rename_slide(store::Database& db, int64_t id, std::string_view title);
// Moves a slide to position (0-based, clamped to the deck) shifting the others.
void move_slide(store::Database& db, int64_t id, int position);
// Sets the deck's order to exactly these ids (all the deck's slides, each once).
void reorder_slides(store::Database& db, std::string_view deck, const std::vector<int64_t>& ids);
// Deletes the slide and closes the gap in positions.
void delete_slide(store::Database& db, int64_t id);

}  // namespace secmap::briefing
