#include <gtest/gtest.h>

#include <string>

#include "twicetold/html.h"
#include "web/charset.h"

namespace twicetold {
namespace {

// A fictional page with the furniture real news pages carry.
constexpr char kPage[] = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens | The Lantern Gazette</title>
<meta property="og:title" content="Harbour bridge reopens after two years">
<meta property="og:site_name" content="The Lantern Gazette">
<meta property="article:published_time" content="2031-04-05T09:30:00Z">
<meta name="author" content="Maren Oakes">
<link rel="canonical" href="https://gazette.example/harbour-bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Harbour bridge reopens after two years","datePublished":"2031-04-05",
 "author":[{"@type":"Person","name":"Maren Oakes"},{"@type":"Person","name":"Tobias Wren"}],
 "publisher":{"@type":"Organization","name":"Lantern Gazette"}}</script>
<style>.x{color:red}</style>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main>
<article class="story">
<h1>Harbour bridge reopens after two years</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<div class="article-body">
<p>The old harbour bridge in Kelport reopened on Saturday morning, two years after a barge struck one of its piers, and the first cars crossed shortly after dawn.</p>
<p>Engineers replaced the damaged pier, strengthened the deck and repainted the whole structure, the council said, at a cost of 41 million crowns, slightly under budget.</p>
<figure><img src="a.jpg"><figcaption>The bridge at dawn. Photo: council</figcaption></figure>
<h2>Traffic returns</h2>
<p>Shopkeepers on the north bank said trade had fallen by a third while the bridge was closed &amp; they expect customers to return quickly.</p>
<ul><li>Cars: from Saturday</li><li>Lorries: from May</li></ul>
<p>“We have waited a long time for this,” said Ida Brandt, who runs a bakery by the quay.</p>
<div class="related-links"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise again this spring</a></li><li><a href="/b">Council approves new cycle lanes</a></li></ul></div>
</div>
<section id="comments"><h3>Comments</h3><p>Great news, finally, I have been waiting for this for ages!</p></section>
</article>
</main>
<aside><h3>Most read</h3><ol><li><a href="/c">Storm warning for the coast tonight</a></li></ol></aside>
<div class="newsletter-signup">Subscribe to our newsletter for the latest news, delivered daily.</div>
<footer><p>Copyright 2031 The Lantern Gazette. All rights reserved.</p></footer>
</body></html>
)";

TEST(HtmlExtractTest, KeepsTheArticleAndDropsFurniture) {
  Result<HtmlExtract> page = ExtractHtml(kPage, HtmlOptions());
  ASSERT_TRUE(page.ok()) << page.status().message();
  const std::string& body = page->body;
  EXPECT_EQ(body.rfind("The old harbour bridge in Kelport reopened", 0), 0u) << body;
  EXPECT_NE(body.find("\n\nEngineers replaced the damaged pier"), std::string::npos);
  EXPECT_NE(body.find("\n\nTraffic returns\n\n"), std::string::npos);  // a heading block
  EXPECT_NE(body.find("closed & they expect"), std::string::npos);     // entity decoded
  EXPECT_NE(body.find("\xE2\x80\xA2 Cars: from Saturday\n\xE2\x80\xA2 Lorries: from May"),
            std::string::npos);
  EXPECT_NE(body.find("said Ida Brandt"), std::string::npos);
  for (const char* furniture :
       {"Home", "cookies", "Share on", "Photo: council", "Ferry fares", "Great news",
        "Storm warning", "newsletter", "Copyright", "Harbour bridge reopens after"}) {
    EXPECT_EQ(body.find(furniture), std::string::npos) << furniture << " in:\n" << body;
  }
}

TEST(HtmlExtractTest, ReadsMetadata) {
  Result<HtmlExtract> page = ExtractHtml(kPage, HtmlOptions());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Harbour bridge reopens after two years");
  EXPECT_EQ(page->published, "2031-04-05");  // JSON-LD wins over meta
  EXPECT_EQ(page->authors, (std::vector<std::string>{"Maren Oakes", "Tobias Wren"}));
  EXPECT_EQ(page->url, "https://gazette.example/harbour-bridge");
  EXPECT_EQ(page->site, "Lantern Gazette");
  EXPECT_EQ(page->language, "en-GB");
  EXPECT_EQ(page->charset, "utf-8");
}

