// The operator dashboard: one HTML page with inline CSS and vanilla JS, no build step and no
// CDN. It holds no data itself; every figure comes from the ops API with the operator key the
// person pastes in (kept in sessionStorage, so it is gone when the tab closes).
//
// Query parameters: refresh=<ms> (default 3000), group=<id> (the group charted first),
// minutes=<n> (the chart's reach, default 15). Test hooks: tr[data-group] rows carry
// data-status and data-lag; the chart (svg#lag-chart) carries data-group and data-points, the
// plotted [epochMs, lag] pairs as JSON.
import { createHash } from 'node:crypto';

const STYLE = `
:root { --ok: #1a7f37; --warn: #b58100; --err: #cf222e; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: #24292f; color: #fff; }
header h1 { font-size: 16px; margin: 0; flex: 1; }
header .meta { font-size: 12px; color: #d0d7de; }
button { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
main { padding: 16px 20px; display: grid; gap: 16px; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 0; }
section h2 { font-size: 15px; margin: 0 0 8px; }
section.wide { grid-column: 1 / -1; }
section h2.sub { margin-top: 16px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
thead th { position: sticky; top: 0; background: #fff; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr[data-group] { cursor: pointer; }
tr.selected { background: #ddf4ff; }
.badge { display: inline-block; min-width: 48px; text-align: center; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; font-size: 12px; }
.s-OK { background: var(--ok); } .s-WARN { background: var(--warn); }
.s-STALL, .s-STOP, .s-ERR { background: var(--err); }
.muted { color: var(--muted); }
.scroll { max-height: 360px; overflow: auto; }
#signin { max-width: 420px; margin: 80px auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 24px; }
#signin input { width: 100%; font: inherit; padding: 6px 8px; margin: 8px 0 12px; border: 1px solid var(--line); border-radius: 6px; }
#signin .error, #banner { color: var(--err); }
#banner { padding: 0 20px; }
#lag-chart { width: 100%; height: 260px; display: block; }
#lag-chart .axis { stroke: #8c959f; stroke-width: 1; }
#lag-chart .line { fill: none; stroke: #0969da; stroke-width: 2; }
#lag-chart text { font-size: 11px; fill: var(--muted); }
[hidden] { display: none !important; }
`;

