// The liaison desk: docs/desk.md#the-page (one page, no build step, streams read with fetch).
//
// Test hooks: li[data-alert-id] rows carry data-status, data-severity, data-kind and, for alerts
// that arrived live, data-live; #incoming li[data-request-id] carry data-status and hold
// input[data-field] checkboxes; #alert-requests li[data-request-id] carry data-status and list
// the released values as li[data-released-path] with data-value.
import { PALETTE as C } from './domain/palette';
import { selfContainedPage } from '@app/platform';

const STYLE = `
body { font-size: 15px; line-height: 1.45; }
header h1 { font-size: 17px; }
header .meta { font-size: 13px; }
select, input, textarea { font: inherit; color: ${C.text}; }
button { padding: 5px 12px; }
button.primary { background: ${C.link}; border-color: ${C.link}; color: ${C.badgeText}; }
main { grid-template-columns: minmax(300px, 2fr) minmax(0, 3fr); align-items: start; }
h2 { font-size: 16px; margin: 0 0 8px; } h3 { font-size: 14px; margin: 14px 0 6px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
.filters label { font-size: 13px; color: ${C.muted}; display: flex; flex-direction: column; }
ul.list { list-style: none; margin: 0; padding: 0; }
ul.list > li { border-bottom: 1px solid ${C.line}; }
ul.list > li > button { display: block; width: 100%; text-align: left; border: 0; border-radius: 0; padding: 8px 6px; background: transparent; }
ul.list > li.selected > button { background: ${C.selected}; }
.row1 { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.summary { display: block; margin-top: 2px; }
.muted { font-size: 13px; }
.sev-HIGH { background: ${C.high}; } .sev-MEDIUM { background: ${C.medium}; } .sev-LOW { background: ${C.low}; }
.st-new { background: ${C.link}; } .st-acknowledged { background: ${C.muted}; }
.live { background: ${C.live}; }
.rq-PENDING { background: ${C.medium}; } .rq-APPROVED, .rq-PARTLY_APPROVED { background: ${C.ok}; } .rq-DENIED, .rq-EXPIRED { background: ${C.muted}; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 14px; }
dt { color: ${C.muted}; } dd { margin: 0; overflow-wrap: anywhere; }
.released { background: ${C.released}; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
fieldset { border: 1px solid ${C.line}; border-radius: 6px; margin: 8px 0; padding: 6px 10px; }
textarea { width: 100%; min-height: 56px; padding: 6px; border: 1px solid ${C.muted}; border-radius: 6px; }
select, input[type=password] { padding: 4px 6px; border: 1px solid ${C.muted}; border-radius: 6px; background: ${C.panel}; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
.error { color: ${C.err}; } .okmsg { color: ${C.ok}; }
#signin { max-width: 440px; }
#signin input { width: 100%; margin: 8px 0 12px; }
.banner { margin: 6px 20px 0; }
`;

