// JSON Schemas of the contracts, for the OpenAPI documents (scripts/openapi.ts) and the AsyncAPI
// document (scripts/asyncapi.ts), each taken from where the code defines the shape:
// - report DTOs and request DTOs: their @ApiProperty metadata (kept equal to their validation by
//   libs/contracts/src/reports/report-openapi.spec.ts), through @nestjs/swagger's schema factory;
// - event classes validated with class-validator built-ins (CaseLinked, PrecheckHit): their
//   class-validator metadata, through class-validator-jsonschema;
// - plain TypeScript types (route answers, AlertIssued, ledger checkpoints, see
//   scripts/openapi-types.ts): through ts-json-schema-generator.
// Everything comes out as JSON Schema (draft 2020-12 / OpenAPI 3.1 flavour) with references
// under `#/components/schemas/`.
import * as path from 'node:path';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import {
  ClassificationDto,
  CommodityDto,
  ConveyanceDto,
  DeclaredRouteDto,
  IndicatorPlateDto,
  LocationDto,
  OrganisationDto,
  PersonDocumentDto,
  PersonDto,
  RouteIndicatorsDto,
  RouteReportDto,
  SeizureReportDto,
  WaypointDto,
} from '@app/contracts';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** A JSON Schema (or OpenAPI schema object) as plain data. */
export type Schema = { [key: string]: unknown };
/** Named schemas, as under `components.schemas`. */
export type Schemas = Record<string, Schema>;

export const REF_PREFIX = '#/components/schemas/';

const ROOT = path.join(__dirname, '..');

function isObject(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Applies `fn` to every schema object in `value` (depth first, children before parents). */
function mapSchemas(value: unknown, fn: (s: Schema) => Schema): unknown {
  if (Array.isArray(value)) return value.map((v) => mapSchemas(v, fn));
  if (!isObject(value)) return value;
  const out: Schema = {};
  for (const [k, v] of Object.entries(value)) {
    // `properties`, `$defs`… hold maps of names to schemas; `enum`/`examples`/`required` hold data.
    if (k === 'enum' || k === 'examples' || k === 'example' || k === 'required' || k === 'const') out[k] = v;
    else if ((k === 'properties' || k === 'patternProperties') && isObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, mapSchemas(s, fn)]));
    } else out[k] = mapSchemas(v, fn);
  }
  return fn(out);
}

/**
 * An OpenAPI 3.0 schema object as JSON Schema: `nullable` becomes a `null` type, a boolean
 * `exclusiveMinimum`/`exclusiveMaximum` becomes the bound, `example` becomes `examples`.
 */
export function fromOpenApi30(schema: unknown): Schema {
  return mapSchemas(schema, (s) => {
    const out = { ...s };
    if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
    delete out.nullable;
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (out[flag] === true) {
        out[flag] = out[bound];
        delete out[bound];
      } else if (out[flag] === false) delete out[flag];
    }
    if ('example' in out) {
      out.examples = [out.example];
      delete out.example;
    }
    return out;
  }) as Schema;
}

/**
 * Report DTOs and their parts refuse fields they do not know (docs/contract.md#validation): their
 * schemas say so with `additionalProperties: false`, which their @ApiProperty metadata cannot.
 */
const STRICT = new Set(
  [
    SeizureReportDto,
    RouteReportDto,
    ClassificationDto,
    LocationDto,
    CommodityDto,
    ConveyanceDto,
    PersonDto,
    PersonDocumentDto,
    OrganisationDto,
    DeclaredRouteDto,
    WaypointDto,
    RouteIndicatorsDto,
    IndicatorPlateDto,
  ].map((c) => c.name),
);

/** `additionalProperties: false` on the schemas of the report DTOs among `schemas`. */
export function strictReports(schemas: Schemas): Schemas {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, s]) => [
      name,
      STRICT.has(name) && s.type === 'object' ? { ...s, additionalProperties: false } : s,
    ]),
  );
}

/** Names usable as component keys (`^[A-Za-z0-9._-]+$`). */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
}

@Module({})
class NoRoutes {}

