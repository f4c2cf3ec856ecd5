import { createHash } from 'node:crypto';

/** A page served as one document: its inline style and script, and the policy that allows only them. */
export interface SelfContainedPage {
  html: string;
  /**
   * Content-Security-Policy of the page: only its own inline script and style (by hash), API
   * calls to the same origin, nothing else.
   */
  csp: string;
}

/** Builds a page that downloads nothing (the ops dashboard and the liaison desk). */
export function selfContainedPage(parts: {
  title: string;
  style: string;
  body: string;
  script: string;
}): SelfContainedPage {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${parts.title}</title>
<style>${parts.style}</style></head>
<body>${parts.body}<script>${parts.script}</script></body></html>
`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(parts.script)}`,
    `style-src ${sha256(parts.style)}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
