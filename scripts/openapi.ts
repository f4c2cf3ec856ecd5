// Writes docs/openapi/<service>.json, each service's complete OpenAPI 3.1 document, without a
// broker or a database: the service's Nest application is created in preview mode (nothing is
// instantiated or connected) and read by SwaggerModule.createDocument, as `GET /docs-json` is.
// Then what the decorators cannot say is added from the code itself: each route's answer
// schema from the type its controller method returns (scripts/openapi-types.ts), and its
// problem+json answers with the `type` slugs of docs/contract.md#errors.
// Usage: npm run openapi [-- --check]   (--check only compares, exit 1 when a file is stale)
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { loadConfig, type CommonEnv } from '@app/config';
import { createAdapter, rootModule, type ServiceDefinition } from '@app/platform';
import { correlationService } from '../apps/correlation/src/correlation.service-definition';
import { ingestGatewayService } from '../apps/ingest-gateway/src/ingest-gateway.service-definition';
import { ProblemDto } from '../apps/ingest-gateway/src/reports/dto/problem.dto';
import { notificationService } from '../apps/notification/src/notification.service-definition';
import { opsMonitorService } from '../apps/ops-monitor/src/ops-monitor.service-definition';
import {
  danglingRefs,
  dtoSchemas,
  fromOpenApi30,
  mergeSchemas,
  REF_PREFIX,
  strictReports,
  typeSchemas,
  type Schema,
  type Schemas,
} from './openapi-schemas';
import { runGenerator, writeGeneratedDocs } from './generated-docs';

/** Where the documents are written, from the repository root. */
export const OPENAPI_DIR = path.join('docs', 'openapi');

/** A problem answer: status and the `type` slugs it can carry (docs/contract.md#errors). */
type ProblemAnswer = [status: number, ...slugs: string[]];

/** What a route answers besides the decorators: its success schema and its problems. */
interface RouteAnswers {
  /** Name of an export of scripts/openapi-types.ts; absent when the decorators say it already. */
  type?: string;
  /** Problems beyond the ones of every authenticated route (401, 403, 429, 500, 503). */
  problems: ProblemAnswer[];
}

/** Problems every route that takes a JSON body can answer, before the controller runs. */
const BODY_PROBLEMS: ProblemAnswer[] = [
  [400, 'validation'],
  [413, 'payload-too-large'],
  [415, 'unsupported-media-type'],
];

