// The web pages of `twicetold serve` in headless Chromium (playwright-core):
// the story list (and its refresh as articles arrive), a genealogy
// picture, an article, the compare page and the paste page render and
// link; an article titled <script>alert(1)</script> shows as text and runs
// nothing (no dialog opens). Screenshots go to OUT/screenshots.
//
// node browser_test.mjs CLI SOURCE_DIR OUT
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const [cli, src, out] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(out), 'package.json'));
const {chromium} = require('playwright-core');
const shots = path.join(out, 'screenshots');
fs.mkdirSync(shots, {recursive: true});

let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

// Starts the server on a free port; resolves with its base URL.
function startServer(db) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, {force: true});
  // stderr through a pipe, not inherited: were this script killed, a server
  // left behind would otherwise hold CTest's output open and hang it.
  const child = spawn(cli, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', '0'],
                      {stdio: ['ignore', 'pipe', 'pipe']});
  child.stderr.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({input: child.stdout});
    lines.on('line', line => {
      const m = line.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({child, base: `http://127.0.0.1:${m[1]}`});
    });
    child.on('exit', code => reject(new Error('server exited with ' + code)));
  });
}

async function post(base, lines) {
  const res = await fetch(base + '/v1/articles', {
    method: 'POST', headers: {'Content-Type': 'application/x-ndjson'}, body: lines.join('\n') + '\n'});
  if (res.status !== 200) throw new Error('POST /v1/articles: ' + res.status + ' ' + await res.text());
  return res.json();
}

const XSS_TITLE = '<script>alert(1)</script>';
const xss = {
  id: 'xss-probe', title: XSS_TITLE, source: '<img src=x onerror=alert(2)>',
  url: 'javascript:alert(3)', published: '2026-06-10T10:00:00Z',
  text: 'Harbour officials said on Tuesday <script>alert(4)</script> that the ' +
        '<b onmouseover="alert(5)">north pier</b> will reopen. "We expect ships back ' +
        '<script>alert(6)</script> by Friday," said port director Ana Kovac.',
};

async function main() {
  const {child, base} = await startServer(path.join(out, 'browser.db'));
  const examples = fs.readFileSync(path.join(src, 'examples', 'articles.jsonl'), 'utf8')
      .split('\n').filter(l => l.trim()).map(l => JSON.parse(l))
      .sort((a, b) => (a.published || '').localeCompare(b.published || ''));
  await post(base, examples.map(a => JSON.stringify(a)));
  await post(base, [JSON.stringify(xss)]);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'twicetold-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1280, height: 900},
  });
  const dialogs = [], errors = [];
  context.on('page', p => watch(p));
  const page = context.pages()[0] || await context.newPage();
  function watch(p) {
    p.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    p.on('pageerror', e => errors.push(String(e)));
  }
  watch(page);
  try {
    await checkPages(page, base);
  } finally {
    await context.close();
    fs.rmSync(profile, {recursive: true, force: true});
    child.kill('SIGTERM');
    const code = await new Promise(r => child.on('exit', c => r(c)));
    check(code === 0, 'server stopped cleanly on SIGTERM (exit ' + code + ')');
  }
  check(dialogs.length === 0, 'no dialog opened (' + JSON.stringify(dialogs) + ')');
  check(errors.length === 0, 'no script errors (' + JSON.stringify(errors) + ')');
}

