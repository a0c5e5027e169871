#include "store/local_time.h"

#include <cstdint>
#include <cstdio>
#include <ctime>

#include "store/civil_date.h"

namespace secmap::store {

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::string> local_date_time(std::string_view s) {
  if (s.size() < 10 || !parse_day(s.substr(0, 10))) return std::nullopt;
  if (s.size() == 10) return std::string(s);
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int h, mi, sec = 0;
  std::string fraction;
  size_t p = 11;
  if (!digits(s, p, 2, h) || p + 2 >= s.size() || s[p + 2] != ':' || !digits(s, p + 3, 2, mi))
    return std::nullopt;
  p += 5;
  if (p < s.size() && s[p] == ':') {
    if (!digits(s, p + 1, 2, sec)) return std::nullopt;
    p += 3;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      ++p;
      const size_t start = p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      if (p == start) return std::nullopt;
      fraction = "." + std::string(s.substr(start, p - start));
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  if (p == s.size()) {
    std::string out(s);
    out[10] = 'T';
    return out;
  }
  // A zone: converted to the local time the store keeps.
  int zh = 0, zm = 0, sign = 1;
  if (s[p] == 'Z') {
    ++p;
  } else if (s[p] == '+' || s[p] == '-') {
    sign = s[p] == '-' ? -1 : 1;
    if (!digits(s, p + 1, 2, zh) || zh > 14) return std::nullopt;
    p += 3;
    if (p < s.size() && s[p] == ':') ++p;
    if (p < s.size() && (!digits(s, p, 2, zm) || zm > 59)) return std::nullopt;
    if (p < s.size()) p += 2;
  } else {
    return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  int y, mo, d;
  digits(s, 0, 4, y), digits(s, 5, 2, mo), digits(s, 8, 2, d);
  int64_t minutes = int64_t{days_from_civil(y, mo, d)} * 1440 + h * 60 + mi -
                    sign * (zh * 60 + zm) + kLocalUtcOffsetMinutes;
  const auto day = static_cast<int32_t>(minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440);
  minutes -= int64_t{day} * 1440;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60), sec);
  return format_day(day) + buf + fraction;
}

std::string local_now(const char* format) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  return std::string(buf, std::strftime(buf, sizeof buf, format, &tm));
}

}  // namespace secmap::store
