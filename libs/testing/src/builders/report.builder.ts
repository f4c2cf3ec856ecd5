import { randomUUID } from 'node:crypto';
import type { ReportCategory, TlpLevel } from '@app/contracts';
import { deletePath, setPath } from './json-path';

/** Shared fluent part of the report builders; `build()` returns a fresh plain JSON object. */
export abstract class ReportBuilder<TReport> {
  private eventId: string | undefined;
  private eventIdOmitted = false;

  protected constructor(protected readonly draft: Record<string, unknown>) {}

  /** Fixes the eventId (a new random one when called without an argument); otherwise every build gets a fresh one. */
  withEventId(eventId: string = randomUUID()): this {
    this.eventId = eventId;
    this.eventIdOmitted = false;
    return this;
  }

  /** The publishing agency, e.g. `AF-CNPA`. */
  withAgency(agencyId: string): this {
    this.draft.agencyId = agencyId;
    return this;
  }

  /** The TLP 2.0 marking. */
  withTlp(tlp: TlpLevel): this {
    setPath(this.draft, 'classification.tlp', tlp);
    return this;
  }

  /** The report category. */
  withCategory(category: ReportCategory): this {
    this.draft.category = category;
    return this;
  }

  /** The free-text narrative. */
  withNarrative(narrative: string): this {
    this.draft.narrative = narrative;
    return this;
  }

  /** When the report was made (an RFC 3339 string, or a Date). */
  withReportedAt(at: string | Date): this {
    this.draft.reportedAt = typeof at === 'string' ? at : at.toISOString();
    return this;
  }

  /** Sets any field by JSON path (`commodities[0].quantity`), valid or not: for negative tests. */
  with(path: string, value: unknown): this {
    if (path === 'eventId') {
      this.eventIdOmitted = false;
      this.eventId = value as string;
      return this;
    }
    setPath(this.draft, path, structuredClone(value));
    return this;
  }

  /** Removes any field by JSON path (`location.crossingPoint`, `persons[0]`). */
  without(path: string): this {
    if (path === 'eventId') {
      this.eventIdOmitted = true;
      this.eventId = undefined;
      return this;
    }
    deletePath(this.draft, path);
    return this;
  }

  /**
   * The report as a plain JSON object, typed as its DTO shape (with()/without() may have
   * made it invalid on purpose). Each call returns a new deep copy.
   */
  build(): TReport {
    const body = structuredClone(this.draft);
    if (this.eventIdOmitted) return body as TReport;
    return { eventId: this.eventId ?? randomUUID(), ...body } as TReport;
  }

  /** The draft's array at `key`, created when missing. */
  protected list<T = Record<string, unknown>>(
    key: string,
    holder: Record<string, unknown> = this.draft,
  ): T[] {
    if (!Array.isArray(holder[key])) holder[key] = [];
    return holder[key] as T[];
  }

  /** The draft's object at `key`, created when missing. */
  protected object(key: string, holder: Record<string, unknown> = this.draft): Record<string, unknown> {
    const value = holder[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) holder[key] = {};
    return holder[key] as Record<string, unknown>;
  }

  /** A short random reference, e.g. for a fresh agency case. */
  protected static randomRef(prefix: string): string {
    return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
  }
}
