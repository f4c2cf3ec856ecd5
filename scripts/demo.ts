// `npm run demo`: the whole system on one scenario, end to end.
//   1. brings the stack up if it is not running (scripts/start.js: embedded PostgreSQL when
//      DATABASE_URL is unset, the local Kafka broker when KAFKA_BROKERS is unset);
//   2. provisions the six demo agencies and their API keys (libs/identity, as `intelctl` does);
//      the sharing policy is deploy/policy/sharing-policy.json, which the services load;
//   3. starts a webhook receiver for two liaison offices and subscribes them (notification API);
//   4. publishes the scenario through the ingest gateway's HTTP API (scripts/demo/scenario.ts);
//   5. prints the cross-border cases with their reasons (correlation's case API) and the alerts
//      each liaison office received, with what the sharing policy withheld;
//   6. prints the dashboard address and the operator key to sign in with.
// Options: --keep (leave the stack and the receiver running until Ctrl-C), --no-build,
// --seed N (reproduce a run's identifiers), --json FILE (machine-readable summary), --bodies (print
// each webhook body as received),
// --timeout S (how long to wait for cases and alerts, default 120).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IdentityStore } from '@app/identity';
import { LiaisonReceiver, DEMO_WEBHOOK_PATH, type ReceivedAlert } from './demo/liaison-receiver';
import { describePersons, disclosureOf, groupFields, personFieldsWithheld, wrap } from './demo/present';
import { buildScenario, caseRefOf, STORIES, type DemoReport, type StoryKey } from './demo/scenario';
import { listening, portsFromEnv, readiness, ROOT, startStack, type StartedStack } from './demo/stack';

/** Loopback, where the demo's webhook receivers listen (WEBHOOK_ALLOWED_NETWORKS). */
const LOOPBACK_NETWORKS = '127.0.0.0/8,::1/128';

const AGENCIES = ['AF-CNPA', 'AF-ABP', 'AF-ACD', 'PK-ANF', 'PK-FIA', 'PK-CUS'];
/** The two liaison offices with a webhook endpoint. */
const OFFICES = ['AF-ABP', 'PK-ANF'];
const EMBEDDED_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 55432);

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const c = (code: string, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s: string) => c('1', s);
const dim = (s: string) => c('2', s);
const green = (s: string) => c('32', s);
const red = (s: string) => c('31', s);
const out = (s = '') => process.stdout.write(`${s}\n`);
const step = (n: number, s: string) => out(`\n${bold(`${n}. ${s}`)}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ports = portsFromEnv();
const base = {
  ingest: `http://127.0.0.1:${ports.ingest}`,
  correlation: `http://127.0.0.1:${ports.correlation}`,
  notification: `http://127.0.0.1:${ports.notification}`,
  ops: `http://127.0.0.1:${ports.ops}`,
};

