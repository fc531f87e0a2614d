import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { CONNECT_TIMEOUT_MS } from '../common/database-client.js';

/** Any fixed 64-bit key: every replica of this app takes the same one. */
const MIGRATION_LOCK_KEY = 7_202_611_240;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock on a connection of its own, so
 * replicas starting together migrate one after another: the first applies, the others find nothing to do.
 */
export async function migrateUnderLock(orm: MikroORM, databaseUrl: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.end();
  }
}
