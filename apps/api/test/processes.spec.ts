import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TestIssuer } from './support/auth.js';
import { freePort } from '../src/common/free-port.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { createScratchDatabase } from './support/databases.js';
import { API_ENTRY, MIGRATE_ENTRY, spawnNode, waitFor200, type ApiProcess } from '@todo-chatbot/testing/processes';

const SNAPSHOT = fileURLToPath(new URL('../src/migrations/.snapshot-todo.json', import.meta.url));
const running: ApiProcess[] = [];
afterAll(() => {
  for (const api of running) api.child.kill('SIGKILL');
});

const productionEnv = (databaseUrl: string | undefined, port: number, issuer: TestIssuer) => ({
  NODE_ENV: 'production',
  PORT: String(port),
  METRICS_PORT: '0',
  DATABASE_URL: databaseUrl,
  BETTER_AUTH_URL: 'http://localhost:3000',
  AUTH_JWKS_URL: issuer.jwksUrl,
  LOG_LEVEL: 'warn',
});

describe('the built api as separate processes', () => {
  test('three replicas starting together on an empty database all become ready, migrating once', async () => {
    const database = await createScratchDatabase();
    const issuer = await TestIssuer.start();
    const snapshotBefore = readFileSync(SNAPSHOT, 'utf8');
    try {
      const ports = await Promise.all([freePort(), freePort(), freePort()]);
      const replicas = ports.map((port) => spawnNode(API_ENTRY, productionEnv(database.url, port, issuer)));
      running.push(...replicas);
      const readyAfter = await Promise.all(ports.map((port) => waitFor200(`http://127.0.0.1:${port}/ready`, 45_000)));
      for (const replica of replicas) expect(replica.child.exitCode).toBeNull();
      console.log(`three replicas ready after ${readyAfter.join(', ')} ms`);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const applied = await client.query('select name from mikro_orm_migrations');
      const tables = await client.query(
        "select table_name from information_schema.tables where table_schema = 'public' order by 1",
      );
      await client.end();
      expect(applied.rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(tables.rows.map((row) => row.table_name)).toEqual([
        'chat_turn_stamps',
        'conversations',
        'idempotency_keys',
        'messages',
        'mikro_orm_migrations',
        'task_changes',
        'task_number_counters',
        'tasks',
      ]);
      // Migrating must not write into the sources (a container's filesystem is read-only).
      expect(readFileSync(SNAPSHOT, 'utf8')).toBe(snapshotBefore);

      for (const replica of replicas) replica.child.kill('SIGTERM');
      const exits = await Promise.all(replicas.map((replica) => replica.exited));
      expect(exits.map((exit) => exit.code)).toEqual([0, 0, 0]);
    } finally {
      await issuer.close();
      await database.drop();
    }
  }, 90_000);

  test('on SIGTERM readiness fails at once, liveness holds during the drain delay, then the process exits 0', async () => {
    const issuer = await TestIssuer.start();
    try {
      const port = await freePort();
      const api = spawnNode(API_ENTRY, {
        ...productionEnv(process.env.DATABASE_URL, port, issuer),
        SHUTDOWN_DELAY_MS: '1500',
      });
      running.push(api);
      const base = `http://127.0.0.1:${port}`;
      await waitFor200(`${base}/ready`, 30_000);
      api.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await fetch(`${base}/ready`)).status).toBe(503);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await api.exited).code).toBe(0);
    } finally {
      await issuer.close();
    }
  }, 60_000);

  test('the migrate command applies pending migrations, then finds nothing to do', async () => {
    const database = await createScratchDatabase();
    try {
      const first = await spawnNode(MIGRATE_ENTRY, { DATABASE_URL: database.url }).exited;
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`applied migrations: ${MIGRATIONS.map((migration) => migration.name).join(', ')}`);
      const second = await spawnNode(MIGRATE_ENTRY, { DATABASE_URL: database.url }).exited;
      expect(second).toMatchObject({ code: 0, stdout: 'database is up to date\n' });
    } finally {
      await database.drop();
    }
  }, 60_000);

  test.each([
    [
      'the api',
      API_ENTRY,
      {
        NODE_ENV: 'production',
        BETTER_AUTH_URL: 'http://localhost:3000',
        AUTH_JWKS_URL: 'http://localhost:3000/api/auth/jwks',
      },
    ],
    ['the migrate command', MIGRATE_ENTRY, {}],
  ])('%s in production without DATABASE_URL exits 1 with one sentence naming it', async (_name, entry, env) => {
    const exit = await spawnNode(entry, env).exited;
    expect(exit).toMatchObject({
      code: 1,
      stderr: 'DATABASE_URL is required: set it to the PostgreSQL connection URL.\n',
    });
  });

  test('the api in production without AUTH_JWKS_URL exits 1 naming it', async () => {
    const exit = await spawnNode(API_ENTRY, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://x@127.0.0.1/x',
      BETTER_AUTH_URL: 'http://localhost:3000',
    }).exited;
    expect(exit).toMatchObject({
      code: 1,
      stderr: "AUTH_JWKS_URL is required: set it to the URL of the web app's JWKS.\n",
    });
  });
});
