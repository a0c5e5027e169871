#include "briefing/slide.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "edit/rows.h"
#include "edit/writer.h"
#include "model/tables.h"
#include "text/unicode.h"

namespace secmap::briefing {
namespace {

using nlohmann::json;

const std::set<std::string, std::less<>> kKnownKeys = {
    "bbox",    "centre", "m_per_px",        "reference_width", "layers",  "style", "date_from",
    "date_to", "label",  "incident_groups", "filters",         "compare", "public"};

[[noreturn]] void bad(const std::string& key, const std::string& what) {
  throw SlideError("view JSON: \"" + key + "\" " + what);
}

std::string get_string(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_string()) bad(key, "must be a string");
  return text::to_nfc(v.get<std::string>());
}

double get_number(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_number()) bad(key, "must be a number");
  return v.get<double>();
}

std::vector<double> get_numbers(const json& j, const char* key, size_t n) {
  const json& v = j.at(key);
  if (!v.is_array() || v.size() != n)
    bad(key, "must be an array of " + std::to_string(n) + " numbers");
  std::vector<double> out;
  for (const json& e : v) {
    if (!e.is_number()) bad(key, "must be an array of " + std::to_string(n) + " numbers");
    out.push_back(e.get<double>());
  }
  return out;
}

// Slides are written by the one writer, as every record is: version, stamps, one audit format.
const model::Table& slides_table() {
  return *model::find_table("slides");
}

edit::Row slide_row(const Slide& s, int position) {
  edit::Row r;
  r.id = s.id;
  r.fields = {{"deck", text::to_nfc(s.deck)},   {"position", position},
              {"title", text::to_nfc(s.title)}, {"subtitle", text::to_nfc(s.subtitle)},
              {"note", text::to_nfc(s.note)},   {"view_json", to_json(s.view)},
              {"public", s.is_public ? 1 : 0}};
  return r;
}

edit::Row stored_row(store::Database& db, int64_t id) {
  auto r = edit::read_row(db, slides_table(), id);
  if (!r) throw SlideError("no slide with id " + std::to_string(id));
  return *r;
}

Slide slide_of(const edit::Row& r) {
  auto text = [&](const char* k) {
    auto it = r.fields.find(k);
    return it != r.fields.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  Slide s;
  s.id = r.id;
  s.deck = text("deck");
  s.position = static_cast<int>(r.fields.value("position", int64_t{0}));
  s.title = text("title");
  s.subtitle = text("subtitle");
  s.note = text("note");
  try {
    s.view = view_from_json(text("view_json"));
  } catch (const SlideError& e) {
    throw SlideError("slide " + std::to_string(s.id) + ": " + e.what());
  }
  s.is_public = r.fields.value("public", int64_t{0}) != 0;
  s.version = r.version;
  return s;
}

// Every slide as the model reads records, by deck, position and id.
std::vector<Slide> all_slides(store::Database& db) {
  std::vector<Slide> out;
  edit::read_rows(db, slides_table(), 0, INT64_MAX,
                  [&](edit::Row&& r) { out.push_back(slide_of(r)); });
  std::stable_sort(out.begin(), out.end(), [](const Slide& a, const Slide& b) {
    return a.deck != b.deck           ? a.deck < b.deck
           : a.position != b.position ? a.position < b.position
                                      : a.id < b.id;
  });
  return out;
}

Slide require(store::Database& db, int64_t id) {
  auto s = find_slide(db, id);
  if (!s) throw SlideError("no slide with id " + std::to_string(id));
  return *s;
}

// Rewrites positions 0..n-1 in the given order; each moved slide is one audited update.
void write_positions(store::Database& db, const std::vector<Slide>& ordered) {
  edit::Writer writer(db);
  for (size_t i = 0; i < ordered.size(); ++i) {
    if (ordered[i].position == static_cast<int>(i)) continue;
    edit::Row cur = stored_row(db, ordered[i].id);
    edit::Row next = cur;
    next.fields["position"] = static_cast<int64_t>(i);
    writer.overwrite(slides_table(), cur, std::move(next));
  }
}

}  // namespace

