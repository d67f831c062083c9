#include <algorithm>
#include <cmath>
#include <string>

#include "core/version_text.h"
#include "text/terms.h"
#include "twicetold/compare.h"

namespace twicetold {

std::string_view RelationName(Relation relation) {
  switch (relation) {
    case Relation::kIdentical: return "identical";
    case Relation::kNearDuplicate: return "near_duplicate";
    case Relation::kExcerpt: return "excerpt";
    case Relation::kRewrite: return "rewrite";
    case Relation::kSameStory: return "same_story";
    case Relation::kRelated: return "related";
    case Relation::kUnrelated: return "unrelated";
  }
  return "unknown";
}

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kSame: return "same";
    case MatchKind::kEdited: return "edited";
    case MatchKind::kParaphrased: return "paraphrased";
    case MatchKind::kOnlyA: return "only_a";
    case MatchKind::kOnlyB: return "only_b";
  }
  return "unknown";
}

std::string_view FactKindName(FactKind kind) {
  switch (kind) {
    case FactKind::kNumber: return "number";
    case FactKind::kDate: return "date";
    case FactKind::kPerson: return "person";
    case FactKind::kPlace: return "place";
    case FactKind::kOrganization: return "organization";
    case FactKind::kName: return "name";
  }
  return "unknown";
}

double StoryScore(double content_similarity, double name_overlap,
                  uint32_t names_total) {
  if (names_total == 0) return content_similarity;
  return std::sqrt(content_similarity * name_overlap);
}

namespace {

// The shorter text's side of the evidence: its containment in the longer,
// its fraction of aligned sentences and its counts.
struct ShorterSide {
  double containment;
  double aligned;
  uint32_t words;
  uint32_t longer_words;
  uint32_t sentences;
};

ShorterSide Shorter(const CompareScores& s) {
  if (s.words_a <= s.words_b) {
    return {s.containment_a_in_b, s.aligned_fraction_a, s.words_a, s.words_b,
            s.sentences_a};
  }
  return {s.containment_b_in_a, s.aligned_fraction_b, s.words_b, s.words_a,
          s.sentences_b};
}

// Copying is local: an excerpt is judged against the part of the longer
// text it came from, so only the shorter text's side counts (Jaccard and
// whole-body term similarity fall with the longer text's length).
bool IsExcerpt(const CompareScores& s, const RelationThresholds& t) {
  ShorterSide x = Shorter(s);
  if (x.words < t.excerpt_min_words ||
      x.words > t.excerpt_max_length_ratio * x.longer_words) {
    return false;
  }
  // Coverage of the shorter text's own prose, so that a copied passage
  // full of quotations counts and a text sharing one long quotation does
  // not. Shingle containment counts quotations too: it needs that prose
  // coverage as well.
  if (s.prose_run_coverage >= t.excerpt_run_coverage) return true;
  if (s.prose_run_coverage < t.excerpt_aligned_run_coverage) return false;
  if (x.containment >= t.excerpt_containment) return true;
  return x.aligned >= t.excerpt_aligned && s.order_agreement >= t.rewrite_min_order;
}

}  // namespace

Relation ClassifyRelation(const CompareScores& s, const RelationThresholds& t) {
  if (s.jaccard >= t.near_duplicate_jaccard) return Relation::kNearDuplicate;
  if (IsExcerpt(s, t)) return Relation::kExcerpt;
  if (std::max(s.containment_a_in_b, s.containment_b_in_a) >=
      t.rewrite_containment) {
    return Relation::kRewrite;
  }
  // Two independent reporters quote the same speaker, but do not write the
  // same 25 words of their own (cross-story pairs share at most 13).
  if (s.longest_run_outside_quotes >= t.rewrite_floor_run) return Relation::kRewrite;
  // Verbatim prose shared outside quotations is the mark of copying: two
  // independent reporters quote the same speaker, but rarely write the same
  // dozen words of their own. Order agreement guards against two texts
  // sharing one stock phrase in otherwise unrelated structure.
  bool shared_prose = s.longest_run_outside_quotes >= t.rewrite_min_run ||
                      s.run_coverage_outside_quotes >= t.rewrite_run_coverage;
  if (shared_prose && s.order_agreement >= t.rewrite_min_order &&
      s.term_similarity >= t.rewrite_min_term_similarity) {
    return Relation::kRewrite;
  }
  // A headline or one-line summary aligns wholly to a sentence of any report
  // of its story: a paraphrased copy needs a few sentences.
  bool paraphrased_copy =
      std::min(s.sentences_a, s.sentences_b) >= t.rewrite_paraphrase_min_sentences &&
      s.term_similarity >= t.rewrite_paraphrase_term_similarity &&
      std::max(s.aligned_fraction_a, s.aligned_fraction_b) >=
          t.rewrite_paraphrase_aligned &&
      s.order_agreement >= t.rewrite_min_order;
  if (paraphrased_copy) return Relation::kRewrite;
  bool far_apart = s.days_apart.has_value() && *s.days_apart > t.max_story_gap_days;
  if (s.story_score >= t.same_story_score && !far_apart) return Relation::kSameStory;
  // A different event with the same actors or topic. Low term similarity
  // is not enough: two long articles from one beat share its common
  // vocabulary; shared rare content words are the evidence.
  if (s.topic_similarity >= t.related_topic_similarity ||
      s.term_similarity >= t.related_term_similarity) {
    return Relation::kRelated;
  }
  return Relation::kUnrelated;
}

std::string CompareModelVersion(const CompareOptions& o) {
  using core::VersionNumber;
  const RelationThresholds& t = o.thresholds;
  std::string out = "compare-v7 text-r" + std::to_string(kTextRulesRevision);
  out += " k=" + std::to_string(o.shingle_size) + " run=" + std::to_string(o.min_run_words);
  out += " align=" + VersionNumber(o.align_threshold) +
         " edited=" + VersionNumber(o.edited_threshold);
  out += " rel=";
  for (double v : {t.near_duplicate_jaccard, static_cast<double>(t.excerpt_min_words),
                   t.excerpt_max_length_ratio, t.excerpt_containment,
                   t.excerpt_run_coverage, t.excerpt_aligned_run_coverage,
                   t.excerpt_aligned, static_cast<double>(t.rewrite_floor_run),
                   static_cast<double>(t.rewrite_paraphrase_min_sentences),
                   t.rewrite_containment,
                   static_cast<double>(t.rewrite_min_run), t.rewrite_run_coverage,
                   t.rewrite_min_order, t.rewrite_min_term_similarity,
                   t.rewrite_paraphrase_term_similarity, t.rewrite_paraphrase_aligned,
                   t.same_story_score, t.related_term_similarity,
                   t.related_topic_similarity, t.max_story_gap_days}) {
    if (out.back() != '=') out += ',';
    out += VersionNumber(v);
  }
  // Options off their defaults only, so that adding one keeps the version.
  out += " quote=" + std::to_string(o.quote.max_fragment_words) +
         (o.quote.unattributed_fragments ? "+unattributed" : "") +
         (o.quote.embedded_phrases ? "" : "-embedded") +
         (o.quote.apostrophe_pairs ? "+apostrophes," : ",") +
         VersionNumber(o.quote_compare.min_shared_fraction) + "," +
         VersionNumber(o.quote_compare.min_shared_fraction_same_speaker);
  const text_internal::BackgroundIdf& idf = text_internal::BackgroundIdf::Get();
  return out + " idf:" + idf.name() + "/" + std::to_string(idf.documents());
}

std::string CompareModelVersion() { return CompareModelVersion(CompareOptions{}); }

}  // namespace twicetold