const SCRIPT = `
(function () {
  'use strict';
  var KEY = 'ops-monitor-key';
  var params = new URLSearchParams(location.search);
  var refreshMs = Math.max(200, Number(params.get('refresh')) || 3000);
  var minutes = Math.max(1, Number(params.get('minutes')) || 15);
  var selected = params.get('group');
  var timer = null;
  var SEVERITY = { OK: 0, WARN: 1, ERR: 2 };

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else if (k === 'class') e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }
  function fmt(n) { return n === null || n === undefined ? '-' : Number(n).toLocaleString('en'); }
  function badge(status, title) { return el('span', { class: 'badge s-' + status, text: status, title: title || status }); }

  function showSignIn(message) {
    if (timer) { clearTimeout(timer); timer = null; }
    sessionStorage.removeItem(KEY);
    $('app').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    $('key').value = '';
    $('key').focus();
  }

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + sessionStorage.getItem(KEY), accept: 'application/json' } })
      .then(function (res) {
        if (res.status === 401 || res.status === 403) {
          var err = new Error(res.status === 401 ? 'The key is unknown or revoked.' : 'This page needs an operator key.');
          err.auth = true;
          throw err;
        }
        return res.json().then(function (body) { return { status: res.status, body: body }; });
      });
  }

  function renderGroups(groups) {
    groups.sort(function (a, b) {
      return (SEVERITY[b.status] - SEVERITY[a.status]) || (b.totalLag - a.totalLag) || (a.groupId < b.groupId ? -1 : 1);
    });
    if (!selected && groups.length > 0) selected = groups[0].groupId;
    var body = $('groups-body');
    body.replaceChildren();
    groups.forEach(function (g) {
      var detail = g.status === 'ERR' ? g.worstPartitionStatus : g.status;
      var tr = el('tr', { 'data-group': g.groupId, 'data-status': g.status, 'data-lag': String(g.totalLag) }, [
        el('td', {}, [badge(g.status, 'worst partition: ' + g.worstPartitionStatus)]),
        el('td', { text: g.groupId }),
        el('td', { class: 'muted', text: detail === g.status ? g.state : detail + ' · ' + g.state }),
        el('td', { class: 'num', text: String(g.members) }),
        el('td', { class: 'num lag', text: fmt(g.totalLag) }),
        el('td', { class: 'muted', text: g.topics.join(', ') }),
      ]);
      if (g.groupId === selected) tr.className = 'selected';
      tr.addEventListener('click', function () { selected = g.groupId; refresh(); });
      body.appendChild(tr);
    });
    $('groups-count').textContent = String(groups.length);
  }

  function renderTopics(topics) {
    var body = $('topics-body');
    body.replaceChildren();
    topics.filter(function (t) { return !t.dlq; }).forEach(function (t) {
      body.appendChild(el('tr', { 'data-topic': t.name }, [
        el('td', { text: t.name }),
        el('td', { class: 'num', text: String(t.partitions) }),
        el('td', { class: 'num', text: fmt(t.records) }),
      ]));
    });
  }

  function renderDlq(topics) {
    var body = $('dlq-body');
    body.replaceChildren();
    topics.forEach(function (t) {
      body.appendChild(el('tr', { 'data-dlq': t.topic, 'data-count': String(t.records) }, [
        el('td', { text: t.topic }),
        el('td', { class: 'num', text: fmt(t.records) }),
      ]));
    });
  }

  function renderDeliveries(res) {
    var box = $('deliveries-body');
    box.replaceChildren();
    if (res.status !== 200) {
      box.setAttribute('data-available', 'false');
      box.appendChild(el('p', { class: 'muted', text: 'Not available: ' + (res.body.detail || 'the notification service does not expose deliveries yet.') }));
      return;
    }
    box.setAttribute('data-available', 'true');
    var items = (res.body && res.body.items) || [];
    if (items.length === 0) { box.appendChild(el('p', { text: 'No failed deliveries.' })); return; }
    var table = el('table', {}, [el('tr', {}, [el('th', { text: 'agency' }), el('th', { text: 'url' }), el('th', { class: 'num', text: 'attempts' }), el('th', { text: 'last error' })])]);
    items.forEach(function (d) {
      table.appendChild(el('tr', {}, [el('td', { text: d.recipientAgencyId }), el('td', { text: d.url }), el('td', { class: 'num', text: String(d.attempts) }), el('td', { text: d.lastError })]));
    });
    box.appendChild(table);
  }

  function renderChart(history) {
    var svg = $('lag-chart');
    var NS = 'http://www.w3.org/2000/svg';
    var W = 800, H = 260, L = 56, R = 12, T = 12, B = 28;
    var points = history ? history.points.map(function (p) { return [p.timestamp, p.lag]; }) : [];
    svg.setAttribute('data-group', history ? history.groupId : '');
    svg.setAttribute('data-points', JSON.stringify(points));
    svg.replaceChildren();
    $('chart-title').textContent = history ? history.groupId + ' — total lag, last ' + history.minutes + ' min' : 'no group selected';
    function add(tag, attrs, text) {
      var e = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text !== undefined) e.textContent = text;
      svg.appendChild(e);
      return e;
    }
    add('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B });
    add('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B });
    if (points.length === 0) { add('text', { x: L + 8, y: T + 16 }, 'no samples yet'); return; }
    var t0 = points[0][0], t1 = points[points.length - 1][0];
    var maxLag = Math.max(1, Math.max.apply(null, points.map(function (p) { return p[1]; })));
    function x(t) { return t1 === t0 ? W - R : L + (t - t0) / (t1 - t0) * (W - L - R); }
    function y(v) { return H - B - v / maxLag * (H - T - B); }
    add('polyline', { class: 'line', points: points.map(function (p) { return x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1); }).join(' ') });
    add('text', { x: L - 6, y: T + 4, 'text-anchor': 'end' }, fmt(maxLag));
    add('text', { x: L - 6, y: H - B, 'text-anchor': 'end' }, '0');
    add('text', { x: L, y: H - 8 }, new Date(t0).toLocaleTimeString());
    add('text', { x: W - R, y: H - 8, 'text-anchor': 'end' }, new Date(t1).toLocaleTimeString());
    $('chart-current').textContent = 'current: ' + fmt(points[points.length - 1][1]);
  }

  function refresh() {
    if (timer) { clearTimeout(timer); timer = null; }
    Promise.all([
      api('/v1/consumer-groups'),
      api('/v1/topics'),
      api('/v1/dlq?latest=0'),
      api('/v1/deliveries?status=failed'),
    ]).then(function (r) {
      if (r[0].status !== 200) throw new Error(r[0].body.detail || 'the ops API answered ' + r[0].status);
      renderGroups(r[0].body.groups);
      if (r[1].status === 200) renderTopics(r[1].body.topics);
      if (r[2].status === 200) renderDlq(r[2].body.topics);
      renderDeliveries(r[3]);
      var known = r[0].body.groups.some(function (g) { return g.groupId === selected; });
      return known ? api('/v1/consumer-groups/' + encodeURIComponent(selected) + '/lag-history?minutes=' + minutes) : null;
    }).then(function (h) {
      renderChart(h && h.status === 200 ? h.body : null);
      $('banner').textContent = '';
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      $('app').setAttribute('data-loaded', 'true');
    }).catch(function (e) {
      if (e.auth) { showSignIn(e.message); return; }
      $('banner').textContent = 'Refresh failed: ' + e.message;
    }).then(function () {
      if (sessionStorage.getItem(KEY) && !timer) timer = setTimeout(refresh, refreshMs);
    });
  }

  function start() {
    $('signin').hidden = true;
    $('app').hidden = false;
    refresh();
  }

  $('signin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var key = $('key').value.trim();
    if (!key) { $('signin-error').textContent = 'Paste an operator key.'; return; }
    sessionStorage.setItem(KEY, key);
    start();
  });
  $('signout').addEventListener('click', function () { showSignIn(''); });
  $('refresh-ms').textContent = String(refreshMs);
  if (sessionStorage.getItem(KEY)) start(); else showSignIn('');
})();
`;

