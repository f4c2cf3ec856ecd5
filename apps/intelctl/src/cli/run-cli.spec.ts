import type { Agency, ApiKeyInfo } from '@app/identity';
import { COMMANDS } from '../commands';
import { Closable, IdentityPort } from './command';
import { CliEnvironment, EXIT, runCli } from './run-cli';

// The identity lib is loaded lazily by the CLI and recognised by name; the fake throws the same shape.
class FakeIdentityError extends Error {
  override name = 'IdentityError';
  constructor(
    message: string,
    readonly code: 'INVALID' | 'NOT_FOUND' | 'CONFLICT',
  ) {
    super(message);
  }
}

const SECRET = 'S3cretS3cretS3cretS3cretS3cretS3cretS3cret0';

/** An in-memory identity store with the behaviour the commands rely on. */
class FakeIdentity implements IdentityPort, Closable {
  agencies: Agency[] = [];
  keys: ApiKeyInfo[] = [];
  closed = 0;
  imported: string[] = [];

  async addAgency(a: {
    id: string;
    name: string;
    liaisonContact?: Agency['liaisonContact'];
  }): Promise<Agency> {
    if (!/^[A-Z]{2}-[A-Z0-9]{2,16}$/.test(a.id))
      throw new FakeIdentityError(`agency id "${a.id}" is bad`, 'INVALID');
    if (this.agencies.some((x) => x.id === a.id))
      throw new FakeIdentityError(`agency ${a.id} already exists`, 'CONFLICT');
    const agency = {
      id: a.id,
      name: a.name,
      country: a.id.slice(0, 2),
      liaisonContact: a.liaisonContact ?? null,
      createdAt: new Date(0),
    };
    this.agencies.push(agency);
    return agency;
  }
  async importAgencies(file: string): Promise<string[]> {
    this.imported.push(file);
    if (file.endsWith('missing.json')) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    if (file.endsWith('broken.json')) throw new SyntaxError('Unexpected token } in JSON at position 3');
    return ['PK-ANF'];
  }
  async getAgency(id: string): Promise<Agency | null> {
    return this.agencies.find((a) => a.id === id) ?? null;
  }
  async listAgencies(): Promise<Agency[]> {
    return this.agencies;
  }
  async createKey(opts: {
    role: string;
    agencyId?: string | null;
    label?: string;
  }): ReturnType<IdentityPort['createKey']> {
    const role = opts.role;
    if (role !== 'publisher' && role !== 'operator')
      throw new FakeIdentityError('role must be one of …', 'INVALID');
    const keyId = `${this.keys.length}`.padStart(16, '0');
    this.keys.push({
      keyId,
      role,
      agencyId: opts.agencyId ?? null,
      label: opts.label ?? null,
      createdAt: new Date(0),
      revokedAt: null,
    });
    return { keyId, key: `bik_${keyId}_${SECRET}`, role, agencyId: opts.agencyId ?? null };
  }
  async findKey(keyId: string): ReturnType<IdentityPort['findKey']> {
    const key = this.keys.find((k) => k.keyId === keyId);
    if (!key) return null;
    const principal = { keyId, role: key.role, agencyId: key.agencyId };
    return { principal, secretHash: 'not-shown', revoked: key.revokedAt !== null };
  }
  async revokeKey(keyId: string): Promise<void> {
    const key = this.keys.find((k) => k.keyId === keyId);
    if (!key) throw new FakeIdentityError(`no key with id ${keyId}`, 'NOT_FOUND');
    key.revokedAt = new Date(1000);
  }
  async listKeys(filter: { agencyId?: string } = {}): Promise<ApiKeyInfo[]> {
    return this.keys.filter((k) => !filter.agencyId || k.agencyId === filter.agencyId);
  }
  async close(): Promise<void> {
    this.closed++;
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  opened: string[];
}

async function run(
  argv: string[],
  store = new FakeIdentity(),
  overrides: Partial<Pick<CliEnvironment, 'env' | 'loadIdentity' | 'findEmbeddedDatabase'>> = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const opened: string[] = [];
  const code = await runCli(argv, {
    commands: COMMANDS,
    env: { DATABASE_URL: 'postgres://app:pw@db:5432/intel' },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: '/home/op',
    root: '/srv/border-intel',
    loadIdentity: async () => async (url) => {
      opened.push(url);
      return store;
    },
    ...overrides,
  });
  return { code, stdout, stderr, opened };
}

describe(runCli.name, () => {
  it.each<[string, string[], number, RegExp]>([
    ['help', ['help'], EXIT.ok, /Commands:[\s\S]*agencies add[\s\S]*keys revoke/],
    ['--help of a command', ['keys', 'create', '--help'], EXIT.ok, /Usage: intelctl keys create --role/],
    ['help of a group', ['help', 'agencies'], EXIT.ok, /agencies import/],
  ])('prints %s on stdout without touching the database', async (_, argv, code, text) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code, stderr: '', opened: [] });
    expect(r.stdout).toMatch(text);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown command', ['frobnicate'], /^intelctl: unknown command "frobnicate"\n\nCommands:/],
    [
      'an unknown flag',
      ['keys', 'list', '--all'],
      /^intelctl: unknown flag --all for "keys list"\n\nUsage: intelctl keys list/,
    ],
    ['a missing value', ['keys', 'create', '--role'], /--role needs a value/],
    ['a missing required flag', ['agencies', 'add', '--id', 'PK-ANF'], /missing --name <name>/],
    ['no command', [], /no command given/],
  ])('exits 2 on %s, naming it and the usage on stderr', async (_, argv, message) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: EXIT.usage, stdout: '', opened: [] });
    expect(r.stderr).toMatch(message);
  });

  it.each<[string, string[], string]>([
    [
      'a bad role',
      ['keys', 'create', '--role', 'boss', '--agency', 'PK-ANF'],
      'intelctl: role must be one of …\n',
    ],
    [
      'a bad agency id',
      ['agencies', 'add', '--id', 'pk-anf', '--name', 'ANF'],
      'intelctl: agency id "pk-anf" is bad\n',
    ],
    [
      'an unknown key',
      ['keys', 'revoke', 'ffffffffffffffff'],
      'intelctl: no key with id ffffffffffffffff (see intelctl keys list)\n',
    ],
    [
      'an unknown agency filter',
      ['keys', 'list', '--agency', 'PK-XYZ'],
      'intelctl: agency PK-XYZ does not exist (see intelctl agencies list)\n',
    ],
    [
      'a bad e-mail',
      ['agencies', 'add', '--id', 'PK-ANF', '--name', 'ANF', '--contact-email', 'nope'],
      'intelctl: --contact-email "nope" is not an e-mail address\n',
    ],
    [
      'a missing seed file',
      ['agencies', 'import', 'missing.json'],
      'intelctl: no such file: /home/op/missing.json\n',
    ],
    [
      'a broken seed file',
      ['agencies', 'import', 'broken.json'],
      'intelctl: /home/op/broken.json is not valid JSON: Unexpected token } in JSON at position 3\n',
    ],
  ])('exits 1 with one line for %s', async (_, argv, stderr) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: EXIT.failed, stdout: '', stderr });
  });

  it('refuses a duplicate agency with the store message', async () => {
    const store = new FakeIdentity();
    expect((await run(['agencies', 'add', '--id', 'PK-ANF', '--name', 'ANF'], store)).code).toBe(EXIT.ok);
    const r = await run(['agencies', 'add', '--id', 'PK-ANF', '--name', 'ANF'], store);
    expect(r).toMatchObject({ code: EXIT.failed, stderr: 'intelctl: agency PK-ANF already exists\n' });
  });

  it('refuses to revoke a key twice', async () => {
    const store = new FakeIdentity();
    await run(['keys', 'create', '--role', 'operator'], store);
    expect((await run(['keys', 'revoke', '0000000000000000'], store)).code).toBe(EXIT.ok);
    const again = await run(['keys', 'revoke', '0000000000000000'], store);
    expect(again).toMatchObject({
      code: EXIT.failed,
      stderr: 'intelctl: key 0000000000000000 is already revoked\n',
    });
  });

  it('says which database it could not reach, without the password or a stack trace', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), { code: 'ECONNREFUSED' });
    const r = await run(['agencies', 'list'], undefined, {
      loadIdentity: async () => async () => Promise.reject(refused),
    });
    expect(r).toMatchObject({
      code: EXIT.failed,
      stdout: '',
      stderr:
        'intelctl: cannot reach the database at postgres://app@db:5432/intel: connect ECONNREFUSED 10.0.0.9:5432. Set DATABASE_URL.\n',
    });
  });

  it('reports a failure to load its own code as a failure, not as an unreachable database', async () => {
    const r = await run(['agencies', 'list'], undefined, {
      loadIdentity: () => Promise.reject(new Error("Cannot find module 'typeorm'")),
    });
    expect(r.code).toBe(EXIT.failed);
    expect(r.stderr).toBe(
      "intelctl: agencies list failed: Cannot find module 'typeorm' (set INTELCTL_DEBUG=1 for details)\n",
    );
  });

  it('uses the local server when DATABASE_URL is unset and no embedded database runs, and says so', async () => {
    const r = await run(['agencies', 'list'], undefined, { env: {}, findEmbeddedDatabase: () => null });
    expect(r.code).toBe(EXIT.ok);
    expect(r.opened).toEqual(['postgres://postgres@127.0.0.1:5432/intel']);
    expect(r.stderr).toBe(
      'intelctl: DATABASE_URL is unset and no embedded database is running; using postgres://postgres@127.0.0.1:5432/intel.\n',
    );
  });

  it('uses the embedded database npm start runs when DATABASE_URL is unset, and says so', async () => {
    const seen: string[] = [];
    const r = await run(['agencies', 'list'], undefined, {
      env: {},
      findEmbeddedDatabase: (root, cwd) => {
        seen.push(root, cwd);
        return {
          url: 'postgres://postgres@127.0.0.1:55432/postgres',
          dataDir: '/srv/border-intel/.data/pglite',
        };
      },
    });
    expect(r.code).toBe(EXIT.ok);
    expect(seen).toEqual(['/srv/border-intel', '/home/op']);
    expect(r.opened).toEqual(['postgres://postgres@127.0.0.1:55432/postgres']);
    expect(r.stderr).toBe(
      'intelctl: DATABASE_URL is unset; using the embedded database npm start runs: postgres://postgres@127.0.0.1:55432/postgres (data in /srv/border-intel/.data/pglite).\n',
    );
  });

  it('never looks for the embedded database when DATABASE_URL is set', async () => {
    const r = await run(['agencies', 'list'], undefined, {
      env: { DATABASE_URL: 'postgres://app@db:5432/intel' },
      findEmbeddedDatabase: () => {
        throw new Error('looked');
      },
    });
    expect(r).toMatchObject({ code: EXIT.ok, stderr: '', opened: ['postgres://app@db:5432/intel'] });
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL before connecting', async () => {
    const r = await run(['agencies', 'list'], undefined, { env: { DATABASE_URL: 'mysql://root:pw@db/x' } });
    expect(r).toMatchObject({ code: EXIT.failed, opened: [] });
    expect(r.stderr).toContain('is not a PostgreSQL URL');
    expect(r.stderr).not.toContain(':pw@');
  });

  it.each<[string, string[]]>([
    ['after success', ['agencies', 'list']],
    ['after a refusal', ['keys', 'revoke', 'ffffffffffffffff']],
  ])('closes the store %s', async (_, argv) => {
    const store = new FakeIdentity();
    await run(argv, store);
    expect(store.closed).toBe(1);
  });

  it('prints a new key once with the warning that it cannot be shown again', async () => {
    const store = new FakeIdentity();
    await run(['agencies', 'add', '--id', 'PK-ANF', '--name', 'ANF'], store);
    const r = await run(
      ['keys', 'create', '--agency', 'PK-ANF', '--role', 'publisher', '--label', 'ANF CMS'],
      store,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain(`    bik_0000000000000000_${SECRET}\n`);
    expect(r.stdout).toContain('cannot be shown again');
    expect(r.stdout).toContain('Created publisher key 0000000000000000 for PK-ANF (ANF CMS)');
  });

  it('prints a new key as JSON on stdout and the warning on stderr with --json', async () => {
    const r = await run(['keys', 'create', '--role', 'operator', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      keyId: '0000000000000000',
      key: `bik_0000000000000000_${SECRET}`,
      role: 'operator',
      agencyId: null,
      label: null,
    });
    expect(r.stderr).toContain('cannot be shown again');
  });

  it('lists keys as a table and as JSON, revoked ones with their date', async () => {
    const store = new FakeIdentity();
    await run(['keys', 'create', '--role', 'operator', '--label', 'ops'], store);
    await run(['keys', 'revoke', `bik_0000000000000000_${SECRET}`], store);
    const table = await run(['keys', 'list'], store);
    expect(table.stdout).toBe(
      [
        'KEY ID            ROLE      AGENCY  LABEL  CREATED               REVOKED',
        '0000000000000000  operator  -       ops    1970-01-01 00:00:00Z  1970-01-01 00:00:01Z',
        '',
      ].join('\n'),
    );
    const json = await run(['keys', 'list', '--json'], store);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ keyId: '0000000000000000', revokedAt: '1970-01-01T00:00:01.000Z' }),
    ]);
  });

  it('imports the project seed by default and a relative file from the working directory', async () => {
    const store = new FakeIdentity();
    await run(['agencies', 'import'], store);
    await run(['agencies', 'import', 'extra.json'], store);
    expect(store.imported).toEqual(['/srv/border-intel/deploy/seed/agencies.json', '/home/op/extra.json']);
  });

  it('lists agencies with their liaison contact', async () => {
    const store = new FakeIdentity();
    await run(
      [
        'agencies',
        'add',
        '--id',
        'PK-ANF',
        '--name',
        'Anti-Narcotics Force',
        '--contact-email',
        'blo@anf.example.org',
        '--contact-phone',
        '+92 51 0000 201',
      ],
      store,
    );
    const r = await run(['agencies', 'list'], store);
    expect(r.stdout.split('\n')[1]).toBe(
      'PK-ANF  PK       Anti-Narcotics Force  <blo@anf.example.org> +92510000201  1970-01-01 00:00:00Z',
    );
  });
});
