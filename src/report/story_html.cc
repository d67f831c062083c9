// The static story report: index.html, story/<n>.html and
// compare/<a>-<b>.html (see twicetold/story_report.h).
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "report/report_util.h"
#include "twicetold/analyze.h"
#include "twicetold/clean.h"
#include "twicetold/report.h"
#include "twicetold/story_report.h"

namespace twicetold {
namespace {

// The report works on stream numbers (its page names are numbers); the
// clusterer's ids are turned into them once, by Number() below.
struct NumberedAssignment {
  uint64_t article = 0;
  uint64_t story = 0;
  std::optional<Relation> relation;
  std::optional<uint64_t> closest;
  double similarity = 0;
};

struct NumberedStory {
  uint64_t story = 0;
  std::vector<uint64_t> members;
  uint64_t origin = 0;
  std::string title;
  std::string first_seen;
  std::string last_seen;
};


using report_internal::Escape;
using report_internal::Escaped;
using report_internal::Fixed;

// The look of comparison_html.cc, plus the index table and the timeline.
constexpr const char* kStyle = R"css(
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{font-size:1.4em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
.relation{display:inline-block;padding:.1em .6em;border-radius:1em;background:#234;color:#fff;font-weight:600;font-size:.85em}
.r-origin{background:#176} .r-identical,.r-near_duplicate{background:#646} .r-excerpt{background:#a60} .r-rewrite{background:#a40}
.r-same_story{background:#234} .r-related,.r-unrelated{background:#777}
table{border-collapse:collapse;width:100%} td,th{vertical-align:top;padding:.35em .5em;border-bottom:1px solid #eee;text-align:left}
th{font-size:.85em;color:#555} td.num{text-align:right;white-space:nowrap} td.date{white-space:nowrap}
.evidence,.counts{color:#444;font-size:.9em} nav{font-size:.9em;padding:.4em 0;border-bottom:1px solid #ddd}
.member{border-left:3px solid #ddd;padding:.2em 0 .2em 1em;margin:1em 0} .member .meta{font-size:.9em;color:#444}
.excerpt{margin:.3em 0;color:#333} footer{margin-top:3em;color:#888;font-size:.8em}
)css";

// Relation slots: 0 = origin, then 1 + Relation's enum value.
constexpr size_t kRelationSlots = 7;
using RelationCounts = std::array<uint64_t, kRelationSlots>;

size_t Slot(const NumberedAssignment& a) {
  return a.relation ? 1 + static_cast<size_t>(*a.relation) : 0;
}

std::string_view SlotName(size_t slot) {
  return slot == 0 ? std::string_view("origin")
                   : RelationName(static_cast<Relation>(slot - 1));
}

std::string CountsText(const RelationCounts& counts) {
  std::string out;
  for (size_t slot = 0; slot < kRelationSlots; ++slot) {
    if (counts[slot] == 0) continue;
    if (!out.empty()) out += " &middot; ";
    out += std::to_string(counts[slot]) + " " + std::string(SlotName(slot));
  }
  return out;
}

// Everything the pages need, checked once.
struct Plan {
  const std::vector<Article>* articles;
  const std::vector<NumberedAssignment>* assignments;
  const std::vector<NumberedStory>* stories;
  const StoryReportOptions* options;
  std::vector<size_t> order;  // story indices in index order
  // Articles whose compare page (against their closest member) is written.
  std::set<uint64_t> compared;
  bool HasPage(const NumberedStory& s) const {
    return s.members.size() >= options->min_story_size;
  }
};

Status CheckAssignments(const std::vector<Article>& articles,
                        const std::vector<NumberedAssignment>& assignments,
                        const std::unordered_map<uint64_t, size_t>& by_number) {
  if (assignments.size() != articles.size()) {
    return InvalidArgumentError(
        "story report: " + std::to_string(assignments.size()) +
        " assignments for " + std::to_string(articles.size()) + " articles");
  }
  for (size_t i = 0; i < assignments.size(); ++i) {
    const NumberedAssignment& a = assignments[i];
    const std::string where = "story report: assignment " + std::to_string(i);
    if (a.article != i)
      return InvalidArgumentError(where + " names article " +
                                  std::to_string(a.article));
    if (!by_number.count(a.story)) {
      return InvalidArgumentError(where + " names unknown story " +
                                  std::to_string(a.story));
    }
    // The closest member is linked on the story page, so it must be there.
    if (a.closest && (*a.closest >= articles.size() ||
                      assignments[*a.closest].story != a.story)) {
      return InvalidArgumentError(where + ": closest member not in its story");
    }
  }
  return Status::Ok();
}

Status CheckStories(const std::vector<Article>& articles,
                    const std::vector<NumberedAssignment>& assignments,
                    const std::vector<NumberedStory>& stories) {
  for (const NumberedStory& s : stories) {
    const std::string where = "story report: story " + std::to_string(s.story);
    if (s.origin >= articles.size())
      return InvalidArgumentError(where + ": origin out of range");
    for (uint64_t m : s.members) {
      if (m >= articles.size()) {
        return InvalidArgumentError(where + ": member " + std::to_string(m) +
                                    " out of range");
      }
      if (assignments[m].story != s.story) {
        return InvalidArgumentError(where + ": member " + std::to_string(m) +
                                    " is assigned to story " +
                                    std::to_string(assignments[m].story));
      }
    }
  }
  return Status::Ok();
}

Status Check(const std::vector<Article>& articles,
             const std::vector<NumberedAssignment>& assignments,
             const std::vector<NumberedStory>& stories) {
  std::unordered_map<uint64_t, size_t> by_number;
  for (size_t k = 0; k < stories.size(); ++k) {
    if (!by_number.emplace(stories[k].story, k).second) {
      return InvalidArgumentError("story report: story number " +
                                  std::to_string(stories[k].story) +
                                  " appears twice");
    }
  }
  RETURN_IF_ERROR(CheckAssignments(articles, assignments, by_number));
  return CheckStories(articles, assignments, stories);
}

// Largest first, then newest (last_seen descending, undated last), then in
// order of creation.
std::vector<size_t> IndexOrder(const std::vector<NumberedStory>& stories) {
  std::vector<size_t> order(stories.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const NumberedStory& a = stories[x];
    const NumberedStory& b = stories[y];
    if (a.members.size() != b.members.size())
      return a.members.size() > b.members.size();
    return a.last_seen > b.last_seen;  // "" sorts last
  });
  return order;
}

// Members by published date (ISO strings compare as dates); undated ones
// after them, in stream order.
std::vector<uint64_t> Timeline(const NumberedStory& story,
                               const std::vector<Article>& articles) {
  std::vector<uint64_t> members = story.members;
  std::sort(members.begin(), members.end());
  std::stable_sort(members.begin(), members.end(), [&](uint64_t x, uint64_t y) {
    const std::string& a = articles[x].published;
    const std::string& b = articles[y].published;
    if (a.empty() || b.empty()) return !a.empty() && b.empty();
    return a < b;
  });
  return members;
}

// The rewrites and excerpts that get a compare page: largest stories first, each story's
// members in timeline order, at most max_compare_pages.
std::set<uint64_t> ChooseCompared(const Plan& plan) {
  std::set<uint64_t> chosen;
  for (size_t k : plan.order) {
    const NumberedStory& s = (*plan.stories)[k];
    if (!plan.HasPage(s)) continue;
    for (uint64_t m : Timeline(s, *plan.articles)) {
      if (chosen.size() >= plan.options->max_compare_pages) return chosen;
      const NumberedAssignment& a = (*plan.assignments)[m];
      bool derived = a.relation == Relation::kRewrite || a.relation == Relation::kExcerpt;
      if (derived && a.closest && *a.closest != m)
        chosen.insert(m);
    }
  }
  return chosen;
}

std::string StoryTitle(const NumberedStory& s) {
  return s.title.empty() ? "(story " + std::to_string(s.story) + ")" : s.title;
}

std::string StoryPath(const NumberedStory& s) {
  return "story/" + std::to_string(s.story) + ".html";
}

std::string ComparePath(uint64_t closest, uint64_t article) {
  return "compare/" + std::to_string(closest) + "-" + std::to_string(article) +
         ".html";
}

std::string Page(std::string_view title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
         "charset=\"utf-8\">\n<title>twicetold: " +
         Escaped(title) + "</title>\n<style>" + kStyle +
         "</style></head><body>\n" + body +
         "<footer>twicetold story report</footer>\n</body></html>\n";
}

RelationCounts CountStory(const Plan& plan, const NumberedStory& s) {
  RelationCounts counts{};
  for (uint64_t m : s.members) ++counts[Slot((*plan.assignments)[m])];
  return counts;
}

std::string IndexRow(const Plan& plan, const NumberedStory& s) {
  const std::string title = Escaped(StoryTitle(s));
  return "<tr><td class=\"num\">" + std::to_string(s.members.size()) +
         "</td><td>" +
         (plan.HasPage(s) ? "<a href=\"" + StoryPath(s) + "\">" + title + "</a>"
                          : title) +
         "</td><td class=\"date\">" + Escaped(s.first_seen) +
         "</td><td class=\"date\">" + Escaped(s.last_seen) + "</td><td>" +
         Escaped((*plan.articles)[s.origin].source) +
         "</td><td class=\"counts\">" + CountsText(CountStory(plan, s)) +
         "</td></tr>\n";
}

std::string IndexPage(const Plan& plan) {
  RelationCounts totals{};
  for (const NumberedAssignment& a : *plan.assignments) ++totals[Slot(a)];
  size_t multi = 0;
  for (const NumberedStory& s : *plan.stories) multi += s.members.size() >= 2;
  std::string body =
      "<h1>Stories</h1>\n<p class=\"evidence\">" +
      std::to_string(plan.articles->size()) + " articles &middot; " +
      std::to_string(plan.stories->size()) + " stories &middot; " +
      std::to_string(multi) + " with more than one version</p>\n" +
      "<p class=\"counts\">relations: " + CountsText(totals) + "</p>\n" +
      "<table class=\"stories\"><tr><th>size</th><th>title</th><th>first "
      "seen</th>"
      "<th>last seen</th><th>origin source</th><th>relations</th></tr>\n";
  for (size_t k : plan.order) body += IndexRow(plan, (*plan.stories)[k]);
  body += "</table>\n";
  return Page("stories", body);
}

// About the first `limit` code points of `text`, cut at a space when one is
// near, with an ellipsis when anything was left out.
std::string Excerpt(std::string_view text, size_t limit = 300) {
  size_t cps = 0, cut = 0;
  for (; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) continue;
    if (cps++ == limit) break;
  }
  if (cut >= text.size()) return Escaped(text);
  const size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space + 60 > cut) cut = space;
  return Escaped(text.substr(0, cut)) + "&hellip;";
}

std::string MemberLink(const Plan& plan, uint64_t m) {
  const std::string& id = (*plan.articles)[m].id;
  return "<a href=\"#a" + std::to_string(m) + "\">" +
         Escaped(id.empty() ? "#" + std::to_string(m) : id) + "</a>";
}

std::string MemberEntry(const Plan& plan, uint64_t m) {
  const Article& article = (*plan.articles)[m];
  const NumberedAssignment& a = (*plan.assignments)[m];
  const std::string relation(SlotName(Slot(a)));
  std::string out =
      "<div class=\"member\" id=\"a" + std::to_string(m) +
      "\">\n<div class=\"meta\">" +
      Escaped(article.published.empty() ? "undated" : article.published) +
      " &middot; " + Escaped(article.source) + " &middot; id " +
      Escaped(article.id) + "</div>\n<b>" + Escaped(article.title) +
      "</b>\n<p><span class=\"relation r-" + relation + "\">" + relation +
      "</span>";
  if (a.closest && *a.closest != m) {
    out += " of " + MemberLink(plan, *a.closest) + " (similarity " +
           Fixed(a.similarity) + ")";
    if (plan.compared.count(m)) {
      out += " &middot; <a href=\"../" + ComparePath(*a.closest, m) +
             "\">compare</a>";
    }
  }
  // The excerpt skips what cleaning removes (captions, ads, the dateline).
  const CleanedBody cleaned =
      CleanBody(article.body, plan.options->analyze.clean, article.source);
  out += "</p>\n<p class=\"excerpt\">" + Excerpt(cleaned.text.text) + "</p>\n</div>\n";
  return out;
}

std::string StoryPage(const Plan& plan, const NumberedStory& s) {
  const Article& origin = (*plan.articles)[s.origin];
  std::string body =
      "<nav><a href=\"../index.html\">&larr; all stories</a></nav>\n<h1>" +
      Escaped(StoryTitle(s)) + "</h1>\n<p class=\"evidence\">" +
      std::to_string(s.members.size()) + " versions &middot; first seen " +
      Escaped(s.first_seen.empty() ? "?" : s.first_seen) + ", last seen " +
      Escaped(s.last_seen.empty() ? "?" : s.last_seen) + " &middot; origin " +
      MemberLink(plan, s.origin) +
      (origin.source.empty() ? "" : " (" + Escaped(origin.source) + ")") +
      "</p>\n<p class=\"counts\">" + CountsText(CountStory(plan, s)) +
      "</p>\n<h2>Versions</h2>\n";
  for (uint64_t m : Timeline(s, *plan.articles)) body += MemberEntry(plan, m);
  return Page(StoryTitle(s), body);
}

// Analyzed articles of one story, computed on first use.
class AnalysisCache {
 public:
  AnalysisCache(const std::vector<Article>& articles,
                const AnalyzeOptions& options)
      : articles_(articles), options_(options) {}
  const AnalyzedArticle& Get(uint64_t m) {
    auto it = cache_.find(m);
    if (it == cache_.end())
      it = cache_.emplace(m, Analyze(articles_[m], options_)).first;
    return it->second;
  }

 private:
  const std::vector<Article>& articles_;
  const AnalyzeOptions& options_;
  std::map<uint64_t, AnalyzedArticle> cache_;
};

Result<std::string> ComparePage(const NumberedStory& s, const AnalyzedArticle& a,
                                const AnalyzedArticle& b,
                                const CompareOptions& options) {
  Result<Comparison> comparison = Compare(a, b, options);
  if (!comparison.ok()) return comparison.status();
  std::string html = ComparisonToHtml(a, b, *comparison);
  const std::string nav =
      "\n<nav><a href=\"../index.html\">&larr; all stories</a> &middot; <a "
      "href=\"../" +
      StoryPath(s) + "\">story: " + Escaped(StoryTitle(s)) + "</a></nav>";
  const size_t at = html.find("<body>");
  html.insert(at == std::string::npos ? 0 : at + 6, nav);
  return html;
}

Status WriteStory(const Plan& plan, const NumberedStory& s, const PageWriter& write) {
  RETURN_IF_ERROR(write(StoryPath(s), StoryPage(plan, s)));
  AnalysisCache cache(*plan.articles, plan.options->analyze);
  for (uint64_t m : Timeline(s, *plan.articles)) {
    if (!plan.compared.count(m)) continue;
    const uint64_t closest = *(*plan.assignments)[m].closest;
    const AnalyzedArticle& a = cache.Get(closest);
    const AnalyzedArticle& b = cache.Get(m);
    Result<std::string> page = ComparePage(s, a, b, plan.options->compare);
    if (!page.ok()) return page.status();
    RETURN_IF_ERROR(write(ComparePath(closest, m), *page));
  }
  return Status::Ok();
}

// Ids to stream numbers. Members, origins and closest members are looked
// up among the articles assigned to their story (so ids need only be
// unique within a story); a closest member among the earlier ones, the
// latest with its id. What cannot be found gets an out-of-range number,
// which Check() reports.
Status Number(const std::vector<Article>& articles,
              const std::vector<StoryAssignment>& assignments,
              const std::vector<Story>& stories, std::vector<NumberedAssignment>* numbered,
              std::vector<NumberedStory>* numbered_stories) {
  if (assignments.size() != articles.size()) {
    return InvalidArgumentError(
        "story report: " + std::to_string(assignments.size()) +
        " assignments for " + std::to_string(articles.size()) + " articles");
  }
  const uint64_t none = articles.size();
  std::unordered_map<uint64_t, std::vector<uint64_t>> in_story;
  for (size_t i = 0; i < assignments.size(); ++i) {
    const StoryAssignment& a = assignments[i];
    if (a.id != articles[i].id) {
      return InvalidArgumentError("story report: assignment " + std::to_string(i) +
                                  " names article " + a.id + ", not " + articles[i].id);
    }
    std::vector<uint64_t>& earlier = in_story[a.story];
    NumberedAssignment n{i, a.story, a.relation, std::nullopt, a.similarity};
    if (a.closest) {
      n.closest = none;
      for (auto m = earlier.rbegin(); m != earlier.rend(); ++m) {
        if (articles[*m].id == *a.closest) {
          n.closest = *m;
          break;
        }
      }
    }
    numbered->push_back(n);
    earlier.push_back(i);
  }
  for (const Story& s : stories) {
    NumberedStory n{s.story, {}, none, s.title, s.first_seen, s.last_seen};
    const std::vector<uint64_t>& members = in_story[s.story];
    for (size_t k = 0; k < s.members.size(); ++k) {
      n.members.push_back(k < members.size() && articles[members[k]].id == s.members[k]
                              ? members[k]
                              : none);
    }
    for (uint64_t m : members) {
      if (articles[m].id == s.origin) {
        n.origin = m;
        break;
      }
    }
    numbered_stories->push_back(std::move(n));
  }
  return Status::Ok();
}

}  // namespace

Status RenderStoryReport(const std::vector<Article>& articles,
                         const std::vector<StoryAssignment>& assignments,
                         const std::vector<Story>& stories,
                         const StoryReportOptions& options,
                         const PageWriter& write) {
  std::vector<NumberedAssignment> numbered;
  std::vector<NumberedStory> numbered_stories;
  RETURN_IF_ERROR(Number(articles, assignments, stories, &numbered, &numbered_stories));
  RETURN_IF_ERROR(Check(articles, numbered, numbered_stories));
  Plan plan{&articles, &numbered,        &numbered_stories,
            &options,  IndexOrder(numbered_stories), {}};
  plan.compared = ChooseCompared(plan);
  RETURN_IF_ERROR(write("index.html", IndexPage(plan)));
  for (size_t k : plan.order) {
    if (plan.HasPage(numbered_stories[k]))
      RETURN_IF_ERROR(WriteStory(plan, numbered_stories[k], write));
  }
  return Status::Ok();
}

}  // namespace twicetold
