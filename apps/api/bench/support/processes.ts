import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
/** BENCH_API_ENTRY: another build of the api (e.g. the previous commit's) to compare with. */
export const API_ENTRY = process.env.BENCH_API_ENTRY ?? `${ROOT}apps/api/dist/main.js`;
export const WEB_ENTRY = `${ROOT}apps/web/.next/standalone/apps/web/server.js`;
/** The floor comparators: plain (no agent library) and with @openai/agents. */
export const FLOOR_ENTRIES = {
  plain: fileURLToPath(new URL('../floor/plain-server.js', import.meta.url)),
  agents: fileURLToPath(new URL('../floor/agents-server.js', import.meta.url)),
};
const READY_TIMEOUT_MS = 60_000;

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Server {
  pid: number;
  stop(): Promise<void>;
}

/**
 * A built server (`node <entry>`) in its own process, so the load generator never shares its event
 * loop; resolves once `readyUrl` answers 200. Its stderr is shown if it fails to start.
 */
export async function startServer(
  entry: string,
  env: Record<string, string | undefined>,
  readyUrl: string,
  nodeOptions?: string,
): Promise<Server> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build).`);
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH, NODE_OPTIONS: nodeOptions, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with code ${child.exitCode}:\n${stderr}`);
    const ready = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${readyUrl} was not ready within ${READY_TIMEOUT_MS} ms:\n${stderr}`);
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A database of the bench's own (`bench_<pid>`), dropped afterwards. */
export async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${process.pid}`;
  await admin(serverUrl, `drop database if exists "${name}" with (force)`);
  await admin(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(serverUrl, `drop database if exists "${name}" with (force)`) };
}
