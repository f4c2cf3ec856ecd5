import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { dataSourceOptions, initialiseDataSource } from '@app/persistence';

/**
 * A database of its own (on DATABASE_URL's server) for a migration test: migrate a schema up to
 * some migration, write rows as an older version would, migrate further, look.
 */
export class MigrationDatabase {
  private readonly open: DataSource[] = [];

  private constructor(
    private readonly admin: Client,
    private readonly name: string,
    readonly url: string,
  ) {}

  static async create(prefix: string): Promise<MigrationDatabase> {
    const base = new URL(process.env.DATABASE_URL!);
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    const name = `${prefix}_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    base.pathname = `/${name}`;
    return new MigrationDatabase(admin, name, base.toString());
  }

  /** Applies `migrations` (those not applied yet) to `schema`. */
  async migrate(schema: string, migrations: (new () => object)[]): Promise<DataSource> {
    const ds = await initialiseDataSource({
      ...dataSourceOptions(this.url, { schema, entities: [], migrations }),
      schema,
    });
    this.open.push(ds);
    return ds;
  }

  async drop(): Promise<void> {
    for (const ds of this.open) await ds.destroy();
    await this.admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    await this.admin.end();
  }
}

/** The shape every service's outbox has (libs/outbox/src/outbox.sql.ts): columns, then indexes. */
export const ONE_OUTBOX_SHAPE = [
  'column created_at timestamp with time zone NOT NULL DEFAULT now()',
  'column event_id uuid NOT NULL',
  'column headers jsonb NOT NULL',
  'column id bigint NOT NULL DEFAULT nextval',
  'column key text NOT NULL',
  'column payload text NOT NULL',
  'column published_at timestamp with time zone NULL',
  'column topic text NOT NULL',
  'index outbox_event_idx (event_id)',
  'index outbox_pkey UNIQUE (id)',
  'index outbox_unpublished_idx (id) WHERE (published_at IS NULL)',
];

/** The shape of `schema`'s outbox as PostgreSQL has it, comparable with ONE_OUTBOX_SHAPE. */
export async function outboxShape(ds: DataSource, schema: string): Promise<string[]> {
  const columns: {
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }[] = await ds.query(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'outbox'`,
    [schema],
  );
  const indexes: { indexname: string; indexdef: string }[] = await ds.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'outbox'`,
    [schema],
  );
  return [
    ...columns.map((c) => {
      // A serial's default names its own sequence (schema-qualified): compared by kind only.
      const dflt =
        c.column_default === null
          ? ''
          : c.column_default.startsWith('nextval')
            ? ' DEFAULT nextval'
            : ` DEFAULT ${c.column_default}`;
      return `column ${c.column_name} ${c.data_type} ${c.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'}${dflt}`;
    }),
    ...indexes.map((i) => {
      const m = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING btree (\(.*?\))( WHERE .*)?$/.exec(i.indexdef);
      return `index ${i.indexname} ${m?.[1] ?? ''}${m?.[2] ?? i.indexdef}${m?.[3] ?? ''}`;
    }),
  ].sort();
}
