import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets and database files are readable by their owner only: directories 0700, files 0600 (or
 * 0700 when executable). Nothing here ever widens a mode.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and its parents) if missing and makes it owner-only, even if it existed with wider bits. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** Writes `content` to `file` with mode 0600 (also when the file existed with wider bits). */
export function writePrivateFile(file: string, content: string): void {
  writeFileSync(file, content, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** The file's trimmed content, created by `make()` (mode 0600) the first time. */
export function readOrCreatePrivateFile(file: string, make: () => string): string {
  if (!existsSync(file)) writePrivateFile(file, make());
  chmodSync(file, PRIVATE_FILE_MODE);
  return readFileSync(file, 'utf8').trim();
}

/** Removes the group and other bits of `path` and everything under it (symbolic links are left alone). */
export function restrictTree(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.mode & 0o077) chmodSync(path, stat.mode & 0o700);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) restrictTree(join(path, entry));
}
