#include "quote/attribute.h"

#include <algorithm>

#include "text/lexicon.h"

namespace twicetold::quote_internal {

using text_internal::IsInvertibleVerb;
using text_internal::IsNameStopWord;
using text_internal::IsParticiple;
using text_internal::IsPreposition;
using text_internal::IsRoleNoun;
using text_internal::IsSpeechVerb;
using text_internal::IsTitle;
using text_internal::Lower;
namespace {

constexpr uint32_t kMaxSubjectDistance = 16;  // tokens from subject to verb
constexpr uint32_t kMaxShortSentenceVerb = 6;  // '"..." Smith said.' windows
constexpr uint32_t kMaxVerbAfterQuote = 15;    // '"...," the aide to X said'
constexpr uint32_t kMinVerblessWords = 6;      // quoted words, no speech verb
constexpr uint32_t kMaxPrefixTokens =
    5;  // "Sen. Ann Ray:" before a headline quote
constexpr uint32_t kMaxSubjectStart = 4;  // "But later, the crowd chanted"
constexpr uint32_t kMaxClauseLeadIn = 40;  // tokens from verb to a mixed quotation
constexpr uint32_t kMaxThatDistance = 6;   // 'said in a statement Tuesday that'

struct Window {
  uint32_t lo = 0;  // token range [lo, hi)
  uint32_t hi = 0;
};

class Attributor {
 public:
  Attributor(std::string_view text, const Segmentation& segments,
             const std::vector<bool>& in_quote,
             const std::vector<Mention>& mentions)
      : text_(text), seg_(segments), in_quote_(in_quote), mentions_(mentions),
        ending_at_(segments.tokens.size(), -1),
        starting_at_(segments.tokens.size(), -1) {
    for (size_t i = 0; i < mentions.size(); ++i) {
      ending_at_[mentions[i].end_token - 1] = static_cast<int32_t>(i);
      starting_at_[mentions[i].first_token] = static_cast<int32_t>(i);
    }
  }

  std::optional<size_t> Attribute(const std::vector<MarkedQuote>& quotes,
                                  size_t q) const {
    std::optional<size_t> m = Find(quotes, q);
    if (m) m = PreferName(*m, static_cast<uint32_t>(tokens().size()));
    return m;
  }

 private:
  std::optional<size_t> Find(const std::vector<MarkedQuote>& quotes,
                             size_t q) const {
    const MarkedQuote& quote = quotes[q];
    if (auto m = AfterQuote(quotes, q, /*next_sentence=*/false)) return m;
    if (auto m = DashSignOff(quote)) return m;
    const Window before = BeforeWindow(quotes, q);
    if (auto m = VerbSubject(before)) return m;
    if (auto m = AccordingTo(before)) return m;
    if (EndsWithColon(quote.outer.begin)) {
      if (auto m = LeadInSubject(before)) return m;
    }
    if (auto m = AfterQuote(quotes, q, /*next_sentence=*/true)) return m;
    if (auto m = PreviousSentence(quote)) return m;
    if (auto m = LeadInParagraph(quote)) return m;
    if (auto m = NamePrefix(quote)) return m;
    return VerblessSubject(quotes, q);
  }

 public:
  // The subject opening the quotation's sentence: the first mention before
  // the quotation, not possessive nor a prepositional object, at most
  // kMaxSubjectStart tokens into the sentence ("But the crowd chanted").
  std::optional<size_t> SentenceSubject(const std::vector<MarkedQuote>& quotes,
                                        size_t q) const {
    const Window before = BeforeWindow(quotes, q);
    const Window s = SentenceWindow(SentenceAt(quotes[q].outer.begin));
    if (before.lo != s.lo) return std::nullopt;  // another quotation first
    for (uint32_t i = before.lo;
         i < before.hi && i < before.lo + kMaxSubjectStart; ++i) {
      const int32_t m = starting_at_[i];
      if (m < 0 || in_quote_[i]) continue;
      if (mentions_[m].possessive || AfterPreposition(m)) return std::nullopt;
      if (mentions_[m].end_token >= before.hi) return std::nullopt;
      return PreferName(m, before.hi);
    }
    return std::nullopt;
  }

  // Where the reported clause of a mixed quotation begins (attribute.h),
  // when `speaker` (a mention index, as Attribute returns) is the subject of
  // the first speech verb of the quotation's sentence; nullopt otherwise.
  std::optional<uint32_t> ReportedClauseBegin(
      const std::vector<MarkedQuote>& quotes, size_t q, size_t speaker) const {
    const MarkedQuote& quote = quotes[q];
    if (seg_.sentences.empty() || quote.parts.size() != 1 || !quote.closed) {
      return std::nullopt;
    }
    Window w = SentenceWindow(SentenceAt(quote.outer.begin));
    w.hi = TokenAtOrAfter(quote.outer.begin);
    if (w.lo >= w.hi) return std::nullopt;
    w.lo = LeadingClauseEnd(w);
    if (const std::optional<SpokenBy> s = FirstSpeechVerb(w, /*skip_nouns=*/true)) {
      if (PreferName(s->subject, static_cast<uint32_t>(tokens().size())) != speaker) {
        return std::nullopt;  // the speaker was found some other way
      }
      // 'said Ann Ray that ...': the clause begins after the subject.
      const uint32_t begin =
          s->subject_after ? mentions_[s->subject].end_token : s->verb + 1;
      return ClauseBegin(s->verb, begin, w.hi, quote.outer.begin);
    }
    return HeadlineClauseBegin(quote, speaker);
  }

