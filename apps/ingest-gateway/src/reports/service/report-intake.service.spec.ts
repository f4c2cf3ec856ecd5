import { producerProblem, type Principal, type SigningKey } from '@app/identity';
import { OutboxSignal } from '@app/outbox';
import { RouteReportBuilder, SeizureReportBuilder } from '@app/testing';
import { InMemoryReportRepository } from '../testing/in-memory-report.repository';
import { ReportIntakeService } from './report-intake.service';
import { ReportWriter } from './report-writer';

const anf: Principal = { keyId: 'k-anf', role: 'publisher', agencyId: 'PK-ANF' };
const anfKey: SigningKey = { keyId: 'k-anf', secretHash: 'ab'.repeat(32) };
const cnpa: Principal = { keyId: 'k-cnpa', role: 'publisher', agencyId: 'AF-CNPA' };

function setup() {
  const repo = new InMemoryReportRepository(() => new Date('2026-03-15T00:00:00Z'));
  const signal = new OutboxSignal();
  const notify = jest.spyOn(signal, 'notify');
  const writer = new ReportWriter(repo, {
    INGEST_GROUP_COMMIT_MAX_REPORTS: 100,
    INGEST_GROUP_COMMIT_IN_FLIGHT: 1,
  });
  return { repo, notify, intake: new ReportIntakeService(repo, writer, signal) };
}

describe('ReportIntakeService (in-memory repository)', () => {
  it('stores a valid report of the key agency with its outbox record and wakes the relay', async () => {
    const { repo, notify, intake } = setup();
    const report = SeizureReportBuilder.valid().withCaseRef('ANF-1').build();
    const outcome = await intake.submitOne(
      { kind: 'seizure', report },
      { principal: anf, signingKey: anfKey, correlationId: 'corr-1' },
    );
    expect(outcome).toEqual({ kind: 'accepted', eventId: report.eventId });
    const stored = repo.reports.get(report.eventId.toLowerCase())!;
    expect(stored).toMatchObject({
      kind: 'seizure',
      agencyId: 'PK-ANF',
      ref: 'ANF-1',
      correlationId: 'corr-1',
    });
    expect(stored.outbox.key).toBe('PK-ANF:ANF-1');
    expect(stored.outbox.headers).toMatchObject({ 'event-id': report.eventId, 'correlation-id': 'corr-1' });
    expect(JSON.parse(stored.outbox.value)).toEqual(report);
    expect(notify).toHaveBeenCalledTimes(1);
    // Signed with the submitting key: the consumers can check it comes from PK-ANF.
    const record = { ...stored.outbox, claimedAgencyId: 'PK-ANF' };
    const storedKey = { principal: anf, secretHash: anfKey.secretHash, revoked: false };
    expect(producerProblem(record, storedKey)).toBeNull();
    expect(producerProblem({ ...record, claimedAgencyId: 'AF-CNPA' }, storedKey)).toMatch(
      /claims agency AF-CNPA/,
    );
  });

  it('answers a resend with the same body as a duplicate (key order aside) and a changed body as a conflict', async () => {
    const { repo, notify, intake } = setup();
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    await intake.submitOne({ kind: 'seizure', report }, { principal: anf, signingKey: anfKey });
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    expect(
      await intake.submitOne({ kind: 'seizure', report: reordered }, { principal: anf, signingKey: anfKey }),
    ).toEqual({
      kind: 'duplicate',
      eventId: report.eventId,
    });
    expect(
      await intake.submitOne(
        { kind: 'seizure', report: { ...report, narrative: 'changed' } },
        { principal: anf, signingKey: anfKey },
      ),
    ).toEqual({ kind: 'conflict', eventId: report.eventId });
    expect(repo.reports.size).toBe(1);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('refuses a report of another agency and stores nothing', async () => {
    const { repo, intake } = setup();
    const report = SeizureReportBuilder.valid().withAgency('AF-CNPA').build();
    expect(
      await intake.submitOne({ kind: 'seizure', report }, { principal: anf, signingKey: anfKey }),
    ).toEqual({
      kind: 'forbidden',
      eventId: report.eventId,
      reportAgencyId: 'AF-CNPA',
      keyAgencyId: 'PK-ANF',
    });
    expect(repo.inserts).toEqual([]);
  });

  it('answers an invalid report with its field errors and stores nothing', async () => {
    const { repo, intake } = setup();
    const report = SeizureReportBuilder.valid().with('reportedAt', '0000-01-01T00:00:00Z').build();
    const outcome = await intake.submitOne(
      { kind: 'seizure', report },
      { principal: anf, signingKey: anfKey },
    );
    expect(outcome).toMatchObject({ kind: 'invalid', eventId: report.eventId });
    expect(outcome.kind === 'invalid' && outcome.errors.map((e) => e.path)).toEqual(['reportedAt']);
    expect(repo.inserts).toEqual([]);
  });

  it('answers a report over 256 KiB as too large without validating it', async () => {
    const { intake } = setup();
    const report = SeizureReportBuilder.valid()
      .withNarrative('x'.repeat(300 * 1024))
      .build();
    expect(
      await intake.submitOne({ kind: 'seizure', report }, { principal: anf, signingKey: anfKey }),
    ).toMatchObject({
      kind: 'too-large',
      eventId: report.eventId,
      limit: 256 * 1024,
    });
  });

  it('stores the valid items of a batch in one write, in order, and answers the others', async () => {
    const { repo, intake } = setup();
    const a = SeizureReportBuilder.valid().withCaseRef().build();
    const b = RouteReportBuilder.valid().withAgency('PK-ANF').withRouteRef().build();
    const outcomes = await intake.submit(
      [
        { ok: true, kind: 'seizure', report: a },
        { ok: false, errors: [{ path: 'type', message: 'must be one of seizure, route' }] },
        { ok: true, kind: 'route', report: b },
        { ok: true, kind: 'seizure', report: { ...a } },
        { ok: true, kind: 'seizure', report: { ...a, narrative: 'other' } },
      ],
      { principal: anf, signingKey: anfKey },
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'invalid', 'accepted', 'duplicate', 'conflict']);
    expect(repo.inserts).toEqual([[a.eventId, b.eventId]]);
  });

  it("tells a report's status to its own agency only", async () => {
    const { repo, intake } = setup();
    const report = SeizureReportBuilder.valid().withCaseRef().build();
    await intake.submitOne({ kind: 'seizure', report }, { principal: anf, signingKey: anfKey });
    expect(await intake.status(report.eventId, anf)).toMatchObject({ status: 'accepted', publishedAt: null });
    expect(await intake.status(report.eventId, cnpa)).toBeNull();
    expect(await intake.status(report.eventId, { keyId: 'op', role: 'operator', agencyId: null })).toBeNull();
    repo.markPublished(report.eventId, new Date('2026-03-15T00:00:01Z'));
    expect(await intake.status(report.eventId, anf)).toMatchObject({ status: 'published' });
  });
});
