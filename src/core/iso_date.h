// ISO 8601 dates as day numbers, for time gaps between articles.
#ifndef TWICETOLD_CORE_ISO_DATE_H_
#define TWICETOLD_CORE_ISO_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace twicetold {

// Days since 1970-01-01 of "YYYY-MM-DD", optionally followed by
// "THH:MM..." (the time adds a fraction of a day; time zones are ignored).
// nullopt for anything else, including impossible dates.
std::optional<double> ParseIsoDays(std::string_view iso);

// "YYYY-MM-DD" of the day containing `days` (as from ParseIsoDays).
std::string FormatIsoDate(double days);

}  // namespace twicetold

#endif  // TWICETOLD_CORE_ISO_DATE_H_