const SCRIPT = `
  var LABELS = { 'agencyCaseRef': 'Case reference', 'persons[].name': 'Person names', 'persons[].dateOfBirth': 'Dates of birth',
    'persons[].nationality': 'Nationalities', 'persons[].phones[]': 'Phone numbers', 'persons[].documents[].number': 'Document numbers',
    'conveyances[].plate': 'Plates', 'conveyances[].containerNumber': 'Container numbers', 'narrative': 'Narrative' };
  var alerts = [];
  var selected = null;
  var streams = [];
  var liveCount = 0;

  function label(field) { return LABELS[field] || field; }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }

  function api(method, path, body) {
    return send(method, path, body).then(function (res) {
      return res.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (res.status === 401) { signOut('The key is unknown or revoked.'); throw new Error('unauthorised'); }
        if (!res.ok) throw new Error((data && (data.detail || data.title)) || ('HTTP ' + res.status));
        return data;
      });
    });
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    streams.forEach(function (s) { s.abort(); });
    streams = [];
    $('app').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    $('key').focus();
  }

  /** Reads a text/event-stream with fetch (the key goes in a header); reconnects with Last-Event-ID. */
  function stream(path, onEvent) {
    var ctl = new AbortController();
    var last = null;
    streams.push(ctl);
    function connect() {
      var headers = { authorization: 'Bearer ' + sessionStorage.getItem(KEY), accept: 'text/event-stream' };
      if (last !== null) headers['last-event-id'] = last;
      fetch(path, { headers: headers, signal: ctl.signal }).then(function (res) {
        if (!res.ok || !res.body) throw new Error('stream ' + res.status);
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (r) {
            if (r.done) throw new Error('stream ended');
            buffer += decoder.decode(r.value, { stream: true });
            var at;
            while ((at = buffer.indexOf('\\n\\n')) >= 0) {
              var chunk = buffer.slice(0, at); buffer = buffer.slice(at + 2);
              var ev = { event: 'message', data: '' };
              chunk.split('\\n').forEach(function (line) {
                var i = line.indexOf(': ');
                if (line.indexOf('id: ') === 0) last = line.slice(4);
                else if (line.indexOf('event: ') === 0) ev.event = line.slice(7);
                else if (line.indexOf('data: ') === 0) ev.data += line.slice(i + 2);
              });
              if (ev.data) onEvent(ev.event, JSON.parse(ev.data));
            }
            return pump();
          });
        }
        $('live-state').textContent = 'live';
        return pump();
      }).catch(function () {
        if (ctl.signal.aborted) return;
        $('live-state').textContent = 'reconnecting…';
        setTimeout(connect, 2000);
      });
    }
    connect();
  }

  function filtered() {
    var st = $('f-status').value, sev = $('f-severity').value, kind = $('f-kind').value;
    return alerts.filter(function (a) {
      return (!st || a.status === st) && (!sev || a.severity === sev) && (!kind || a.kind === kind);
    });
  }

  function renderList() {
    var list = $('alerts');
    list.textContent = '';
    var shown = filtered();
    $('alerts-count').textContent = shown.length + ' of ' + alerts.length + ' alerts';
    if (alerts.length) $('agency').textContent = 'Signed in for ' + alerts[0].recipientAgencyId;
    shown.forEach(function (a) {
      var li = el('li', { 'data-alert-id': a.alertId, 'data-status': a.status, 'data-severity': a.severity, 'data-kind': a.kind });
      if (a.live) li.setAttribute('data-live', 'true');
      if (selected === a.alertId) li.className = 'selected';
      var who = a.counterpart ? (a.counterpart.agencyName || a.counterpart.agencyId) + ' (' + a.counterpart.agencyId + ')' : '';
      var btn = el('button', { type: 'button', 'aria-label': a.severity + ' ' + a.status + ' alert from ' + who + ': ' + a.summary }, [
        el('span', { class: 'row1' }, [
          el('span', { class: 'badge sev-' + a.severity, text: a.severity }),
          el('span', { class: 'badge st-' + a.status, text: a.status === 'new' ? 'NEW' : 'ACKNOWLEDGED' }),
          a.live ? el('span', { class: 'badge live', text: 'ARRIVED LIVE' }) : null,
          el('span', { class: 'muted', text: who + ' · ' + when(a.createdAt) }),
        ]),
        el('span', { class: 'summary', text: a.summary }),
      ]);
      btn.addEventListener('click', function () { open(a.alertId); });
      li.appendChild(btn);
      list.appendChild(li);
    });
  }

  function loadAlerts() {
    return api('GET', '/v1/alerts?limit=200').then(function (page) {
      var live = {};
      alerts.forEach(function (a) { if (a.live) live[a.alertId] = true; });
      alerts = page.items.map(function (a) { a.live = !!live[a.alertId]; return a; });
      renderList();
    });
  }

  function flatten(value, path, out) {
    if (Array.isArray(value)) value.forEach(function (v, i) { flatten(v, path + '[' + i + ']', out); });
    else if (value && typeof value === 'object') Object.keys(value).forEach(function (k) { flatten(value[k], path ? path + '.' + k : k, out); });
    else out.push([path, String(value)]);
    return out;
  }
  function pairs(rows) {
    return el('dl', {}, rows.reduce(function (acc, r) { acc.push(el('dt', { text: r[0] }), el('dd', { text: r[1] })); return acc; }, []));
  }

  function open(alertId) {
    selected = alertId;
    renderList();
    return api('GET', '/v1/alerts/' + alertId).then(function (a) {
      var d = $('detail');
      d.textContent = '';
      d.appendChild(el('h2', { id: 'detail-title', tabindex: '-1', text: a.summary }));
      d.appendChild(el('p', { class: 'row1' }, [
        el('span', { class: 'badge sev-' + a.severity, text: a.severity }),
        el('span', { class: 'badge st-' + a.status, text: a.status === 'new' ? 'NEW' : 'ACKNOWLEDGED' }),
        el('span', { class: 'muted', text: a.kind === 'CASE_LINKED' ? 'Link to a case of another agency' : 'Pre-check hit on your case' }),
      ]));
      var cp = a.counterpart || {};
      var contact = cp.liaisonContact || {};
      d.appendChild(el('h3', { text: 'Whom to contact' }));
      d.appendChild(pairs([
        ['Agency', (cp.agencyName || '') + ' (' + cp.agencyId + ')'],
        ['Office', contact.name || 'not shared'],
        ['Email', contact.email || 'not shared'],
        ['Phone', contact.phone || 'not shared'],
        ['Their reference', cp.agencyCaseRef || 'withheld'],
      ]));
      if (a.kind === 'CASE_LINKED') {
        d.appendChild(el('h3', { text: 'Why the cases were linked (as the policy lets you read it)' }));
        d.appendChild(el('ul', {}, a.shared.reasons.map(function (r) { return el('li', { text: r.feature + ': ' + r.detail }); })));
        if (a.shared.protectedPersonNotice) d.appendChild(el('p', { class: 'error', text: a.shared.protectedPersonNotice }));
        d.appendChild(el('h3', { text: 'What the counterpart shares (TLP:' + a.shared.tlp + (a.shared.onwardSharing ? '' : ', not to be passed on') + ')' }));
        a.shared.cases.forEach(function (c) {
          c.reports.forEach(function (r) {
            d.appendChild(pairs(flatten(r, '', []).filter(function (p) { return p[0].indexOf('classification') !== 0; })));
          });
        });
      } else if (a.precheck) {
        d.appendChild(el('h3', { text: 'The check that matched your case' }));
        d.appendChild(pairs([['Crossing point', a.precheck.crossingPoint], ['Matched', a.precheck.detail], ['Your case', a.precheck.agencyCaseRef]]));
      }
      d.appendChild(ackForm(a));
      if (a.kind === 'CASE_LINKED') {
        var box = el('div', { id: 'rfi' });
        d.appendChild(box);
        renderRequests(a.alertId, box);
      }
      $('detail-title').focus();
    });
  }

  function ackForm(a) {
    var wrap = el('div', {}, [el('h3', { text: 'Acknowledgement' })]);
    if (a.acknowledgement) {
      wrap.appendChild(el('p', { id: 'ack-done', text: 'Acknowledged ' + when(a.acknowledgement.at) + (a.acknowledgement.note ? ': ' + a.acknowledgement.note : '') }));
      return wrap;
    }
    var note = el('textarea', { id: 'ack-note', 'aria-label': 'Acknowledgement note', placeholder: 'What you did, e.g. called the counterpart office' });
    var btn = el('button', { type: 'button', id: 'ack-submit', class: 'primary', text: 'Acknowledge' });
    btn.addEventListener('click', function () {
      api('POST', '/v1/alerts/' + a.alertId + '/ack', { note: note.value || undefined }).then(function () {
        return loadAlerts().then(function () { return open(a.alertId); });
      }).catch(function (e) { say(e.message, true); });
    });
    wrap.appendChild(el('label', { for: 'ack-note', class: 'muted', text: 'Note' }));
    wrap.appendChild(note);
    wrap.appendChild(el('div', { class: 'actions' }, [btn]));
    return wrap;
  }

  function releasedList(r) {
    var items = [];
    r.released.forEach(function (rec) { rec.fields.forEach(function (f) { items.push(f); }); });
    if (items.length === 0) return el('p', { class: 'muted', text: r.status === 'PENDING' ? 'Waiting for a decision.' : 'Nothing released.' });
    return el('div', { class: 'released' }, [
      el('strong', { text: 'Released to you' }),
      el('ul', {}, items.map(function (f) { return el('li', { 'data-released-path': f.path, 'data-value': String(f.value), text: f.path + ': ' + f.value }); })),
    ]);
  }

  function requestItem(r) {
    return el('li', { 'data-request-id': r.requestId, 'data-status': r.status }, [
      el('p', { class: 'row1' }, [
        el('span', { class: 'badge rq-' + r.status, text: r.status.replace('_', ' ') }),
        el('span', { text: r.fields.map(label).join(', ') }),
        el('span', { class: 'muted', text: 'asked ' + when(r.createdAt) + ' · ' + r.legalBasis }),
      ]),
      r.decision ? el('p', { class: 'muted', text: 'Decided ' + when(r.decision.at) + ': ' + r.decision.note }) : null,
      releasedList(r),
    ]);
  }

  function renderRequests(alertId, box) {
    return Promise.all([api('GET', '/v1/requests/options?alertId=' + alertId), api('GET', '/v1/alerts/' + alertId + '/requests')])
      .then(function (res) {
        var opts = res[0], mine = res[1].items;
        box.textContent = '';
        box.appendChild(el('h3', { text: 'Requests for information' }));
        box.appendChild(el('ul', { id: 'alert-requests', class: 'list' }, mine.map(requestItem)));
        if (!opts.allowed) {
          box.appendChild(el('p', { class: 'muted', text: 'The sharing policy allows no requests to this counterpart.' }));
          return;
        }
        var fs = el('fieldset', {}, [el('legend', { text: 'Ask the counterpart for' })].concat(opts.releasableFields.map(function (f) {
          var id = 'rfi-f-' + f.replace(/[^a-z]/gi, '');
          return el('div', {}, [el('input', { type: 'checkbox', id: id, value: f, 'data-rfi-field': f }), ' ', el('label', { for: id, text: label(f) })]);
        })));
        var basis = el('select', { id: 'rfi-basis' }, opts.legalBases.map(function (b) { return el('option', { value: b, text: b }); }));
        var why = el('textarea', { id: 'rfi-why', placeholder: 'Why you need it (at least 10 characters)' });
        var btn = el('button', { type: 'button', id: 'rfi-submit', class: 'primary', text: 'Send request' });
        btn.addEventListener('click', function () {
          var fields = Array.prototype.slice.call(box.querySelectorAll('input[data-rfi-field]:checked')).map(function (i) { return i.value; });
          api('POST', '/v1/alerts/' + alertId + '/requests', { fields: fields, justification: why.value, legalBasis: basis.value })
            .then(function () { say('Request sent.'); return renderRequests(alertId, box); })
            .catch(function (e) { say(e.message, true); });
        });
        box.appendChild(el('form', { id: 'rfi-form', 'aria-label': 'Request for information' }, [
          fs,
          el('div', {}, [el('label', { for: 'rfi-basis', class: 'muted', text: 'Legal basis ' }), basis]),
          el('div', {}, [el('label', { for: 'rfi-why', class: 'muted', text: 'Justification' })]), why,
          el('div', { class: 'actions' }, [btn]),
        ]));
      });
  }

  function loadIncoming() {
    return api('GET', '/v1/requests?direction=incoming').then(function (page) {
      var list = $('incoming');
      list.textContent = '';
      $('incoming-empty').hidden = page.items.length > 0;
      page.items.forEach(function (r) {
        var li = el('li', { 'data-request-id': r.requestId, 'data-status': r.status });
        li.appendChild(el('p', { class: 'row1' }, [
          el('span', { class: 'badge rq-' + r.status, text: r.status.replace('_', ' ') }),
          el('strong', { text: r.requesterAgencyId }),
          el('span', { class: 'muted', text: 'about your case ' + (r.ownerCaseRefs || []).join(', ') + ' · ' + r.legalBasis + ' · expires ' + when(r.expiresAt) }),
        ]));
        li.appendChild(el('p', { text: '“' + r.justification + '”' }));
        if (r.status !== 'PENDING') {
          li.appendChild(el('p', { class: 'muted', text: 'Decided ' + when(r.decision && r.decision.at) + ': ' + (r.decision ? r.decision.note : 'expired') }));
          list.appendChild(li);
          return;
        }
        var fs = el('fieldset', {}, [el('legend', { text: 'Fields asked for: tick those you release' })].concat(r.fields.map(function (f) {
          var id = 'dec-' + r.requestId.slice(0, 8) + '-' + f.replace(/[^a-z]/gi, '');
          return el('div', {}, [el('input', { type: 'checkbox', id: id, value: f, 'data-field': f }), ' ', el('label', { for: id, text: label(f) })]);
        })));
        var noteId = 'dec-note-' + r.requestId.slice(0, 8);
        var note = el('textarea', { id: noteId, 'data-note': '', placeholder: 'Note to the requester (required)' });
        function decide(fields) {
          api('POST', '/v1/requests/' + r.requestId + '/decision', { approvedFields: fields, note: note.value })
            .then(function () { say('Decision sent.'); return loadIncoming(); })
            .catch(function (e) { say(e.message, true); });
        }
        var all = el('button', { type: 'button', 'data-action': 'approve-all', class: 'primary', text: 'Approve all' });
        var some = el('button', { type: 'button', 'data-action': 'approve-selected', text: 'Approve selected' });
        var deny = el('button', { type: 'button', 'data-action': 'deny', class: 'danger', text: 'Deny' });
        all.addEventListener('click', function () { decide(r.fields); });
        some.addEventListener('click', function () {
          decide(Array.prototype.slice.call(fs.querySelectorAll('input:checked')).map(function (i) { return i.value; }));
        });
        deny.addEventListener('click', function () { decide([]); });
        li.appendChild(fs);
        li.appendChild(el('label', { for: noteId, class: 'muted', text: 'Note' }));
        li.appendChild(note);
        li.appendChild(el('div', { class: 'actions' }, [all, some, deny]));
        list.appendChild(li);
      });
    });
  }

  function say(message, isError) {
    var s = $('status');
    s.className = 'banner ' + (isError ? 'error' : 'okmsg');
    s.textContent = message;
  }

  function start() {
    $('signin').hidden = true;
    $('app').hidden = false;
    return Promise.all([loadAlerts(), loadIncoming()]).then(function () {
      stream('/v1/alerts/stream', function (event, a) {
        if (event !== 'alert' || alerts.some(function (x) { return x.alertId === a.alertId; })) return;
        a.live = true;
        alerts.unshift(a);
        liveCount++;
        $('live-count').textContent = liveCount + ' new alert' + (liveCount === 1 ? '' : 's') + ' arrived while you were here';
        renderList();
      });
      stream('/v1/requests/stream', function (event, r) {
        if (r.direction === 'INCOMING') loadIncoming();
        else if (selected && r.alertId === selected && $('rfi')) renderRequests(selected, $('rfi'));
        say(event === 'request.created' ? 'New request from ' + r.requesterAgencyId + '.' : 'Request ' + r.status.toLowerCase().replace('_', ' ') + '.');
      });
    });
  }

  $('signin-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var key = $('key').value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY, key);
    $('key').value = '';
    api('GET', '/v1/alerts?limit=1').then(start).catch(function (err) {
      if (err.message !== 'unauthorised') signOut('This key is not a liaison key (' + err.message + ').');
    });
  });
  $('signout').addEventListener('click', function () { signOut(''); });
  ['f-status', 'f-severity', 'f-kind'].forEach(function (id) { $(id).addEventListener('change', renderList); });
  if (sessionStorage.getItem(KEY)) start().catch(function () { signOut('Sign in again.'); });
  else $('key').focus();
`;