async function checkPages(page, base) {
  // The list, newest activity first, with links to stories.
  await page.goto(base + '/');
  await page.waitForSelector('table.stories');
  const titles = await page.locator('table.stories tbody tr td:first-child').allTextContents();
  check(titles[0] === XSS_TITLE, 'the newest story is first and its <script> title shows as text');
  check(titles.some(t => t.includes('Port Alder dockworkers strike')), 'the list shows the example stories');
  check(await page.locator('script:not([src])').count() === 0, 'no inline script in the page');
  await page.screenshot({path: path.join(shots, 'index.png'), fullPage: true});

  // The list refreshes as articles arrive.
  await post(base, [JSON.stringify({id: 'late-news', title: 'Late news: ferry timetable changes',
                                    text: 'The island ferry runs every hour from Monday.',
                                    published: '2026-06-11T08:00:00Z'})]);
  await page.waitForFunction(() => document.body.textContent.includes('Late news: ferry'),
                             null, {timeout: 15000}).then(() => check(true, 'the list refreshed'),
                                                         () => check(false, 'the list refreshed'));

  // A story with several versions: the genealogy picture, linked nodes.
  const big = page.locator('table.stories tbody tr', {hasText: 'Port Alder dockworkers strike'}).first();
  await big.locator('a').first().click();
  await page.waitForSelector('.genealogy svg circle');
  const nodes = await page.locator('.genealogy svg a[href^="/articles/"]').count();
  const edges = await page.locator('.genealogy svg path.edge').count();
  const rows = await page.locator('table tbody tr').count();
  check(nodes >= 4 && nodes === rows, `genealogy: a linked node per version (${nodes} nodes, ${rows} rows)`);
  check(edges === nodes - 1, `genealogy: copies and rewrites branch from earlier versions (${edges} edges)`);
  check(await page.locator('.rel-origin').count() >= 1, 'the origin is marked');
  await page.screenshot({path: path.join(shots, 'story.png'), fullPage: true});

  // An article page from a node.
  const href = await page.locator('.genealogy svg a').first().getAttribute('href');
  await page.goto(base + href);
  await page.waitForSelector('h2');
  check((await page.locator('h1').textContent()).includes('Port Alder'), 'a node links to its article');
  const quotes = await page.locator('.quote').count();
  check(quotes > 0, 'the article shows its quotes');
  // Quoted words are marked, one mark per quote: a mixed quotation marks its
  // quoted words, not its clause (two quotations may share a clause).
  const marks = await page.locator('.body-text mark').count();
  check(marks === quotes, `each quote's words are marked in the text (${marks} marks, ${quotes} quotes)`);
  await page.screenshot({path: path.join(shots, 'article.png'), fullPage: true});

  // Two quotations of one reported clause: shown as the clause, marked as
  // their own words.
  await post(base, [JSON.stringify({
    id: 'mixed-quotes', title: 'Harbour council vote', published: '2026-06-11T09:00:00Z',
    text: 'Councillor Tom Hale said the harbour vote was \u201creckless\u201d and ' +
          '\u201ca farce.\u201d\n\nThe council meets again on Monday.'})]);
  await page.goto(base + '/articles/mixed-quotes');
  await page.waitForSelector('.body-text');
  const mixed = page.locator('.quote', {hasText: '(mixed)'});
  check(await mixed.count() === 2 &&
        (await mixed.first().textContent()).includes('the harbour vote was'),
        'a mixed quotation shows its clause');
  const words = await page.locator('.body-text mark').allTextContents();
  check(words.join('|') === 'reckless|a farce.', `the quoted words are marked (${words.join('|')})`);

  // The hostile article shows its markup as text.
  await page.goto(base + '/articles/xss-probe');
  await page.waitForSelector('.body-text');
  check(await page.locator('h1').textContent() === XSS_TITLE, 'the <script> title is shown as text');
  check((await page.locator('.body-text').textContent()).includes('<script>alert(4)</script>'),
        'markup in the body is shown as text');
  check(await page.locator('a[href^="javascript:"]').count() === 0, 'a javascript: url is not linked');
  check(!(await page.locator('main').textContent()).includes('null'), 'no "null" shows for a missing field');
  await page.screenshot({path: path.join(shots, 'article-xss.png'), fullPage: true});
  await page.goto(base + '/stories/' + (await (await fetch(base + '/v1/articles/xss-probe')).json()).story.story);
  await page.waitForSelector('.genealogy svg circle');

  // Compare two stored versions side by side.
  await page.goto(base + '/compare?a=' + encodeURIComponent('harbor-strike/original') +
                  '&b=' + encodeURIComponent('harbor-strike/rewrite'));
  await page.waitForSelector('#relation');
  check((await page.locator('#relation').textContent()).trim() === 'rewrite', 'compare page: rewrite');
  check(await page.locator('a[href="/articles/harbor-strike%2Foriginal"]').count() > 0,
        'compare page links both articles');
  const frame = page.frames().find(f => f !== page.mainFrame());
  const side = frame ? await frame.content() : '';
  check(side.includes('Port Alder'), 'the side-by-side comparison renders in its frame');
  await page.screenshot({path: path.join(shots, 'compare.png'), fullPage: true});

  // Paste two texts.
  await page.goto(base + '/paste');
  const original = (await (await fetch(base + '/v1/articles/harbor-strike%2Foriginal')).json());
  const edited = (await (await fetch(base + '/v1/articles/harbor-strike%2Flight_edit')).json());
  await page.fill('input[name=title_a]', original.title);
  await page.fill('textarea[name=text_a]', original.text);
  await page.fill('input[name=title_b]', XSS_TITLE);
  await page.fill('textarea[name=text_b]', edited.text + ' <script>alert(7)</script>');
  await page.click('button[type=submit]');
  await page.waitForSelector('#relation', {timeout: 60000});
  const relation = (await page.locator('#relation').textContent()).trim();
  check(['near_duplicate', 'identical', 'rewrite'].includes(relation), 'paste page compares: ' + relation);
  await page.waitForTimeout(300);
  await page.screenshot({path: path.join(shots, 'paste.png'), fullPage: true});
}

main().then(() => {
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed; screenshots in ' + shots);
  process.exit(failures ? 1 : 0);
}, err => {
  console.error(err);
  process.exit(1);
});
