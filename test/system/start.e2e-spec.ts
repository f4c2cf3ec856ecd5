import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { eventually } from '@app/testing';

// `npm start` as a newcomer runs it: the four services come up against the real broker and
// database, answer /health/ready, and stop cleanly (exit 0) on SIGTERM.
const ROOT = path.join(__dirname, '..', '..');
const PORTS = { INGEST_PORT: 3100, CORRELATION_PORT: 3101, NOTIFICATION_PORT: 3102, OPS_PORT: 3103 };

describe('npm start', () => {
  let child: ChildProcess;
  let output = '';

  beforeAll(() => {
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--no-build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...Object.fromEntries(Object.entries(PORTS).map(([k, v]) => [k, String(v)])),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('brings up the four services, each ready with what it needs up (the gateway: the database only)', async () => {
    for (const [name, port] of Object.entries(PORTS)) {
      // Until it answers 200 (a refused connection: not listening yet).
      const r = await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
          const answer = { status: res.status, body: (await res.json()) as Record<string, unknown> };
          if (answer.status !== 200) throw new Error(`answered ${JSON.stringify(answer)}`);
          return answer;
        },
        { timeoutMs: 90000, intervalMs: 500, what: `port ${port} ready` },
      );
      // The gateway is ready while it can store, whatever Kafka does (docs/operating.md#health).
      const needs = name === 'INGEST_PORT' ? ['database'] : ['database', 'kafka'];
      const checks = r.body.checks as Record<string, { status: string }>;
      expect({ port, status: r.status, ready: r.body.status, checks: Object.keys(checks).sort() }).toEqual({
        port,
        status: 200,
        ready: 'ok',
        checks: needs,
      });
      for (const check of needs)
        expect({ port, check, status: checks[check].status }).toEqual({ port, check, status: 'up' });
    }
    const metrics = await (await fetch(`http://127.0.0.1:${PORTS.CORRELATION_PORT}/metrics`)).text();
    expect(metrics).toContain('process_cpu_seconds_total');
    expect(metrics).toContain('service="correlation"');
    const live = await fetch(`http://127.0.0.1:${PORTS.OPS_PORT}/health/live`);
    expect(live.status).toBe(200);
  });

  it('reports readable progress and stops everything on SIGTERM with exit code 0', async () => {
    // start.js polls readiness on its own; give it a moment to say so.
    await eventually(() => expect(output).toMatch(/all four services are ready/), {
      timeoutMs: 10000,
      intervalMs: 250,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    expect(output).toMatch(/stopped\./);
    for (const port of Object.values(PORTS)) {
      await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    }
    // every service logged its graceful shutdown and none crashed
    expect(output).not.toMatch(/exited \(/);
  });
});
