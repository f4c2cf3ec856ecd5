#!/usr/bin/env node
// `npx intelctl`: the operator CLI (agencies and API keys). It must work right after
// `npm ci`, so it runs the compiled build when there is one and otherwise the TypeScript
// source through @swc-node/register (transpile only: no type check, fast start). Every path is
// resolved from this file, never from the working directory.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// kafkajs 2.2.4 (its last release) arms a timer with a negative delay, which Node 24 reports as a
// TimeoutNegativeWarning on stderr: harmless (Node uses 1 ms), but it must not pollute the CLI's
// output. Every other warning is printed as Node prints it.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'TimeoutNegativeWarning') return;
  process.stderr.write(`(node:${process.pid}) ${warning.name}: ${warning.message}\n`);
});

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
  // @swc-node/register with the repository's tsconfig.json: path aliases (@app/*) and decorator
  // metadata, and its own transform cache (in the OS temp directory), so a second run starts fast.
  const { register } = require('@swc-node/register/register');
  const { readDefaultTsConfig } = require('@swc-node/register/read-default-tsconfig');
  register(readDefaultTsConfig(path.join(ROOT, 'tsconfig.json')));
  return require(SOURCE);
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
