import { rmSync } from 'node:fs';
import pg from 'pg';

/**
 * Jest loads globalSetup and globalTeardown without the suites' `.js` → `.ts` mapping, so they load
 * the built api (npm test builds it first), typed from its sources.
 */
const BUILT_EMBEDDED_POSTGRES = '../../dist/database/embedded-postgres.js';
const embeddedPostgresModule = () =>
  import(BUILT_EMBEDDED_POSTGRES) as Promise<typeof import('../../src/database/embedded-postgres.js')>;

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_SERVER_URL;
  const databaseUrl = process.env.DATABASE_URL;
  if (serverUrl && databaseUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${new URL(databaseUrl).pathname.slice(1)}" with (force)`);
    await admin.end();
  }
  const embedded = globalThis.__embeddedTestPostgres;
  if (embedded) {
    await embedded.server.stop();
    const { clusterHome } = await embeddedPostgresModule();
    rmSync(clusterHome(embedded.dataHome), { recursive: true, force: true });
    rmSync(embedded.dataHome, { recursive: true, force: true });
    globalThis.__embeddedTestPostgres = undefined;
  }
}
