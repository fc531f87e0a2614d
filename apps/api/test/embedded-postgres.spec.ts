import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../src/common/free-port.js';
import {
  clusterDataDir,
  clusterHome,
  EmbeddedPostgresError,
  POSTGRES_MAJOR,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../src/database/embedded-postgres.js';
import { hydrateSymlinks, postgresBinaries } from '../src/database/postgres-binaries.js';
import { isAlive, postmasterPid, processTree, signalAll, waitUntilGone } from '@todo-chatbot/testing/os-processes';

/** The built module, for a second process that owns a server (as `npm start` does). */
const BUILT_EMBEDDED = fileURLToPath(new URL('../dist/database/embedded-postgres.js', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newDataHome(): string {
  const dataHome = mkdtempSync(join(tmpdir(), 'todo-embedded-'));
  cleanups.push(() => {
    rmSync(clusterHome(dataHome), { recursive: true, force: true });
    rmSync(dataHome, { recursive: true, force: true });
  });
  return dataHome;
}

async function start(dataHome: string, port?: number): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataHome, durable: false, port });
  cleanups.push(() => server.stop());
  return server;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Another process that starts the server for `dataHome` (durable, as `npm start` does) and keeps running. */
async function startOwner(dataHome: string): Promise<{ owner: ChildProcess; pid: number; url: string }> {
  const code = `const { startEmbeddedPostgres } = await import(${JSON.stringify(BUILT_EMBEDDED)});
    const server = await startEmbeddedPostgres({ dataHome: ${JSON.stringify(dataHome)} });
    console.log(JSON.stringify({ pid: server.pid, url: server.url }));
    setInterval(() => {}, 1000);`;
  const owner = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => {
    owner.kill('SIGKILL');
  });
  const line = await new Promise<string>((resolve, reject) => {
    owner.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    owner.once('exit', (code) => reject(new Error(`the owner exited (${code})`)));
  });
  return { owner, ...(JSON.parse(line) as { pid: number; url: string }) };
}

