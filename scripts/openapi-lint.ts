// Lints docs/openapi/*.json with Redocly's `recommended` rules (offline: the documents have no
// external references). Every problem fails, warnings included, as `npm run lint` does.
// Usage: npm run lint:api. Run by scripts/openapi.spec.ts in the unit tier; a plain node
// process, because @redocly/openapi-core is an ES module that jest cannot load.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createConfig, lint } from '@redocly/openapi-core';

const DIR = path.join(__dirname, '..', 'docs', 'openapi');

/** Problems of every document, one line each (`file: severity rule: message at pointer`). */
export async function lintOpenApiDocuments(dir = DIR): Promise<string[]> {
  // The health and metrics routes answer no 4xx; that every API route lists its problem answers is
  // asserted by scripts/openapi.spec.ts instead.
  const config = await createConfig({
    extends: ['recommended'],
    rules: { 'operation-4xx-response': 'off' },
  });
  const lines: string[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) lines.push(`${dir}: no OpenAPI documents`);
  for (const file of files) {
    const problems = await lint({ ref: path.join(dir, file), config });
    for (const p of problems) {
      const where = p.location.map((l) => l.pointer).join(', ');
      lines.push(`${file}: ${p.severity} ${p.ruleId}: ${p.message} at ${where}`);
    }
  }
  return lines;
}

if (require.main === module) {
  lintOpenApiDocuments().then(
    (lines) => {
      for (const l of lines) process.stderr.write(`${l}\n`);
      process.stdout.write(lines.length === 0 ? 'OpenAPI documents: no problems\n' : '');
      process.exitCode = lines.length === 0 ? 0 : 1;
    },
    (e: unknown) => {
      process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
