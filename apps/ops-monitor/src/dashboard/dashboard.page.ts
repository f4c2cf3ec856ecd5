// The operator dashboard, its panels and query parameters: docs/operating.md#the-ops-dashboard.
// It never shows a dead-lettered body: DLQ rows are metadata and reasons only.
// Test hooks: tr[data-group] rows carry data-status and data-lag; the chart (svg#lag-chart)
// carries data-group and data-points, the plotted [epochMs, lag] pairs as JSON;
// tr[data-partition] rows of the chosen group carry data-lag; tr[data-throughput-topic] and
// tr[data-throughput-group] carry data-rate; tr[data-dlq-record] carry data-reason and hold a
// replay button; tr[data-endpoint] carry data-state; tr[data-outbox] carry data-backlog and
// data-breaker.
import { PALETTE as C } from './domain/palette';
import { selfContainedPage } from '@app/platform';

const STYLE = `
:root { --ok: ${C.ok}; --warn: ${C.warn}; --err: ${C.err}; --muted: ${C.muted}; --line: ${C.line}; --focus: ${C.focus}; }
main { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
section h2 { font-size: 15px; margin: 0 0 8px; }
section h3 { font-size: 13px; margin: 12px 0 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; font-size: 12px; color: var(--muted); padding-bottom: 4px; }
thead th { position: sticky; top: 0; background: ${C.panel}; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.wrap { white-space: normal; }
tr[data-group] { cursor: pointer; }
tr.selected { background: ${C.selected}; }
.badge { min-width: 48px; text-align: center; }
.s-OK, .s-closed { background: var(--ok); } .s-WARN, .s-halfOpen { background: var(--warn); }
.s-STALL, .s-STOP, .s-ERR, .s-open { background: var(--err); } .s-unknown { background: var(--muted); }
.scroll { max-height: 320px; overflow: auto; }
#signin { max-width: 420px; background: ${C.panel}; border: 1px solid var(--line); border-radius: 8px; padding: 24px; }
#signin input { width: 100%; font: inherit; padding: 6px 8px; margin: 8px 0 12px; border: 1px solid ${C.muted}; border-radius: 6px; }
#signin .error, #banner { color: var(--err); }
#banner { padding: 0 20px; margin: 8px 0 0; }
#lag-chart { width: 100%; height: 240px; display: block; }
#lag-chart .axis { stroke: #8c959f; stroke-width: 1; }
#lag-chart .line { fill: none; stroke: ${C.link}; stroke-width: 2; }
#lag-chart text { font-size: 11px; fill: var(--muted); }
dialog { border: 1px solid var(--line); border-radius: 8px; padding: 20px; max-width: 520px; color: ${C.text}; }
dialog::backdrop { background: rgba(31, 35, 40, 0.5); }
dialog .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }
`;

