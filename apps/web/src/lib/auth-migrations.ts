import { getMigrations } from 'better-auth/db/migration';
import pg from 'pg';
import { getAuth } from './auth';
import { webEnv } from './env';

/** Differs from the api's key: the two apps migrate their own tables independently. */
const AUTH_MIGRATION_LOCK_KEY = 7_202_611_241;

/**
 * Creates or updates better-auth's tables at server start, under a PostgreSQL advisory lock held on a
 * connection of its own, so replicas starting together never race on CREATE TABLE.
 */
export async function migrateAuthTables(): Promise<void> {
  const lock = new pg.Client({ connectionString: webEnv().databaseUrl, connectionTimeoutMillis: 10_000 });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [AUTH_MIGRATION_LOCK_KEY]);
    const { runMigrations } = await getMigrations(getAuth().options);
    await runMigrations();
  } finally {
    await lock.end();
  }
}
