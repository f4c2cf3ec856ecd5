import { createHash } from 'node:crypto';
import { applyDecorators, Get, Header } from '@nestjs/common';

/** A page served as one document: its inline style and script, and the policy that allows only them. */
export interface SelfContainedPage {
  html: string;
  /**
   * Content-Security-Policy of the page: only its own inline script and style (by hash), API
   * calls to the same origin, nothing else.
   */
  csp: string;
}

/** The colours both pages share, held to WCAG 2.1 AA contrast by each page's palette spec. */
export const BASE_PALETTE = {
  text: '#1f2328',
  muted: '#57606a',
  page: '#f6f8fa',
  panel: '#ffffff',
  line: '#d0d7de',
  headerText: '#ffffff',
  selected: '#ddf4ff',
  focus: '#0969da',
  link: '#0969da',
  ok: '#1a7f37',
  err: '#cf222e',
  badgeText: '#ffffff',
} as const;

type FramePalette = typeof BASE_PALETTE & { header: string; headerMeta: string };

// The frame of both pages: header, panels, buttons, sign-in box, skip link; a page's own style follows it.
const frameStyle = (C: FramePalette): string => `
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: ${C.text}; background: ${C.page}; }
header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: ${C.header}; color: ${C.headerText}; }
header h1 { font-size: 16px; margin: 0; flex: 1; }
header .meta { font-size: 12px; color: ${C.headerMeta}; }
button { font: inherit; color: ${C.text}; padding: 4px 12px; border-radius: 6px; border: 1px solid ${C.muted}; background: ${C.panel}; cursor: pointer; }
button.danger { border-color: ${C.err}; color: ${C.err}; }
:focus-visible { outline: 3px solid ${C.focus}; outline-offset: 2px; }
main { padding: 16px 20px; display: grid; gap: 16px; }
section { background: ${C.panel}; border: 1px solid ${C.line}; border-radius: 8px; padding: 12px 16px; min-width: 0; }
section.wide { grid-column: 1 / -1; }
.muted { color: ${C.muted}; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: ${C.badgeText}; font-weight: 600; font-size: 12px; }
#signin { margin: 80px auto; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: ${C.panel}; padding: 4px 8px; z-index: 2; }
[hidden] { display: none !important; }
`;

// The helpers both scripts use: $ by id, el to build elements, send to call the API with the key.
const frameScript = (storageKey: string): string => `
  var KEY = ${JSON.stringify(storageKey)};
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else if (k === 'class') e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function send(method, path, body) {
    var headers = { authorization: 'Bearer ' + sessionStorage.getItem(KEY), accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }
`;

/**
 * Builds a page that downloads nothing (the ops dashboard and the liaison desk): the shared frame's
 * style and script helpers, then the page's own; its key is kept in sessionStorage under `storageKey`.
 */
export function selfContainedPage(parts: {
  title: string;
  palette: FramePalette;
  storageKey: string;
  style: string;
  body: string;
  script: string;
}): SelfContainedPage {
  const style = frameStyle(parts.palette) + parts.style;
  const script = `\n(function () {\n  'use strict';${frameScript(parts.storageKey)}${parts.script}})();\n`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${style}</style></head>
<body>${parts.body}<script>${script}</script></body></html>
`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

/** GET route of a page: its CSP, and headers that keep it out of caches, sniffing and referrers. */
export function ServePage(page: SelfContainedPage, path?: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    Header('content-type', 'text/html; charset=utf-8'),
    Header('content-security-policy', page.csp),
    Header('cache-control', 'no-store'),
    Header('x-content-type-options', 'nosniff'),
    Header('referrer-policy', 'no-referrer'),
  );
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
