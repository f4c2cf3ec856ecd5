import { defaultGazetteer } from '@app/contracts';
import { ProblemException } from '@app/platform';
import { PrecheckError } from '../precheck.errors';
import { jsonClone, jsonSlots, seededRandom, SeizureReportBuilder, type JsonValue } from '@app/testing';
import { keyCertainCheck, keyCheck } from '../keying/keyed-check';
import { isCertainlyValidPrecheck } from './precheck-request.fast-check';

// The fast check may only say "certainly valid" when class-validator (validateInput, the full
// route's validation) agrees, and then the fast route must key the check exactly as the full
// route does. Held to that on seeded random mutations of a valid check.

const gazetteer = defaultGazetteer
  .all()
  .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));

type Json = JsonValue;
const clone = jsonClone;
const prng = seededRandom;
const slots = jsonSlots;

const ODD: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  '',
  '   ',
  'x',
  'x'.repeat(513),
  'PK',
  'pk',
  'TORKHAM',
  'NOWHERE',
  'DRIVER',
  'TRUCK',
  'PASSPORT',
  '1987-02-28',
  '1987-02-30',
  '0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69',
  '0B8F5F2E-6F0A-4C1E-9A51-2F1D3C4B5A69',
  'not-a-uuid',
  [],
  [''],
  ['+923001234567'],
  {},
  { kind: 'TRUCK' },
  { role: 'DRIVER' },
  { name: 'X' },
  Array.from({ length: 101 }, () => ({ name: 'X' })),
];

function mutate(doc: Json, rnd: () => number): void {
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) {
    const all = slots(doc);
    if (all.length === 0) return;
    const { holder, key } = all[Math.floor(rnd() * all.length)];
    const r = rnd();
    if (r < 0.25) {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key as string];
    } else if (r < 0.35) {
      const target = (holder as Record<string, Json>)[key as string];
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        target[['extra', '__proto__', 'constructor'][Math.floor(rnd() * 3)]] = 1;
      else if (Array.isArray(target)) target.push(clone(target[0] ?? null));
    } else {
      (holder as Record<string | number, Json>)[key] = clone(ODD[Math.floor(rnd() * ODD.length)]);
    }
  }
}

function validCheck(): Json {
  const report = SeizureReportBuilder.valid()
    .withContainer()
    .withPhone('+93701234567')
    .withDocument('PASSPORT', 'AB1234567', 'AF')
    .withOrganisation('Khyber Gate Trading Co', 'PK')
    .build();
  return clone({
    checkId: '6f1c2a4e-0b7d-4c1e-9a53-2f0d8e7b1c44',
    crossingPoint: 'TORKHAM',
    conveyances: report.conveyances,
    persons: report.persons,
    organisations: report.organisations,
  } as unknown as Json);
}

function reference(doc: unknown): boolean {
  try {
    // keyCheck's validation: its refusal of forbidden keys, then class-validator.
    keyCheck(doc, 'AF-ACD', gazetteer);
    return true;
  } catch (e) {
    if (e instanceof ProblemException || e instanceof PrecheckError) return false;
    throw e;
  }
}

describe(isCertainlyValidPrecheck.name, () => {
  it('finds a valid check with every kind of list certainly valid', () => {
    const doc = validCheck() as Record<string, Json[]>;
    expect(doc.conveyances.length * doc.persons.length * doc.organisations.length).toBeGreaterThan(0);
    expect(isCertainlyValidPrecheck(doc)).toBe(true);
    expect(reference(doc)).toBe(true);
  });

  it.each([
    ['a null list (valid, but left to class-validator)', { conveyances: null }],
    ['an unknown field', { surprise: 1 }],
    ['an upper-case crossing point alias', { crossingPoint: 'torkham' }],
  ])('is not sure about %s', (_name, edit) => {
    expect(isCertainlyValidPrecheck({ ...(validCheck() as object), ...edit })).toBe(false);
  });

  it('never says valid where class-validator finds a problem, on 4,000 seeded mutations', () => {
    const seen = { bothValid: 0, bothInvalid: 0, unsure: 0 };
    for (let seed = 1; seed <= 4000; seed++) {
      const doc = validCheck();
      mutate(doc, prng(seed));
      const fast = isCertainlyValidPrecheck(doc);
      let ok: boolean;
      try {
        ok = reference(doc);
      } catch (e) {
        throw new Error(`seed ${seed}: ${String(e)}\n${JSON.stringify(doc)}`);
      }
      if (fast && !ok)
        throw new Error(`seed ${seed}: fast check valid, class-validator not\n${JSON.stringify(doc)}`);
      if (fast) seen.bothValid++;
      else if (ok) seen.unsure++;
      else seen.bothInvalid++;
    }
    // Both verdicts were exercised, and "not sure" about a valid check stays rare.
    expect(seen.bothValid).toBeGreaterThan(300);
    expect(seen.bothInvalid).toBeGreaterThan(1500);
    expect(seen.unsure).toBeLessThan(seen.bothValid / 10);
  });

  it('keys a certainly valid body exactly as the full route does, and leaves every other body to it', () => {
    let keyed = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const doc = validCheck();
      if (seed > 1) mutate(doc, prng(10_000 + seed));
      const text = JSON.stringify(doc);
      const fast = keyCertainCheck(text, 'AF-ACD', gazetteer);
      let full: ReturnType<typeof keyCheck> | undefined;
      try {
        full = keyCheck(JSON.parse(text), 'AF-ACD', gazetteer);
      } catch (e) {
        if (!(e instanceof ProblemException || e instanceof PrecheckError)) throw e;
      }
      if (fast) {
        keyed++;
        expect(fast).toEqual(full);
      }
    }
    expect(keyed).toBeGreaterThan(100);
  });

  it('leaves bodies that are not JSON, name no identifier, or carry a forbidden key to the full route', () => {
    const doc = validCheck() as Record<string, unknown>;
    expect(keyCertainCheck('{"checkId":', 'AF-ACD', gazetteer)).toBeNull();
    expect(keyCertainCheck('[]', 'AF-ACD', gazetteer)).toBeNull();
    const bare = { checkId: doc.checkId, crossingPoint: 'TORKHAM', persons: [] };
    expect(keyCertainCheck(JSON.stringify(bare), 'AF-ACD', gazetteer)).toBeNull();
    const poisoned = JSON.stringify(doc).replace('{"checkId"', '{"__proto__":{"x":1},"checkId"');
    expect(keyCertainCheck(poisoned, 'AF-ACD', gazetteer)).toBeNull();
    expect(keyCertainCheck(JSON.stringify(doc), 'AF-ACD', gazetteer)).not.toBeNull();
  });
});
