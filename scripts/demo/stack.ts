// Finds the running stack, or brings it up with scripts/start.js (and stops it again).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

export interface Ports {
  ingest: number;
  correlation: number;
  notification: number;
  ops: number;
}

/** The services' ports, from the same variables start.js reads. */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): Ports {
  return {
    ingest: Number(env.INGEST_PORT ?? 3000),
    correlation: Number(env.CORRELATION_PORT ?? 3001),
    notification: Number(env.NOTIFICATION_PORT ?? 3002),
    ops: Number(env.OPS_PORT ?? 3003),
  };
}

/** Which services answer /health/ready with 200. */
export async function readiness(ports: Ports): Promise<boolean[]> {
  return Promise.all(
    Object.values(ports).map(async (port: number) => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`, {
          signal: AbortSignal.timeout(3000),
        });
        return res.status === 200;
      } catch {
        return false;
      }
    }),
  );
}

/** Whether anything listens on the port (a service that is up but not ready counts). */
export async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** The last lines of a log file, for an error message. */
function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** A stack this demo started: start.js and its log. */
export interface StartedStack {
  child: ChildProcess;
  logFile: string;
  stop(): Promise<number | null>;
}

/**
 * Runs scripts/start.js until all four services are ready, showing its progress lines (`[start] …`);
 * every line (the services' logs too) goes to `logFile`.
 */
export function startStack(opts: {
  noBuild: boolean;
  logFile: string;
  env: NodeJS.ProcessEnv;
  progress: (line: string) => void;
}): Promise<StartedStack> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.createWriteStream(opts.logFile, { flags: 'a' });
  const args = [path.join(ROOT, 'scripts', 'start.js'), ...(opts.noBuild ? ['--no-build'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): Promise<number | null> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => {
        log.end();
        resolve(code);
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let settled = false;
    let buf = '';
    const onLine = (raw: string) => {
      const line = raw.replace(ANSI, '');
      log.write(`${line}\n`);
      if (!line.startsWith('[start]')) return;
      if (!settled) opts.progress(line.slice('[start] '.length));
      if (!settled && /all four services are ready/.test(line)) {
        settled = true;
        resolve({ child, logFile: opts.logFile, stop });
      } else if (!settled && /NOT ready|did not come up/.test(line)) {
        settled = true;
        void stop().then(() =>
          reject(new Error(`the stack did not come up; the end of ${opts.logFile}:\n${tail(opts.logFile)}`)),
        );
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
    }
    child.once('exit', (code, signal) => {
      if (!settled) {
        settled = true;
        // Let the stream flush the last lines first.
        setTimeout(
          () =>
            reject(
              new Error(
                `scripts/start.js exited (${signal ?? code}) before the stack was ready; the end of ${opts.logFile}:\n${tail(opts.logFile)}`,
              ),
            ),
          200,
        );
      }
    });
  });
}