async function api<T>(
  method: string,
  url: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

interface CaseView {
  clusterId: string;
  members: { agencyId: string; agencyCaseRef?: string; routeRef?: string; kind: string; tlp: string }[];
  links: {
    linkId: string;
    agencyCases: [string, string];
    score: number;
    reasons: { feature: string; weight: number; detail: string }[];
    crossBorder: boolean;
    weak: boolean;
  }[];
  countries: string[];
  crossBorder: boolean;
  cappedValues: unknown[];
}

interface Keys {
  publisher: Record<string, string>;
  liaison: Record<string, string>;
  operator: string;
}

/** What the run found, for --json and the e2e test (test/system/demo-harness.ts). */
export interface Summary {
  runTag: string;
  database: string;
  stories: Record<
    string,
    {
      title: string;
      linked: boolean;
      clusterId?: string;
      crossBorder?: boolean;
      countries?: string[];
      members?: string[];
      links?: { agencyCases: [string, string]; score: number; features: string[]; details: string[] }[];
    }
  >;
  noise: { reports: number; linked: string[] };
  duplicate: { status: number };
  alerts: Record<
    string,
    {
      alertId: string;
      severity: string;
      summary: string;
      counterpart: string;
      features: string[];
      protectedPersonMatched: boolean;
      verified: boolean;
      cases: { agencyId: string; withheld: string[]; personsShown: string[]; personsNotShown: string[] }[];
    }[]
  >;
  inboxes: Record<string, number>;
  /** ABP's request for information to ANF about the heroin ring (docs/desk.md), and what it released. */
  request?: {
    requestId: string;
    fields: string[];
    approved: string[];
    status: string;
    released: { path: string; value: unknown }[];
    ledgerEntries: { requester: number; owner: number; channels: string[] };
    webhook: boolean;
  };
  dashboard: string;
  ok: boolean;
}

async function ensureStack(): Promise<StartedStack | null> {
  const ready = await readiness(ports);
  if (ready.every(Boolean)) {
    out(`   the four services are already running (ports ${Object.values(ports).join(', ')}): using them`);
    return null;
  }
  const up = await Promise.all(Object.values(ports).map(listening));
  if (up.some(Boolean)) {
    throw new Error(
      `some services answer on ports ${Object.values(ports).join(', ')} but not all are ready: stop them, or wait and run the demo again`,
    );
  }
  const logFile = path.join(ROOT, '.data', 'demo-stack.log');
  out(`   not running: starting it with scripts/start.js (service logs: ${path.relative(ROOT, logFile)})`);
  const t0 = Date.now();
  const stack = await startStack({
    noBuild: flag('--no-build'),
    logFile,
    // The liaison offices' receivers listen on loopback over http: allowlist loopback for webhooks
    // explicitly (docs/security.md#webhooks); a real deployment allowlists nothing.
    env: { WEBHOOK_ALLOWED_NETWORKS: LOOPBACK_NETWORKS, ...process.env },
    progress: (line) => out(dim(`   │ ${line}`)),
  });
  out(`   stack up in ${Math.round((Date.now() - t0) / 1000)} s`);
  return stack;
}

async function provision(databaseUrl: string, runTag: string): Promise<Keys> {
  const store = await IdentityStore.open(databaseUrl, 2);
  try {
    const added = await store.importAgencies(path.join(ROOT, 'deploy', 'seed', 'agencies.json'));
    const agencies = await store.listAgencies();
    for (const id of AGENCIES) {
      const a = agencies.find((x) => x.id === id);
      if (!a) throw new Error(`agency ${id} is missing after importing deploy/seed/agencies.json`);
      out(`   ${id.padEnd(8)} ${a.name}${added.includes(id) ? ' (added)' : ''}`);
    }
    const keys: Keys = { publisher: {}, liaison: {}, operator: '' };
    for (const id of AGENCIES) {
      keys.publisher[id] = (
        await store.createKey({ role: 'publisher', agencyId: id, label: `demo ${runTag}` })
      ).key;
      keys.liaison[id] = (
        await store.createKey({ role: 'liaison', agencyId: id, label: `demo ${runTag}` })
      ).key;
    }
    keys.operator = (await store.createKey({ role: 'operator', label: `demo ${runTag} dashboard` })).key;
    out(
      `   keys: a publisher and a liaison key per agency and one operator key, labelled "demo ${runTag}"` +
        dim(
          `\n   (the same as: npx intelctl keys create --agency PK-ANF --role publisher --label "demo ${runTag}")`,
        ),
    );
    return keys;
  } finally {
    await store.close();
  }
}

async function subscribe(receiver: LiaisonReceiver, keys: Keys): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const office of OFFICES) {
    const key = keys.liaison[office];
    const existing = await api<{ id: string; url: string }[] | { items: { id: string; url: string }[] }>(
      'GET',
      `${base.notification}/v1/subscriptions`,
      key,
    );
    const list = Array.isArray(existing.body) ? existing.body : (existing.body?.items ?? []);
    for (const s of list.filter((x) => x.url.includes(DEMO_WEBHOOK_PATH))) {
      await api('DELETE', `${base.notification}/v1/subscriptions/${s.id}`, key);
    }
    const created = await api<{ id: string; secret: string }>(
      'POST',
      `${base.notification}/v1/subscriptions`,
      key,
      {
        url: receiver.urlFor(office),
      },
    );
    if (created.status !== 201)
      throw new Error(`subscribing ${office}: ${created.status} ${JSON.stringify(created.body)}`);
    receiver.setSecret(office, created.body.secret);
    ids.set(office, created.body.id);
    out(
      `   ${office.padEnd(8)} → ${receiver.urlFor(office)}  (secret ${created.body.secret.slice(0, 10)}…, shown once)`,
    );
  }
  return ids;
}

