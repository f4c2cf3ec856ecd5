import { eventually } from './eventually';

/** Reads a `text/event-stream` response for a test: keeps the text so far and reads on until a pattern shows. */
export class SseReader {
  /** Everything read so far. */
  text = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    if (!response.body) throw new Error('the event stream has no body');
    this.reader = response.body.getReader();
  }

  /**
   * Reads until the text matches `pattern` and returns the match; null when the stream ended first.
   * Fails after `timeoutMs` (a read in progress is not cut short).
   */
  async readUntil(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpExecArray | null> {
    await eventually(
      async () => {
        if (pattern.test(this.text)) return true;
        const chunk = await this.reader.read();
        if (chunk.done) return true;
        this.text += this.decoder.decode(chunk.value, { stream: true });
        return pattern.test(this.text);
      },
      { timeoutMs, intervalMs: 0, what: `${String(pattern)} on the event stream` },
    );
    return pattern.exec(this.text);
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}
