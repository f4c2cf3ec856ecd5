// Every relative link and anchor in README.md and docs/*.md must resolve inside the repository:
// the file (or folder) it names exists, and a `#fragment` into a markdown file names one of its
// headings (GitHub's slugs) or an explicit `<a id>`. Links in code blocks and code spans are text.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

/** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The markdown's lines with fenced code blocks blanked (line numbers kept). */
function withoutFences(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = null;
      return '';
    }
    if (marker) {
      fence = marker[1];
      return '';
    }
    return line;
  });
}

/** A line with its code spans emptied: what they hold is text, not links. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, '``');
}

/** The anchors a markdown document offers: its headings' slugs (deduplicated as GitHub does) and explicit ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = headingSlug(heading[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const id of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id[1]);
  }
  return anchors;
}

/** Relative link targets of a markdown document, with their line numbers. */
export function linksOf(markdown: string): { line: number; target: string }[] {
  const out: { line: number; target: string }[] = [];
  withoutFences(markdown).forEach((line, i) => {
    const text = withoutCodeSpans(line);
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      out.push({ line: i + 1, target: m[1] });
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(text);
    if (definition) out.push({ line: i + 1, target: definition[1] });
  });
  return out.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target));
}

/** What is wrong with each link of `file` (relative to `root`); empty when every link resolves. */
export function brokenLinks(
  root: string,
  file: string,
  read: (absolute: string) => string | null = (p) => (fs.existsSync(p) ? readText(p) : null),
): string[] {
  const absolute = path.join(root, file);
  const markdown = read(absolute) ?? '';
  const problems: string[] = [];
  for (const { line, target } of linksOf(markdown)) {
    const [rawPath, fragment] = target.split('#', 2) as [string, string | undefined];
    const linkedPath = decodeURIComponent(rawPath);
    const resolved = linkedPath === '' ? absolute : path.resolve(path.dirname(absolute), linkedPath);
    const where = `${file}:${line} → ${target}`;
    if (path.relative(root, resolved).startsWith('..')) {
      problems.push(`${where}: points outside the repository`);
      continue;
    }
    const content = read(resolved);
    if (content === null) {
      problems.push(`${where}: ${path.relative(root, resolved)} does not exist`);
      continue;
    }
    if (fragment !== undefined && resolved.endsWith('.md') && !anchorsOf(content).has(fragment))
      problems.push(`${where}: no heading or anchor "#${fragment}" in ${path.relative(root, resolved)}`);
  }
  return problems;
}

function readText(p: string): string {
  return fs.statSync(p).isDirectory() ? '' : fs.readFileSync(p, 'utf8');
}

const DOCS = [
  'README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('documentation links', () => {
  it.each(DOCS)('every relative link and anchor in %s resolves', (file) => {
    expect(brokenLinks(ROOT, file)).toEqual([]);
  });
});

describe(brokenLinks.name, () => {
  const files: Record<string, string> = {
    '/repo/README.md': [
      '# Border Intel',
      '[ok](docs/a.md#the-first-part) [self](#border-intel) [image](docs/pic.png)',
      '[gone](docs/missing.md) [no anchor](docs/a.md#nowhere) [outside](../elsewhere.md)',
      '`[in code](docs/missing.md)` [web](https://example.org/x#y)',
      '```text',
      '[in a fence](docs/missing.md)',
      '```',
      '[ref]: docs/missing-too.md',
    ].join('\n'),
    '/repo/docs/a.md':
      '## The first part\n## The first part\n<a id="custom"></a>\n[back](../README.md#custom)',
    '/repo/docs/pic.png': '',
  };
  const read = (p: string) => files[p] ?? null;

  it('names each dangling file, missing anchor and link out of the repository, and nothing else', () => {
    expect(brokenLinks('/repo', 'README.md', read)).toEqual([
      'README.md:3 → docs/missing.md: docs/missing.md does not exist',
      'README.md:3 → docs/a.md#nowhere: no heading or anchor "#nowhere" in docs/a.md',
      'README.md:3 → ../elsewhere.md: points outside the repository',
      'README.md:8 → docs/missing-too.md: docs/missing-too.md does not exist',
    ]);
    expect(brokenLinks('/repo', 'docs/a.md', read)).toEqual([
      'docs/a.md:4 → ../README.md#custom: no heading or anchor "#custom" in README.md',
    ]);
  });

  it('gives headings the anchors GitHub gives them, repeats numbered', () => {
    expect([
      ...anchorsOf('# Pre-check API\n## `bench:ingest`\n### TLP caps\n### TLP caps\n<a id="x"></a>'),
    ]).toEqual(['pre-check-api', 'benchingest', 'tlp-caps', 'tlp-caps-1', 'x']);
    expect(headingSlug('Events between services: [CaseLinked](#x)')).toBe(
      'events-between-services-caselinked',
    );
  });
});
