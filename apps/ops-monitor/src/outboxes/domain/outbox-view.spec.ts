import { outboxesOf } from './outbox-view';
import { parsePrometheusText } from './prometheus-text';

const GATEWAY = `# HELP intel_outbox_backlog Outbox rows not yet published
# TYPE intel_outbox_backlog gauge
intel_outbox_backlog{outbox="ingest",service="ingest-gateway"} 412
# TYPE intel_breaker_state gauge
intel_breaker_state{breaker="outbox:ingest",service="ingest-gateway"} 2
intel_breaker_state{breaker="say \\"hi\\"\\\\there",service="ingest-gateway"} 0
process_cpu_seconds_total{service="ingest-gateway"} 12.5 1700000000000
`;

describe(parsePrometheusText.name, () => {
  it('reads names, escaped labels and values, skipping comments and timestamps', () => {
    expect(parsePrometheusText(GATEWAY)).toEqual([
      { name: 'intel_outbox_backlog', labels: { outbox: 'ingest', service: 'ingest-gateway' }, value: 412 },
      {
        name: 'intel_breaker_state',
        labels: { breaker: 'outbox:ingest', service: 'ingest-gateway' },
        value: 2,
      },
      {
        name: 'intel_breaker_state',
        labels: { breaker: 'say "hi"\\there', service: 'ingest-gateway' },
        value: 0,
      },
      { name: 'process_cpu_seconds_total', labels: { service: 'ingest-gateway' }, value: 12.5 },
    ]);
  });

  it('keeps only the names asked for', () => {
    expect(parsePrometheusText(GATEWAY, new Set(['intel_outbox_backlog'])).map((s) => s.value)).toEqual([
      412,
    ]);
  });
});

describe(outboxesOf.name, () => {
  it("pairs each outbox with its relay's breaker, biggest backlog first, and lists services that did not answer", () => {
    const out = outboxesOf([
      {
        service: 'correlation',
        ok: true,
        samples: parsePrometheusText('intel_outbox_backlog{outbox="correlation"} 3\n'),
      },
      { service: 'ingest-gateway', ok: true, samples: parsePrometheusText(GATEWAY) },
      { service: 'notification', ok: false, error: 'connect ECONNREFUSED 127.0.0.1:3002' },
    ]);
    expect(out).toEqual({
      outboxes: [
        { service: 'ingest-gateway', outbox: 'ingest', backlog: 412, breaker: 'open' },
        { service: 'correlation', outbox: 'correlation', backlog: 3, breaker: 'unknown' },
      ],
      unreachable: [{ service: 'notification', error: 'connect ECONNREFUSED 127.0.0.1:3002' }],
    });
  });
});
