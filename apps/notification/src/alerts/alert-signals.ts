import { Injectable } from '@nestjs/common';

type Listener = () => void;

/**
 * In-process wake-ups after an alert transaction commits: the webhook dispatcher and open SSE
 * streams look at once instead of waiting for their next poll. Polling stays the source of
 * truth (other instances, restarts); this only shortens the delay.
 */
@Injectable()
export class AlertSignals {
  private readonly listeners = new Set<Listener>();

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener that new alerts (and deliveries) were committed. */
  alertsCommitted(): void {
    for (const listener of this.listeners) listener();
  }
}
