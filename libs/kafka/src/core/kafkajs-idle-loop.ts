/**
 * kafkajs 2.2.4 (the last release) re-arms a 1 ms timer after every check of a connection's
 * request queue, whether or not a request waits: each connection that has had an answer wakes
 * the event loop about a thousand times a second for ever (kafkajs issues #1556 and #1704; the
 * `TimeoutNegativeWarning` Node 24 prints comes from the same line). Measured here, an idle
 * producer and admin client cost 35 ms of CPU a second with it and 3 ms without; a service holds
 * several such connections. This stops the re-arming when nothing waits and no throttle is in
 * force; with requests waiting, or a broker's throttle to sit out, kafkajs schedules as before.
 * Applied once, when this module loads (every Kafka client of the project, Nest's transport
 * included, comes from the one kafkajs package). docs/operating.md#kafka-client.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(this: RequestQueueInternals): void;
}

const PATCHED = Symbol.for('border-intel.kafkajs-idle-loop');

export function stopIdleRequestQueueLoop(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs exports no type for its request queue
  const queue = require('kafkajs/src/network/requestQueue/index.js') as {
    prototype: RequestQueueInternals & { [PATCHED]?: true };
  };
  const proto = queue.prototype;
  if (proto[PATCHED]) return;
  const original = proto.scheduleCheckPendingRequests;
  if (typeof original !== 'function')
    throw new Error('kafkajs changed its request queue: review libs/kafka/src/core/kafkajs-idle-loop.ts');
  proto.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0 && !(this.throttledUntil > Date.now())) return;
    original.call(this);
  };
  proto[PATCHED] = true;
}
