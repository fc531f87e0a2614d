import type { INestApplication } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './common/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';

/** Where `npm start` keeps its embedded database, so tasks survive a restart. */
const DEFAULT_PGLITE_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url));

/** SIGTERM: readiness turns 503 at once (ShutdownState), in-flight requests finish, then the process exits. */
function stopOnSignals(app: INestApplication, embedded?: EmbeddedPostgres): void {
  const stop = async () => {
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.pgliteDataDir ?? DEFAULT_PGLITE_DIR);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  // PGlite has one backend: a single pooled connection keeps transactions apart.
  const app = await createApp({ ...config, databaseUrl, dbPoolMax: embedded ? 1 : config.dbPoolMax });
  stopOnSignals(app, embedded);
  await app.listen(config.port, config.host);
  const where = embedded ? 'embedded PGlite' : 'PostgreSQL';
  const engine = config.llm ? `model ${config.llm.model}` : 'offline chat engine';
  console.log(`api listening on http://localhost:${config.port} (${where}, ${engine})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