  // Where the reported clause of quotation `q` ends: at the closing mark of
  // the last quotation of a run joined only by "and", "or" or a comma
  // ('that X was "disgusting" and "a con"'); what follows the last quoted
  // words is the reporter's.
  uint32_t ReportedClauseEnd(const std::vector<MarkedQuote>& quotes,
                             size_t q) const {
    size_t last = q;
    while (last + 1 < quotes.size() &&
           JoinsQuotations(quotes[last].outer.end, quotes[last + 1].outer.begin)) {
      ++last;
    }
    return quotes[last].outer.end;
  }

 private:
  // The clause after speech verb `verb`, from token `begin` to the
  // quotation at token `hi` (byte `open`): its "that" if one comes within
  // kMaxThatDistance tokens, else `begin`; nullopt when the lead-in has no
  // word of its own, is too long, or introduces a direct quotation.
  std::optional<uint32_t> ClauseBegin(uint32_t verb, uint32_t begin,
                                      uint32_t hi, uint32_t open) const {
    // A later speech verb of the same speaker starts the clause quoted:
    // '..., saying "..."', 'by calling X "..."', '... but insisted that "..."',
    // '... although he tweeted that "..."'.
    for (uint32_t k = hi; k > begin + 1; --k) {
      const uint32_t v = k - 1;
      if (IsVerb(v) && ReadsAsVerb(v, begin) && StartsPredicate(v, begin)) {
        begin = v + 1;
        break;
      }
    }
    if (begin >= hi || hi - begin > kMaxClauseLeadIn) return std::nullopt;
    // Across a semicolon or a dash, the lead-in is another clause.
    const std::string_view lead_in =
        text_.substr(tokens()[begin].span.begin, open - tokens()[begin].span.begin);
    if (lead_in.find(';') != npos || lead_in.find(" - ") != npos ||
        lead_in.find("--") != npos || lead_in.find("\u2014") != npos) {
      return std::nullopt;
    }
    std::optional<uint32_t> that;
    for (uint32_t k = begin; k < hi && k < begin + kMaxThatDistance; ++k) {
      if (!in_quote_[k] && Word(k) == "that") {
        that = k;
        break;
      }
    }
    if (!that && IsAddresseeVerb(Word(verb))) return std::nullopt;
    uint32_t first = that ? *that : begin;
    // 'said on Monday it would "..."': a leading time is the verb's.
    while (!that && first + 1 < hi && !in_quote_[first] && IsTimeWord(Word(first))) {
      ++first;
    }
    // 'an offer he said was "never put to a vote"': a clause opening with
    // its verb has its subject before the speaker; the quoted words alone
    // are what is quoted.
    if (!that && !in_quote_[first] && IsAuxiliary(Word(first))) return std::nullopt;
    bool words = false;
    for (uint32_t k = first + (that ? 1 : 0); k < hi; ++k) {
      if (in_quote_[k]) continue;
      if (tokens()[k].kind == TokenKind::kWord) words = true;
      if (Text(k, k + 1).find(':') != npos) return std::nullopt;
    }
    uint32_t before = open;
    while (before > 0 && (text_[before - 1] == ' ' || text_[before - 1] == '\n')) {
      --before;
    }
    if (!words || before == 0 || text_[before - 1] == ':' ||
        text_[before - 1] == ',') {
      return std::nullopt;
    }
    return tokens()[first].span.begin;
  }

  // Speech verb `v` (after token `lo`) opens a predicate of its own: a
  // participle after a comma or "by", "for", "while" ('by calling'), or a
  // verb after "and", "but" or a subject pronoun ('but insisted', 'he
  // tweeted').
  bool StartsPredicate(uint32_t v, uint32_t lo) const {
    static constexpr std::string_view kParticipleLeads[] = {"by", "for", "while",
                                                            "after", "when"};
    static constexpr std::string_view kVerbLeads[] = {
        "and", "but", "he", "she", "they", "it", "who", "which", "i", "we"};
    if (v <= lo) return false;
    const std::string before = Word(v - 1);
    if (IsParticiple(Word(v))) {
      return CommaBefore(v, lo) ||
             std::find(std::begin(kParticipleLeads), std::end(kParticipleLeads),
                       before) != std::end(kParticipleLeads);
    }
    return std::find(std::begin(kVerbLeads), std::end(kVerbLeads), before) !=
           std::end(kVerbLeads);
  }