/** Every documented service: its definition and the answers of each route (`METHOD /path`). */
export const SERVICES: {
  def: ServiceDefinition<CommonEnv>;
  routes: Record<string, RouteAnswers>;
}[] = [
  {
    def: ingestGatewayService as unknown as ServiceDefinition<CommonEnv>,
    routes: {
      'POST /v1/seizures': {
        problems: [[409, 'idempotency-conflict']],
      },
      'POST /v1/routes': {
        problems: [[409, 'idempotency-conflict']],
      },
      'POST /v1/reports:batch': { problems: [] },
      'GET /v1/reports/{eventId}': {
        problems: [
          [400, 'validation'],
          [404, 'not-found'],
        ],
      },
    },
  },
  {
    def: correlationService as unknown as ServiceDefinition<CommonEnv>,
    routes: {
      'GET /v1/cases': { type: 'CaseList', problems: [[400, 'validation']] },
      'GET /v1/cases/by-event/{eventId}': { type: 'CaseOfEvent', problems: [[404, 'not-found']] },
      'GET /v1/cases/{clusterId}': { type: 'Case', problems: [[404, 'not-found']] },
      'POST /v1/prechecks': { type: 'PrecheckAnswer', problems: [] },
    },
  },
  {
    def: notificationService as unknown as ServiceDefinition<CommonEnv>,
    routes: {
      'GET /v1/alerts': { type: 'AlertPage', problems: [[400, 'validation']] },
      'GET /v1/alerts/stream': { problems: [] },
      'GET /v1/alerts/{alertId}': { type: 'InboxItem', problems: [[404, 'not-found']] },
      'POST /v1/alerts/{alertId}/ack': { type: 'InboxItem', problems: [[404, 'not-found']] },
      'POST /v1/subscriptions': { type: 'SubscriptionCreated', problems: [] },
      'GET /v1/subscriptions': { type: 'SubscriptionList', problems: [] },
      'GET /v1/subscriptions/{id}': { type: 'Subscription', problems: [[404, 'not-found']] },
      'DELETE /v1/subscriptions/{id}': { problems: [[404, 'not-found']] },
      'GET /v1/deliveries': { type: 'DeliveryPage', problems: [[400, 'validation']] },
      'GET /v1/deliveries/{id}': { type: 'DeliveryWithAttempts', problems: [[404, 'not-found']] },
      'POST /v1/deliveries/{id}/replay': {
        type: 'Delivery',
        problems: [
          [404, 'not-found'],
          [409, 'delivery-not-failed'],
        ],
      },
      'GET /v1/endpoints': { type: 'EndpointList', problems: [] },
      'GET /v1/requests/options': { type: 'RequestOptions', problems: [[404, 'not-found']] },
      'POST /v1/alerts/{alertId}/requests': {
        type: 'InfoRequest',
        problems: [
          [400, 'validation'],
          [404, 'not-found'],
          [409, 'requests-not-allowed'],
        ],
      },
      'GET /v1/alerts/{alertId}/requests': { type: 'InfoRequestList', problems: [] },
      'GET /v1/requests': { type: 'InfoRequestList', problems: [[400, 'validation']] },
      'GET /v1/requests/stream': { problems: [] },
      'GET /v1/requests/{requestId}': { type: 'InfoRequest', problems: [[404, 'not-found']] },
      'POST /v1/requests/{requestId}/decision': {
        type: 'InfoRequest',
        problems: [
          [400, 'validation'],
          [404, 'not-found'],
          [409, 'request-already-decided', 'request-expired'],
        ],
      },
      'GET /v1/requests/{requestId}/ledger': { type: 'InfoRequestLedger', problems: [[404, 'not-found']] },
    },
  },
  {
    def: opsMonitorService as unknown as ServiceDefinition<CommonEnv>,
    routes: {
      'GET /v1/topics': { type: 'TopicList', problems: [] },
      'GET /v1/consumer-groups': { type: 'ConsumerGroupList', problems: [] },
      'GET /v1/consumer-groups/{groupId}': {
        type: 'ConsumerGroup',
        problems: [[404, 'consumer-group-not-found']],
      },
      'GET /v1/consumer-groups/{groupId}/lag-history': {
        type: 'LagHistoryAnswer',
        problems: [
          [400, 'validation'],
          [404, 'consumer-group-not-found'],
        ],
      },
      'GET /v1/dlq': { type: 'DlqList', problems: [[400, 'validation']] },
      'POST /v1/dlq/{topic}/records/{partition}/{offset}/body': {
        type: 'DlqRecordBody',
        problems: [
          [400, 'validation', 'not-a-dlq-topic'],
          [404, 'not-found'],
        ],
      },
      'GET /v1/throughput': { type: 'ThroughputAnswer', problems: [[400, 'validation']] },
      'GET /v1/outboxes': { type: 'OutboxesAnswer', problems: [] },
      'GET /v1/deliveries/health': {
        type: 'DeliveryHealthAnswer',
        problems: [[501, 'deliveries-not-available']],
      },
      'POST /v1/dlq/{topic}/replay': {
        type: 'DlqReplayResult',
        problems: [
          [400, 'validation', 'not-a-dlq-topic'],
          [404, 'not-found'],
        ],
      },
      'GET /v1/deliveries': {
        type: 'FailedDeliveryPage',
        problems: [
          [400, 'validation'],
          [501, 'deliveries-not-available'],
        ],
      },
      'POST /v1/deliveries/{deliveryId}/replay': {
        type: 'DeliveryReplaying',
        problems: [
          [404, 'not-found'],
          [409, 'delivery-not-failed'],
          [501, 'deliveries-not-available'],
        ],
      },
    },
  },
];

