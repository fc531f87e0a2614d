import { poolOptions } from '@todo-chatbot/api/database-client';
import pg from 'pg';
import { webEnv } from './env';

/**
 * The web server's PostgreSQL pool (better-auth's tables), with the api's timeouts and client: a
 * database that is down or hangs fails a request within seconds instead of holding it, and the pool
 * recovers by itself when the database is back.
 */
const POOL_MAX = 10;

let pool: pg.Pool | undefined;

export function databasePool(): pg.Pool {
  if (pool) return pool;
  pool = new pg.Pool({
    connectionString: webEnv().databaseUrl,
    max: POOL_MAX,
    ...poolOptions(),
    idleTimeoutMillis: 30_000,
  });
  // A connection the server drops emits 'error' (on the pool while idle, on the client while checked
  // out); unhandled, it would end the process. The request that used it fails on its own.
  pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
  pool.on('connect', (client) =>
    client.on('error', (error) => console.warn(`database connection lost: ${error.message}`)),
  );
  return pool;
}

/** Readiness: the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(timeoutMs: number): Promise<void> {
  await databasePool().query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig);
}
