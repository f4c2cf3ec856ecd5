import { moduleErrorProblem } from '@app/platform';
import { ReportError, ReportErrorCode } from './reports.errors';

describe('ReportError: the one place report errors become HTTP', () => {
  it.each<[ReportErrorCode, number, string]>([
    [ReportErrorCode.INVALID_REPORT, 400, 'validation'],
    [ReportErrorCode.INVALID_BATCH, 400, 'validation'],
    [ReportErrorCode.INVALID_EVENT_ID, 400, 'validation'],
    [ReportErrorCode.FOREIGN_AGENCY, 403, 'forbidden'],
    [ReportErrorCode.REPORT_NOT_FOUND, 404, 'not-found'],
    [ReportErrorCode.IDEMPOTENCY_CONFLICT, 409, 'idempotency-conflict'],
    [ReportErrorCode.REPORT_TOO_LARGE, 413, 'payload-too-large'],
    [ReportErrorCode.UNSUPPORTED_MEDIA_TYPE, 415, 'unsupported-media-type'],
  ])('answers %s with %i (%s)', (code, status, slug) => {
    const p = moduleErrorProblem(new ReportError(code, 'why'));
    expect(p).toMatchObject({ status, detail: 'why', type: `https://border-intel.example/problems/${slug}` });
  });

  it('lists at most 20 field errors of an invalid report and says there were more', () => {
    const errors = Array.from({ length: 21 }, (_, i) => ({ path: `persons[${i}].role`, message: 'bad' }));
    const p = moduleErrorProblem(ReportError.invalid(ReportErrorCode.INVALID_REPORT, errors));
    expect(p?.title).toBe('Invalid report');
    expect(p?.errors).toHaveLength(20);
    expect(p?.detail).toContain('more than 20 problems');
  });
});
