import { agencyCaseOf } from './agency-case';
import { linkBatch, planClusters, type MadeLink } from './correlate';
import { bareRoute, bareSeizure, GAZETTEER, unrelatedSeizure } from './testing/engine.fixtures';
import { extractFeatures, type AnyReport, type ReportKindName } from './features';
import { linkIdOf } from './ids';
import { agencyShare, matchConfig } from './scoring';
import { InMemoryLinkingRepository } from './testing/in-memory-linking.repository';
import { linkReports } from './testing/link-reports';

/** Links reports one batch at a time over memory, as the service would through PostgreSQL. */
function linker(config?: Parameters<typeof matchConfig>[0]) {
  const repo = new InMemoryLinkingRepository();
  const cfg = matchConfig(config);
  const link = async (batch: { report: AnyReport; kind: ReportKindName }[], now = 1): Promise<MadeLink[]> => {
    const reports = batch.map(({ report, kind }) => {
      const identity = agencyCaseOf(report, kind);
      repo.storeReport(identity, report.eventId);
      return { identity, eventId: report.eventId, features: extractFeatures(report, kind, GAZETTEER) };
    });
    return (await linkBatch(repo, reports, { config: cfg, now: new Date(now) })).links;
  };
  return {
    repo,
    link,
    one: (report: AnyReport, kind: ReportKindName, now = 1) => link([{ report, kind }], now),
  };
}