bool SlideView::operator==(const SlideView& o) const {
  auto same_box = [](const std::optional<geo::BBox>& a, const std::optional<geo::BBox>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->min_x == b->min_x && a->min_y == b->min_y && a->max_x == b->max_x &&
                  a->max_y == b->max_y);
  };
  return same_box(bbox_lonlat, o.bbox_lonlat) && centre_3857 == o.centre_3857 &&
         m_per_px == o.m_per_px && reference_width == o.reference_width && layers == o.layers &&
         style == o.style && date_from == o.date_from && date_to == o.date_to && label == o.label &&
         incident_groups == o.incident_groups && filters == o.filters && compare == o.compare &&
         public_safe == o.public_safe && extra_json == o.extra_json;
}

std::string to_json(const SlideView& v) {
  json j = json::object();
  if (!v.extra_json.empty()) {
    json extra = json::parse(v.extra_json, nullptr, false);
    if (extra.is_object()) j = extra;
  }
  if (v.bbox_lonlat)
    j["bbox"] = {v.bbox_lonlat->min_x, v.bbox_lonlat->min_y, v.bbox_lonlat->max_x,
                 v.bbox_lonlat->max_y};
  if (v.centre_3857) {
    j["centre"] = {v.centre_3857->x, v.centre_3857->y};
    j["m_per_px"] = v.m_per_px;
    j["reference_width"] = v.reference_width;
  }
  j["layers"] = v.layers;
  j["style"] = v.style;
  if (!v.date_from.empty()) j["date_from"] = v.date_from;
  if (!v.date_to.empty()) j["date_to"] = v.date_to;
  if (!v.label.empty()) j["label"] = v.label;
  if (v.incident_groups) j["incident_groups"] = *v.incident_groups;
  if (!v.filters.empty()) j["filters"] = v.filters;
  if (v.compare)
    j["compare"] = {{"date_from", v.compare->date_from},
                    {"date_to", v.compare->date_to},
                    {"label", v.compare->label}};
  j["public"] = v.public_safe;
  return j.dump();
}

SlideView view_from_json(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded())
    throw SlideError("view JSON: not valid JSON: " + std::string(text.substr(0, 80)));
  if (!j.is_object()) throw SlideError("view JSON: must be an object");
  SlideView v;
  if (j.contains("bbox")) {
    auto b = get_numbers(j, "bbox", 4);
    if (!(b[0] < b[2] && b[1] < b[3]))
      bad("bbox", "must be [west, south, east, north] with west < east, south < north");
    v.bbox_lonlat = geo::BBox{b[0], b[1], b[2], b[3]};
  }
  if (j.contains("centre")) {
    auto c = get_numbers(j, "centre", 2);
    v.centre_3857 = geo::Point{c[0], c[1]};
    if (!j.contains("m_per_px")) bad("m_per_px", "is required with \"centre\"");
  }
  if (j.contains("m_per_px")) {
    v.m_per_px = get_number(j, "m_per_px");
    if (!(v.m_per_px > 0)) bad("m_per_px", "must be > 0");
  }
  if (j.contains("reference_width")) {
    double w = get_number(j, "reference_width");
    if (!(w >= 1)) bad("reference_width", "must be >= 1");
    v.reference_width = static_cast<int>(w);
  }
  if (j.contains("layers")) {
    const json& l = j["layers"];
    if (!l.is_array()) bad("layers", "must be an array of layer names");
    v.layers.clear();
    for (const json& e : l) {
      if (!e.is_string()) bad("layers", "must be an array of layer names");
      v.layers.push_back(e.get<std::string>());
    }
  }
  if (j.contains("style")) v.style = get_string(j, "style");
  if (j.contains("date_from")) v.date_from = get_string(j, "date_from");
  if (j.contains("date_to")) v.date_to = get_string(j, "date_to");
  if (j.contains("label")) v.label = get_string(j, "label");
  if (j.contains("incident_groups") && !j["incident_groups"].is_null())
    v.incident_groups = get_string(j, "incident_groups");
  if (j.contains("filters")) {
    const json& f = j["filters"];
    if (!f.is_object()) bad("filters", "must be an object of strings");
    for (auto it = f.begin(); it != f.end(); ++it) {
      if (!it.value().is_string()) bad("filters", "must be an object of strings");
      v.filters[it.key()] = text::to_nfc(it.value().get<std::string>());
    }
  }
  if (j.contains("compare") && !j["compare"].is_null()) {
    const json& c = j["compare"];
    if (!c.is_object()) bad("compare", "must be an object {date_from, date_to, label}");
    ComparisonWindow w;
    if (c.contains("date_from")) w.date_from = get_string(c, "date_from");
    if (c.contains("date_to")) w.date_to = get_string(c, "date_to");
    if (c.contains("label")) w.label = get_string(c, "label");
    v.compare = w;
  }
  if (j.contains("public")) {
    if (!j["public"].is_boolean()) bad("public", "must be true or false");
    v.public_safe = j["public"].get<bool>();
  }
  json extra = json::object();
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!kKnownKeys.count(it.key())) extra[it.key()] = it.value();
  if (!extra.empty()) v.extra_json = extra.dump();
  return v;
}