  // Speech verb `v` is a verb here: not capitalised inside its sentence
  // ("Secretary of State"), not after a determiner, a possessive or a
  // preposition ("his remarks", "secretary of state").
  bool ReadsAsVerb(uint32_t v, uint32_t sentence_lo) const {
    static constexpr std::string_view kNounMarkers[] = {
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
        "this", "that", "these", "those"};
    const std::string_view w = tokens()[v].span.In(text_);
    if (v > sentence_lo && !w.empty() && w[0] >= 'A' && w[0] <= 'Z') {
      return false;
    }
    if (v == 0) return true;
    const std::string before = Word(v - 1);
    return !IsPreposition(before) &&  // "secretary of state"
           std::find(std::begin(kNounMarkers), std::end(kNounMarkers),
                     before) == std::end(kNounMarkers);
  }

  // Only "and", "or", "but", commas or spaces between bytes `from` and
  // `to`, on one line.
  bool JoinsQuotations(uint32_t from, uint32_t to) const {
    if (to < from || to - from > 8) return false;
    std::string rest;  // the gap without spaces and commas
    for (const char c : text_.substr(from, to - from)) {
      if (c == '\n') return false;
      if (c != ' ' && c != ',') rest += c;
    }
    return rest.empty() || rest == "and" || rest == "or" || rest == "but";
  }

  // Words of a time right after a speech verb: "on Monday", "late Sunday",
  // "this week".
  static bool IsTimeWord(std::string_view lower) {
    static constexpr std::string_view kWords[] = {
        "on",        "late",     "early",    "last",    "this",      "monday",
        "tuesday",   "wednesday", "thursday", "friday", "saturday",  "sunday",
        "today",     "yesterday", "week",    "night",   "morning",   "evening",
        "afternoon", "tonight"};
    return std::find(std::begin(kWords), std::end(kWords), lower) !=
           std::end(kWords);
  }

  // "told", "asked": without "that", the words after are the addressee.
  static bool IsAddresseeVerb(std::string_view lower) {
    static constexpr std::string_view kVerbs[] = {
        "tell",  "tells",  "told",    "telling",  "ask",     "asks",
        "asked", "asking", "urged",   "urges",    "urging",  "reminded",
        "assured", "warned", "warns", "promised", "thanked", "begged"};
    return std::find(std::begin(kVerbs), std::end(kVerbs), lower) !=
           std::end(kVerbs);
  }

  // '"..." - Ann Ray': a dash and a name right after the quotation, on its
  // line or the next (a sign-off, as under an epigraph or in a list of
  // readers' comments). Not a possessive ('"..." - Ray's slogan').
  std::optional<size_t> DashSignOff(const MarkedQuote& quote) const {
    uint32_t pos = quote.outer.end;
    uint32_t newlines = 0;
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\n')) {
      newlines += text_[pos] == '\n';
      ++pos;
    }
    if (newlines > 2 || pos >= text_.size() || text_[pos] != '-')
      return std::nullopt;
    while (pos < text_.size() && text_[pos] == '-') ++pos;
    const uint32_t t = TokenAtOrAfter(pos);
    if (t >= tokens().size() || in_quote_[t]) return std::nullopt;
    for (uint32_t k = pos; k < tokens()[t].span.begin; ++k) {
      if (text_[k] != ' ') return std::nullopt;
    }
    const int32_t m = starting_at_[t];
    if (m < 0 || mentions_[m].possessive) return std::nullopt;
    return PreferName(m, static_cast<uint32_t>(tokens().size()));
  }

  // "Ray: Rivals Plan Is 'Reckless'": after a NamePrefix naming `speaker`,
  // the words after the colon are the speaker's clause when some come
  // before the quotation ("Ray: 'Reckless'" is a plain quotation).
  std::optional<uint32_t> HeadlineClauseBegin(const MarkedQuote& quote,
                                              size_t speaker) const {
    const std::optional<size_t> m = NamePrefix(quote);
    if (!m || PreferName(*m, static_cast<uint32_t>(tokens().size())) != speaker) {
      return std::nullopt;
    }
    const Span block = seg_.blocks[quote.first_block].span;
    const size_t colon =
        text_.substr(block.begin, quote.outer.begin - block.begin).find(": ");
    const uint32_t first = TokenAtOrAfter(block.begin + static_cast<uint32_t>(colon));
    for (uint32_t k = first; k < TokenAtOrAfter(quote.outer.begin); ++k) {
      if (!in_quote_[k] && tokens()[k].kind == TokenKind::kWord) {
        return tokens()[first].span.begin;
      }
    }
    return std::nullopt;
  }