const BODY = `
<div id="signin" hidden>
  <h2>Border Intel ops monitor</h2>
  <form id="signin-form" autocomplete="off">
    <label for="key">Operator API key</label>
    <input id="key" name="key" type="password" placeholder="paste the key (intelctl keys create --role operator)">
    <button type="submit" id="signin-submit">Sign in</button>
    <p id="signin-error" class="error" role="alert"></p>
  </form>
  <p class="muted">The key stays in this tab only (sessionStorage) and is sent to the ops API, nowhere else.</p>
</div>
<div id="app" hidden>
  <header><h1>Border Intel ops monitor</h1><span class="meta" id="updated"></span>
    <span class="meta">refresh every <span id="refresh-ms"></span> ms</span><button id="signout" type="button">Sign out</button></header>
  <p id="banner" role="alert"></p>
  <main>
    <section class="wide"><h2>Consumer groups (<span id="groups-count">0</span>)</h2>
      <div class="scroll"><table><thead><tr><th>status</th><th>group</th><th>state</th><th class="num">members</th><th class="num">lag</th><th>topics</th></tr></thead>
      <tbody id="groups-body"></tbody></table></div></section>
    <section class="wide"><h2 id="chart-title">Lag over time</h2><span class="muted" id="chart-current"></span>
      <svg id="lag-chart" viewBox="0 0 800 260" preserveAspectRatio="none" role="img" aria-label="lag over time" data-points="[]"></svg></section>
    <section><h2>Topics</h2><div class="scroll"><table><thead><tr><th>topic</th><th class="num">partitions</th><th class="num">records</th></tr></thead>
      <tbody id="topics-body"></tbody></table></div></section>
    <section><h2>Dead-letter topics</h2><div class="scroll"><table><thead><tr><th>topic</th><th class="num">records</th></tr></thead>
      <tbody id="dlq-body"></tbody></table></div>
      <h2 class="sub">Failed deliveries</h2><div id="deliveries-body"></div></section>
  </main>
</div>
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The dashboard page. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ops monitor · Border Intel</title>
<style>${STYLE}</style></head>
<body>${BODY}<script>${SCRIPT}</script></body></html>
`;

/**
 * Content-Security-Policy of the page: only its own inline script and style (by hash), API
 * calls to the same origin, nothing else.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