describe('the embedded PostgreSQL server (npm start and npm test without DATABASE_URL)', () => {
  test(`is PostgreSQL ${POSTGRES_MAJOR}, keeps its data across a restart, and stop() leaves no process behind`, async () => {
    const dataHome = newDataHome();
    const first = await start(dataHome);
    expect(first.version).toMatch(new RegExp(`^${POSTGRES_MAJOR}\\.`));
    await query(first.url, "create table kept (note text); insert into kept values ('still here')");
    const processes = processTree(first.pid);
    expect(processes.length).toBeGreaterThan(1); // the postmaster and its background processes

    await first.stop();
    expect(processes.filter(isAlive)).toEqual([]);
    expect(existsSync(join(first.dataDir, 'postmaster.pid'))).toBe(false);

    const second = await start(dataHome);
    expect(await query(second.url, 'select note from kept')).toEqual([{ note: 'still here' }]);
  });

  test('after everything was killed with SIGKILL (a stale postmaster.pid), it starts again with its data', async () => {
    const dataHome = newDataHome();
    const { owner, pid, url } = await startOwner(dataHome);
    await query(url, "create table kept (note text); insert into kept values ('written before the crash')");
    const dataDir = clusterDataDir(dataHome);
    signalAll([owner.pid!, ...processTree(pid)], 'SIGKILL');
    expect(await waitUntilGone([owner.pid!, pid], 5000)).toEqual([]);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(true);

    const restarted = await start(dataHome);
    expect(await query(restarted.url, 'select note from kept')).toEqual([{ note: 'written before the crash' }]);
  });

  test('a server whose owner still runs is refused in one sentence; one left over by a killed owner is stopped and replaced', async () => {
    const dataHome = newDataHome();
    const { owner, pid } = await startOwner(dataHome);
    const refusal = startEmbeddedPostgres({ dataHome, durable: false });
    await expect(refusal).rejects.toThrow(EmbeddedPostgresError);
    await expect(refusal).rejects.toThrow(`is in use by process ${owner.pid} (another npm start?): stop it first.`);
    expect(isAlive(pid)).toBe(true);

    owner.kill('SIGKILL');
    await waitUntilGone([owner.pid!], 5000);
    expect(isAlive(pid)).toBe(true); // the server outlived its owner
    const replacement = await start(dataHome);
    expect(replacement.pid).not.toBe(pid);
    expect(isAlive(pid)).toBe(false);
    expect(postmasterPid(replacement.dataDir)).toBe(replacement.pid);
  });

  test('a port already in use is one sentence naming it', async () => {
    const port = await freePort();
    const accepted: Socket[] = [];
    const blocker: Server = createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const socket of accepted) socket.destroy();
      blocker.close();
    });
    await expect(startEmbeddedPostgres({ dataHome: newDataHome(), durable: false, port })).rejects.toThrow(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it: stop what uses it, or pick another port.`,
    );
  });

  test('a data directory of another PostgreSQL major version is one sentence saying what to do, and is left untouched', async () => {
    const dataHome = newDataHome();
    const dataDir = clusterDataDir(dataHome);
    const first = await start(dataHome);
    await first.stop();
    writeFileSync(join(dataDir, 'PG_VERSION'), '16\n');
    await expect(startEmbeddedPostgres({ dataHome, durable: false })).rejects.toThrow(
      `${dataDir} holds a PostgreSQL 16 cluster but the embedded server is PostgreSQL ${POSTGRES_MAJOR}: dump it with PostgreSQL 16's pg_dump and restore it after moving the directory away, or move it away to start empty.`,
    );
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8')).toBe('16\n');
  });

  test('its files are readable by their owner only; as root the server runs as postgres outside the data home', async () => {
    const dataHome = newDataHome();
    const server = await start(dataHome);
    const home = clusterHome(dataHome);
    const wide: string[] = [];
    const walk = (path: string) => {
      const stat = lstatSync(path);
      if (!stat.isSymbolicLink() && stat.mode & 0o077 && path !== home)
        wide.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    };
    walk(home);
    expect(wide).toEqual([]);
    for (const file of ['postgres.password', 'postgres.log'])
      expect(statSync(join(home, file)).mode & 0o777).toBe(0o600);
    if (process.getuid?.() === 0) {
      // The postgres user passes through the home (root:postgres 0710) into a data directory it owns.
      expect(statSync(home).mode & 0o777).toBe(0o710);
      const owner = Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)![1]);
      expect(owner).not.toBe(0);
      expect(statSync(server.dataDir).uid).toBe(owner);
      expect(home.startsWith('/var/lib/todo-chatbot/')).toBe(true);
    } else {
      expect(statSync(home).mode & 0o777).toBe(0o700);
    }
  });
});

describe('the PostgreSQL binaries package', () => {
  test('every library link it lists exists (re-created at start when npm skipped its postinstall)', () => {
    const { packageDir } = postgresBinaries();
    const links = JSON.parse(readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8')) as {
      target: string;
    }[];
    expect(links.length).toBeGreaterThan(0);
    for (const { target } of links) expect(lstatSync(join(packageDir, target)).isSymbolicLink()).toBe(true);
  });

  test('hydrateSymlinks creates the missing links, relative, and leaves present ones alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'todo-links-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'native', 'lib'), { recursive: true });
    writeFileSync(join(dir, 'native', 'lib', 'libicuuc.so.60.2'), 'the library');
    symlinkSync('libicuuc.so.60.2', join(dir, 'native', 'lib', 'libicuuc.so'));
    writeFileSync(
      join(dir, 'native', 'pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
      ]),
    );

    expect(hydrateSymlinks(dir)).toEqual([join(dir, 'native', 'lib', 'libicuuc.so.60')]);
    expect(readlinkSync(join(dir, 'native', 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
    expect(readFileSync(join(dir, 'native', 'lib', 'libicuuc.so.60'), 'utf8')).toBe('the library');
    expect(hydrateSymlinks(dir)).toEqual([]);
  });
});