/** Problems of every authenticated route (docs/contract.md#authentication, #errors). */
const COMMON_PROBLEMS: ProblemAnswer[] = [
  [401, 'unauthenticated'],
  [403, 'forbidden'],
  [429, 'rate-limited'],
  [500, 'internal'],
  [503, 'unavailable'],
];

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid request: every bad field in `errors`',
  401: 'No key, a malformed, unknown or revoked key',
  403: 'A key of another role (or a report of another agency)',
  404: "No such object, or not the caller's",
  409: 'Conflict',
  413: "Body over the route's limit",
  415: 'Not sent as application/json',
  429: "Over the key's rate or daily quota (docs/contract.md#rate-limits)",
  500: 'A bug; logged, never detailed',
  501: 'Not available in this deployment',
  503: 'A dependency (the database) is unreachable; nothing was stored',
};

/** The routes every service has (libs/observability; excluded from the decorated document). */
function serviceEndpoints(): Record<string, Schema> {
  const text = (description: string, schema: Schema, type = 'application/json') => ({
    description,
    content: { [type]: { schema } },
  });
  const status = {
    type: 'object',
    properties: { status: { type: 'string' } },
    required: ['status'],
    additionalProperties: true,
  };
  return {
    '/health/live': {
      get: {
        operationId: 'health_live',
        summary: 'Liveness: 200 while the process runs',
        tags: ['health'],
        security: [],
        responses: { '200': text('Alive', status) },
      },
    },
    '/health/ready': {
      get: {
        operationId: 'health_ready',
        summary: 'Readiness: each dependency check with its status, error and time',
        tags: ['health'],
        security: [],
        responses: {
          '200': text('Ready', status),
          '503': text('A dependency does not answer', status),
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        summary: 'Prometheus metrics (docs/operating.md#metrics)',
        tags: ['health'],
        security: [],
        responses: { '200': text('Text exposition format', { type: 'string' }, 'text/plain') },
      },
    },
  };
}

function problemResponse([status, ...slugs]: ProblemAnswer): Schema {
  const types = slugs.map((s) => `https://border-intel.example/problems/${s}`);
  return {
    description: `${PROBLEM_TEXT[status] ?? 'Problem'} (type: ${slugs.join(' or ')})`,
    ...(status === 401
      ? {
          headers: {
            'WWW-Authenticate': {
              description: 'Bearer realm="border-intel"',
              schema: { type: 'string' },
            },
          },
        }
      : {}),
    ...(status === 429
      ? {
          headers: {
            'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
            RateLimit: {
              description: 'Per policy: `"<policy>";r=<tokens left>;t=<seconds until this request fits>`',
              schema: { type: 'string' },
            },
            'RateLimit-Policy': {
              description: 'Per policy: `"<policy>";q=<bucket size>;w=<seconds to refill it>`',
              schema: { type: 'string' },
            },
          },
        }
      : {}),
    ...(status === 503
      ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
      : {}),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: `${REF_PREFIX}Problem` },
            { properties: { status: { const: status }, type: { enum: types } } },
          ],
        },
      },
    },
  };
}

