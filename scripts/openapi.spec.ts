import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openApiDocuments, OPENAPI_DIR, SERVICES } from './openapi';

// Creating four Nest applications and the TypeScript program of the answer types takes a while.
jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..');

type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>> };

function read(service: string): Doc {
  return JSON.parse(fs.readFileSync(path.join(ROOT, OPENAPI_DIR, `${service}.json`), 'utf8')) as Doc;
}

function operations(doc: Doc): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, op]): [string, Operation] => [
      `${method.toUpperCase()} ${route}`,
      op,
    ]),
  );
}

describe('docs/openapi/*.json', () => {
  it('are what `npm run openapi` generates from the services', async () => {
    const stale: string[] = [];
    for (const [file, wanted] of await openApiDocuments()) {
      const full = path.join(ROOT, file);
      const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
      if (current !== wanted) stale.push(`${file} is out of date: run \`npm run openapi\``);
    }
    expect(stale).toEqual([]);
  });

  it('pass the Redocly lint (npm run lint:api) without a problem', () => {
    // A separate process: @redocly/openapi-core is an ES module, which jest cannot load.
    // Through the npm script, so it runs the way `npm run lint:api` does.
    const out = execFileSync('npm', ['run', '-s', 'lint:api'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toContain('no problems');
  });

  it.each(SERVICES.map((s) => s.def.name))(
    '%s: every API route has its answer schema and problem+json answers',
    (service) => {
      for (const [key, op] of operations(read(service))) {
        if (!key.includes(' /v1/')) continue;
        const success = Object.entries(op.responses).filter(([s]) => Number(s) < 300);
        expect([key, success.length > 0]).toEqual([key, true]);
        for (const [status, response] of success) {
          if (status !== '204') expect([key, Object.keys(response.content ?? {})]).not.toEqual([key, []]);
        }
        const problems = Object.entries(op.responses).filter(([s]) => Number(s) >= 400);
        expect([key, problems.map(([s]) => s)]).toEqual([key, expect.arrayContaining(['401', '403', '500'])]);
        for (const [, response] of problems) {
          expect([key, Object.keys(response.content ?? {})]).toEqual([key, ['application/problem+json']]);
        }
        if (op.requestBody) {
          expect([key, problems.map(([s]) => s)]).toEqual([
            key,
            expect.arrayContaining(['400', '413', '415']),
          ]);
        }
      }
    },
  );

  it.each([
    ['correlation', 'POST /v1/prechecks', [], true],
    ['correlation', 'GET /v1/cases', ['agencyId', 'crossBorder', 'since', 'cursor', 'limit'], false],
    ['notification', 'POST /v1/subscriptions', [], true],
    ['notification', 'POST /v1/alerts/{alertId}/ack', ['alertId'], true],
    ['notification', 'GET /v1/alerts', ['status', 'severity', 'cursor', 'limit'], false],
    ['notification', 'GET /v1/alerts/stream', ['Last-Event-ID', 'lastEventId'], false],
    ['notification', 'GET /v1/deliveries', ['status', 'cursor', 'limit'], false],
    ['ingest-gateway', 'POST /v1/seizures', [], true],
    ['ops-monitor', 'POST /v1/dlq/{topic}/replay', ['topic'], true],
  ] as const)('%s: %s documents its parameters %p and its body', (service, key, parameters, body) => {
    const op = operations(read(service)).find(([k]) => k === key)?.[1];
    expect(op).toBeDefined();
    expect((op?.parameters ?? []).map((p) => p.name).sort()).toEqual([...parameters].sort());
    expect(op?.requestBody !== undefined).toBe(body);
  });
});
