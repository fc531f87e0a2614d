import { ensurePrivateDir } from '../common/private-files.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { importPgliteOnce } from './pglite-import.js';

/**
 * The database of `npm start` (and of the api started alone without DATABASE_URL): the embedded
 * PostgreSQL kept under `dataHome`, with the data of an earlier PGlite-based version imported once.
 * `dataHome` (`.data`) is made owner-only: it holds the secrets too.
 */
export async function startDevDatabase(
  dataHome: string,
  log: (line: string) => void = console.log,
): Promise<EmbeddedPostgres> {
  ensurePrivateDir(dataHome);
  const database = await startEmbeddedPostgres({ dataHome });
  try {
    const imported = await importPgliteOnce(dataHome, database.url);
    if (imported) {
      log(
        `imported the earlier embedded database (${imported.tables} tables, ${imported.rows} rows); the old files are kept in ${imported.movedTo}`,
      );
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