  // "Ray: Plan Is 'Reckless'": a block opening with at most kMaxPrefixTokens
  // tokens and a colon, before the quotation; its first subject speaks.
  std::optional<size_t> NamePrefix(const MarkedQuote& quote) const {
    const Span block = seg_.blocks[quote.first_block].span;
    const std::string_view head =
        text_.substr(block.begin, quote.outer.begin - block.begin);
    const size_t colon = head.find(": ");
    if (colon == npos) return std::nullopt;
    const Window w{TokenAtOrAfter(block.begin),
                   TokenAtOrAfter(block.begin + static_cast<uint32_t>(colon))};
    if (w.hi <= w.lo || w.hi - w.lo > kMaxPrefixTokens) return std::nullopt;
    for (uint32_t i = w.lo; i < w.hi; ++i) {
      if (in_quote_[i] || IsVerb(i)) return std::nullopt;
    }
    return FirstSubject(w);
  }

  // 'Minister Ines Varga put the cost at "at least 38 million a day."': a
  // sentence with no speech verb that opens with a person, quoting at least
  // kMinVerblessWords words.
  std::optional<size_t> VerblessSubject(const std::vector<MarkedQuote>& quotes,
                                        size_t q) const {
    if (seg_.sentences.empty() || quotes[q].parts.size() != 1) return {};
    const Span content = quotes[q].span();
    if (TokenAtOrAfter(content.end) - TokenAtOrAfter(content.begin) <
        kMinVerblessWords) {
      return std::nullopt;
    }
    const Window s = SentenceWindow(SentenceAt(quotes[q].outer.begin));
    for (uint32_t i = s.lo; i < s.hi; ++i) {
      if (IsVerb(i)) return std::nullopt;
    }
    const Window before = BeforeWindow(quotes, q);
    if (before.lo != s.lo || before.lo >= before.hi) return std::nullopt;
    const int32_t m = starting_at_[before.lo];
    if (m < 0 || !IsPersonName(m)) return std::nullopt;
    return m;
  }

  const std::vector<Token>& tokens() const { return seg_.tokens; }
  std::string Word(uint32_t i) const {
    return Lower(tokens()[i].span.In(text_));
  }
  uint32_t TokenAtOrAfter(uint32_t pos) const {
    auto it = std::lower_bound(
        tokens().begin(), tokens().end(), pos,
        [](const Token& t, uint32_t p) { return t.span.begin < p; });
    return static_cast<uint32_t>(it - tokens().begin());
  }
  // Index of the sentence containing byte `pos` (or the last before it).
  size_t SentenceAt(uint32_t pos) const {
    auto it = std::upper_bound(
        seg_.sentences.begin(), seg_.sentences.end(), pos,
        [](uint32_t p, const Sentence& s) { return p < s.span.begin; });
    return it == seg_.sentences.begin() ? 0 : it - seg_.sentences.begin() - 1;
  }
  bool IsVerb(uint32_t i) const { return !in_quote_[i] && IsSpeechVerb(Word(i)); }

  // Text before `pos`, skipping spaces, ends with ':'.
  bool EndsWithColon(uint32_t pos) const {
    while (pos > 0 && (text_[pos - 1] == ' ' || text_[pos - 1] == '\n')) --pos;
    return pos > 0 && text_[pos - 1] == ':';
  }

  std::optional<size_t> SubjectBefore(uint32_t verb, uint32_t lo) const {
    for (uint32_t k = verb; k > lo && verb - k < kMaxSubjectDistance; --k) {
      const uint32_t j = k - 1;
      if (in_quote_[j] || (j + 1 < verb && IsVerb(j))) break;
      const int32_t m = ending_at_[j];
      if (m >= 0 && !mentions_[m].possessive &&
          (!AfterPreposition(m) || WithParticiple(m, verb))) {
        return Apposed(m);
      }
    }
    return std::nullopt;
  }

  // "with the union calling her ...": the object of "with" right before a
  // participle is its subject.
  bool WithParticiple(size_t m, uint32_t verb) const {
    const Mention& x = mentions_[m];
    if (x.end_token != verb || !IsParticiple(Word(verb))) return false;
    uint32_t first = x.first_token;
    if (first > 0 && IsDeterminer(Word(first - 1))) --first;
    return first > 0 && Word(first - 1) == "with";
  }

  // "Ann Ray, a co-author, said": an indefinite role set off by commas
  // stands for the person named just before it.
  size_t Apposed(size_t m) const {
    const Mention& x = mentions_[m];
    if (x.kind != MentionKind::kRole || x.definite || x.first_token == 0) {
      return m;
    }
    const uint32_t before = x.first_token - 1;
    if (in_quote_[before] || Text(before, x.first_token) != ", ") return m;
    const int32_t n = ending_at_[before];
    return n >= 0 && IsPersonName(n) ? n : m;
  }
  // "speaking on WOR710, called": a prepositional object is no subject.
  // "of the Calder Water Board said": a determiner may come between.
  bool AfterPreposition(size_t m) const {
    uint32_t first = mentions_[m].first_token;
    if (mentions_[m].kind == MentionKind::kName && first > 0 &&
        IsDeterminer(Word(first - 1))) {
      --first;
    }
    return first > 0 && IsPreposition(Word(first - 1));
  }
  static bool IsDeterminer(std::string_view lower) {
    return lower == "the" || lower == "a" || lower == "an";
  }

