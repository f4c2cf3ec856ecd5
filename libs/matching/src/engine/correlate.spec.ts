import { Engine } from './correlate';
import { bareRoute, bareSeizure, GAZETTEER, unrelatedSeizure } from './engine.fixtures';
import { linkIdOf } from './ids';

const newEngine = (config?: ConstructorParameters<typeof Engine>[0]['config']) =>
  new Engine({ gazetteer: GAZETTEER, config });

describe(Engine.name, () => {
  it('links two agency cases that share a container number and clusters them', () => {
    const engine = newEngine();
    const first = engine.ingest(
      bareSeizure('PK-CUS', 'CUS-1').withContainer('MSCU 123456-6').build(),
      'seizure',
      1,
    );
    const second = engine.ingest(
      unrelatedSeizure('AF-ACD', 'ACD-9').withContainer('CSQU3054383').withContainer('mscu1234566').build(),
      'seizure',
      2,
    );
    expect(first.newLinks).toEqual([]);
    expect(first.clusterId).toBeUndefined();
    expect(second.newLinks).toHaveLength(1);
    expect(second.newLinks[0]).toMatchObject({
      linkId: linkIdOf('seizure:AF-ACD:ACD-9', 'seizure:PK-CUS:CUS-1'),
      a: 'seizure:AF-ACD:ACD-9',
      b: 'seizure:PK-CUS:CUS-1',
      crossBorder: true,
      weak: false,
    });
    expect(second.newLinks[0].reasons[0]).toMatchObject({
      feature: 'CONTAINER',
      detail: 'container MSCU1234566',
    });
    expect(engine.clusterOf('seizure:PK-CUS:CUS-1')?.id).toBe(second.clusterId);
  });

  it('changes nothing when the same eventId arrives again', () => {
    const engine = newEngine();
    const report = bareSeizure('PK-ANF', 'A').withContainer().build();
    engine.ingest(unrelatedSeizure('AF-CNPA', 'B').withContainer().build(), 'seizure', 1);
    const once = engine.ingest(report, 'seizure', 2);
    const again = engine.ingest(report, 'seizure', 3);
    expect(once.newLinks).toHaveLength(1);
    expect(again).toMatchObject({ duplicate: true, newLinks: [], merges: [], clusterId: once.clusterId });
    expect(engine.eventIdsOf('seizure:PK-ANF:A')).toEqual([report.eventId]);
  });

  it('merges amendments into one agency case, never links them to each other, and does not repeat a link', () => {
    const engine = newEngine();
    engine.ingest(
      unrelatedSeizure('AF-CNPA', 'B').withContainer().withPlate('KBL 4521', 'AF').build(),
      'seizure',
      1,
    );
    const original = engine.ingest(bareSeizure('PK-ANF', 'A').withContainer().build(), 'seizure', 2);
    const amendment = engine.ingest(
      bareSeizure('PK-ANF', 'A').withContainer().withPlate('KBL-4521', 'AF').build(),
      'seizure',
      3,
    );
    expect(original.newLinks).toHaveLength(1);
    expect(amendment).toMatchObject({ agencyCaseId: 'seizure:PK-ANF:A', newLinks: [], upgradedLinks: [] });
    expect(engine.caseCount).toBe(2);
    expect(engine.eventIdsOf('seizure:PK-ANF:A')).toHaveLength(2);
  });

  it('links a later report into an existing case through an amendment', () => {
    const engine = newEngine();
    engine.ingest(unrelatedSeizure('AF-CNPA', 'B').withContainer().build(), 'seizure', 1);
    expect(engine.ingest(bareSeizure('PK-ANF', 'A').build(), 'seizure', 2).newLinks).toEqual([]);
    expect(
      engine.ingest(bareSeizure('PK-ANF', 'A').withContainer().build(), 'seizure', 3).newLinks,
    ).toHaveLength(1);
  });

  it('merges two clusters when a case links both, keeping the older id', () => {
    const engine = newEngine();
    engine.ingest(bareSeizure('PK-ANF', 'A').withContainer('CSQU3054383').build(), 'seizure', 1);
    const older = engine.ingest(
      unrelatedSeizure('AF-CNPA', 'B').withContainer('CSQU3054383').build(),
      'seizure',
      2,
    );
    engine.ingest(
      bareSeizure('PK-FIA', 'C').withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' }).build(),
      'seizure',
      3,
    );
    const younger = engine.ingest(
      unrelatedSeizure('AF-ABP', 'D').withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' }).build(),
      'seizure',
      4,
    );
    const bridge = engine.ingest(
      unrelatedSeizure('PK-CUS', 'E')
        .withContainer('CSQU3054383')
        .withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' })
        .build(),
      'seizure',
      5,
    );
    expect(bridge.merges).toEqual([{ survivor: older.clusterId, absorbed: younger.clusterId }]);
    expect(bridge.clusterId).toBe(older.clusterId);
    expect(engine.clusters.all()).toHaveLength(1);
  });

  it('keeps weak route links out of clusters unless clusterWeakLinks is set', () => {
    for (const clusterWeakLinks of [false, true]) {
      const engine = newEngine({ clusterWeakLinks });
      engine.ingest(bareRoute('AF-CNPA', 'RT-1').build(), 'route', 1);
      const result = engine.ingest(bareSeizure('PK-ANF', 'A').build(), 'seizure', 2);
      expect(result.newLinks).toEqual([expect.objectContaining({ weak: true })]);
      expect(result.clusterId !== undefined).toBe(clusterWeakLinks);
    }
  });

  it('upgrades a weak route link when an amendment brings an indicator identifier', () => {
    const engine = newEngine();
    engine.ingest(bareRoute('AF-CNPA', 'RT-1').withPlate('KBL 4521', 'AF').build(), 'route', 1);
    const weak = engine.ingest(bareSeizure('PK-ANF', 'A').build(), 'seizure', 2);
    const upgraded = engine.ingest(
      bareSeizure('PK-ANF', 'A').withPlate('KBL4521', 'AF').build(),
      'seizure',
      3,
    );
    expect(weak.newLinks[0].weak).toBe(true);
    expect(upgraded.upgradedLinks).toEqual([
      expect.objectContaining({ linkId: weak.newLinks[0].linkId, weak: false }),
    ]);
    expect(upgraded.clusterId).toBeDefined();
  });

  it('stops using a value once it passes maxValueFrequency', () => {
    const engine = newEngine({ maxValueFrequency: 2 });
    const reports = ['A', 'B', 'C', 'D'].map((ref) =>
      bareSeizure('PK-ANF', ref, { crossing: ref === 'A' ? 'TORKHAM' : 'GHULAM_KHAN' })
        .withContainer()
        .build(),
    );
    const links = reports.map((r, i) => engine.ingest(r, 'seizure', i).newLinks.length);
    expect(links).toEqual([0, 1, 0, 0]);
  });
});
