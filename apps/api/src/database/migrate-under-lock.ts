import type { MikroORM } from '@mikro-orm/postgresql';
import { MIGRATION_LOCK_KEYS, withAdvisoryLock } from '../common/database-client.js';

/** Applies pending migrations, one replica at a time; returns the names of those it applied. */
export async function migrateUnderLock(orm: MikroORM, databaseUrl: string): Promise<string[]> {
  const applied = await withAdvisoryLock(databaseUrl, MIGRATION_LOCK_KEYS.api, () => orm.migrator.up());
  return applied.map((migration) => migration.name);
}
