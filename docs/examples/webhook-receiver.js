#!/usr/bin/env node
// A minimal webhook receiver for border-intel alerts: plain Node, no framework, no dependency.
// It verifies each request exactly as docs/contract.md#webhooks says (Standard Webhooks):
//   signed content  = "{webhook-id}.{webhook-timestamp}.{raw body}"
//   key             = the bytes of the base64 after "whsec_" in the subscription's secret
//   webhook-signature = "v1,<base64 HMAC-SHA256>" (a space-separated list during a rotation)
// rejects timestamps more than 5 minutes off, and drops duplicates by webhook-id.
//
//   WEBHOOK_SECRET=whsec_... node docs/examples/webhook-receiver.js      # listens on 127.0.0.1:4000
//
// Subscribe it with docs/examples/curl/subscriptions.sh (WEBHOOK_URL=http://127.0.0.1:4000/webhooks).
// In production keep the seen ids in your database (the same delivery is retried with the same
// webhook-id until it gets a 2xx), and answer 2xx quickly: do the work after answering.
'use strict';
const { createHmac, timingSafeEqual } = require('node:crypto');
const http = require('node:http');

const TOLERANCE_SECONDS = 5 * 60;

/** The HMAC key of a `whsec_<base64>` secret. */
function secretKey(secret) {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
    throw new TypeError('the secret is not whsec_ followed by base64');
  return Buffer.from(encoded, 'base64');
}

/**
 * Verifies one request. `rawBody` is the body exactly as received (a string or Buffer: never
 * re-serialised JSON), `headers` Node's lower-cased request headers. Returns null when the request
 * is authentic, else the reason it is not.
 */
function verifyWebhook(secret, rawBody, headers, nowSeconds = Math.floor(Date.now() / 1000)) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return 'missing webhook-id, webhook-timestamp or webhook-signature';
  if (!/^\d+$/.test(timestamp)) return 'webhook-timestamp is not unix seconds';
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS)
    return 'webhook-timestamp more than 5 minutes off';
  const expected = Buffer.from(
    createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.`).update(rawBody).digest('base64'),
  );
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || signature === undefined) continue;
    const received = Buffer.from(signature);
    if (received.length === expected.length && timingSafeEqual(received, expected)) return null;
  }
  return 'no matching v1 signature';
}

/** A server that verifies, drops duplicates and hands each alert to `onAlert`. */
function createReceiver(secret, onAlert) {
  const seen = new Set();
  return http.createServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const problem = verifyWebhook(secret, raw, req.headers);
      if (problem) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end(problem);
        return;
      }
      const id = req.headers['webhook-id'];
      res.writeHead(204).end(); // answer first: a slow answer is retried
      if (seen.has(id)) return; // a retry or replay of a delivery already handled
      seen.add(id);
      const event = JSON.parse(raw.toString('utf8')); // { type: 'alert.issued', timestamp, data }
      onAlert(event.data, id);
    });
  });
}

module.exports = { verifyWebhook, createReceiver };

if (require.main === module) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) {
    console.error('Set WEBHOOK_SECRET to the secret (whsec_...) POST /v1/subscriptions answered.');
    process.exit(1);
  }
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 4000);
  createReceiver(secret, (alert, id) =>
    console.log(`${id} ${alert.kind} ${alert.severity} ${alert.alertId}: ${alert.summary}`),
  ).listen(port, host, () => console.log(`webhook receiver on http://${host}:${port}/webhooks`));
}
