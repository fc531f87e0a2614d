import pg from 'pg';
import { webEnv } from './env';

/**
 * The web server's PostgreSQL pool (better-auth's tables), with the api's timeouts
 * (apps/api/src/common/database-client.ts): a database that is down or hangs fails a request within
 * seconds instead of holding it, and the pool recovers by itself when the database is back.
 */
const POOL_MAX = 10;
const CONNECT_TIMEOUT_MS = 3000;
const STATEMENT_TIMEOUT_MS = 4000;
const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * Closes its connection when a statement times out on the client side: `pg` alone keeps it, with the
 * unanswered statement in flight and whatever comes next queued behind it (a ROLLBACK included).
 */
class TimeoutClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query has a dozen overloads; this passes every one through.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) => {
        this.closeAfterTimeout(error);
        last(error, result);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        this.closeAfterTimeout(error);
        throw error;
      });
    }
    return result;
  }

  private closeAfterTimeout(error: unknown): void {
    if ((error as Error | null)?.message !== QUERY_TIMEOUT_MESSAGE) return;
    (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }
}

let pool: pg.Pool | undefined;

export function databasePool(): pg.Pool {
  if (pool) return pool;
  pool = new pg.Pool({
    connectionString: webEnv().databaseUrl,
    max: POOL_MAX,
    Client: TimeoutClient,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1000,
    keepAlive: true,
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