  // A mention right after the verb (or one word later) that ends its
  // clause: "asks the aide." but not "said Brandt had ..." (the subject of
  // the reported clause) nor "called on Green Reform to ...".
  std::optional<size_t> SubjectAfter(uint32_t verb, uint32_t hi) const {
    for (uint32_t j = verb + 1; j < hi && j <= verb + 2; ++j) {
      if (in_quote_[j]) break;
      const int32_t m = starting_at_[j];
      if (m < 0) continue;
      if (mentions_[m].possessive || AfterPreposition(m) ||
          StartsClause(mentions_[m].end_token)) {
        break;
      }
      return m;
    }
    return std::nullopt;
  }

  // Token `i` is an auxiliary right after a mention: "said Brandt had ...".
  bool StartsClause(uint32_t i) const {
    if (i >= tokens().size() || Text(i - 1, i) != " ") return false;
    return IsAuxiliary(Word(i));
  }

  static bool IsAuxiliary(std::string_view lower) {
    static constexpr std::string_view kAux[] = {
        "had", "has", "have", "was", "were", "is", "are", "would", "will",
        "could", "should", "might", "may", "can", "did", "does", "wanted"};
    return std::find(std::begin(kAux), std::end(kAux), lower) != std::end(kAux);
  }

  // Punctuation or the window end right after a mention ending at `end`.
  bool ClosedAt(uint32_t end, uint32_t hi) const {
    if (end >= tokens().size() || end >= hi) return true;
    return Text(end - 1, end).find_first_of(",:;.\"(") != npos;
  }

  // The subject of the first speech verb in `w` that has one. The first is
  // the main clause's ("Rubio said that ... he called him a "con artist"";
  // "Kasich says he'd tell Putin "no more nonsense""): the speaker of a
  // quotation inside reported speech is the one reporting it (PolNeAR train
  // scores this above the verb nearest the quotation).
  std::optional<size_t> VerbSubject(Window w) const {
    const std::optional<SpokenBy> s = FirstSpeechVerb(w, /*skip_nouns=*/false);
    if (!s) return std::nullopt;
    return s->subject;
  }

  // A speech verb and its subject: the mention before it, or after it
  // ('said Ann Ray'), where the verb's clause begins after that mention.
  struct SpokenBy {
    uint32_t verb;
    size_t subject;
    bool subject_after;
  };

  // The first speech verb of `w` (after a leading subordinate clause) that
  // has a subject, as VerbSubject describes; with `skip_nouns`, verbs that
  // do not read as verbs ("his remarks") are passed over.
  std::optional<SpokenBy> FirstSpeechVerb(Window w, bool skip_nouns) const {
    const uint32_t lo = LeadingClauseEnd(w);
    for (uint32_t v = lo; v < w.hi; ++v) {
      if (!IsVerb(v) || (skip_nouns && !ReadsAsVerb(v, lo))) continue;
      if (auto m = Inverted(v, w.hi)) return SpokenBy{v, *m, true};
      if (IsParticiple(Word(v)) && CommaBefore(v, w.lo)) {
        // ", saying ...": the subject of the main clause.
        if (auto m = FirstSubject({w.lo, v})) return SpokenBy{v, *m, false};
      }
      if (auto m = SubjectBefore(v, w.lo)) return SpokenBy{v, *m, false};
      if (auto m = SubjectAfter(v, w.hi)) return SpokenBy{v, *m, true};
    }
    return std::nullopt;
  }

  // "While not everything X says is true, Y said ...", "Asked if X had
  // ..., Y said": a window opening with a subordinate or participle clause
  // set off by a comma; its verbs are not the main clause's. The token after
  // that comma, else w.lo.
  uint32_t LeadingClauseEnd(Window w) const {
    static constexpr std::string_view kOpeners[] = {
        "while", "when",   "if",      "although", "though",
        "as",    "after",  "before",  "because",  "since",
        "once",  "unless", "whereas", "asked",    "pressed"};
    if (w.lo >= w.hi) return w.lo;
    const std::string first = Word(w.lo);
    if (std::find(std::begin(kOpeners), std::end(kOpeners), first) ==
        std::end(kOpeners)) {
      return w.lo;
    }
    for (uint32_t k = w.lo + 1; k < w.hi; ++k) {
      if (in_quote_[k - 1]) break;
      if (Text(k - 1, k).find(',') != npos) return k;
    }
    return w.lo;
  }

  // A comma just before token `v` or before the adverb preceding it
  // (", saying", ", recently telling").
  bool CommaBefore(uint32_t v, uint32_t lo) const {
    for (uint32_t k = v; k > lo && v - k < 2; --k) {
      if (Text(k - 1, k).find(',') != npos) return true;
    }
    return false;
  }

