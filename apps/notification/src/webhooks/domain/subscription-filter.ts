// Which alerts a webhook subscription wants. Every part of the filter is optional; an empty
// filter takes every alert of the subscription's agency.

/** A subscription's filter as stored (docs/contract.md#subscriptions). */
export interface SubscriptionFilter {
  /** Alerts concerning at least one of these report categories. */
  categories?: string[];
  /** Alerts about links scoring at least this. */
  minScore?: number;
  /** Only cross-border links. */
  crossBorderOnly?: boolean;
}

/** What a filter looks at of an alert. */
export interface FilterableAlert {
  categories: readonly string[];
  score: number;
  crossBorder: boolean;
}

/** Whether a subscription's filter takes this alert. */
export function filterMatches(filter: SubscriptionFilter, alert: FilterableAlert): boolean {
  if (filter.categories && filter.categories.length > 0) {
    if (!alert.categories.some((c) => filter.categories!.includes(c))) return false;
  }
  if (filter.minScore !== undefined && alert.score < filter.minScore) return false;
  if (filter.crossBorderOnly === true && !alert.crossBorder) return false;
  return true;
}
