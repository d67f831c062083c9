// A browsable static report of a story clustering: an index of the stories
// (largest first, then newest), a page per story with its versions on a
// timeline and their relations, and a compare page for each rewrite (the
// comparison of report.h against the member it was derived from).
//
// Pages are self-contained HTML (inline CSS, no scripts, no external
// resources); all article text is escaped. The library writes no files:
// each page goes to `write` with its path relative to the report folder.
#ifndef TWICETOLD_STORY_REPORT_H_
#define TWICETOLD_STORY_REPORT_H_

#include <functional>
#include <string_view>
#include <vector>

#include "twicetold/compare.h"
#include "twicetold/document.h"
#include "twicetold/status.h"
#include "twicetold/story.h"

namespace twicetold {

struct StoryReportOptions {
  AnalyzeOptions analyze;
  CompareOptions compare;
  // Stories with fewer members are listed in the index but get no page.
  uint32_t min_story_size = 1;
  // At most this many compare pages (rewrites of the largest stories first).
  uint32_t max_compare_pages = 2000;
};

// Receives one page: a relative path ("index.html", "story/12.html",
// "compare/12-34.html") and its content. A non-OK Status stops the report.
using PageWriter =
    std::function<Status(std::string_view path, std::string_view content)>;

// `articles` and `assignments` in stream order (assignments[i].id ==
// articles[i].id); `stories` as from StoryClusterer::Stories(). Members and
// closest members are found by id among the articles of their story.
// Errors: InvalidArgument if they disagree in size, ids or stories;
// whatever `write` returns.
Status RenderStoryReport(const std::vector<Article>& articles,
                         const std::vector<StoryAssignment>& assignments,
                         const std::vector<Story>& stories,
                         const StoryReportOptions& options,
                         const PageWriter& write);

}  // namespace twicetold

#endif  // TWICETOLD_STORY_REPORT_H_
