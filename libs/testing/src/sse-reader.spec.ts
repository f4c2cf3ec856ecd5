import { SseReader } from './sse-reader';

/** A response whose body yields `chunks` (as UTF-8 bytes) and then ends. */
function streamOf(chunks: string[]): Response {
  const bytes = chunks.map((c) => new TextEncoder().encode(c));
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = bytes.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    }),
  );
}

describe(SseReader.name, () => {
  it('reads until the pattern shows and returns its match, keeping all it read', async () => {
    const sse = new SseReader(
      streamOf([': hi\n\n', 'id: 7\nevent: al', 'ert\ndata: {"a":1}\n\n', 'id: 8\n']),
    );
    const m = await sse.readUntil(/id: (\d+)\nevent: alert\ndata: (.*)\n\n/);
    expect(m?.[1]).toBe('7');
    expect(m?.[2]).toBe('{"a":1}');
    expect(sse.text).toBe(': hi\n\nid: 7\nevent: alert\ndata: {"a":1}\n\n');
    // What was already read is matched without reading more.
    expect((await sse.readUntil(/hi/))?.[0]).toBe('hi');
    expect(sse.text).not.toContain('id: 8');
  });

  it('decodes a character split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: ۱۲\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    const sse = new SseReader(new Response(body));
    expect((await sse.readUntil(/data: (.*)\n/))?.[1]).toBe('۱۲');
  });

  it('returns null when the stream ends first, and fails after the timeout while other things come', async () => {
    expect(await new SseReader(streamOf(['a'])).readUntil(/b/)).toBeNull();
    const comments = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 5));
        controller.enqueue(new TextEncoder().encode(': keep-alive\n'));
      },
    });
    const sse = new SseReader(new Response(comments));
    await expect(sse.readUntil(/data/, 50)).rejects.toThrow(
      /^eventually: \/data\/ on the event stream did not happen within 50 ms/,
    );
    expect(sse.text).toMatch(/^(: keep-alive\n){3,}$/);
    await sse.cancel();
  });
});
