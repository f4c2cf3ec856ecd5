import { AlertSignals } from '../alerts/alert-signals';

/** AlertSignals that count how often the streams were woken. */
export class CountingSignals extends AlertSignals {
  woken = 0;

  constructor() {
    super();
    this.subscribe(() => this.woken++);
  }
}
