#!/usr/bin/env bash
# Validates the deployment files without a container engine or a cluster:
#   1. docker-compose.yml           docker-compose config -q (Debian's docker-compose, or `docker compose`)
#   2. deploy/compose/prometheus.yml promtool check config, with deploy/prometheus/alerts.yml as its rules
#   3. topic list                    deploy/compose/create-topics.sh == allTopicSpecs() (libs/contracts)
#   4. Dockerfile                    hadolint when installed; dockerfile-utils lint (npm); the project's
#                                    rules: pinned base tags, non-root USER, HEALTHCHECK, no ADD, apt hygiene,
#                                    exec-form CMD/ENTRYPOINT, npm ci, COPY sources present
#   5. Kubernetes                    kubectl kustomize of base, secrets and overlays/production, every
#                                    object checked by scripts/validate-k8s.js (kubernetes-models schemas)
#   6. wiring                        the ops monitor reaches notification in Compose and Kubernetes
#                                    (NOTIFICATION_URL, NetworkPolicy egress and ingress); every alert the
#                                    operating guide promises exists and fires in a promtool test;
#                                    create-topics.sh sets retention on every non-compacted topic
# Installs nothing: a missing tool is reported by name with how to get it, and fails the run.
# Exit status: 0 when everything passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

failures=()
passed=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ok() { printf '  \033[32mok\033[0m    %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf '  \033[31mFAIL\033[0m  %s\n' "$*"; failures+=("$*"); }
section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
indent() { sed 's/^/        /'; }

# ---------------------------------------------------------------------------------------------
section "tools"
missing=0
need_cmd() { # name, how to install
  if command -v "$1" > /dev/null 2>&1; then ok "$1: $(command -v "$1")"; else fail "$1 is not installed ($2)"; missing=1; fi
}
COMPOSE=()
if command -v docker-compose > /dev/null 2>&1; then
  COMPOSE=(docker-compose)
  ok "docker-compose: $(docker-compose version --short 2>/dev/null || echo present)"
elif docker compose version > /dev/null 2>&1; then
  COMPOSE=(docker compose)
  ok "docker compose plugin: $(docker compose version --short 2>/dev/null)"
else
  fail "docker-compose is not installed (apt-get install docker-compose)"
  missing=1
fi
KUBECTL=${KUBECTL:-kubectl}
if "$KUBECTL" kustomize --help > /dev/null 2>&1; then
  ok "kubectl kustomize: $("$KUBECTL" version --client 2>/dev/null | grep -i kustomize || echo present)"
else
  fail "kubectl with the kustomize subcommand is not installed (kubectl >= 1.27; Debian bookworm's kubernetes-client 1.20 is too old)"
  missing=1
fi
need_cmd node "Node.js 20+"
need_cmd promtool "apt-get install prometheus"
for pkg in yaml kubernetes-models dockerfile-utils; do
  if node -e "require.resolve('$pkg/package.json', { paths: ['$ROOT'] })" > /dev/null 2>&1; then
    ok "npm package $pkg $(node -p "require(require.resolve('$pkg/package.json', { paths: ['$ROOT'] })).version")"
  else
    fail "npm package $pkg is not installed (dev dependency; npm ci)"
    missing=1
  fi
done
if [ "$missing" -ne 0 ]; then
  printf '\nvalidate-deploy: missing tools (above); nothing else was checked\n'
  exit 1
fi

# ---------------------------------------------------------------------------------------------
section "docker-compose.yml"
if out=$("${COMPOSE[@]}" -f docker-compose.yml config -q 2>&1); then
  ok "${COMPOSE[*]} config -q: valid ($("${COMPOSE[@]}" -f docker-compose.yml config --services 2>/dev/null | tr '\n' ' '))"
else
  fail "${COMPOSE[*]} config -q"
  printf '%s\n' "$out" | indent
fi
for f in Dockerfile deploy/compose/prometheus.yml deploy/compose/create-topics.sh; do
  if [ -f "$f" ]; then ok "referenced file present: $f"; else fail "docker-compose.yml mounts or builds $f, which is missing"; fi
done
if sh -n deploy/compose/create-topics.sh 2>"$WORK/sh.err"; then
  ok "deploy/compose/create-topics.sh: POSIX sh syntax"
else
  fail "deploy/compose/create-topics.sh: syntax"
  indent < "$WORK/sh.err"
fi

# ---------------------------------------------------------------------------------------------
section "Prometheus (compose)"
# Recreate the container's layout: /etc/prometheus/prometheus.yml and rules/alerts.yml beside it.
mkdir -p "$WORK/prometheus/rules"
cp deploy/compose/prometheus.yml "$WORK/prometheus/prometheus.yml"
if [ -f deploy/prometheus/alerts.yml ]; then
  cp deploy/prometheus/alerts.yml "$WORK/prometheus/rules/alerts.yml"
  prom_args=()
  prom_what="config and the alert rules it loads (deploy/prometheus/alerts.yml)"
else
  prom_args=(--syntax-only)
  prom_what="config syntax only: deploy/prometheus/alerts.yml does not exist yet"
fi
if out=$(promtool check config "${prom_args[@]}" "$WORK/prometheus/prometheus.yml" 2>&1); then
  ok "promtool check config: $prom_what"
else
  fail "promtool check config deploy/compose/prometheus.yml"
  printf '%s\n' "$out" | indent
fi

for check in "check config deploy/prometheus/prometheus.yml" "check rules deploy/prometheus/alerts.yml" "test rules deploy/prometheus/alerts.test.yml"; do
  # shellcheck disable=SC2086
  if out=$(promtool $check 2>&1); then ok "promtool $check"; else fail "promtool $check"; printf '%s\n' "$out" | indent; fi
done

# ---------------------------------------------------------------------------------------------
section "topics"
if out=$(node - "$ROOT" 2>&1 <<'NODE'
const fs = require('node:fs');
const path = require('node:path');
const root = process.argv[2];
const swc = (m) => require(require.resolve(`@swc-node/register/${m}`, { paths: [root] }));
swc('register').register(swc('read-default-tsconfig').readDefaultTsConfig(path.join(root, 'tsconfig.json')));
const { allTopicSpecs } = require(path.join(root, 'libs/contracts/src/topics/topics.ts'));
// The names without a prefix, as create-topics.sh lists them (it prepends KAFKA_TOPIC_PREFIX itself).
// Retention is set by the script's RETENTION_MS / DLQ_RETENTION_MS (checked below), not listed per topic.
const settingsOf = (s) =>
  (s.configEntries ?? []).filter((c) => c.name !== 'retention.ms').map((c) => `${c.name}=${c.value}`).join(',');
const want = allTopicSpecs('').map((s) => `${s.topic} ${s.numPartitions}${settingsOf(s) ? ` ${settingsOf(s)}` : ''}`).sort();
const script = fs.readFileSync(path.join(root, 'deploy/compose/create-topics.sh'), 'utf8');
const have = [...script.matchAll(/^(intel\.\S+) (\d+)( \S+)?$/gm)].map((m) => `${m[1]} ${m[2]}${m[3] ?? ''}`).sort();
const missing = want.filter((t) => !have.includes(t));
const extra = have.filter((t) => !want.includes(t));
if (missing.length || extra.length) {
  if (missing.length) console.log(`missing from create-topics.sh (topic partitions settings): ${missing.join(', ')}`);
  if (extra.length) console.log(`in create-topics.sh but not in TopicPartitions: ${extra.join(', ')}`);
  process.exit(1);
}
// The script's default retention is the one the services give the topics they create at boot.
const retentions = (dlq) => [
  ...new Set(
    allTopicSpecs('')
      .filter((s) => s.topic.endsWith('.dlq') === dlq)
      .flatMap((s) => (s.configEntries ?? []).filter((c) => c.name === 'retention.ms').map((c) => c.value)),
  ),
];
const scriptDefault = (name) => script.match(new RegExp(`^${name}="\\$\\{${name}:-(\\d+)\\}"`, 'm'))?.[1];
for (const [name, dlq] of [['RETENTION_MS', false], ['DLQ_RETENTION_MS', true]]) {
  const code = retentions(dlq);
  if (code.length !== 1 || code[0] !== scriptDefault(name)) {
    console.log(`${name} default ${scriptDefault(name)} differs from the code's retention.ms ${code.join(', ')}`);
    process.exit(1);
  }
}
console.log(`${want.length} topics, retention ${scriptDefault('RETENTION_MS')} / ${scriptDefault('DLQ_RETENTION_MS')} ms`);
NODE
); then
  ok "deploy/compose/create-topics.sh matches libs/contracts allTopicSpecs(): $out"
else
  fail "deploy/compose/create-topics.sh differs from libs/contracts/src/topics/topics.ts"
  printf '%s\n' "$out" | indent
fi

# ---------------------------------------------------------------------------------------------
section "Dockerfile"
if command -v hadolint > /dev/null 2>&1; then
  if out=$(hadolint Dockerfile 2>&1); then ok "hadolint"; else fail "hadolint"; printf '%s\n' "$out" | indent; fi
else
  printf '        (hadolint not installed: neither Debian nor npm ships it; the rules below cover what matters)\n'
fi
if out=$(node "$(node -p "require.resolve('dockerfile-utils/bin/dockerfile-utils', { paths: ['$ROOT'] })" 2>/dev/null || echo missing)" lint Dockerfile 2>&1); then
  ok "dockerfile-utils lint: syntax, instructions, flags"
else
  fail "dockerfile-utils lint Dockerfile"
  printf '%s\n' "$out" | indent
fi
if out=$(node - "$ROOT" 2>&1 <<'NODE'
// The project's Dockerfile rules (the hadolint checks that matter here, plus a few of our own).
const fs = require('node:fs');
const path = require('node:path');
const root = process.argv[2];
const text = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
// Logical instructions: comments dropped, backslash continuations joined.
const lines = [];
let buf = '';
let start = 0;
text.split('\n').forEach((raw, i) => {
  if (buf === '' && /^\s*(#|$)/.test(raw)) return;
  if (buf === '') start = i + 1;
  if (/^\s*#/.test(raw)) return; // comment inside a continuation
  if (/\\\s*$/.test(raw)) { buf += raw.replace(/\\\s*$/, ' '); return; }
  buf += raw;
  const m = /^\s*(\w+)\s*(.*)$/s.exec(buf);
  lines.push({ line: start, op: m[1].toUpperCase(), args: m[2].trim() });
  buf = '';
});
const problems = [];
const bad = (l, msg) => problems.push(`line ${l.line}: ${l.op}: ${msg}`);
const globalArgs = {};
const stages = [];
let stage = null;
for (const l of lines) {
  if (l.op === 'ARG' && !stage) {
    const [k, v] = l.args.split('=');
    globalArgs[k.trim()] = v === undefined ? undefined : v.trim().replace(/^"|"$/g, '');
  }
  if (l.op === 'FROM') {
    const [imageRef, , alias] = l.args.replace(/--platform=\S+\s+/, '').split(/\s+/);
    const image = imageRef.replace(/\$\{?(\w+)\}?/g, (_, k) => globalArgs[k] ?? `<unset ${k}>`);
    stage = { line: l.line, image, alias, ops: [] };
    stages.push(stage);
    const known = stages.slice(0, -1).some((s) => s.alias === image);
    if (!known) {
      if (image.includes('<unset')) bad(l, `base image ${imageRef} uses an ARG without a default`);
      else if (!/@sha256:[0-9a-f]{64}$/.test(image)) {
        const tag = /:([^/:]+)$/.exec(image)?.[1];
        if (!tag) bad(l, `base image ${image} has no tag (pin a version)`);
        else if (tag === 'latest') bad(l, `base image ${image} uses latest (pin a version)`);
        else if (!/^v?\d/.test(tag)) bad(l, `base image ${image}: the tag must start with a version (not lts, current, slim)`);
      }
    }
  }
  if (stage) stage.ops.push(l);
  if (l.op === 'ADD') bad(l, /https?:\/\//.test(l.args) ? 'ADD of a URL: download in RUN with checksum verification' : 'use COPY (ADD also unpacks archives and fetches URLs)');
  if (l.op === 'MAINTAINER') bad(l, 'deprecated; use LABEL');
  if (l.op === 'RUN') {
    if (/apt-get\s+install/.test(l.args)) {
      if (!/--no-install-recommends/.test(l.args)) bad(l, 'apt-get install without --no-install-recommends');
      if (!/-y\b|--yes|--assume-yes/.test(l.args)) bad(l, 'apt-get install without -y');
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(l.args)) bad(l, 'apt lists not removed in the same layer (rm -rf /var/lib/apt/lists/*)');
    }
    if (/apt-get\s+upgrade|apt-get\s+dist-upgrade/.test(l.args)) bad(l, 'apt-get upgrade in an image build: bump the base image instead');
    if (/\bnpm (install|i)\b/.test(l.args)) bad(l, 'npm install: use npm ci (lockfile, reproducible)');
    if (/\bsudo\b/.test(l.args)) bad(l, 'sudo in a build');
    if (/curl[^|]*\|\s*(ba)?sh|wget[^|]*\|\s*(ba)?sh/.test(l.args)) bad(l, 'piping a download into a shell');
  }
  if ((l.op === 'CMD' || l.op === 'ENTRYPOINT') && !l.args.startsWith('[')) bad(l, 'use the exec (JSON) form so signals reach the process');
  if (l.op === 'COPY' && !/--from=/.test(l.args)) {
    const parts = l.args.replace(/--\S+\s+/g, '').split(/\s+/);
    for (const src of parts.slice(0, -1)) {
      if (!fs.existsSync(path.join(root, src))) bad(l, `source ${src} does not exist in the build context`);
    }
  }
}
const final = stages[stages.length - 1];
if (!final) problems.push('no FROM');
else {
  const ops = final.ops.map((o) => o.op);
  const users = final.ops.filter((o) => o.op === 'USER');
  const user = users.length ? users[users.length - 1].args.split(':')[0] : null;
  if (!user) problems.push('final stage: no USER (it would run as root)');
  else if (user === 'root' || user === '0') problems.push(`final stage: USER ${user} is root`);
  else if (!/^\d+$/.test(user)) problems.push(`final stage: USER ${user} is not numeric (Kubernetes runAsNonRoot cannot verify a name)`);
  const hc = final.ops.filter((o) => o.op === 'HEALTHCHECK');
  if (hc.length === 0 || /^NONE\b/i.test(hc[hc.length - 1].args)) problems.push('final stage: no HEALTHCHECK');
  if (!ops.includes('STOPSIGNAL')) problems.push('final stage: no STOPSIGNAL');
  if (!ops.includes('CMD') && !ops.includes('ENTRYPOINT')) problems.push('final stage: no CMD or ENTRYPOINT');
}
if (problems.length) { console.log(problems.join('\n')); process.exit(1); }
console.log(`${stages.length} stages (${stages.map((s) => `${s.alias ?? '?'} from ${s.image}`).join(', ')}); final stage runs as USER ${final.ops.filter((o) => o.op === 'USER').pop().args}`);
NODE
); then
  ok "Dockerfile rules: $out"
else
  fail "Dockerfile rules"
  printf '%s\n' "$out" | indent
fi

# ---------------------------------------------------------------------------------------------
section "Kubernetes (kustomize + kubernetes-models)"
for dir in deploy/k8s/base deploy/k8s/secrets deploy/k8s/overlays/production; do
  if ! "$KUBECTL" kustomize "$dir" > "$WORK/rendered.yaml" 2> "$WORK/kustomize.err"; then
    fail "kubectl kustomize $dir"
    indent < "$WORK/kustomize.err"
    continue
  fi
  if grep -qi 'warning' "$WORK/kustomize.err"; then
    fail "kubectl kustomize $dir printed warnings (deprecated fields?)"
    indent < "$WORK/kustomize.err"
  fi
  if out=$(node scripts/validate-k8s.js "$WORK/rendered.yaml" 2>&1); then
    ok "$dir: $(printf '%s\n' "$out" | tail -1 | sed 's/^validate-k8s: //')"
  else
    fail "$dir: objects invalid against the Kubernetes schemas"
    printf '%s\n' "$out" | grep -v '^ok ' | indent
  fi
  if [ "$dir" = deploy/k8s/overlays/production ]; then cp "$WORK/rendered.yaml" "$WORK/production.yaml"; fi
done

# ---------------------------------------------------------------------------------------------
section "wiring (ops monitor, alerts, retention)"
"${COMPOSE[@]}" -f docker-compose.yml config > "$WORK/compose.yaml" 2>/dev/null
if out=$(node - "$ROOT" "$WORK/compose.yaml" "$WORK/production.yaml" 2>&1 <<'NODE'
const fs = require('node:fs');
const path = require('node:path');
const YAML = require(require.resolve('yaml', { paths: [process.argv[2]] }));
const [root, composeFile, k8sFile] = process.argv.slice(2);
const problems = [];
const said = [];

// Compose: the ops monitor points at the notification service and starts after it.
const compose = YAML.parse(fs.readFileSync(composeFile, 'utf8'));
const ops = compose.services['ops-monitor'];
const env = ops.environment ?? {};
if (!/^http:\/\/notification:3002\/?$/.test(env.NOTIFICATION_URL ?? '')) problems.push(`compose: ops-monitor NOTIFICATION_URL is ${env.NOTIFICATION_URL ?? 'unset'}, not http://notification:3002`);
if (!ops.depends_on || !('notification' in ops.depends_on)) problems.push('compose: ops-monitor does not depend on notification');
for (const s of ['ingest-gateway', 'correlation', 'notification']) {
  if (!(env.OPS_METRICS_URLS ?? '').includes(`${s}=http://${s}:`)) problems.push(`compose: OPS_METRICS_URLS misses ${s}`);
}
said.push('compose: ops-monitor -> notification');

// Kubernetes (production overlay): env, the Service it names, and a NetworkPolicy path both ways.
const objects = YAML.parseAllDocuments(fs.readFileSync(k8sFile, 'utf8')).map((d) => d.toJSON()).filter(Boolean);
const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ops-monitor');
const kenv = Object.fromEntries((deployment?.spec.template.spec.containers[0].env ?? []).map((e) => [e.name, e.value]));
const url = /^http:\/\/([a-z0-9-]+):(\d+)\/?$/.exec(kenv.NOTIFICATION_URL ?? '');
const svc = url && objects.find((o) => o.kind === 'Service' && o.metadata.name === url[1]);
if (!url) problems.push(`k8s: ops-monitor NOTIFICATION_URL is ${kenv.NOTIFICATION_URL ?? 'unset'}`);
else if (!svc || svc.spec.selector['app.kubernetes.io/name'] !== 'notification' || !svc.spec.ports.some((p) => String(p.port) === url[2]))
  problems.push(`k8s: NOTIFICATION_URL ${kenv.NOTIFICATION_URL} does not name the notification Service and its port`);
const labelsOf = (name) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name)?.spec.template.metadata.labels ?? {};
const selects = (sel, labels) =>
  Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
  (sel.matchExpressions ?? []).every((e) => (e.operator === 'In' ? e.values.includes(labels[e.key]) : e.operator === 'Exists' ? e.key in labels : true));
const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
const opsLabels = labelsOf('ops-monitor');
const notifLabels = labelsOf('notification');
const egress = policies.some((p) => selects(p.spec.podSelector, opsLabels) && (p.spec.egress ?? []).some((r) =>
  (r.to ?? []).some((t) => t.podSelector && !t.namespaceSelector && selects(t.podSelector, notifLabels)) &&
  (r.ports ?? []).some((p) => String(p.port) === '3002')));
const ingress = policies.some((p) => selects(p.spec.podSelector, notifLabels) && (p.spec.ingress ?? []).some((r) =>
  (r.from ?? []).some((f) => f.podSelector && !f.namespaceSelector && selects(f.podSelector, opsLabels))));
if (!egress) problems.push('k8s: no NetworkPolicy lets ops-monitor pods reach notification pods on 3002');
if (!ingress) problems.push('k8s: no NetworkPolicy lets notification pods accept ops-monitor pods');
said.push('k8s: ops-monitor -> notification (env, Service, NetworkPolicy egress and ingress)');

// Alerts: each one the operating guide promises is defined and fires in a promtool test.
const required = ['OutboxNotPublishing', 'OutboxBacklogHigh', 'OutboxBreakerOpen', 'WebhookEndpointBreakerOpen', 'DeadLetterQueueGrowing', 'WebhookDeliveriesFailing'];
const rules = YAML.parse(fs.readFileSync(path.join(root, 'deploy/prometheus/alerts.yml'), 'utf8')).groups.flatMap((g) => g.rules);
const tests = YAML.parse(fs.readFileSync(path.join(root, 'deploy/prometheus/alerts.test.yml'), 'utf8')).tests.flatMap((t) => t.alert_rule_test ?? []);
for (const a of required) {
  if (!rules.some((r) => r.alert === a)) problems.push(`alerts.yml has no alert ${a}`);
  if (!tests.some((t) => t.alertname === a && (t.exp_alerts ?? []).length > 0)) problems.push(`alerts.test.yml has no test in which ${a} fires`);
}
said.push(`${required.length} required alerts, each firing in a test`);

// Retention: every topic that is not compacted gets retention.ms from create-topics.sh.
const script = fs.readFileSync(path.join(root, 'deploy/compose/create-topics.sh'), 'utf8');
if (!/RETENTION_MS="\$\{RETENTION_MS:-\d+\}"/.test(script) || !/DLQ_RETENTION_MS="\$\{DLQ_RETENTION_MS:-\d+\}"/.test(script) || !/--config retention\.ms=\$retention/.test(script))
  problems.push('create-topics.sh does not set retention.ms (RETENTION_MS, DLQ_RETENTION_MS)');
else said.push('create-topics.sh sets retention.ms');
if (problems.length) { console.log(problems.join('\n')); process.exit(1); }
console.log(said.join('; '));
NODE
); then
  ok "wiring: $out"
else
  fail "wiring"
  printf '%s\n' "$out" | indent
fi

# ---------------------------------------------------------------------------------------------
printf '\n'
if [ "${#failures[@]}" -eq 0 ]; then
  printf 'validate-deploy: %d checks passed\n' "$passed"
  exit 0
fi
printf 'validate-deploy: %d passed, %d failed:\n' "$passed" "${#failures[@]}"
printf '  - %s\n' "${failures[@]}"
exit 1
