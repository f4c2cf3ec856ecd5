import { Injectable } from '@nestjs/common';

/**
 * Wakes the relay as soon as outbox rows are committed by this instance, so publish lag is not
 * bound by the poll interval. A notification that arrives while the relay is busy is
 * remembered and makes its next wait return at once.
 */
@Injectable()
export class OutboxSignal {
  private pending = false;
  private waiters: (() => void)[] = [];

  /** New outbox rows were committed. */
  notify(): void {
    this.pending = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Forgets earlier notifications: the relay is about to read everything committed so far. */
  clear(): void {
    this.pending = false;
  }

  /** Resolves on the next notification (or a remembered one), or after `ms`. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.push(done);
    });
  }
}
