import type { PrecheckFeature } from '@app/contracts';
import type { PrecheckCounterpart } from '../domain/hit-disclosure';

/** One hit as the checking agency sees it: what kind of identifier matched and whom to contact. */
export interface PrecheckHitView {
  /** Quote it when calling the owner's liaison office: the owner was told the same id. */
  hitId: string;
  feature: PrecheckFeature;
  counterpart: PrecheckCounterpart;
  clusterId?: string;
  /** The identifier belongs to a protected person (victim or smuggled migrant) of the owner's case. */
  protectedPerson?: true;
}

/** Answer of `POST /v1/prechecks`. */
export interface PrecheckResponse {
  checkId: string;
  result: 'CLEAR' | 'HIT';
  hits: PrecheckHitView[];
}
