import { sendChunks } from './send-chunks';

const record = (bytes: number) => ({ key: 'k', value: Buffer.alloc(bytes), headers: { 'event-id': 'e' } });

describe(sendChunks.name, () => {
  it('keeps small records together and gives a record larger than a request its own, in order', () => {
    const records = [record(100), record(200), record(950 * 1024), record(300), record(400)];
    const chunks = sendChunks(records);
    expect(chunks.map((c) => c.length)).toEqual([2, 1, 2]);
    expect(chunks.flat()).toEqual(records);
  });

  it('never puts more than the limit in a request of several records', () => {
    const records = Array.from({ length: 50 }, () => record(100 * 1024));
    const chunks = sendChunks(records);
    for (const c of chunks)
      expect(c.reduce((n, r) => n + (r.value as Buffer).length, 0)).toBeLessThanOrEqual(900 * 1024);
    expect(chunks.flat()).toHaveLength(50);
  });
});
