#include "quote/mentions.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "text/lexicon.h"

namespace twicetold::quote_internal {

using text_internal::IsAbbreviatedTitle;
using text_internal::IsGenericSpeakerNoun;
using text_internal::IsInvertibleVerb;
using text_internal::IsLeadingRoleWord;
using text_internal::IsNameParticle;
using text_internal::IsNameStopWord;
using text_internal::IsOrgWord;
using text_internal::IsOtherPronoun;
using text_internal::IsPersonPronoun;
using text_internal::IsPlaceStart;
using text_internal::IsPreposition;
using text_internal::IsRoleNoun;
using text_internal::IsSpeechVerb;
using text_internal::IsTitle;
using text_internal::Lower;
namespace {

bool Capitalized(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c0 = static_cast<unsigned char>(word[0]);
  if (c0 < 0x80) return c0 >= 'A' && c0 <= 'Z';
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i,
          static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c);
}

bool AllCaps(std::string_view word) {
  if (word.size() < 2) return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == '.';
  });
}

// Strips a possessive "'s" (or a trailing "'").
std::string_view StripPossessive(std::string_view word, bool* possessive) {
  if (word.size() > 2 && word.substr(word.size() - 2) == "'s") {
    *possessive = true;
    return word.substr(0, word.size() - 2);
  }
  return word;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsGroupOfNationality(std::string_view first, std::string_view last) {
  if (first.size() < 6 || !EndsWith(last, "s")) return false;
  for (std::string_view suffix : {"ean", "ian", "can", "ese", "ish"}) {
    if (EndsWith(first, suffix)) return true;
  }
  return false;
}

class MentionFinder {
 public:
  MentionFinder(std::string_view text, const std::vector<Token>& tokens,
                const std::vector<bool>& excluded)
      : text_(text), tokens_(tokens), excluded_(excluded) {}

  std::vector<Mention> Run() {
    uint32_t i = 0;
    while (i < tokens_.size()) i = Step(i);
    return std::move(out_);
  }

 private:
  std::string_view Word(uint32_t i) const { return tokens_[i].span.In(text_); }
  std::string_view Gap(uint32_t i) const {  // text between token i and i+1
    return text_.substr(tokens_[i].span.end,
                        tokens_[i + 1].span.begin - tokens_[i].span.end);
  }
  bool Usable(uint32_t i) const { return i < tokens_.size() && !excluded_[i]; }
  bool NameWord(uint32_t i) const {
    return Usable(i) && Capitalized(Word(i)) && !IsNameStopWord(Lower(Word(i)));
  }
  bool Possessive(uint32_t i) const {
    const std::string_view w = Word(i);
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return true;
    return i + 1 < tokens_.size() && !Gap(i).empty() && Gap(i)[0] == '\'';
  }
  // Whether tokens i and i+1 can be parts of one name.
  bool Joins(uint32_t i) const {
    if (i + 1 >= tokens_.size() || Possessive(i)) return false;
    const std::string_view gap = Gap(i);
    if (gap == " ") return true;
    if (gap != ". ") return false;
    const std::string_view w = Word(i);
    return (w.size() == 1 && Capitalized(w)) || IsAbbreviatedTitle(Lower(w));
  }

  // "Mayor Calls Plan ...", "Rivals Said ...": a capitalised speech verb in
  // a finite form ends a name in a title-case headline. Forms that are also
  // plural nouns in names ("United States", "Consumer Reports") do not.
  bool HeadlineVerb(uint32_t i) const {
    if (!Usable(i)) return false;
    const std::string lower = Lower(Word(i));
    if (lower == "states" || lower == "reports" || lower == "posts" ||
        lower == "reads") {
      return false;
    }
    return lower.size() > 3 && IsSpeechVerb(lower) &&
           (lower.back() == 's' || lower == "said" || EndsWith(lower, "ed"));
  }

  // Tokens [i, end) are two or more plain name words (no title, organisation
  // or place word): a person, whom "of" does not join to what follows.
  bool PlainName(uint32_t i, uint32_t end) const {
    if (end - i < 2) return false;
    for (uint32_t k = i; k < end; ++k) {
      const std::string lower = Lower(Word(k));
      if (IsLeadingRoleWord(lower) || IsOrgWord(lower) || IsPlaceStart(lower)) {
        return false;
      }
    }
    return true;
  }

  // Token `i` is the first word of a sentence: only spaces and opening
  // quotes or brackets stand between it and the start of the text, a line
  // break or a sentence-ending mark.
  bool OpensSentence(uint32_t i) const {
    size_t pos = tokens_[i].span.begin;
    while (pos > 0) {
      const char c = text_[pos - 1];
      if (c == '\n' || c == '.' || c == '!' || c == '?') return true;
      if (c != ' ' && c != '"' && c != '\'' && c != '(') return false;
      --pos;
    }
    return true;
  }

  // A mention starting at token `first` is the object of a preposition or
  // of "told" ("with the Northwind Wire", "told Channel Nine").
  bool ObjectPosition(uint32_t first) const {
    uint32_t k = first;
    if (k > 0 && Usable(k - 1) && Gap(k - 1) == " ") {
      const std::string prev = Lower(Word(k - 1));
      if (prev == "the" || prev == "a" || prev == "an") --k;
    }
    if (k == 0 || !Usable(k - 1) || Gap(k - 1) != " ") return false;
    const std::string prev = Lower(Word(k - 1));
    return IsPreposition(prev) || prev == "told" || prev == "tells";
  }

  uint32_t Step(uint32_t i) {
    if (!Usable(i)) return i + 1;
    const std::string lower = Lower(Word(i));
    if (IsPersonPronoun(lower) || IsOtherPronoun(lower)) {
      AddPronoun(i, lower);
      return i + 1;
    }
    // '"...," it said': "it" right before a speech verb.
    if (lower == "it" && Usable(i + 1) && Gap(i) == " " &&
        IsSpeechVerb(Lower(Word(i + 1)))) {
      AddPronoun(i, lower);
      return i + 1;
    }
    // "Ann Ray, who said ...": the relative pronoun right after a mention
    // and a comma stands for it.
    if (lower == "who" && i > 0 && Usable(i - 1) && Gap(i - 1) == ", " &&
        !out_.empty() && out_.back().end_token == i) {
      AddPronoun(i, lower);
      return i + 1;
    }
    if (lower == "the" || lower == "a" || lower == "an" || lower == "one" ||
        lower == "another") {
      if (std::optional<uint32_t> end = RoleNoun(i)) return *end;
    }
    if (!NameWord(i)) return i + 1;
    uint32_t j = i;
    while (Joins(j)) {
      if (HeadlineVerb(j + 1)) break;
      if (NameWord(j + 1)) {
        ++j;
      } else if (Usable(j + 1) && (IsNameParticle(Lower(Word(j + 1))) ||
                                   (Word(j + 1) == "of" && !PlainName(i, j + 1))) &&
                 Joins(j + 1) && NameWord(j + 2)) {
        j += 2;
      } else {
        break;
      }
    }
    AddName(i, j + 1);
    return j + 1;
  }

  void AddPronoun(uint32_t i, const std::string& lower) {
    Mention m;
    m.kind = MentionKind::kPronoun;
    m.span = tokens_[i].span;
    m.first_token = i;
    m.end_token = i + 1;
    m.name = lower;
    out_.push_back(std::move(m));
  }

  // Token `det` follows "said", "wrote", ... ('," said the designer').
  bool AfterSaid(uint32_t det) const {
    return det > 0 && Usable(det - 1) && Gap(det - 1) == " " &&
           IsInvertibleVerb(Lower(Word(det - 1)));
  }
  // Punctuation or the end of the text follows token `j`.
  bool ClauseEnds(uint32_t j) const {
    if (j + 1 >= tokens_.size()) return true;
    const std::string_view gap = Gap(j);
    return !gap.empty() && (gap[0] == '.' || gap[0] == ',' || gap[0] == ';');
  }

  // "the aide", "a senior official", "the former minister": a determiner,
  // up to two lower-case words, a role noun not followed by a name.
  std::optional<uint32_t> RoleNoun(uint32_t det) {
    for (uint32_t j = det + 1; j <= det + 3 && Usable(j); ++j) {
      if (Gap(j - 1) != " ") return std::nullopt;
      const std::string_view w = Word(j);
      if (Capitalized(w) || IsNameStopWord(Lower(w))) return std::nullopt;
      bool possessive = false;
      const std::string lower = Lower(StripPossessive(w, &possessive));
      // Any noun right before a speech verb speaks: "the suit says"; so
      // does one closing the clause right after "said": "said the 46-year-old."
      const bool generic =
          IsGenericSpeakerNoun(lower) ||
          (!IsRoleNoun(lower) && Usable(j + 1) && Gap(j) == " " &&
           IsSpeechVerb(Lower(Word(j + 1)))) ||
          (!IsRoleNoun(lower) && AfterSaid(det) && ClauseEnds(j));
      if (!IsRoleNoun(lower) && !generic) continue;
      if (Usable(j + 1) && Joins(j) && NameWord(j + 1)) return std::nullopt;
      Mention m;
      m.kind = MentionKind::kRole;
      m.span = {tokens_[det].span.begin, tokens_[j].span.end};
      m.first_token = det;
      m.end_token = j + 1;
      m.name = lower;
      for (uint32_t k = det + 1; k < j; ++k) {  // "the finance minister"
        bool ignored = false;
        m.roles.push_back(Lower(StripPossessive(Word(k), &ignored)));
      }
      m.roles.push_back(lower);
      m.possessive = possessive;
      m.the = Lower(Word(det)) == "the";
      m.definite = m.the && !generic;
      out_.push_back(std::move(m));
      return j + 1;
    }
    return std::nullopt;
  }

  // Lower-case role nouns just before a name: "top Kremlin aide".
  void CollectRolesBefore(uint32_t first, std::vector<std::string>* roles) {
    for (uint32_t k = first; k > 0 && first - k < 4; --k) {
      const uint32_t j = k - 1;
      if (!Usable(j) || Gap(j) != " ") break;
      const std::string lower = Lower(Word(j));
      // "secretary of the Union": the role belongs to someone else.
      if (IsPreposition(lower) || IsNameStopWord(lower)) break;
      if (IsRoleNoun(lower)) roles->push_back(lower);
    }
  }

  void AddName(uint32_t first, uint32_t end) {
    Mention m;
    m.span = {tokens_[first].span.begin, tokens_[end - 1].span.end};
    m.first_token = first;
    m.end_token = end;
    uint32_t name_begin = first;
    for (uint32_t k = first; k < end; ++k) {
      const std::string lower = Lower(Word(k));
      if (IsTitle(lower) || (AllCaps(Word(k)) && k + 1 < end)) {
        if (k + 1 < end) name_begin = k + 1;
      }
    }
    // "Coordinator Ann Ray", "Co-author Ann Ray": a role word opening a
    // sequence that still has a two-word name after it.
    while (name_begin + 2 < end && IsLeadingRoleWord(Lower(Word(name_begin)))) {
      ++name_begin;
    }
    // Every word before the name ("Finance Minister") is a role or modifier.
    for (uint32_t k = first; k < end; ++k) {
      bool ignored = false;
      const std::string lower = Lower(StripPossessive(Word(k), &ignored));
      if (k < name_begin || IsTitle(lower)) m.roles.push_back(lower);
    }
    CollectRolesBefore(first, &m.roles);
    m.object = ObjectPosition(first);
    m.sentence_initial = OpensSentence(first);
    m.before_speech_verb =
        Usable(end) && Gap(end - 1) == " " && IsSpeechVerb(Lower(Word(end)));
    FillName(name_begin, end, &m);
    out_.push_back(std::move(m));
  }

  void FillName(uint32_t begin, uint32_t end, Mention* m) {
    const std::string first_lower = Lower(Word(begin));
    if (end - begin == 1 && IsTitle(first_lower)) {  // "President" alone
      m->kind = MentionKind::kRole;
      m->name = first_lower;
    }
    for (uint32_t k = begin; k < end; ++k) {
      bool possessive = false;
      const std::string_view w = StripPossessive(Word(k), &possessive);
      m->possessive = m->possessive || possessive || Possessive(k);
      if (!m->name.empty() && m->kind == MentionKind::kName) m->name += ' ';
      if (m->kind == MentionKind::kName) m->name += w;
      const std::string lower = Lower(w);
      if (IsOrgWord(lower) || (AllCaps(w) && end - begin == 1)) m->org = true;
    }
    if (IsPlaceStart(first_lower) && end - begin > 1) m->org = true;
    // "INDIANA'S DEMOGRAPHICS FAVOR CRUZ": a shouted headline, not a name.
    bool shouted = end - begin > 1;
    for (uint32_t k = begin; k < end && shouted; ++k) {
      bool ignored = false;
      shouted = AllCaps(StripPossessive(Word(k), &ignored));
    }
    if (shouted) m->org = true;
    // "Freight Workers' Union": a plural possessive before a capitalised
    // word is part of an organisation's name.
    const std::string_view last = Word(end - 1);
    if (end - begin > 1 && Possessive(end - 1) && EndsWith(last, "s") &&
        !EndsWith(last, "'s") && NameWord(end)) {
      m->org = true;
    }
    if (end - begin > 1 && IsGroupOfNationality(Word(begin), Word(end - 1))) {
      m->org = true;  // "European Jews", "Mexican Americans"
    }
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<bool>& excluded_;
  std::vector<Mention> out_;
};

std::string LastWord(const std::string& name) {
  const size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

bool IsEntity(const Mention& m) {
  return m.kind == MentionKind::kName && !m.org &&
         m.name.find(' ') != std::string::npos;
}

// The entity a one-word name refers to: the nearest earlier entity with that
// last word, else the first later one.
std::optional<size_t> FindEntity(const std::vector<Mention>& ms, size_t i) {
  for (size_t k = i; k-- > 0;) {
    if (IsEntity(ms[k]) && LastWord(ms[k].name) == ms[i].name) return k;
  }
  for (size_t k = i + 1; k < ms.size(); ++k) {
    if (IsEntity(ms[k]) && LastWord(ms[k].name) == ms[i].name) return k;
  }
  return std::nullopt;
}

// "the board said": the nearest earlier organisation whose name ends in that
// noun ("Calder Water Board").
void ResolveToOrganisation(std::vector<Mention>& ms, size_t i) {
  Mention& m = ms[i];
  if (!m.the) return;
  for (size_t k = i; k-- > 0;) {
    const Mention& c = ms[k];
    if (c.kind == MentionKind::kName && c.org &&
        c.name.find(' ') != std::string::npos && Lower(LastWord(c.name)) == m.name) {
      m.resolved = c.name;
      return;
    }
  }
}

void ResolveName(std::vector<Mention>& ms, size_t i) {
  Mention& m = ms[i];
  m.resolved = m.name;
  if (IsEntity(m)) {
    m.person = true;
    return;
  }
  if (m.name.find(' ') != std::string::npos) return;  // an organisation
  if (std::optional<size_t> e = FindEntity(ms, i)) {
    m.person = true;
    m.resolved = ms[*e].name;
    ms[*e].roles.insert(ms[*e].roles.end(), m.roles.begin(), m.roles.end());
  } else {
    m.person = !m.org && !m.roles.empty();
  }
}

enum class Gender { kUnknown, kMale, kFemale };

// The gender a title or role noun states ("Mrs.", "spokeswoman").
Gender GenderOfRole(std::string_view role) {
  static constexpr std::string_view kMale[] = {
      "mr",          "sir",      "lord",        "king",    "prince",
      "father",      "husband",  "son",         "brother", "spokesman",
      "congressman", "chairman", "businessman", "actor",   "uncle",
      "grandfather", "boyfriend"};
  static constexpr std::string_view kFemale[] = {
      "mrs",     "ms",          "miss",          "lady",       "dame",
      "queen",   "princess",    "mother",        "wife",       "daughter",
      "sister",  "spokeswoman", "congresswoman", "chairwoman", "businesswoman",
      "actress", "aunt",        "grandmother",   "girlfriend", "madam"};
  for (std::string_view w : kMale) {
    if (role == w) return Gender::kMale;
  }
  for (std::string_view w : kFemale) {
    if (role == w) return Gender::kFemale;
  }
  return Gender::kUnknown;
}

// Per full name, the gender its mentions' titles and roles state (unknown
// when none or when they disagree).
std::map<std::string, Gender> NameGenders(const std::vector<Mention>& ms) {
  std::map<std::string, Gender> out;
  std::set<std::string> mixed;
  for (const Mention& m : ms) {
    if (m.kind != MentionKind::kName || !m.person) continue;
    for (const std::string& role : m.roles) {
      const Gender g = GenderOfRole(role);
      if (g == Gender::kUnknown) continue;
      auto [it, added] = out.emplace(m.resolved, g);
      if (!added && it->second != g) mixed.insert(m.resolved);
    }
  }
  for (const std::string& name : mixed) out[name] = Gender::kUnknown;
  return out;
}

bool HasRole(const Mention& m, const std::string& role) {
  return std::find(m.roles.begin(), m.roles.end(), role) != m.roles.end();
}

// All of a role mention's words ("finance", "minister") among `c`'s roles.
bool HasAllRoles(const Mention& c, const Mention& role) {
  return std::all_of(role.roles.begin(), role.roles.end(),
                     [&](const std::string& r) { return HasRole(c, r); });
}

// Full names of persons seen at least once as more than an object: with a
// role, or not after a preposition or "told". "he" prefers these.
std::vector<std::string> SubjectNames(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const Mention& m : ms) {
    if (m.kind == MentionKind::kName && m.person &&
        (!m.object || !m.roles.empty())) {
      out.push_back(m.resolved);
    }
  }
  return out;
}

// How well the earlier name `c` fits the role noun or pronoun `m`: 0 not at
// all; for roles 1 any person, 2 with the role noun, 3 with all its words;
// for pronouns 1 a person seen only as an object, 2 any other person.
int Fit(const Mention& m, const Mention& c,
        const std::vector<std::string>& subjects,
        const std::map<std::string, Gender>& genders) {
  if (c.kind != MentionKind::kName || !c.person) return 0;
  if (m.kind == MentionKind::kRole) {
    if (!HasRole(c, m.name)) return 1;
    return HasAllRoles(c, m) ? 3 : 2;
  }
  // "she" is nobody known as "Mr." or "spokesman", and "he" nobody known as
  // "Ms." or "spokeswoman".
  const auto g = genders.find(c.resolved);
  if (g != genders.end() && g->second != Gender::kUnknown &&
      (g->second == Gender::kFemale) != (m.name == "she")) {
    return 0;
  }
  const bool subject =
      std::find(subjects.begin(), subjects.end(), c.resolved) != subjects.end();
  return subject ? 2 : 1;
}

void ResolveReference(std::vector<Mention>& ms, size_t i,
                      const std::vector<std::string>& subjects,
                      const std::map<std::string, Gender>& genders) {
  Mention& m = ms[i];
  if (m.kind == MentionKind::kPronoun && m.name == "it") {
    // The nearest earlier organisation or speaking thing ("the newspaper").
    for (size_t k = i; k-- > 0;) {
      const Mention& c = ms[k];
      if ((c.kind == MentionKind::kName && c.org) ||
          (c.kind == MentionKind::kRole && !c.definite && c.the)) {
        m.resolved = c.resolved.empty() ? c.name : c.resolved;
        return;
      }
    }
    return;
  }
  if (m.kind == MentionKind::kPronoun && m.name == "who") {
    if (i > 0 && ms[i - 1].end_token == m.first_token) {  // "Ann Ray, who"
      m.person = ms[i - 1].person;
      m.resolved =
          ms[i - 1].resolved.empty() ? ms[i - 1].name : ms[i - 1].resolved;
    }
    return;
  }
  const bool is_role = m.kind == MentionKind::kRole;
  if (is_role && !m.definite) return ResolveToOrganisation(ms, i);
  if (!is_role && !IsPersonPronoun(m.name)) return;
  const int best = is_role ? 3 : 2;
  std::optional<size_t> nearest;
  int nearest_fit = 0;
  for (size_t k = i; k-- > 0 && nearest_fit < best;) {
    const int fit = Fit(m, ms[k], subjects, genders);
    if (fit > nearest_fit) {
      nearest = k;
      nearest_fit = fit;
    }
  }
  if (nearest) {
    m.person = true;
    m.resolved = ms[*nearest].resolved;
  }
}

}  // namespace

std::vector<Mention> FindMentions(std::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::vector<bool>& excluded) {
  return MentionFinder(text, tokens, excluded).Run();
}

void ResolveMentions(std::vector<Mention>* mentions) {
  std::vector<Mention>& ms = *mentions;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].kind == MentionKind::kName) ResolveName(ms, i);
  }
  // Words capitalised somewhere other than a sentence start are names.
  std::set<std::string> mid_sentence;
  for (const Mention& m : ms) {
    if (m.kind != MentionKind::kName || m.sentence_initial) continue;
    for (size_t at = 0; at <= m.name.size();) {
      const size_t space = std::min(m.name.find(' ', at), m.name.size());
      mid_sentence.insert(m.name.substr(at, space - at));
      at = space + 1;
    }
  }
  std::erase_if(ms, [&](const Mention& m) {
    return m.kind == MentionKind::kName && m.sentence_initial && !m.person &&
           !m.before_speech_verb && !m.org && m.roles.empty() &&
           m.name.find(' ') == std::string::npos && !mid_sentence.count(m.name);
  });
  const std::vector<std::string> subjects = SubjectNames(ms);
  const std::map<std::string, Gender> genders = NameGenders(ms);
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].kind != MentionKind::kName)
      ResolveReference(ms, i, subjects, genders);
  }
}

}  // namespace twicetold::quote_internal
