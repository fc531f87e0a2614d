import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Debian's client: the /usr/local/bin one on these machines lacks BuildKit support. */
export const DOCKER = process.env.DOCKER ?? '/usr/bin/docker';

export interface Images {
  API_IMAGE: string;
  WEB_IMAGE: string;
  NODE_IMAGE: string;
  POSTGRES_IMAGE: string;
}

/** The images prepare.sh built (it runs before this suite: `npm run test:containers`). */
export function images(): Images {
  const file = fileURLToPath(new URL('../../.cache/images.env', import.meta.url));
  const entries = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('=') as [string, string]);
  return Object.fromEntries(entries) as unknown as Images;
}

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run(DOCKER, args, { maxBuffer: 512 * 1024 * 1024 });
  return stdout.trim();
}

/** `docker compose` on the repository's compose.yaml, as project `name`, with extra environment. */
export async function compose(name: string, env: Record<string, string>, ...args: string[]): Promise<string> {
  const { stdout } = await run(DOCKER, ['compose', '-p', name, '-f', `${REPO_ROOT}compose.yaml`, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

export async function inspect<T = any>(target: string, format = '{{json .}}'): Promise<T> {
  return JSON.parse(await docker('inspect', '--format', format, target)) as T;
}

/** Milliseconds until the container's health status is `healthy`; throws after `timeoutMs`. */
export async function waitHealthy(container: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const status = await docker('inspect', '--format', '{{.State.Health.Status}}', container);
    if (status === 'healthy') return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${container} was not healthy within ${timeoutMs} ms`);
}

/** The host port Docker published for a container port. */
export async function publishedPort(container: string, port: number): Promise<number> {
  const mapping = await docker('port', container, `${port}/tcp`);
  return Number(mapping.split('\n')[0]!.split(':').pop());
}
