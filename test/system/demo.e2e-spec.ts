import type { ChildProcess } from 'node:child_process';
import { expectScenarioOutcome, runDemo, skipBacklog, startStack, stop } from './demo-harness';

// `npm run demo` against the real broker and a throwaway PostgreSQL database (the e2e tier's),
// on a stack started with `npm start`, run twice: a re-run makes new cases of its own.
const PORTS = { INGEST_PORT: '3210', CORRELATION_PORT: '3211', NOTIFICATION_PORT: '3212', OPS_PORT: '3213' };

describe('npm run demo (PostgreSQL)', () => {
  const env = { ...process.env, ...PORTS, NOTIFICATION_URL: 'http://127.0.0.1:3212', LOG_LEVEL: 'warn' };
  let stack: { child: ChildProcess; output: () => string };

  beforeAll(async () => {
    await skipBacklog();
    stack = await startStack(env);
  }, 150000);

  afterAll(async () => {
    if (stack) await stop(stack.child);
  }, 60000);

  it('links the three storylines across the border, alerts both liaison offices and can run again', async () => {
    const first = await runDemo(env);
    const s1 = expectScenarioOutcome(first);
    expect(first.output).toMatch(/already running \(ports 3210, 3211, 3212, 3213\): using them/);
    expect(s1.dashboard).toBe('http://127.0.0.1:3213/');
    // ABP asked ANF for the driver behind the link: ANF released the names and kept the phones;
    // both sides read the same ledger entries, and ABP got the signed request.decided webhook.
    const rfi = s1.request!;
    expect(rfi).toMatchObject({ status: 'PARTLY_APPROVED', approved: ['persons[].name'], webhook: true });
    expect(rfi.released.length).toBeGreaterThan(0);
    expect(rfi.released.map((f) => f.path)).toEqual(
      rfi.released.map(() => expect.stringMatching(/^persons\[\d+\]\.name$/)),
    );
    // One entry per release, naming every channel that carried it (the API and the webhook).
    expect(rfi.ledgerEntries.requester).toBeGreaterThanOrEqual(1);
    expect(rfi.ledgerEntries.channels).toEqual(['API', 'WEBHOOK']);
    expect(rfi.ledgerEntries.owner).toBe(rfi.ledgerEntries.requester);

    const second = await runDemo(env);
    const s2 = expectScenarioOutcome(second);
    expect(s2.runTag).not.toBe(s1.runTag);
    const before = new Set(Object.values(s1.stories).flatMap((s) => s.members ?? []));
    expect(
      Object.values(s2.stories)
        .flatMap((s) => s.members ?? [])
        .filter((m) => before.has(m)),
    ).toEqual([]);
    // The services kept running; the demo only removed its own webhook subscriptions.
    expect(stack.child.exitCode).toBeNull();
  }, 240000);
});