async function publish(reports: DemoReport[], keys: Keys): Promise<void> {
  let story = '';
  for (const r of reports) {
    if (r.story !== story) {
      story = r.story;
      out(`   ${bold(story === 'noise' ? 'Unrelated cases (noise)' : STORIES[story as StoryKey].title)}`);
    }
    const url = `${base.ingest}/v1/${r.kind === 'seizure' ? 'seizures' : 'routes'}`;
    const res = await api<{ eventId: string; status: string }>(
      'POST',
      url,
      keys.publisher[r.body.agencyId],
      r.body,
    );
    if (res.status !== 202)
      throw new Error(`${r.body.agencyId} ${caseRefOf(r)}: ${res.status} ${JSON.stringify(res.body)}`);
    out(`   ${r.body.agencyId.padEnd(8)} ${r.kind.padEnd(7)} ${caseRefOf(r).padEnd(20)} ${r.headline}`);
    if (r.writtenAs) out(dim(`   ${' '.repeat(37)}writes ${r.writtenAs}`));
  }
}

type ByEvent = CaseView | { linked: false };

async function waitForCases(
  reports: DemoReport[],
  keys: Keys,
  deadline: number,
): Promise<{ stories: Map<string, CaseView | null>; noiseLinked: string[] }> {
  const stories = new Map<string, CaseView | null>();
  const storyKeys = Object.keys(STORIES) as StoryKey[];
  let noiseLinked: string[] = [];
  let lastNote = 0;
  for (;;) {
    const found = new Map<string, ByEvent | null>();
    for (const r of reports) {
      const res = await api<ByEvent>(
        'GET',
        `${base.correlation}/v1/cases/by-event/${r.body.eventId}`,
        keys.operator,
      );
      found.set(r.body.eventId, res.status === 200 ? res.body : null);
    }
    let complete = true;
    for (const s of storyKeys) {
      const mine = reports.filter((r) => r.story === s);
      const views = mine.map((r) => found.get(r.body.eventId));
      const ids = new Set(views.map((v) => (v && 'clusterId' in v ? v.clusterId : null)));
      const one = ids.size === 1 && !ids.has(null) ? (views[0] as CaseView) : null;
      const refs = new Set(one?.members.map((m) => `${m.agencyId}:${m.agencyCaseRef ?? m.routeRef}`) ?? []);
      const all = one !== null && mine.every((r) => refs.has(`${r.body.agencyId}:${caseRefOf(r)}`));
      stories.set(s, all ? one : null);
      if (!all) complete = false;
    }
    const noise = reports.filter((r) => r.story === 'noise');
    const noiseSeen = noise.filter((r) => found.get(r.body.eventId) !== null);
    noiseLinked = noise
      .filter((r) => {
        const v = found.get(r.body.eventId);
        return v && 'clusterId' in v;
      })
      .map(caseRefOf);
    if (noiseSeen.length < noise.length) complete = false;
    if (complete || Date.now() > deadline) return { stories, noiseLinked };
    if (Date.now() - lastNote > 10000) {
      lastNote = Date.now();
      const done = storyKeys.filter((s) => stories.get(s)).length;
      out(dim(`   … ${done} of ${storyKeys.length} storylines linked so far, waiting`));
    }
    await sleep(1000);
  }
}

function printCase(title: string, view: CaseView): void {
  out(`   ${bold(title)}  ${dim(`case ${view.clusterId}`)}`);
  out(
    `   ${view.crossBorder ? green('cross-border') : 'single country'} ${view.countries.join(' + ')}, ${view.members.length} agency cases:`,
  );
  for (const m of view.members) {
    out(
      `     • ${m.agencyId.padEnd(8)} ${m.kind.padEnd(7)} ${(m.agencyCaseRef ?? m.routeRef ?? '').padEnd(20)} TLP:${m.tlp}`,
    );
  }
  for (const l of view.links) {
    out(
      `     ${l.agencyCases[0]} ⟷ ${l.agencyCases[1]}  score ${l.score.toFixed(3)}${l.weak ? ' (weak)' : ''}`,
    );
    for (const r of l.reasons)
      out(`         ${r.feature.padEnd(26)} +${r.weight.toFixed(1)} bits  ${r.detail}`);
  }
}

