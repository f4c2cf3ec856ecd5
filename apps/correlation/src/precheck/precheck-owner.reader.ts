import { Inject, Injectable } from '@nestjs/common';
import type { OwnerCaseState } from './domain/hit-disclosure';
import { PRECHECK_REPOSITORY, type PrecheckRepository } from './precheck.repository';

interface Waiting {
  caseKeys: string[];
  resolve: (states: Map<string, OwnerCaseState>) => void;
  reject: (e: unknown) => void;
}

/**
 * Reads the owner cases' state a hit's disclosure depends on, for all the checks with hits
 * that are waiting in one turn of the event loop in ONE statement (a round trip costs more
 * main-thread CPU than the rest of a check). Each check still reads before it writes.
 */
@Injectable()
export class PrecheckOwnerReader {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(@Inject(PRECHECK_REPOSITORY) private readonly repo: PrecheckRepository) {}

  /** The state of each of `caseKeys` found (a case missing here is treated as TLP:RED by the caller). */
  read(caseKeys: string[]): Promise<Map<string, OwnerCaseState>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ caseKeys, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    const keys = [...new Set(batch.flatMap((w) => w.caseKeys))];
    let all: Map<string, OwnerCaseState>;
    try {
      all = await this.repo.ownerStates(keys);
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    for (const w of batch) {
      const mine = new Map<string, OwnerCaseState>();
      for (const k of w.caseKeys) {
        const state = all.get(k);
        if (state) mine.set(k, state);
      }
      w.resolve(mine);
    }
  }
}
