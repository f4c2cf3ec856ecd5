import * as fs from 'node:fs';
import * as path from 'node:path';
import { configurationReference, REFERENCE_FILE, SERVICE_ENVS } from './config-reference';

describe('docs/configuration.md', () => {
  it('is what the services’ validated config classes generate', () => {
    const file = path.join(__dirname, '..', REFERENCE_FILE);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    const wanted = configurationReference();
    expect(current === wanted ? 'up to date' : outOfDate(current, wanted)).toBe('up to date');
  });

  it('covers every service and every variable each one validates', () => {
    expect(SERVICE_ENVS.map((s) => s.name)).toEqual([
      'ingest-gateway',
      'correlation',
      'notification',
      'ops-monitor',
    ]);
    const reference = configurationReference();
    for (const s of SERVICE_ENVS) {
      const variables = Object.keys(new s.env());
      expect(variables.length).toBeGreaterThan(10);
      for (const v of variables) expect(reference).toContain(`| \`${v}\` |`);
    }
  });
});

// What the failure says: the fix, and the first line that differs.
function outOfDate(current: string | null, wanted: string): string {
  const fix = `${REFERENCE_FILE} is out of date with the config classes: run \`npm run config:reference\``;
  if (current === null) return `${fix} (the file is missing)`;
  const have = current.split('\n');
  const want = wanted.split('\n');
  const at = want.findIndex((line, i) => have[i] !== line);
  const line = at === -1 ? have.length : at;
  return `${fix}\n  line ${line + 1} is:     ${have[line] ?? '(end of file)'}\n  line ${line + 1} should be: ${want[line] ?? '(end of file)'}`;
}
