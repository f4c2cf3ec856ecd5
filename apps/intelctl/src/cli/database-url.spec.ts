import {
  connectionFailureReason,
  databaseUrlProblem,
  DEFAULT_DATABASE_URL,
  redactDatabaseUrl,
  resolveDatabaseUrl,
} from './database-url';

describe(resolveDatabaseUrl.name, () => {
  it.each<[string, Record<string, string | undefined>, { url: string; defaulted: boolean }]>([
    ['set', { DATABASE_URL: 'postgres://u@db:5432/x' }, { url: 'postgres://u@db:5432/x', defaulted: false }],
    ['unset', {}, { url: DEFAULT_DATABASE_URL, defaulted: true }],
    ['empty', { DATABASE_URL: '  ' }, { url: DEFAULT_DATABASE_URL, defaulted: true }],
  ])('uses the environment when %s', (_, env, expected) => {
    expect(resolveDatabaseUrl(env)).toEqual(expected);
  });

  it('defaults to the database npm start uses', () => {
    expect(DEFAULT_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/intel');
  });
});

describe(redactDatabaseUrl.name, () => {
  it.each([
    ['postgres://app:s3cret@db.example:5432/intel', 'postgres://app@db.example:5432/intel'],
    ['postgres://app@db:5432/intel', 'postgres://app@db:5432/intel'],
    ['postgres://app@db/intel?password=s3cret&sslmode=require', 'postgres://app@db/intel?sslmode=require'],
    ['not a url //app:s3cret@db', 'not a url //app@db'],
  ])('%s → %s', (url, expected) => {
    expect(redactDatabaseUrl(url)).toBe(expected);
    expect(redactDatabaseUrl(url)).not.toContain('s3cret');
  });
});

describe(databaseUrlProblem.name, () => {
  it.each<[string, string | null]>([
    ['postgres://postgres@127.0.0.1:5432/intel', null],
    ['postgresql://u:p@db/x', null],
    ['postgres:///intel', null],
    ['garbage', 'is not a URL'],
    ['mysql://u@db/x', 'is not a PostgreSQL URL'],
  ])('%s → %s', (url, problem) => {
    const found = databaseUrlProblem(url);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('never repeats the password of a bad URL', () => {
    expect(databaseUrlProblem('mysql://u:s3cret@db/x')).not.toContain('s3cret');
  });
});

describe(connectionFailureReason.name, () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  it.each<[string, unknown, string]>([
    ['an error message', refused, 'connect ECONNREFUSED 127.0.0.1:1'],
    [
      'the first error of an AggregateError',
      new AggregateError([refused], ''),
      'connect ECONNREFUSED 127.0.0.1:1',
    ],
    ['the code when the message is empty', Object.assign(new Error(''), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    ['a thrown string', 'boom', 'boom'],
  ])('reports %s', (_, e, expected) => {
    expect(connectionFailureReason(e)).toBe(expected);
  });
});