describe(linkBatch.name, () => {
  it('links two agency cases that share a container number and clusters them', async () => {
    const { repo, one } = linker();
    const first = await one(bareSeizure('PK-CUS', 'CUS-1').withContainer('MSCU 123456-6').build(), 'seizure');
    expect(repo.clusterOf('seizure:PK-CUS:CUS-1')).toBeNull();
    const second = await one(
      unrelatedSeizure('AF-ACD', 'ACD-9').withContainer('CSQU3054383').withContainer('mscu1234566').build(),
      'seizure',
    );
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({
      linkId: linkIdOf('seizure:AF-ACD:ACD-9', 'seizure:PK-CUS:CUS-1'),
      a: 'seizure:AF-ACD:ACD-9',
      b: 'seizure:PK-CUS:CUS-1',
      comparison: { crossBorder: true, weak: false },
    });
    expect(second[0].comparison.reasons[0]).toMatchObject({
      feature: 'CONTAINER',
      detail: 'container MSCU1234566',
    });
    expect(repo.clusterOf('seizure:PK-CUS:CUS-1')).toBe(second[0].clusterId);
    expect(repo.clusterOf('seizure:AF-ACD:ACD-9')).toBe(second[0].clusterId);
  });

  it('links cases of the same batch with each other, and each pair once', async () => {
    const { link } = linker();
    const links = await link([
      { report: bareSeizure('PK-ANF', 'A').withContainer('CSQU3054383').build(), kind: 'seizure' },
      { report: unrelatedSeizure('AF-CNPA', 'B').withContainer('CSQU3054383').build(), kind: 'seizure' },
    ]);
    expect(links.map((l) => [l.a, l.b])).toEqual([['seizure:AF-CNPA:B', 'seizure:PK-ANF:A']]);
  });

  it('merges amendments into one agency case, never links them to each other, and does not repeat a link', async () => {
    const { repo, one } = linker();
    await one(
      unrelatedSeizure('AF-CNPA', 'B').withContainer().withPlate('KBL 4521', 'AF').build(),
      'seizure',
    );
    const original = await one(bareSeizure('PK-ANF', 'A').withContainer().build(), 'seizure');
    const amendment = await one(
      bareSeizure('PK-ANF', 'A').withContainer().withPlate('KBL-4521', 'AF').build(),
      'seizure',
    );
    expect(original).toHaveLength(1);
    expect(amendment).toEqual([]);
    expect([...repo.caseKeys()]).toHaveLength(2);
    expect(repo.eventIdsOf('seizure:PK-ANF:A')).toHaveLength(2);
  });

  it('links a later report into an existing case through an amendment', async () => {
    const { one } = linker();
    await one(unrelatedSeizure('AF-CNPA', 'B').withContainer().build(), 'seizure');
    expect(await one(bareSeizure('PK-ANF', 'A').build(), 'seizure')).toEqual([]);
    expect(await one(bareSeizure('PK-ANF', 'A').withContainer().build(), 'seizure')).toHaveLength(1);
  });

  it('merges two clusters when a case links both, keeping the older id', async () => {
    const { repo, one } = linker();
    await one(bareSeizure('PK-ANF', 'A').withContainer('CSQU3054383').build(), 'seizure', 1);
    const [older] = await one(
      unrelatedSeizure('AF-CNPA', 'B').withContainer('CSQU3054383').build(),
      'seizure',
      2,
    );
    await one(
      bareSeizure('PK-FIA', 'C').withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' }).build(),
      'seizure',
      3,
    );
    const [younger] = await one(
      unrelatedSeizure('AF-ABP', 'D').withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' }).build(),
      'seizure',
      4,
    );
    const bridge = await one(
      unrelatedSeizure('PK-CUS', 'E')
        .withContainer('CSQU3054383')
        .withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' })
        .build(),
      'seizure',
      5,
    );
    expect(bridge.map((l) => l.merged).filter(Boolean)).toEqual([
      { survivor: older.clusterId, absorbed: younger.clusterId },
    ]);
    const cases = ['PK-ANF:A', 'AF-CNPA:B', 'PK-FIA:C', 'AF-ABP:D', 'PK-CUS:E'];
    expect(new Set(cases.map((c) => repo.clusterOf(`seizure:${c}`)))).toEqual(new Set([older.clusterId]));
    expect(repo.clusters.get(younger.clusterId!)).toMatchObject({
      mergedInto: older.clusterId,
      updatedAt: 5,
    });
    expect([...repo.links.values()].every((l) => l.clusterId === older.clusterId)).toBe(true);
  });

  it('keeps weak route links out of clusters unless clusterWeakLinks is set', async () => {
    for (const clusterWeakLinks of [false, true]) {
      const { repo, one } = linker({ clusterWeakLinks });
      await one(bareRoute('AF-CNPA', 'RT-1').build(), 'route');
      const links = await one(bareSeizure('PK-ANF', 'A').build(), 'seizure');
      expect(links).toEqual([
        expect.objectContaining({ comparison: expect.objectContaining({ weak: true }) }),
      ]);
      expect(repo.clusterOf('seizure:PK-ANF:A') !== null).toBe(clusterWeakLinks);
    }
  });

  it('upgrades a weak route link when an amendment brings an indicator identifier', async () => {
    const { repo, one } = linker();
    await one(bareRoute('AF-CNPA', 'RT-1').withPlate('KBL 4521', 'AF').build(), 'route');
    const [weak] = await one(bareSeizure('PK-ANF', 'A').build(), 'seizure');
    const upgraded = await one(bareSeizure('PK-ANF', 'A').withPlate('KBL4521', 'AF').build(), 'seizure');
    expect(weak.comparison.weak).toBe(true);
    expect(upgraded).toEqual([
      expect.objectContaining({ linkId: weak.linkId, comparison: expect.objectContaining({ weak: false }) }),
    ]);
    expect(repo.clusterOf('seizure:PK-ANF:A')).not.toBeNull();
    expect(repo.links.get(weak.linkId)).toMatchObject({ weak: false, triggeredBy: weak.triggeredBy });
  });

  it('stops using a value once more agencies than maxValueFrequency hold it', async () => {
    const { one } = linker({ maxValueFrequency: 2 });
    const reports = ['PK-ANF', 'PK-FIA', 'AF-CNPA', 'AF-ACD'].map((agency, i) =>
      bareSeizure(agency, 'X', { crossing: i === 0 ? 'TORKHAM' : 'GHULAM_KHAN' })
        .withContainer()
        .build(),
    );
    const links: number[] = [];
    for (const r of reports) links.push((await one(r, 'seizure')).length);
    expect(links).toEqual([0, 1, 0, 0]);
  });

  // Issue 16.1: a value's frequency counts the agencies holding it, so one publisher filing
  // junk cases with another agency's identifier cannot push it over the cap.
  it("still links on a trafficker's plate after one publisher filed 60 junk seizures carrying it", async () => {
    const { one, link } = linker({ maxValueFrequency: 3 });
    await one(bareSeizure('AF-CNPA', 'OWN').withPlate('KBL 4521', 'AF').build(), 'seizure');
    await link(
      Array.from({ length: 60 }, (_, i) => ({
        report: unrelatedSeizure('PK-FIA', `JUNK-${i}`).withPlate('KBL 4521', 'AF').build(),
        kind: 'seizure' as const,
      })),
    );
    const links = await one(bareSeizure('PK-ANF', 'NEW').withPlate('KBL-4521', 'AF').build(), 'seizure');
    const onOwner = links.find((l) => [l.a, l.b].includes('seizure:AF-CNPA:OWN'));
    expect(onOwner?.comparison.reasons.map((r) => r.feature)).toContain('PLATE');
    expect(onOwner?.comparison.capped).toEqual([]);
  });

  it("counts at most an agency's share (frequencyFreeCount) of its cases towards a value's frequency", async () => {
    const { repo, one, link } = linker();
    expect(agencyShare(matchConfig())).toBe(8);
    await one(bareSeizure('AF-CNPA', 'OWN').withPlate('KBL 4521', 'AF').build(), 'seizure');
    await link(
      Array.from({ length: 60 }, (_, i) => ({
        report: unrelatedSeizure('PK-FIA', `JUNK-${i}`).withPlate('KBL 4521', 'AF').build(),
        kind: 'seizure' as const,
      })),
    );
    expect((await repo.frequencies(['PL:KBL4521'], 8)).get('PL:KBL4521')).toBe(1 + 8);
    // The owner's plate still counts, at the cost of log2(10 / 8) bits at most.
    const links = await one(bareSeizure('PK-ANF', 'NEW').withPlate('KBL-4521', 'AF').build(), 'seizure');
    const onOwner = links.find((l) => [l.a, l.b].includes('seizure:AF-CNPA:OWN'));
    const plate = onOwner?.comparison.reasons.find((r) => r.feature === 'PLATE');
    expect(plate?.weight).toBeCloseTo(12 - Math.log2(10 / 8));
    expect(onOwner?.comparison.capped).toEqual([]);
  });

  it('weighs down a value spread over many cases of a few agencies (a hub), as the agencies alone would not', async () => {
    const { repo, link, one } = linker();
    const agencies = ['AF-CNPA', 'AF-ACD', 'PK-FIA', 'PK-ANF', 'PK-CUS', 'IR-DCHQ'];
    await link(
      agencies.flatMap((agency) =>
        Array.from({ length: 10 }, (_, i) => ({
          // One of them also met at the new case's crossing, the same day, with the same commodity.
          report: (agency === 'PK-FIA' && i === 0 ? bareSeizure : unrelatedSeizure)(agency, `HUB-${i}`)
            .withPlate('KBL 4521', 'AF')
            .build(),
          kind: 'seizure' as const,
        })),
      ),
    );
    expect((await repo.frequencies(['PL:KBL4521'], 8)).get('PL:KBL4521')).toBe(6 * 8);
    const links = await one(bareSeizure('AF-CNPA', 'NEW').withPlate('KBL-4521', 'AF').build(), 'seizure');
    // Six agencies alone would leave the plate its 12 bits; 48 counted cases cost it log2(48 / 8).
    expect(links.map((l) => [l.a, l.b])).toEqual([['seizure:AF-CNPA:NEW', 'seizure:PK-FIA:HUB-0']]);
    const plate = links[0].comparison.reasons.find((r) => r.feature === 'PLATE');
    expect(plate?.weight).toBeCloseTo(12 - Math.log2(48 / 8));
    expect(plate?.detail).toContain('(frequency 48)');
  });

  it('stops counting a value held by more agencies than the cap', async () => {
    const { one } = linker({ maxValueFrequency: 2 });
    for (const agency of ['AF-CNPA', 'AF-ACD', 'PK-FIA'])
      await one(bareSeizure(agency, 'X').withPlate('KBL 4521', 'AF').build(), 'seizure');
    const links = await one(bareSeizure('PK-ANF', 'NEW').withPlate('KBL-4521', 'AF').build(), 'seizure');
    expect(links).toEqual([]);
  });
});

