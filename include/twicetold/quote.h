// Direct quotations with speakers, and the comparison of quotes across two
// versions of a story.
//
// Extraction works on an AnalyzedArticle (normalized text: only ' and "
// remain as quote marks). Spans are byte offsets into
// AnalyzedArticle::normalized.text; map them to the body with ToBody().
#ifndef TWICETOLD_QUOTE_H_
#define TWICETOLD_QUOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/span.h"

namespace twicetold {

struct Quote {
  Span span;                        // the quoted words, without the marks
  std::string text;                 // normalized text of `span`
  std::string speaker;              // full name as first introduced, or empty
  std::optional<Span> speaker_span; // the mention that attributes it, if any
  bool fragment = false;            // a scare quote or a few-word fragment
  bool in_heading = false;          // inside a heading block
  bool title = false;  // a title-case name of a show, book or slogan
                       // ("The Apprentice"): a fragment with no speaker,
                       // returned only with unattributed_fragments
  // A mixed quotation: the quoted words are part of a clause of reported
  // speech that opens earlier in the sentence ('Ray called the plan "a gift
  // to developers."'). The clause, from after the speech verb (at its
  // "that", if any) through the closing mark of the clause's last quotation
  // ('the vote was "reckless" and "a farce."'): what the speaker is
  // reported as saying, partly in the reporter's words. `span` stays the
  // quoted words (what CompareQuotes pairs).
  std::optional<Span> clause;
};

struct QuoteOptions {
  // Behaviour.
  uint32_t max_fragment_words = 4;  // quotes this short without a clause are fragments
  // Also return fragments nobody is quoted as saying: titles of works,
  // nicknames, so-called terms ("the “undercard” debate"). Off: they are
  // quotation marks, not quotations, and would pair across versions as if
  // someone had said them.
  bool unattributed_fragments = false;
  // Also return words someone is quoted as using inside a paraphrase, where
  // the sentence goes on after the closing mark ('she said there were
  // "thousands of shootings" in the city', 'a "use it or lose it" approach'):
  // a phrase of theirs, not their statement. Off: a fragment or mixed
  // quotation is returned when its closing mark ends the reported words
  // (at the sentence's end, a comma, before "and", "or", "who" ..., or
  // before when and how they were said: "on Monday", "in a statement").
  bool embedded_phrases = false;
  // Read two apostrophes ('') as a double quotation mark, as ASCII archives
  // and old wire copy set quotations (''We will,'' she said). Off: most
  // text quotes with " or curly marks, and '' is also an inch mark, wiki
  // italics or an empty string; the pair is then not a quotation mark.
  bool apostrophe_pairs = false;
};

// Direct quotations of `article`, in text order: every quotation with a
// speaker or that is a full statement, and fragments only with a speaker
// (unless options.unattributed_fragments). Never fails. Thread-safe.
std::vector<Quote> ExtractQuotes(const AnalyzedArticle& article,
                                 const QuoteOptions& options);

enum class QuoteRelation { kIdentical, kExtended, kTrimmed, kAltered, kOnlyA, kOnlyB };
std::string_view QuoteRelationName(QuoteRelation relation);  // "identical", ...

// One word-level edit turning A's quote into B's.
struct WordDiff {
  enum class Op { kEqual, kDelete, kInsert } op;
  std::string words;  // space-joined words
};

struct QuotePair {
  std::optional<uint32_t> a;  // index into A's quotes
  std::optional<uint32_t> b;  // index into B's quotes
  QuoteRelation relation;
  std::string speaker;        // A's speaker, else B's, or empty
  std::vector<WordDiff> diff; // for extended, trimmed and altered
};

struct QuoteCompareOptions {
  // Behaviour.
  double min_shared_fraction = 0.5;  // of the shorter quote's words, to pair two quotes
  // The same, for two quotes with the same non-empty speaker: a rewrite may
  // keep only the core of a quotation ("...decided without Ukraine").
  double min_shared_fraction_same_speaker = 0.25;
};

// Pairs the quotes of two versions and classifies each pair: identical after
// normalization (marks, ellipsis style, case and trailing punctuation do not
// count), extended (B contains A and adds words), trimmed (the reverse),
// altered (a shared core with words changed), only_a, only_b. Quotes pair
// one to one first; then a quote left unpaired whose words (two or more)
// occur in order within a longer quote of the other version pairs with it
// as trimmed or extended (a heading repeating part of a quote), even if
// that longer quote has its own counterpart. So every quote appears in
// exactly one pair, except such a longer quote, which may appear in more.
// Pairs come in A's order (a quote's contained parts of B after it), then
// only_b. Never fails.
std::vector<QuotePair> CompareQuotes(const std::vector<Quote>& a,
                                     const std::vector<Quote>& b,
                                     const QuoteCompareOptions& options);

}  // namespace twicetold

#endif  // TWICETOLD_QUOTE_H_