const SCRIPT = `
  var params = new URLSearchParams(location.search);
  var refreshMs = Math.max(200, Number(params.get('refresh')) || 3000);
  var minutes = Math.max(1, Number(params.get('minutes')) || 15);
  var selected = params.get('group');
  var timer = null;
  var pendingReplay = null;
  var SEVERITY = { OK: 0, WARN: 1, ERR: 2 };

  function td(text, cls) { return el('td', cls ? { class: cls, text: text } : { text: text }); }
  function fmt(n) { return n === null || n === undefined ? '-' : Number(n).toLocaleString('en'); }
  function rate(n) { return Number(n).toLocaleString('en', { maximumFractionDigits: 2 }) + '/s'; }
  function badge(status, title) { return el('span', { class: 'badge s-' + status, text: status, title: title || status }); }
  function empty(body, cols, text) { body.appendChild(el('tr', {}, [el('td', { class: 'muted', colspan: String(cols), text: text })])); }
  // Replaces a table body's rows with one per item, or a row saying none when there is none.
  function fill(body, items, row, cols, none) {
    body.replaceChildren.apply(body, items.map(row));
    if (items.length === 0 && none) empty(body, cols, none);
  }

  // Rows are rebuilt on every refresh: keep the keyboard focus on the row (or button) that had it.
  function focusKey() { var a = document.activeElement; return a && a.getAttribute ? a.getAttribute('data-focus') : null; }
  function refocus(key) {
    if (!key) return;
    var e = document.querySelector('[data-focus="' + CSS.escape(key) + '"]');
    if (e) e.focus();
  }

  function showSignIn(message) {
    if (timer) { clearTimeout(timer); timer = null; }
    sessionStorage.removeItem(KEY);
    $('app').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    $('key').value = '';
    $('key').focus();
  }

  function authError(status) {
    var err = new Error(status === 401 ? 'The key is unknown or revoked.' : 'This page needs an operator key.');
    err.auth = true;
    return err;
  }
  function call(method, path, body) {
    return send(method, path, body).then(function (res) {
      if (res.status === 401 || res.status === 403) throw authError(res.status);
      return res.json().then(function (b) { return { status: res.status, body: b }; });
    });
  }
  function api(path) { return call('GET', path); }

  function selectGroup(id) { selected = id; refresh(); }

  function renderGroups(groups) {
    groups.sort(function (a, b) {
      return (SEVERITY[b.status] - SEVERITY[a.status]) || (b.totalLag - a.totalLag) || (a.groupId < b.groupId ? -1 : 1);
    });
    if (!selected && groups.length > 0) selected = groups[0].groupId;
    fill($('groups-body'), groups, function (g) {
      var detail = g.status === 'ERR' ? g.worstPartitionStatus : g.status;
      var tr = el('tr', {
        'data-group': g.groupId, 'data-status': g.status, 'data-lag': String(g.totalLag),
        'data-focus': 'group:' + g.groupId, tabindex: '0', 'aria-selected': String(g.groupId === selected),
        title: 'Enter: show this group\\'s partitions and lag chart'
      }, [
        el('td', {}, [badge(g.status, 'worst partition: ' + g.worstPartitionStatus)]),
        td(g.groupId),
        td(detail === g.status ? g.state : detail + ' · ' + g.state, 'muted'),
        td(String(g.members), 'num'),
        td(fmt(g.totalLag), 'num lag'),
        td(g.topics.join(', '), 'muted'),
      ]);
      if (g.groupId === selected) tr.className = 'selected';
      tr.addEventListener('click', function () { selectGroup(g.groupId); });
      tr.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectGroup(g.groupId); }
        if (ev.key === 'ArrowDown' && tr.nextElementSibling) { ev.preventDefault(); tr.nextElementSibling.focus(); }
        if (ev.key === 'ArrowUp' && tr.previousElementSibling) { ev.preventDefault(); tr.previousElementSibling.focus(); }
      });
      return tr;
    }, 6, 'No consumer groups.');
    $('groups-count').textContent = String(groups.length);
  }

  function renderPartitions(detail) {
    $('partitions-title').textContent = detail ? 'Lag per partition: ' + detail.groupId : 'Lag per partition';
    fill($('partitions-body'), detail ? detail.partitions : [], function (p) {
      return el('tr', { 'data-partition': p.topic + '/' + p.partition, 'data-lag': String(p.lag) }, [
        el('td', {}, [badge(p.status, p.reason)]),
        td(p.topic), td(String(p.partition), 'num'),
        td(fmt(p.committedOffset), 'num'), td(fmt(p.endOffset), 'num'), td(fmt(p.lag), 'num'),
        td(p.owner ? p.owner.clientId : 'unassigned', 'muted'),
      ]);
    }, 7, detail ? 'The group has no partitions.' : 'Choose a group above.');
  }

  function renderThroughput(t) {
    $('throughput-window').textContent = 'last ' + t.minutes + ' min';
    fill($('throughput-topics'), t.topics, function (x) {
      return el('tr', { 'data-throughput-topic': x.topic, 'data-rate': String(x.producedPerSecond) }, [
        td(x.topic), td(rate(x.producedPerSecond), 'num'), td(fmt(x.produced), 'num'),
      ]);
    }, 3, 'No samples yet.');
    fill($('throughput-groups'), t.groups, function (x) {
      return el('tr', { 'data-throughput-group': x.groupId + ' ' + x.topic, 'data-rate': String(x.consumedPerSecond) }, [
        td(x.groupId), td(x.topic, 'muted'), td(rate(x.consumedPerSecond), 'num'), td(fmt(x.consumed), 'num'),
      ]);
    }, 4, 'No samples yet.');
  }

  function renderTopics(topics) {
    fill($('topics-body'), topics.filter(function (t) { return !t.dlq; }), function (t) {
      return el('tr', { 'data-topic': t.name }, [td(t.name), td(String(t.partitions), 'num'), td(fmt(t.records), 'num')]);
    });
  }

  function renderDlq(topics) {
    fill($('dlq-body'), topics, function (t) {
      return el('tr', { 'data-dlq': t.topic, 'data-count': String(t.records) }, [td(t.topic), td(fmt(t.records), 'num')]);
    });
    var latest = [].concat.apply([], topics.map(function (t) { return t.latest.map(function (r) { return [t, r]; }); }));
    fill($('dlq-records'), latest, function (tr) {
      var t = tr[0], r = tr[1];
      var ref = r.topic + '/' + r.partition + '/' + r.offset;
      var button = el('button', { type: 'button', class: 'danger', 'data-replay': ref, 'data-focus': 'replay:' + ref,
        'aria-label': 'Replay offset ' + r.offset + ' of ' + r.topic + ' to ' + t.sourceTopic, text: 'Replay…' });
      button.addEventListener('click', function () { askReplay(t.sourceTopic, r); });
      return el('tr', { 'data-dlq-record': ref, 'data-reason': r.dlq.reason || '' }, [
        td(r.topic), td(r.partition + '/' + r.offset, 'num'), td(new Date(r.timestamp).toLocaleString()),
        td(r.dlq.reason || '(no reason given)', 'wrap'), td(r.key || '-', 'muted'), td(fmt(r.sizeBytes) + ' B', 'num'),
        el('td', {}, [button]),
      ]);
    }, 7, 'No dead-lettered records.');
  }

  function askReplay(sourceTopic, r) {
    pendingReplay = { topic: r.topic, partition: r.partition, offset: r.offset, ref: r.topic + '/' + r.partition + '/' + r.offset };
    $('replay-what').textContent = 'Offset ' + r.offset + ' of ' + r.topic + ' (partition ' + r.partition + ') goes back to ' +
      sourceTopic + ' with its original key and headers. Reason it failed: ' + (r.dlq.reason || 'not given') + '.';
    $('replay-dialog').showModal();
    $('replay-cancel').focus();
  }

  function confirmReplay() {
    var p = pendingReplay;
    $('replay-dialog').close();
    if (!p) return;
    $('replay-result').textContent = 'Replaying ' + p.ref + '…';
    call('POST', '/v1/dlq/' + encodeURIComponent(p.topic) + '/replay', { partition: p.partition, offsets: [p.offset] })
      .then(function (res) {
        var b = res.body;
        var text = res.status !== 200 ? 'Replay refused: ' + (b.detail || res.status)
          : b.replayed === 1 ? 'Replayed ' + p.ref + ' to ' + b.sourceTopic + '.'
          : b.refused.length ? 'Not replayed: ' + b.refused[0].reason
          : 'Already replayed earlier: ' + p.ref + '.';
        $('replay-result').textContent = text;
        $('replay-result').setAttribute('data-outcome', res.status === 200 && b.replayed === 1 ? 'replayed' : 'not-replayed');
      })
      .catch(function (e) { if (e.auth) showSignIn(e.message); else $('replay-result').textContent = 'Replay failed: ' + e.message; })
      .then(function () { refocus('replay:' + p.ref); });
  }

  function renderHealth(res) {
    var box = $('health');
    var endpoints = $('endpoints-body');
    var subs = $('subscriptions-body');
    var ok = res.status === 200;
    box.setAttribute('data-available', String(ok));
    $('health-note').textContent = !ok ? 'Not available: ' + (res.body.detail || 'the notification service does not answer.')
      : res.body.truncated ? 'Counts cover the newest failed deliveries only.' : '';
    fill(endpoints, ok ? res.body.endpoints : [], function (e) {
      return el('tr', { 'data-endpoint': e.endpoint, 'data-state': e.state }, [
        td(e.endpoint), el('td', {}, [badge(e.state)]), td(fmt(e.failures), 'num'), td(fmt(e.successes), 'num'),
      ]);
    }, 4, ok ? 'No webhook endpoint used yet.' : '-');
    fill(subs, ok ? res.body.subscriptions : [], function (s) {
      return el('tr', { 'data-subscription': s.subscriptionId, 'data-failed': String(s.failed) }, [
        td(s.subscriptionId), td(s.recipientAgencyId), td(fmt(s.failed), 'num'), td(s.lastError, 'wrap'),
        td(s.lastAttemptAt ? new Date(s.lastAttemptAt).toLocaleString() : '-', 'muted'),
      ]);
    }, 5, ok ? 'No failed deliveries.' : '-');
  }

  function renderOutboxes(res) {
    var ok = res.status === 200;
    fill($('outboxes-body'), ok ? res.body.outboxes.concat(res.body.unreachable) : [], function (o) {
      if (o.error !== undefined) return el('tr', { 'data-outbox-unreachable': o.service }, [td(o.service), el('td', { class: 'muted wrap', colspan: '3', text: 'metrics not readable: ' + o.error })]);
      return el('tr', { 'data-outbox': o.service + '/' + o.outbox, 'data-backlog': String(o.backlog), 'data-breaker': o.breaker }, [
        td(o.service), td(o.outbox, 'muted'), td(fmt(o.backlog), 'num'), el('td', {}, [badge(o.breaker, 'relay breaker (Kafka)')]),
      ]);
    }, 4, ok ? 'No service configured (OPS_METRICS_URLS).' : 'Not available: ' + (res.body.detail || res.status));
  }

  function renderChart(history) {
    var svg = $('lag-chart');
    var NS = 'http://www.w3.org/2000/svg';
    var W = 800, H = 240, L = 56, R = 12, T = 12, B = 28;
    var points = history ? history.points.map(function (p) { return [p.timestamp, p.lag]; }) : [];
    svg.setAttribute('data-group', history ? history.groupId : '');
    svg.setAttribute('data-points', JSON.stringify(points));
    svg.replaceChildren();
    $('chart-title').textContent = history ? history.groupId + ': total lag, last ' + history.minutes + ' min' : 'Lag over time: no group selected';
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
    svg.setAttribute('aria-label', 'total lag of ' + history.groupId + ' over the last ' + history.minutes + ' minutes; now ' + fmt(points[points.length - 1][1]));
  }

  function refresh() {
    if (timer) { clearTimeout(timer); timer = null; }
    var keep = focusKey();
    Promise.all([
      api('/v1/consumer-groups'),
      api('/v1/topics'),
      api('/v1/dlq?latest=10'),
      api('/v1/deliveries/health'),
      api('/v1/throughput?minutes=5'),
      api('/v1/outboxes'),
    ]).then(function (r) {
      if (r[0].status !== 200) throw new Error(r[0].body.detail || 'the ops API answered ' + r[0].status);
      keep = focusKey() || keep;
      renderGroups(r[0].body.groups);
      if (r[1].status === 200) renderTopics(r[1].body.topics);
      if (r[2].status === 200) renderDlq(r[2].body.topics);
      renderHealth(r[3]);
      if (r[4].status === 200) renderThroughput(r[4].body);
      renderOutboxes(r[5]);
      refocus(keep);
      var known = r[0].body.groups.some(function (g) { return g.groupId === selected; });
      if (!known) return [null, null];
      var id = encodeURIComponent(selected);
      return Promise.all([api('/v1/consumer-groups/' + id + '/lag-history?minutes=' + minutes), api('/v1/consumer-groups/' + id)]);
    }).then(function (h) {
      renderChart(h[0] && h[0].status === 200 ? h[0].body : null);
      renderPartitions(h[1] && h[1].status === 200 ? h[1].body : null);
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
  $('replay-cancel').addEventListener('click', function () { pendingReplay = null; $('replay-dialog').close(); });
  $('replay-confirm').addEventListener('click', confirmReplay);
  $('refresh-ms').textContent = String(refreshMs);
  if (sessionStorage.getItem(KEY)) start(); else showSignIn('');
`;

