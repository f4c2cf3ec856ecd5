import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { allTopicSpecs } from '@app/contracts';
import { ASYNCAPI_FILE, asyncApiYaml } from './asyncapi';

// Building the TypeScript program for the type-derived schemas takes a while on a busy machine.
jest.setTimeout(300_000);

const file = path.join(__dirname, '..', ASYNCAPI_FILE);
const current = (): string => fs.readFileSync(file, 'utf8');

describe('docs/asyncapi.yaml', () => {
  it('is what `npm run asyncapi` generates from the contracts', async () => {
    const wanted = await asyncApiYaml();
    expect(current() === wanted ? 'up to date' : outOfDate(current(), wanted)).toBe('up to date');
  });

  it('is valid for the official AsyncAPI parser, without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(current());
    const problems = diagnostics
      // Severity 0 is an error, 1 a warning (2 and 3 are information and hints).
      .filter((d) => Number(d.severity) <= 1)
      .map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
    expect(problems).toEqual([]);
    expect(document).toBeDefined();
  });

  it('describes every topic the services create, with its partitions, and its record headers', async () => {
    const { document } = await new Parser().parse(current());
    const channels = document!.channels().all();
    expect(channels.map((c) => c.address()).sort()).toEqual(
      allTopicSpecs()
        .map((s) => s.topic)
        .sort(),
    );
    for (const spec of allTopicSpecs()) {
      const channel = channels.find((c) => c.address() === spec.topic);
      expect(channel?.bindings().get('kafka')?.value()).toMatchObject({ partitions: spec.numPartitions });
      for (const message of channel?.messages().all() ?? []) {
        const headers: unknown = message.headers()?.json();
        const required = spec.topic.endsWith('.dlq')
          ? ['dlq-reason', 'dlq-source-topic', 'dlq-source-partition', 'dlq-source-offset']
          : ['event-id', 'event-type', 'schema-version'];
        expect((headers as { required?: string[] } | undefined)?.required).toEqual(
          expect.arrayContaining(required),
        );
        expect(message.bindings().get('kafka')?.value()).toHaveProperty('key');
      }
    }
    const doc = parse(current()) as {
      channels: Record<string, { address: string }>;
      components: { schemas: Record<string, { additionalProperties?: boolean }> };
    };
    expect(Object.keys(doc.channels).length).toBe(allTopicSpecs().length);
    // Reports refuse unknown fields (docs/contract.md#validation); events tolerate them.
    expect(doc.components.schemas.SeizureReportDto.additionalProperties).toBe(false);
    expect(doc.components.schemas.LocationDto.additionalProperties).toBe(false);
    expect(doc.components.schemas.CaseLinkedEvent.additionalProperties).toBeUndefined();
  });
});

// What the failure says: the fix, and the first line that differs.
function outOfDate(current: string, wanted: string): string {
  const a = current.split('\n');
  const b = wanted.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  return `${ASYNCAPI_FILE} is out of date: run \`npm run asyncapi\` (line ${i + 1}: ${JSON.stringify(a[i])} should be ${JSON.stringify(b[i])})`;
}