  // "..., said Steve Elmendorf, a strategist": a mention right after the
  // verb and closed by punctuation or the window end is the subject.
  std::optional<size_t> Inverted(uint32_t verb, uint32_t hi) const {
    if (verb + 1 >= hi || in_quote_[verb + 1]) return std::nullopt;
    if (!IsInvertibleVerb(Word(verb))) return std::nullopt;
    if (verb > 0 && ending_at_[verb - 1] >= 0 && !in_quote_[verb - 1]) {
      return std::nullopt;  // "Smith said Jones ...": Smith is the subject
    }
    if (Text(verb, verb + 1) != " ") return std::nullopt;
    int32_t m = starting_at_[verb + 1];
    if (m >= 0) {
      m = static_cast<int32_t>(PreferName(m, hi));
    } else {
      m = NameAfterRoleWords(verb + 1, hi);  // "said festival chair Ann Ray"
    }
    if (m < 0) return std::nullopt;
    if (ClosedAt(mentions_[m].end_token, hi)) return m;
    return std::nullopt;
  }

  // A person name after up to three lower-case words from token `i`
  // ("lead author", "mountain guide"), or -1.
  int32_t NameAfterRoleWords(uint32_t i, uint32_t hi) const {
    for (uint32_t j = i; j < hi && j < i + 3; ++j) {
      if (in_quote_[j] || Text(j, j + 1) != " ") return -1;
      const std::string_view w = tokens()[j].span.In(text_);
      const std::string lower = Lower(w);
      if (w.empty() || w[0] < 'a' || w[0] > 'z' || IsNameStopWord(lower) ||
          IsPreposition(lower) || IsSpeechVerb(lower)) {
        return -1;
      }
      if (j + 1 >= starting_at_.size()) return -1;  // the role word ends the text
      const int32_t m = starting_at_[j + 1];
      if (m >= 0) return IsPersonName(m) ? m : -1;
    }
    return -1;
  }

  bool IsPersonName(size_t m) const {
    return mentions_[m].kind == MentionKind::kName && mentions_[m].person &&
           !mentions_[m].possessive;
  }

  // The person a non-person mention introduces: "Green Reform leader Corwin
  // Tate", "Green Reform's deputy leader, Saskia Verhoeven", "the
  // authority's chief executive, Tobias Hale". Otherwise `m` itself.
  // A person followed by a role noun modifies it ("Trump adviser Kellyanne
  // Conway"); a role, an organisation or a possessive may also introduce the
  // name after a comma.
  size_t PreferName(size_t m, uint32_t hi) const {
    const Mention& x = mentions_[m];
    const bool person = IsPersonName(m);
    // After a plain name every word must be a role ("Carter adviser"); after
    // a role or a possessive, modifiers too ("the company's managing").
    const bool modifiers = x.kind == MentionKind::kRole || x.possessive;
    // Whether the words so far end in a role ("deputy leader").
    bool role = x.kind == MentionKind::kRole;
    bool words = false;  // lower-case words between the two mentions
    for (uint32_t j = x.end_token; j < hi && j < x.end_token + 4; ++j) {
      if (in_quote_[j]) break;
      const std::string_view gap = Text(j - 1, j);
      const int32_t n = starting_at_[j];
      if (n >= 0) {
        const bool chained = gap == " " && role && (words || !person);
        const bool apposed = gap == ", " && role && !person;
        if ((chained || apposed) && IsPersonName(n)) return n;
        break;
      }
      if (gap != " ") break;
      const std::string_view w = tokens()[j].span.In(text_);
      const std::string lower = Lower(w);
      if (w.empty() || w[0] < 'a' || w[0] > 'z' || IsNameStopWord(lower) ||
          IsPreposition(lower) || IsSpeechVerb(lower)) {
        break;
      }
      role = IsRoleNoun(lower) || IsTitle(lower);
      if (!role && !modifiers) break;
      words = true;
    }
    return m;
  }

  // Text between the end of token `a` and the start of token `b` (a < b),
  // or to the end of the text when b is past the last token.
  std::string_view Text(uint32_t a, uint32_t b) const {
    const uint32_t from = tokens()[a].span.end;
    const uint32_t to = b < tokens().size() ? tokens()[b].span.begin
                                            : static_cast<uint32_t>(text_.size());
    return text_.substr(from, to - from);
  }
  static constexpr size_t npos = std::string_view::npos;

  std::optional<size_t> AccordingTo(Window w) const {
    for (uint32_t i = w.lo; i + 2 < w.hi; ++i) {
      if (in_quote_[i] || Word(i) != "according" || Word(i + 1) != "to") continue;
      if (starting_at_[i + 2] >= 0) return starting_at_[i + 2];
    }
    return std::nullopt;
  }

  // The subject of a lead-in: its first person mention, else its first
  // mention, skipping possessives and prepositional objects.
  std::optional<size_t> FirstSubject(Window w) const {
    std::optional<size_t> first;
    for (uint32_t i = w.lo; i < w.hi; ++i) {
      const int32_t m = starting_at_[i];
      if (m < 0 || in_quote_[i] || mentions_[m].possessive ||
          AfterPreposition(m)) {
        continue;
      }
      if (mentions_[m].person) return m;
      if (!first) first = m;
    }
    return first;
  }