/**
 * Schemas of DTO classes from their @ApiProperty metadata (with every nested DTO they name),
 * read by @nestjs/swagger as for a service's document (an empty application in preview mode).
 */
export async function dtoSchemas(classes: readonly (abstract new () => object)[]): Promise<Schemas> {
  const app = await NestFactory.create(NoRoutes, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build(), {
      extraModels: [...classes] as (new () => object)[],
    });
    const raw = doc.components?.schemas ?? {};
    return strictReports(
      Object.fromEntries(Object.entries(raw).map(([name, s]) => [name, fromOpenApi30(s)])),
    );
  } finally {
    await app.close();
  }
}

/** Schemas of classes validated with class-validator built-ins, from that metadata. */
export function validatorSchemas(classes: Record<string, abstract new () => object>): Schemas {
  return Object.fromEntries(
    Object.entries(classes).map(([name, cls]) => [
      name,
      fromOpenApi30(
        targetConstructorToSchema(cls, {
          refPointerPrefix: REF_PREFIX,
          classTransformerMetadataStorage: defaultMetadataStorage,
        }),
      ),
    ]),
  );
}

// class-transformer ships no typings for this path; class-validator-jsonschema reads nested
// types (@Type) from this storage.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: NonNullable<
    Parameters<typeof targetConstructorToSchema>[1]
  >['classTransformerMetadataStorage'];
};

let generator: ReturnType<typeof createGenerator> | undefined;

/**
 * Schemas of the types exported by scripts/openapi-types.ts, with every named type they use.
 * Building the TypeScript program takes a while: it is built once per process.
 */
export function typeSchemas(names: readonly string[]): Schemas {
  const config: Config = {
    path: path.join(ROOT, 'scripts', 'openapi-types.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: true,
    sortProps: false,
  };
  generator ??= createGenerator(config);
  const definitions: Schemas = {};
  for (const name of names) {
    const schema = generator.createSchema(name);
    Object.assign(definitions, schema.definitions as Schemas);
  }
  const renamed = new Map(Object.keys(definitions).map((n) => [n, safeName(n)]));
  const rewrite = (v: unknown): unknown =>
    mapSchemas(v, (s) => {
      if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/definitions/')) return s;
      const target = decodeURIComponent(s.$ref.slice('#/definitions/'.length));
      const name = renamed.get(target);
      if (name === undefined) throw new Error(`unresolved reference ${s.$ref}`);
      return { ...s, $ref: `${REF_PREFIX}${name}` };
    });
  const out: Schemas = {};
  for (const [name, schema] of Object.entries(definitions)) {
    const { $schema: _ignored, ...rest } = schema;
    out[renamed.get(name)!] = rewrite(rest) as Schema;
  }
  return out;
}

/** Merges named schemas, refusing two different schemas under one name. */
export function mergeSchemas(...parts: Schemas[]): Schemas {
  const out: Schemas = {};
  for (const part of parts) {
    for (const [name, schema] of Object.entries(part)) {
      if (name in out && JSON.stringify(out[name]) !== JSON.stringify(schema)) {
        // One closed list described twice (an enumName of the DTOs and the TypeScript union).
        const same = JSON.stringify(out[name].enum) === JSON.stringify(schema.enum) && schema.enum;
        if (!same) {
          throw new Error(
            `two different schemas are named ${name}: ${JSON.stringify(out[name])} and ${JSON.stringify(schema)}`,
          );
        }
        continue;
      }
      out[name] = schema;
    }
  }
  return out;
}

/** Every `$ref` in `value` that does not name one of `schemas`. */
export function danglingRefs(value: unknown, schemas: Schemas): string[] {
  const found: string[] = [];
  mapSchemas(value, (s) => {
    if (typeof s.$ref === 'string') {
      const name = s.$ref.startsWith(REF_PREFIX) ? s.$ref.slice(REF_PREFIX.length) : undefined;
      if (name === undefined || !(name in schemas)) found.push(s.$ref);
    }
    return s;
  });
  return found;
}

/** Keys sorted recursively, so generated documents are stable. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  ) as T;
}
