import { PGlite } from '@electric-sql/pglite';
import { chmodSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const FIXTURE = fileURLToPath(new URL('../fixtures/pglite-0.5.14/', import.meta.url));

export interface PgliteFixtureUser {
  email: string;
  sessionCookie: string;
  tasks: string[];
  conversations: string[];
}

/** What the fixture holds: made by `npm start` of the PGlite-based version (see contents.json). */
export const PGLITE_FIXTURE = JSON.parse(readFileSync(join(FIXTURE, 'contents.json'), 'utf8')) as {
  madeBy: string;
  betterAuthSecret: string;
  password: string;
  users: PgliteFixtureUser[];
};

/** Opens every mode, as PGlite left its files under umask 0 (session tokens readable by anyone). */
function widen(path: string): void {
  const stat = lstatSync(path);
  chmodSync(path, stat.isDirectory() ? 0o777 : 0o666);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) widen(join(path, entry));
}

/**
 * Lays out `dataHome` as that version left it: `.data/pglite` (world-readable) and
 * `.data/dev-auth-secret`. Its sessions are moved a week ahead so they are still valid today.
 */
export async function restorePgliteFixture(dataHome: string): Promise<void> {
  const tarball = brotliDecompressSync(readFileSync(join(FIXTURE, 'datadir.tar.br')));
  const db = await PGlite.create({ dataDir: join(dataHome, 'pglite'), loadDataDir: new Blob([tarball]) });
  await db.query(`update session set "expiresAt" = now() + interval '7 days'`);
  await db.close();
  widen(join(dataHome, 'pglite'));
  writeFileSync(join(dataHome, 'dev-auth-secret'), PGLITE_FIXTURE.betterAuthSecret, { mode: 0o600 });
}
