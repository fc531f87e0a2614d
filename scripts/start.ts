/**
 * `npm start`: the whole app on one machine with no keys and no servers. Builds what is missing, starts
 * an embedded PostgreSQL 17 when DATABASE_URL is unset, then the api (8000) and web (3000) wired to each
 * other, and stops everything — the database last — on Ctrl-C, SIGTERM or SIGHUP.
 *
 * WEB_PORT, API_PORT and DATA_DIR (default `.data`) move it elsewhere, e.g. for a second copy or a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PORT as DEFAULT_API_PORT, JWKS_PATH } from '@todo-chatbot/api/contracts';

const STARTED = performance.now();
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA_DIR = resolve(process.env.DATA_DIR || `${ROOT}.data`);
const API_PORT = Number(process.env.API_PORT || DEFAULT_API_PORT);
const WEB_PORT = Number(process.env.WEB_PORT || 3000);
const WEB_URL = `http://localhost:${WEB_PORT}`;
const API_URL = `http://127.0.0.1:${API_PORT}`;
const API_ENTRY = `${ROOT}apps/api/dist/main.js`;
const WEB_ENTRY = `${ROOT}apps/web/.next/standalone/apps/web/server.js`;
const READY_TIMEOUT_MS = 120_000;

/** A failure explained in one sentence: printed as it is, exit 1. */
class StartError extends Error {}

/** Checked before anything starts, so a second `npm start` says what is wrong instead of half-starting. */
function ensurePortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartError(
              `Port ${port} is already in use (another npm start?): stop what uses it, or set ${variable} to a free port.`,
            )
          : error,
      );
    });
    probe.listen(port, () => probe.close(() => resolvePort()));
  });
}

function buildIfMissing(entry: string, workspace: string): void {
  if (existsSync(entry)) return;
  console.log(`building ${workspace} (first start)…`);
  const build = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new StartError(`building ${workspace} failed (exit ${build.status}).`);
}

/** DATA_DIR holds secrets and (as a normal user) the database: owner-only, whatever it was before. */
function privateDataDir(): void {
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  chmodSync(DATA_DIR, 0o700);
}

/** A development secret kept in DATA_DIR (mode 0600), so sessions survive a restart; never used in production. */
function devAuthSecret(): string {
  const file = `${DATA_DIR}/dev-auth-secret`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

function start(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything.`);
      void stopAll(1);
    }
  });
  return child;
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new StartError(`${url} was not ready within ${READY_TIMEOUT_MS / 1000} s.`);
}

const children: ChildProcess[] = [];
let stopDatabase: (() => Promise<void>) | undefined;
let stopping = false;

/** The apps first (they finish their requests), then the database; then exit. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => new Promise((resolveExit) => child.once('exit', resolveExit).kill('SIGTERM'))),
  );
  await stopDatabase?.();
  process.exit(code);
}

async function main(): Promise<void> {
  await ensurePortFree(WEB_PORT, 'WEB_PORT');
  await ensurePortFree(API_PORT, 'API_PORT');
  privateDataDir();
  buildIfMissing(API_ENTRY, 'apps/api');
  buildIfMissing(WEB_ENTRY, 'apps/web');
  let databaseUrl = process.env.DATABASE_URL;
  let database = 'PostgreSQL at DATABASE_URL';
  if (!databaseUrl) {
    const { startDevDatabase } = await import(`${ROOT}apps/api/dist/database/dev-database.js`);
    const embedded = await startDevDatabase(DATA_DIR);
    stopDatabase = () => embedded.stop();
    if (stopping) return stopDatabase();
    databaseUrl = embedded.url as string;
    database = `embedded PostgreSQL ${embedded.version}, data in ${embedded.dataDir}`;
    console.log(`database: ${database}`);
  }
  const shared = { DATABASE_URL: databaseUrl, BETTER_AUTH_URL: WEB_URL };
  children.push(
    start('api', API_ENTRY, {
      ...shared,
      NODE_ENV: 'development',
      PORT: String(API_PORT),
      AUTH_JWKS_URL: `${WEB_URL}${JWKS_PATH}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    }),
    start('web', WEB_ENTRY, {
      ...shared,
      NODE_ENV: 'production',
      PORT: String(WEB_PORT),
      HOSTNAME: '0.0.0.0',
      API_URL,
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? devAuthSecret(),
      NEXT_TELEMETRY_DISABLED: '1',
    }),
  );
  await Promise.all([waitUntilReady(`${API_URL}/ready`), waitUntilReady(`http://127.0.0.1:${WEB_PORT}/api/ready`)]);
  if (stopping) return;
  const engine =
    process.env.OPENAI_API_KEY || process.env.LLM_BASE_URL ? 'AI model' : 'offline chat engine (no LLM key set)';
  const seconds = ((performance.now() - STARTED) / 1000).toFixed(1);
  console.log(
    `\ntodo-chatbot is running at ${WEB_URL} after ${seconds} s (${engine}; ${database}). Ctrl-C stops it.\n`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
