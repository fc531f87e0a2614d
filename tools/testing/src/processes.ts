import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built api's commands (`npm test` builds it first): the server and the migration Job's. */
export const API_ENTRY = `${REPO_ROOT}apps/api/dist/main.js`;
export const MIGRATE_ENTRY = `${REPO_ROOT}apps/api/dist/migrate.js`;

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ApiProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<Exited>;
}

/** Runs a built server (`node dist/…`) as its own process, as a container would. */
export function spawnNode(entry: string, env: Record<string, string | undefined>): ApiProcess {
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stdout + stderr };
}

/** Polls `url` until it answers 200, or fails after `timeoutMs` naming the last status. */
export async function waitFor200(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last = 'no answer';
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return Date.now() - started;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last})`);
}