TEST(HtmlExtractTest, MetaTagsWithoutJsonLd) {
  const std::string html =
      "<html><head><meta property='og:site_name' content='Vale Post'>"
      "<meta property='og:locale' content='fr_FR'>"
      "<meta name='author' content='Jo Pike'><meta property='og:url' content='https://v.example/x'>"
      "</head><body><article><time datetime='2030-01-02T03:04:05Z'>2 Jan</time>"
      "<p>A long enough paragraph of text, with commas, to be the content here.</p>"
      "</article></body></html>";
  Result<HtmlExtract> page = ExtractHtml(html, HtmlOptions());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->site, "Vale Post");
  EXPECT_EQ(page->language, "fr-FR");
  EXPECT_EQ(page->authors, std::vector<std::string>{"Jo Pike"});
  EXPECT_EQ(page->url, "https://v.example/x");
  EXPECT_EQ(page->published, "2030-01-02T03:04:05Z");
  EXPECT_NE(page->body.find("A long enough paragraph"), std::string::npos);
}

// Every mapped byte of the body is the page byte it came from; entity
// bytes map to their '&'.
TEST(HtmlExtractTest, BodyMapPointsIntoThePage) {
  const std::string html(kPage);
  Result<HtmlExtract> page = ExtractHtml(html, HtmlOptions());
  ASSERT_TRUE(page.ok());
  ASSERT_FALSE(page->body_map.empty());
  uint32_t last_end = 0;
  for (const SourceRun& run : page->body_map) {
    EXPECT_GE(run.body, last_end);
    last_end = run.body + run.length;
    for (uint32_t k = 0; k < run.length; ++k) {
      const char b = page->body[run.body + k];
      const char h = html[run.original + k];
      if (b == ' ' || b == '\n') continue;  // collapsed whitespace
      if (h == '&') continue;              // a character reference
      ASSERT_EQ(b, h) << "body byte " << run.body + k;
    }
  }
  const size_t amp = page->body.find(" & they");
  ASSERT_NE(amp, std::string::npos);
  EXPECT_EQ(html.substr(OriginalOffset(page->body_map, amp + 1), 5), "&amp;");
  const size_t ida = page->body.find("Ida Brandt");
  EXPECT_EQ(html.substr(OriginalOffset(page->body_map, ida), 10), "Ida Brandt");
}

// Gumbo's decoder overflows on a numeric character reference past 2^31
// and writes a lone byte >= 0x80 (fuzz_html,
// fuzz/corpus/html/regress_charref_overflow): it becomes U+FFFD.
TEST(HtmlExtractTest, OverflowingCharacterReferencesBecomeReplacementCharacters) {
  const std::string html =
      "<html><head><title>Vote &#999999999999; result</title></head><body><article>"
      "<p>The council voted &#999999999999; on Monday to close the old bridge for "
      "repairs that will start in the spring.</p></article></body></html>";
  Result<HtmlExtract> page = ExtractHtml(html, HtmlOptions());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Vote \uFFFD result");
  EXPECT_NE(page->body.find("voted \uFFFD on Monday"), std::string::npos) << page->body;
  const size_t mark = page->body.find("\uFFFD");
  EXPECT_EQ(html.substr(OriginalOffset(page->body_map, mark), 2), "&#");
}

