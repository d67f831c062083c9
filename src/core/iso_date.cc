#include "core/iso_date.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace twicetold {

std::optional<double> ParseIsoDays(std::string_view iso) {
  auto num = [&iso](size_t pos, size_t len) -> int {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || d < 1 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                  std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  double days = std::chrono::sys_days(ymd).time_since_epoch().count();
  if (iso.size() >= 16 && iso[10] == 'T' && num(11, 2) >= 0 && num(14, 2) >= 0) {
    days += (num(11, 2) * 60 + num(14, 2)) / 1440.0;
  }
  return days;
}

std::string FormatIsoDate(double days) {
  std::chrono::sys_days day{std::chrono::days(static_cast<int>(std::floor(days)))};
  std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace twicetold