function printAlert(a: ReceivedAlert, published: Map<string, DemoReport>): Summary['alerts'][string][number] {
  const d = a.body.data as {
    alertId: string;
    severity: string;
    summary: string;
    counterpart: { agencyId: string; agencyCaseRef?: string; liaisonContact?: Record<string, string> };
    shared: {
      tlp: string;
      score: number;
      reasons: { feature: string; detail: string }[];
      protectedPersonMatched: boolean;
      protectedPersonNotice?: string;
      cases: {
        agencyId: string;
        kind: string;
        agencyCaseRef?: string;
        tlp: string;
        reports: Record<string, unknown>[];
      }[];
    };
  };
  const contact = d.counterpart.liaisonContact
    ? Object.values(d.counterpart.liaisonContact).filter(Boolean).join(', ')
    : 'not shared';
  out(`   ${bold(`[${d.severity}]`)} ${wrap(d.summary, 100, 10)}`);
  out(
    `          counterpart ${d.counterpart.agencyId} ${d.counterpart.agencyCaseRef ?? '(reference withheld)'}; contact: ${contact}`,
  );
  for (const r of d.shared.reasons) out(`          reason ${r.feature}: ${r.detail}`);
  if (d.shared.protectedPersonMatched)
    out(`          ${c('33', `protected person: ${d.shared.protectedPersonNotice ?? 'matched'}`)}`);
  if (flag('--bodies')) out(dim(JSON.stringify(a.body, null, 2).replace(/^/gm, '          ')));
  const cases: Summary['alerts'][string][number]['cases'] = [];
  for (const sc of d.shared.cases) {
    for (const rep of sc.reports) {
      const original =
        (typeof rep.eventId === 'string' ? published.get(rep.eventId) : undefined) ??
        [...published.values()].find(
          (p) => p.body.agencyId === sc.agencyId && caseRefOf(p) === sc.agencyCaseRef,
        );
      if (!original) {
        out(`          ${sc.agencyId}'s report: only its TLP marking (${sc.tlp}) is shared`);
        cases.push({
          agencyId: sc.agencyId,
          withheld: ['everything but the TLP marking'],
          personsShown: [],
          personsNotShown: [],
        });
        continue;
      }
      const body = original.body as unknown as Record<string, unknown>;
      const disc = disclosureOf(body, rep);
      const ref = disc.shared.includes('agencyCaseRef') || disc.shared.includes('routeRef');
      out(dim(`          ${sc.agencyId}'s ${sc.kind}, TLP:${sc.tlp}, as this office sees it:`));
      out(
        wrap(
          `            shared:   ${groupFields(disc.shared, body).join(', ') || 'nothing'}${ref ? '' : ' (no case reference)'}`,
          112,
          22,
        ),
      );
      if (disc.partly.length)
        out(wrap(`            only the matched ones of: ${disc.partly.join(', ')}`, 112, 22));
      const personFields = personFieldsWithheld(disc.persons, body);
      const withheld = [...groupFields(disc.withheld, body), ...personFields.map((f) => `persons' ${f}`)];
      out(wrap(`            ${c('33', 'withheld:')} ${withheld.join(', ') || 'nothing'}`, 112, 22));
      const persons = describePersons(disc.persons);
      if (persons) out(wrap(`            persons:  ${persons}`, 112, 22));
      cases.push({
        agencyId: sc.agencyId,
        withheld: [...disc.withheld, ...personFields.map((f) => `persons[].${f}`)],
        personsShown: disc.persons.shown.map((p) => p.role),
        personsNotShown: disc.persons.notShown,
      });
    }
  }
  return {
    alertId: d.alertId,
    severity: d.severity,
    summary: d.summary,
    counterpart: d.counterpart.agencyId,
    features: d.shared.reasons.map((r) => r.feature),
    protectedPersonMatched: d.shared.protectedPersonMatched,
    verified: a.verified,
    cases,
  };
}

interface RequestView {
  requestId: string;
  status: string;
  fields: string[];
  released: { fields: { path: string; value: unknown }[] }[];
  decision: { note: string; approvedFields: string[] } | null;
}

/**
 * ABP's liaison desk asks ANF, from its alert about the heroin ring, for the names and phones the
 * policy withheld; ANF's officer releases the names and keeps the phones; the demo prints what
 * ABP then sees, the ledger entries each side can read, and the signed webhook ABP received.
 */
