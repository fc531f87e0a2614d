import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { restrictTree } from '../common/private-files.js';

/** What both PGlite and a `pg` client offer. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export class PgliteImportError extends Error {}

export interface ImportResult {
  tables: number;
  rows: number;
}

const BATCH_ROWS = 500;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Copies the `public` schema — sequences, tables, rows, constraints and indexes — from `source` into an
 * empty `target`, as SQL, so it works across major versions and builds (PGlite 0.5 is a 32-bit
 * PostgreSQL 18, whose files no 64-bit PostgreSQL 17 can open). Covers what the two apps create: plain
 * tables, serial sequences, primary keys, unique, check and foreign-key constraints, btree indexes.
 * Run it inside a transaction on `target`.
 */
export async function copyPublicSchema(source: Queryable, target: Queryable): Promise<ImportResult> {
  const tables = (
    await source.query<{ name: string }>(
      "select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname",
    )
  ).rows.map((row) => row.name);
  const present = (
    await target.query<{ name: string }>(
      "select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'",
    )
  ).rows.map((row) => row.name);
  if (present.length > 0) throw new PgliteImportError(`the new database already has tables (${present.join(', ')})`);

  const sequences = (
    await source.query<{
      name: string;
      type: string;
      start: string;
      min: string;
      max: string;
      step: string;
      cache: string;
      cycle: boolean;
      last: string | null;
    }>(
      `select sequencename as name, data_type::text as type, start_value::text as start, min_value::text as min, max_value::text as max,
            increment_by::text as step, cache_size::text as cache, cycle, last_value::text as last
       from pg_sequences where schemaname = 'public'`,
    )
  ).rows;
  for (const s of sequences) {
    await target.query(
      `create sequence ${quote(s.name)} as ${s.type} increment by ${s.step} minvalue ${s.min} maxvalue ${s.max} start ${s.start} cache ${s.cache} ${s.cycle ? 'cycle' : 'no cycle'}`,
    );
    if (s.last !== null) await target.query('select setval($1::regclass, $2::bigint, true)', [quote(s.name), s.last]);
  }

  let rows = 0;
  for (const table of tables) {
    const columns = (
      await source.query<{
        name: string;
        type: string;
        notNull: boolean;
        default: string | null;
        identity: string;
        generated: string;
      }>(
        `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as "notNull",
              pg_get_expr(d.adbin, d.adrelid) as default, a.attidentity as identity, a.attgenerated as generated
         from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
        [`public.${quote(table)}`],
      )
    ).rows;
    const unsupported = columns.find((column) => column.identity || column.generated);
    if (unsupported)
      throw new PgliteImportError(
        `${table}.${unsupported.name} is an identity or generated column, which the import does not handle`,
      );
    const definitions = columns.map(
      (column) =>
        `${quote(column.name)} ${column.type}${column.default !== null ? ` default ${column.default}` : ''}${column.notNull ? ' not null' : ''}`,
    );
    await target.query(`create table ${quote(table)} (${definitions.join(', ')})`);
    for (let offset = 0; ; offset += BATCH_ROWS) {
      const batch = (
        await source.query<{ batch: string | null; count: number }>(
          `select json_agg(t)::text as batch, count(*)::int as count from (select * from ${quote(table)} order by ctid limit ${BATCH_ROWS} offset ${offset}) t`,
        )
      ).rows[0];
      if (!batch?.batch) break;
      await target.query(
        `insert into ${quote(table)} select * from json_populate_recordset(null::${quote(table)}, $1::json)`,
        [batch.batch],
      );
      rows += batch.count;
    }
  }

  const owned = (
    await source.query<{ sequence: string; table: string; column: string }>(
      `select s.relname as sequence, t.relname as table, a.attname as column
       from pg_depend d
       join pg_class s on s.oid = d.objid and s.relkind = 'S'
       join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where d.deptype = 'a' and s.relnamespace = 'public'::regnamespace`,
    )
  ).rows;
  for (const o of owned)
    await target.query(`alter sequence ${quote(o.sequence)} owned by ${quote(o.table)}.${quote(o.column)}`);

  // Keys and checks first, then foreign keys (they need the referenced keys); not-null is in the columns.
  const constraints = (
    await source.query<{ table: string; name: string; definition: string }>(
      `select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class c on c.oid = k.conrelid
      where c.relnamespace = 'public'::regnamespace and k.contype in ('p', 'u', 'c', 'x', 'f')
      order by k.contype = 'f', c.relname, k.conname`,
    )
  ).rows;
  for (const k of constraints)
    await target.query(`alter table ${quote(k.table)} add constraint ${quote(k.name)} ${k.definition}`);

  const indexes = (
    await source.query<{ definition: string }>(
      `select pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indrelid
      where c.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))`,
    )
  ).rows;
  for (const index of indexes) await target.query(index.definition);
  return { tables: tables.length, rows };
}

export interface PgliteImport extends ImportResult {
  /** Where the old directory now is (renamed, kept, owner-only). */
  movedTo: string;
}

/**
 * Earlier versions of `npm start` kept their database in `<dataHome>/pglite` (PGlite). When that
 * directory is there, its accounts, sessions, keys, tasks and conversations are copied once into the
 * database at `targetUrl` (which must be empty), in one transaction, and the directory is renamed to
 * `pglite.imported-<time>`, so nothing is lost and nothing is imported twice. PGlite (a development
 * dependency) is loaded only then: it is the only reader of that directory's files.
 */
export async function importPgliteOnce(dataHome: string, targetUrl: string): Promise<PgliteImport | null> {
  const dir = join(dataHome, 'pglite');
  if (!existsSync(join(dir, 'PG_VERSION'))) return null;
  restrictTree(dir); // PGlite wrote its files (session tokens included) world-readable
  let PGlite: typeof import('@electric-sql/pglite').PGlite;
  try {
    ({ PGlite } = await import('@electric-sql/pglite'));
  } catch {
    throw new PgliteImportError(
      `${dir} holds the data of an earlier version and importing it needs @electric-sql/pglite: run npm ci, or move the directory away.`,
    );
  }
  const source = await PGlite.create(dir);
  const target = new pg.Client({ connectionString: targetUrl });
  let result: ImportResult;
  try {
    await target.connect();
    await target.query('begin');
    result = await copyPublicSchema(source as Queryable, target);
    await target.query('commit');
  } catch (error) {
    await target.query('rollback').catch(() => undefined);
    throw new PgliteImportError(
      `Importing ${dir} failed (${(error as Error).message}); it is left as it was: move it away to start without it.`,
    );
  } finally {
    await target.end().catch(() => undefined);
    await source.close();
  }
  const movedTo = `${dir}.imported-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(dir, movedTo);
  restrictTree(movedTo); // PGlite wrote new files while it was open
  return { ...result, movedTo };
}
