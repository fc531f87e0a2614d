import pg from 'pg';

/** Each run gets a fresh database on the server DATABASE_URL names (default: the local PostgreSQL). */
const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The browser suite needs PostgreSQL: none answered at ${new URL(serverUrl).host} (${(error as Error).message}). ` +
        'Set DATABASE_URL to a server where the user may create databases.',
    );
  }
  const name = `todo_web_test_${Date.now()}_${process.pid}`;
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.DATABASE_URL = url.toString();
}
