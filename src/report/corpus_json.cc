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
         r == Relation::kRewrite;
}

// A date as given, or null when there is none.
Json DateJson(const std::string& date) {
  return date.empty() ? Json(nullptr) : Json(date);
}

}  // namespace

std::string DedupDecisionToJson(const Article& article, const DedupDecision& d,
                                const std::vector<std::string>& ids) {
  const Json out = {
      {"id", article.id},
      {"cluster", ids[d.cluster]},
      {"duplicate_of", d.duplicate_of ? Json(ids[*d.duplicate_of]) : Json(nullptr)},
      {"relation", DedupRelationName(d.relation)},
      {"similarity", d.similarity}};
  return report_internal::JsonLine(out);
}

std::string_view StoryRelationName(const StoryAssignment& a) {
  return a.relation ? RelationName(*a.relation) : "origin";
}

std::string StoryAssignmentToJson(const Article& article, const StoryAssignment& a,
                                  const std::vector<std::string>& ids) {
  const bool copy = a.relation && IsCopy(*a.relation);
  const Json out = {
      {"id", article.id},
      {"story", a.story},
      {"relation", StoryRelationName(a)},
      {"duplicate_of", copy ? Json(ids[*a.closest]) : Json(nullptr)},
      {"closest", a.closest ? Json(ids[*a.closest]) : Json(nullptr)},
      {"similarity", a.similarity}};
  return report_internal::JsonLine(out);
}

std::string StoryToJson(const Story& story, const std::vector<std::string>& ids) {
  Json members = Json::array();
  for (uint64_t m : story.members) members.push_back(ids[m]);
  const Json out = {{"story", story.story},
                    {"size", story.members.size()},
                    {"origin", ids[story.origin]},
                    {"members", std::move(members)},
                    {"title", story.title},
                    {"first_seen", DateJson(story.first_seen)},
                    {"last_seen", DateJson(story.last_seen)}};
  return report_internal::JsonLine(out);
}

}  // namespace twicetold
