#include "io/office_dates.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "store/civil_date.h"
#include "store/local_time.h"
#include "text/unicode.h"

namespace secmap::io {

namespace {

struct Parts {
  int a = 0, b = 0, year = 0;  // a/b/year, or year/b/a when year_first
  bool year_first = false;
  std::string_view rest;  // what follows the date (a time of day, or nothing)
};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Reads 1–max digits at s[p…], advancing p.
bool number(std::string_view s, size_t& p, size_t min_digits, size_t max_digits, int& out) {
  const size_t start = p;
  out = 0;
  while (p < s.size() && p - start < max_digits && s[p] >= '0' && s[p] <= '9')
    out = out * 10 + (s[p++] - '0');
  return p - start >= min_digits;
}

// "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy" or "yyyy/mm/dd" (one separator throughout).
std::optional<Parts> date_parts(std::string_view s) {
  s = trimmed(s);
  Parts out;
  size_t p = 0;
  int first = 0;
  if (!number(s, p, 1, 4, first) || p >= s.size()) return std::nullopt;
  const char sep = s[p];
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  const bool year_first = p == 4;
  if (!year_first && p > 2) return std::nullopt;
  ++p;
  int second = 0, third = 0;
  if (!number(s, p, 1, 2, second) || p >= s.size() || s[p] != sep) return std::nullopt;
  ++p;
  if (!number(s, p, year_first ? 1 : 4, year_first ? 2 : 4, third)) return std::nullopt;
  if (p < s.size() && s[p] != ' ' && s[p] != 'T' && s[p] != '\t') return std::nullopt;
  if (year_first && sep == '-') return std::nullopt;  // ISO, read by store::local_date_time
  out.year_first = year_first;
  out.year = year_first ? first : third;
  out.a = year_first ? third : first;
  out.b = second;
  out.rest = trimmed(s.substr(p));
  if (!out.rest.empty() && out.rest.front() == 'T') out.rest.remove_prefix(1);
  return out;
}

// "14:30", "14:30:05", "14h30", "14h", "14 giờ 30", "14 giờ 30 phút", "14 giờ".
std::optional<std::string> time_of_day(std::string_view s) {
  const std::string folded = text::fold_for_search(s);
  std::string_view t = folded;
  size_t p = 0;
  int h = 0, m = 0, sec = 0;
  if (!number(t, p, 1, 2, h)) return std::nullopt;
  auto skip_spaces = [&] {
    while (p < t.size() && t[p] == ' ') ++p;
  };
  skip_spaces();
  if (p < t.size() && t[p] == ':') {
    ++p;
    if (!number(t, p, 2, 2, m)) return std::nullopt;
    if (p < t.size() && t[p] == ':') {
      ++p;
      if (!number(t, p, 2, 2, sec)) return std::nullopt;
    }
  } else if (t.substr(p, 1) == "h" || t.substr(p, 3) == "gio") {
    p += t[p] == 'h' ? 1 : 3;
    skip_spaces();
    if (p < t.size() && number(t, p, 1, 2, m)) {
      skip_spaces();
      if (t.substr(p, 4) == "phut")
        p += 4;
      else if (t.substr(p, 1) == "p")
        p += 1;
    }
  } else {
    return std::nullopt;
  }
  skip_spaces();
  if (p != t.size() || h > 23 || m > 59 || sec > 59) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, sec);
  return std::string(buf);
}

std::optional<double> plain_number(std::string_view s) {
  s = trimmed(s);
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

}  // namespace

DayOrder day_order_evidence(std::string_view text) {
  const auto p = date_parts(text);
  if (!p || p->year_first) return DayOrder::Unknown;
  if (p->a > 12 && p->b <= 12) return DayOrder::DayFirst;
  if (p->b > 12 && p->a <= 12) return DayOrder::MonthFirst;
  return DayOrder::Unknown;
}

bool needs_day_order(std::string_view text) {
  const auto p = date_parts(text);
  return p && !p->year_first;
}

std::optional<std::string> office_date_time(std::string_view text, DayOrder order, bool spreadsheet,
                                            bool with_time) {
  text = trimmed(text);
  if (auto iso = store::local_date_time(text)) {
    if (!with_time && iso->size() > 10) return std::nullopt;
    return iso;
  }
  int y = 0, m = 0, d = 0;
  std::string time;
  if (auto p = date_parts(text)) {
    if (p->year_first) {
      d = p->a, m = p->b;
    } else {
      DayOrder o = order;
      if (o == DayOrder::Unknown) o = day_order_evidence(text);
      if (o == DayOrder::Unknown) return std::nullopt;
      d = o == DayOrder::DayFirst ? p->a : p->b;
      m = o == DayOrder::DayFirst ? p->b : p->a;
    }
    y = p->year;
    if (!p->rest.empty()) {
      auto t = time_of_day(p->rest);
      if (!t) return std::nullopt;
      time = *t;
    }
  } else if (auto serial = spreadsheet ? plain_number(text) : std::nullopt;
             serial && *serial >= 1 && *serial < 2958466) {
    // Excel counts from 1900-01-00 with a false 1900-02-29, so day 60 onwards is one ahead.
    const double whole = std::floor(*serial);
    const int32_t day =
        store::days_from_civil(1899, 12, 30) + static_cast<int32_t>(whole) - (whole < 61 ? -1 : 0);
    const store::Ymd ymd = store::civil_from_days(day);
    y = ymd.year, m = ymd.month, d = ymd.day;
    const auto seconds = static_cast<int>(std::lround((*serial - whole) * 86400));
    if (seconds > 0 && seconds < 86400) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                    seconds % 60);
      time = buf;
    }
  } else {
    return std::nullopt;
  }
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
  if (!store::parse_day(day)) return std::nullopt;  // 31/02/2025
  if (time.empty()) return std::string(day);
  if (!with_time) return std::nullopt;
  return std::string(day) + "T" + time;
}

std::optional<DayOrder> parse_date_format(std::string_view format) {
  const std::string f = text::fold_for_search(format);
  for (const char* dm : {"dd/mm/yyyy", "d/m/y", "dmy", "dd-mm-yyyy", "dd.mm.yyyy", "d/m/yyyy"})
    if (f == dm) return DayOrder::DayFirst;
  for (const char* md : {"mm/dd/yyyy", "m/d/y", "mdy", "mm-dd-yyyy", "m/d/yyyy"})
    if (f == md) return DayOrder::MonthFirst;
  return std::nullopt;
}

}  // namespace secmap::io
