import { stopIdleRequestQueueLoop } from './kafkajs-idle-loop';

// kafkajs's request queue, internal to it (no typings): what the spec drives of it.
interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (o: object) => Queue;

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
function queue(): Queue {
  return new RequestQueue({
    instrumentationEmitter: null,
    maxInFlightRequests: 1,
    requestTimeout: 30000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: quiet,
    isConnected: () => true,
  });
}

describe('stopIdleRequestQueueLoop', () => {
  beforeAll(() => stopIdleRequestQueueLoop());

  it('an empty queue sets no timer after a check (kafkajs re-armed a 1 ms one forever)', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.destroy();
  });

  it('a request waiting behind a throttle still gets its check when the throttle ends', () => {
    jest.useFakeTimers();
    try {
      const q = queue();
      q.pending.push({});
      q.maybeThrottle(500);
      q.checkPendingRequests();
      expect(q.throttleCheckTimeoutId).not.toBeNull();
      const check = jest.spyOn(q, 'checkPendingRequests').mockImplementation(() => {});
      jest.advanceTimersByTime(499);
      expect(check).not.toHaveBeenCalled();
      jest.advanceTimersByTime(2);
      expect(check).toHaveBeenCalledTimes(1);
      q.pending.length = 0;
      q.destroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('patches once however often it is called', () => {
    const before = (RequestQueue.prototype as { scheduleCheckPendingRequests: unknown })
      .scheduleCheckPendingRequests;
    stopIdleRequestQueueLoop();
    expect(
      (RequestQueue.prototype as { scheduleCheckPendingRequests: unknown }).scheduleCheckPendingRequests,
    ).toBe(before);
  });
});
