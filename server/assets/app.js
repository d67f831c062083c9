// twicetold's web pages: each page is a shell (data-page) filled from the
// /v1 API. Article text is only ever inserted as text nodes (el() and
// textContent), never as markup, so a stored <script> shows as text.
'use strict';

// ---- helpers ----

function el(tag, attrs, ...children) {
  const svg = ['svg', 'g', 'circle', 'path', 'line', 'text', 'a', 'title'].includes(tag) &&
      attrs && attrs.svg;
  const node = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag)
                   : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'svg' || v === undefined || v === null) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const s = (tag, attrs, ...children) => el(tag, Object.assign({svg: true}, attrs), ...children);

const main = () => document.getElementById('main');
function show(...nodes) { main().replaceChildren(...nodes.filter(n => n !== null && n !== undefined)); }
function fail(err) { show(el('p', {class: 'error'}, String(err.message || err))); }

function storyHref(n) { return '/stories/' + encodeURIComponent(n); }
function articleHref(id) { return '/articles/' + encodeURIComponent(id); }
function compareHref(a, b) {
  return '/compare?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b);
}
function relBadge(rel) { return el('span', {class: 'rel rel-' + rel}, rel); }
function safeUrl(url) { return /^https?:\/\//i.test(url || '') ? url : null; }
function fixed(x) { return typeof x === 'number' ? x.toFixed(2) : ''; }

// Calls the API; asks once for the bearer token when the server wants one.
async function api(path, options = {}, retried = false) {
  const headers = Object.assign({}, options.headers || {});
  const token = sessionStorage.getItem('twicetold_token');
  if (token) headers['Authorization'] = 'Bearer ' + token;
  const res = await fetch(path, Object.assign({}, options, {headers}));
  if (res.status === 401 && !retried) {
    const entered = window.prompt('This server needs an API token');
    if (entered) {
      sessionStorage.setItem('twicetold_token', entered);
      return api(path, options, true);
    }
  }
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error((body && body.message) || ('HTTP ' + res.status));
  return body;
}

// ---- / : stories, newest activity first, refreshed as articles arrive ----

async function indexPage() {
  const params = new URLSearchParams(location.search);
  const q = el('input', {type: 'search', name: 'q', placeholder: 'title contains…',
                         value: params.get('q') || ''});
  const since = el('input', {type: 'date', name: 'since', value: params.get('since') || ''});
  const status = el('span', {class: 'muted', id: 'refreshed'});
  const form = el('form', {class: 'controls', method: 'get', action: '/'},
                  q, el('label', {}, 'active since ', since),
                  el('button', {type: 'submit'}, 'Filter'), status);
  const holder = el('div', {id: 'stories'});
  show(el('h1', {}, 'Stories'), form, holder);
  let last = '';
  async function refresh() {
    const query = new URLSearchParams({limit: '100'});
    if (params.get('q')) query.set('q', params.get('q'));
    if (params.get('since')) query.set('since', params.get('since'));
    try {
      const page = await api('/v1/stories?' + query);
      const key = JSON.stringify(page);
      if (key !== last) {
        last = key;
        holder.replaceChildren(storiesTable(page));
      }
      status.textContent = 'updated ' + new Date().toLocaleTimeString() + ' · ' +
          page.stories_in_store + ' stories in the store';
    } catch (err) {
      status.textContent = String(err.message || err);
    }
  }
  await refresh();
  setInterval(refresh, 5000);
}

function storiesTable(page) {
  if (!page.stories.length) return el('p', {class: 'muted'}, 'No stories yet: POST articles to /v1/articles.');
  const rows = page.stories.map(st => el('tr', {},
      el('td', {}, el('a', {href: storyHref(st.story)}, st.title || '(untitled)')),
      el('td', {}, String(st.size)),
      el('td', {}, el('a', {href: articleHref(st.origin)}, st.origin)),
      el('td', {}, st.first_seen || '—'),
      el('td', {}, st.last_seen || '—')));
  return el('table', {class: 'stories'},
      el('thead', {}, el('tr', {}, ['Story', 'Versions', 'Origin', 'First seen', 'Last seen']
          .map(h => el('th', {}, h)))),
      el('tbody', {}, rows));
}

// ---- /stories/{id}: the genealogy ----

async function storyPage() {
  const n = location.pathname.split('/').pop();
  const story = await api('/v1/stories/' + encodeURIComponent(n));
  document.title = story.title + ' · twicetold';
  show(el('h1', {}, story.title || '(untitled)'),
       el('p', {class: 'muted'}, story.size + ' versions · first seen ' + (story.first_seen || '—') +
          ' · last seen ' + (story.last_seen || '—') + ' · origin ',
          el('a', {href: articleHref(story.origin)}, story.origin)),
       el('h2', {}, 'Genealogy'), genealogy(story.members),
       el('h2', {}, 'Versions'), membersTable(story.members));
}

// Each member's parent: the latest earlier member whose id is its closest.
function parents(members) {
  const latest = new Map();
  const parent = new Map();
  for (const m of members) {
    if (m.closest && latest.has(m.closest)) parent.set(m.seq, latest.get(m.closest));
    latest.set(m.id, m);
  }
  return parent;
}

// Rows in tree order (each child under its parent), so branches show.
function treeOrder(members, parent) {
  const children = new Map();
  const roots = [];
  for (const m of members) {
    const p = parent.get(m.seq);
    if (p) {
      if (!children.has(p.seq)) children.set(p.seq, []);
      children.get(p.seq).push(m);
    } else {
      roots.push(m);
    }
  }
  const order = [];
  const visit = m => { order.push(m); (children.get(m.seq) || []).forEach(visit); };
  roots.forEach(visit);
  return order;
}

function genealogy(members) {
  const parent = parents(members);
  const rows = treeOrder(members, parent);
  const times = members.map(m => Date.parse(m.published || '')).filter(t => !isNaN(t));
  const dated = times.length >= 2 && Math.max(...times) > Math.min(...times);
  const t0 = dated ? Math.min(...times) : 0, t1 = dated ? Math.max(...times) : 1;
  const plot = 520, left = 24, top = 34, rowH = 26, labelW = 460;
  const width = left + plot + labelW, height = top + rows.length * rowH + 10;
  const x = new Map(), y = new Map();
  let prevX = left;
  members.forEach((m, i) => {
    const t = Date.parse(m.published || '');
    const px = dated ? (isNaN(t) ? prevX : left + plot * (t - t0) / (t1 - t0))
                     : left + (members.length > 1 ? plot * i / (members.length - 1) : 0);
    x.set(m.seq, px);
    prevX = px;
  });
  rows.forEach((m, r) => y.set(m.seq, top + r * rowH + rowH / 2));
  const svg = s('svg', {width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
                        'aria-label': 'story genealogy'});
  svg.append(axis(dated, t0, t1, left, plot, height));
  for (const m of members) {
    const p = parent.get(m.seq);
    if (!p) continue;
    const x0 = x.get(p.seq), y0 = y.get(p.seq), x1 = x.get(m.seq), y1 = y.get(m.seq);
    const mid = (x0 + x1) / 2;
    svg.append(s('path', {class: 'edge', stroke: relColor(m.relation),
                          d: `M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1}`},
                 s('title', {}, `${p.id} → ${m.id}: ${m.relation} (${fixed(m.similarity)})`)));
  }
  for (const m of rows) {
    const cx = x.get(m.seq), cy = y.get(m.seq);
    const label = `${m.source || m.id} · ${m.relation}` + (m.title ? ' · ' + m.title : '');
    svg.append(s('a', {href: articleHref(m.id), class: 'node'},
        s('title', {}, `${m.id}\n${m.title}\n${m.published || 'undated'}`),
        s('circle', {cx, cy, r: m.relation === 'origin' ? 8 : 6, fill: relColor(m.relation)}),
        s('text', {x: left + plot + 16, y: cy + 4}, label.length > 70 ? label.slice(0, 69) + '…' : label)));
    svg.append(s('line', {x1: cx + 8, y1: cy, x2: left + plot + 12, y2: cy,
                          stroke: '#eef0f3', 'stroke-dasharray': '2 3'}));
  }
  return el('div', {class: 'genealogy'}, svg);
}

function axis(dated, t0, t1, left, plot, height) {
  const g = s('g', {class: 'axis'});
  g.append(s('line', {class: 'axis-line', x1: left, y1: 20, x2: left + plot, y2: 20}));
  const ticks = dated ? 3 : 1;
  // Dates without the year when the story stays within one.
  const sameYear = new Date(t0).getUTCFullYear() === new Date(t1).getUTCFullYear();
  for (let i = 0; i <= ticks; ++i) {
    const px = left + plot * i / ticks;
    const iso = new Date(t0 + (t1 - t0) * i / ticks).toISOString();
    const label = dated ? iso.slice(sameYear ? 5 : 0, 16).replace('T', ' ')
                        : (i === 0 ? 'first ingested' : 'last ingested');
    g.append(s('line', {class: 'axis-line', x1: px, y1: 16, x2: px, y2: height}));
    g.append(s('text', {x: px, y: 12, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle'}, label));
  }
  return g;
}

function relColor(rel) {
  return {origin: '#1b7f3b', identical: '#b3261e', near_duplicate: '#b3261e', excerpt: '#c76b00', rewrite: '#c76b00',
          same_story: '#1f5fa8', update: '#6b3fa0'}[rel] || '#7a8591';
}

function membersTable(members) {
  const rows = members.map(m => el('tr', {},
      el('td', {}, m.published || '—'),
      el('td', {}, m.source || '—'),
      el('td', {}, el('a', {href: articleHref(m.id)}, m.title || m.id)),
      el('td', {}, relBadge(m.relation)),
      el('td', {}, m.closest ? el('a', {href: articleHref(m.closest)}, m.closest) : '—'),
      el('td', {}, fixed(m.similarity)),
      el('td', {}, m.closest ? el('a', {href: compareHref(m.closest, m.id)}, 'compare') : '')));
  return el('table', {},
      el('thead', {}, el('tr', {}, ['Published', 'Source', 'Title', 'Relation', 'Closest',
                                    'Score', ''].map(h => el('th', {}, h)))),
      el('tbody', {}, rows));
}

// ---- /articles/{id}: text, quotes, versions ----

async function articlePage() {
  const id = decodeURIComponent(location.pathname.slice('/articles/'.length));
  const version = new URLSearchParams(location.search).get('version');
  const a = await api('/v1/articles/' + encodeURIComponent(id) +
                      (version ? '?version=' + encodeURIComponent(version) : ''));
  document.title = (a.title || a.id) + ' · twicetold';
  const url = safeUrl(a.url);
  show(el('h1', {}, a.title || a.id),
       el('p', {class: 'muted'}, [a.source || 'unknown source', a.published || 'undated',
           'version ' + a.version + ' of ' + a.versions.length].join(' · '), ' ',
          relBadge(a.assignment.relation),
          a.story ? [' in story ', el('a', {href: storyHref(a.story.story)}, a.story.title || '#' + a.story.story)] : null,
          a.assignment.closest ? [' · closest ', el('a', {href: articleHref(a.assignment.closest)}, a.assignment.closest),
                                  ' (', el('a', {href: compareHref(a.assignment.closest, a.id)}, 'compare'), ')'] : null),
       url ? el('p', {}, el('a', {href: url, rel: 'noopener noreferrer'}, url))
           : a.url ? el('p', {class: 'muted'}, a.url) : null,
       el('h2', {}, 'Quotes (' + a.quotes.length + ')'), quotesList(a),
       el('h2', {}, 'Text'), markedText(a.text, a.quotes),
       el('h2', {}, 'Versions'), versionsTable(a));
}

function quotesList(a) {
  if (!a.quotes.length) return el('p', {class: 'muted'}, 'No direct quotations.');
  // A mixed quotation is shown as its reported clause, which carries its own
  // quotation marks.
  return el('div', {}, a.quotes.map(q => el('div', {class: 'quote'},
      q.mixed ? q.text : ['“', q.text, '”'],
      el('span', {class: 'muted'}, ' — ', q.speaker || 'unattributed',
         q.fragment ? ' (fragment)' : '', q.mixed ? ' (mixed)' : ''))));
}

// The body with its quotes marked; spans are code points.
function markedText(text, quotes) {
  const chars = Array.from(text);
  const box = el('div', {class: 'body-text'});
  let at = 0;
  // The quoted words are marked (a mixed quotation's clause is not).
  for (const q of [...quotes].sort((p, r) => p.quoted[0] - r.quoted[0])) {
    const [b, e] = q.quoted;
    if (b < at) continue;
    box.append(chars.slice(at, b).join(''), el('mark', {}, chars.slice(b, e).join('')));
    at = e;
  }
  box.append(chars.slice(at).join(''));
  return box;
}

function versionsTable(a) {
  const href = v => articleHref(a.id) + '?version=' + v.version;
  return el('table', {},
      el('thead', {}, el('tr', {}, ['Version', 'Ingested', 'Title', 'Relation'].map(h => el('th', {}, h)))),
      el('tbody', {}, a.versions.map(v => el('tr', {},
          el('td', {}, el('a', {href: href(v)}, String(v.version))),
          el('td', {}, v.ingested_at), el('td', {}, v.title), el('td', {}, relBadge(v.relation))))));
}

// ---- /compare?a=ID&b=ID and /paste ----

async function comparePage() {
  const params = new URLSearchParams(location.search);
  const a = params.get('a'), b = params.get('b');
  if (!a || !b) {
    show(el('p', {}, 'Give two stored ids: /compare?a=ID&b=ID, or ',
                  el('a', {href: '/paste'}, 'paste two texts'), '.'));
    return;
  }
  show(el('h1', {}, 'Compare'), el('p', {},
       el('a', {href: articleHref(a)}, a), ' and ', el('a', {href: articleHref(b)}, b)),
       await comparison({a_id: a, b_id: b}));
}

// The relation summary and the library's side-by-side page, shown in a
// sandboxed frame (no scripts, no access to this page).
async function comparison(request) {
  const init = {method: 'POST', headers: {'Content-Type': 'application/json'},
                body: JSON.stringify(request)};
  const json = await api('/v1/compare', init);
  const html = await api('/v1/compare?format=html', init);
  const sc = json.scores || {};
  const frame = el('iframe', {class: 'comparison', sandbox: '', title: 'side by side'});
  frame.srcdoc = html;
  return el('div', {class: 'result'},
      el('p', {class: 'summary'}, 'Relation: ',
         el('span', {class: 'rel rel-' + json.relation, id: 'relation'}, json.relation)),
      el('p', {class: 'muted'}, `Jaccard ${fixed(sc.jaccard)} · longest shared run ${sc.longest_run} words · ` +
         `term similarity ${fixed(sc.term_similarity)}`),
      frame);
}

function pastePage() {
  const side = name => el('div', {},
      el('h2', {}, 'Version ' + name.toUpperCase()),
      el('input', {name: 'title_' + name, placeholder: 'title (optional)'}),
      el('textarea', {name: 'text_' + name, placeholder: 'paste the article text', required: ''}));
  const result = el('div', {id: 'result'});
  const form = el('form', {class: 'paste-form'},
      el('div', {class: 'paste'}, side('a'), side('b')),
      el('p', {}, el('button', {type: 'submit'}, 'Compare')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const f = new FormData(form);
    const article = n => ({id: n.toUpperCase(), title: f.get('title_' + n), text: f.get('text_' + n)});
    result.replaceChildren(el('p', {class: 'muted'}, 'Comparing…'));
    try {
      result.replaceChildren(await comparison({a: article('a'), b: article('b')}));
    } catch (err) {
      result.replaceChildren(el('p', {class: 'error'}, String(err.message || err)));
    }
  });
  show(el('h1', {}, 'Compare two texts'), form, result);
}

const pages = {index: indexPage, story: storyPage, article: articlePage,
               compare: comparePage, paste: pastePage};
document.addEventListener('DOMContentLoaded', () => {
  const page = pages[document.body.dataset.page];
  if (page) Promise.resolve().then(page).catch(fail);
});
