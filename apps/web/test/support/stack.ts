import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@todo-chatbot/api/free-port';
import { API_ENTRY, spawnNode } from '@todo-chatbot/testing/processes';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const WEB_ENTRY = `${ROOT}apps/web/.next/standalone/apps/web/server.js`;
const READY_TIMEOUT_MS = 60_000;

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}):\n${log()}`);
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${READY_TIMEOUT_MS} ms:\n${log()}`);
}

/** The built server at `entry`, through the shared process runner. */
function run(entry: string, env: Record<string, string>): { child: ChildProcess; log: () => string } {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm test builds it).`);
  const { child, output } = spawnNode(entry, env);
  return { child, log: output };
}

export interface Stack {
  webUrl: string;
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * The built api and web as real processes on free ports, on the run's PostgreSQL, offline engine unless
 * `apiEnv` names a model (LLM_BASE_URL). `webEnv` adds to the web server's environment (e.g. TRUSTED_PROXIES).
 */
export async function startStack(
  webEnv: Record<string, string> = {},
  apiEnv: Record<string, string> = {},
): Promise<Stack> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const webUrl = `http://localhost:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const databaseUrl = process.env.DATABASE_URL!;
  const api = run(API_ENTRY, {
    NODE_ENV: 'production',
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: webUrl,
    AUTH_JWKS_URL: `${webUrl}/api/auth/jwks`,
    LOG_LEVEL: 'warn',
    // Several stacks run at once (jest workers): no fixed metrics port.
    METRICS_PORT: '0',
    ...apiEnv,
  });
  const web = run(WEB_ENTRY, {
    NODE_ENV: 'production',
    PORT: String(webPort),
    HOSTNAME: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: webUrl,
    BETTER_AUTH_SECRET: 'test-secret-0123456789abcdef0123456789',
    API_URL: apiUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    ...webEnv,
  });
  const stop = async () => {
    for (const { child } of [web, api]) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  };
  try {
    await waitUntilReady(`${apiUrl}/ready`, api.child, api.log);
    await waitUntilReady(`${webUrl}/api/ready`, web.child, web.log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, stop };
}
