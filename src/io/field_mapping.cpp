#include "io/field_mapping.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "io/column_names.h"
#include "io/importer.h"
#include "store/civil_date.h"
#include "store/local_time.h"
#include "text/unicode.h"

namespace secmap::io {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::strchr(" \t\r\n", s.front())) s.remove_prefix(1);
  while (!s.empty() && std::strchr(" \t\r\n", s.back())) s.remove_suffix(1);
  return s;
}

// The source column named `name`: spelt the same (ASCII case ignored) first, else the same by
// column_key ("Ngày xảy ra" = "NGAY_XAY_RA").
int find_column(const std::vector<std::string>& cols, std::string_view name) {
  const std::string want = lower_ascii(name);
  for (size_t i = 0; i < cols.size(); ++i)
    if (lower_ascii(cols[i]) == want) return static_cast<int>(i);
  const std::string key = column_key(name);
  for (size_t i = 0; i < cols.size(); ++i)
    if (!key.empty() && column_key(cols[i]) == key) return static_cast<int>(i);
  return -1;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "(none)" : out;
}

bool parse_int(std::string_view s, int64_t& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return true;
  double d;  // "12.0" from spreadsheets
  auto rd = std::from_chars(s.data(), s.data() + s.size(), d);
  if (rd.ec == std::errc() && rd.ptr == s.data() + s.size() && std::isfinite(d) &&
      d == std::floor(d) && std::fabs(d) < 9e15) {
    out = static_cast<int64_t>(d);
    return true;
  }
  return false;
}