describe(planClusters.name, () => {
  const link = (a: string, b: string, linkId: string) => ({ linkId, a, b }) as MadeLink;

  it('creates, joins and merges as if the links were made one by one, the older cluster surviving', () => {
    const heads = new Map([
      ['a', { id: 'K-old', firstSeenAt: 1 }],
      ['b', null],
      ['c', { id: 'K-new', firstSeenAt: 5 }],
      ['x', null],
      ['y', null],
    ]);
    const links = [link('a', 'b', 'L1'), link('b', 'c', 'L2'), link('x', 'y', 'L3')];
    const { changes, resolve } = planClusters(links, heads, new Date(9));
    expect(links.map((l) => l.clusterId)).toEqual(['K-old', 'K-old', changes.created[0]]);
    expect(links[1].merged).toEqual({ survivor: 'K-old', absorbed: 'K-new' });
    expect(changes.merges).toEqual([{ survivor: 'K-old', absorbed: 'K-new', final: 'K-old' }]);
    expect(resolve('K-new')).toBe('K-old');
    expect(changes.moved.map((m) => [m.caseKey, m.clusterId]).sort()).toEqual(
      [
        ['b', 'K-old'],
        ['c', 'K-old'],
        ['x', changes.created[0]],
        ['y', changes.created[0]],
      ].sort(),
    );
    expect(changes.touched.sort()).toEqual(['K-old', changes.created[0]].sort());
  });
});

describe(linkReports.name, () => {
  it('links what the service would, skipping a report seen before', async () => {
    const a = bareSeizure('PK-ANF', 'A').withContainer('CSQU3054383').build();
    const b = unrelatedSeizure('AF-CNPA', 'B').withContainer('CSQU3054383').build();
    const { links, clusterOf } = await linkReports(
      [a, b, a].map((report) => ({ report, kind: 'seizure' as const })),
      { batchSize: 1, gazetteer: GAZETTEER },
    );
    expect(links).toHaveLength(1);
    expect(clusterOf.get('seizure:PK-ANF:A')).toBe(links[0].clusterId);
    expect(clusterOf.get('seizure:AF-CNPA:B')).toBe(links[0].clusterId);
  });
});
