import type { EntityManager } from 'typeorm';
import { defaultGazetteer } from '@app/contracts';
import { agencyCaseOf, matchConfig } from '@app/matching';
import { metricsRegistry } from '@app/observability';
import { containerNumber, SeizureReportBuilder } from '@app/testing';
import { incomingSeizure, type IncomingReport } from '../intake/incoming-report';
import { LinkingService } from './linking.service';
import { InMemoryLinkingStore } from './testing/in-memory-linking.store';

const tx = {} as EntityManager;

describe(LinkingService.name, () => {
  function setup(config: Parameters<typeof matchConfig>[0] = {}) {
    const store = new InMemoryLinkingStore();
    const service = new LinkingService(matchConfig(config), defaultGazetteer.all(), store);
    // The intake's part: the agency case and its report are stored before linking.
    const stored = (reports: IncomingReport[]) =>
      reports.map((report) => {
        const identity = agencyCaseOf(report.body, report.kind);
        store.storeReport(identity, report.body.eventId);
        store.bodies.set(report.body.eventId, report.body as unknown as Record<string, unknown>);
        return { report, agencyCaseId: identity.id };
      });
    return { store, service, stored };
  }

  it('publishes one CaseLinked per link, with both sides and their reports, the cluster, its agencies and countries', async () => {
    const { store, service, stored } = setup();
    const pk = incomingSeizure(SeizureReportBuilder.bare('PK-ANF').withContainer('CSQU3054383').build());
    const af = incomingSeizure(SeizureReportBuilder.bare('AF-CNPA').withContainer('CSQU3054383').build());
    service.prepare([pk]);
    await service.onStored(tx, stored([pk]));
    expect(store.published).toEqual([]);
    await service.onStored(tx, stored([af]));
    expect(store.published).toHaveLength(1);
    const [event] = store.published;
    const caseOf = (r: IncomingReport) => agencyCaseOf(r.body, r.kind).id;
    expect(event).toMatchObject({
      linkId: [...store.links.keys()][0],
      clusterId: store.clusterOf(caseOf(pk)),
      crossBorder: true,
      weak: false,
      countries: ['AF', 'PK'],
      clusterAgencies: ['AF-CNPA', 'PK-ANF'],
      triggeredByEventId: af.body.eventId,
    });
    expect([event.a.eventIds, event.b.eventIds].flat().sort()).toEqual(
      [pk.body.eventId, af.body.eventId].sort(),
    );
    // Each side carries its reports' bodies: notification composes the alert from this event alone.
    const sideOf = (r: IncomingReport) => (event.a.agencyId === r.body.agencyId ? event.a : event.b);
    for (const r of [pk, af]) expect(sideOf(r).reports).toEqual([{ eventId: r.body.eventId, body: r.body }]);
    expect(event.reasons[0]).toMatchObject({ feature: 'CONTAINER' });
    expect(event.merged).toBeUndefined();
  });

  it('publishes nothing when the batch links nothing', async () => {
    const { store, service, stored } = setup();
    const seizure = (agencyId: string) =>
      incomingSeizure(SeizureReportBuilder.bare(agencyId).withContainer(containerNumber('MSCU')).build());
    await service.onStored(tx, stored([seizure('PK-ANF')]));
    await service.onStored(tx, stored([seizure('AF-CNPA')]));
    expect(store.published).toEqual([]);
    expect(store.links.size).toBe(0);
  });

  it('tells operators which agency pushed a value over the cap, once, without the value', async () => {
    const { service, stored } = setup({ maxValueFrequency: 2 });
    const crossings = async (agency: string) =>
      ((await metricsRegistry.getSingleMetric('intel_correlation_cap_crossings_total')?.get())?.values ?? [])
        .filter((v) => v.labels.agency === agency)
        .reduce((n, v) => n + v.value, 0);
    const before = await crossings('PK-FIA');
    const warn = jest.spyOn(
      (service as unknown as { logger: { warn: (o: unknown) => void } }).logger,
      'warn',
    );
    const seizure = (agencyId: string) =>
      incomingSeizure(SeizureReportBuilder.bare(agencyId).withPlate('KBL 4521', 'AF').build());
    await service.onStored(tx, stored([seizure('AF-CNPA'), seizure('AF-CNPA'), seizure('PK-ANF')]));
    expect(warn).not.toHaveBeenCalled();
    await service.onStored(tx, stored([seizure('PK-FIA'), seizure('PK-FIA')]));
    expect(await crossings('PK-FIA')).toBe(before + 1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ keyKind: 'PL', agencies: 3, cap: 2, pushedBy: ['PK-FIA'] });
    expect(JSON.stringify(warn.mock.calls[0][0])).not.toContain('4521');
    await service.onStored(tx, stored([seizure('PK-CUS')]));
    expect(warn).toHaveBeenCalledTimes(1);
  });
  it("counts an agency's cases up to its share: its flood alone never crosses the cap, the next agency's case does and is named", async () => {
    // maxValueFrequency 10: each agency's share is 8.
    const { service, stored } = setup({ maxValueFrequency: 10 });
    const warn = jest.spyOn(
      (service as unknown as { logger: { warn: (o: unknown) => void } }).logger,
      'warn',
    );
    const seizure = (agencyId: string) =>
      incomingSeizure(SeizureReportBuilder.bare(agencyId).withPlate('KBL 4521', 'AF').build());
    await service.onStored(tx, stored([seizure('AF-CNPA'), seizure('PK-ANF')]));
    await service.onStored(tx, stored(Array.from({ length: 60 }, () => seizure('PK-FIA'))));
    expect(warn).not.toHaveBeenCalled();
    await service.onStored(tx, stored([seizure('PK-CUS')]));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({
      keyKind: 'PL',
      frequency: 11,
      agencies: 4,
      cap: 10,
      pushedBy: ['PK-CUS'],
    });
  });
});