const BODY = `
<a class="skip" href="#alerts-section">Skip to the alerts</a>
<div id="signin">
  <section>
    <h1>Liaison desk · Border Intel</h1>
    <form id="signin-form">
      <label for="key">Liaison key of your office</label>
      <input id="key" type="password" autocomplete="off" spellcheck="false" required>
      <button type="submit" id="signin-submit" class="primary">Sign in</button>
      <p class="muted">The key stays in this tab only and is forgotten when it closes.</p>
      <p id="signin-error" class="error" role="alert"></p>
    </form>
  </section>
</div>
<div id="app" hidden>
  <header>
    <h1>Liaison desk</h1>
    <span class="meta" id="agency">Signed in</span>
    <span class="meta" id="live-state" aria-live="polite"></span>
    <button type="button" id="signout">Sign out</button>
  </header>
  <p id="live-count" class="muted banner" role="status" aria-live="polite"></p>
  <p id="status" class="banner" role="status" aria-live="polite"></p>
  <main>
    <section id="alerts-section" aria-labelledby="alerts-h">
      <h2 id="alerts-h">Alerts, newest first</h2>
      <div class="filters">
        <label for="f-status">Status<select id="f-status"><option value="">all</option><option value="new">new</option><option value="acknowledged">acknowledged</option></select></label>
        <label for="f-severity">Severity<select id="f-severity"><option value="">all</option><option>HIGH</option><option>MEDIUM</option><option>LOW</option></select></label>
        <label for="f-kind">Kind<select id="f-kind"><option value="">all</option><option value="CASE_LINKED">case linked</option><option value="PRECHECK_HIT">pre-check hit</option></select></label>
      </div>
      <p id="alerts-count" class="muted"></p>
      <ul id="alerts" class="list"></ul>
    </section>
    <section id="detail" aria-live="polite"><p class="muted">Open an alert to see it.</p></section>
    <section class="wide" aria-labelledby="incoming-h">
      <h2 id="incoming-h">Requests for information asked of your office</h2>
      <p id="incoming-empty" class="muted">None.</p>
      <ul id="incoming" class="list"></ul>
    </section>
  </main>
</div>
`;

/** The desk page and its Content-Security-Policy (only its own inline script and style). */
export const DESK_PAGE = selfContainedPage({
  title: 'Liaison desk · Border Intel',
  palette: C,
  storageKey: 'liaison-desk-key',
  style: STYLE,
  body: BODY,
  script: SCRIPT,
});
