import type { INestApplication } from '@nestjs/common';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.factory.js';
import { loadConfig } from './common/config.js';
import { ConfigError } from './common/config-error.js';
import { startDevDatabase } from './database/dev-database.js';
import { EmbeddedPostgresError, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { PgliteImportError } from './database/pglite-import.js';
import { ShutdownState } from './health/shutdown-state.service.js';

/** The repository's `.data`, shared with `npm start`: the api alone (development) uses the same database. */
const DEFAULT_DATA_HOME = fileURLToPath(new URL('../../../.data', import.meta.url));

/**
 * SIGTERM: readiness turns 503 at once, traffic drains for `delayMs`, then the server stops taking
 * connections, in-flight requests finish, the embedded database (if any) stops and the process exits 0.
 */
function stopOnSignals(app: INestApplication, delayMs: number, embedded?: EmbeddedPostgres): void {
  const shutdown = app.get(ShutdownState);
  const stop = async () => {
    if (shutdown.shuttingDown) return;
    shutdown.shuttingDown = true;
    await setTimeout(delayMs);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  // `on`, not `once`: @openai/agents exits the process on SIGTERM unless another listener remains.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startDevDatabase(config.dataHome ?? DEFAULT_DATA_HOME);
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url });
  stopOnSignals(app, config.shutdownDelayMs, embedded);
  await app.listen(config.port, config.host);
  const where = embedded ? `embedded PostgreSQL ${embedded.version}, data in ${embedded.dataDir}` : 'PostgreSQL';
  const engine = config.llm ? `model ${config.llm.model}` : 'offline chat engine';
  const metrics = config.metricsPort ? `, /metrics on port ${config.metricsPort}` : '';
  console.log(`api listening on http://${config.host}:${config.port} (${where}, ${engine}${metrics})`);
}

main().catch((error: unknown) => {
  const oneSentence =
    error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof PgliteImportError;
  console.error(oneSentence ? error.message : error);
  process.exit(1);
});
