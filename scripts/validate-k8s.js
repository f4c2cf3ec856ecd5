#!/usr/bin/env node
// Validates every object of a multi-document Kubernetes YAML stream against the Kubernetes
// OpenAPI schemas shipped by the `kubernetes-models` package, and checks what the schemas leave
// to the API server: unknown fields (the server's strict field validation), object names,
// workload selectors that match their pod template, duplicate objects.
//
//   kubectl kustomize deploy/k8s/overlays/production | node scripts/validate-k8s.js -
//   node scripts/validate-k8s.js rendered.yaml other.yaml
//
// Exit 0 when every object is valid, 1 when any is not (each problem printed with the object
// and the JSON path), 2 on a usage or setup error (missing package, unreadable input).
'use strict';
const fs = require('node:fs');

function requireOrExit(name, hint) {
  try {
    return require(name);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND') {
      process.stderr.write(
        `validate-k8s: the npm package '${name.split('/')[0]}' is not installed (${hint})\n`,
      );
      process.exit(2);
    }
    throw e;
  }
}

const YAML = requireOrExit('yaml', 'npm i -D yaml');
// kubernetes-models 4.x runs on Node >= 14; 5.x needs Node >= 22.
requireOrExit('kubernetes-models/package.json', 'npm i -D kubernetes-models@4.5.1');

// API versions the Kubernetes releases this project targets (1.29+) no longer serve; the models
// package still carries some of their schemas, so they would otherwise pass.
const REMOVED_APIS = new Map([
  ['extensions/v1beta1', 'apps/v1 or networking.k8s.io/v1'],
  ['apps/v1beta1', 'apps/v1'],
  ['apps/v1beta2', 'apps/v1'],
  ['policy/v1beta1', 'policy/v1'],
  ['autoscaling/v2beta1', 'autoscaling/v2'],
  ['autoscaling/v2beta2', 'autoscaling/v2'],
  ['networking.k8s.io/v1beta1', 'networking.k8s.io/v1'],
  ['batch/v1beta1', 'batch/v1'],
]);

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The model class of apiVersion/kind, or an error message. */
function modelOf(apiVersion, kind) {
  if (REMOVED_APIS.has(apiVersion)) {
    return {
      error: `apiVersion ${apiVersion} is no longer served by Kubernetes; use ${REMOVED_APIS.get(apiVersion)}`,
    };
  }
  let mod;
  try {
    mod = require(`kubernetes-models/${apiVersion}`);
  } catch {
    return { error: `unknown apiVersion '${apiVersion}' (not a built-in Kubernetes API)` };
  }
  const Model = mod[kind];
  if (typeof Model !== 'function' || !Model.prototype || typeof Model.prototype.validate !== 'function') {
    return { error: `unknown kind '${kind}' in ${apiVersion}` };
  }
  return { Model };
}

function pointer(path) {
  return path.length === 0
    ? '/'
    : path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Wraps `root` so that every property the schema validator looks at is recorded. The compiled
 * validators read each property their schema defines and enumerate the keys of maps
 * (additionalProperties); a key present in the object that the validator neither read nor
 * enumerated is a field the schema does not know.
 */
function tracked(root) {
  const records = new Map(); // target object -> { read: Set<string>, enumerated: boolean }
  const proxies = new WeakMap();
  const wrap = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (proxies.has(value)) return proxies.get(value);
    const rec = { read: new Set(), enumerated: false };
    records.set(value, rec);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return v;
        rec.read.add(key);
        return Object.prototype.hasOwnProperty.call(target, key) ? wrap(v) : v;
      },
      has(target, key) {
        if (typeof key === 'string') rec.read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        rec.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  return { proxy: wrap(root), records };
}

function unknownFields(value, records, path, out) {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownFields(v, records, [...path, i], out));
    return;
  }
  const rec = records.get(value);
  // Not looked at by the validator: free-form content (or under a field already reported).
  if (!rec) return;
  for (const key of Object.keys(value)) {
    if (!rec.enumerated && !rec.read.has(key)) {
      out.push(`${pointer([...path, key])}: unknown field "${key}"`);
      continue;
    }
    unknownFields(value[key], records, [...path, key], out);
  }
}

