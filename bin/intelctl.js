#!/usr/bin/env node
// `npx intelctl`: the operator CLI (agencies and API keys). It must work right after
// `npm ci`, so it runs the compiled build when there is one and otherwise the TypeScript
// source through ts-node (transpile only: no type check, fast start). Every path is
// resolved from this file, never from the working directory.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'apps', 'intelctl', 'src', 'main.ts');
// `nest build` of a monorepo app keeps the source layout under its outDir; a flat build has main.js on top.
const COMPILED = [
  path.join(ROOT, 'dist', 'apps', 'intelctl', 'main.js'),
  path.join(ROOT, 'dist', 'apps', 'intelctl', 'apps', 'intelctl', 'src', 'main.js'),
];

function loadCompiled() {
  // INTELCTL_FROM_SOURCE=true runs the source even when a (possibly stale) build exists.
  if (process.env.INTELCTL_FROM_SOURCE === 'true') return null;
  const entry = COMPILED.find((file) => fs.existsSync(file));
  return entry ? require(entry) : null;
}

function loadSource() {
  const project = path.join(ROOT, 'tsconfig.json');
  const service = require('ts-node').register({ project, transpileOnly: true });
  cacheTranspiledSource(service, project);
  const tsconfigPaths = require('tsconfig-paths');
  const config = tsconfigPaths.loadConfig(ROOT);
  if (config.resultType !== 'success') throw new Error(`cannot read ${project}: ${config.message}`);
  tsconfigPaths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
  return require(SOURCE);
}

// Transpiling the dozens of source files the identity lib pulls in takes ts-node 1-2 s on every run;
// caching its output by content (node_modules/.cache/intelctl) keeps startup near a compiled build.
// The key covers the file, its text, the TypeScript version and tsconfig.json, so an edit is never
// served stale. Any cache problem falls back to plain ts-node.
function cacheTranspiledSource(service, project) {
  const tsHandler = require.extensions['.ts'];
  if (!tsHandler) return;
  const crypto = require('node:crypto');
  const dir = path.join(ROOT, 'node_modules', '.cache', 'intelctl');
  const salt = `${require('typescript').version}\0${fs.readFileSync(project, 'utf8')}`;
  const inNodeModules = `${path.sep}node_modules${path.sep}`;
  require.extensions['.ts'] = function cachedTs(module, filename) {
    if (filename.includes(inNodeModules)) return tsHandler(module, filename);
    const code = fs.readFileSync(filename, 'utf8');
    const key = crypto
      .createHash('sha256')
      .update(salt)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(code);
    const cached = path.join(dir, `${key.digest('hex')}.js`);
    let js;
    try {
      js = fs.readFileSync(cached, 'utf8');
    } catch {
      js = service.compile(code, filename);
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cached}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, js);
        fs.renameSync(tmp, cached);
      } catch {
        // read-only install: run uncached
      }
    }
    module._compile(js, filename);
  };
}

// `intelctl keys list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}

let cli;
try {
  cli = loadCompiled() || loadSource();
} catch (e) {
  process.stderr.write(`intelctl: cannot start: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
}

cli.main(process.argv.slice(2), ROOT).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`intelctl: unexpected error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 1;
  },
);
