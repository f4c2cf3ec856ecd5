/**
 * kafkajs 2.2.4 keeps every connection that has had an answer checking its queue of waiting
 * requests on a timer of a negative delay, which Node runs after 1 ms: about a thousand
 * wake-ups a second per connection, queue empty or not (kafkajs issues 1556 and 1704): about
 * 2–2.5 % of a core per service process, idle or busy (docs/operating.md, docs/benchmarks.md#benche2e).
 *
 * After {@link endKafkajsIdleLoop}, a queue schedules that check only while requests wait in it,
 * as kafkajs intends: a request queued behind the in-flight limit or a broker's throttle is
 * still sent when a slot frees (an answer checks the queue) or when the throttle ends (this
 * timer). Nothing else of kafkajs changes.
 */
interface RequestQueueInternals {
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
}

const ENDED = Symbol.for('intel.kafkajs.idle-loop-ended');

/** Patches kafkajs's RequestQueue once per module instance; later calls do nothing. */
export function endKafkajsIdleLoop(): void {
  // The module is internal to kafkajs (no typings); its shape is checked before it is patched.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RequestQueue = require('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueueInternals & { [ENDED]?: true };
  };
  const proto = RequestQueue.prototype;
  if (proto[ENDED] || typeof proto.scheduleCheckPendingRequests !== 'function') return;
  const schedule = proto.scheduleCheckPendingRequests;
  proto.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0) return;
    schedule.call(this);
  };
  proto[ENDED] = true;
}
