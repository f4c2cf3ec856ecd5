#!/usr/bin/env node
// Consuming the live alert stream, GET /v1/alerts/stream (docs/contract.md#alert-stream), with
// a liaison key: Server-Sent Events, one `event: alert` per alert, `id:` its sequence number,
// `data:` the inbox item as JSON. On a lost connection it reconnects after the server's `retry:`
// and resumes with `Last-Event-ID`, so no alert is missed (LAST_EVENT_ID=0 replays every alert).
//
//   LIAISON_KEY=bik_... node docs/examples/alert-stream.js
//
// A browser's EventSource cannot send an Authorization header: in a browser use this same
// fetch-and-read loop (fetch streams the body there too), or keep the key on your server and
// relay the stream to the page. Never put an API key in a URL.
'use strict';

/** Splits SSE text into events; returns the events complete so far and the unfinished rest. */
function parseEvents(buffer) {
  const events = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  for (const block of blocks) {
    const event = { event: 'message', data: [], id: undefined, retry: undefined };
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue; // a comment: the 15 s keep-alive
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') event.data.push(value);
      else if (field === 'event') event.event = value;
      else if (field === 'id') event.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
    }
    if (event.data.length > 0 || event.retry !== undefined)
      events.push({ ...event, data: event.data.join('\n') });
  }
  return { events, rest };
}

async function follow({ url, key, lastEventId, onAlert }) {
  let retryMs = 2000;
  for (;;) {
    try {
      const headers = { authorization: `Bearer ${key}`, accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
      const res = await fetch(url, { headers });
      // A refused key will not get better by retrying; anything else (503, a dropped connection) may.
      if (res.status === 401 || res.status === 403) {
        throw Object.assign(new Error(`refused: ${res.status} ${await res.text()}`), { fatal: true });
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      let buffer = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body) {
        const { events, rest } = parseEvents(buffer + decoder.decode(chunk, { stream: true }));
        buffer = rest;
        for (const e of events) {
          if (e.retry !== undefined) retryMs = e.retry;
          if (e.event !== 'alert') continue;
          lastEventId = e.id;
          onAlert(JSON.parse(e.data));
        }
      }
    } catch (e) {
      if (e.fatal) throw e;
      console.error(`stream interrupted (${e.message}); resuming after ${lastEventId ?? 'now'}`);
    }
    await new Promise((r) => setTimeout(r, retryMs));
  }
}

module.exports = { parseEvents, follow };

if (require.main === module) {
  const key = process.env.LIAISON_KEY;
  if (!key) {
    console.error(
      'Set LIAISON_KEY to a liaison key (npx intelctl keys create --role liaison --agency PK-ANF).',
    );
    process.exit(1);
  }
  const base = process.env.NOTIFICATION_URL || 'http://127.0.0.1:3002';
  follow({
    url: `${base}/v1/alerts/stream`,
    key,
    lastEventId: process.env.LAST_EVENT_ID,
    onAlert: (a) => console.log(`#${a.sequence} ${a.kind} ${a.severity} ${a.alertId}: ${a.summary}`),
  }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