const BODY = `
<a class="skip" href="#main">Skip to the panels</a>
<div id="signin" hidden>
  <h1>Border Intel ops monitor</h1>
  <form id="signin-form" autocomplete="off">
    <label for="key">Operator API key</label>
    <input id="key" name="key" type="password" placeholder="paste the key (intelctl keys create --role operator)">
    <button type="submit" id="signin-submit">Sign in</button>
    <p id="signin-error" class="error" role="alert"></p>
  </form>
  <p class="muted">The key stays in this tab only (sessionStorage) and is sent to the ops API, nowhere else.</p>
</div>
<div id="app" hidden>
  <header><h1>Border Intel ops monitor</h1><span class="meta" id="updated" aria-live="off"></span>
    <span class="meta">refresh every <span id="refresh-ms"></span> ms</span><button id="signout" type="button">Sign out</button></header>
  <p id="banner" role="alert"></p>
  <main id="main" tabindex="-1">
    <section class="wide" aria-labelledby="groups-title"><h2 id="groups-title">Consumer groups (<span id="groups-count">0</span>)</h2>
      <div class="scroll"><table><caption>Tab to a row, Enter to chart it; arrow keys move between rows.</caption>
      <thead><tr><th scope="col">status</th><th scope="col">group</th><th scope="col">state</th><th scope="col" class="num">members</th><th scope="col" class="num">lag</th><th scope="col">topics</th></tr></thead>
      <tbody id="groups-body"></tbody></table></div></section>
    <section aria-labelledby="chart-title"><h2 id="chart-title">Lag over time</h2><span class="muted" id="chart-current"></span>
      <svg id="lag-chart" viewBox="0 0 800 240" preserveAspectRatio="none" role="img" aria-label="lag over time" data-points="[]"></svg></section>
    <section aria-labelledby="partitions-title"><h2 id="partitions-title">Lag per partition</h2>
      <div class="scroll"><table><thead><tr><th scope="col">status</th><th scope="col">topic</th><th scope="col" class="num">partition</th><th scope="col" class="num">committed</th><th scope="col" class="num">end</th><th scope="col" class="num">lag</th><th scope="col">owner</th></tr></thead>
      <tbody id="partitions-body"></tbody></table></div></section>
    <section aria-labelledby="throughput-title"><h2 id="throughput-title">Throughput <span class="muted" id="throughput-window"></span></h2>
      <div class="scroll"><table><caption>Records each topic received</caption><thead><tr><th scope="col">topic</th><th scope="col" class="num">rate</th><th scope="col" class="num">records</th></tr></thead>
      <tbody id="throughput-topics"></tbody></table>
      <table><caption>Records each group committed</caption><thead><tr><th scope="col">group</th><th scope="col">topic</th><th scope="col" class="num">rate</th><th scope="col" class="num">records</th></tr></thead>
      <tbody id="throughput-groups"></tbody></table></div></section>
    <section aria-labelledby="outboxes-title"><h2 id="outboxes-title">Outbox backlog</h2>
      <div class="scroll"><table><thead><tr><th scope="col">service</th><th scope="col">outbox</th><th scope="col" class="num">waiting</th><th scope="col">relay breaker</th></tr></thead>
      <tbody id="outboxes-body"></tbody></table></div></section>
    <section class="wide" aria-labelledby="dlq-title"><h2 id="dlq-title">Dead-lettered records</h2>
      <p class="muted">Metadata and failure reasons only. A body is read through the API with a reason, and the read is written to the disclosure ledger.</p>
      <p id="replay-result" role="status"></p>
      <div class="scroll"><table><thead><tr><th scope="col">DLQ topic</th><th scope="col" class="num">partition/offset</th><th scope="col">failed at</th><th scope="col">reason</th><th scope="col">key</th><th scope="col" class="num">size</th><th scope="col">action</th></tr></thead>
      <tbody id="dlq-records"></tbody></table></div>
      <h3>Records per DLQ topic</h3>
      <div class="scroll"><table><thead><tr><th scope="col">topic</th><th scope="col" class="num">records</th></tr></thead>
      <tbody id="dlq-body"></tbody></table></div></section>
    <section class="wide" id="health" aria-labelledby="health-title"><h2 id="health-title">Delivery health</h2>
      <p class="muted" id="health-note"></p>
      <div class="scroll"><table><caption>Webhook endpoints (by subscription) and their circuit breakers</caption><thead><tr><th scope="col">endpoint</th><th scope="col">breaker</th><th scope="col" class="num">failures</th><th scope="col" class="num">successes</th></tr></thead>
      <tbody id="endpoints-body"></tbody></table>
      <table><caption>Deliveries that gave up, per subscription</caption><thead><tr><th scope="col">subscription</th><th scope="col">agency</th><th scope="col" class="num">failed</th><th scope="col">last error</th><th scope="col">last attempt</th></tr></thead>
      <tbody id="subscriptions-body"></tbody></table></div></section>
    <section class="wide" aria-labelledby="topics-title"><h2 id="topics-title">Topics</h2><div class="scroll"><table><thead><tr><th scope="col">topic</th><th scope="col" class="num">partitions</th><th scope="col" class="num">records</th></tr></thead>
      <tbody id="topics-body"></tbody></table></div></section>
  </main>
  <dialog id="replay-dialog" aria-labelledby="replay-heading" aria-describedby="replay-what">
    <h2 id="replay-heading">Replay this record?</h2>
    <p id="replay-what"></p>
    <p class="muted">It is replayed at most once, with your operator key recorded.</p>
    <div class="actions"><button type="button" id="replay-cancel">Cancel</button><button type="button" class="danger" id="replay-confirm">Replay</button></div>
  </dialog>
</div>
`;

/** The dashboard page and its Content-Security-Policy (only its own inline script and style). */
export const DASHBOARD_PAGE = selfContainedPage({
  title: 'Ops monitor · Border Intel',
  palette: C,
  storageKey: 'ops-monitor-key',
  style: STYLE,
  body: BODY,
  script: SCRIPT,
});
