// The web pages: static shells built into the binary (server/assets/) that
// render the /v1 API in the browser. Article text is only ever set as text
// (textContent), never parsed as markup, and the Content-Security-Policy
// forbids inline scripts, so a stored <script> never runs.
#include "server/assets.h"
#include "server/state.h"

namespace twicetold::server {
namespace {

// Scripts only from this server; inline styles are allowed for the
// library's comparison page, shown in a sandboxed frame (srcdoc).
constexpr const char* kPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; frame-src 'self' about:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

void ServeAsset(const char* name, httplib::Response& res) {
  const Asset* asset = FindAsset(name);
  if (asset == nullptr) return SendError(res, 404, std::string("no asset ") + name);
  res.set_header("Content-Security-Policy", kPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(asset->data, asset->size, asset->type);
}

}  // namespace

void RegisterPages(httplib::Server& http) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http.Get("/", [](Req, Res res) { ServeAsset("index.html", res); });
  http.Get(R"(/stories/(\d+))", [](Req, Res res) { ServeAsset("story.html", res); });
  http.Get(R"(/articles/(.+))", [](Req, Res res) { ServeAsset("article.html", res); });
  http.Get("/compare", [](Req, Res res) { ServeAsset("compare.html", res); });
  http.Get("/paste", [](Req, Res res) { ServeAsset("paste.html", res); });
  http.Get(R"(/assets/(app\.js|app\.css))", [](Req req, Res res) {
    ServeAsset(req.matches[1].str().c_str(), res);
  });
}

}  // namespace twicetold::server
