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

}  // namespace

std::string DedupDecisionToJson(const Article& article, const DedupDecision& d) {
  const Json out = {
      {"id", article.id},
      {"cluster", d.cluster},
      {"duplicate_of", d.duplicate_of ? Json(*d.duplicate_of) : Json(nullptr)},
      {"relation", DedupRelationName(d.relation)},
      {"similarity", d.similarity}};
  return report_internal::JsonLine(out);
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