std::vector<Slide> list_slides(store::Database& db, std::string_view deck) {
  std::vector<Slide> out;
  for (Slide& s : all_slides(db))
    if (s.deck == deck) out.push_back(std::move(s));
  return out;
}

std::vector<std::string> list_decks(store::Database& db) {
  std::vector<std::string> out;
  for (const Slide& s : all_slides(db))
    if (out.empty() || out.back() != s.deck) out.push_back(s.deck);
  return out;
}

std::optional<Slide> find_slide(store::Database& db, int64_t id) {
  auto r = edit::read_row(db, slides_table(), id);
  if (!r) return std::nullopt;
  return slide_of(*r);
}

int64_t add_slide(store::Database& db, const Slide& slide) {
  if (text::to_nfc(slide.title).empty()) throw SlideError("a slide needs a title");
  if (slide.deck.empty()) throw SlideError("a slide needs a deck name");
  store::Transaction tx(db);
  Slide fresh = slide;
  fresh.id = 0;
  const int position = static_cast<int>(list_slides(db, text::to_nfc(slide.deck)).size());
  const int64_t id = edit::Writer(db).insert(slides_table(), slide_row(fresh, position)).id;
  tx.commit();
  return id;
}

void update_slide(store::Database& db, const Slide& slide) {
  if (text::to_nfc(slide.title).empty()) throw SlideError("a slide needs a title");
  store::Transaction tx(db);
  const edit::Row cur = stored_row(db, slide.id);
  edit::Row next = slide_row(slide, static_cast<int>(cur.fields["position"].get<int64_t>()));
  next.fields["deck"] = cur.fields["deck"];  // a slide stays in its deck
  edit::Writer(db).overwrite(slides_table(), cur, std::move(next));
  tx.commit();
}

void rename_slide(store::Database& db, int64_t id, std::string_view title) {
  Slide s = require(db, id);
  s.title = std::string(title);
  update_slide(db, s);
}

void move_slide(store::Database& db, int64_t id, int position) {
  store::Transaction tx(db);
  Slide s = require(db, id);
  auto deck = list_slides(db, s.deck);
  auto it = std::find_if(deck.begin(), deck.end(), [&](const Slide& x) { return x.id == id; });
  Slide moved = *it;
  deck.erase(it);
  position = std::clamp(position, 0, static_cast<int>(deck.size()));
  deck.insert(deck.begin() + position, moved);
  write_positions(db, deck);
  tx.commit();
}

void reorder_slides(store::Database& db, std::string_view deck, const std::vector<int64_t>& ids) {
  store::Transaction tx(db);
  auto current = list_slides(db, deck);
  std::vector<int64_t> have, want(ids);
  for (const Slide& s : current) have.push_back(s.id);
  std::sort(have.begin(), have.end());
  std::sort(want.begin(), want.end());
  if (have != want)
    throw SlideError("reorder of deck \"" + std::string(deck) + "\" must list each of its " +
                     std::to_string(have.size()) + " slides exactly once");
  std::vector<Slide> ordered;
  for (int64_t id : ids)
    ordered.push_back(
        *std::find_if(current.begin(), current.end(), [&](const Slide& x) { return x.id == id; }));
  write_positions(db, ordered);
  tx.commit();
}

void delete_slide(store::Database& db, int64_t id) {
  store::Transaction tx(db);
  const Slide s = require(db, id);
  edit::Writer(db).remove(slides_table(), stored_row(db, id));
  write_positions(db, list_slides(db, s.deck));
  tx.commit();
}

}  // namespace secmap::briefing
