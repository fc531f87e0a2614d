import { rmSync } from 'node:fs';
import pg from 'pg';

/** Drops the run's database; stops and removes the embedded server if global-setup started one. */
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
    const { clusterHome } = await import('@todo-chatbot/api/embedded-postgres');
    rmSync(clusterHome(embedded.dataHome), { recursive: true, force: true });
    rmSync(embedded.dataHome, { recursive: true, force: true });
    globalThis.__embeddedTestPostgres = undefined;
  }
}
