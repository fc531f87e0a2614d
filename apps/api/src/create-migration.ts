import { MikroORM } from '@mikro-orm/postgresql';
import { loadDatabaseUrl } from './common/config.js';
import { ormConfig } from './database/orm.config.js';

/**
 * `npm run migration:create -w apps/api`: diffs the entities against the committed snapshot and writes
 * the next migration into src/migrations (add it to src/migrations/index.ts). Needs DATABASE_URL.
 */
async function main(): Promise<void> {
  const databaseUrl = loadDatabaseUrl();
  const orm = await MikroORM.init(ormConfig({ url: databaseUrl, poolMax: 1 }));
  try {
    const result = await orm.migrator.create();
    console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes: no migration written');
  } finally {
    await orm.close();
  }
}

await main();