async function requestForInformation(
  keys: Keys,
  receiver: LiaisonReceiver,
  clusterId: string | undefined,
): Promise<Summary['request'] | null> {
  const abp = keys.liaison['AF-ABP'];
  const anf = keys.liaison['PK-ANF'];
  const alert = receiver.alerts.find(
    (a) =>
      a.agencyId === 'AF-ABP' &&
      a.body.type === 'alert.issued' &&
      a.body.data.clusterId === clusterId &&
      (a.body.data.counterpart as { agencyId?: string } | undefined)?.agencyId === 'PK-ANF',
  );
  if (!alert) {
    out(`   ${red('✗')} ABP received no alert about ANF's case in the heroin ring`);
    return null;
  }
  const alertId = String(alert.body.data.alertId);
  const fields = ['persons[].name', 'persons[].phones[]'];
  const created = await api<RequestView & { detail?: string }>(
    'POST',
    `${base.notification}/v1/alerts/${alertId}/requests`,
    abp,
    {
      fields,
      justification:
        'The truck we stopped at Torkham was seized again in Peshawar; we need the driver to charge him.',
      legalBasis: 'UNTOC-27',
    },
  );
  if (created.status !== 201) {
    out(`   ${red('✗')} the request was refused: ${created.status} ${created.body?.detail ?? ''}`);
    return null;
  }
  out(
    `   ABP → ANF  POST /v1/alerts/${alertId.slice(0, 8)}…/requests  fields ${fields.join(', ')}, legal basis UNTOC-27`,
  );
  const incoming = await api<{ items: RequestView[] }>(
    'GET',
    `${base.notification}/v1/requests?direction=incoming`,
    anf,
  );
  const seen = incoming.body.items.some((r) => r.requestId === created.body.requestId);
  out(`   ANF's desk lists it as incoming: ${seen ? green('✓') : red('✗')}`);
  const approved = ['persons[].name'];
  const decided = await api<RequestView>(
    'POST',
    `${base.notification}/v1/requests/${created.body.requestId}/decision`,
    anf,
    { approvedFields: approved, note: 'Names released; the phones belong to an open operation.' },
  );
  out(`   ANF decides: ${decided.body.status} (${decided.body.decision?.note ?? ''})`);
  const mine = await api<{ items: RequestView[] }>(
    'GET',
    `${base.notification}/v1/alerts/${alertId}/requests`,
    abp,
  );
  const request = mine.body.items.find((r) => r.requestId === created.body.requestId);
  const released = (request?.released ?? []).flatMap((r) => r.fields);
  out(`   what ABP now sees on its alert (GET /v1/alerts/{alertId}/requests):`);
  for (const f of released) out(`     ${f.path.padEnd(22)} ${String(f.value)}`);
  if (released.length === 0) out(`     ${red('nothing')}`);
  out(dim('     (phones withheld: not approved; a victim or smuggled migrant would never be released)'));
  const ledger = async (key: string) =>
    (
      await api<{ items: { channels: string[] }[] }>(
        'GET',
        `${base.notification}/v1/requests/${created.body.requestId}/ledger`,
        key,
      )
    ).body.items;
  const [seenByAbp, seenByAnf] = [await ledger(abp), await ledger(anf)];
  const ledgerEntries = {
    requester: seenByAbp.length,
    owner: seenByAnf.length,
    channels: [...new Set(seenByAbp.flatMap((e) => e.channels))].sort(),
  };
  let webhook = false;
  for (const until = Date.now() + 10000; !webhook && Date.now() < until; await sleep(200)) {
    webhook = receiver.alerts.some(
      (a) =>
        a.body.type === 'request.decided' && a.body.data.requestId === created.body.requestId && a.verified,
    );
  }
  out(
    `   ledger (INFO_RELEASE, who asked, who decided, every value, over ${ledgerEntries.channels.join(' and ')}): ` +
      `${ledgerEntries.requester} entries seen by ABP, ${ledgerEntries.owner} by ANF; ` +
      `signed request.decided webhook to ABP: ${webhook ? green('✓') : red('✗')}`,
  );
  return {
    requestId: created.body.requestId,
    fields,
    approved,
    status: decided.body.status,
    released,
    ledgerEntries,
    webhook,
  };
}

