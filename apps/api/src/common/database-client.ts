/**
 * How the api and the web app talk to PostgreSQL (the web imports this module as
 * `@todo-chatbot/api/database-client`): the same timeouts, the same client, the same lock around migrations.
 */
import pg from 'pg';

/** How long opening a connection (or waiting for a free one in the pool) may take. */
export const CONNECT_TIMEOUT_MS = 3000;
/**
 * How long one statement may take on the server (a slow query is cancelled); the client waits one
 * second more for a server that hangs without closing its sockets. A transaction that hangs costs that
 * once, as its connection is closed then, so a request answers 503 well within 10 s.
 */
export const STATEMENT_TIMEOUT_MS = 4000;

export const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A `pg` client that closes its connection when a statement times out on the client side. `pg` alone
 * keeps it: the unanswered statement stays in flight, whatever is sent next queues behind it, and a
 * ROLLBACK sent after a timed-out statement never reaches the server, so the next user of the pooled
 * connection could find itself inside that transaction. Closed, the server rolls it back, the pool
 * drops the client, and the next request gets a fresh connection once the server answers again.
 */
export class TimeoutClient extends pg.Client {
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

/** `pg` pool options for every pool of the api and the web app: timeouts everywhere, dead peers detected. */
export function poolOptions(statementTimeoutMs = STATEMENT_TIMEOUT_MS): pg.PoolConfig {
  return {
    Client: TimeoutClient,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    // The server cancels a slow statement first (the connection stays usable); the client gives up a
    // second later only when the server does not answer at all.
    ...(statementTimeoutMs > 0
      ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 1000 }
      : {}),
  };
}

/** Any fixed 64-bit keys, one per set of tables: the api's and better-auth's (the web's) migrate independently. */
export const MIGRATION_LOCK_KEYS = { api: 7_202_611_240, auth: 7_202_611_241 } as const;

/**
 * Runs `run` while holding a PostgreSQL advisory lock on a connection of its own, so replicas starting
 * together take turns: the first migrates, the others find nothing left to do.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: number, run: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [key]);
    return await run();
  } finally {
    await lock.end();
  }
}
