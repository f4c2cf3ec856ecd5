import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiKeyVerifier, IdentityStore } from '@app/identity';
import { eventually } from '@app/testing';

// The CLI as operators run it: `node bin/intelctl.js …` in a child process, from a directory
// other than the project, against the throwaway database of the jest global setup.
const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'intelctl.js');
const KEY_LINE = /^\s*(bik_[0-9a-f]{16}_[A-Za-z0-9_-]{43})$/m;
const STACK_FRAME = /^\s+at /m;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function intelctl(args: string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: os.tmpdir(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('intelctl', () => {
  const databaseUrl = process.env.DATABASE_URL!;
  // Unique per run: the throwaway database may be shared with other integration specs.
  const agencyId = `PK-CLI${Date.now().toString(36).toUpperCase()}`;
  let store: IdentityStore;

  beforeAll(async () => {
    store = await IdentityStore.open(databaseUrl);
  });

  afterAll(async () => {
    await store.close();
  });

  it('adds an agency, lists it, and refuses the same id twice', async () => {
    const added = await intelctl([
      'agencies',
      'add',
      '--id',
      agencyId,
      '--name',
      'CLI Test Force',
      '--contact-email',
      'blo@cli.example.org',
    ]);
    expect(added).toMatchObject({
      code: 0,
      stdout: `Added agency ${agencyId}: CLI Test Force (country PK).\n`,
    });

    const table = await intelctl(['agencies', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+COUNTRY\s+NAME\s+LIAISON CONTACT\s+CREATED$/);
    expect(table.stdout).toMatch(
      new RegExp(`^${agencyId}\\s+PK\\s+CLI Test Force\\s+<blo@cli\\.example\\.org>`, 'm'),
    );

    const json = await intelctl(['agencies', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toContainEqual(
      expect.objectContaining({
        id: agencyId,
        name: 'CLI Test Force',
        country: 'PK',
        liaisonContact: { email: 'blo@cli.example.org' },
      }),
    );

    const duplicate = await intelctl(['agencies', 'add', '--id', agencyId, '--name', 'Again']);
    expect(duplicate).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `intelctl: agency ${agencyId} already exists\n`,
    });
  });

  it('imports the project seed from any working directory, and again without harm', async () => {
    const first = await intelctl(['agencies', 'import']);
    expect(first.code).toBe(0);
    const again = await intelctl(['agencies', 'import', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      file: path.join(__dirname, '..', '..', '..', 'deploy', 'seed', 'agencies.json'),
      added: [],
    });
    expect((await store.listAgencies()).map((a) => a.id)).toEqual(
      expect.arrayContaining(['AF-CNPA', 'PK-ANF']),
    );
  });

  it('creates a key shown once, lists it without its secret, and revokes it so that it no longer verifies', async () => {
    const created = await intelctl([
      'keys',
      'create',
      '--agency',
      agencyId,
      '--role',
      'publisher',
      '--label',
      'CLI CMS',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('cannot be shown again');
    const key = KEY_LINE.exec(created.stdout)?.[1];
    expect(key).toMatch(/^bik_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const keyId = key!.slice(4, 20);
    const secret = key!.slice(21);

    const verifier = new ApiKeyVerifier(store, 0);
    await expect(verifier.verify(key!)).resolves.toEqual({ keyId, role: 'publisher', agencyId });

    const table = await intelctl(['keys', 'list', '--agency', agencyId]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      new RegExp(`^${keyId}\\s+publisher\\s+${agencyId}\\s+CLI CMS\\s+\\S+ \\S+\\s+-$`, 'm'),
    );
    const json = await intelctl(['keys', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toContainEqual(
      expect.objectContaining({ keyId, role: 'publisher', agencyId, label: 'CLI CMS', revokedAt: null }),
    );
    for (const listing of [table, json]) {
      expect(listing.stdout).not.toContain(secret);
      expect(listing.stderr).not.toContain(secret);
    }

    const revoked = await intelctl(['keys', 'revoke', keyId]);
    expect(revoked).toMatchObject({
      code: 0,
      stdout: `Revoked key ${keyId}; services refuse it within a few seconds.\n`,
    });
    const after = await intelctl(['keys', 'list', '--agency', agencyId]);
    expect(after.stdout).toMatch(
      new RegExp(
        `^${keyId}\\s+publisher\\s+${agencyId}\\s+CLI CMS\\s+\\S+ \\S+\\s+\\d{4}-\\d\\d-\\d\\d \\S+Z$`,
        'm',
      ),
    );
    const afterJson = await intelctl(['keys', 'list', '--agency', agencyId, '--json']);
    expect(JSON.parse(afterJson.stdout)).toEqual([
      expect.objectContaining({ keyId, revokedAt: expect.any(String) }),
    ]);
    await expect(verifier.verify(key!)).resolves.toBeNull();

    const twice = await intelctl(['keys', 'revoke', keyId]);
    expect(twice).toMatchObject({ code: 1, stderr: `intelctl: key ${keyId} is already revoked\n` });
  });

  it('creates an operator key without an agency', async () => {
    const created = await intelctl(['keys', 'create', '--role', 'operator', '--label', 'ops', '--json']);
    expect(created.code).toBe(0);
    const body = JSON.parse(created.stdout) as { keyId: string; key: string; role: string; agencyId: null };
    expect(body).toMatchObject({ role: 'operator', agencyId: null, label: 'ops' });
    expect(body.key).toMatch(/^bik_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('cannot be shown again');
  });

  it.each<[string, string[], string]>([
    [
      'a bad role',
      ['keys', 'create', '--agency', 'PK-ANF', '--role', 'admin'],
      'role must be one of publisher, liaison, operator',
    ],
    [
      'an agency on an operator key',
      ['keys', 'create', '--agency', 'PK-ANF', '--role', 'operator'],
      'omit --agency',
    ],
    [
      'a publisher key without agency',
      ['keys', 'create', '--role', 'publisher'],
      'must be bound to an agency',
    ],
    [
      'an unknown agency',
      ['keys', 'create', '--agency', 'PK-NOPE', '--role', 'liaison'],
      'agency PK-NOPE does not exist',
    ],
    [
      'a malformed agency id',
      ['agencies', 'add', '--id', 'anf', '--name', 'ANF'],
      'agency id "anf" is not of the form CC-CODE',
    ],
    ['an unknown key id', ['keys', 'revoke', '0000000000000000'], 'no key with id 0000000000000000'],
  ])('refuses %s with exit 1 and a one-line reason', async (_, args, reason) => {
    const r = await intelctl(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^intelctl: .+\n$/);
    expect(r.stderr).toContain(reason);
  });

  it.each<[string, string[], string]>([
    ['an unknown command', ['rotate-everything'], 'intelctl: unknown command "rotate-everything"'],
    [
      'an unknown flag',
      ['keys', 'list', '--everything'],
      'intelctl: unknown flag --everything for "keys list"',
    ],
  ])('answers %s with exit 2, naming it and the usage', async (_, args, message) => {
    const r = await intelctl(args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).toMatch(/Commands:|Usage: intelctl/);
  });

  it('says which database it cannot reach, with no stack trace', async () => {
    const r = await intelctl(['agencies', 'list'], {
      DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/x',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^intelctl: cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/x: .*ECONNREFUSED.*\. Set DATABASE_URL\.\n$/,
    );
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('without DATABASE_URL uses the embedded database the local stack runs on, and says so', async () => {
    // The embedded server npm start runs (scripts/embedded-db.js), on its own data directory and a free port.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intelctl-embedded-'));
    const server = spawn(
      process.execPath,
      [
        path.join(__dirname, '..', '..', '..', 'scripts', 'embedded-db.js'),
        '--data',
        path.join(dir, 'pglite'),
        '--port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    server.stdout.on('data', (b: Buffer) => (output += b.toString()));
    server.stderr.on('data', (b: Buffer) => (output += b.toString()));
    try {
      await eventually(() => /ready postgres:\/\//.test(output) || server.exitCode !== null, {
        timeoutMs: 60_000,
        what: 'the embedded database to say ready',
      });
      const url = /ready (postgres:\/\/\S+)/.exec(output)?.[1];
      expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);

      const r = await intelctl(['agencies', 'list'], {
        DATABASE_URL: undefined,
        EMBEDDED_DB_DIR: path.join(dir, 'pglite'),
      });
      expect(r).toMatchObject({ code: 0 });
      expect(r.stderr).toContain(`using the embedded database npm start runs: ${url}`);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) =>
        server.exitCode !== null ? resolve(null) : server.once('exit', resolve),
      );
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
