#include "quote/mentions.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>

#include "quote/lexicon.h"

namespace twicetold::quote_internal {
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

  uint32_t Step(uint32_t i) {
    if (!Usable(i)) return i + 1;
    const std::string lower = Lower(Word(i));
    if (IsPersonPronoun(lower) || IsOtherPronoun(lower)) {
      AddPronoun(i, lower);
      return i + 1;
    }
    if (lower == "the" || lower == "a" || lower == "an") {
      if (std::optional<uint32_t> end = RoleNoun(i)) return *end;
    }
    if (!NameWord(i)) return i + 1;
    uint32_t j = i;
    while (Joins(j)) {
      if (NameWord(j + 1)) {
        ++j;
      } else if (Usable(j + 1) && (IsNameParticle(Lower(Word(j + 1))) ||
                                   Word(j + 1) == "of") &&
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

  // "the aide", "a senior official", "the former minister": a determiner,
  // up to two lower-case words, a role noun not followed by a name.
  std::optional<uint32_t> RoleNoun(uint32_t det) {
    for (uint32_t j = det + 1; j <= det + 3 && Usable(j); ++j) {
      if (Gap(j - 1) != " ") return std::nullopt;
      const std::string_view w = Word(j);
      if (Capitalized(w) || IsNameStopWord(Lower(w))) return std::nullopt;
      bool possessive = false;
      const std::string lower = Lower(StripPossessive(w, &possessive));
      // Any noun right before a speech verb speaks: "the suit says".
      const bool generic = IsGenericSpeakerNoun(lower) ||
                           (!IsRoleNoun(lower) && Usable(j + 1) &&
                            Gap(j) == " " && IsSpeechVerb(Lower(Word(j + 1))));
      if (!IsRoleNoun(lower) && !generic) continue;
      if (Usable(j + 1) && Joins(j) && NameWord(j + 1)) return std::nullopt;
      Mention m;
      m.kind = MentionKind::kRole;
      m.span = {tokens_[det].span.begin, tokens_[j].span.end};
      m.first_token = det;
      m.end_token = j + 1;
      m.name = lower;
      m.roles = {lower};
      m.possessive = possessive;
      m.definite = Lower(Word(det)) == "the" && !generic;
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
        m.roles.push_back(lower);
        if (k + 1 < end) name_begin = k + 1;
      }
    }
    CollectRolesBefore(first, &m.roles);
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

bool HasRole(const Mention& m, const std::string& role) {
  return std::find(m.roles.begin(), m.roles.end(), role) != m.roles.end();
}

void ResolveReference(std::vector<Mention>& ms, size_t i) {
  Mention& m = ms[i];
  const bool is_role = m.kind == MentionKind::kRole;
  if (is_role ? !m.definite : !IsPersonPronoun(m.name)) return;
  std::optional<size_t> nearest;
  for (size_t k = i; k-- > 0;) {
    const Mention& c = ms[k];
    if (c.kind != MentionKind::kName || !c.person) continue;
    if (!nearest) nearest = k;
    if (!is_role || HasRole(c, m.name)) {
      nearest = k;
      break;
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
  for (size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].kind != MentionKind::kName) ResolveReference(ms, i);
  }
}

}  // namespace twicetold::quote_internal
