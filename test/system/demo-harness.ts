import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { eventually, moveGroupToEnd, testKafka } from '@app/testing';
import { correlationService } from '../../apps/correlation/src/correlation.service-definition';
import { notificationService } from '../../apps/notification/src/notification.service-definition';
import type { Summary } from '../../scripts/demo';

export const ROOT = path.join(__dirname, '..', '..');

/** The --json summary of scripts/demo.ts. */
export type DemoSummary = Summary;

export interface DemoRun {
  code: number | null;
  output: string;
  summary: DemoSummary | null;
}

/** Runs `npm run demo` (scripts/demo.ts through @swc-node/register, as package.json does) and collects what it printed. */
export function runDemo(env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<DemoRun> {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'demo-')), 'summary.json');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'scripts/demo.ts', '--no-build', '--json', json, ...extraArgs],
    { cwd: ROOT, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      const summary = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as DemoSummary) : null;
      resolve({ code, output, summary });
    });
  });
}

/** Starts scripts/start.js and resolves once it says all four services are ready (fails if it stops or says NOT ready). */
export async function startStack(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js'), '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const ready = () => /all four services are ready/.test(output);
  await eventually(() => ready() || child.exitCode !== null || /NOT ready/.test(output), {
    timeoutMs: 140_000,
    intervalMs: 250,
    what: 'the stack to come up',
  });
  if (!ready()) throw new Error(`the stack did not come up:\n${output.slice(-3000)}`);
  return { child, output: () => output };
}

/** SIGTERM and wait for the exit code. */
export function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Checks what every run of the scenario must show, whatever the database. */
export function expectScenarioOutcome(run: DemoRun): DemoSummary {
  if (run.code !== 0 || !run.summary)
    throw new Error(`the demo failed (exit ${run.code}):\n${run.output.slice(-4000)}`);
  const s = run.summary;
  expect(s.ok).toBe(true);
  // The Torkham heroin ring: ABP's, CNPA's and ANF's cases in one cross-border case, the ABP–ANF link
  // made on the plate written in Persian digits vs Latin and the phone written locally vs E.164.
  const heroin = s.stories.heroin;
  expect(heroin).toMatchObject({ linked: true, crossBorder: true, countries: ['AF', 'PK'] });
  expect(heroin.members!.map((m) => m.split(':')[0]).sort()).toEqual(['AF-ABP', 'AF-CNPA', 'PK-ANF']);
  const abpAnf = heroin.links!.find((l) => l.agencyCases.some((c) => c.startsWith('AF-ABP')));
  expect(abpAnf?.features).toEqual(expect.arrayContaining(['PLATE', 'PHONE', 'PERSON_NAME_DOB']));
  expect(s.stories.precursor).toMatchObject({ linked: true, crossBorder: true });
  expect(s.stories.precursor.links![0].features).toEqual(
    expect.arrayContaining(['CONTAINER', 'ROUTE_WAYPOINT']),
  );
  expect(s.stories.migrants).toMatchObject({ linked: true, crossBorder: true });
  expect(s.stories.migrants.links![0].features).toContain('DOCUMENT');
  expect(s.noise.linked).toEqual([]);
  expect(s.duplicate.status).toBe(200);

  // PK-ANF's liaison office: ABP's case with only what matched (narrative, names withheld); CNPA's in full.
  const anf = s.alerts['PK-ANF'];
  const fromAbp = anf.find((a) => a.counterpart === 'AF-ABP');
  expect(fromAbp).toBeDefined();
  expect(fromAbp!.cases[0].withheld).toEqual(expect.arrayContaining(['narrative', 'persons[].name']));
  const fromCnpa = anf.find((a) => a.counterpart === 'AF-CNPA');
  expect(fromCnpa?.cases[0].withheld).toEqual([]);
  // AF-ABP's: FIA's migrant case says only that a protected person matched; nobody is disclosed.
  const fromFia = s.alerts['AF-ABP'].find(
    (a) => a.counterpart === 'PK-FIA' && a.features.includes('DOCUMENT'),
  );
  expect(fromFia).toMatchObject({ protectedPersonMatched: true, severity: 'HIGH' });
  expect(fromFia!.cases[0].personsShown).toEqual([]);
  expect(fromFia!.cases[0].personsNotShown).toEqual(expect.arrayContaining(['SMUGGLED_MIGRANT', 'VICTIM']));
  for (const a of [...anf, ...s.alerts['AF-ABP']]) expect(a.verified).toBe(true);
  expect(s.inboxes['AF-ACD']).toBeGreaterThanOrEqual(1);
  expect(s.inboxes['PK-CUS']).toBeGreaterThanOrEqual(1);

  // What a person reads.
  expect(run.output).toMatch(/Cross-border cases/);
  expect(run.output).toMatch(/plate "[A-Z]{3} [۰-۹]{4}" \(Persian digits\)/);
  expect(run.output).toMatch(/withheld:/);
  expect(run.output).toMatch(/not disclosed: .*SMUGGLED_MIGRANT \(protected person\)/);
  expect(run.output).toMatch(/sign in with the operator key:\n\s+bik_[0-9a-f]{16}_/);
  return s;
}

/**
 * The demo's stack runs the services under their real consumer groups, which start at the
 * beginning of the topics. On this tier's broker the topics already hold every record the
 * integration specs produced (links whose reports were never published among them), which
 * the demo would otherwise have to work through first: start those groups at the end.
 */
export async function skipBacklog(): Promise<void> {
  const kafka = testKafka('demo-e2e');
  for (const def of [correlationService, notificationService]) {
    await moveGroupToEnd(kafka, def.consumerGroup!, def.consumedTopics!);
  }
}