function nameProblems(obj) {
  const name = obj.metadata && obj.metadata.name;
  if (typeof name !== 'string' || name === '') return ['/metadata/name: required'];
  if (obj.kind === 'Service' && (name.length > 63 || !DNS1035_LABEL.test(name))) {
    return [
      `/metadata/name: "${name}" must be a DNS-1035 label (lower case, starts with a letter, at most 63)`,
    ];
  }
  if (obj.kind === 'Namespace' && (name.length > 63 || !DNS1123_LABEL.test(name))) {
    return [`/metadata/name: "${name}" must be a DNS-1123 label`];
  }
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    return [`/metadata/name: "${name}" must be a DNS-1123 subdomain`];
  }
  return [];
}

function selectorProblems(obj) {
  if (!WORKLOADS.has(obj.kind)) return [];
  const wanted = (obj.spec && obj.spec.selector && obj.spec.selector.matchLabels) || {};
  const labels =
    (obj.spec && obj.spec.template && obj.spec.template.metadata && obj.spec.template.metadata.labels) || {};
  return Object.entries(wanted)
    .filter(([k, v]) => labels[k] !== v)
    .map(
      ([k, v]) =>
        `/spec/selector/matchLabels/${k}: "${v}" does not match the pod template's labels (the API server rejects it)`,
    );
}

/** Validates one parsed object; returns its problems (empty when valid). */
function validateObject(obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    return ['not a Kubernetes object (a mapping)'];
  if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string')
    return ['apiVersion and kind are required'];
  const { Model, error } = modelOf(obj.apiVersion, obj.kind);
  if (error) return [error];
  const problems = [];
  const { proxy, records } = tracked(obj);
  try {
    Model.prototype.validate.call(proxy);
  } catch (e) {
    const errors = Array.isArray(e && e.errors) ? e.errors : null;
    if (errors) {
      for (const err of errors) problems.push(`${err.instancePath || '/'}: ${err.message}`);
    } else {
      problems.push(String((e && e.message) || e));
    }
  }
  unknownFields(obj, records, [], problems);
  problems.push(...nameProblems(obj), ...selectorProblems(obj));
  return [...new Set(problems)];
}

function readInput(arg) {
  try {
    return { name: arg === '-' ? '<stdin>' : arg, text: fs.readFileSync(arg === '-' ? 0 : arg, 'utf8') };
  } catch (e) {
    process.stderr.write(`validate-k8s: cannot read ${arg}: ${e.message}\n`);
    process.exit(2);
  }
}

function main(argv) {
  const args = argv.length ? argv : ['-'];
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write('usage: node scripts/validate-k8s.js [file.yaml|-]...   (default: stdin)\n');
    return 0;
  }
  const version = require('kubernetes-models/package.json').version;
  let total = 0;
  let invalid = 0;
  const seen = new Map();
  for (const { name, text } of args.map(readInput)) {
    const docs = YAML.parseAllDocuments(text);
    docs.forEach((doc, i) => {
      const where = `${name} document ${i + 1}`;
      if (doc.errors.length > 0) {
        total++;
        invalid++;
        process.stdout.write(
          `INVALID ${where}: YAML error: ${doc.errors.map((e) => e.message).join('; ')}\n`,
        );
        return;
      }
      const obj = doc.toJS();
      if (obj === null || obj === undefined) return; // empty document (a trailing ---)
      total++;
      const id = `${obj.kind || '?'} ${(obj.metadata && obj.metadata.namespace) || '-'}/${(obj.metadata && obj.metadata.name) || '?'}`;
      const problems = validateObject(obj);
      const key = `${obj.apiVersion}|${id}`;
      if (seen.has(key)) problems.push(`duplicate of ${seen.get(key)}`);
      else seen.set(key, where);
      if (problems.length === 0) {
        process.stdout.write(`ok      ${id} (${obj.apiVersion})\n`);
      } else {
        invalid++;
        process.stdout.write(`INVALID ${id} (${obj.apiVersion}, ${where}):\n`);
        for (const p of problems) process.stdout.write(`          ${p}\n`);
      }
    });
  }
  if (total === 0) {
    process.stdout.write('validate-k8s: no Kubernetes objects in the input\n');
    return 1;
  }
  process.stdout.write(
    `validate-k8s: ${total} objects checked against kubernetes-models ${version}: ${total - invalid} valid, ${invalid} invalid\n`,
  );
  return invalid === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
