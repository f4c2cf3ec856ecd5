import { defaultGazetteer, validateReport } from '@app/contracts';
import { normaliseContainer, normalisePersonName, normalisePhone, normalisePlate } from '@app/matching';
import { linkReports } from '@app/matching/testing';
import { buildScenario, caseRefOf, persianDigits, STORIES, type DemoReport } from './scenario';

const NOW = new Date('2026-11-20T12:00:00Z');

function byRef(reports: DemoReport[], prefix: string): DemoReport {
  const r = reports.find((x) => caseRefOf(x).startsWith(prefix));
  if (!r) throw new Error(`no report ${prefix}`);
  return r;
}

describe('demo scenario', () => {
  const { reports, values } = buildScenario({ seed: 7, now: NOW });

  it('passes the ingest gateway validation for every report', () => {
    for (const r of reports) {
      const v = validateReport(r.kind as 'seizure', r.body, { now: NOW });
      expect({ ref: caseRefOf(r), errors: v.ok ? [] : v.errors }).toEqual({ ref: caseRefOf(r), errors: [] });
    }
  });

  it('covers the six demo agencies and the three storylines plus noise', () => {
    expect(new Set(reports.map((r) => r.body.agencyId))).toEqual(
      new Set(['AF-CNPA', 'AF-ABP', 'AF-ACD', 'PK-ANF', 'PK-FIA', 'PK-CUS']),
    );
    for (const story of Object.keys(STORIES)) {
      const agencies = new Set(
        reports.filter((r) => r.story === story).map((r) => r.body.agencyId.slice(0, 2)),
      );
      expect({ story, countries: [...agencies].sort() }).toEqual({ story, countries: ['AF', 'PK'] });
    }
    expect(reports.filter((r) => r.story === 'noise').length).toBeGreaterThanOrEqual(3);
  });

  it('writes the Torkham plate and the phones differently on each side, yet they normalise alike', () => {
    const abp = byRef(reports, 'ABP-TKM').body as { conveyances: { plate: string; plateCountry: string }[] };
    const anf = byRef(reports, 'ANF-PES').body as {
      conveyances: { plate: string; plateCountry: string }[];
      persons: { name: string; phones: string[] }[];
    };
    expect(abp.conveyances[0].plate).toContain(persianDigits(values.plateNumber));
    expect(anf.conveyances[0].plate).toBe(`${values.plateLetters.toLowerCase()}-${values.plateNumber}`);
    expect(normalisePlate(abp.conveyances[0].plate, 'AF')!.key).toBe(
      normalisePlate(anf.conveyances[0].plate, 'AF')!.key,
    );
    const abpDriver = (byRef(reports, 'ABP-TKM').body as { persons: { name: string; phones: string[] }[] })
      .persons[0];
    expect(abpDriver.phones[0]).toBe(values.courierPhoneLocal);
    expect(anf.persons[0].phones[0].startsWith('+93')).toBe(true);
    expect(normalisePhone(abpDriver.phones[0], 'AF')?.e164).toBe(
      normalisePhone(anf.persons[0].phones[0], 'PK')?.e164,
    );
    expect(abpDriver.name).not.toBe(anf.persons[0].name);
    expect(normalisePersonName(abpDriver.name)?.key).toBe(normalisePersonName(anf.persons[0].name)?.key);
  });

  it('ships a valid ISO 6346 container, written differently by Afghan Customs', () => {
    const acd = byRef(reports, 'ACD-NIM').body as { indicators: { containers: string[] } };
    expect(normaliseContainer(values.container)?.checkDigitValid).toBe(true);
    expect(acd.indicators.containers[0]).not.toBe(values.container);
    expect(normaliseContainer(acd.indicators.containers[0])?.value).toBe(values.container);
  });

  it('carries protected persons (a smuggled migrant and a victim) in the FIA report', () => {
    const fia = byRef(reports, 'FIA-QTA').body as { persons: { role: string }[] };
    expect(fia.persons.map((p) => p.role)).toEqual(['FACILITATOR', 'SMUGGLED_MIGRANT', 'VICTIM']);
  });

  it('draws fresh identifiers, references and report ids on every run', () => {
    const other = buildScenario({ seed: 8, now: NOW });
    expect(other.values.plateNumber + other.values.container).not.toBe(values.plateNumber + values.container);
    const ids = new Set(reports.map((r) => r.body.eventId));
    expect(other.reports.some((r) => ids.has(r.body.eventId))).toBe(false);
    const refs = new Set(reports.map(caseRefOf));
    expect(other.reports.some((r) => refs.has(caseRefOf(r)))).toBe(false);
  });

  it('never dates an event in the future', () => {
    for (const r of reports) {
      const b = r.body as { occurredAt?: string; reportedAt: string };
      for (const t of [b.occurredAt, b.reportedAt].filter(Boolean) as string[]) {
        expect(Date.parse(t)).toBeLessThanOrEqual(NOW.getTime());
      }
    }
  });
});

describe('demo scenario: the driver written in Dari script', () => {
  it('still links the Afghan and Pakistani seizures of the heroin ring, with the name as a reason', async () => {
    for (const seed of [1, 7, 42, 99]) {
      const { reports } = buildScenario({ seed, now: NOW });
      const abp = byRef(reports, 'ABP-TKM');
      const anf = byRef(reports, 'ANF-PES');
      expect((abp.body as { persons: { name: string }[] }).persons[0].name).toMatch(/[\u0600-\u06ff]/u);
      const { links } = await linkReports(
        [
          { report: abp.body, kind: 'seizure' },
          { report: anf.body, kind: 'seizure' },
        ],
        { gazetteer: defaultGazetteer.all() },
      );
      const link = links.find((l) => l.a.includes('ABP-TKM') || l.b.includes('ABP-TKM'));
      expect(link).toBeDefined();
      expect(link!.comparison.reasons.map((r) => r.feature)).toContain('PERSON_NAME_DOB');
    }
  });
});
