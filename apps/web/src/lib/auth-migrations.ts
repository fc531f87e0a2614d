import { MIGRATION_LOCK_KEYS, withAdvisoryLock } from '@todo-chatbot/api/database-client';
import { getMigrations } from 'better-auth/db/migration';
import { getAuth } from './auth';
import { webEnv } from './env';

/** Creates or updates better-auth's tables at server start, one replica at a time (no race on CREATE TABLE). */
export async function migrateAuthTables(): Promise<void> {
  await withAdvisoryLock(webEnv().databaseUrl, MIGRATION_LOCK_KEYS.auth, async () => {
    const { runMigrations } = await getMigrations(getAuth().options);
    await runMigrations();
  });
}