// A reference ends where the parser ends it, not at the last letter or
// digit: "&#x123456t" is "&#x123456" (U+FFFD) then "t", "&copyright" is
// "&copy" then "right", "&nGt;" is two characters, and an overflowing
// "&#999999999999;" decodes to one byte. The walk took the bytes after such
// a reference into it, so the rest of the node mapped to the node's end:
// past the page when the node ended the page (fuzz_html,
// fuzz/corpus/html/regress_body_map_past_page).
TEST(HtmlExtractTest, CharacterReferencesEndWhereTheParserEndsThem) {
  const std::string html =
      "<html><body><article><p>The council voted &#999999999999; on Monday to close the "
      "old bridge &nGt; and the notice &copyright was posted on the door.</p>"
      "<p>Repairs will start in the spring, the engineers said &#x123456t";
  Result<HtmlExtract> page = ExtractHtml(html, HtmlOptions());
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->body.find("voted \uFFFD on Monday"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("bridge \u226B\u20D2 and the notice \u00A9right was"),
            std::string::npos) << page->body;
  ASSERT_TRUE(page->body.ends_with("said \uFFFDt")) << page->body;
  for (const SourceRun& run : page->body_map) {
    ASSERT_LE(run.original + run.length, html.size()) << "run at body " << run.body;
    for (uint32_t k = 0; k < run.length; ++k) {
      const char b = page->body[run.body + k];
      const char h = html[run.original + k];
      if (b == ' ' || b == '\n' || h == '&') continue;
      ASSERT_EQ(b, h) << "body byte " << run.body + k << " in " << page->body;
    }
  }
  const size_t t = page->body.size() - 1;
  EXPECT_EQ(OriginalOffset(page->body_map, t), html.size() - 1);
  EXPECT_EQ(html.substr(OriginalOffset(page->body_map, page->body.find("right was")), 5),
            "right");
  EXPECT_EQ(html.substr(OriginalOffset(page->body_map, page->body.find("on Monday")), 9),
            "on Monday");
}

TEST(HtmlExtractTest, DecodesDeclaredAndHttpCharsets) {
  // "café" in windows-1252, declared by <meta>.
  const std::string latin =
      "<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
      "</head><body><p>The caf\xE9 on the corner, which opened in spring, serves soup.</p>"
      "</body></html>";
  Result<HtmlExtract> page = ExtractHtml(latin, HtmlOptions());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->charset, "windows-1252");
  EXPECT_NE(page->body.find("caf\xC3\xA9 on"), std::string::npos) << page->body;
  const size_t at = page->body.find("\xC3\xA9");
  EXPECT_EQ(latin[OriginalOffset(page->body_map, at)], '\xE9');
  EXPECT_EQ(latin[OriginalOffset(page->body_map, at + 2)], ' ');
  // The HTTP header wins over <meta>.
  const std::string koi8 =
      "<html><head><meta charset='utf-8'></head><body><p>\xF0\xD2\xC9\xD7\xC5\xD4, this is a "
      "greeting followed by enough words to be a paragraph.</p></body></html>";
  HtmlOptions options;
  options.content_type = "text/html; charset=KOI8-R";
  page = ExtractHtml(koi8, options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->charset, "koi8-r");
  EXPECT_NE(page->body.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"), std::string::npos);
}

TEST(HtmlExtractTest, Utf8ByteOrderMarkShiftsTheMap) {
  const std::string html = "\xEF\xBB\xBF<html><body><p>Plain words in a paragraph, long enough.</p></body></html>";
  Result<HtmlExtract> page = ExtractHtml(html, HtmlOptions());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->body, "Plain words in a paragraph, long enough.");
  EXPECT_EQ(html.substr(OriginalOffset(page->body_map, 0), 5), "Plain");
}

TEST(HtmlExtractTest, SurvivesBrokenMarkup) {
  for (const char* html : {"", "<", "<html", "<p>unclosed <b>bold <i>both", "</div></div></p>",
                           "<table><tr><td>cell<td>more</table>", "&#xFFFFFFFF; &#0; &bogus;"}) {
    Result<HtmlExtract> page = ExtractHtml(html, HtmlOptions());
    EXPECT_TRUE(page.ok()) << html;
  }
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "<p>Deep text, deep enough to test the depth limit of the walk.</p>";
  EXPECT_TRUE(ExtractHtml(deep, HtmlOptions()).ok());
}

TEST(HtmlSniffTest, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  \n<HTML lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<!-- generated --> <head>"));
  EXPECT_FALSE(LooksLikeHtml("Title line\n\nBody <html> text"));
  EXPECT_FALSE(LooksLikeHtml("{\"id\": 1}"));
}

TEST(CharsetTest, Labels) {
  EXPECT_EQ(web::CharsetFromContentType("text/html; Charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(web::CharsetFromContentType("text/html"), "");
  EXPECT_EQ(web::CharsetFromMeta("<META CHARSET=Shift_JIS>"), "shift_jis");
  EXPECT_EQ(web::CharsetFromMeta("<meta name=x content='text/html;charset=koi8-r'>"), "koi8-r");
}

}  // namespace
}  // namespace twicetold
