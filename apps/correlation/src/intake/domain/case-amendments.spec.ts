import { SeizureReportBuilder, RouteReportBuilder } from '@app/testing';
import { incomingRoute, incomingSeizure } from '../incoming-report';
import { caseAmendments, caseIdentity } from './case-amendments';

describe(caseAmendments.name, () => {
  it('counts each agency case once, with its reports, in order of first report', () => {
    const a1 = incomingSeizure(SeizureReportBuilder.valid().withCaseRef('A').build());
    const b = incomingSeizure(SeizureReportBuilder.valid().withCaseRef('B').build());
    const a2 = incomingSeizure(SeizureReportBuilder.valid().withCaseRef('A').build());
    expect(caseAmendments([a1, b, a2])).toEqual([
      { agencyId: 'PK-ANF', kind: 'seizure', caseRef: 'A', reports: 2 },
      { agencyId: 'PK-ANF', kind: 'seizure', caseRef: 'B', reports: 1 },
    ]);
  });

  it('keeps seizure and route references apart', () => {
    const route = incomingRoute(RouteReportBuilder.valid().withAgency('PK-ANF').withRouteRef('X').build());
    const seizure = incomingSeizure(SeizureReportBuilder.valid().withCaseRef('X').build());
    expect(caseIdentity(route)).not.toBe(caseIdentity(seizure));
    expect(caseAmendments([route, seizure])).toHaveLength(2);
  });
});
