import { MikroORM } from '@mikro-orm/postgresql';
import { loadDatabaseUrl } from './common/config.js';
import { ConfigError } from './common/config-error.js';
import { migrateUnderLock } from './database/migrate-under-lock.js';
import { ormConfig } from './database/orm.config.js';

/** `npm run migrate`: applies pending migrations and exits (the Helm pre-install/pre-upgrade Job). */
async function main(): Promise<void> {
  const databaseUrl = loadDatabaseUrl();
  const orm = await MikroORM.init(ormConfig({ url: databaseUrl, poolMax: 2, statementTimeoutMs: 0 }));
  try {
    const applied = await migrateUnderLock(orm, databaseUrl);
    console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