  // A lead-in naming the speaker only as an owner or a source: "X's advice
  // to them:", "a message from X to customers:". The first such person.
  std::optional<size_t> Possessor(Window w) const {
    for (uint32_t i = w.lo; i < w.hi; ++i) {
      const int32_t m = starting_at_[i];
      if (m < 0 || in_quote_[i] || !mentions_[m].person) continue;
      if (mentions_[m].possessive || (i > 0 && Word(i - 1) == "from")) return m;
    }
    return std::nullopt;
  }

  // A lead-in's person subject, else its owner or source ("The statement
  // ended with a message from X:"), else any subject.
  std::optional<size_t> LeadInSubject(Window w) const {
    const std::optional<size_t> m = FirstSubject(w);
    if (m && mentions_[*m].person) return m;
    if (auto p = Possessor(w)) return p;
    return m;
  }

  Window SentenceWindow(size_t s) const {
    const Span span = seg_.sentences[s].span;
    return {TokenAtOrAfter(span.begin), TokenAtOrAfter(span.end)};
  }

  Window BeforeWindow(const std::vector<MarkedQuote>& quotes, size_t q) const {
    if (seg_.sentences.empty()) return {};
    const uint32_t begin = quotes[q].outer.begin;
    Window w = SentenceWindow(SentenceAt(begin));
    w.hi = TokenAtOrAfter(begin);
    if (q > 0 && quotes[q - 1].outer.end <= begin) {
      w.lo = std::max(w.lo, TokenAtOrAfter(quotes[q - 1].outer.end));
    }
    w.lo = std::min(w.lo, w.hi);
    return w;
  }

  // The words after the quotation in its own sentence or, with
  // `next_sentence`, at the start of the next one when it ends its own.
  std::optional<size_t> AfterQuote(const std::vector<MarkedQuote>& quotes,
                                   size_t q, bool next_sentence) const {
    if (seg_.sentences.empty()) return std::nullopt;
    const uint32_t end = quotes[q].outer.end;
    const uint32_t next_quote = q + 1 < quotes.size()
                                    ? TokenAtOrAfter(quotes[q + 1].outer.begin)
                                    : tokens().size();
    const size_t s = SentenceAt(end - 1);
    Window w{TokenAtOrAfter(end), SentenceWindow(s).hi};
    uint32_t verb_limit = w.lo + kMaxVerbAfterQuote;
    if (w.lo < w.hi && next_sentence) return std::nullopt;
    if (w.lo >= w.hi && !next_sentence) return std::nullopt;
    if (w.lo >= w.hi && s + 1 < seg_.sentences.size() &&
        seg_.sentences[s + 1].block == seg_.sentences[s].block) {
      w = SentenceWindow(s + 1);  // '"... now." Smith said.'
      verb_limit = w.lo + kMaxShortSentenceVerb;
    }
    w.hi = std::min({w.hi, next_quote, verb_limit});
    if (w.lo >= w.hi) return std::nullopt;
    if (starting_at_[w.lo] >= 0) {  // '"...," Smith, an aide, said'
      const Mention& m = mentions_[starting_at_[w.lo]];
      for (uint32_t v = m.end_token; v < w.hi && v < m.end_token + 10; ++v) {
        if (IsVerb(v)) return starting_at_[w.lo];
      }
    }
    if (auto m = VerbSubject(w)) return m;
    if (!next_sentence && SentenceGoesOn(quotes[q])) return BareAttribution(w);
    return std::nullopt;
  }

  // The quoted words end in ",", "?" or "!": the sentence goes on after the
  // closing mark, with its attribution ('"...," Smith shot back').
  bool SentenceGoesOn(const MarkedQuote& quote) const {
    uint32_t i = quote.outer.end;
    while (i > quote.outer.begin &&
           (text_[i - 1] == '"' || text_[i - 1] == '\''))
      --i;
    return i > quote.outer.begin &&
           (text_[i - 1] == ',' || text_[i - 1] == '?' || text_[i - 1] == '!');
  }

  // Right after such a quotation, whatever the verb: 'Smith shot back',
  // 'Smith, the mayor, ...' or 'beamed Ann Ray of ...'. A mention (not a
  // possessive) followed by a lower-case word or a comma, or a lower-case
  // word followed by a person's name.
  std::optional<size_t> BareAttribution(Window w) const {
    if (w.lo >= w.hi || in_quote_[w.lo]) return std::nullopt;
    const int32_t m = starting_at_[w.lo];
    if (m >= 0) {
      const Mention& x = mentions_[m];
      if (x.possessive || x.end_token >= tokens().size()) return std::nullopt;
      const std::string_view gap = Text(x.end_token - 1, x.end_token);
      const std::string_view next = tokens()[x.end_token].span.In(text_);
      const bool verb_like =
          gap == " " && !next.empty() && next[0] >= 'a' && next[0] <= 'z';
      if (verb_like || gap == ", ") return PreferName(m, w.hi);
      return std::nullopt;
    }
    const std::string_view first = tokens()[w.lo].span.In(text_);
    if (first.empty() || first[0] < 'a' || first[0] > 'z' || w.lo + 1 >= w.hi) {
      return std::nullopt;
    }
    const int32_t n = starting_at_[w.lo + 1];
    if (n >= 0 && IsPersonName(n) && Text(w.lo, w.lo + 1) == " ") return n;
    return std::nullopt;
  }

