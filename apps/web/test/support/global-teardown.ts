import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const { TEST_SERVER_URL: serverUrl, DATABASE_URL: databaseUrl } = process.env;
  if (!serverUrl || !databaseUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${new URL(databaseUrl).pathname.slice(1)}" with (force)`);
  await admin.end();
}
