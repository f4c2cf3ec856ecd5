import { alertRowsJson } from './alert-store.repository';

describe(alertRowsJson.name, () => {
  const alert = (payload: object) => ({
    alertId: '0b7c6f1e-3f0a-4d7e-9a53-6c1f2b9d8e41',
    recipientAgencyId: 'PK-ANF',
    about: { kind: 'CASE_LINKED' as const, linkId: '44444444-4444-4444-8444-444444444444' },
    clusterId: null,
    severity: 'HIGH',
    score: 0.1 + 0.2,
    crossBorder: true,
    categories: ['DRUGS', 'ARMS'],
    payload,
    createdAt: '2026-12-06T21:00:00.000Z',
  });

  it('carries each payload as the exact text of JSON.stringify, whatever it holds', () => {
    const payloads = [
      { summary: 'say "hi" \\ é 😀 \u2028', nul: 'a\u0000b', lone: 'x\ud800y', n: 1.5, none: null },
      { kind: 'PRECHECK_HIT', nested: { list: [1, 'two', { three: 3 }] } },
    ];
    const rows = JSON.parse(alertRowsJson(payloads.map((p, i) => ({ alert: alert(p), seq: i + 1 })))) as {
      p: string;
    }[];
    expect(rows.map((r) => r.p)).toEqual(payloads.map((p) => JSON.stringify(p)));
  });

  it('names every column of the alert row', () => {
    const [row] = JSON.parse(alertRowsJson([{ alert: alert({}), seq: 7 }])) as Record<string, unknown>[];
    expect(row).toEqual({
      a: '0b7c6f1e-3f0a-4d7e-9a53-6c1f2b9d8e41',
      k: 'CASE_LINKED',
      l: '44444444-4444-4444-8444-444444444444',
      h: null,
      r: 'PK-ANF',
      s: 7,
      c: null,
      v: 'HIGH',
      sc: 0.1 + 0.2,
      x: true,
      cat: ['DRUGS', 'ARMS'],
      p: '{}',
      t: '2026-12-06T21:00:00.000Z',
    });
  });
});
