import type { ServerResponse } from 'node:http';
import type { StreamSink } from './event-streams';

/** A `text/event-stream` response as a StreamSink; the headers go out with the first write. */
export function eventStreamSink(res: ServerResponse): StreamSink {
  return {
    write(chunk) {
      if (!res.headersSent) {
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
      }
      res.write(chunk);
    },
    end: () => res.end(),
    onClose: (listener) => res.on('close', listener),
  };
}
