import { plainToInstance } from 'class-transformer';
import {
  jsonClone,
  jsonSlots,
  RouteReportBuilder,
  seededRandom,
  SeizureReportBuilder,
  type JsonValue,
} from '@app/testing';
import { certainlyValid, compiledPlan, instantiate } from './compiled-report-check';
import type { ReportKind } from './report-enums';
import { ClassificationDto, LocationDto, PersonDocumentDto, PersonDto } from './report-parts.dto';
import { IndicatorPlateDto, RouteIndicatorsDto, RouteReportDto, WaypointDto } from './route-report.dto';
import { SeizureReportDto } from './seizure-report.dto';
import {
  REPORT_DTOS,
  REPORT_TRANSFORM_OPTIONS,
  validateReport,
  validateWithClassValidator,
} from './validate-report';

// The compiled check may only ever say "certainly valid" when class-validator agrees. These
// tests hold it to that on the builders' reports and on thousands of seeded mutations of
// them, and check that it really is the path valid reports take.

const NOW = new Date('2026-03-15T00:00:00Z');

type Json = JsonValue;
const prng = seededRandom;
const slots = jsonSlots;

const ODD_VALUES: Json[] = [
  null,
  true,
  0,
  -1,
  0.5,
  1e21,
  -181,
  91,
  '',
  '   ',
  'x',
  'x'.repeat(65),
  'x'.repeat(513),
  'PK',
  'pk',
  'TORKHAM',
  'NOWHERE',
  'HEROIN',
  'KG',
  'DRIVER',
  '2026-03-14T06:30:00+05:00',
  '2026-03-15T00:11:00Z',
  '2026-02-30T00:00:00Z',
  '1987-02-28',
  '0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69',
  [],
  ['PK'],
  [''],
  {},
  { crossingPoint: 'TORKHAM', country: 'PK' },
  { lat: 1 },
  { seq: 1, role: 'TRANSIT', country: 'PK' },
];

function mutate(doc: Json, rnd: () => number): void {
  const all = slots(doc);
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n && all.length > 0; i++) {
    const { holder, key } = all[Math.floor(rnd() * all.length)];
    const r = rnd();
    if (r < 0.2) {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key as string];
    } else if (r < 0.3) {
      const target = (holder as Record<string, Json>)[key as string];
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        target[rnd() < 0.5 ? 'extra' : '__proto__'] = 1;
      else if (Array.isArray(target)) target.push(jsonClone(target[0] ?? null));
    } else if (r < 0.4 && Array.isArray(holder)) {
      holder.push(jsonClone(holder[0]));
    } else {
      (holder as Record<string | number, Json>)[key] = jsonClone(
        ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)],
      );
    }
  }
}

const base: Record<ReportKind, () => Json> = {
  seizure: () =>
    JSON.parse(
      JSON.stringify(
        SeizureReportBuilder.valid()
          .withContainer()
          .withPerson({ role: 'VICTIM' })
          .withPhone('+93701234567')
          .withOrganisation('Khyber Gate Trading Co', 'PK')
          .withLatLon(34.1, 71.1)
          .build(),
      ),
    ) as Json,
  route: () => JSON.parse(JSON.stringify(RouteReportBuilder.valid().build())) as Json,
};

/** Prototype of every object, level by level, next to its JSON. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v !== null && typeof v === 'object')
    return {
      proto: (Object.getPrototypeOf(v) as { constructor: { name: string } }).constructor.name,
      entries: Object.entries(v).map(([k, x]) => [k, shape(x)]),
    };
  return v;
}

describe('compiled report check', () => {
  it('compiles both report DTOs and every class nested in them', () => {
    for (const dto of [SeizureReportDto, RouteReportDto]) expect(compiledPlan(dto)).not.toBeNull();
    for (const nested of [ClassificationDto, LocationDto, PersonDto, PersonDocumentDto, WaypointDto]) {
      expect(compiledPlan(nested)).not.toBeNull();
    }
    expect(compiledPlan(RouteIndicatorsDto)?.byName.plates?.nested?.()?.ctor).toBe(IndicatorPlateDto);
  });

  it('does not compile a class without validation metadata (class-validator would reject it)', () => {
    class Bare {}
    expect(compiledPlan(Bare)).toBeNull();
  });

  it.each<ReportKind>(['seizure', 'route'])(
    'finds the valid %s certainly valid and builds what plainToInstance builds',
    (kind) => {
      const plain = base[kind]() as Record<string, unknown>;
      const plan = compiledPlan(REPORT_DTOS[kind])!;
      expect(certainlyValid(plan, plain, NOW.getTime())).toBe(true);
      const fast = instantiate(plan, plain);
      const reference = plainToInstance(
        REPORT_DTOS[kind] as new () => object,
        plain,
        REPORT_TRANSFORM_OPTIONS,
      );
      expect(shape(fast)).toEqual(shape(reference));
      expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
    },
  );

  it('passes the injected clock to the root rules (occurredAt in the future of that clock)', () => {
    const plain = base.seizure() as Record<string, Json>;
    plain.occurredAt = '2026-03-15T00:11:00Z';
    const plan = compiledPlan(SeizureReportDto)!;
    expect(certainlyValid(plan, plain, NOW.getTime())).toBe(false);
    expect(certainlyValid(plan, plain, NOW.getTime() + 60 * 60_000)).toBe(true);
  });

  it.each<ReportKind>(['seizure', 'route'])(
    'agrees with class-validator on 3,000 seeded mutations of a valid %s',
    (kind) => {
      const plan = compiledPlan(REPORT_DTOS[kind])!;
      let validSeen = 0;
      let invalidSeen = 0;
      for (let seed = 1; seed <= 3000; seed++) {
        const doc = base[kind]();
        mutate(doc, prng(seed));
        const fast = certainlyValid(plan, doc, NOW.getTime());
        const reference = validateWithClassValidator(kind, doc, { now: NOW });
        if (fast !== reference.ok)
          throw new Error(
            `seed ${seed}: compiled ${fast}, class-validator ${JSON.stringify(reference.ok ? 'valid' : reference.errors)}\n${JSON.stringify(doc)}`,
          );
        if (reference.ok) validSeen++;
        else invalidSeen++;
      }
      // Both sides of the comparison were exercised.
      expect(validSeen).toBeGreaterThan(100);
      expect(invalidSeen).toBeGreaterThan(1000);
    },
  );

  it('leaves the errors of an invalid report to class-validator, unchanged', () => {
    const doc = base.seizure() as Record<string, Json>;
    doc.category = 'NARCOTICS';
    doc.extra = 1;
    expect(validateReport('seizure', doc, { now: NOW })).toEqual(
      validateWithClassValidator('seizure', doc, { now: NOW }),
    );
  });
});