// "12.000" or "1,500": digits grouped by threes. In Vietnamese usage the dot groups thousands
// (12.000 is twelve thousand), in English it is the decimal point; guessing would change the
// value silently.
bool grouped_by_thousands(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  const size_t first = s.find_first_of(".,");
  if (first == std::string_view::npos || first == 0 || first > 3) return false;
  for (size_t i = 0; i < first; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  for (size_t i = first; i < s.size(); i += 4) {
    if (s[i] != s[first] || i + 4 > s.size()) return false;
    for (size_t j = i + 1; j < i + 4; ++j)
      if (s[j] < '0' || s[j] > '9') return false;
  }
  return true;
}

bool parse_real(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

std::vector<FieldBinding> bind_fields(const model::Table& layer,
                                      const std::vector<std::string>& cols,
                                      const std::map<std::string, std::string>& user_map,
                                      const std::string& where,
                                      std::vector<std::string>* missing_required) {
  const std::vector<const model::Column*> fields = layer.import_columns();
  for (const auto& [field, column] : user_map) {
    const bool known =
        std::any_of(fields.begin(), fields.end(), [&](const auto* f) { return f->name == field; });
    if (!known) {
      std::vector<std::string> names;
      for (const auto* f : fields) names.push_back(f->name);
      throw ImportError(where + ": --map " + field + "=" + column + ": layer '" + layer.layer +
                        "' has no field '" + field + "' (fields: " + join(names) + ")");
    }
    if (!column.empty() && find_column(cols, column) < 0)
      throw ImportError(where + ": --map " + field + "=" + column + ": the source has no column '" +
                        column + "' (columns: " + join(cols) + ")");
  }
  std::vector<FieldBinding> out;
  // A column given with --map, or already taken by a field's own name, is not matched again by
  // another field's list of usual names.
  std::vector<bool> taken(cols.size(), false);
  for (const model::Column* fp : fields) {
    const auto it = user_map.find(fp->name);
    if (it != user_map.end() && it->second.empty()) continue;
    const int i = find_column(cols, it != user_map.end() ? it->second : fp->name);
    if (i >= 0) taken[i] = true;
  }
  for (const model::Column* fp : fields) {
    const model::Column& f = *fp;
    FieldBinding b;
    b.field = &f;
    if (auto it = user_map.find(f.name); it != user_map.end()) {
      b.source_index = it->second.empty() ? -1 : find_column(cols, it->second);
    } else {
      b.source_index = find_column(cols, f.name);
      // Shapefile DBF truncates names to 10 characters (province_code → province_c).
      if (b.source_index < 0 && f.name.size() > 10)
        b.source_index = find_column(cols, std::string_view(f.name).substr(0, 10));
      for (const std::string& key : column_name_keys(layer.layer, f.name)) {
        if (b.source_index >= 0) break;
        for (size_t i = 0; i < cols.size(); ++i)
          if (!taken[i] && column_key(cols[i]) == key) {
            b.source_index = static_cast<int>(i);
            taken[i] = true;
            break;
          }
      }
    }
    if (b.source_index >= 0) b.source_name = cols[b.source_index];
    if (f.required && b.source_index < 0 && missing_required)
      missing_required->push_back(f.name);
    else if (f.required && b.source_index < 0)
      throw ImportError(where + ": required field '" + f.name + "' of layer '" + layer.layer +
                        "' is missing (source columns: " + join(cols) + "); use --map " + f.name +
                        "=COLUMN");
    out.push_back(std::move(b));
  }
  return out;
}

CodeList::CodeList(const store::CodeLists& all, const std::string& table) : table_(table) {
  // Each part of a label written "đánh bạc / cờ bạc" stands for the code as well, unless two
  // codes share that part (then only the whole label does).
  std::unordered_map<std::string, std::string> parts;
  std::set<std::string> shared;
  for (const store::Code& c : all.list(table)) {
    codes_.push_back(c.code);
    exact_.emplace(c.code, c.code);
    for (const std::string* n : {&c.code, &c.name_vi, &c.name_en}) {
      if (n->empty()) continue;
      folded_.emplace(text::fold_for_search(*n), c.code);
      for (size_t at = 0; n->find(" / ", at) != std::string::npos || at > 0;) {
        const size_t end = n->find(" / ", at);
        const std::string part = text::fold_for_search(n->substr(at, end - at));
        if (auto [it, fresh] = parts.emplace(part, c.code); !fresh && it->second != c.code)
          shared.insert(part);
        if (end == std::string::npos) break;
        at = end + 3;
      }
    }
  }
  for (const auto& [part, code] : parts)
    if (!shared.count(part)) folded_.emplace(part, code);
}

std::optional<std::string> CodeList::find(std::string_view value) const {
  if (auto it = exact_.find(std::string(value)); it != exact_.end()) return it->second;
  if (auto it = folded_.find(text::fold_for_search(value)); it != folded_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> CodeList::add_alias(std::string_view written, std::string_view code) {
  auto it = exact_.find(std::string(code));
  if (it == exact_.end())
    return "'" + std::string(code) + "' is not in the code list " + table_ +
           " (allowed: " + sample() + ")";
  const std::string target = it->second;
  exact_[std::string(written)] = target;
  folded_[text::fold_for_search(written)] = target;
  return std::nullopt;
}

std::string CodeList::sample(size_t n) const {
  std::string out;
  for (size_t i = 0; i < codes_.size() && i < n; ++i) out += (i ? ", " : "") + codes_[i];
  if (codes_.size() > n) out += ", …";
  return out.empty() ? "(the list is empty)" : out;
}

bool parse_date(std::string_view s, std::string& out) {
  if (s.size() != 10 || !store::parse_day(s)) return false;
  out.assign(s);
  return true;
}

bool parse_datetime(std::string_view s, std::string& out) {
  auto local = store::local_date_time(s);
  if (!local) return false;
  out = std::move(*local);
  return true;
}

std::optional<bool> parse_bool(std::string_view s) {
  const std::string f = text::fold_for_search(s);
  if (f == "1" || f == "true" || f == "t" || f == "yes" || f == "y" || f == "co") return true;
  if (f == "0" || f == "false" || f == "f" || f == "no" || f == "n" || f == "khong") return false;
  return std::nullopt;
}

std::optional<std::string> convert_value(const model::Column& field, const RawValue& raw,
                                         const CodeList* codes, Cell& out) {
  out = Cell{};
  if (raw.is_null()) return std::nullopt;
  std::string text;
  if (raw.kind == RawValue::Kind::Text) {
    if (!text::is_valid_utf8(raw.s)) return "invalid UTF-8 text";
    const std::string_view t = trim(raw.s);
    if (t.empty()) return std::nullopt;
    text = text::to_nfc(t);
  }
  using FT = model::ColumnType;
  switch (field.type) {
    case FT::Text: {
      out.kind = Cell::Kind::Text;
      out.s = raw.kind == RawValue::Kind::Text ? text : raw.as_text();
      if (codes) {
        auto code = codes->find(out.s);
        if (!code)
          return "'" + out.s + "' is not in the code list " + codes->table() +
                 " (allowed: " + codes->sample() + ")";
        out.s = *code;
      }
      return std::nullopt;
    }
    case FT::Integer: {
      out.kind = Cell::Kind::Int;
      if (raw.kind == RawValue::Kind::Int) {
        out.i = raw.i;
      } else if (raw.kind == RawValue::Kind::Real) {
        if (raw.d != std::floor(raw.d) || std::fabs(raw.d) > 9e15)
          return "'" + raw.as_text() + "' is not an integer";
        out.i = static_cast<int64_t>(raw.d);
      } else if (grouped_by_thousands(text)) {
        std::string whole;
        for (char c : text)
          if (c != '.' && c != ',') whole += c;
        return "'" + text + "' is ambiguous (a thousands separator or a decimal point?); write " +
               whole + " if it means " + whole;
      } else if (!parse_int(text, out.i)) {
        return "'" + text + "' is not an integer";
      }
      return std::nullopt;
    }
    case FT::Real: {
      out.kind = Cell::Kind::Real;
      if (raw.kind == RawValue::Kind::Int)
        out.d = static_cast<double>(raw.i);
      else if (raw.kind == RawValue::Kind::Real && !std::isfinite(raw.d))
        return "'" + raw.as_text() + "' is not a finite number (it would be stored as empty)";
      else if (raw.kind == RawValue::Kind::Real)
        out.d = raw.d;
      else if (!parse_real(text, out.d))
        return "'" + text + "' is not a number";
      return std::nullopt;
    }
    case FT::Date:
    case FT::DateTime: {
      const std::string v = raw.kind == RawValue::Kind::Text ? text : raw.as_text();
      out.kind = Cell::Kind::Text;
      const bool ok = field.type == FT::Date ? parse_date(v, out.s) : parse_datetime(v, out.s);
      if (!ok)
        return "'" + v + "' is not " +
               (field.type == FT::Date
                    ? std::string("a date (YYYY-MM-DD)")
                    : std::string("an ISO-8601 date-time (YYYY-MM-DDTHH:MM:SS)"));
      return std::nullopt;
    }
    case FT::Boolean: {
      out.kind = Cell::Kind::Int;
      const std::string v = raw.kind == RawValue::Kind::Text ? text : raw.as_text();
      auto b = parse_bool(v);
      if (!b) return "'" + v + "' is not a yes/no value (0/1, true/false, có/không)";
      out.i = *b ? 1 : 0;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace secmap::io