async function main(): Promise<number> {
  const seed =
    option('--seed') !== undefined ? Number(option('--seed')) : Math.floor(Math.random() * 2 ** 31);
  const timeoutMs = Number(option('--timeout') ?? 120) * 1000;
  const { reports, values } = buildScenario({ seed, now: new Date() });
  const databaseUrl = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  const dbLabel = process.env.DATABASE_URL
    ? databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')
    : `embedded PostgreSQL (PGlite, .data/pglite) at ${databaseUrl}`;
  out(
    bold('Border Intel demo') +
      dim(`  run ${values.runTag}, seed ${seed} (--seed ${seed} draws the same identifiers)`),
  );
  out(`database: ${dbLabel}`);

  step(1, 'The stack');
  const stack = await ensureStack();
  let receiver: LiaisonReceiver | null = null;
  let subscriptions = new Map<string, string>();
  let keys: Keys | null = null;
  const cleanup = async () => {
    if (keys) {
      for (const [office, id] of subscriptions) {
        await api('DELETE', `${base.notification}/v1/subscriptions/${id}`, keys.liaison[office]).catch(
          () => undefined,
        );
      }
    }
    subscriptions = new Map();
    await receiver?.stop();
    receiver = null;
    if (stack) {
      out(dim('\nstopping the stack this demo started…'));
      await stack.stop();
    }
  };
  try {
    step(2, 'Agencies, API keys and the sharing policy');
    keys = await provision(databaseUrl, values.runTag);
    out(
      '   sharing policy deploy/policy/sharing-policy.json (loaded by the services): AF ⇄ PK see only the identifiers that\n' +
        '   matched and persons by role; CNPA → ANF share everything; FIA → AF only that a strong match exists and whom to\n' +
        '   call; victims and smuggled migrants are never disclosed to another agency.',
    );

    step(3, 'Webhook receiver for two liaison offices');
    receiver = await LiaisonReceiver.start();
    subscriptions = await subscribe(receiver, keys);

    step(
      4,
      `Publishing ${reports.length} reports through the ingest gateway (${base.ingest}/v1/seizures, /v1/routes)`,
    );
    await publish(reports, keys);
    const first = reports[0];
    const again = await api<{ status: string }>(
      'POST',
      `${base.ingest}/v1/seizures`,
      keys.publisher[first.body.agencyId],
      first.body,
    );
    out(
      dim(
        `   re-sent ${caseRefOf(first)} with the same eventId: ${again.status} (${again.body?.status}), stored once`,
      ),
    );

    step(5, 'Cross-border cases (correlation case API, operator view)');
    const deadline = Date.now() + timeoutMs;
    const { stories, noiseLinked } = await waitForCases(reports, keys, deadline);
    const summary: Summary = {
      runTag: values.runTag,
      database: dbLabel,
      stories: {},
      noise: { reports: reports.filter((r) => r.story === 'noise').length, linked: noiseLinked },
      duplicate: { status: again.status },
      alerts: {},
      inboxes: {},
      dashboard: `${base.ops}/`,
      ok: false,
    };
    let ok = again.status === 200;
    for (const [s, meta] of Object.entries(STORIES)) {
      const view = stories.get(s) ?? null;
      if (!view) {
        ok = false;
        out(`   ${red('✗')} ${meta.title}: not linked within ${timeoutMs / 1000} s`);
        summary.stories[s] = { title: meta.title, linked: false };
        continue;
      }
      out();
      printCase(meta.title, view);
      summary.stories[s] = {
        title: meta.title,
        linked: true,
        clusterId: view.clusterId,
        crossBorder: view.crossBorder,
        countries: view.countries,
        members: view.members.map((m) => `${m.agencyId}:${m.agencyCaseRef ?? m.routeRef}`),
        links: view.links.map((l) => ({
          agencyCases: l.agencyCases,
          score: l.score,
          features: l.reasons.map((r) => r.feature),
          details: l.reasons.map((r) => r.detail),
        })),
      };
      if (!view.crossBorder) ok = false;
      const expected = new Set(
        reports.filter((r) => r.story === s).map((r) => `${r.body.agencyId}:${caseRefOf(r)}`),
      );
      const strangers = summary.stories[s].members!.filter((m) => !expected.has(m));
      if (strangers.length > 0) {
        ok = false;
        out(`   ${red('✗')} the case also holds agency cases of other runs or data: ${strangers.join(', ')}`);
      }
    }
    const noiseTotal = summary.noise.reports;
    out(
      `\n   noise: ${noiseTotal - noiseLinked.length} of ${noiseTotal} unrelated reports stayed unlinked` +
        (noiseLinked.length ? red(` (linked: ${noiseLinked.join(', ')})`) : ` ${green('✓')}`) +
        dim(' (same crossings and days, a plate one digit off: not evidence)'),
    );
    if (noiseLinked.length) ok = false;

    step(6, 'Alerts the liaison offices received by webhook (signatures verified)');
    const clusterIds = new Set(
      Object.values(summary.stories)
        .map((s) => s.clusterId)
        .filter(Boolean),
    );
    const ofRun = (a: ReceivedAlert) => clusterIds.has(String(a.body.data.clusterId));
    // Alerts follow the links; wait until every office has some and none has arrived for 3 s.
    const alertDeadline = Math.max(deadline, Date.now() + 30000);
    for (;;) {
      const got = receiver.alerts.filter(ofRun);
      const quiet = got.length > 0 && Date.now() - Math.max(...got.map((a) => a.receivedAt)) > 3000;
      if ((OFFICES.every((o) => got.some((a) => a.agencyId === o)) && quiet) || Date.now() > alertDeadline)
        break;
      await sleep(500);
    }
    const published = new Map(reports.map((r) => [r.body.eventId, r]));
    for (const office of OFFICES) {
      const mine = receiver.alerts.filter((a) => a.agencyId === office && ofRun(a));
      const contact =
        office === 'AF-ABP' ? 'ABP Liaison Desk, Torkham' : 'ANF Border Liaison Office, Peshawar';
      out(`\n   ${bold(`▸ ${office} (${contact})`)}: ${mine.length} alert${mine.length === 1 ? '' : 's'}`);
      summary.alerts[office] = mine.map((a) => printAlert(a, published));
      if (mine.length === 0 || mine.some((a) => !a.verified)) ok = false;
    }
    for (const id of AGENCIES) {
      const res = await api<{ items: { clusterId: string }[] }>(
        'GET',
        `${base.notification}/v1/alerts?limit=100`,
        keys.liaison[id],
      );
      summary.inboxes[id] = (res.body?.items ?? []).filter((a) => clusterIds.has(a.clusterId)).length;
    }
    out(
      `\n   inboxes (GET /v1/alerts, this run): ${AGENCIES.map((a) => `${a} ${summary.inboxes[a]}`).join(', ')}`,
    );

    step(7, 'A request for information: ABP Torkham asks ANF Peshawar who was behind the link');
    const asked = await requestForInformation(keys, receiver, summary.stories.heroin?.clusterId);
    if (asked) summary.request = asked;
    if (!asked || asked.status !== 'PARTLY_APPROVED' || asked.released.length === 0) ok = false;
    if (asked?.released.some((f) => f.path.includes('phones'))) ok = false;

    step(8, 'Dashboard and desk');
    out(`   ops monitor: ${base.ops}/  — sign in with the operator key:`);
    out(`   ${keys.operator}`);
    out(`   liaison desk: ${base.notification}/desk  — sign in with a liaison key, e.g. ABP's:`);
    out(`   ${keys.liaison['AF-ABP']}`);
    out(
      dim(
        `   also: API docs ${base.ingest}/docs, cases ${base.correlation}/v1/cases, inbox ${base.notification}/v1/alerts`,
      ),
    );

    summary.ok = ok;
    const jsonFile = option('--json');
    if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(summary, null, 2));
    out(
      `\n${ok ? green('demo complete: every storyline linked across the border and both liaison offices alerted') : red('demo finished with problems (see above)')}`,
    );

    if (flag('--keep')) {
      out(bold('\n--keep: the stack and the webhook receiver stay up; new alerts print here. Ctrl-C stops.'));
      receiver.onAlert((a) => out(`   webhook → ${a.agencyId}: ${String(a.body.data.summary)}`));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    } else if (stack) {
      out(dim(`(npm run demo -- --keep leaves the stack running for the dashboard; or run npm start first)`));
    }
    return ok ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    process.stderr.write(`\ndemo failed: ${e.message}\n`);
    process.exit(1);
  },
);
