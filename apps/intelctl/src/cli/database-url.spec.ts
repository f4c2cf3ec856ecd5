import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  connectionFailureReason,
  databaseUrlProblem,
  DEFAULT_DATABASE_URL,
  redactDatabaseUrl,
  resolveDatabaseUrl,
  runningEmbeddedDatabase,
} from './database-url';

describe(resolveDatabaseUrl.name, () => {
  const embedded = { url: 'postgres://postgres@127.0.0.1:55432/postgres', dataDir: '/r/.data/pglite' };

  it.each<[string, Record<string, string | undefined>, { url: string; source: string }]>([
    ['set', { DATABASE_URL: 'postgres://u@db:5432/x' }, { url: 'postgres://u@db:5432/x', source: 'env' }],
    ['unset', {}, { url: DEFAULT_DATABASE_URL, source: 'default' }],
    ['empty', { DATABASE_URL: '  ' }, { url: DEFAULT_DATABASE_URL, source: 'default' }],
  ])('uses the environment when %s and no embedded database runs', (_, env, expected) => {
    expect(resolveDatabaseUrl(env, () => null)).toEqual(expected);
  });

  it('uses the running embedded database when DATABASE_URL is unset', () => {
    expect(resolveDatabaseUrl({}, () => embedded)).toEqual({ ...embedded, source: 'embedded' });
  });

  it('prefers DATABASE_URL to a running embedded database', () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: 'postgres://u@db/x' }, () => embedded).source).toBe('env');
  });

  it('falls back to a local PostgreSQL server', () => {
    expect(DEFAULT_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/intel');
  });
});

describe(runningEmbeddedDatabase.name, () => {
  let root: string;
  const url = 'postgres://postgres@127.0.0.1:55432/postgres';
  const lock = (text: string, dir = path.join(root, '.data')) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pglite.pid'), text);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'intelctl-embedded-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the URL the running server wrote into its lock file (scripts/embedded-db.js)', () => {
    lock(`${process.pid}\n${url}\n`);
    expect(runningEmbeddedDatabase(root, '/elsewhere', {})).toEqual({
      url,
      dataDir: path.join(root, '.data', 'pglite'),
    });
  });

  it('follows EMBEDDED_DB_DIR, relative to the working directory, as npm start does', () => {
    lock(`${process.pid}\n${url}\n`, path.join(root, 'other'));
    expect(runningEmbeddedDatabase('/nowhere', root, { EMBEDDED_DB_DIR: 'other/pglite' })?.dataDir).toBe(
      path.join(root, 'other', 'pglite'),
    );
  });

  it('finds none without a lock file', () => {
    expect(runningEmbeddedDatabase(root, root, {})).toBeNull();
  });

  it('finds none while the server has not said where it listens (pid only)', () => {
    lock(`${process.pid}`);
    expect(runningEmbeddedDatabase(root, root, {})).toBeNull();
  });

  it('finds none when the process that wrote the lock is gone', () => {
    const gone = 2 ** 22 + 12345; // above the default pid_max: no such process
    lock(`${gone}\n${url}\n`);
    expect(runningEmbeddedDatabase(root, root, {})).toBeNull();
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
