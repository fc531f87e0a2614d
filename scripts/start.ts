/**
 * `npm start`: the whole app on one machine with no keys and no servers. Builds what is missing, starts
 * an embedded PostgreSQL (PGlite) when DATABASE_URL is unset, then the api (8000) and web (3000) wired
 * to each other, and stops everything on Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA_DIR = `${ROOT}.data`;
const API_PORT = 8000;
const WEB_PORT = 3000;
const WEB_URL = `http://localhost:${WEB_PORT}`;
const API_URL = `http://127.0.0.1:${API_PORT}`;
const API_ENTRY = `${ROOT}apps/api/dist/main.js`;
const WEB_ENTRY = `${ROOT}apps/web/.next/standalone/apps/web/server.js`;
const READY_TIMEOUT_MS = 120_000;

function buildIfMissing(entry: string, workspace: string): void {
  if (existsSync(entry)) return;
  console.log(`building ${workspace} (first start)…`);
  const build = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`building ${workspace} failed (exit ${build.status}).`);
}

/** A development secret kept under .data/, so sessions survive a restart; never used in production. */
function devAuthSecret(): string {
  const file = `${DATA_DIR}/dev-auth-secret`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function start(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
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
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} was not ready within ${READY_TIMEOUT_MS / 1000} s.`);
}

const children: ChildProcess[] = [];
let stopDatabase: (() => Promise<void>) | undefined;
let stopping = false;

async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children
      .filter((child) => child.exitCode === null)
      .map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))),
  );
  await stopDatabase?.();
  process.exit(code);
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  buildIfMissing(API_ENTRY, 'apps/api');
  buildIfMissing(WEB_ENTRY, 'apps/web');
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import(`${ROOT}apps/api/dist/database/embedded-postgres.js`);
    const embedded = await startEmbeddedPostgres(`${DATA_DIR}/pglite`);
    databaseUrl = embedded.url as string;
    stopDatabase = () => embedded.stop();
  }
  const shared = { DATABASE_URL: databaseUrl, BETTER_AUTH_URL: WEB_URL };
  children.push(
    start('api', API_ENTRY, {
      ...shared,
      NODE_ENV: 'development',
      PORT: String(API_PORT),
      AUTH_JWKS_URL: `${WEB_URL}/api/auth/jwks`,
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
  const engine = process.env.OPENAI_API_KEY || process.env.LLM_BASE_URL ? 'AI model' : 'offline chat engine (no LLM key set)';
  const database = stopDatabase ? `embedded PostgreSQL in ${DATA_DIR}/pglite` : 'DATABASE_URL';
  console.log(`\ntodo-chatbot is running at ${WEB_URL}  (${engine}; ${database}). Ctrl-C stops it.\n`);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
