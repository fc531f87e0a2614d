import type { INestApplication } from '@nestjs/common';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './common/config.js';
import type { EmbeddedPostgres } from './database/embedded-postgres.js';
import { ShutdownState } from './health/shutdown-state.service.js';

/** Where `npm start` keeps its embedded database, so tasks survive a restart. */
const DEFAULT_PGLITE_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url));

/**
 * SIGTERM: readiness turns 503 at once, traffic drains for `delayMs`, then the server stops taking
 * connections, in-flight requests finish and the process exits 0.
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
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Loaded only without DATABASE_URL (development): PGlite is a dev dependency, absent from the image. */
async function startEmbedded(dataDir: string): Promise<EmbeddedPostgres> {
  const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
  return startEmbeddedPostgres(dataDir);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config.pgliteDataDir ?? DEFAULT_PGLITE_DIR);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  // PGlite has one backend: a single pooled connection keeps transactions apart.
  const app = await createApp({ ...config, databaseUrl, dbPoolMax: embedded ? 1 : config.dbPoolMax });
  stopOnSignals(app, config.shutdownDelayMs, embedded);
  await app.listen(config.port, config.host);
  const where = embedded ? 'embedded PGlite' : 'PostgreSQL';
  const engine = config.llm ? `model ${config.llm.model}` : 'offline chat engine';
  console.log(`api listening on http://localhost:${config.port} (${where}, ${engine})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