/** Creates the service's Nest application in preview mode and reads its decorated document. */
async function decoratedDocument(def: ServiceDefinition<CommonEnv>): Promise<Schema> {
  // Placeholders satisfy the config validation; preview mode never connects to them.
  const env = loadConfig(def.name, def.env, {
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    KAFKA_BROKERS: '127.0.0.1:1',
    RUN_MODE: 'development',
  });
  const app = await NestFactory.create(rootModule(def, env), createAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  Logger.overrideLogger(false);
  try {
    // The same builder as configureApp (libs/platform/src/bootstrap.ts).
    const config = new DocumentBuilder()
      .setTitle(def.openApi.title)
      .setDescription(def.openApi.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (intelctl keys create)' })
      .build();
    return SwaggerModule.createDocument(app, config) as unknown as Schema;
  } finally {
    await app.close();
  }
}

type Operation = {
  operationId?: string;
  parameters?: Schema[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, Schema>;
};

/** One service's complete document (OpenAPI 3.1). */
export async function openApiDocument(
  service: (typeof SERVICES)[number],
  answers: Schemas = typeSchemas(
    SERVICES.flatMap((s) => Object.values(s.routes).flatMap((r) => (r.type ? [r.type] : []))),
  ),
): Promise<Schema> {
  const { def, routes } = service;
  const doc = await decoratedDocument(def);
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const seen = new Set<string>();
  for (const [route, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${route}`;
      const spec = routes[key];
      if (!spec) throw new Error(`${def.name}: ${key} is not described in scripts/openapi.ts SERVICES`);
      seen.add(key);
      // The key is the bearer scheme; a header parameter named Authorization is not allowed.
      op.parameters = (op.parameters ?? [])
        .filter((p) => !(p.in === 'header' && String(p.name).toLowerCase() === 'authorization'))
        .map((p) => ({ ...p, schema: fromOpenApi30(p.schema ?? {}) }));
      if (op.parameters.length === 0) delete op.parameters;
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        if (media.schema) media.schema = fromOpenApi30(media.schema);
      }
      for (const status of Object.keys(op.responses)) {
        if (Number(status) >= 400) delete op.responses[status];
        else {
          for (const media of Object.values((op.responses[status].content ?? {}) as Record<string, Schema>)) {
            if (media.schema) media.schema = fromOpenApi30(media.schema);
          }
        }
      }
      if (spec.type) {
        const success = Object.keys(op.responses).find((s) => Number(s) < 300) ?? '200';
        op.responses[success] = {
          ...(op.responses[success] ?? {}),
          description: op.responses[success]?.description || 'OK',
          content: { 'application/json': { schema: { $ref: `${REF_PREFIX}${spec.type}` } } },
        };
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (response.description === '') response.description = Number(status) === 204 ? 'Done' : 'OK';
      }
      const problems = new Map<number, ProblemAnswer>();
      const add = (p: ProblemAnswer) => {
        const old = problems.get(p[0]);
        problems.set(p[0], old ? ([p[0], ...new Set([...old.slice(1), ...p.slice(1)])] as ProblemAnswer) : p);
      };
      if (op.requestBody) BODY_PROBLEMS.forEach(add);
      [...COMMON_PROBLEMS, ...spec.problems].forEach(add);
      for (const p of [...problems.values()].sort((a, b) => a[0] - b[0])) {
        op.responses[String(p[0])] = problemResponse(p);
      }
    }
  }
  const missing = Object.keys(routes).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new Error(`${def.name}: no such route ${missing.join(', ')}`);

  Object.assign(paths, serviceEndpoints());
  const components = (doc.components ?? {}) as { schemas?: Record<string, unknown> };
  const decorated: Schemas = strictReports(
    Object.fromEntries(Object.entries(components.schemas ?? {}).map(([n, s]) => [n, fromOpenApi30(s)])),
  );
  const problemSchema = await dtoSchemas([ProblemDto]);
  const all = mergeSchemas(decorated, { ...problemSchema, Problem: problemSchema.ProblemDto }, answers);
  // Keep the schemas this document uses (the answers of the other services' routes are not).
  const schemas: Schemas = {};
  const visit = (v: unknown) => {
    for (const ref of danglingRefs(v, schemas)) {
      const name = ref.slice(REF_PREFIX.length);
      if (!(name in all)) throw new Error(`${def.name}: unresolved reference ${ref}`);
      schemas[name] = all[name];
      visit(all[name]);
    }
  };
  visit(paths);
  return {
    openapi: '3.1.0',
    info: {
      ...(doc.info as Schema),
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      description: `${def.openApi.description}\n\nContract: docs/contract.md. Errors are application/problem+json (docs/contract.md#errors).`,
    },
    servers: [{ url: `http://127.0.0.1:${def.port(new def.env())}` }],
    tags: doc.tags,
    paths,
    components: {
      securitySchemes: (doc.components as Schema).securitySchemes,
      schemas: Object.fromEntries(
        Object.keys(schemas)
          .sort()
          .map((n) => [n, schemas[n]]),
      ),
    },
  };
}

/** Every service's document as it should read now, by file name. */
export async function openApiDocuments(): Promise<Map<string, string>> {
  const answers = typeSchemas(
    SERVICES.flatMap((s) => Object.values(s.routes).flatMap((r) => (r.type ? [r.type] : []))),
  );
  const out = new Map<string, string>();
  for (const service of SERVICES) {
    const doc = await openApiDocument(service, answers);
    out.set(path.join(OPENAPI_DIR, `${service.def.name}.json`), `${JSON.stringify(doc, null, 2)}\n`);
  }
  return out;
}

runGenerator(module, async (argv) => writeGeneratedDocs(await openApiDocuments(), argv, 'npm run openapi'));
