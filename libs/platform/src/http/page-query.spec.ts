import { ProblemException } from '../problem';
import { validateInput } from '../validate-input';
import { PageCursor, PageLimit } from './page-query';

class SmallPages {
  @PageCursor()
  cursor?: string;

  @PageLimit(200, 50)
  limit?: number;
}

class LargePages {
  @PageLimit(500, 100)
  limit?: number;
}

function problemFields(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ProblemException) {
      const body = e.getResponse() as { errors?: { path: string }[] };
      return (body.errors ?? []).map((f) => f.path);
    }
    throw e;
  }
  return [];
}

describe('paged list query parameters', () => {
  it('reads limit from its query-string text and keeps the cursor', () => {
    expect(validateInput(SmallPages, { cursor: 'abc', limit: '20' })).toEqual({ cursor: 'abc', limit: 20 });
    expect(validateInput(SmallPages, {})).toEqual({});
  });

  it.each([['0'], ['201'], ['1.5'], ['-3'], ['ten']])('refuses limit %s, naming the field', (limit) => {
    expect(problemFields(() => validateInput(SmallPages, { limit }))).toEqual(['limit']);
  });

  it('takes each list its own bound', () => {
    expect(validateInput(LargePages, { limit: '500' })).toEqual({ limit: 500 });
    expect(problemFields(() => validateInput(LargePages, { limit: '501' }))).toEqual(['limit']);
  });

  it('refuses a cursor that is not text', () => {
    expect(problemFields(() => validateInput(SmallPages, { cursor: ['a', 'b'] }))).toEqual(['cursor']);
  });
});