  // 'Or maybe Jones, consultant Phil Musser says. "Several ..."': a
  // quotation opening a sentence after a sentence of the same block that
  // has a speech verb but no quotation of its own.
  std::optional<size_t> PreviousSentence(const MarkedQuote& quote) const {
    if (seg_.sentences.empty()) return std::nullopt;
    const size_t s = SentenceAt(quote.outer.begin);
    if (s == 0 || seg_.sentences[s].span.begin != quote.outer.begin ||
        seg_.sentences[s - 1].block != seg_.sentences[s].block) {
      return std::nullopt;
    }
    const Window w = SentenceWindow(s - 1);
    for (uint32_t i = w.lo; i < w.hi; ++i) {
      if (in_quote_[i]) return std::nullopt;
    }
    return VerbSubject(w);
  }

  // A block that starts with the quotation, after a block ending in ':'
  // (the lead-in), or a block that is only the quotation after one about a
  // person.
  std::optional<size_t> LeadInParagraph(const MarkedQuote& quote) const {
    const uint32_t b = quote.first_block;
    if (b == 0 || seg_.blocks[b].span.begin != quote.outer.begin) return {};
    const Span prev = seg_.blocks[b - 1].span;
    if (prev.empty()) return std::nullopt;
    const Window w = SentenceWindow(SentenceAt(prev.end - 1));
    if (text_[prev.end - 1] == ':') {
      if (auto m = VerbSubject(w)) return m;
      return LeadInSubject(w);
    }
    // A paragraph that is only a quotation, after a paragraph about a
    // person: "Valastro praised ... \n\n "We need someone who ..."".
    if (quote.outer.end != seg_.blocks[quote.last_block].span.end) return {};
    for (uint32_t i = w.lo; i < w.hi; ++i) {
      if (in_quote_[i]) return std::nullopt;
    }
    const std::optional<size_t> m = FirstSubject(w);
    if (m && mentions_[*m].person) return m;
    return std::nullopt;
  }

  std::string_view text_;
  const Segmentation& seg_;
  const std::vector<bool>& in_quote_;
  const std::vector<Mention>& mentions_;
  std::vector<int32_t> ending_at_;    // per token: mention ending there
  std::vector<int32_t> starting_at_;  // per token: mention starting there
};

// A quotation with no attribution continues the previous speaker when it
// follows that quotation in the same block, or opens the next block.
bool Continues(const Segmentation& segments, const MarkedQuote& prev,
               const MarkedQuote& quote) {
  if (prev.last_block == quote.first_block) return true;
  return prev.last_block + 1 == quote.first_block &&
         segments.blocks[quote.first_block].span.begin == quote.outer.begin;
}

}  // namespace

std::vector<Attribution> AttributeQuotes(
    std::string_view text, const Segmentation& segments,
    const std::vector<bool>& in_quote, const std::vector<Mention>& mentions,
    const std::vector<MarkedQuote>& quotes) {
  const Attributor attributor(text, segments, in_quote, mentions);
  std::vector<Attribution> out(quotes.size());
  for (size_t q = 0; q < quotes.size(); ++q) {
    out[q].mention = attributor.Attribute(quotes, q);
    if (out[q].mention) continue;
    const Attribution* prev = q > 0 ? &out[q - 1] : nullptr;
    if (prev && (prev->mention || prev->from_quote) &&
        Continues(segments, quotes[q - 1], quotes[q])) {
      out[q].from_quote = prev->from_quote ? *prev->from_quote : q - 1;
      out[q].subject_only = prev->subject_only;
      continue;
    }
    out[q].mention = attributor.SentenceSubject(quotes, q);
    out[q].subject_only = out[q].mention.has_value();
  }
  for (size_t q = 0; q < quotes.size(); ++q) {
    const Attribution& a = out[q];
    const std::optional<size_t> speaker =
        a.mention ? a.mention : a.from_quote ? out[*a.from_quote].mention
                                             : std::nullopt;
    if (speaker && !a.subject_only) {
      out[q].clause_begin = attributor.ReportedClauseBegin(quotes, q, *speaker);
      if (out[q].clause_begin) {
        out[q].clause_end = attributor.ReportedClauseEnd(quotes, q);
      }
    }
  }
  return out;
}

}  // namespace twicetold::quote_internal
