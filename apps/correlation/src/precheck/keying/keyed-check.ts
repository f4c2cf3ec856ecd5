import type { PrecheckFeature } from '@app/contracts';
import type { GazetteerEntry } from '@app/matching';
import { validateInput } from '@app/platform';
import { checkKeys, identifierTypes } from '../domain/check-keys';
import type { PrecheckKey } from '../domain/precheck-keys';
import { isCertainlyValidPrecheck } from '../dto/precheck-request.fast-check';
import { PrecheckRequestDto } from '../dto/precheck-request.dto';
import { PrecheckError, PrecheckErrorCode } from '../precheck.errors';
import type { KeyingRequest } from './keying.messages';

/** A valid check, keyed: what the index is asked and what the audit records. */
export interface KeyedCheck {
  checkId: string;
  crossingPoint: string;
  keys: PrecheckKey[];
  types: PrecheckFeature[];
}

// Keys class-transformer trips over (a nested `{"constructor": 1}` makes plainToInstance throw
// a TypeError, a 500) or that would reach an instance's prototype: refused by name first.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 16;

/** The path of the first forbidden key (or of a value nested too deep), if any. */
function hazardOf(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_DEPTH) return path || '$';
  const isArray = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const child = isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!isArray && FORBIDDEN_KEYS.has(key)) return child;
    const found = hazardOf((value as Record<string, unknown>)[key], child, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const hasIdentifiers = (req: PrecheckRequestDto) =>
  (req.conveyances?.length ?? 0) + (req.persons?.length ?? 0) + (req.organisations?.length ?? 0) > 0;

const present = (...values: unknown[]) => values.filter((v) => v !== undefined && v !== null).length;

/** The identifiers each list of a check carries (what PRECHECK_MAX_IDENTIFIERS caps). */
function identifiersByList(req: PrecheckRequestDto): [string, number][] {
  return [
    [
      'conveyances',
      (req.conveyances ?? []).reduce(
        (n, c) => n + present(c.plate, c.containerNumber, c.vin, c.vesselImo, c.flightNumber),
        0,
      ),
    ],
    [
      'persons',
      (req.persons ?? []).reduce(
        (n, p) => n + present(p.name) + (p.documents?.length ?? 0) + (p.phones?.length ?? 0),
        0,
      ),
    ],
    [
      'organisations',
      (req.organisations ?? []).reduce((n, o) => n + present(o.name, o.registrationNumber), 0),
    ],
  ];
}

/**
 * Refuses a check carrying more than `max` identifiers (a bulk oracle, and seconds of keying):
 * a 400 naming the list where the count passes the cap, before anything is normalised.
 */
function capIdentifiers(req: PrecheckRequestDto, max: number): void {
  const lists = identifiersByList(req);
  const total = lists.reduce((n, [, count]) => n + count, 0);
  if (total <= max) return;
  let running = 0;
  const [path] = lists.find(([, count]) => (running += count) > max)!;
  throw new PrecheckError(
    PrecheckErrorCode.INVALID_CHECK,
    `A pre-check may carry at most ${max} identifiers; this one carries ${total}. Check fewer at once.`,
    { errors: [{ path, message: `too many identifiers: the check carries ${total}, at most ${max}` }] },
  );
}

function keyed(
  req: PrecheckRequestDto,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
  maxIdentifiers: number,
) {
  capIdentifiers(req, maxIdentifiers);
  const keys = checkKeys(req, checkingAgencyId, gazetteer);
  return { checkId: req.checkId, crossingPoint: req.crossingPoint, keys, types: identifierTypes(keys) };
}

/**
 * Validates a `POST /v1/prechecks` body and keys its identifiers as correlation keys a report
 * of the checking agency: the CPU-heavy part of a check (validation, phone and name
 * normalisation), pure, so it runs in a worker thread as well as inline. A body the compiled
 * check finds certainly valid skips class-validator; any other is validated by it, and bad
 * input throws the problem+json 400.
 */
export function keyCheck(
  body: unknown,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
  maxIdentifiers = Infinity,
): KeyedCheck {
  let req: PrecheckRequestDto;
  if (isCertainlyValidPrecheck(body)) req = body;
  else {
    const hazard = hazardOf(body, '', 0);
    if (hazard !== undefined)
      throw new PrecheckError(PrecheckErrorCode.INVALID_CHECK, 'The pre-check has 1 problem; see errors[].', {
        errors: [{ path: hazard, message: hazard === '$' ? 'nests too deep' : 'is not an allowed field' }],
      });
    req = validateInput(PrecheckRequestDto, body, 'pre-check');
    // class-validator's ValidateNested passes an array item that is itself an array (`[[]]`).
    const items: string[] = [];
    for (const list of ['conveyances', 'persons', 'organisations'] as const)
      (req[list] ?? []).forEach((item: unknown, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) items.push(`${list}[${i}]`);
      });
    if (items.length > 0)
      throw new PrecheckError(
        PrecheckErrorCode.INVALID_CHECK,
        `The pre-check has ${items.length} problem${items.length === 1 ? '' : 's'}; see errors[].`,
        { errors: items.map((path) => ({ path, message: 'must be an object' })) },
      );
  }
  if (!hasIdentifiers(req))
    throw new PrecheckError(
      PrecheckErrorCode.INVALID_CHECK,
      'A pre-check needs at least one conveyance, person or organisation.',
      { errors: [{ path: '$', message: 'give at least one of conveyances, persons, organisations' }] },
    );
  return keyed(req, checkingAgencyId, gazetteer, maxIdentifiers);
}

/**
 * The keying of a body as sent (JSON text), keyed only when it is certainly a
 * valid check (it parses, the compiled check accepts it, it names an identifier); otherwise
 * null, and the full validation answers it (its problem+json included); a check over the
 * identifier cap is refused here as there. A body
 * the compiled check accepts has no field it does not know, so none named `__proto__` or
 * `constructor`: the full route's parser (secure-json-parse) would have accepted it too.
 */
export function keyCertainCheck(
  text: string,
  checkingAgencyId: string,
  gazetteer: readonly GazetteerEntry[],
  maxIdentifiers = Infinity,
): KeyedCheck | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isCertainlyValidPrecheck(body) || !hasIdentifiers(body)) return null;
  return keyed(body, checkingAgencyId, gazetteer, maxIdentifiers);
}

/** What keying needs besides the check: the crossing points and the identifier cap. */
export interface KeyingData {
  gazetteer: readonly GazetteerEntry[];
  maxIdentifiers: number;
}

/** Validates and keys one request (in a worker or inline). */
export function keyRequest(r: KeyingRequest, data: KeyingData): KeyedCheck | null {
  return r.text !== undefined
    ? keyCertainCheck(r.text, r.agencyId, data.gazetteer, data.maxIdentifiers)
    : keyCheck(r.body, r.agencyId, data.gazetteer, data.maxIdentifiers);
}
