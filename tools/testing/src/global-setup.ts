import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EmbeddedPostgres } from '@todo-chatbot/api/embedded-postgres';

/**
 * Each run gets a fresh database on a PostgreSQL server: the one DATABASE_URL names, or — when it is
 * unset — the embedded PostgreSQL 17 that `npm start` uses, started here for this run (a throw-away
 * cluster, stopped and removed by global-teardown). No server needs to be installed for `npm test`.
 * The api's module is its build (npm test builds it first): jest loads globalSetup without the suites'
 * `.js` → `.ts` mapping, so the api's sources could not be loaded here.
 */
export interface EmbeddedRun {
  server: EmbeddedPostgres;
  dataHome: string;
}

declare global {
  var __embeddedTestPostgres: EmbeddedRun | undefined;
}

async function serverUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dataHome = mkdtempSync(join(tmpdir(), 'todo-test-pg-'));
  const { startEmbeddedPostgres } = await import('@todo-chatbot/api/embedded-postgres');
  const server = await startEmbeddedPostgres({ dataHome, durable: false });
  globalThis.__embeddedTestPostgres = { server, dataHome };
  console.log(
    `\nembedded PostgreSQL ${server.version} for this run (DATABASE_URL is unset), data in ${server.dataDir}`,
  );
  return server.url;
}

export default async function globalSetup(): Promise<void> {
  const url = await serverUrl();
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL: none answered at ${new URL(url).host} (${(error as Error).message}). ` +
        'Set DATABASE_URL to a server where the user may create databases, or unset it to use the embedded one.',
    );
  }
  const name = `todo_test_${Date.now()}_${process.pid}`;
  await admin.query(`create database "${name}"`);
  await admin.end();
  const database = new URL(url);
  database.pathname = `/${name}`;
  process.env.TEST_SERVER_URL = url;
  process.env.DATABASE_URL = database.toString();
}
