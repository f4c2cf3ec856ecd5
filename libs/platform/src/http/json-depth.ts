/**
 * Measures how deep JSON nests while its bytes stream in, chunk by chunk (brackets inside
 * strings do not count), and says so at the first level past `maxDepth`: a request body of
 * millions of `[` is refused after reading a few bytes, instead of parsed into millions of
 * arrays. Bytes, not characters: `[ ] { } " \` are ASCII and never part of a UTF-8 multi-byte
 * sequence. Malformed JSON is left to the parser.
 */
export class JsonDepthMeter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Bytes read so far (up to the one that went too deep). */
  bytesMeasured = 0;

  constructor(readonly maxDepth: number) {}

  /** Reads the next bytes; true once the text has nested deeper than maxDepth. */
  exceededBy(chunk: Uint8Array): boolean {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++this.depth > this.maxDepth) {
          this.bytesMeasured += i + 1;
          return true;
        }
      } else if (c === 0x5d || c === 0x7d) this.depth--;
    }
    this.bytesMeasured += chunk.length;
    return false;
  }
}
