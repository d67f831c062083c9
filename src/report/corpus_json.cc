// DedupDecisionToJson, StoryAssignmentToJson and StoryToJson
// (include/twicetold/json.h).
#include "report/json_util.h"
#include "twicetold/json.h"

namespace twicetold {
namespace {

using report_internal::Json;

// Relations that make a member a copy of the earlier member it is closest to.
bool IsCopy(Relation r) {
  return r == Relation::kIdentical || r == Relation::kNearDuplicate ||
         r == Relation::kExcerpt || r == Relation::kRewrite;
}

// A date as given, or null when there is none.
Json DateJson(const std::string& date) {
  return date.empty() ? Json(nullptr) : Json(date);
}

// Whether `s` is written into a JSON string as is: printable ASCII but for
// '"' and '\\' (the encoder escapes those and control bytes, and checks
// UTF-8).
bool PlainJsonString(std::string_view s) {
  unsigned bad = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    bad |= static_cast<unsigned>(b < 0x20 || b > 0x7E || b == '"' || b == '\\');
  }
  return bad == 0;
}

// Appends x as the encoder writes it, when x is k/1024 for k in [0, 1024]
// (every MinHash estimate k/m with m <= 1024 and every SimHash k/64):
// "0.0", "1.0", else the exact decimal "0.d...d", trailing zeros cut.
// False for any other value.
bool AppendDyadicFraction(double x, std::string* out) {
  const double scaled = x * 1024;  // exact: a power of two
  if (!(x >= 0 && x <= 1) || scaled != static_cast<double>(static_cast<int>(scaled))) {
    return false;
  }
  const int k = static_cast<int>(scaled);
  if (k == 1024) {
    out->append("1.0");
    return true;
  }
  // k/1024 = k * 9765625 / 10^10: ten decimals, exactly.
  char digits[10];
  uint64_t value = static_cast<uint64_t>(k) * 9765625ULL;
  for (int i = 9; i >= 0; --i, value /= 10) digits[i] = static_cast<char>('0' + value % 10);
  int last = 9;
  while (last > 0 && digits[last] == '0') --last;
  out->append("0.");
  out->append(digits, static_cast<size_t>(last) + 1);
  return true;
}

}  // namespace

namespace report_internal {

std::string DedupDecisionToJsonGeneric(const Article& article, const DedupDecision& d) {
  const Json out = {
      {"id", article.id},
      {"cluster", d.cluster},
      {"duplicate_of", d.duplicate_of ? Json(*d.duplicate_of) : Json(nullptr)},
      {"relation", DedupRelationName(d.relation)},
      {"similarity", d.similarity}};
  return JsonLine(out);
}

}  // namespace report_internal

// One line per article of a corpus: written by hand when every string is
// plain and the similarity a fraction k/1024 (nearly always), else by the
// generic encoder. json_test checks the two agree.
std::string DedupDecisionToJson(const Article& article, const DedupDecision& d) {
  const bool plain = PlainJsonString(article.id) && PlainJsonString(d.cluster) &&
                     (!d.duplicate_of || PlainJsonString(*d.duplicate_of));
  if (!plain) return report_internal::DedupDecisionToJsonGeneric(article, d);
  std::string line;
  line.reserve(80 + article.id.size() + d.cluster.size() +
               (d.duplicate_of ? d.duplicate_of->size() : 0));
  line.append("{\"id\":\"").append(article.id);
  line.append("\",\"cluster\":\"").append(d.cluster);
  line.append("\",\"duplicate_of\":");
  if (d.duplicate_of) {
    line.append("\"").append(*d.duplicate_of).append("\"");
  } else {
    line.append("null");
  }
  line.append(",\"relation\":\"").append(DedupRelationName(d.relation));
  line.append("\",\"similarity\":");
  if (!AppendDyadicFraction(d.similarity, &line)) {
    return report_internal::DedupDecisionToJsonGeneric(article, d);
  }
  line.push_back('}');
  return line;
}

std::string_view StoryRelationName(const StoryAssignment& a) {
  return a.relation ? RelationName(*a.relation) : "origin";
}

std::string StoryAssignmentToJson(const StoryAssignment& a) {
  const bool copy = a.relation && IsCopy(*a.relation) && a.closest;
  const Json out = {
      {"id", a.id},
      {"story", a.story},
      {"relation", StoryRelationName(a)},
      {"duplicate_of", copy ? Json(*a.closest) : Json(nullptr)},
      {"closest", a.closest ? Json(*a.closest) : Json(nullptr)},
      {"similarity", a.similarity}};
  return report_internal::JsonLine(out);
}

std::string StoryToJson(const Story& story) {
  Json members = Json::array();
  for (const std::string& m : story.members) members.push_back(m);
  const Json out = {{"story", story.story},
                    {"size", story.members.size()},
                    {"origin", story.origin},
                    {"members", std::move(members)},
                    {"title", story.title},
                    {"first_seen", DateJson(story.first_seen)},
                    {"last_seen", DateJson(story.last_seen)}};
  return report_internal::JsonLine(out);
}

}  // namespace twicetold
