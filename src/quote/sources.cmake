twicetold_part(quote
  SOURCES
    src/quote/attribute.cc
    src/quote/compare_quotes.cc
    src/quote/extract.cc
    src/quote/mentions.cc
    src/quote/quote_marks.cc
    src/quote/word_diff.cc
  HEADERS quote.h
  DEPENDS text
)
